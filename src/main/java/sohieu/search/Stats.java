package sohieu.search;

import java.util.List;

/**
 * Counts over the whole index: documents, those without a publication date, documents by language, outlet and
 * month, and the most cited references.
 */
public record Stats(long documents, long undated, List<Count> languages, List<Count> outlets, List<Count> months,
                    List<Count> references) {
  /** A label and how many documents carry it. */
  public record Count(String label, long documents) {}
}
