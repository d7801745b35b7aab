package sohieu.analysis;

import java.util.Arrays;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.Transition;

/**
 * Every spelling a casefolded field may hold for folded text: at each character, that character and every
 * lower-case letter that ICU folding (the folded field's) turns into it: a is a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ
 * (and French or Polish accents), d is d đ. Vietnamese paragraphs have no folded copy; a word typed without its
 * diacritics is searched over text_vi's own terms as such an automaton, which Lucene intersects with the dictionary.
 */
public final class FoldedVariants {
  /** For each character below the folding table's limit, the characters that fold to it, itself first. */
  private static final int[][] PREIMAGES = preimages();

  private FoldedVariants() {}

  /** The automaton of every spelling of {@code folded} (a term of the folded analyzer). */
  public static Automaton of(String folded) {
    return widen(Automata.makeString(folded));
  }

  /** The automaton of every term that begins with a spelling of {@code folded}. */
  public static Automaton prefix(String folded) {
    return widen(Operations.concatenate(Automata.makeString(folded), Automata.makeAnyString()));
  }

  /**
   * The automaton of every spelling of every term within {@code maxEdits} edits of {@code folded} whose first
   * {@code prefixLength} characters are its own, as Lucene's fuzzy query reads a word.
   */
  public static Automaton fuzzy(String folded, int maxEdits, int prefixLength, boolean transpositions) {
    int split = folded.offsetByCodePoints(0, Math.min(prefixLength, folded.codePointCount(0, folded.length())));
    return widen(new LevenshteinAutomata(folded.substring(split), transpositions).toAutomaton(maxEdits, folded.substring(0, split)));
  }

  /**
   * The automaton of every spelling of every string {@code folded} accepts (a wildcard or regular expression over
   * folded text, in code points): each edge also takes the letters that fold into its range. Throws Lucene's
   * {@code TooComplexToDeterminizeException} past its usual work limit.
   */
  public static Automaton widen(Automaton folded) {
    Automaton.Builder b = new Automaton.Builder();
    int states = folded.getNumStates();
    for (int s = 0; s < states; s++) b.setAccept(b.createState(), folded.isAccept(s));
    Transition t = new Transition();
    for (int s = 0; s < states; s++) {
      for (int i = 0, n = folded.initTransition(s, t); i < n; i++) {
        folded.getNextTransition(t);
        b.addTransition(s, t.dest, t.min, t.max);
        for (int c = t.min; c <= Math.min(t.max, PREIMAGES.length - 1); c++) {
          if (PREIMAGES[c] == null) continue;
          for (int v : PREIMAGES[c]) if (v < t.min || v > t.max) b.addTransition(s, t.dest, v);
        }
      }
    }
    return Operations.determinize(b.finish(), Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
  }

  /** The lower-case letters that fold to {@code c}, {@code c} first. */
  static int[] preimages(int c) {
    return c < PREIMAGES.length && PREIMAGES[c] != null ? PREIMAGES[c] : new int[] {c};
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
