package sohieu.analysis;

import java.util.Arrays;
import org.apache.lucene.util.automaton.Automaton;

/**
 * Every spelling a casefolded field may hold for a folded term: at each character, that character and every
 * lower-case letter that ICU folding (the folded field's) turns into it: a is a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ
 * (and French or Polish accents), d is d đ. Vietnamese paragraphs have no folded copy; a word typed without its
 * diacritics is searched over text_vi's own terms as this automaton, which Lucene intersects with the dictionary.
 */
public final class FoldedVariants {
  /** For each character below the folding table's limit, the characters that fold to it, itself first. */
  private static final int[][] PREIMAGES = preimages();

  private FoldedVariants() {}

  /**
   * The automaton of every spelling of {@code folded} (a term of the folded analyzer), or of every term that begins
   * with one when {@code prefix}. Deterministic by construction: one state per character, one edge per letter.
   */
  public static Automaton of(String folded, boolean prefix) {
    Automaton.Builder b = new Automaton.Builder();
    int state = b.createState();
    for (int i = 0; i < folded.length(); ) {
      int c = folded.codePointAt(i);
      i += Character.charCount(c);
      int next = b.createState();
      int[] letters = c < PREIMAGES.length && PREIMAGES[c] != null ? PREIMAGES[c] : new int[] {c};
      for (int l : letters) b.addTransition(state, next, l);
      state = next;
    }
    b.setAccept(state, true);
    if (prefix) b.addTransition(state, state, 0, Character.MAX_CODE_POINT);
    return b.finish();
  }

  private static int[][] preimages() {
    char[] fold = TableNormalizerFilter.foldingTable(), casefold = TableNormalizerFilter.nfkcCasefoldTable();
    int[][] out = new int[fold.length][];
    for (int c = 1; c < fold.length; c++) {
      int f = fold[c];
      // Only what survives casefolding can be a letter of a casefolded term (ạ, not Ạ).
      if (f == 0 || f == c || casefold[c] != c) continue;
      int[] was = out[f] == null ? new int[] {f} : out[f];
      out[f] = Arrays.copyOf(was, was.length + 1);
      out[f][was.length] = c;
    }
    return out;
  }
}
