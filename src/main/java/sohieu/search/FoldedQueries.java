package sohieu.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.TopTermsRewrite;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.Operations;
import sohieu.analysis.FoldedVariants;
import sohieu.analysis.LanguageAnalyzers;
import sohieu.analysis.PolishLemmas;

/**
 * Diacritic-free words over the Vietnamese and Polish fields' own terms, in place of a folded copy of their
 * paragraphs. The parser analyzes a query's words for {@link #VI_FIELD} and {@link #PL_FIELD}, fields no document has,
 * with the folded analyzer (as for {@value LanguageAnalyzers#FOLDED_FIELD}); {@link #expand} then turns each of those
 * clauses into its variants in that language's field.
 *
 * <p>In text_vi, a word stands for the terms of the index that fold to it, scored as one term (a {@link SynonymQuery}:
 * "vu" weighs its documents' vụ, vũ, vú... together, as the folded field did), a phrase for a
 * {@link MultiPhraseQuery} of those terms at each position, a prefix for every term that begins with a variant.
 *
 * <p>text_pl holds lemmas, which an inflected form typed without diacritics does not fold to ("uchwaly" is none of
 * uchwała's letters): a word stands for the lemmas of the dictionary's forms that fold to it, with the terms of the
 * index that fold to the word or, for a word the dictionary does not know, to its stem ({@link PolishLemmas#ofFolded}),
 * again scored as one term, and so in phrases. A prefix, wildcard or fuzzy word is matched against the lemmas, as the
 * same pattern with diacritics is in text_pl.
 */
final class FoldedQueries {
  /** The parser's name for the folded words searched in the Vietnamese field. */
  static final String VI_FIELD = LanguageAnalyzers.field("vi") + ".folded";
  /** The parser's name for the folded words searched in the Polish field. */
  static final String PL_FIELD = LanguageAnalyzers.field("pl") + ".folded";
  private static final String VI = LanguageAnalyzers.field("vi");
  private static final String PL = LanguageAnalyzers.field("pl");
  /**
   * At most this many variants of one word (the index holds a handful: nghi, nghì, nghỉ, nghĩ, nghị): a bound, so
   * that no term of a strange index can blow the query up.
   */
  private static final int MAX_VARIANTS = 64;

  private FoldedQueries() {}

  /**
   * {@code query} with its clauses on {@link #VI_FIELD} and {@link #PL_FIELD} searched in text_vi and text_pl. Ranges
   * there match nothing (they still search every other field, the folded one included).
   */
  static Query expand(Query query) { return ArticleQueryParser.eachLeaf(query, FoldedQueries::expandLeaf); }

  /** Whether {@code query} is one of {@link #expand}'s: it stands for the folded field and weighs as it does. */
  static boolean isExpansion(Query query) {
    return query instanceof Variants || query instanceof PolishWord || query instanceof Phrase;
  }

  /** The language field a parser's folded field stands for, or null. */
  private static String target(String field) {
    return field.equals(VI_FIELD) ? VI : field.equals(PL_FIELD) ? PL : null;
  }

  private static Query expandLeaf(Query query) {
    if (query instanceof TermQuery t && target(t.getTerm().field()) instanceof String field) return word(field, t.getTerm().text());
    if (query instanceof PrefixQuery p && target(p.getField()) instanceof String field) {
      return new Variants(field, p.getPrefix().text() + "*", FoldedVariants.prefix(p.getPrefix().text()), PATTERN);
    }
    // Wildcards and regular expressions are automata over the folded text already (a prefix's is over UTF-8 bytes).
    if (query instanceof AutomatonQuery a && target(a.getField()) instanceof String field && !a.isAutomatonBinary()) {
      return new Variants(field, a.toString(a.getField()), FoldedVariants.widen(a.getAutomaton()), PATTERN);
    }
    if (query instanceof FuzzyQuery f && target(f.getField()) instanceof String field) {
      // Scored as Lucene scores a fuzzy word in the other fields.
      return new Variants(field, f.toString(f.getField()), FoldedVariants.fuzzy(f.getTerm().text(), f.getMaxEdits(),
          f.getPrefixLength(), f.getTranspositions()), FuzzyQuery.defaultRewriteMethod(FuzzyQuery.defaultMaxExpansions));
    }
    if (query instanceof PhraseQuery p && target(p.getField()) instanceof String field) {
      List<Query> words = new ArrayList<>();
      for (Term t : p.getTerms()) words.add(word(field, t.text()));
      return words.size() == 1 ? words.get(0) : new Phrase(field, words, p.getPositions(), p.getSlop());
    }
    return onField(query) ? new MatchNoDocsQuery("no diacritic variants of " + query) : query;
  }

