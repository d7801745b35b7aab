package sohieu.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
import org.apache.lucene.util.automaton.Automaton;
import sohieu.analysis.FoldedVariants;
import sohieu.analysis.LanguageAnalyzers;

/**
 * Diacritic-free words over the Vietnamese field's own terms, in place of a folded copy of every Vietnamese
 * paragraph. The parser analyzes a query's words for {@link #FIELD}, a field no document has, with the folded
 * analyzer (as for {@value LanguageAnalyzers#FOLDED_FIELD}); {@link #expand} then turns each of those clauses into
 * its variants in text_vi: a word into the terms of the index that fold to it, scored as one term (a
 * {@link SynonymQuery}: "vu" weighs its documents' vụ, vũ, vú... together, as the folded field did), a phrase into a
 * {@link MultiPhraseQuery} of those terms at each position, a prefix into every term that begins with a variant.
 */
final class FoldedQueries {
  /** The parser's name for the folded words searched in the Vietnamese field. */
  static final String FIELD = LanguageAnalyzers.field("vi") + ".folded";
  private static final String VI = LanguageAnalyzers.field("vi");
  /**
   * At most this many variants of one word (the index holds a handful: nghi, nghì, nghỉ, nghĩ, nghị): a bound, so
   * that no term of a strange index can blow the query up.
   */
  private static final int MAX_VARIANTS = 64;

  private FoldedQueries() {}

  /**
   * {@code query} with its clauses on {@link #FIELD} searched in text_vi. Ranges there match nothing (they still
   * search every other field, the folded one included).
   */
  static Query expand(Query query) { return ArticleQueryParser.eachLeaf(query, FoldedQueries::expandLeaf); }

  private static Query expandLeaf(Query query) {
    if (query instanceof TermQuery t && t.getTerm().field().equals(FIELD)) return Variants.word(t.getTerm().text());
    if (query instanceof PrefixQuery p && p.getField().equals(FIELD)) {
      return new Variants(p.getPrefix().text() + "*", FoldedVariants.prefix(p.getPrefix().text()), PATTERN);
    }
    // Wildcards and regular expressions are automata over the folded text already (a prefix's is over UTF-8 bytes).
    if (query instanceof AutomatonQuery a && a.getField().equals(FIELD) && !a.isAutomatonBinary()) {
      return new Variants(a.toString(FIELD), FoldedVariants.widen(a.getAutomaton()), PATTERN);
    }
    if (query instanceof FuzzyQuery f && f.getField().equals(FIELD)) {
      // Scored as Lucene scores a fuzzy word in the other fields.
      return new Variants(f.toString(FIELD), FoldedVariants.fuzzy(f.getTerm().text(), f.getMaxEdits(), f.getPrefixLength(),
          f.getTranspositions()), FuzzyQuery.defaultRewriteMethod(FuzzyQuery.defaultMaxExpansions));
    }
    if (query instanceof PhraseQuery p && p.getField().equals(FIELD)) {
      List<Variants> words = new ArrayList<>();
      for (Term t : p.getTerms()) words.add(Variants.word(t.text()));
      return words.size() == 1 ? words.get(0) : new Phrase(words, p.getPositions(), p.getSlop());
    }
    return onField(query) ? new MatchNoDocsQuery("no diacritic variants of " + query) : query;
  }

  /** Whether a query not expanded above names {@link #FIELD}. */
  private static boolean onField(Query query) {
    boolean[] found = {false};
    query.visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String field) {
        if (field.equals(FIELD)) found[0] = true;
        return false;
      }
    });
    return found[0];
  }

  /** How a pattern (prefix, wildcard, regular expression) matches in the other fields: a constant score. */
  private static final MultiTermQuery.RewriteMethod PATTERN = MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE;

  /** Every term of text_vi that folds to a word, or that a pattern or fuzzy word over folded text accepts. */
  static final class Variants extends AutomatonQuery {
    private final String label;

    /** @param label the word or pattern as the folded analyzer wrote it */
    Variants(String label, Automaton spellings, MultiTermQuery.RewriteMethod scoring) {
      super(new Term(VI, label), spellings, false, scoring);
      this.label = label;
    }

    /** A word: its spellings scored as one term. */
    static Variants word(String folded) { return new Variants(folded, FoldedVariants.of(folded), new AsOneTerm(MAX_VARIANTS)); }

    /** The word or pattern as the folded analyzer wrote it. */
    String folded() { return label; }

    @Override
    public String toString(String field) {
      return (getField().equals(field) ? "" : getField() + ":") + "~" + label;
    }
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
    protected Query build(List<Term> terms) {
      if (terms.isEmpty()) return new MatchNoDocsQuery("no variant in the index");
      SynonymQuery.Builder b = new SynonymQuery.Builder(terms.get(0).field());
      for (Term t : terms) b.addTerm(t);
      return b.build();
    }
  }

  /** A phrase of folded words: at each position, the variants the index holds ({@link MultiPhraseQuery}). */
  static final class Phrase extends Query {
    private final List<Variants> words;
    private final int[] positions;
    private final int slop;

    Phrase(List<Variants> words, int[] positions, int slop) {
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
      float weight = asOneTermEach(searcher, found);
      return weight == 1f ? b.build() : new BoostQuery(b.build(), weight);
    }

    /**
     * What the phrase weighs as a phrase of one term per position against what Lucene gives it: a multi-phrase sums
     * the idf of every variant at every position, so that "chuyen doi so", whose "so" is số, sở, sổ, sợ... in the
     * index, would weigh several times the phrase "chuyển đổi số". Each position counts as one term, as in a
     * {@link SynonymQuery} (the largest document frequency of its variants); 1 under a similarity other than BM25.
     */
    private static float asOneTermEach(IndexSearcher searcher, List<Term[]> positions) throws IOException {
      if (!(searcher.getSimilarity() instanceof BM25Similarity bm25)) return 1f;
      CollectionStatistics collection = searcher.collectionStatistics(VI);
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
      if (!visitor.acceptField(VI)) return;
      QueryVisitor each = visitor.getSubVisitor(BooleanClause.Occur.MUST, this);
      for (Variants w : words) w.visit(each);
    }

    @Override
    public String toString(String field) {
      StringBuilder s = new StringBuilder(VI.equals(field) ? "" : VI + ":").append('"');
      for (int i = 0; i < words.size(); i++) s.append(i == 0 ? "" : " ").append('~').append(words.get(i).folded());
      return s.append('"').append(slop == 0 ? "" : "~" + slop).toString();
    }

    @Override
    public boolean equals(Object o) {
      return sameClassAs(o) && o instanceof Phrase p && p.words.equals(words) && Arrays.equals(p.positions, positions)
          && p.slop == slop;
    }

    @Override
    public int hashCode() { return Objects.hash(classHash(), words, Arrays.hashCode(positions), slop); }
  }
}
