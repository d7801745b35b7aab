package sohieu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the Polish field holds for a word typed without diacritics: the dictionary's forms, their lemmas, kept spellings. */
class PolishLemmasTest {
  @ParameterizedTest(name = "{0}: forms {1}")
  @CsvSource(delimiter = '|', value = {
      "uchwaly  | uchwały",
      "uchwale  | uchwale uchwalę uchwałę",
      "rzadu    | rządu",
      // Proper nouns are capitalized in the dictionary: found so, given lower-cased as the index reads them.
      "wietnamu | wietnamu",
      "lodzi    | lodzi łodzi",
      "zolw     | żółw",
      "nguyen   | ''",
  })
  void formsOfTheDictionaryThatFoldToTheWord(String folded, String forms) {
    assertEquals(forms.isEmpty() ? List.of() : List.of(forms.split(" ")), new PolishLemmas().forms(folded));
  }

  @ParameterizedTest(name = "{0}: lemmas {1}, spelled as {2}")
  @CsvSource(delimiter = '|', value = {
      "uchwaly  | uchwała              | uchwaly",
      "uchwala  | uchwalać uchwalić uchwała | uchwala",
      "wietnamu | wietnam              | wietnamu",
      // Unknown to the dictionary: kept as written in the index, or stemmed by stempel.
      "nguyen   | ''                   | nguyen",
      "pham     | ''                   | pham phac",
      "25-NQ/TW | ''                   | 25-NQ/TW",
  })
  void expansion(String folded, String lemmas, String spelledAs) {
    PolishLemmas.Expansion e = new PolishLemmas().ofFolded(folded);
    assertEquals(lemmas.isEmpty() ? List.of() : List.of(lemmas.split(" ")), e.lemmas());
    assertEquals(List.of(spelledAs.split(" ")), e.spelledAs());
  }

  /**
   * Every word of the project's Polish seed article, typed without diacritics, reaches the terms the Polish field
   * holds for it: its lemmas, or a term of the text spelled as the word or its stem.
   */
  @Test
  void everyWordOfARealTextReachesItsTerms() throws Exception {
    String text = Files.readString(Path.of("corpus/004_5d61ab061fae0b25.txt"));
    try (Analyzer surface = LanguageAnalyzers.polish(in -> in); Analyzer polish = LanguageAnalyzers.polish();
         Analyzer folded = LanguageAnalyzers.folded()) {
      Set<String> words = new TreeSet<>(), terms = new HashSet<>();
      for (String w : tokens(surface, text)) if (w.codePoints().allMatch(Character::isLetter)) words.add(w);
      for (String w : words) terms.addAll(tokens(polish, w));
      PolishLemmas lemmas = new PolishLemmas();
      List<String> missed = new ArrayList<>();
      for (String w : words) {
        PolishLemmas.Expansion e = lemmas.ofFolded(fold(folded, w));
        Set<String> reached = new HashSet<>(e.lemmas());
        for (String t : terms) if (e.spelledAs().contains(fold(folded, t))) reached.add(t);
        if (!reached.containsAll(tokens(polish, w))) missed.add(w);
      }
      assertTrue(words.size() > 300, "words: " + words.size());
      assertEquals(List.of(), missed);
    }
  }

  private static String fold(Analyzer folded, String word) {
    return folded.normalize(LanguageAnalyzers.FOLDED_FIELD, word).utf8ToString();
  }

  private static List<String> tokens(Analyzer a, String text) throws Exception {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    }
    return out;
  }
}
