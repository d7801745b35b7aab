package sohieu.refs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A party body's document has one number however it is written: in text, and as a user types it to cite. */
final class PartyNumberTest {
  private static final CitationRecognizer R = CitationRecognizer.standard();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "36/NQ-TW|36-NQ/TW", "36-NQ/TW|36-NQ/TW", "36/NQ/TW|36-NQ/TW", "36-NQ-TW|36-NQ/TW", "36/nq-tw|36-NQ/TW",
      "57-NQ-TW|57-NQ/TW", "57-nq-tw|57-NQ/TW", "57-NQ/TW.|57-NQ/TW", "'57-NQ/TW,'|57-NQ/TW", "(57-NQ/TW)|57-NQ/TW",
      "\"57-NQ/TW\"|57-NQ/TW", "«57-NQ/TW»;|57-NQ/TW", "128/QD-TW|128-QĐ/TW", "29-NQ/TƯ|29-NQ/TW", "210/KH-TU|210-KH/TU",
      "01/NQ-BCSĐ|01-NQ/BCSĐ", "45/NQ-CP|45/NQ-CP", "45/NQ-CP.|45/NQ-CP", "15/2020/NĐ-CP;|15/2020/NĐ-CP"})
  void everySpellingOfOneNumberCanonicalizesAlike(String typed, String canonical) {
    assertEquals(Optional.of(canonical), R.canonicalize(typed));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Nghị quyết số 36/NQ-TW ngày 26/3/2004 của Bộ Chính trị; Nghị quyết 36-NQ/TW về công tác người Việt Nam ở nước ngoài",
      "Theo Nghị quyết 36-NQ-TW và Nghị quyết số 36/NQ/TW"})
  void textSpellingsOfOneDocumentShareOneKey(String text) {
    List<String> keys = R.scan(text).stream().filter(c -> c.kind() == Citation.Kind.EXPLICIT).map(Citation::canonical).distinct().toList();
    assertEquals(List.of("36-NQ/TW"), keys);
    assertEquals(List.of("36-NQ/TW"), R.explicitMentions(text).stream().map(CitationRecognizer.Mention::canonical).distinct().toList());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"45-NQ-CP", "57-NQ-TW-", "57.NQ/TW", "NQ/TW"})
  void aStateIssuerAfterADashOrOtherJunkIsNoNumber(String typed) {
    assertEquals(Optional.empty(), R.canonicalize(typed));
  }
}
