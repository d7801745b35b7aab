package sohieu.index;

import java.nio.file.Path;

/** Hears about each file as an ingest run finishes with it; called from worker threads. */
public interface IngestListener {
  /** What happened to one file. */
  enum Outcome { ADDED, UPDATED, UNCHANGED, REMOVED, FAILED, DUPLICATE }

  /**
   * {@code reason} is a one-line explanation for FAILED, the path of the indexed file with the same content for
   * DUPLICATE, what a limit left out of the document for ADDED or UPDATED (null when nothing), otherwise null.
   */
  void done(Path file, Outcome outcome, long bytes, String reason);

  /** OCR has read page {@code done} of the {@code pages} it reads of a scanned file (before the file is done). */
  default void pageRead(Path file, int done, int pages) {}

  IngestListener NONE = (file, outcome, bytes, reason) -> {};
}
