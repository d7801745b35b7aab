package sohieu.pipeline;

import java.util.List;
import sohieu.extract.ExtractedDocument;
import sohieu.lang.Paragraph;
import sohieu.refs.Citation;
import sohieu.refs.DocumentIdentity;

/**
 * Everything the pipeline learned about one file: what ingest indexes, what scan prints, and what any later consumer
 * reads, so that they never disagree.
 *
 * @param path       the file's path as given (relative stays relative), or the name standard input is read under
 * @param hash       SHA-256 of the file's bytes, hex
 * @param size       the file's size in bytes
 * @param document   extracted text and metadata; a directive's own number, title and signing date replace what the
 *                   page furniture says
 * @param paragraphs the text's paragraphs with their languages
 * @param citations  citation mentions found in the text, at most the citation limit
 * @param identity   the document the text is when it is a directive's own text, or null
 * @param cut        what the citation limit left out, or null when nothing
 */
public record Article(String path, String hash, long size, ExtractedDocument document, List<Paragraph> paragraphs,
                      List<Citation> citations, DocumentIdentity identity, String cut) {
  /** The canonical number of the document itself when the file is the directive's own text, or null. */
  public String selfRef() { return identity == null ? null : identity.canonical(); }
}
