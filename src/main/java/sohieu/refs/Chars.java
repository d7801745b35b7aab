package sohieu.refs;

/**
 * Character folding and bounded word reading over the original text, so that every offset the scanner reports is an
 * offset into the text it was given (the folding is one char for one char: the offset map is the identity).
 *
 * <p>Inside a code: every dash (‐ ‑ ‒ – — − ﹣ －) reads as '-', fullwidth forms as ASCII, Cyrillic letters that look
 * Latin (А В Е К М Н О Р С Т Х) as those Latin letters, Ð as Đ, and everything as upper case.
 */
final class Chars {
  private Chars() {}

  /** Longest word the readers look at; anything longer is not vocabulary and stops the reader (bounds the work). */
  static final int MAX_WORD = 40;

  /** The char as the code grammar sees it. */
  static char fold(char c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') ? (char) (c - 32) : c;
    if (c >= 0xFF01 && c <= 0xFF5E) return fold((char) (c - 0xFEE0));
    switch (c) {
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\uFE63', '\u2015', '\u00AD' -> { return '-'; }
      case '\u2044', '\u2215' -> { return '/'; }
      case '\u00D0', '\u0111', '\u0110' -> { return 'Đ'; }
      case 'А', 'а' -> { return 'A'; }
      case 'В', 'в' -> { return 'B'; }
      case 'Е', 'е' -> { return 'E'; }
      case 'К', 'к' -> { return 'K'; }
      case 'М', 'м' -> { return 'M'; }
      case 'Н', 'н' -> { return 'H'; }
      case 'О', 'о' -> { return 'O'; }
      case 'Р', 'р' -> { return 'P'; }
      case 'С', 'с' -> { return 'C'; }
      case 'Т', 'т' -> { return 'T'; }
      case 'Х', 'х' -> { return 'X'; }
      case 'У' -> { return 'Y'; }
      case 'І', 'і' -> { return 'I'; }
      default -> { return Character.toUpperCase(c); }
    }
  }

  /** True for a Cyrillic look-alike that {@link #fold} turns Latin. */
  static boolean isLookAlike(char c) {
    return c >= 0x0400 && c <= 0x04FF && fold(c) < 0x80;
  }

  /** ASCII or fullwidth digit. */
  static boolean isDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= '\uFF10' && c <= '\uFF19');
  }

  static int digit(char c) {
    return c <= '9' ? c - '0' : c - '\uFF10';
  }

  /** A letter of a code after folding: Latin A-Z, Đ, or the Ư of TƯ. */
  static boolean isCodeLetter(char folded) {
    return (folded >= 'A' && folded <= 'Z') || folded == 'Đ' || folded == 'Ư';
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00A0' || c == '\u2009' || c == '\u202F'
        || c == '\u2007' || c == '\u3000' || c == '\u200B';
  }

  /** A char that belongs to a word: letters and combining marks (decomposed Vietnamese keeps its tones). */
  static boolean isWordChar(char c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (Character.isLetter(c)) return true;
    int t = Character.getType(c);
    return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
  }

  static boolean isLetterOrDigit(char c) {
    return isDigit(c) || isWordChar(c);
  }

  /**
   * Skips at most {@code max} whitespace chars holding at most one line break; returns the new position.
   * A markdown escape '\' before a dash is skipped too ("57\-NQ/TW" in converted documents).
   */
  static int skipSpace(String t, int p, int max) {
    int n = t.length(), taken = 0, breaks = 0;
    while (p < n && taken < max) {
      char c = t.charAt(p);
      if (c == '\n' && ++breaks > 1) break;
      if (!isSpace(c)) break;
      p++;
      taken++;
    }
    return p;
  }

  /** True when the chars at p are a dash (after an optional markdown escape); returns -1 otherwise, else the end. */
  static int dashAt(String t, int p) {
    int n = t.length();
    if (p < n && t.charAt(p) == '\\' && p + 1 < n && fold(t.charAt(p + 1)) == '-') return p + 2;
    if (p < n && fold(t.charAt(p)) == '-') return p + 1;
    return -1;
  }

  /** Separator between the words of a phrase: whitespace or the '_' of word-segmented Vietnamese. */
  static boolean isWordSep(char c) {
    return c == '_' || (isSpace(c) && c != '\n');
  }

  /** Word chars plus an apostrophe or hyphen between two letters ("d'action", "премьер-министр"). */
  static boolean inWord(String t, int p) {
    char c = t.charAt(p);
    if (isWordChar(c)) return true;
    if ((c == '\'' || c == '’' || c == '-') && p > 0 && p + 1 < t.length()) {
      return isWordChar(t.charAt(p - 1)) && isWordChar(t.charAt(p + 1));
    }
    return false;
  }

  /** End of the word that starts at p, or -1 when none starts there or it is longer than {@link #MAX_WORD}. */
  static int wordEnd(String t, int p) {
    int n = t.length(), q = p;
    while (q < n && inWord(t, q)) {
      if (q - p >= MAX_WORD) return -1;
      q++;
    }
    return q == p ? -1 : q;
  }

  /** Start of the word that ends at e, or -1 when none ends there or it is longer than {@link #MAX_WORD}. */
  static int wordStart(String t, int e) {
    int q = e;
    while (q > 0 && inWord(t, q - 1)) {
      if (e - q >= MAX_WORD) return -1;
      q--;
    }
    return q == e ? -1 : q;
  }

  /** Lower-cased phrase key: words joined by one space, apostrophes unified. */
  static String key(CharSequence s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean sep = false, marks = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x300 && c < 0x370) marks = true;
      if (c == '_' || isSpace(c)) {
        sep = b.length() > 0;
        continue;
      }
      if (sep) b.append(' ');
      sep = false;
      b.append(c == '’' ? '\'' : Character.toLowerCase(c));
    }
    return marks ? java.text.Normalizer.normalize(b, java.text.Normalizer.Form.NFC) : b.toString();
  }
}
