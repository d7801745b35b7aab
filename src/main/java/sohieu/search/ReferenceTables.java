package sohieu.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongHeap;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import sohieu.schema.Fields;
import sohieu.schema.RefData;

/**
 * Aggregates references over the documents a query matches, from doc values only (no stored text): per-reference
 * rows, mentions per month, and the issue dates the texts state.
 */
final class ReferenceTables {
  private final IndexSearcher searcher;

  ReferenceTables(IndexSearcher searcher) { this.searcher = searcher; }

  /** What one pass over the matching documents learns about each reference they cite. */
  private static final class Tally {
    String type, issuer;
    long articles, mentions, firstDay = Long.MAX_VALUE, lastDay = Long.MIN_VALUE;
    final TreeSet<String> languages = new TreeSet<>();
    final Map<String, Long> issued = new TreeMap<>();
    /** Mentions per month, keyed by months since year 0 (year * 12 + month - 1), named by {@link #months()}. */
    final Map<Integer, Long> monthCounts = new HashMap<>();

    Map<String, Long> months() {
      Map<String, Long> months = new TreeMap<>();
      monthCounts.forEach((m, n) -> months.put(String.format(java.util.Locale.ROOT, "%04d-%02d", m / 12, m % 12 + 1), n));
      return months;
    }

    /** Language ordinals of the current segment's articles, named by {@link #nameLanguages} when it ends. */
    private final java.util.BitSet langOrds = new java.util.BitSet();

    /** One citing article: its mention count, its publication day (when dated) and its languages. */
    void add(long articleMentions, boolean dated, long day, DocLanguages langs) {
      articles++;
      mentions += articleMentions;
      for (int i = 0; i < langs.count; i++) langOrds.set(langs.ords[i]);
      if (dated) {
        firstDay = Math.min(firstDay, day);
        lastDay = Math.max(lastDay, day);
        LocalDate date = LocalDate.ofEpochDay(day);
        monthCounts.merge(date.getYear() * 12 + date.getMonthValue() - 1, articleMentions, Long::sum);
      }
    }

    /** Adds another segment's counts; the type and issuer stay those first found. */
    void merge(Tally p) {
      if (type == null) {
        type = p.type;
        issuer = p.issuer;
      }
      articles += p.articles;
      mentions += p.mentions;
      firstDay = Math.min(firstDay, p.firstDay);
      lastDay = Math.max(lastDay, p.lastDay);
      p.monthCounts.forEach((m, n) -> monthCounts.merge(m, n, Long::sum));
      languages.addAll(p.languages);
    }

    void nameLanguages(SortedSetDocValues langs) throws IOException {
      for (int o = langOrds.nextSetBit(0); o >= 0; o = langOrds.nextSetBit(o + 1)) languages.add(langs.lookupOrd(o).utf8ToString());
      langOrds.clear();
    }

    ReferenceRow row(String canonical) {
      return new ReferenceRow(canonical, type, issuer, articles, mentions, day(firstDay), day(lastDay),
          List.copyOf(languages), issued);
    }

    private static String day(long d) { return d == Long.MAX_VALUE || d == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(d).toString(); }
  }

  /** One document's language ordinals, read once and reused for every reference it cites. */
  private static final class DocLanguages {
    int[] ords = new int[4];
    int count;

    DocLanguages read(SortedSetDocValues langs, int doc) throws IOException {
      count = langs.advanceExact(doc) ? langs.docValueCount() : 0;
      if (ords.length < count) ords = new int[count];
      for (int i = 0; i < count; i++) ords[i] = (int) langs.nextOrd();
      return this;
    }
  }

  /** Every reference cited by the documents matching {@code query} and accepted by {@code keep}, most cited first. */
  List<ReferenceRow> rows(Query query, Predicate<String> keepCanonical) throws IOException {
    Map<String, Tally> tallies = tally(query, keepCanonical);
    List<ReferenceRow> rows = new ArrayList<>();
    tallies.forEach((k, t) -> rows.add(t.row(k)));
    rows.sort((a, b) -> a.articles() != b.articles() ? Long.compare(b.articles(), a.articles())
        : a.mentions() != b.mentions() ? Long.compare(b.mentions(), a.mentions()) : a.canonical().compareTo(b.canonical()));
    return rows;
  }

  /**
   * One reference's row, its mentions per publication month ("2023-12") and the articles citing each other reference
   * cited beside it, in one pass.
   */
  record Profile(ReferenceRow row, Map<String, Long> months, List<Stats.Count> coCited) {}

