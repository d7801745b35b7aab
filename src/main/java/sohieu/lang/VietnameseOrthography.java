package sohieu.lang;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The spelling rules of Vietnamese that several stages need, written once: the encoding detector (is this decoded
 * word a syllable?), the language identifier (which letters prove Vietnamese?) and the tone-mark filter (where does
 * the mark go?) must agree on them.
 */
public final class VietnameseOrthography {
  /** Vowel letters without tone. */
  public static final String VOWELS = "aăâeêioôơuưy";
  /** Vowels carrying a quality mark (breve, circumflex, horn). */
  public static final String QUALITY_VOWELS = "ăâêôơư";
  /** Combining tone marks, tone 1 to 5: huyền, sắc, hỏi, ngã, nặng. */
  public static final String TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323";
  /** Initial consonants, "" for a syllable that starts with its vowel. */
  public static final List<String> INITIALS = List.of("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh",
      "l", "m", "n", "ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x");
  /** Final consonants, "" for an open syllable. */
  public static final List<String> FINALS = List.of("", "c", "ch", "m", "n", "ng", "nh", "p", "t");
  /**
   * Every lower-case letter of the alphabet beyond ASCII: đ, then each vowel bare and in tones 1 to 5 (NFC). Written
   * out, not composed here, so that the language identifier's first use costs no normalizer (a test composes it).
   */
  public static final String LETTERS = "đàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";
  /**
   * The letters no other language writes: those outside Latin-1. Latin-1's à á â ã è é ê ì í ò ó ô õ ù ú ý are
   * Vietnamese too, but French, Portuguese, Italian, Spanish or Czech write them as well, so they prove nothing.
   */
  public static final String ONLY_LETTERS = "đảạăằắẳẵặầấẩẫậẻẽẹềếểễệỉĩịỏọồốổỗộơờớởỡợủũụưừứửữựỳỷỹỵ";

  /** A syllable without its tone: an initial, one to three vowels, a final; compiled on first need. */
  private static final class Syllable {
    static final Pattern PATTERN = Pattern.compile(
        "(" + alternatives(INITIALS) + ")[" + VOWELS + "]{1,3}(" + alternatives(FINALS) + ")");
  }

  private VietnameseOrthography() {}

  /** The letter with tone t (0 = none, 1..5 as {@link #TONE_MARKS}) on vowel v, composed (NFC). */
  public static char toned(char vowel, int tone) {
    if (tone == 0) return vowel;
    String s = Normalizer.normalize(vowel + String.valueOf(TONE_MARKS.charAt(tone - 1)), Normalizer.Form.NFC);
    if (s.length() != 1) throw new AssertionError("no precomposed form for " + vowel + " tone " + tone);
    return s.charAt(0);
  }

  /** Whether a lower-case letter carries a Vietnamese tone mark (á, ễ, ự; not â, ơ). */
  public static boolean hasTone(char lower) {
    String d = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
    for (int i = 1; i < d.length(); i++) if (TONE_MARKS.indexOf(d.charAt(i)) >= 0) return true;
    return false;
  }

  /** Whether a lower-case word is one Vietnamese syllable, whatever its tone marks ("nghiêng", "quyết"; not "oeuvre"). */
  public static boolean isSyllable(String lower) {
    StringBuilder toneless = new StringBuilder(lower.length());
    for (char c : Normalizer.normalize(lower, Normalizer.Form.NFD).toCharArray()) {
      if (TONE_MARKS.indexOf(c) < 0) toneless.append(c);
    }
    return Syllable.PATTERN.matcher(Normalizer.normalize(toneless, Normalizer.Form.NFC)).matches();
  }

  /** {@link #LETTERS} composed from {@link #VOWELS} and {@link #TONE_MARKS}. */
  static String composeLetters() {
    StringBuilder b = new StringBuilder("đ");
    for (char v : VOWELS.toCharArray()) {
      for (int t = 0; t <= 5; t++) {
        char c = toned(v, t);
        if (c >= 0x80) b.append(c);
      }
    }
    return b.toString();
  }

  /** The parts as regex alternatives, longest first so that "ngh" is tried before "ng" and "n". */
  private static String alternatives(List<String> parts) {
    StringBuilder b = new StringBuilder();
    for (int len = 3; len >= 0; len--) {
      for (String p : parts) if (p.length() == len) b.append(b.isEmpty() ? "" : "|").append(p);
    }
    return b.toString();
  }
}
