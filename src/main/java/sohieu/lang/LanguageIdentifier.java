package sohieu.lang;

import java.text.Normalizer;
import java.util.List;

/**
 * Tells which of the {@link Language} rows (vi, ru, fr, pl, en) a piece of text is in, or {@code und}.
 *
 * <p>Two stages. First, script evidence in one pass over the text: no letters → und; mostly Cyrillic → ru (or und
 * when letters only Ukrainian, Belarusian, Serbian or Macedonian use are common); mostly another non-Latin script → und;
 * Latin words with letters only Vietnamese uses ({@link VietnameseOrthography#ONLY_LETTERS}) → vi; Latin words with letters
 * only Polish writes among the rows (ą ć ę ł ń ś ź ż) → pl; Latin words with letters no row writes (ä ß ñ č ř
 * ...) → und. Second, for Latin text the script cannot settle (English, French, Polish or Vietnamese written without
 * diacritics, short captions), a statistical model restricted to the Latin-script rows (vi, fr, pl, en) decides.
 *
 * <p>Thread-safe and cheap to share: {@link #standard()} returns one shared instance and costs nothing to get; the
 * trigram table is read when Latin text first needs a model, Lingua only when a short Latin text does (once per JVM).
 */
public final class LanguageIdentifier {
  public static final String UNDETERMINED = Language.UND.code();
  /** The languages this identifier names, besides {@link #UNDETERMINED}: the rows of {@link Language}. */
  public static final List<String> LANGUAGES = Language.CODES;

  /** How sure a detection is: decided by letters, by a confident model, or a weak model guess. */
  public enum Evidence { NONE, WEAK, MODEL, SCRIPT }

  /** A language and how it was decided. */
  public record Detection(String lang, Evidence evidence) {
    /** Decided by letters the language alone uses, or by a confident model on enough text. */
    public boolean strong() { return evidence == Evidence.SCRIPT || evidence == Evidence.MODEL; }
  }

  /** Second stage: names the language of Latin-script text among the Latin-script rows. Must be thread-safe. */
  interface LatinModel {
    /** lang: a Latin-script row's code; confidence in [0,1] (how far the best is ahead of the runner-up). */
    record Verdict(String lang, double confidence) {}

    Verdict classify(String text);
  }

  /** Texts longer than this are cut (at a space) before the model sees them: a paragraph's first 600 chars suffice. */
  static final int MODEL_MAX_CHARS = 600;

  /** Vietnamese letters no other language writes. */
  private static final String VI_STRONG = VietnameseOrthography.ONLY_LETTERS;
  /** Vietnamese letters that no other row writes (but Spanish, Czech, Portuguese, Italian do). */
  private static final String VI_WEAK = without(onlyIn(Language.VI), VI_STRONG);
  private static final String PL_ONLY = onlyIn(Language.PL);
  /** French letters that no other row writes. */
  private static final String FR_ONLY = onlyIn(Language.FR);
  /** The Latin letters beyond ASCII of every row: another one (ä ß ñ č ř ...) is another language's. */
  private static final String LATIN_ROWS = letters(Language.Script.LATIN);
  /** The alphabets of the Cyrillic rows: another Cyrillic letter (і ї є ґ ў ђ ...) is another language's. */
  private static final String CYRILLIC_ROWS = letters(Language.Script.CYRILLIC);

  // What a character is to the scan: a letter of which kind, a combining mark inside a word, or a word break.
  private static final byte NOT_LETTER = 0, MARK = 1, ASCII = 2, CYRILLIC = 3, CYRILLIC_OTHER = 4, VI_STRONG_LETTER = 5,
      VI_WEAK_LETTER = 6, PL_LETTER = 7, FR_LETTER = 8, LATIN_ROW = 9, LATIN_FOREIGN = 10, OTHER = 11;
  /**
   * The kinds of the characters of the Latin (to U+052F, Cyrillic included) and Latin Extended Additional blocks,
   * where almost all text of the rows is: looked up instead of classified per character (the per-letter lower-casing
   * and searches through the letter strings were a tenth of ingest's CPU on Vietnamese files).
   */
  private static final byte[] LOW_KINDS = kinds(0, 0x530), VI_KINDS = kinds(0x1E00, 0x1F00);