  /** A folded word in a language field: its variants, scored as one term. */
  private static Query word(String field, String folded) {
    return field.equals(PL) ? new PolishWord(folded) : Variants.word(folded);
  }

  /** Whether a query not expanded above names {@link #VI_FIELD} or {@link #PL_FIELD}. */
  private static boolean onField(Query query) {
    boolean[] found = {false};
    query.visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String field) {
        if (target(field) != null) found[0] = true;
        return false;
      }
    });
    return found[0];
  }

  /** How a pattern (prefix, wildcard, regular expression) matches in the other fields: a constant score. */
  private static final MultiTermQuery.RewriteMethod PATTERN = MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE;

  /** Every term of a language field that folds to a word, or that a pattern or fuzzy word over folded text accepts. */
  static final class Variants extends AutomatonQuery {
    private final String label;

    /** @param label the word or pattern as the folded analyzer wrote it */
    Variants(String field, String label, Automaton spellings, MultiTermQuery.RewriteMethod scoring) {
      super(new Term(field, label), spellings, false, scoring);
      this.label = label;
    }

    /** A word in text_vi: its spellings scored as one term. */
    static Variants word(String folded) { return new Variants(VI, folded, FoldedVariants.of(folded), new AsOneTerm(MAX_VARIANTS)); }

    @Override
    public String toString(String field) {
      return (getField().equals(field) ? "" : getField() + ":") + "~" + label;
    }
  }

  /**
   * A folded word in text_pl ({@link PolishLemmas#ofFolded}): the lemmas of its dictionary forms and the terms of the
   * index spelled as the word or its stem, as one {@link SynonymQuery}; no match when there are none.
   */
  static final class PolishWord extends Query {
    private final String folded;
    private final List<Term> lemmas = new ArrayList<>();
    private final Variants spelled;

    PolishWord(String folded) {
      this.folded = folded;
      PolishLemmas.Expansion expansion = new PolishLemmas().ofFolded(folded);
      for (String lemma : expansion.lemmas()) lemmas.add(new Term(PL, lemma));
      Automaton spellings = FoldedVariants.widen(Operations.union(expansion.spelledAs().stream().map(Automata::makeString).toList()));
      this.spelled = new Variants(PL, folded, spellings, new AsOneTerm(MAX_VARIANTS));
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
      Set<Term> terms = new LinkedHashSet<>(lemmas);
      if (spelled.rewrite(searcher) instanceof SynonymQuery inIndex) terms.addAll(inIndex.getTerms());
      return asOneTerm(terms.stream().limit(MAX_VARIANTS).toList());
    }

    @Override
    public void visit(QueryVisitor visitor) {
      if (!visitor.acceptField(PL)) return;
      if (!lemmas.isEmpty()) visitor.consumeTerms(this, lemmas.toArray(Term[]::new));
      spelled.visit(visitor);
    }

    @Override
    public String toString(String field) { return (PL.equals(field) ? "" : PL + ":") + "~" + folded; }

    @Override
    public boolean equals(Object o) { return sameClassAs(o) && o instanceof PolishWord w && w.folded.equals(folded); }

    @Override
    public int hashCode() { return Objects.hash(classHash(), folded); }
  }

  /**
   * The terms a {@link Variants} finds in the index, as one {@link SynonymQuery}; no match when there are none.
   * Lucene intersects the automaton with each segment's term dictionary ({@link TopTermsRewrite}).
   */
  private static final class AsOneTerm extends TopTermsRewrite<List<Term>> {
    AsOneTerm(int size) { super(size); }

    @Override
    protected int getMaxSize() { return MAX_VARIANTS; }

    @Override
    protected List<Term> getTopLevelBuilder() { return new ArrayList<>(); }

    @Override
    protected void addClause(List<Term> terms, Term term, int docCount, float boost, TermStates states) {
      terms.add(term);
    }

    @Override
    protected Query build(List<Term> terms) { return asOneTerm(terms); }
  }

  /** Terms of one field scored as one term ({@link SynonymQuery}); no match when there are none. */
  private static Query asOneTerm(List<Term> terms) {
    if (terms.isEmpty()) return new MatchNoDocsQuery("no variant in the index");
    SynonymQuery.Builder b = new SynonymQuery.Builder(terms.get(0).field());
    for (Term t : terms) b.addTerm(t);
    return b.build();
  }

  /** A phrase of folded words: at each position, the variants the index holds ({@link MultiPhraseQuery}). */
  static final class Phrase extends Query {
    private final String field;
    private final List<Query> words;
    private final int[] positions;
    private final int slop;

    /** @param words each a word's variants in {@code field}, which rewrites to a {@link SynonymQuery} of them */
    Phrase(String field, List<Query> words, int[] positions, int slop) {
      this.field = field;
      this.words = List.copyOf(words);
      this.positions = positions.clone();
      this.slop = slop;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
      MultiPhraseQuery.Builder b = new MultiPhraseQuery.Builder().setSlop(slop);
      List<Term[]> found = new ArrayList<>();
      for (int i = 0; i < words.size(); i++) {
        if (!(words.get(i).rewrite(searcher) instanceof SynonymQuery variants)) {
          return new MatchNoDocsQuery("a word of the phrase has no variant in the index");
        }
        found.add(variants.getTerms().toArray(Term[]::new));
        b.add(found.getLast(), positions[i]);
      }
      float weight = asOneTermEach(searcher, field, found);
      return weight == 1f ? b.build() : new BoostQuery(b.build(), weight);
    }

    /**
     * What the phrase weighs as a phrase of one term per position against what Lucene gives it: a multi-phrase sums
     * the idf of every variant at every position, so that "chuyen doi so", whose "so" is số, sở, sổ, sợ... in the
     * index, would weigh several times the phrase "chuyển đổi số". Each position counts as one term, as in a
     * {@link SynonymQuery} (the largest document frequency of its variants); 1 under a similarity other than BM25.
     */
    private static float asOneTermEach(IndexSearcher searcher, String field, List<Term[]> positions) throws IOException {
      if (!(searcher.getSimilarity() instanceof BM25Similarity bm25)) return 1f;
      CollectionStatistics collection = searcher.collectionStatistics(field);
      if (collection == null) return 1f;
      double each = 0, all = 0;
      for (Term[] variants : positions) {
        TermStatistics widest = null;
        for (Term t : variants) {
          TermStates states = TermStates.build(searcher, t, true);
          if (states.docFreq() == 0) continue;
          TermStatistics stats = searcher.termStatistics(t, states.docFreq(), states.totalTermFreq());
          all += bm25.idfExplain(collection, stats).getValue().doubleValue();
          if (widest == null || stats.docFreq() > widest.docFreq()) widest = stats;
        }
        if (widest != null) each += bm25.idfExplain(collection, widest).getValue().doubleValue();
      }
      return all > 0 ? (float) (each / all) : 1f;
    }

    @Override
    public void visit(QueryVisitor visitor) {
      if (!visitor.acceptField(field)) return;
      QueryVisitor each = visitor.getSubVisitor(BooleanClause.Occur.MUST, this);
      for (Query w : words) w.visit(each);
    }

    @Override
    public String toString(String field) {
      StringBuilder s = new StringBuilder(this.field.equals(field) ? "" : this.field + ":").append('"');
      for (int i = 0; i < words.size(); i++) s.append(i == 0 ? "" : " ").append(words.get(i).toString(this.field));
      return s.append('"').append(slop == 0 ? "" : "~" + slop).toString();
    }

    @Override
    public boolean equals(Object o) {
      return sameClassAs(o) && o instanceof Phrase p && p.field.equals(field) && p.words.equals(words)
          && Arrays.equals(p.positions, positions) && p.slop == slop;
    }

    @Override
    public int hashCode() { return Objects.hash(classHash(), field, words, Arrays.hashCode(positions), slop); }
  }
}
