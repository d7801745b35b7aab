package sohieu.refs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Citations in text read by OCR: each misreading a scan makes of a document number, read back only where the codes
 * make the reading clear, with lower confidence; and the traps, noise that must stay noise.
 */
final class OcrReadingTest {
  private static final CitationRecognizer R = CitationRecognizer.standard();

  private static List<Citation> ocr(String text) {
    return R.scan(text, Integer.MAX_VALUE, List.of(new CitationRecognizer.Scanned(0, text.length())));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(delimiter = ';', value = {
      // Đ read as D (already a typed spelling) or as the Icelandic eth
      "Đ as D;Nghị định số 15/2020/ND-CP của Chính phủ;15/2020/NĐ-CP;15/2020/ND-CP",
      "Đ as Ð;Nghị định số 15/2020/NÐ-CP của Chính phủ;15/2020/NĐ-CP;15/2020/NÐ-CP",
      "Đ as ð in a code;theo Quyết định số 1234/Qð-TTg ngày 5/1/2022;1234/QĐ-TTg;1234/Qð-TTg",
      // 0 and O
      "O in a year;Nghị định số 15/2O20/NĐ-CP quy định;15/2020/NĐ-CP;15/2O20/NĐ-CP",
      "O in a number;Chỉ thị số O5-CT/TW của Ban Bí thư;05-CT/TW;O5-CT/TW",
      "o in a year;Luật số 10/2o22/QH15 của Quốc hội;10/2022/QH15;10/2o22/QH15",
      // 1, l, I and |
      "l in a number;Kết luận số l2-KL/TW của Bộ Chính trị;12-KL/TW;l2-KL/TW",
      "I in a number;Директива № I2-CT/TW от 5 января 2022 года;12-CT/TW;I2-CT/TW",
      "bar in a year;Nghị định số 47/202| /NĐ-CP;47/2021/NĐ-CP;47/202| /NĐ-CP",
      // spaces inside a code
      "space in a code;Nghị quyết số 57-N Q/TW về khoa học;57-NQ/TW;57-N Q/TW",
      "space in an issuer;Nghị định số 15/2020/NĐ-C P của Chính phủ;15/2020/NĐ-CP;15/2020/NĐ-C P",
      "space in a year;Nghị định số 15/20 20/NĐ-CP của Chính phủ;15/2020/NĐ-CP;15/20 20/NĐ-CP",
      // a hyphen lost at a line end: OCR joins the wrapped line with a space, or keeps the break
      "hyphen lost, space;Nghị quyết số 57 NQ/TW ngày 22/12/2024;57-NQ/TW;57 NQ/TW",
      "hyphen lost, break;thực hiện Nghị quyết số 57⏎NQ/TW của Bộ Chính trị;57-NQ/TW;57⏎NQ/TW",
      "hyphen lost in a decree;Nghị định số 15/2020/NĐ CP của Chính phủ;15/2020/NĐ-CP;15/2020/NĐ CP",
      // Cyrillic look-alikes in a Russian page's Latin code
      "Cyrillic look-alikes;Директивы № 12-СТ/TW от 5 января 2022 года;12-CT/TW;12-СТ/TW",
  })
  void readsAMisreadNumber(String confusion, String text, String canonical, String raw) {
    text = text.replace('⏎', '\n'); // a line break, which a CSV row cannot hold
    raw = raw.replace('⏎', '\n');
    List<Citation> found = ocr(text);
    assertEquals(1, found.size(), confusion + ": " + found);
    Citation c = found.get(0);
    assertEquals(canonical, c.canonical(), confusion);
    assertEquals(raw, c.raw(), confusion + ": raw is the text's own");
    assertEquals(raw, text.substring(c.start(), c.end()), confusion + ": offsets into the text");
    if (!raw.equals(canonical.replace("Đ", "D")) && !raw.equals(canonical)) {
      assertTrue(c.confidence() < 1.0, confusion + ": a misread number is trusted less, " + c.confidence());
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "no digit at all|Chỉ thị số IO-CT/TW của Ban Bí thư",
      "letters only|Kết luận số lI-KL/TW của Bộ Chính trị",
      "an unknown code misread|Kế hoạch № 210-КН/ТО от 16 октября 2023 года",
      "an unknown issuer made up of noise|Nghị quyết số 5 NQ/XQZ ngày 3",
      "a page number and a heading|Trang 2 NGHỊ QUYẾT",
      "a date and capitals|ngày 22 tháng 12 năm 2O24 BỘ CHÍNH TRỊ",
      "a ratio in noise|tỷ lệ 1O/2O đạt yêu cầu",
      "a section number|Điều 5 Luật Đất đai",
      "a phone number|Điện thoại: 024 O8O4 3456",
  })
  void leavesNoiseAlone(String trap, String text) {
    assertEquals(List.of(), ocr(text), trap);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // a misread number with a code the vocabulary does not know counts for nothing: no short form resolves to it
      "an unknown code misread|Kế hoạch số 21O-KH/XQZ ngày 3/5/2023 của tỉnh. Các sở thực hiện Kế hoạch số 210 nghiêm túc.|",
      "Cyrillic look-alikes in an unknown code|План № 21O-КН/ТО от 16 октября 2023 года. Во исполнение плана № 210 отделы работают.|",
      // a misread number whose codes are known counts, and so do its short forms, trusted as little as it
      "a known code misread|Kết luận số l2-KL/TW của Bộ Chính trị. Tiếp tục thực hiện Kết luận 12 trong năm."
          + "|EXPLICIT 12-KL/TW 0.85, SHORT 12-KL/TW 0.68",
      "a decree's year misread|Nghị định số 15/2O20/NĐ-CP của Chính phủ. Theo Nghị định 15/2020, các bộ."
          + "|EXPLICIT 15/2020/NĐ-CP 0.85, SHORT 15/2020/NĐ-CP 0.68",
      // typed too: the short form is trusted as in a typed text
      "misread and typed|Kết luận số l2-KL/TW của Bộ Chính trị. Kết luận số 12-KL/TW. Tiếp tục thực hiện Kết luận 12 trong năm."
          + "|EXPLICIT 12-KL/TW 0.85, EXPLICIT 12-KL/TW 1.00, SHORT 12-KL/TW 0.80",
  })
  void aShortFormResolvesOnlyAgainstANumberThatCounts(String reading, String text, String expected) {
    List<String> found = ocr(text).stream()
        .map(c -> c.kind() + " " + c.canonical() + " " + String.format(java.util.Locale.ROOT, "%.2f", c.confidence())).toList();
    assertEquals(expected == null ? "" : expected, String.join(", ", found), reading);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "typed|Số: 210-KH/UBND|210-KH/UBND",
      "a known code misread|Số: 2lO-KH/UBND|210-KH/UBND",
      "an unknown code misread|Số: 21O-KH/XQZ|",
      "Cyrillic look-alikes in an unknown code|Số: 21O-КН/ТО|",
  })
  void aScannedLetterheadNamesItsDocumentOnlyByANumberThatCounts(String reading, String numberLine, String canonical) {
    String page = "UBND TỈNH BẮC NINH\n\n" + numberLine + "\n\nBắc Ninh, ngày 3 tháng 5 năm 2023\n\nKẾ HOẠCH\n\nvề việc triển khai";
    assertEquals(java.util.Optional.ofNullable(canonical),
        R.identify(page, List.of(new CitationRecognizer.Scanned(0, page.length()))).map(DocumentIdentity::canonical), reading);
  }

  @Test
  void typedTextIsReadAsBefore() {
    String text = "Nghị quyết số 57-NQ/TW ngày 22/12/2024 và Nghị định số 15/2020/NĐ-CP.";
    List<Citation> typed = R.scan(text, Integer.MAX_VALUE);
    assertEquals(typed, ocr(text), "text without misreadings: the same citations, the same confidence");
    assertEquals(typed, R.scan(text, Integer.MAX_VALUE, List.of()), "nothing scanned: the typed scan");
  }

  @Test
  void onlyTheScannedSpanIsReadAsAScan() {
    String typed = "Nghị quyết số 57 NQ/TW. ";
    String scanned = "Kết luận số l2-KL/TW của Bộ Chính trị.";
    String text = typed + scanned;
    List<Citation> found = R.scan(text, Integer.MAX_VALUE,
        List.of(new CitationRecognizer.Scanned(typed.length(), text.length())));
    assertEquals(List.of("12-KL/TW"), found.stream().map(Citation::canonical).toList());
    assertEquals(typed.length() + scanned.indexOf("l2"), found.get(0).start());
  }

  @Test
  void aScannedLetterheadNamesItsDocument() {
    String page = "ĐẢNG CỘNG SẢN VIỆT NAM\n\nBAN CHẤP HÀNH TRUNG ƯƠNG\n\nSố: 57-NQ/TW\n\n"
        + "Hà Nội, ngày 22 tháng 12 năm 2O24\n\nNGHỊ QUYẾT\n\nvề đột phá phát triển khoa học, công nghệ";
    DocumentIdentity id = R.identify(page, List.of(new CitationRecognizer.Scanned(0, page.length()))).orElseThrow();
    assertEquals("57-NQ/TW", id.canonical());
    assertEquals("57-NQ/TW", page.substring(id.start(), id.end()));

    String misread = page.replace("57-NQ/TW", "57-NQ/TW").replace("Số: 57-NQ/TW", "Số: 5 7-NQ/TW");
    assertEquals(java.util.Optional.empty(), R.identify(misread), "typed, a broken number names nothing");
  }
}