  /**
   * The profile of one reference from its postings rather than from each document's references: the frequency of
   * its term in {@link Fields#REF} is the document's mention count, the publication day comes from doc values, the
   * issue dates from {@link Fields#REF_ISSUED}, and only one document's {@link RefData} is read (for type and
   * issuer), so a reference cited by half the index costs a walk over its postings. The {@code top} references most
   * often cited beside it (all with Integer.MAX_VALUE) are counted in the same walk by each segment's ordinals of the
   * reference facet, added up by the index-wide ordinals of {@code facets}, and only those kept are named: a popular
   * reference is cited beside thousands of others. The document's own text (its {@link Fields#SELF_REF}) does not
   * cite it and is left out of every count; it still tells the type and issuer. Null when no document cites it or is
   * it.
   */
  Profile profile(String canonical, SortedSetDocValuesReaderState facets, int top) throws IOException {
    Tally t = new Tally();
    boolean found = false;
    BytesRef term = new BytesRef(canonical);
    SortedSetDocValuesReaderState.OrdRange refOrds = facets.getOrdRange(Fields.FACET_REF);
    SortedSetDocValues allRefs = facets.getDocValues();
    int[] coCited = refOrds == null ? new int[0] : new int[refOrds.end() - refOrds.start() + 1];
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      LeafProfile p = LeafProfile.of(leaf, canonical, term);
      if (p == null) continue;
      found |= p.found;
      t.merge(p.tally);
      LongValues toGlobal = allRefs instanceof MultiDocValues.MultiSortedSetDocValues multi
          ? multi.mapping.getGlobalOrds(leaf.ord) : LongValues.IDENTITY;
      int globalFirst = refOrds == null ? 0 : refOrds.start();
      for (int i = 0; i < p.coCitedOrds.length; i++) coCited[(int) toGlobal.get(p.coCitedOrds[i]) - globalFirst] += p.coCitedCounts[i];
    }
    if (!found) return null;
    BytesRef prefix = Fields.issuedPrefix(canonical);
    Terms issued = MultiTerms.getTerms(searcher.getIndexReader(), Fields.REF_ISSUED);
    if (issued != null) {
      TermsEnum te = issued.iterator();
      if (te.seekCeil(prefix) != TermsEnum.SeekStatus.END) {
        for (BytesRef b = te.term(); b != null && StringHelper.startsWith(b, prefix); b = te.next()) {
          long n = searcher.count(new BooleanQuery.Builder()
              .add(new TermQuery(new Term(Fields.REF_ISSUED, BytesRef.deepCopyOf(b))), BooleanClause.Occur.FILTER)
              .add(new TermQuery(new Term(Fields.SELF_REF, canonical)), BooleanClause.Occur.MUST_NOT).build());
          if (n > 0) t.issued.put(Fields.issuedDate(b, canonical), n);
        }
      }
    }
    if (t.type == null) t.type = "";
    if (t.issuer == null) t.issuer = "";
    return new Profile(t.row(canonical), t.months(), mostCounted(coCited, refOrds == null ? 0 : refOrds.start(), allRefs,
        canonical, top));
  }

  /**
   * What one segment's documents say of one reference in {@link #profile}: the walk over its postings, kept per
   * segment (and per state of its deletions) by Lucene's reader cache key, so that after a commit only the new
   * segments are walked. A reference cited by half of a 100k index cost 15 ms per lookup, 80% of it this walk.
   */
  private static final class LeafProfile {
    /** Per segment reader (its cache key changes with its deletions), the profiles of the references looked up. */
    private static final Map<IndexReader.CacheKey, Map<String, LeafProfile>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
    /** References kept per segment, the least recently looked up dropped first. */
    private static final int PER_SEGMENT = 256;

    boolean found;
    /** The segment's counts, its type and issuer those of the first document that names them. */
    final Tally tally = new Tally();
    /** The segment's ordinals of the references cited beside it, and their counts of documents. */
    long[] coCitedOrds = new long[0];
    int[] coCitedCounts = new int[0];

    /** The profile of {@code canonical} in {@code leaf}, from the cache or walked; null when the segment never cites it. */
    static LeafProfile of(LeafReaderContext leaf, String canonical, BytesRef term) throws IOException {
      IndexReader.CacheHelper helper = leaf.reader().getReaderCacheHelper();
      if (helper == null) return walk(leaf, canonical, term);
      Map<String, LeafProfile> known = CACHE.computeIfAbsent(helper.getKey(), key -> {
        helper.addClosedListener(CACHE::remove);
        return java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, LeafProfile> eldest) { return size() > PER_SEGMENT; }
        });
      });
      LeafProfile p = known.get(canonical);
      if (p == null && !known.containsKey(canonical)) {
        p = walk(leaf, canonical, term);
        known.put(canonical, p);
      }
      return p;
    }

    private static LeafProfile walk(LeafReaderContext leaf, String canonical, BytesRef term) throws IOException {
      Terms terms = leaf.reader().terms(Fields.REF);
      if (terms == null) return null;
      TermsEnum te = terms.iterator();
      if (!te.seekExact(term)) return null;
      LeafProfile p = new LeafProfile();
      Tally t = p.tally;
      PostingsEnum postings = te.postings(null, PostingsEnum.FREQS);
      Bits live = leaf.reader().getLiveDocs();
      java.util.BitSet self = selfDocs(leaf, term);
      NumericDocValues days = DocValues.getNumeric(leaf.reader(), Fields.DATE_DAY);
      SortedSetDocValues langs = DocValues.getSortedSet(leaf.reader(), Fields.LANG_DV);
      DocLanguages docLangs = new DocLanguages();
      FacetOrdinals others = FacetOrdinals.of(leaf, Fields.FACET_REF, te.docFreq());
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        if (live != null && !live.get(doc)) continue;
        p.found = true;
        if (t.type == null) {
          BinaryDocValues refData = DocValues.getBinary(leaf.reader(), Fields.REF_DATA);
          if (refData.advanceExact(doc)) {
            for (RefData.Entry e : RefData.decode(refData.binaryValue(), canonical::equals)) {
              t.type = e.type();
              t.issuer = e.issuer();
            }
          }
        }
        if (self.get(doc)) continue;
        boolean dated = days.advanceExact(doc);
        t.add(postings.freq(), dated, dated ? days.longValue() : 0, docLangs.read(langs, doc));
        others.count(doc);
      }
      t.nameLanguages(langs);
      others.keep(p);
      return p;
    }
  }

  /**
   * The {@code top} labels of most documents in {@code counts} (indexed by global ordinal less {@code first}), ties
   * by label (ordinals are in label order), {@code canonical} left out; only these are looked up by name.
   */
  private static List<Stats.Count> mostCounted(int[] counts, int first, SortedSetDocValues labels, String canonical, int top)
      throws IOException {
    // Count descending then ordinal ascending, as one long; the heap keeps the least (top + 1) of them, negated.
    int keep = (int) Math.min((long) top + 1, counts.length);
    if (keep == 0) return List.of();
    LongHeap heap = new LongHeap(keep);
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) heap.insertWithOverflow(-(((long) (Integer.MAX_VALUE - counts[i]) << 32) | i));
    }
    long[] kept = new long[heap.size()];
    for (int i = kept.length - 1; i >= 0; i--) kept[i] = -heap.pop();
    List<Stats.Count> out = new ArrayList<>();
    String prefix = Fields.FACET_REF + org.apache.lucene.facet.FacetsConfig.DELIM_CHAR;
    for (long k : kept) {
      int i = (int) k;
      String label = labels.lookupOrd(first + i).utf8ToString().substring(prefix.length());
      if (!label.equals(canonical) && out.size() < top) out.add(new Stats.Count(label, counts[i]));
    }
    return out;
  }

  /**
   * The labels of one facet dimension on some documents of one segment, counted by the segment's own ordinals: the
   * facets of all dimensions share one sorted-set field, in which one dimension's labels ("dim" DELIM "label") are a
   * contiguous range of ordinals, and each document's ordinals come in ascending order. They are counted in an array
   * over that range when the documents are many; when they are few beside the segment's labels, the ordinals met are
   * gathered and sorted instead, so as not to pay for every label of the segment.
   */
  private static final class FacetOrdinals {
    private static final org.apache.lucene.facet.FacetsConfig CONFIG = Fields.facetsConfig();
    private final SortedSetDocValues values;
    private final long first, end;
    /** Counts per ordinal from {@link #first}, when counted densely; else null. */
    private final int[] counts;
    private long[] ords = new long[64];
    private int size;

    private FacetOrdinals(SortedSetDocValues values, long first, long end, int documents) {
      this.values = values;
      this.first = first;
      this.end = end;
      this.counts = end - first <= 8L * documents ? new int[(int) (end - first)] : null;
    }

    /** The counter of {@code dim} over about {@code documents} documents of the segment. */
    static FacetOrdinals of(LeafReaderContext leaf, String dim, int documents) throws IOException {
      SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), CONFIG.getDimConfig(dim).indexFieldName);
      BytesRef prefix = new BytesRef(dim + org.apache.lucene.facet.FacetsConfig.DELIM_CHAR);
      BytesRef after = new BytesRef(dim + (char) (org.apache.lucene.facet.FacetsConfig.DELIM_CHAR + 1));
      return new FacetOrdinals(values, ceiling(values, prefix), ceiling(values, after), documents);
    }

    /** The first ordinal of a term at or after {@code term}. */
    private static long ceiling(SortedSetDocValues values, BytesRef term) throws IOException {
      long ord = values.lookupTerm(term);
      return ord >= 0 ? ord : -ord - 1;
    }

    void count(int doc) throws IOException {
      if (first == end || !values.advanceExact(doc)) return;
      for (int i = values.docValueCount(); i > 0; i--) {
        long ord = values.nextOrd();
        if (ord < first) continue;
        if (ord >= end) return;
        if (counts != null) {
          counts[(int) (ord - first)]++;
        } else {
          if (size == ords.length) ords = java.util.Arrays.copyOf(ords, size * 2);
          ords[size++] = ord;
        }
      }
    }

    /** Gives {@code p} the counts by segment ordinal, only those above zero. */
    void keep(LeafProfile p) {
      List<long[]> kept = new ArrayList<>();
      if (counts != null) {
        for (int i = 0; i < counts.length; i++) if (counts[i] > 0) kept.add(new long[] {first + i, counts[i]});
      } else {
        java.util.Arrays.sort(ords, 0, size);
        for (int i = 0, next; i < size; i = next) {
          next = i + 1;
          while (next < size && ords[next] == ords[i]) next++;
          kept.add(new long[] {ords[i], next - i});
        }
      }
      p.coCitedOrds = new long[kept.size()];
      p.coCitedCounts = new int[kept.size()];
      for (int i = 0; i < kept.size(); i++) {
        p.coCitedOrds[i] = kept.get(i)[0];
        p.coCitedCounts[i] = (int) kept.get(i)[1];
      }
    }
  }

  /** The documents of one segment that are the text of {@code canonical} itself (a handful at most). */
  private static java.util.BitSet selfDocs(LeafReaderContext leaf, BytesRef canonical) throws IOException {
    java.util.BitSet self = new java.util.BitSet();
    Terms terms = leaf.reader().terms(Fields.SELF_REF);
    if (terms == null) return self;
    TermsEnum te = terms.iterator();
    if (!te.seekExact(canonical)) return self;
    PostingsEnum docs = te.postings(null, PostingsEnum.NONE);
    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) self.set(doc);
    return self;
  }

  /** One pass over the documents matching {@code query}, tallying the references {@code keep} accepts. */
  private Map<String, Tally> tally(Query query, Predicate<String> keep) throws IOException {
    Map<String, Tally> tallies = new HashMap<>();
    IndexReader reader = searcher.getIndexReader();
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : reader.leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) continue;
      Bits live = leaf.reader().getLiveDocs();
      BinaryDocValues refData = DocValues.getBinary(leaf.reader(), Fields.REF_DATA);
      NumericDocValues days = DocValues.getNumeric(leaf.reader(), Fields.DATE_DAY);
      SortedSetDocValues langs = DocValues.getSortedSet(leaf.reader(), Fields.LANG_DV);
      DocLanguages docLangs = new DocLanguages();
      DocIdSetIterator it = scorer.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live != null && !live.get(doc)) continue;
        if (!refData.advanceExact(doc)) continue;
        boolean dated = days.advanceExact(doc);
        long day = dated ? days.longValue() : 0;
        docLangs.read(langs, doc);
        for (RefData.Entry e : RefData.decode(refData.binaryValue(), keep)) {
          Tally t = tallies.computeIfAbsent(e.canonical(), k -> new Tally());
          if (t.type == null || t.type.isEmpty()) t.type = e.type();
          if (t.issuer == null || t.issuer.isEmpty()) t.issuer = e.issuer();
          t.add(e.mentions(), dated, day, docLangs);
          for (String d : e.issued()) t.issued.merge(d, 1L, Long::sum);
        }
      }
      for (Tally t : tallies.values()) t.nameLanguages(langs);
    }
    return tallies;
  }
}
