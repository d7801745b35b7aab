package sohieu.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExtractorTest {
  private final Extractor extractor = new Extractor();

  @Test
  void seedArticleKeepsItsTextAndDropsTheRelatedArticlesTrailer() throws Exception {
    ExtractedDocument doc = extractor.extract(Path.of("corpus/000_3b03ef79f46259d1.txt"));
    assertTrue(doc.text().contains("Заключение 43-KL/TW от 7 января 2019 года Секретариата"));
    assertTrue(doc.text().contains("Nghị quyết 25-NQ/TW và Kết luận 43- KL/TW"));
    assertFalse(doc.text().contains("Та же тема"), "trailer kept");
    assertFalse(doc.text().contains("Вьетнам призывает к мирному разрешению конфликта"), "related headline kept");
    assertFalse(doc.text().contains("Комментарий (0)"));
  }

  @Test
  void seedDatelineGivesOutletAndPublicationDate() throws Exception {
    ExtractedDocument doc = extractor.extract(Path.of("corpus/000_3b03ef79f46259d1.txt"));
    assertEquals("Báo Quốc Tế", doc.outlet());
    assertEquals(LocalDate.of(2023, 12, 21), doc.published());
    assertTrue(doc.title().startsWith("Партийный исполком Министерства иностранных дел"));
    assertFalse(doc.text().contains("Báo Quốc TếBáo Quốc Tế"), "dateline left in the text");
  }

  @Test
  void seedBannerSourceLineAndShareRow() throws Exception {
    ExtractedDocument doc = extractor.extract(Path.of("corpus/003_9c870309ebbbcf83.txt"));
    assertEquals("Vietnam.vn", doc.outlet());
    assertEquals(LocalDate.of(2023, 12, 23), doc.published());
    assertEquals("https://www.vietnamplus.vn/tiep-tuc-day-manh-cong-tac-xay-dung-chinh-don-dang-trong-nganh-ngoai-giao-post917213.vnp",
        doc.sourceUrl());
    assertEquals("Continuer à promouvoir le travail de construction et de rectification du Parti dans le secteur diplomatique",
        doc.title());
    assertFalse(doc.text().contains("ZaloFacebookTwitter"));
    assertFalse(doc.text().contains("Son Doong"), "related headline kept");
    assertTrue(doc.text().contains("la décision n° 209 du 26 novembre 2019 du Politburo"));
  }

  @Test
  void agencyCreditNamesTheOutlet() throws Exception {
    assertEquals("Baonghean.vn", extractor.extract(Path.of("corpus/002_7ecb2339ddcb0247.txt")).outlet());
  }

  @Test
  void htmlNavigationFooterAndRelatedBlocksAreDropped() throws Exception {
    String html = """
        <html><head><title>Site | Title</title><meta property="og:title" content="Hà Tĩnh và Chỉ thị 12-CT/TW">
        <meta property="article:published_time" content="2023-11-25T08:00:00+07:00">
        <meta property="og:site_name" content="Vietnam.vn"></head>
        <body><nav><a href="/">Trang chủ</a><a href="/x">Chính trị</a></nav>
        <article><h1>Hà Tĩnh và Chỉ thị 12-CT/TW</h1><p>Thực hiện Chỉ thị số 12-CT/TW ngày 5/1/2022 của Ban Bí thư.</p>
        <p>Đoạn thứ hai.</p></article>
        <div class="related-news"><a>Tin khác về Hà Nội</a></div>
        <footer>Bản quyền thuộc về Vietnam.vn</footer></body></html>""";
    ExtractedDocument doc = extractor.extract(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)), "a.html");
    assertEquals("Hà Tĩnh và Chỉ thị 12-CT/TW", doc.title());
    assertEquals(LocalDate.of(2023, 11, 25), doc.published());
    assertEquals("Vietnam.vn", doc.outlet());
    assertTrue(doc.text().contains("Thực hiện Chỉ thị số 12-CT/TW ngày 5/1/2022 của Ban Bí thư.\n"), doc.text());
    assertFalse(doc.text().contains("Trang chủ"));
    assertFalse(doc.text().contains("Tin khác"));
    assertFalse(doc.text().contains("Bản quyền"));
    assertTrue(doc.contentType().startsWith("text/html"));
  }

  @Test
  void decomposedVietnameseIsComposed() throws Exception {
    String nfd = java.text.Normalizer.normalize("Nghị quyết số 57-NQ/TW", java.text.Normalizer.Form.NFD);
    ExtractedDocument doc = extractor.extract(new ByteArrayInputStream(nfd.getBytes(StandardCharsets.UTF_8)), "a.txt");
    assertEquals("Nghị quyết số 57-NQ/TW", doc.text());
  }

  @Test
  void cyrillicInWindows1251IsDecoded() throws Exception {
    String ru = "Постановление 25-NQ/TW Центрального Комитета партии о работе с вьетнамцами за рубежом. "
        + "Реализуя постановление, партийный комитет Министерства иностранных дел разработал программу.";
    byte[] bytes = ru.getBytes(Charset.forName("windows-1251"));
    assertEquals(ru, extractor.extract(new ByteArrayInputStream(bytes), "a.txt").text());
  }

  @Test
  void corruptPdfFailsWithOneLineReason() {
    byte[] junk = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a pdf body".getBytes(StandardCharsets.US_ASCII);
    ExtractionException e = assertThrows(ExtractionException.class,
        () -> extractor.extract(new ByteArrayInputStream(junk), "broken.pdf"));
    assertFalse(e.getMessage().contains("\n"));
  }
}
