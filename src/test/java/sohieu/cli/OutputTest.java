package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutputTest {
  /** What a mention shows of its sentence, with «» for the marks. */
  private static String shown(String sentence, String mention, int max) {
    int at = sentence.indexOf(mention);
    return new Style(false).marks(Output.clipAround(sentence, at, at + mention.length(), max));
  }

  @Test
  void aShortSentenceIsShownWholeOnOneLine() {
    assertEquals("Thực hiện «Chỉ thị 12-CT/TW» của Ban Bí thư", shown("Thực hiện Chỉ thị 12-CT/TW\ncủa Ban Bí thư", "Chỉ thị 12-CT/TW", 100));
  }

  @Test
  void aMentionFarIntoALongSentenceStaysInViewInTheMiddle() {
    String before = "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015, ".repeat(8);
    String sentence = before + "Nghị định số 15/2020/NĐ-CP ngày 03 tháng 02 năm 2020 của Chính phủ" + " quy định xử phạt.".repeat(3);
    String shown = shown(sentence, "15/2020/NĐ-CP", 100);
    int length = shown.codePointCount(0, shown.length()) - 2; // the marks are not counted
    assertTrue(length <= 100 && length > 100 - 2 * 20, shown);
    assertTrue(shown.startsWith("…") && shown.endsWith("…"), shown);
    // cut between words
    String plain = Style.plain(shown.replace("«", Style.OPEN_MARK).replace("»", Style.CLOSE_MARK));
    assertTrue(sentence.contains(" " + plain.substring(1, plain.length() - 1) + " "), shown);
    int mark = shown.indexOf("«15/2020/NĐ-CP»");
    assertTrue(Math.abs(mark - (shown.length() - mark - "«15/2020/NĐ-CP»".length())) <= 2, "in the middle: " + shown);
  }

  @Test
  void aMentionNearAnEndTakesTheRoomFromTheOtherSide() {
    String tail = " và các văn bản hướng dẫn thi hành có liên quan".repeat(6);
    String first = shown("Chỉ thị 12-CT/TW" + tail, "Chỉ thị 12-CT/TW", 80);
    assertTrue(first.startsWith("«Chỉ thị 12-CT/TW»") && first.endsWith("…"), first);
    assertTrue(first.codePointCount(0, first.length()) <= 80 + 2, first);
    String last = shown(tail + " theo Chỉ thị 12-CT/TW", "Chỉ thị 12-CT/TW", 80);
    assertTrue(last.startsWith("…") && last.endsWith("«Chỉ thị 12-CT/TW»"), last);
    assertTrue(last.codePointCount(0, last.length()) <= 80 + 2, last);
    assertTrue((tail + " theo ").contains(" " + last.substring(1, last.indexOf('«'))), "cut between words: " + last);
  }

  @Test
  void lettersOutsideTheBasicPlaneAreNeverCutInHalf() {
    String sentence = "𝐓𝐨𝐧𝐠 ".repeat(40) + "25-NQ/TW" + " 𝐤𝐞𝐭".repeat(40);
    String shown = shown(sentence, "25-NQ/TW", 50);
    assertTrue(shown.contains("«25-NQ/TW»"), shown);
    assertEquals(shown.length(), shown.codePoints().map(Character::charCount).sum());
    shown.codePoints().forEach(c -> assertTrue(c > 0xFFFF || !Character.isSurrogate((char) c), shown));
  }
}
