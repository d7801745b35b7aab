package sohieu.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Replaces a lower-cased Polish word by its lemmas ({@link PolishLemmas#of}: {@code uchwały → uchwała}), several
 * stacked at its position ({@code umów → umówić, um, umowa}); words the dictionary lacks get the stempel stem, and
 * keep their form when stempel has none.
 */
public final class PolishLemmaFilter extends TokenFilter {
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
  private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
  private final PolishLemmas lemmatizer = new PolishLemmas();
  private String[] lemmas = new String[0];
  private State state;
  private int next;

  public PolishLemmaFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (next < lemmas.length) {
      restoreState(state);
      termAtt.setEmpty().append(lemmas[next++]);
      posIncAtt.setPositionIncrement(0);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    if (keywordAtt.isKeyword()) {
      return true;
    }
    lemmas = lemmatizer.of(termAtt.toString());
    next = lemmas.length;
    if (lemmas.length == 0) return true;
    termAtt.setEmpty().append(lemmas[0]);
    next = 1;
    if (lemmas.length > 1) {
      state = captureState();
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    lemmas = new String[0];
    next = 0;
    state = null;
  }
}
