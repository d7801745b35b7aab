package sohieu.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The languages Sohieu tells apart, indexes and names citations in: one row each, which every stage reads (the
 * identifier's letters and models, the analyzers' fields and folded copy, the recognizer's vocabulary).
 *
 * <p>Adding a language is one row here and one analyzer in {@code sohieu.analysis.LanguageAnalyzers#analyzer} (a
 * switch over this type without default, so the compiler names the place). A Latin-script row with a model joins
 * the identifier's statistical stage; its letters stop counting as foreign.
 */
public enum Language {
  VI("vi", Script.LATIN, VietnameseOrthography.LETTERS, "VIETNAMESE", true, "vie"),
  RU("ru", Script.CYRILLIC, "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "RUSSIAN", false, "rus+eng"),
  FR("fr", Script.LATIN, "àâæçéèêëîïôœùûüÿ", "FRENCH", false, "fra"),
  PL("pl", Script.LATIN, "ąćęłńóśźż", "POLISH", true, "pol"),
  EN("en", Script.LATIN, "", "ENGLISH", false, "eng"),
  /** Text of no known language: no letters, another script, or letters none of the rows writes. */
  UND("und", null, "", null, true, null); // the last row: IDENTIFIED is every row before it

  /** The writing system a language's text is in. */
  public enum Script { LATIN, CYRILLIC }

  /** The languages the identifier names, every row but {@link #UND}, in table order. */
  public static final List<Language> IDENTIFIED = List.of(Arrays.copyOf(values(), values().length - 1));
  /** Their codes: vi, ru, fr, pl, en. */
  public static final List<String> CODES = codes(IDENTIFIED);

  private final String code;
  private final Script script;
  private final String letters;
  private final String model;
  private final boolean foldedCopy;
  private final String ocrModels;

  Language(String code, Script script, String letters, String model, boolean foldedCopy, String ocrModels) {
    this.code = code;
    this.script = script;
    this.letters = letters;
    this.model = model;
    this.foldedCopy = foldedCopy;
    this.ocrModels = ocrModels;
  }

  /** ISO 639-1 code, "und" for {@link #UND}: the value of the lang field and the suffix of the text field. */
  public String code() { return code; }

  /** The script of the language's text; null for {@link #UND}. */
  public Script script() { return script; }

  /**
   * Its lower-case letters beyond ASCII (Latin) or its whole alphabet (Cyrillic): a letter only one row writes is
   * evidence for that row, a Latin letter no row writes is evidence of another language.
   */
  public String letters() { return letters; }

  /**
   * The name of Lingua's model of the language (its {@code Language} constant; the n-gram tables inside Lingua's
   * jar are filed under {@link #code()}); null for {@link #UND}. A name, not the constant: initializing Lingua's
   * enum takes half a second, which text that never needs a model should not pay.
   */
  public String model() { return model; }

  /**
   * Whether a paragraph of this language is indexed in the folded (diacritic-insensitive) field of a cluster's index
   * as well as in its own: yes where its own analyzer keeps diacritics that people leave out when they type (Vietnamese tones and đ,
   * Polish letters, which the lemmatizer needs) and for text of no known language. The French, English and Russian
   * fields fold Latin accents themselves, so a second copy of those paragraphs would only double their cost. The
   * local index copies none and finds such words otherwise ({@code sohieu.analysis.LanguageAnalyzers#foldedByExpansion}).
   */
  public boolean foldedCopy() { return foldedCopy; }

  /**
   * Tesseract's models for a scanned page in this language (Debian's tesseract-ocr-LANG packages), "+" between
   * two; null for {@link #UND}. A Russian page cites Vietnamese numbers in Latin letters (12-CT/TW), which the
   * Russian model alone reads as Cyrillic look-alikes, so English reads beside it.
   */
  public String ocrModels() { return ocrModels; }

  /** The row of a code; {@link #UND} for null, "und" or a code no row has ("de" before German is added). */
  public static Language of(String code) {
    if (code != null) for (Language l : values()) if (l.code.equals(code)) return l;
    return UND;
  }

  /** The identified languages of a script that have a model, in table order: the identifier's statistical stage. */
  static List<Language> modelled(Script script) {
    List<Language> out = new ArrayList<>();
    for (Language l : IDENTIFIED) if (l.script == script && l.model != null) out.add(l);
    return List.copyOf(out);
  }

  /** The codes of the rows, in their order. */
  public static List<String> codes(List<Language> rows) {
    String[] out = new String[rows.size()];
    for (int i = 0; i < out.length; i++) out[i] = rows.get(i).code;
    return List.of(out);
  }
}
