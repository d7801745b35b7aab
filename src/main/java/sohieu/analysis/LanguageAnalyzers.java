package sohieu.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.CharArraySet;

/** One analyzer per language and a folded catch-all (first version; see the analysis issue). */
public final class LanguageAnalyzers {
  public static final List<String> LANGUAGES = List.of("vi", "ru", "fr", "pl", "en", "und");
  public static final String FOLDED_FIELD = "text_folded";

  private LanguageAnalyzers() {}

  public static String field(String lang) { return "text_" + lang; }

  public static Analyzer forLanguage(String lang) {
    return switch (lang) {
      case "ru" -> new RussianAnalyzer(CharArraySet.EMPTY_SET);
      case "fr" -> new FrenchAnalyzer(CharArraySet.EMPTY_SET);
      case "pl" -> new PolishAnalyzer(CharArraySet.EMPTY_SET);
      case "en" -> new EnglishAnalyzer(CharArraySet.EMPTY_SET);
      default -> folded();
    };
  }

  public static Analyzer folded() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new ICUTokenizer();
        return new TokenStreamComponents(source, new ICUFoldingFilter(new LowerCaseFilter(source)));
      }
    };
  }

  public static Analyzer perField() {
    Map<String, Analyzer> fields = new HashMap<>();
    for (String lang : LANGUAGES) fields.put(field(lang), forLanguage(lang));
    return new PerFieldAnalyzerWrapper(folded(), fields);
  }
}
