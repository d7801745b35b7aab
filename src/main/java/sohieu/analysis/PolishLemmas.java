package sohieu.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import morfologik.fsa.FSA;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.stempel.StempelStemmer;

/**
 * The terms the Polish field holds for a word, for the index ({@link PolishLemmaFilter}) and for a word typed without
 * diacritics ({@link #ofFolded}): its lemmas from the morfologik dictionary ({@code uchwały → uchwała}; an ambiguous
 * form gets every lemma: {@code umów → umówić, um, umowa}), tried as written and then capitalized so that
 * lower-cased proper nouns resolve ({@code wietnamu → wietnam}); for a word the dictionary lacks, the stempel stem,
 * or nothing when the word keeps its form. Not thread-safe: one per token stream or query.
 */
public final class PolishLemmas {
  private static final int MIN_STEMPEL_LENGTH = 3;
  /** Words repeat: the lemmas of recent ones, so the dictionary is walked once per distinct word. */
  private static final int RECENT_MAX = 8192;

  /** The morfologik Polish dictionary (morfologik-polish, a runtime dependency), read once, shared. */
  private static final class Holder {
    static final Dictionary POLISH = read();
    static final Charset ENCODING = Charset.forName(POLISH.metadata.getEncoding());

    private static Dictionary read() {
      URL url = PolishLemmas.class.getResource("/morfologik/stemming/polish/polish.dict");
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
  private final Map<String, String[]> recent = new HashMap<>();
  private final List<String> found = new ArrayList<>();
  private final StringBuilder capitalized = new StringBuilder();

  /**
   * The terms the index holds for a lower-cased word: its lemmas, or its stempel stem alone, or none when it keeps
   * its form. The array is shared: not to be changed.
   */
  public String[] of(String word) {
    String[] known = recent.get(word);
    if (known == null) {
      known = lemmasOf(word);
      if (recent.size() >= RECENT_MAX) recent.clear();
      recent.put(word, known);
    }
    return known;
  }

  private String[] lemmasOf(String word) {
    collect(dictionary.lookup(word));
    if (found.isEmpty() && !word.isEmpty() && Character.isLowerCase(word.charAt(0))) {
      capitalized.setLength(0);
      capitalized.append(word);
      capitalized.setCharAt(0, Character.toUpperCase(capitalized.charAt(0)));
      collect(dictionary.lookup(capitalized));
    }
    if (found.isEmpty()) {
      String stem = stem(word);
      if (stem != null) found.add(stem);
    }
    String[] out = found.toArray(String[]::new);
    found.clear();
    return out;
  }

  private String stem(String word) {
    if (word.length() <= MIN_STEMPEL_LENGTH) return null;
    StringBuilder stem = stempel.stem(word);
    return stem == null || stem.isEmpty() ? null : stem.toString();
  }

  private void collect(List<WordData> words) {
    for (WordData w : words) {
      CharSequence stem = w.getStem();
      if (stem == null || stem.isEmpty()) continue;
      String lemma = stem.toString().toLowerCase(Locale.ROOT);
      if (!found.contains(lemma)) found.add(lemma);
    }
  }

  /**
   * What the Polish field may hold for a word typed without diacritics ({@code folded}, a term of the folded
   * analyzer): {@code lemmas}, those of every form of the dictionary that folds to it, as {@link #of} gives them
   * (uchwaly: the form uchwały, lemma uchwała; lodzi: łodzi and Łodzi, lemma łódź); and {@code spelledAs}, folded
   * terms whose diacritic spellings the field may hold as they are: the word itself (a name or foreign word kept as
   * written, or a lemma typed as such) and, when the dictionary knows no form of it, the folded stempel stem of the
   * word, which is what stempel left of the unknown word as written when its diacritics are not in the letters
   * stempel reads from the end. Measured on the Polish text of ../shared/data (6,277 distinct words, langid dev
   * sentences, UDHR, the Audacity manual): the index's terms of 99.76% of the words are among these, 1.27 terms a
   * word; the stem of every word, not only unknown ones, found 99.95% but added unrelated lemmas to 85 words
   * (czego: czy, mocy: móc) instead of 12.
   */
  public Expansion ofFolded(String folded) {
    Set<String> lemmas = new LinkedHashSet<>();
    for (String form : forms(folded)) Collections.addAll(lemmas, of(form));
    List<String> spelledAs = new ArrayList<>(List.of(folded));
    // A citation (25-NQ/TW) is a keyword the filter never stems; the words around it are letters and digits.
    if (lemmas.isEmpty() && folded.codePoints().allMatch(Character::isLetterOrDigit)) {
      String stem = stem(folded);
      if (stem != null && !stem.equals(folded)) spelledAs.add(ICUFoldingFilter.NORMALIZER.normalize(stem));
    }
    return new Expansion(List.copyOf(lemmas), List.copyOf(spelledAs));
  }

  /** See {@link #ofFolded}. */
  public record Expansion(List<String> lemmas, List<String> spelledAs) {}

  /**
   * The lower-cased forms of the dictionary that fold to {@code folded}, as written or capitalized: a walk of the
   * dictionary's automaton that follows, at each character, only the arcs of the letters that fold to it.
   */
  List<String> forms(String folded) {
    FSA fsa = Holder.POLISH.fsa;
    Set<String> out = new LinkedHashSet<>();
    walk(fsa, Holder.POLISH.metadata.getSeparator(), folded, 0, fsa.getRootNode(), new StringBuilder(), out);
    return List.copyOf(out);
  }

  private static void walk(FSA fsa, byte separator, String folded, int at, int node, StringBuilder form, Set<String> out) {
    if (at == folded.length()) {
      // A form is followed by the separator, then its encoded lemma and tags.
      if (fsa.getArc(node, separator) != 0) out.add(form.toString());
      return;
    }
    int c = folded.codePointAt(at);
    for (int letter : FoldedVariants.preimages(c)) {
      step(fsa, separator, folded, at, node, form, out, letter, letter);
      // The dictionary writes proper nouns capitalized (Wietnamu, Łodzi); the filter looks them up so.
      int upper = Character.toUpperCase(letter);
      if (at == 0 && upper != letter) step(fsa, separator, folded, at, node, form, out, letter, upper);
    }
  }

  private static void step(FSA fsa, byte separator, String folded, int at, int node, StringBuilder form, Set<String> out,
                           int letter, int spelled) {
    // One arc per byte of the letter in the dictionary's encoding (UTF-8).
    for (byte b : Character.toString(spelled).getBytes(Holder.ENCODING)) {
      int arc = fsa.getArc(node, b);
      if (arc == 0 || fsa.isArcTerminal(arc)) return;
      node = fsa.getEndNode(arc);
    }
    int length = form.length();
    form.appendCodePoint(letter);
    walk(fsa, separator, folded, at + Character.charCount(folded.codePointAt(at)), node, form, out);
    form.setLength(length);
  }
}
