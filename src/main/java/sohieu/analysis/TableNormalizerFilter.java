package sohieu.analysis;

import com.ibm.icu.text.Normalizer;
import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Same terms as {@link org.apache.lucene.analysis.icu.ICUNormalizer2Filter} with the same {@link Normalizer2}, but a
 * term made only of characters below U+2000 that each normalize to one character and always have a normalization
 * boundary before them ({@link Normalizer2#hasBoundaryBefore}) is rewritten char by char from a table: for such a
 * string the normalization is exactly the concatenation of the characters' normalizations. Every other term (combining
 * marks, ß, soft hyphens, CJK, fullwidth forms, surrogates) goes to ICU as before. The tables are built once per JVM.
 */
final class TableNormalizerFilter extends TokenFilter {
  private static final int LIMIT = 0x2000;

  /** A normalizer and its one-char table (0: ask ICU). */
  static final class Table {
    final Normalizer2 normalizer;
    final char[] map = new char[LIMIT];

    Table(Normalizer2 normalizer) {
      this.normalizer = normalizer;
      for (int c = 1; c < LIMIT; c++) {
        if (!normalizer.hasBoundaryBefore(c)) continue;
        String r = normalizer.normalize(String.valueOf((char) c));
        if (r.length() == 1 && r.charAt(0) != 0) map[c] = r.charAt(0);
      }
    }
  }

  private static final class NfkcCasefold {
    static final Table TABLE = new Table(Normalizer2.getInstance(null, "nfkc_cf", Normalizer2.Mode.COMPOSE));
  }

  private static final class Folding {
    static final Table TABLE = new Table(ICUFoldingFilter.NORMALIZER);
  }

  /** ICU folding of each character below the limit that folds to one character (0: not such a character). */
  static char[] foldingTable() { return Folding.TABLE.map.clone(); }

  /** NFKC_Casefold of each character below the limit, as {@link #foldingTable()}. */
  static char[] nfkcCasefoldTable() { return NfkcCasefold.TABLE.map.clone(); }

  /** Same terms as {@code new ICUNormalizer2Filter(in)} (NFKC_Casefold). */
  static TokenStream nfkcCasefold(TokenStream in) {
    return new TableNormalizerFilter(in, NfkcCasefold.TABLE, false);
  }

  /** Same terms as {@code new ICUFoldingFilter(in)}. */
  static TokenStream folding(TokenStream in) {
    return new TableNormalizerFilter(in, Folding.TABLE, false);
  }

  /**
   * ICU folding of the terms that hold no Cyrillic letter: in Russian text a Vietnamese or French name loses its
   * accents ("Nguyễn" is "nguyen"), while Russian words keep the letters folding would merge (й is not и).
   */
  static TokenStream foldingUnlessCyrillic(TokenStream in) {
    return new TableNormalizerFilter(in, Folding.TABLE, true);
  }

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final char[] map;
  private final Normalizer2 normalizer;
  private final StringBuilder buffer = new StringBuilder();
  private final boolean unlessCyrillic;

  private TableNormalizerFilter(TokenStream input, Table table, boolean unlessCyrillic) {
    super(input);
    this.map = table.map;
    this.normalizer = table.normalizer;
    this.unlessCyrillic = unlessCyrillic;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) return false;
    char[] b = termAtt.buffer();
    int n = termAtt.length();
    if (unlessCyrillic) {
      for (int i = 0; i < n; i++) if (b[i] >= '\u0400' && b[i] <= '\u052F') return true;
    }
    for (int i = 0; i < n; i++) {
      char c = b[i];
      if (c >= LIMIT || map[c] == 0) {
        slow();
        return true;
      }
    }
    for (int i = 0; i < n; i++) b[i] = map[b[i]];
    return true;
  }

  /** What ICUNormalizer2Filter does with every term. */
  private void slow() {
    if (normalizer.quickCheck(termAtt) != Normalizer.YES) {
      buffer.setLength(0);
      normalizer.normalize(termAtt, buffer);
      termAtt.setEmpty().append(buffer);
    }
  }
}
