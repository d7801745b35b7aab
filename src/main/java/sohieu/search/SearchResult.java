package sohieu.search;

import java.util.List;
import java.util.Map;

/**
 * The hits of one query page, with the exact number of matching documents; when the query has a date range, how many
 * undated documents it left out (null otherwise); when asked, the counts of the query's documents by language,
 * month, outlet and reference type (null otherwise); and when the query as typed found nothing, the words it was
 * widened to, each typed word to the prefix searched instead (null otherwise; see {@link Searcher}).
 */
public record SearchResult(String query, long total, Long undatedExcluded, List<Hit> hits, QueryFacets facets,
                           Map<String, String> widened) {
  public SearchResult(String query, long total, Long undatedExcluded, List<Hit> hits) {
    this(query, total, undatedExcluded, hits, null, null);
  }

  public SearchResult withHits(List<Hit> other) {
    return new SearchResult(query, total, undatedExcluded, other, facets, widened);
  }

  public SearchResult withFacets(QueryFacets counts) {
    return new SearchResult(query, total, undatedExcluded, hits, counts, widened);
  }

  /** The documents a query finds, counted by language, month (chronological), outlet and reference type. */
  public record QueryFacets(List<Stats.Count> languages, List<Stats.Count> months, List<Stats.Count> outlets,
                            List<Stats.Count> types) {
    /** The facets of a query's counts, months in order. */
    static QueryFacets of(Stats counts) {
      return new QueryFacets(counts.languages(),
          counts.months().stream().sorted(java.util.Comparator.comparing(Stats.Count::label)).toList(), counts.outlets(),
          counts.types());
    }
  }
}
