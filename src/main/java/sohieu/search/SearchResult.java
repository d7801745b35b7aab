package sohieu.search;

import java.util.List;

/**
 * The hits of one query page, with the exact number of matching documents and, when the query has a date range,
 * how many undated documents it left out (null otherwise).
 */
public record SearchResult(String query, long total, Long undatedExcluded, List<Hit> hits) {}
