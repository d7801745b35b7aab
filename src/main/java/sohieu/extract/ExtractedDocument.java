package sohieu.extract;

import java.time.LocalDate;

/**
 * The article text of one file and what the file says about itself.
 *
 * @param text        the article's own text, NFC, paragraphs separated by line breaks, boilerplate removed
 * @param title       the headline, or null
 * @param published   the publication date, or null
 * @param outlet      the publishing site or agency, or null
 * @param sourceUrl   the article's original address, or null
 * @param contentType the detected media type, e.g. {@code text/html}
 */
public record ExtractedDocument(String text, String title, LocalDate published, String outlet, String sourceUrl,
                                String contentType) {}
