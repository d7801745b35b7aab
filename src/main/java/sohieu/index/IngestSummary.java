package sohieu.index;

/** Counts of what one ingest run did, with the bytes read and the time taken. */
public record IngestSummary(int added, int updated, int unchanged, int removed, int failed, long bytes, long millis) {
  public int seen() { return added + updated + unchanged + failed; }

  public double megabytesPerSecond() { return millis == 0 ? 0 : bytes / 1e6 / (millis / 1000.0); }

  public double filesPerSecond() { return millis == 0 ? 0 : seen() * 1000.0 / millis; }
}
