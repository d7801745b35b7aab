package sohieu.search;

import java.util.List;

/**
 * The hits of one query page, with the exact number of matching documents; when the query has a date range, how many
 * undated documents it left out (null otherwise); and, when asked, the counts of the query's documents by language,
 * month, outlet and reference type (null otherwise).
 */
public record SearchResult(String query, long total, Long undatedExcluded, List<Hit> hits, QueryFacets facets) {
  public SearchResult(String query, long total, Long undatedExcluded, List<Hit> hits) {
    this(query, total, undatedExcluded, hits, null);
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
