package sohieu.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every format and encoding analysts send, from fixtures built here with the parsers' own libraries. */
class FormatsTest {
  private static final String RU = "Реализуя Постановление 25-NQ/TW Центрального Комитета партии и Заключение 43-KL/TW "
      + "от 7 января 2019 года Секретариата, партийный комитет разработал программу работы с вьетнамцами за рубежом.";
  private static final String PL = "Sekretarz Partii Bloku stwierdził, że zgodnie z decyzją nr 16-QD/TW Centralnego "
      + "Komitetu Wykonawczego, żadna uchwała nie została źle zrozumiana.";
  private static final String FR = "Après 4 ans de mise en œuvre de la décision n° 209 du 26 novembre 2019 du Politburo, "
      + "le Comité du Parti à l'étranger a été renforcé.";
  private static final String VI = "Đoàn công tác của Ban Dân vận Trung ương làm việc với Ban Cán sự đảng Bộ Ngoại giao "
      + "về tổng kết thực hiện Nghị quyết 25-NQ/TW và Kết luận 43-KL/TW, quyết định số 16-QĐ/TW.";

  private final Extractor extractor = new Extractor();

  private String text(byte[] bytes, String name) throws Exception {
    return extractor.extract(new ByteArrayInputStream(bytes), name).text();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"windows-1251,ru", "KOI8-R,ru", "IBM866,ru", "windows-1250,pl", "ISO-8859-2,pl", "windows-1252,fr",
      "UTF-16LE,vi", "UTF-16BE,ru", "TCVN3,vi", "VISCII,vi", "UTF-8,vi"})
  void legacyEncodingsAreDetectedFromTheDecodedText(String charset, String lang) throws Exception {
    String expected = switch (lang) {
      case "ru" -> RU;
      case "pl" -> PL;
      case "fr" -> FR;
      default -> VI;
    };
    assertEquals(expected, text(expected.getBytes(Charset.forName(charset)), "a.txt"), charset);
  }

  @Test
  void utf16WithByteOrderMark() throws Exception {
    byte[] body = VI.getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[body.length + 2];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(body, 0, bytes, 2, body.length);
    assertEquals(VI, text(bytes, "a.txt"));
  }

  @Test
  void forcedCharsetWinsOverDetection() throws Exception {
    byte[] bytes = RU.getBytes(Charset.forName("KOI8-R"));
    String asCp1251 = new Extractor(Charset.forName("windows-1251")).extract(new ByteArrayInputStream(bytes), "a.txt").text();
    assertTrue(!asCp1251.equals(RU) && asCp1251.length() == RU.length());
  }

  @Test
  void htmlMetaCharsetIsHonoured() throws Exception {
    String html = "<html><head><meta charset=\"windows-1251\"><title>Статья</title></head><body><p>" + RU + "</p></body></html>";
    assertTrue(text(html.getBytes(Charset.forName("windows-1251")), "a.html").contains(RU));
  }

  @Test
  void docx() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.createParagraph().createRun().setText(RU);
      doc.createParagraph().createRun().setText(VI);
      doc.write(out);
    }
    String text = text(out.toByteArray(), "a.docx");
    assertTrue(text.contains(RU + "\n"), text);
    assertTrue(text.contains(VI), text);
  }

  @Test
  void pdfTextLayer() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
        content.newLineAtOffset(40, 700);
        content.showText("la décision n° 209 du 26 novembre 2019 du Politburo");
        content.endText();
      }
      doc.save(out);
    }
    assertTrue(text(out.toByteArray(), "a.pdf").contains("la décision n° 209 du 26 novembre 2019 du Politburo"));
  }

  @Test
  void odt() throws Exception {
    String content = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
          xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
        <office:body><office:text><text:p>%s</text:p><text:p>%s</text:p></office:text></office:body>
        </office:document-content>""".formatted(PL, VI);
    String manifest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
        <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
        <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
        </manifest:manifest>""";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      byte[] mime = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
      ZipEntry m = new ZipEntry("mimetype");
      m.setMethod(ZipEntry.STORED);
      m.setSize(mime.length);
      CRC32 crc = new CRC32();
      crc.update(mime);
      m.setCrc(crc.getValue());
      zip.putNextEntry(m);
      zip.write(mime);
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
      zip.write(manifest.getBytes(StandardCharsets.UTF_8));
    }
    String text = text(out.toByteArray(), "a.odt");
    assertTrue(text.contains(PL) && text.contains(VI), text);
  }

  @Test
  void rtfWithUnicodeEscapes() throws Exception {
    StringBuilder rtf = new StringBuilder("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0 ");
    for (char c : VI.toCharArray()) rtf.append(c < 128 ? String.valueOf(c) : "\\u" + (int) c + "?");
    rtf.append("\\par}");
    assertTrue(text(rtf.toString().getBytes(StandardCharsets.US_ASCII), "a.rtf").contains(VI));
  }

  @ParameterizedTest
  @ValueSource(strings = {"nq57_excerpt.cp1258.txt", "nq57_excerpt.cp1258.html", "nq57_excerpt.tcvn5712-1.txt",
      "nq57_excerpt.viscii.txt", "nq57_excerpt.utf16le-bom.txt", "nq57_excerpt.utf8-nfd.txt", "udhr_vie.tcvn5712-1.txt",
      "udhr_vie.viscii.txt", "udhr_rus.cp1251.txt", "udhr_rus.koi8-r.txt", "udhr_pol.cp1250.txt",
      "udhr_pol.iso-8859-2.txt", "udhr_fra.cp1252.txt"})
  void realLegacyFilesDecodeLikeTheirUtf8Versions(String name) throws Exception {
    Path dir = Path.of("../shared/data/formats/legacy_encodings");
    assumeTrue(Files.isDirectory(dir), "../shared/data is absent: real legacy-encoded files are checked where available");
    String stem = name.substring(0, name.indexOf('.'));
    Path utf8 = Files.exists(dir.resolve(stem + ".utf8.txt")) ? dir.resolve(stem + ".utf8.txt") : dir.resolve(stem + ".utf8-nfc.txt");
    String expected = extractor.extract(utf8).text();
    String got = extractor.extract(dir.resolve(name)).text();
    String head = expected.substring(0, Math.min(400, expected.length()));
    assertTrue(got.contains(head.substring(head.indexOf('\n') + 1)), name + ": " + got.substring(0, Math.min(200, got.length())));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "tika_testdocs/testWORD.doc|Sample Word Document", "tika_testdocs/testWORD_various.doc|Footnote appears here",
      "tika_testdocs/testWORD.docx|Sample Word Document", "tika_testdocs/testRTFWindowsCodepage1250.rtf|zażółć gęślą jaźń",
      "tika_testdocs/testEPUB.epub|Chapter 1", "tika_testdocs/testHTML_charset_utf16le.html|This is a sample text",
      "tika_testdocs/testODFwithOOo3.odt|Tika is part of the Lucene project.", "tika_testdocs/testPDF.pdf|Apache Tika",
      "tika_testdocs/russian.cp866.txt|Однажды, в студеную зимнюю пору", "epub/audacity-manual.pl.epub|niebezpieczeństwa",
      "html/udhr.vie.html|Tuyên ngôn", "pdf/maint-guide.ru.pdf|Прос"})
  void realFilesOfEveryFormat(String file, String expected) throws Exception {
    Path path = Path.of("../shared/data/formats").resolve(file);
    assumeTrue(Files.exists(path), "../shared/data is absent: real files of every format are checked where available");
    String text = extractor.extract(path).text();
    assertTrue(text.contains(expected), file + ": " + text.substring(0, Math.min(300, text.length())));
  }

  @Test
  void vniIsDecodedAndDetected() throws Exception {
    byte[] bytes = vni(VI);
    assertEquals(VI, new Extractor(Charset.forName("VNI")).extract(new ByteArrayInputStream(bytes), "a.txt").text());
    assertEquals(VI, text(bytes, "a.txt"));
  }

  /**
   * VNI Windows bytes for Vietnamese text, written from the keyboard layout's rules (base letter, then a byte for
   * circumflex or breve with or without the tone, or for the tone alone; own bytes for đ, ơ, ư and toned i, ỵ).
   */
  static byte[] vni(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String tones = "\u0301\u0300\u0309\u0303\u0323";
    for (char c : text.toCharArray()) {
      String d = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
      char base = d.charAt(0);
      boolean upper = Character.isUpperCase(base);
      if (c == 'đ' || c == 'Đ') { out.write(upper ? 0xD1 : 0xF1); continue; }
      if (d.length() == 1) { out.write(c); continue; }
      int tone = -1; char mod = 0;
      for (int i = 1; i < d.length(); i++) {
        int t = tones.indexOf(d.charAt(i));
        if (t >= 0) tone = t; else mod = d.charAt(i);
      }
      char lower = Character.toLowerCase(base);
      if (lower == 'i' && mod == 0) { out.write(upper ? new int[] {0xCD, 0xCC, 0xC6, 0xD3, 0xD2}[tone] : new int[] {0xED, 0xEC, 0xE6, 0xF3, 0xF2}[tone]); continue; }
      if (lower == 'y' && mod == 0 && tone == 4) { out.write(upper ? 0xCE : 0xEE); continue; }
      if (mod == '\u031B') { // horn: ơ, ư have their own bytes
        out.write(lower == 'o' ? (upper ? 0xD4 : 0xF4) : (upper ? 0xD6 : 0xF6));
        if (tone >= 0) out.write(upper ? new int[] {0xD9, 0xD8, 0xDB, 0xD5, 0xCF}[tone] : new int[] {0xF9, 0xF8, 0xFB, 0xF5, 0xEF}[tone]);
        continue;
      }
      out.write(base);
      if (mod == '\u0302') out.write(tone < 0 ? (upper ? 0xC2 : 0xE2) : (upper ? new int[] {0xC1, 0xC0, 0xC5, 0xC3, 0xC4} : new int[] {0xE1, 0xE0, 0xE5, 0xE3, 0xE4})[tone]);
      else if (mod == '\u0306') out.write(tone < 0 ? (upper ? 0xCA : 0xEA) : (upper ? new int[] {0xC9, 0xC8, 0xDA, 0xDC, 0xCB} : new int[] {0xE9, 0xE8, 0xFA, 0xFC, 0xEB})[tone]);
      else out.write(upper ? new int[] {0xD9, 0xD8, 0xDB, 0xD5, 0xCF}[tone] : new int[] {0xF9, 0xF8, 0xFB, 0xF5, 0xEF}[tone]);
    }
    return out.toByteArray();
  }
}
