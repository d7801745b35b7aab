package sohieu.refs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** canonicalize, identify, the vocabulary, offsets and robustness against any input. */
final class RecognizerApiTest {
  private static final CitationRecognizer R = CitationRecognizer.standard();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "16-qd/tw|16-QĐ/TW", "16-QD/TW|16-QĐ/TW", "43- KL/TW|43-KL/TW", "15/2020/nd-cp|15/2020/NĐ-CP",
      "  25-NQ/TW  |25-NQ/TW", "1234/qđ-ttg|1234/QĐ-TTg", "58/2016/QĐ-Ttg|58/2016/QĐ-TTg", "số 57-NQ/TW|57-NQ/TW",
      "Nghị quyết 57-NQ/TW|57-NQ/TW", "10/2022/qh15|10/2022/QH15", "120/2020/NĐ-СР|120/2020/NĐ-CP",
      "04/2017/TT-BGDDT|04/2017/TT-BGDĐT", "26–NQ/TW|26-NQ/TW", "№ 12-CT/TW|12-CT/TW", "562/BKHCN-VCL|562/BKHCN-VCL"})
  void canonicalizesUserSpellings(String in, String want) {
    assertEquals(Optional.of(want), R.canonicalize(in));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"hello", "2024", "24/10/2023", "25-NQ/TW và 26-NQ/TW", "abc 25-NQ/TW", "25", "''"})
  void rejectsWhatIsNotOneNumber(String in) {
    assertEquals(Optional.empty(), R.canonicalize(in));
  }

  @Test
  void canonicalizeNullIsEmpty() {
    assertEquals(Optional.empty(), R.canonicalize(null));
  }

  @Test
  void vocabularyNamesTypesAndIssuersInFiveLanguages() {
    Vocabulary v = Vocabulary.standard();
    assertEquals("Nghị quyết", v.typeName("NQ", "vi"));
    assertEquals("постановление", v.typeName("NQ", "ru"));
    assertEquals("résolution", v.typeName("NQ", "fr"));
    assertEquals("uchwała", v.typeName("NQ", "pl"));
    assertEquals("resolution", v.typeName("NQ", "en"));
    assertEquals("Quyết định", v.typeName("QD", "vi"));
    assertEquals("Bộ Chính trị", v.issuerName("BCT", "vi"));
    assertEquals("Politburo", v.issuerName("BCT", "en"));
    assertEquals("Central Committee", v.issuerName("TW", "en"));
    assertEquals("National Assembly", v.issuerName("QH15", "en"));
    assertEquals("Ministry of Finance", v.issuerName("BTC", "ru"), "falls back to English");
    assertEquals(null, v.typeName("XYZ", "en"));
    assertTrue(v.typeForms("NQ", "ru").containsAll(List.of("постановления", "постановлению")));
    assertTrue(v.typeForms("NQ", "pl").containsAll(List.of("uchwały", "uchwale")));
    for (String lang : Vocabulary.LANGS) {
      for (String code : List.of("NQ", "KL", "CT", "QĐ", "KH", "HD", "TB", "QC", "ĐA", "BC", "CV", "TTr")) {
        assertNotNull(v.typeName(code, lang), code + " in " + lang);
      }
    }
  }

  @Test
  void citationCarriesCodesAndSentence() {
    String t = "Mở đầu. Theo Quyết định số 1234/QĐ-TTg ngày 5/1/2022 của Thủ tướng Chính phủ. Hết.";
    Citation c = R.scan(t).get(0);
    assertEquals("QĐ", c.type());
    assertEquals("TTg", c.issuer());
    assertEquals("1234", c.number());
    assertEquals(null, c.year());
    assertEquals(LocalDate.of(2022, 1, 5), c.issued());
    assertEquals(1.0, c.confidence());
    assertEquals("Theo Quyết định số 1234/QĐ-TTg ngày 5/1/2022 của Thủ tướng Chính phủ.", c.sentence());
  }

  @Test
  void identifiesAnOfficialHeader() {
    String t = """
        BAN CHẤP HÀNH TRUNG ƯƠNG
        *
        Số: 57-NQ/TW
        ĐẢNG CỘNG SẢN VIỆT NAM
        Hà Nội, ngày 22 tháng 12 năm 2024

        NGHỊ QUYẾT
        CỦA BỘ CHÍNH TRỊ
        về đột phá phát triển khoa học, công nghệ

        Phát triển khoa học ... Nghị quyết 45-NQ/TW ...
        """;
    DocumentIdentity id = R.identify(t).orElseThrow();
    assertEquals("57-NQ/TW", id.canonical());
    assertEquals("NQ", id.type());
    assertEquals("TW", id.issuer());
    assertEquals(LocalDate.of(2024, 12, 22), id.issued());
    assertEquals("về đột phá phát triển khoa học, công nghệ", id.title());
    assertEquals("57-NQ/TW", t.substring(id.start(), id.end()));
  }

  @Test
  void anArticleCitingADocumentIsNotThatDocument() {
    assertFalse(R.identify("Hà Nội, ngày 5 tháng 1 năm 2022. Nghị quyết số 57-NQ/TW của Bộ Chính trị đã...").isPresent());
    assertFalse(R.identify("").isPresent());
    assertFalse(R.identify(null).isPresent());
  }

  @Test
  void neverThrowsOnRandomText() {
    Random rnd = new Random(42);
    String alphabet = "0123456789-–—/ \n№n°NQĐdđTWtwKLCPcpх.,:()«»ngàyотdu1234567890/-ÐＮ１／\\_@";
    for (int k = 0; k < 20000; k++) {
      StringBuilder b = new StringBuilder();
      int len = rnd.nextInt(60);
      for (int i = 0; i < len; i++) b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      String s = b.toString();
      for (Citation c : R.scan(s)) assertEquals(s.substring(c.start(), c.end()), c.raw());
      R.canonicalize(s);
      R.identify(s);
    }
    assertTrue(R.scan(null).isEmpty());
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void adversarialMegabyteDoesNotHang() {
    String mb = adversarial(1 << 20);
    assertTrue(mb.length() >= 1 << 20);
    R.scan(mb);
    R.identify(mb);
  }

  /** Long runs of digits, dashes, slashes, "№ № №", near-codes and mixed scripts, about {@code size} chars. */
  static String adversarial(int size) {
    String[] parts = {"1".repeat(5000), "-".repeat(3000), "/".repeat(3000), "№ ".repeat(2000),
        "1-1-1-1-1-".repeat(500), "12/2020/".repeat(500), "25-NQ/".repeat(500), "Nghị quyết 1 ".repeat(400),
        "резолюции 25 и заключения 43 ".repeat(200), "25 - NQ / TW / 25 - NQ / ".repeat(200), "ａ１－／".repeat(500),
        "Постановление № 1 от 1 января 2020 года ".repeat(100), "x".repeat(5000), "NQ/TW".repeat(1000),
        "1/2/3/4/5/6/7/8/9/".repeat(300), "\\-\\-\\-".repeat(500), "số số số số ".repeat(300)};
    StringBuilder b = new StringBuilder(size + 10000);
    for (int k = 0; b.length() < size; k++) b.append(parts[k % parts.length]).append(' ');
    return b.toString();
  }
}
