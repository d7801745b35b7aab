package sohieu.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Writes ё as е (and Ё as Е): Russian print omits the dots almost everywhere, so «ещё» must match «еще». */
public final class RussianYoFilter extends TokenFilter {
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

  public RussianYoFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] b = termAtt.buffer();
    for (int i = 0, n = termAtt.length(); i < n; i++) {
      if (b[i] == 'ё') {
        b[i] = 'е';
      } else if (b[i] == 'Ё') {
        b[i] = 'Е';
      }
    }
    return true;
  }
}
