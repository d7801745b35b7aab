package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searches in each language find inflected, elided, differently accented and diacritic-free forms. */
class LanguageSearchTest {
  @TempDir static Path tmp;
  static String index;

  @BeforeAll
  static void ingest() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("pl.txt"), "Sejm przyjął wczoraj nowe przepisy.\n\n"
        + "Zgodnie z treścią uchwały nr 43-KL/TW partia wzmacnia dyplomację ludową w prowincjach przygranicznych.\n");
    Files.writeString(docs.resolve("vi-old.txt"), "Quan hệ Việt Nam và Lào\n\n"
        + "Hai bên nhất trí giữ gìn hoà bình, ổn định và hợp tác ở khu vực biên giới theo Nghị quyết số 25-NQ/TW.\n");
    Files.writeString(docs.resolve("vi-nfd.txt"), Normalizer.normalize("Hội nghị bàn về hòa bình\n\n"
        + "Các đại biểu thảo luận về hòa bình và phát triển bền vững của khu vực Đông Nam Á trong năm tới.\n", Normalizer.Form.NFD));
    Files.writeString(docs.resolve("en.txt"), "Travel notes\n\n"
        + "We drove to Hoa Binh province and the binh lake, where the hoa flowers grow along the road every spring.\n");
    Files.writeString(docs.resolve("fr.txt"), "Relations extérieures\n\n"
        + "Le Comité du Parti à l'étranger a présenté son rapport sur la diplomatie populaire du pays.\n");
    Files.writeString(docs.resolve("ru.txt"), "Народная дипломатия\n\n"
        + "Делегация обсудила вопросы народной дипломатии и сотрудничества между провинциями двух стран.\n\n"
        + "Генеральный секретарь ЦК КПВ Нгуен Фу Чонг (Nguyễn Phú Trọng) принял делегацию в Ханое.\n");
    index = tmp.resolve("index").toString();
    assertEquals(0, CliTest.run("ingest", "--index", index, docs.toString()).code());
  }

  private static List<String> hits(String query) throws Exception {
    CliTest.Run r = CliTest.run("search", query, "--json", "--index", index);
    List<String> out = new ArrayList<>();
    if (r.code() == 1) return out;
    for (JsonNode h : Json.MAPPER.readTree(r.out()).get("hits")) out.add(Path.of(h.get("path").asText()).getFileName().toString());
    return out.stream().sorted().toList();
  }

  @Test
  void vietnameseToneMarkStylesAndNfdMatchAlike() throws Exception {
    // The folded catch-all also finds "Hoa Binh" written without diacritics; it ranks last (see below).
    assertEquals(List.of("en.txt", "vi-nfd.txt", "vi-old.txt"), hits("hoà bình"));
    assertEquals(hits("hoà bình"), hits("hòa bình"));
    assertEquals(List.of("en.txt", "vi-nfd.txt", "vi-old.txt"), hits("hoa binh"));
  }

  @Test
  void polishInflectionsMeet() throws Exception {
    assertEquals(List.of("pl.txt"), hits("uchwała"));
    assertEquals(List.of("pl.txt"), hits("dyplomacja"));
  }

  @Test
  void polishWithoutDiacriticsFindsLemmasPhrasesAndPrefixes() throws Exception {
    assertEquals(List.of("pl.txt"), hits("uchwaly"));
    assertEquals(List.of("pl.txt"), hits("uchwala przyjal"));
    assertEquals(List.of("pl.txt"), hits("\"dyplomacje ludowa\""));
    assertEquals(List.of(), hits("\"ludowa dyplomacje\""));
    assertEquals(List.of("pl.txt"), hits("przygranicz*"));
  }

  @Test
  void frenchElisionAndAccents() throws Exception {
    assertEquals(List.of("fr.txt"), hits("étranger"));
    assertEquals(List.of("fr.txt"), hits("etranger"));
  }

  @Test
  void russianStems() throws Exception {
    assertEquals(List.of("ru.txt"), hits("дипломатия"));
    assertEquals(List.of("ru.txt"), hits("\"народной дипломатии\""));
  }

  @Test
  void russianParagraphsFindLatinNamesTypedWithoutDiacritics() throws Exception {
    assertEquals(List.of("ru.txt"), hits("nguyen phu trong"));
    assertEquals(List.of("ru.txt"), hits("\"Nguyễn Phú Trọng\""));
  }

  /**
   * No paragraph is copied into the folded field: Vietnamese and Polish text is searched without diacritics over its
   * own field's terms, and the other fields fold their text themselves.
   */
  @Test
  void noParagraphHasAFoldedCopy() throws Exception {
    try (var reader = org.apache.lucene.index.DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(Path.of(index)))) {
      var searcher = new org.apache.lucene.search.IndexSearcher(reader);
      java.util.function.ToIntFunction<String> folded = term -> {
        try {
          return searcher.count(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("text_folded", term)));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      };
      assertEquals(0, folded.applyAsInt("binh"), "vi paragraphs are not");
      assertEquals(0, folded.applyAsInt("uchwaly"), "pl paragraphs are not");
      assertEquals(0, folded.applyAsInt("дипломатии"), "ru paragraphs are not");
      assertEquals(0, folded.applyAsInt("etranger"), "fr paragraphs are not");
      assertEquals(0, folded.applyAsInt("flowers"), "en paragraphs are not");
    }
  }

  @Test
  void vietnameseWithoutDiacriticsFindsWordsPhrasesAndPrefixes() throws Exception {
    assertEquals(List.of("vi-old.txt"), hits("nghi quyet"));
    assertEquals(List.of("vi-old.txt"), hits("\"nghi quyet so\""));
    assertEquals(List.of(), hits("\"quyet nghi\""));
    assertEquals(List.of("en.txt", "vi-nfd.txt", "vi-old.txt"), hits("\"hoa binh\""));
    assertEquals(List.of("vi-nfd.txt"), hits("dong nam a"));
    assertEquals(List.of("vi-nfd.txt"), hits("thao lu*"));
  }

  @Test
  void exactDiacriticsRankAboveFolded() throws Exception {
    CliTest.Run r = CliTest.run("search", "hòa bình", "--json", "--index", index);
    List<String> ranked = new ArrayList<>();
    for (JsonNode h : Json.MAPPER.readTree(r.out()).get("hits")) ranked.add(Path.of(h.get("path").asText()).getFileName().toString());
    // "Hoa Binh" without diacritics matches only by its folded form, so it comes last.
    assertEquals(3, ranked.size(), ranked.toString());
    assertEquals("en.txt", ranked.get(2), ranked.toString());
  }
}
