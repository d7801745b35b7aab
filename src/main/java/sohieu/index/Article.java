package sohieu.index;

import java.util.List;
import sohieu.extract.ExtractedDocument;
import sohieu.lang.Paragraph;
import sohieu.refs.Citation;

/**
 * Everything the pipeline learned about one file, ready to be indexed.
 *
 * @param path      the file's path as given to ingest (relative stays relative)
 * @param hash      SHA-256 of the file's bytes, hex
 * @param size      the file's size in bytes
 * @param document  extracted text and metadata
 * @param paragraphs the text's paragraphs with their languages
 * @param citations citation mentions found in the text
 * @param selfRef   the canonical number of the document itself when the file is the directive's own text, or null
 */
public record Article(String path, String hash, long size, ExtractedDocument document, List<Paragraph> paragraphs,
                      List<Citation> citations, String selfRef) {}
