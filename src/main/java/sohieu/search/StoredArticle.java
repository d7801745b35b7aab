package sohieu.search;

import java.util.List;
import sohieu.lang.Paragraph;
import sohieu.refs.Citation;

/**
 * One indexed document as stored: metadata, text, paragraphs and citations; {@code copies} are the other paths of
 * identical files, sorted (empty when none).
 */
public record StoredArticle(String path, String title, String date, String outlet, String url, String contentType,
                            String hash, List<String> languages, String text, List<Paragraph> paragraphs,
                            List<Citation> citations, List<String> copies) {}
