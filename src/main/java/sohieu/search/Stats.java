package sohieu.search;

import java.util.List;

/**
 * Counts over the whole index, or over what a query finds: documents, those without a publication date, documents
 * by language, outlet and month, the most cited references, and documents by the type of the references they carry.
 */
public record Stats(long documents, long undated, List<Count> languages, List<Count> outlets, List<Count> months,
                    List<Count> references, List<Count> types) {
  /** A label and how many documents carry it. */
  public record Count(String label, long documents) {}
}
