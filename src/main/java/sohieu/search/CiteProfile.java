package sohieu.search;

import java.util.List;
import java.util.Map;

/**
 * A cited document as the index knows it: the tallies of its citations, mentions per month, and the references
 * most often cited beside it.
 */
public record CiteProfile(ReferenceRow reference, Map<String, Long> timeline, List<Stats.Count> coCited) {}
