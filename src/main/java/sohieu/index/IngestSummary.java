package sohieu.index;

/**
 * Counts of what one ingest run did, with the bytes read and the time taken; {@code duplicates} are files whose
 * content is already indexed under another path, {@code interrupted} says the run was cancelled before the end.
 */
public record IngestSummary(int added, int updated, int unchanged, int removed, int failed, long bytes, long millis,
                            int duplicates, boolean interrupted) {
  public IngestSummary(int added, int updated, int unchanged, int removed, int failed, long bytes, long millis) {
    this(added, updated, unchanged, removed, failed, bytes, millis, 0, false);
  }

  public int seen() { return added + updated + unchanged + failed + duplicates; }

  public double megabytesPerSecond() { return millis == 0 ? 0 : bytes / 1e6 / (millis / 1000.0); }

  public double filesPerSecond() { return millis == 0 ? 0 : seen() * 1000.0 / millis; }
}
