package sohieu.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.stempel.StempelFilter;
import org.apache.lucene.analysis.stempel.StempelStemmer;
import org.apache.lucene.analysis.util.ElisionFilter;
import sohieu.lang.Language;

/**
 * The text analyzers of Sohieu, one per language plus a diacritic-insensitive catch-all.
 *
 * <p>Every analyzer keeps citations whole ({@link CitationTokenizer}: one token, term = the recognizer's canonical
 * form such as {@code 25-NQ/TW}, keyword, never lower-cased, folded or stemmed), runs on queries as on documents,
 * and puts {@value ChainAnalyzer#POSITION_GAP} positions between values of one field. Each call returns a new
 * instance; instances are thread-safe and meant to be shared (closing one does not affect the others).
 *
 * <pre>
 * vi      StandardTokenizer | NFKC_Casefold | VietnameseToneMarkFilter (traditional placement: hòa, thủy, khỏe)
 * ru      StandardTokenizer | NFKC_Casefold | ё→е | RussianLightStem | ICU folding of non-Cyrillic words
 * fr      StandardTokenizer | Elision (l' d' qu' ...) | NFKC_Casefold | FrenchLightStem | ICU folding
 * pl      StandardTokenizer | NFKC_Casefold | PolishLemmaFilter (morfologik lemmas, stempel for unknown words)
 * en      StandardTokenizer | English possessive | ICU folding | Porter
 * und     ICUTokenizer | ICU folding
 * folded  StandardTokenizer | Elision | English possessive | ICU folding (accents, case, đ→d, ł→l, ё→е)
 * </pre>
 * NFKC_Casefold and ICU folding run through {@link TableNormalizerFilter} (the same terms, a table for the common
 * characters); input is read as NFC through {@link NfcCharFilter} (a check, then nothing, for NFC text).
 */
public final class LanguageAnalyzers {
  /** Language codes with a field of their own, the rows of {@link Language}; "und" is text of no known language. */
  public static final List<String> LANGUAGES = Language.codes(List.of(Language.values()));
  /** The cross-language, diacritic-insensitive field. */
  public static final String FOLDED_FIELD = "text_folded";

  private LanguageAnalyzers() {}

  /**
   * Whether a paragraph of this language is indexed in {@value #FOLDED_FIELD} of a cluster's index as well:
   * {@link Language#foldedCopy()}. The local index copies none: see {@link #foldedByExpansion}.
   */
  public static boolean needsFoldedCopy(String lang) {
    return Language.of(lang).foldedCopy();
  }

  /**
   * Whether words typed without diacritics reach text of this language in the local index over its own field's terms
   * rather than through a copy in {@value #FOLDED_FIELD}: Vietnamese, whose field keeps every letter as written
   * ({@link FoldedVariants}), and Polish, whose field holds lemmas that the dictionary's forms of a folded word lead
   * to ({@link PolishLemmas#ofFolded}); so every paragraph is analysed once. Text of no known language is folded in
   * its own field already. The cluster's schema keeps the copies: its query_string has no such expansion.
   */
  public static boolean foldedByExpansion(String lang) {
    Language l = Language.of(lang);
    return l == Language.VI || l == Language.PL;
  }

  /** The field that holds text of this language: "text_" + lang. */
  public static String field(String lang) {
    return "text_" + lang;
  }

  /** The analyzer for "vi", "ru", "fr", "pl", "en"; anything else (null, "und", "de") gets the und analyzer. */
  public static Analyzer forLanguage(String lang) {
    return analyzer(Language.of(lang));
  }

  /** The analyzer of a row: no default, so a new row of {@link Language} does not compile until it has one. */
  public static Analyzer analyzer(Language lang) {
    return switch (lang) {
      case VI -> vietnamese();
      case RU -> russian();
      case FR -> french();
      case PL -> polish();
      case EN -> english();
      case UND -> und();
    };
  }

