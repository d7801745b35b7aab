package sohieu.extract;

import java.time.LocalDate;
import java.util.List;

/**
 * The article text of one file and what the file says about itself.
 *
 * @param text        the article's own text, NFC, paragraphs separated by line breaks, boilerplate removed
 * @param title       the headline, or null
 * @param published   the publication date, or null
 * @param outlet      the publishing site or agency, or null
 * @param sourceUrl   the article's original address, or null
 * @param contentType the detected media type, e.g. {@code text/html}
 * @param scanned     the pages whose text OCR read, in text order (empty when the file had text of its own)
 * @param unread      scanned pages left unread, with why (a page limit), or null
 */
public record ExtractedDocument(String text, String title, LocalDate published, String outlet, String sourceUrl,
                                String contentType, List<ScannedPage> scanned, String unread) {
  public ExtractedDocument {
    scanned = List.copyOf(scanned);
  }

  /** A document whose text is the file's own (no OCR). */
  public ExtractedDocument(String text, String title, LocalDate published, String outlet, String sourceUrl,
                           String contentType) {
    this(text, title, published, outlet, sourceUrl, contentType, List.of(), null);
  }

  /**
   * A page whose text OCR read: its span of the text, its page number (from 1), its language, the Tesseract models
   * of its reading, how many readings it took and their time.
   */
  public record ScannedPage(int start, int end, int page, String lang, String models, int passes, long millis) {}
}
