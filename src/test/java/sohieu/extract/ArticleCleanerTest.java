package sohieu.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Page-furniture removal takes furniture, never a sentence: a credit goes, the text after it stays. */
class ArticleCleanerTest {
  private final Extractor extractor = new Extractor();
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      VOV.VN - Chiều 5/3, Thủ tướng ký Quyết định 12/QĐ-TTg về chuyển đổi số.         | VOV.VN         | Chiều 5/3, Thủ tướng ký Quyết định 12/QĐ-TTg về chuyển đổi số.
      Dangcongsan.vn - Bộ Chính trị ban hành Nghị quyết 57-NQ/TW về khoa học.        | Dangcongsan.vn | Bộ Chính trị ban hành Nghị quyết 57-NQ/TW về khoa học.
      Lenta.ru – Президент подписал указ о сотрудничестве с Вьетнамом.               | Lenta.ru       | Президент подписал указ о сотрудничестве с Вьетнамом.
      """)
  void aCreditOpeningAParagraphKeepsTheParagraph(String paragraph, String outlet, String kept) throws Exception {
    for (String layout : List.of("Tiêu đề bài báo\n%s\nĐoạn thứ hai.\n", "%s\n", "Tiêu đề bài báo %s Đoạn thứ hai.")) {
      Path file = dir.resolve("a.txt");
      Files.writeString(file, layout.formatted(paragraph));
      ExtractedDocument doc = extractor.extract(file);
      assertTrue(doc.text().contains(kept), layout + ": " + doc.text());
      if (layout.startsWith("Tiêu đề")) assertTrue(doc.text().contains("Tiêu đề bài báo"), doc.text());
      // Inside a line the credit is text, not a credit.
      if (!layout.startsWith("Tiêu đề bài báo ")) assertEquals(outlet, doc.outlet(), layout);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Vietnam.vn - Nền tảng quảng bá Việt Nam | Vietnam.vn
      Lenta.ru – Новости                     | Lenta.ru
      """)
  void aBannerLineIsFurniture(String banner, String outlet) throws Exception {
    Path file = dir.resolve("b.txt");
    Files.writeString(file, banner + "\nTiêu đề bài báo\nBộ Chính trị ban hành Nghị quyết 57-NQ/TW.\n");
    ExtractedDocument doc = extractor.extract(file);
    assertEquals("Tiêu đề bài báo\nBộ Chính trị ban hành Nghị quyết 57-NQ/TW.", doc.text());
    assertEquals(outlet, doc.outlet());
  }

  static Stream<Path> seeds() throws Exception {
    try (Stream<Path> s = Files.list(Path.of("corpus"))) {
      return s.filter(p -> p.getFileName().toString().matches("\\d{3}_.*\\.txt")).sorted().toList().stream();
    }
  }

  /** A scraped article on one line keeps every line the multi-line file keeps. */
  @ParameterizedTest
  @MethodSource("seeds")
  void aSeedArticleOnOneLineLosesNothing(Path seed) throws Exception {
    Path oneLine = dir.resolve("one-line.txt");
    Files.writeString(oneLine, Files.readString(seed).replace('\n', ' '));
    String all = spaces(extractor.extract(oneLine).text());
    for (String line : extractor.extract(seed).text().split("\n")) {
      if (!line.isBlank()) assertTrue(all.contains(spaces(line)), "lost: " + line);
    }
    assertFalse(all.isBlank());
  }

  private static String spaces(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
