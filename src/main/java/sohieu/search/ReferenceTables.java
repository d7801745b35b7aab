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
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
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
    final Map<String, Long> months = new TreeMap<>();

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

  Profile profile(Query query, String canonical) throws IOException {
    Tally t = tally(query, canonical::equals).get(canonical);
    return t == null ? null : new Profile(t.row(canonical), t.months);
  }

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
      DocIdSetIterator it = scorer.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live != null && !live.get(doc)) continue;
        if (!refData.advanceExact(doc)) continue;
        Long day = days.advanceExact(doc) ? days.longValue() : null;
        List<String> docLangs = new ArrayList<>();
        if (langs.advanceExact(doc)) {
          for (int i = 0; i < langs.docValueCount(); i++) docLangs.add(langs.lookupOrd(langs.nextOrd()).utf8ToString());
        }
        for (RefData.Entry e : RefData.decode(refData.binaryValue(), keep)) {
          Tally t = tallies.computeIfAbsent(e.canonical(), k -> new Tally());
          if (t.type == null || t.type.isEmpty()) t.type = e.type();
          if (t.issuer == null || t.issuer.isEmpty()) t.issuer = e.issuer();
          t.articles++;
          t.mentions += e.mentions();
          t.languages.addAll(docLangs);
          for (String d : e.issued()) t.issued.merge(d, 1L, Long::sum);
          if (day != null) {
            t.firstDay = Math.min(t.firstDay, day);
            t.lastDay = Math.max(t.lastDay, day);
            t.months.merge(LocalDate.ofEpochDay(day).toString().substring(0, 7), (long) e.mentions(), Long::sum);
          }
        }
      }
    }
    return tallies;
  }
}
