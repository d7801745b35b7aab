package sohieu.lang;

/**
 * A paragraph of a text: its char offsets, its language (vi, ru, fr, pl, en or und), and whether its text was read
 * by OCR from a scanned page (then its words and numbers may hold the misreadings of a scan).
 */
public record Paragraph(int start, int end, String lang, boolean ocr) {
  /** A paragraph of the file's own text. */
  public Paragraph(int start, int end, String lang) { this(start, end, lang, false); }

  /** The same paragraph, marked as read by OCR. */
  public Paragraph scanned() { return new Paragraph(start, end, lang, true); }
}
