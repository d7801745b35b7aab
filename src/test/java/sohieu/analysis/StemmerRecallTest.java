package sohieu.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.junit.jupiter.api.Test;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Keeps the stemmer choice measured: recall on inflected forms of political vocabulary (see {@link StemmerRecall}).
 * The chosen stemmer must recall at least as many pairs as the alternative it was chosen over.
 */
class StemmerRecallTest {
  private static StemmerRecall.Result run(String name, Analyzer a, String table) {
    StemmerRecall.Result r = StemmerRecall.measure(name, a, StemmerRecall.groups(table));
    System.out.println("[stemmer recall] " + r);
    return r;
  }

  @Test
  void russianLightStemmerRecallsInflectedForms() {
    StemmerRecall.Result chosen = run("ru RussianLightStem", LanguageAnalyzers.russian(), StemmerRecall.RUSSIAN);
    StemmerRecall.Result snowball = run("ru Snowball Russian",
        LanguageAnalyzers.russian(in -> new SnowballFilter(in, new RussianStemmer())), StemmerRecall.RUSSIAN);
    assertTrue(chosen.pairRecall() >= 0.9, chosen.toString());
    assertTrue(chosen.pairRecall() - chosen.falseMerges() * 0.01 >= snowball.pairRecall() - snowball.falseMerges() * 0.01,
        chosen + " vs " + snowball);
  }

  @Test
  void polishMorfologikRecallsMoreThanStempel() {
    StemmerRecall.Result chosen = run("pl morfologik+stempel", LanguageAnalyzers.polish(), StemmerRecall.POLISH);
    StemmerRecall.Result stempel = run("pl Stempel", LanguageAnalyzers.polish(LanguageAnalyzers::stempel),
        StemmerRecall.POLISH);
    StemmerRecall.Result morfologik = run("pl MorfologikFilter", LanguageAnalyzers.polish(
        in -> new org.apache.lucene.analysis.morfologik.MorfologikFilter(in)), StemmerRecall.POLISH);
    assertTrue(chosen.pairRecall() >= 0.95, chosen.toString());
    assertTrue(chosen.pairRecall() > stempel.pairRecall(), chosen + " vs " + stempel);
    assertTrue(chosen.pairRecall() >= morfologik.pairRecall(), chosen + " vs " + morfologik);
  }

  @Test
  void englishPorterRecallsInflectedForms() {
    StemmerRecall.Result chosen = run("en Porter", LanguageAnalyzers.english(), StemmerRecall.ENGLISH);
    StemmerRecall.Result kstem = run("en KStem", new ChainAnalyzer("en-kstem",
        org.apache.lucene.analysis.standard.StandardTokenizer::new,
        in -> new KStemFilter(new org.apache.lucene.analysis.icu.ICUNormalizer2Filter(
            new org.apache.lucene.analysis.en.EnglishPossessiveFilter(in))), in -> in), StemmerRecall.ENGLISH);
    assertTrue(chosen.pairRecall() >= kstem.pairRecall(), chosen + " vs " + kstem);
    // unused import guard: Porter is what LanguageAnalyzers.english() uses
    assertTrue(PorterStemFilter.class.getName().endsWith("PorterStemFilter"));
  }
}