  private static byte[] kinds(int from, int to) {
    byte[] kinds = new byte[to - from];
    for (int c = from; c < to; c++) kinds[c - from] = classify((char) c);
    return kinds;
  }

  private static int kind(char c) {
    if (c < 0x530) return LOW_KINDS[c];
    if (c >= 0x1E00 && c < 0x1F00) return VI_KINDS[c - 0x1E00];
    return classify(c);
  }

  private static byte classify(char c) {
    if (!Character.isLetter(c)) return Character.getType(c) == Character.NON_SPACING_MARK ? MARK : NOT_LETTER;
    char l = Character.toLowerCase(c);
    if (l < 0x80) return ASCII;
    if (l >= 0x400 && l <= 0x52F) return CYRILLIC_ROWS.indexOf(l) < 0 ? CYRILLIC_OTHER : CYRILLIC;
    if (!isLatin(l)) return OTHER;
    if (VI_STRONG.indexOf(l) >= 0) return VI_STRONG_LETTER;
    if (VI_WEAK.indexOf(l) >= 0) return VI_WEAK_LETTER;
    if (PL_ONLY.indexOf(l) >= 0) return PL_LETTER;
    if (FR_ONLY.indexOf(l) >= 0) return FR_LETTER;
    return LATIN_ROWS.indexOf(l) < 0 ? LATIN_FOREIGN : LATIN_ROW;
  }

  private final LatinModel model;

  private static final class Holder {
    static final LanguageIdentifier STANDARD = new LanguageIdentifier(LinguaLatinModel.shared());
  }

  /** The shared standard identifier (script evidence, then the trigram table or Lingua over the Latin-script rows). */
  public static LanguageIdentifier standard() { return Holder.STANDARD; }

  /** Same as {@link #standard()}'s configuration; the model behind it is shared, so this is cheap. */
  public LanguageIdentifier() { this(LinguaLatinModel.shared()); }

  LanguageIdentifier(LatinModel model) { this.model = model; }

  public String identify(CharSequence text) { return detect(text).lang(); }

