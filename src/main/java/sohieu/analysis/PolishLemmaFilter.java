package sohieu.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.io.UncheckedIOException;
import java.net.URL;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.stempel.StempelStemmer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Replaces a lower-cased Polish word by its lemmas from the morfologik dictionary ({@code uchwały → uchwała};
 * an ambiguous form gets every lemma, stacked at its position: {@code umów → umówić, um, umowa}). The dictionary is
 * tried as written and then capitalized, so lower-cased proper nouns resolve ({@code wietnamu → wietnam}). Words
 * the dictionary lacks get the stempel stem, and keep their form when stempel has none.
 */
public final class PolishLemmaFilter extends TokenFilter {
  private static final int MIN_STEMPEL_LENGTH = 3;

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
  private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
  /** The morfologik Polish dictionary (morfologik-polish, a runtime dependency), read once, shared. */
  private static final class Holder {
    static final Dictionary POLISH = read();

    private static Dictionary read() {
      URL url = PolishLemmaFilter.class.getResource("/morfologik/stemming/polish/polish.dict");
      if (url == null) {
        throw new IllegalStateException("morfologik-polish is not on the class path");
      }
      try {
        return Dictionary.read(url);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final DictionaryLookup dictionary = new DictionaryLookup(Holder.POLISH);
  private final StempelStemmer stempel = new StempelStemmer(PolishAnalyzer.getDefaultTable());
  private final List<String> lemmas = new ArrayList<>();
  /** Words repeat: the lemmas of recent ones, so the dictionary is walked once per distinct word. */
  private final java.util.HashMap<String, String[]> recent = new java.util.HashMap<>();
  private static final int RECENT_MAX = 8192;
  private final StringBuilder capitalized = new StringBuilder();
  private State state;
  private int next;

  public PolishLemmaFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (next < lemmas.size()) {
      restoreState(state);
      termAtt.setEmpty().append(lemmas.get(next++));
      posIncAtt.setPositionIncrement(0);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    if (keywordAtt.isKeyword()) {
      return true;
    }
    lemmas.clear();
    next = 0;
    String word = termAtt.toString();
    String[] known = recent.get(word);
    if (known == null) {
      known = lemmasOf(word);
      if (recent.size() >= RECENT_MAX) recent.clear();
      recent.put(word, known);
    }
    if (known.length == 0) return true;
    java.util.Collections.addAll(lemmas, known);
    termAtt.setEmpty().append(lemmas.get(0));
    next = 1;
    if (lemmas.size() > 1) {
      state = captureState();
    }
    return true;
  }

  /** The word's lemmas, or its stempel stem alone, or nothing when it should keep its form. */
  private String[] lemmasOf(String word) {
    collect(dictionary.lookup(word));
    if (lemmas.isEmpty() && !word.isEmpty() && Character.isLowerCase(word.charAt(0))) {
      capitalized.setLength(0);
      capitalized.append(word);
      capitalized.setCharAt(0, Character.toUpperCase(capitalized.charAt(0)));
      collect(dictionary.lookup(capitalized));
    }
    if (lemmas.isEmpty() && word.length() > MIN_STEMPEL_LENGTH) {
      StringBuilder stem = stempel.stem(word);
      if (stem != null && stem.length() > 0) lemmas.add(stem.toString());
    }
    String[] out = lemmas.toArray(String[]::new);
    lemmas.clear();
    return out;
  }

  private void collect(List<WordData> found) {
    for (WordData w : found) {
      CharSequence stem = w.getStem();
      if (stem == null || stem.length() == 0) {
        continue;
      }
      String lemma = stem.toString().toLowerCase(Locale.ROOT);
      if (!lemmas.contains(lemma)) {
        lemmas.add(lemma);
      }
    }
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    lemmas.clear();
    next = 0;
    state = null;
  }
}
