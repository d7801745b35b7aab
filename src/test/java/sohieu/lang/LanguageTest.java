package sohieu.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LanguageTest {
  @Test
  void theTableNamesTheFiveLanguagesThenUnd() {
    assertEquals(List.of("vi", "ru", "fr", "pl", "en"), Language.CODES);
    assertEquals(Language.CODES, LanguageIdentifier.LANGUAGES);
    assertEquals(Language.UND, Language.values()[Language.values().length - 1]);
    assertEquals(List.of("vi", "fr", "pl", "en"), TrigramScorer.LANGS);
  }

  @ParameterizedTest(name = "{0} -> {1}, folded copy {2}")
  @CsvSource(nullValues = "null", textBlock = """
      vi,   VI,  true
      ru,   RU,  false
      fr,   FR,  false
      pl,   PL,  true
      en,   EN,  false
      und,  UND, true
      de,   UND, true
      null, UND, true
      """)
  void rowOfACode(String code, Language row, boolean foldedCopy) {
    assertEquals(row, Language.of(code));
    assertEquals(foldedCopy, Language.of(code).foldedCopy());
  }

  @Test
  void everyModelNameIsLinguas() {
    for (Language l : Language.IDENTIFIED) {
      assertEquals(l.code(), LinguaLatinModel.code(com.github.pemistahl.lingua.api.Language.valueOf(l.model())));
    }
  }

  @Test
  void lettersAreLowerCaseAndUnique() {
    for (Language l : Language.values()) {
      assertEquals(l.letters().toLowerCase(java.util.Locale.ROOT), l.letters(), l.code());
      assertEquals(l.letters().length(), l.letters().chars().distinct().count(), l.code());
    }
  }

  @Test
  void aLanguageWithoutOwnLettersIsStillIdentifiedByItsModel() {
    assertTrue(Language.EN.letters().isEmpty());
    assertFalse(Language.modelled(Language.Script.LATIN).contains(Language.RU));
    assertEquals("en", LanguageIdentifier.standard().identify("They are endowed with reason and conscience."));
  }
}
