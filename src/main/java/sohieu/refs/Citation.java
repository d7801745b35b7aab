package sohieu.refs;

import java.time.LocalDate;

/**
 * One mention of a Vietnamese document number in a text.
 *
 * @param canonical  the official Vietnamese spelling, e.g. {@code 16-QĐ/TW} or {@code 15/2020/NĐ-CP}
 * @param raw        the exact matched text, {@code text.substring(start, end)}
 * @param kind       how the text names the document
 * @param type       document type code (NQ, KL, CT, QĐ, ...)
 * @param issuer     issuer code (TW, TU, QH15, NĐ-CP's CP, ...)
 * @param number     the document's serial number as written, without leading zeros
 * @param year       the year inside the number ({@code 10/2022/QH15}) or null
 * @param issued     the issue date the text states for this document, or null
 * @param start      char offset of the mention in the scanned text
 * @param end        char offset just past the mention
 * @param confidence 1.0 for an explicit full number, lower for partial and short forms
 * @param sentence   the sentence that holds the mention
 */
public record Citation(String canonical, String raw, Kind kind, String type, String issuer, String number,
                       Integer year, LocalDate issued, int start, int end, double confidence, String sentence) {

  /** How a mention names its document. */
  public enum Kind { EXPLICIT, PARTIAL, SHORT }
}