  /** The language of {@code text} and the kind of evidence behind it. */
  public Detection detect(CharSequence text) {
    String s = text.toString();
    if (hasCombiningMark(s)) s = Normalizer.normalize(s, Normalizer.Form.NFC);
    int n = s.length();
    int latinLetters = 0, cyrLetters = 0, otherLetters = 0;
    int latinWords = 0, viStrongW = 0, viW = 0, plW = 0, frW = 0, foreignW = 0, cyrWords = 0, cyrOtherW = 0;
    int i = 0;
    StringBuilder withoutUrls = null;
    int copiedTo = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (isUrlStart(s, i)) { // URLs say nothing about the language around them: neither counted nor shown to the model
        if (withoutUrls == null) withoutUrls = new StringBuilder(n);
        withoutUrls.append(s, copiedTo, i);
        while (i < n && !Character.isWhitespace(s.charAt(i))) i++;
        copiedTo = i;
        continue;
      }
      int kind = kind(c);
      if (kind == NOT_LETTER || kind == MARK) { i++; continue; }
      int latin = 0, cyr = 0, other = 0;
      boolean vs = false, vw = false, pl = false, fr = false, foreign = false, co = false;
      while (i < n && (kind = kind(s.charAt(i))) != NOT_LETTER) {
        switch (kind) {
          case ASCII -> latin++;
          case CYRILLIC -> cyr++;
          case CYRILLIC_OTHER -> { cyr++; co = true; }
          case VI_STRONG_LETTER -> { latin++; vs = true; }
          case VI_WEAK_LETTER -> { latin++; vw = true; }
          case PL_LETTER -> { latin++; pl = true; }
          case FR_LETTER -> { latin++; fr = true; }
          case LATIN_ROW -> latin++;
          case LATIN_FOREIGN -> { latin++; foreign = true; }
          case OTHER -> other++;
          default -> { } // MARK: part of the word, counted nowhere
        }
        i++;
      }
      latinLetters += latin; cyrLetters += cyr; otherLetters += other;
      if (latin >= cyr && latin >= other) {
        latinWords++;
        if (vs) viStrongW++;
        if (vs || vw) viW++;
        if (pl) plW++;
        if (fr) frW++;
        if (foreign) foreignW++;
      } else if (cyr >= other) {
        cyrWords++;
        if (co) cyrOtherW++;
      }
    }
    int letters = latinLetters + cyrLetters + otherLetters;
    if (letters < 2) return new Detection(UNDETERMINED, Evidence.NONE);
    if (otherLetters > latinLetters && otherLetters > cyrLetters) return new Detection(UNDETERMINED, Evidence.SCRIPT);
    if (cyrLetters >= latinLetters) {
      if (cyrOtherW * 10 >= cyrWords && cyrOtherW > 0) return new Detection(UNDETERMINED, Evidence.SCRIPT);
      return new Detection("ru", Evidence.SCRIPT);
    }
    // Latin script
    if (viStrongW > 0 && viW * 10 >= latinWords * 3 && viW >= plW) return new Detection("vi", Evidence.SCRIPT);
    if (plW > 0 && plW * 100 >= latinWords * 8 && plW > viW && plW >= foreignW) return new Detection("pl", Evidence.SCRIPT);
    if (foreignW > 0 && foreignW * 100 >= latinWords * 15 && foreignW > viW + plW + frW)
      return new Detection(UNDETERMINED, Evidence.SCRIPT);
    if (withoutUrls != null) s = withoutUrls.append(s, copiedTo, n).toString();
    String forModel = s.length() > MODEL_MAX_CHARS ? cut(s) : s;
    LatinModel.Verdict v = model.classify(forModel);
    if (v == null || v.lang() == null) return new Detection(UNDETERMINED, Evidence.NONE);
    // Calibrated on one-sentence paragraphs of every language shuffled together (LanguageIdBench, "mixed"): a
    // verdict this sure is right as often as Lingua alone, so the segmenter's context rule must not override it;
    // "Source", "Photo: VNA", "No data" stay below and take their neighbours' language.
    boolean confident = v.confidence() >= 0.05 && latinLetters >= 12 || v.confidence() >= 0.2;
    return new Detection(v.lang(), confident ? Evidence.MODEL : Evidence.WEAK);
  }

  /** The letters of a row that no other row writes. */
  private static String onlyIn(Language lang) {
    StringBuilder b = new StringBuilder();
    for (char c : lang.letters().toCharArray()) {
      boolean other = false;
      for (Language l : Language.values()) other |= l != lang && l.letters().indexOf(c) >= 0;
      if (!other) b.append(c);
    }
    return b.toString();
  }

  /** The letters of every row of a script. */
  private static String letters(Language.Script script) {
    StringBuilder b = new StringBuilder();
    for (Language lang : Language.values()) if (lang.script() == script) b.append(lang.letters());
    return b.toString();
  }

  private static String without(String letters, String remove) {
    StringBuilder b = new StringBuilder();
    for (char c : letters.toCharArray()) if (remove.indexOf(c) < 0) b.append(c);
    return b.toString();
  }

  private static boolean isLatin(char l) {
    return (l >= 0xC0 && l <= 0x24F && l != 0xD7 && l != 0xF7) || (l >= 0x1E00 && l <= 0x1EFF);
  }

  private static boolean hasCombiningMark(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x300 && c <= 0x36F) return true;
    }
    return false;
  }

  private static boolean isUrlStart(String s, int i) {
    char c = s.charAt(i);
    if (c != 'h' && c != 'w') return false;
    if (i > 0 && !Character.isWhitespace(s.charAt(i - 1)) && s.charAt(i - 1) != '(' && s.charAt(i - 1) != '<') return false;
    return s.startsWith("http://", i) || s.startsWith("https://", i) || s.startsWith("www.", i);
  }

  private static String cut(String s) {
    int end = s.lastIndexOf(' ', MODEL_MAX_CHARS);
    return s.substring(0, end > MODEL_MAX_CHARS / 2 ? end : MODEL_MAX_CHARS);
  }
}
