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
import sohieu.index.Fields;
import sohieu.index.RefData;

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

    ReferenceRow row(String canonical) {
      return new ReferenceRow(canonical, type, issuer, articles, mentions, day(firstDay), day(lastDay),
          List.copyOf(languages), issued);
    }

    private static String day(long d) { return d == Long.MAX_VALUE || d == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(d).toString(); }
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

  /** One reference's row and its mentions per publication month ("2023-12"), in one pass. */
  record Profile(ReferenceRow row, Map<String, Long> months) {}

  /**
   * The profile of one reference from its postings rather than from each document's references: the frequency of
   * its term in {@link Fields#REF} is the document's mention count, the publication day comes from doc values, the
   * issue dates from {@link Fields#REF_ISSUED}, and only one document's {@link RefData} is read (for type and
   * issuer), so a reference cited by half the index costs a walk over its postings. Null when nothing cites it.
   */
  Profile profile(String canonical) throws IOException {
    Tally t = new Tally();
    BytesRef term = new BytesRef(canonical);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(Fields.REF);
      if (terms == null) continue;
      TermsEnum te = terms.iterator();
      if (!te.seekExact(term)) continue;
      PostingsEnum postings = te.postings(null, PostingsEnum.FREQS);
      Bits live = leaf.reader().getLiveDocs();
      NumericDocValues days = DocValues.getNumeric(leaf.reader(), Fields.DATE_DAY);
      SortedSetDocValues langs = DocValues.getSortedSet(leaf.reader(), Fields.LANG_DV);
      java.util.BitSet langOrds = new java.util.BitSet();
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        if (live != null && !live.get(doc)) continue;
        int mentions = postings.freq();
        if (t.type == null) {
          BinaryDocValues refData = DocValues.getBinary(leaf.reader(), Fields.REF_DATA);
          RefData.Entry e = refData.advanceExact(doc) ? RefData.entry(refData.binaryValue(), term) : null;
          if (e != null) {
            t.type = e.type();
            t.issuer = e.issuer();
          }
        }
        t.articles++;
        t.mentions += mentions;
        if (langs.advanceExact(doc)) {
          for (int i = 0; i < langs.docValueCount(); i++) langOrds.set((int) langs.nextOrd());
        }
        if (days.advanceExact(doc)) {
          long day = days.longValue();
          LocalDate date = LocalDate.ofEpochDay(day);
          t.firstDay = Math.min(t.firstDay, day);
          t.lastDay = Math.max(t.lastDay, day);
          t.monthCounts.merge(date.getYear() * 12 + date.getMonthValue() - 1, (long) mentions, Long::sum);
        }
      }
      for (int o = langOrds.nextSetBit(0); o >= 0; o = langOrds.nextSetBit(o + 1)) t.languages.add(langs.lookupOrd(o).utf8ToString());
    }
    if (t.articles == 0) return null;
    BytesRef prefix = new BytesRef(canonical + " ");
    Terms issued = MultiTerms.getTerms(searcher.getIndexReader(), Fields.REF_ISSUED);
    if (issued != null) {
      TermsEnum te = issued.iterator();
      if (te.seekCeil(prefix) != TermsEnum.SeekStatus.END) {
        for (BytesRef b = te.term(); b != null && StringHelper.startsWith(b, prefix); b = te.next()) {
          long n = searcher.count(new TermQuery(new Term(Fields.REF_ISSUED, BytesRef.deepCopyOf(b))));
          if (n > 0) t.issued.put(b.utf8ToString().substring(prefix.length), n);
        }
      }
    }
    if (t.type == null) t.type = "";
    if (t.issuer == null) t.issuer = "";
    return new Profile(t.row(canonical), t.months());
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
      // Languages are gathered as ordinals per reference and named once per segment.
      Map<Tally, java.util.BitSet> langOrds = new HashMap<>();
      int[] docLangs = new int[4];
      DocIdSetIterator it = scorer.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live != null && !live.get(doc)) continue;
        if (!refData.advanceExact(doc)) continue;
        List<RefData.Entry> entries = RefData.decode(refData.binaryValue(), keep);
        int month = -1;
        long day = 0;
        if (days.advanceExact(doc)) {
          day = days.longValue();
          LocalDate date = LocalDate.ofEpochDay(day);
          month = date.getYear() * 12 + date.getMonthValue() - 1;
        }
        int langCount = 0;
        if (langs.advanceExact(doc)) {
          langCount = langs.docValueCount();
          if (docLangs.length < langCount) docLangs = new int[langCount];
          for (int i = 0; i < langCount; i++) docLangs[i] = (int) langs.nextOrd();
        }
        for (RefData.Entry e : entries) {
          Tally t = tallies.computeIfAbsent(e.canonical(), k -> new Tally());
          if (t.type == null || t.type.isEmpty()) t.type = e.type();
          if (t.issuer == null || t.issuer.isEmpty()) t.issuer = e.issuer();
          t.articles++;
          t.mentions += e.mentions();
          java.util.BitSet ords = langOrds.computeIfAbsent(t, k -> new java.util.BitSet());
          for (int i = 0; i < langCount; i++) ords.set(docLangs[i]);
          for (String d : e.issued()) t.issued.merge(d, 1L, Long::sum);
          if (month >= 0) {
            t.firstDay = Math.min(t.firstDay, day);
            t.lastDay = Math.max(t.lastDay, day);
            t.monthCounts.merge(month, (long) e.mentions(), Long::sum);
          }
        }
      }
      for (var e : langOrds.entrySet()) {
        java.util.BitSet ords = e.getValue();
        for (int o = ords.nextSetBit(0); o >= 0; o = ords.nextSetBit(o + 1)) e.getKey().languages.add(langs.lookupOrd(o).utf8ToString());
      }
    }
    return tallies;
  }
}
