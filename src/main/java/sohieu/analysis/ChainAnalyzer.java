package sohieu.analysis;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;

/**
 * The shape every Sohieu analyzer shares: {@link CitationTokenizer} over the language's ordinary tokenizer, then the
 * language's filter chain inside {@link UnlessKeywordFilter}, so citations are never split, folded or stemmed;
 * terms the chain empties are dropped.
 * Thread-safe like every {@link Analyzer} (components are reused per thread).
 */
final class ChainAnalyzer extends Analyzer {
  /**
   * Positions between two values of one field (paragraphs): more than the query parser's proximity slack, so its
   * phrases never join two paragraphs, and small, since every delta across a gap is stored (100 made the positions of
   * `../shared/data` 15% larger, 5% of the index).
   */
  static final int POSITION_GAP = 10;

  private final String name;
  private final Supplier<Tokenizer> words;
  private final UnaryOperator<TokenStream> chain;
  private final UnaryOperator<TokenStream> normalizer;

  /**
   * @param words      makes the ordinary tokenizer for the text between citations
   * @param chain      the filters applied to every non-citation token
   * @param normalizer the per-term part of the chain (no stemming), for {@link #normalize(String, String)} in
   *                   prefix, wildcard and fuzzy queries
   */
  ChainAnalyzer(String name, Supplier<Tokenizer> words, UnaryOperator<TokenStream> chain,
                UnaryOperator<TokenStream> normalizer) {
    this.name = name;
    this.words = words;
    this.chain = chain;
    this.normalizer = normalizer;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    CitationTokenizer source = new CitationTokenizer(words.get());
    // folding can empty a term (U+115F HANGUL CHOSEONG FILLER, default-ignorables): drop those, keep positions
    return new TokenStreamComponents(source,
        new LengthFilter(new UnlessKeywordFilter(source, chain), 1, Integer.MAX_VALUE));
  }

  /** NFC before anything else, with offsets corrected, so that decomposed input is read like composed input. */
  @Override
  protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
    return new NfcCharFilter(reader);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return normalizer.apply(in);
  }

  @Override
  public int getPositionIncrementGap(String fieldName) {
    return POSITION_GAP;
  }

  @Override
  public String toString() {
    return "SohieuAnalyzer(" + name + ")";
  }
}
