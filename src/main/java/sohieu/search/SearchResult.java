package sohieu.search;

import java.util.List;

/** The hits of one query page, with the total number of matching documents. */
public record SearchResult(String query, long total, List<Hit> hits) {}
