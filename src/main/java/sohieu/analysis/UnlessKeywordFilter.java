package sohieu.analysis;

import java.util.function.Function;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Runs a chain of filters on every token except keywords: citation tokens from {@link CitationTokenizer} pass
 * through untouched, even filters that ignore {@link KeywordAttribute} (lower-casing, ICU normalization and folding,
 * elision, tone unification) cannot change them.
 */
public final class UnlessKeywordFilter extends ConditionalTokenFilter {
  private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

  public UnlessKeywordFilter(TokenStream input, Function<TokenStream, TokenStream> chain) {
    super(input, chain);
  }

  @Override
  protected boolean shouldFilter() {
    return !keywordAtt.isKeyword();
  }
}
