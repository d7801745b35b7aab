package sohieu.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseOrthographyTest {
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(textBlock = """
      nghiêng,  true
      quyết,    true
      khuỷu,    true
      gì,       true
      ừ,        true
      đường,    true
      où,       true
      oeuvre,   false
      ủuvre,    false
      considйrant, false
      strpt,    false
      """)
  void syllables(String word, boolean syllable) {
    assertEquals(syllable, VietnameseOrthography.isSyllable(word));
  }

  @Test
  void lettersAreTheVowelsInEveryToneAndOnlyLettersThoseOutsideLatin1() {
    assertEquals(VietnameseOrthography.composeLetters(), VietnameseOrthography.LETTERS);
    assertEquals(VietnameseOrthography.LETTERS.replaceAll("[\\x{80}-\\x{FF}]", ""), VietnameseOrthography.ONLY_LETTERS);
  }

  @Test
  void onlyLettersAreTheAlphabetOutsideLatin1() {
    // 12 vowels in 6 tones, less the 6 ASCII vowels, plus đ
    assertEquals(12 * 6 - 6 + 1, VietnameseOrthography.LETTERS.length());
    for (char c : "ăđơưạảấầẩẫậẽĩũỹỳ".toCharArray()) assertTrue(VietnameseOrthography.ONLY_LETTERS.indexOf(c) >= 0, "" + c);
    // French, Portuguese, Italian, Czech write these: they prove nothing
    for (char c : "àâãèéêìíòóôõùúý".toCharArray()) {
      assertTrue(VietnameseOrthography.LETTERS.indexOf(c) >= 0, "" + c);
      assertEquals(-1, VietnameseOrthography.ONLY_LETTERS.indexOf(c), "" + c);
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(textBlock = """
      á, true
      ễ, true
      ự, true
      â, false
      ơ, false
      đ, false
      a, false
      """)
  void tones(char c, boolean toned) {
    assertEquals(toned, VietnameseOrthography.hasTone(c));
  }
}