  /**
   * Diacritic- and case-insensitive analyzer of {@value #FOLDED_FIELD}: "etranger" matches "étranger"; it also gives
   * the folded words of a query that are expanded over the Vietnamese and Polish fields' terms. It splits words with
   * the standard (UAX #29) tokenizer, which separates Vietnamese syllables, Cyrillic and Latin words as the ICU
   * tokenizer does at a fraction of its cost, and as the Vietnamese field does; only text of no known language keeps
   * the ICU tokenizer (Thai, Khmer, Chinese words need its dictionaries).
   */
  public static Analyzer folded() {
    return new ChainAnalyzer("folded", StandardTokenizer::new,
        in -> TableNormalizerFilter.folding(new EnglishPossessiveFilter(elision(in))),
        in -> TableNormalizerFilter.folding(elision(in)));
  }

  /** text_vi ... text_und by language, {@value #FOLDED_FIELD} and every other field by {@link #folded()}. */
  public static Analyzer perField() {
    Map<String, Analyzer> byField = new HashMap<>();
    for (String lang : LANGUAGES) {
      byField.put(field(lang), forLanguage(lang));
    }
    return new PerFieldAnalyzerWrapper(folded(), byField);
  }

  /** NFKC_Casefold of every term, as the language chains apply it (for analysis chains assembled elsewhere). */
  public static TokenStream nfkcCasefold(TokenStream in) {
    return TableNormalizerFilter.nfkcCasefold(in);
  }

  /** ICU folding of every term (accents, case, đ→d, ł→l, ё→е), as the folded chain applies it. */
  public static TokenStream folding(TokenStream in) {
    return TableNormalizerFilter.folding(in);
  }

  /**
   * Vietnamese syllables are words of Latin script between spaces: the standard (UAX #29) tokenizer splits them as the
   * ICU tokenizer does at two thirds of the chain's cost (the same terms for 99.9% of the 118,280 lines of
   * ../shared/data/vi-dev and the seeds; the rest are "____" blanks of forms, which it drops, and Cyrillic glued
   * to Latin by a dot, which it keeps as one word). The folded query words expanded over text_vi's terms come from the
   * same tokenizer.
   */
  static Analyzer vietnamese() {
    return new ChainAnalyzer("vi", StandardTokenizer::new,
        in -> new VietnameseToneMarkFilter(TableNormalizerFilter.nfkcCasefold(in)),
        in -> new VietnameseToneMarkFilter(TableNormalizerFilter.nfkcCasefold(in)));
  }

  static Analyzer russian() {
    return russian(RussianLightStemFilter::new);
  }

  /** Russian with the given stemmer (the recall measurement compares stemmers). */
  static Analyzer russian(UnaryOperator<TokenStream> stemmer) {
    return new ChainAnalyzer("ru", StandardTokenizer::new,
        in -> TableNormalizerFilter.foldingUnlessCyrillic(stemmer.apply(new RussianYoFilter(TableNormalizerFilter.nfkcCasefold(in)))),
        in -> TableNormalizerFilter.foldingUnlessCyrillic(new RussianYoFilter(TableNormalizerFilter.nfkcCasefold(in))));
  }

  static Analyzer french() {
    return new ChainAnalyzer("fr", StandardTokenizer::new,
        in -> TableNormalizerFilter.folding(new FrenchLightStemFilter(TableNormalizerFilter.nfkcCasefold(elision(in)))),
        in -> TableNormalizerFilter.folding(elision(in)));
  }

  static Analyzer polish() {
    return polish(PolishLemmaFilter::new);
  }

  /** Polish with the given stemmer (the recall measurement compares stemmers). */
  static Analyzer polish(UnaryOperator<TokenStream> stemmer) {
    return new ChainAnalyzer("pl", StandardTokenizer::new,
        in -> stemmer.apply(TableNormalizerFilter.nfkcCasefold(in)),
        TableNormalizerFilter::nfkcCasefold);
  }

  static TokenStream stempel(TokenStream in) {
    return new StempelFilter(in, new StempelStemmer(PolishAnalyzer.getDefaultTable()));
  }

  static Analyzer english() {
    return new ChainAnalyzer("en", StandardTokenizer::new,
        in -> new PorterStemFilter(TableNormalizerFilter.folding(new EnglishPossessiveFilter(in))),
        TableNormalizerFilter::folding);
  }

  static Analyzer und() {
    return new ChainAnalyzer("und", ICUTokenizer::new, TableNormalizerFilter::folding, TableNormalizerFilter::folding);
  }

  private static TokenStream elision(TokenStream in) {
    return new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES);
  }
}
