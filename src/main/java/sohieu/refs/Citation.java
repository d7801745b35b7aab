package sohieu.refs;

import java.time.LocalDate;

/**
 * One mention of a Vietnamese document number in a text, in one of four variants: an {@link Explicit} full number, a
 * {@link Partial} form completed from the words around it, a {@link Short} form standing for a full number elsewhere
 * in the document, or an {@link Unresolved} number phrase that names no document the resolver could determine
 * ({@link CitationRecognizer#scan} leaves those out; {@link CitationRecognizer#find} keeps them).
 *
 * <p>Every variant answers the same accessors:
 * canonical (the official spelling, {@code 16-QĐ/TW} or {@code 15/2020/NĐ-CP}; null when unresolved), raw (the
 * exact matched text, {@code text.substring(start, end)}), type (NQ, KL, CT, QĐ, ...), issuer (TW, TU, QH15, CP,
 * ...), number (as written, without leading zeros), year (inside the number, or null), issued (the issue date the text
 * states for this document at this mention, or null), start and end (char offsets), confidence (1.0 for an explicit
 * number the vocabulary knows, lower for what is inferred), sentence (the sentence that holds the mention).
 */
public sealed interface Citation {
  String canonical();

  String raw();

  String type();

  String issuer();

  String number();

  Integer year();

  LocalDate issued();

  int start();

  int end();

  double confidence();

  String sentence();

  Kind kind();

  /** How a mention names its document. */
  enum Kind { EXPLICIT, PARTIAL, SHORT, UNRESOLVED }

  /** A full number: {@code 25-NQ/TW}, {@code 4521/TCT-DNL}, {@code 15/2020/NĐ-CP}. */
  record Explicit(String canonical, String raw, String type, String issuer, String number, Integer year, LocalDate issued,
                  int start, int end, double confidence, String sentence) implements Citation {
    @Override
    public Kind kind() {
      return Kind.EXPLICIT;
    }
  }

  /**
   * A number completed from its words: "la décision n° 209 du Politburo" -> 209-QĐ/TW, "Nghị định 73/2025" ->
   * 73/2025/NĐ-CP.
   */
  record Partial(String canonical, String raw, String type, String issuer, String number, Integer year, LocalDate issued,
                 int start, int end, double confidence, String sentence) implements Citation {
    @Override
    public Kind kind() {
      return Kind.PARTIAL;
    }
  }

  /** A type word and a number standing for a full number elsewhere in the document: "Nghị quyết 57" -> 57-NQ/TW. */
  record Short(String canonical, String raw, String type, String issuer, String number, Integer year, LocalDate issued,
               int start, int end, double confidence, String sentence) implements Citation {
    @Override
    public Kind kind() {
      return Kind.SHORT;
    }
  }

  /** A type word and a number whose issuer neither the clause nor the document tells: "Nghị quyết 18". */
  record Unresolved(String canonical, String raw, String type, String issuer, String number, Integer year, LocalDate issued,
                    int start, int end, double confidence, String sentence) implements Citation {
    @Override
    public Kind kind() {
      return Kind.UNRESOLVED;
    }
  }

  /** The variant of {@code kind} (EXPLICIT when null), as a decoder of stored mentions rebuilds it. */
  static Citation of(Kind kind, String canonical, String raw, String type, String issuer, String number, Integer year,
                     LocalDate issued, int start, int end, double confidence, String sentence) {
    return switch (kind == null ? Kind.EXPLICIT : kind) {
      case EXPLICIT -> new Explicit(canonical, raw, type, issuer, number, year, issued, start, end, confidence, sentence);
      case PARTIAL -> new Partial(canonical, raw, type, issuer, number, year, issued, start, end, confidence, sentence);
      case SHORT -> new Short(canonical, raw, type, issuer, number, year, issued, start, end, confidence, sentence);
      case UNRESOLVED -> new Unresolved(canonical, raw, type, issuer, number, year, issued, start, end, confidence, sentence);
    };
  }

  /** The same mention with another issue date. */
  default Citation withIssued(LocalDate date) {
    return of(kind(), canonical(), raw(), type(), issuer(), number(), year(), date, start(), end(), confidence(), sentence());
  }
}
