package sohieu.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.ReferenceManager;
import sohieu.refs.CitationRecognizer;
import sohieu.search.Searcher;

/**
 * The searcher of the index's latest commit, for a long-running service: Lucene's {@link ReferenceManager} (the base
 * of its SearcherManager) swaps in a {@link Searcher} of a newer commit when {@link #maybeRefresh()} finds one, while
 * requests still running finish on the one they acquired, which is closed after the last of them releases it.
 */
final class LiveSearcher extends ReferenceManager<LiveSearcher.Lease> {
  private final Path indexDir;
  private final CitationRecognizer recognizer;
  private final QueryTimeout timeout;

  /** One opened commit and the requests using it (one count for being current). */
  static final class Lease {
    final Searcher searcher;
    final long generation;
    private final AtomicInteger refs = new AtomicInteger(1);

    private Lease(Searcher searcher, long generation) {
      this.searcher = searcher;
      this.generation = generation;
    }
  }

  /** Opens the last commit; fails as {@link Searcher#open} does when there is no index or another schema wrote it. */
  LiveSearcher(Path indexDir, CitationRecognizer recognizer, QueryTimeout timeout) throws IOException {
    this.indexDir = indexDir;
    this.recognizer = recognizer;
    this.timeout = timeout;
    current = open(generation());
  }

  private Lease open(long generation) throws IOException {
    Searcher searcher = Searcher.open(indexDir, recognizer);
    try {
      // Warmed here, off the requests' path: the facets' ordinals over the whole commit are built on first use, which
      // would otherwise hold up the first request for facets after every commit an ingest makes.
      searcher.stats(1);
    } catch (IOException | RuntimeException e) {
      searcher.close();
      throw e;
    }
    searcher.setTimeout(timeout);
    return new Lease(searcher, generation);
  }

  /** The generation of the last commit in the folder, read from the file names alone (no reader opened); -1 if none. */
  private long generation() throws IOException {
    if (!Files.isDirectory(indexDir)) return -1; // opening says there is no index, in the CLI's words
    try (Stream<Path> files = Files.list(indexDir)) {
      return SegmentInfos.getLastCommitGeneration(files.map(f -> f.getFileName().toString()).toArray(String[]::new));
    }
  }

  @Override
  protected Lease refreshIfNeeded(Lease old) throws IOException {
    // Read before opening: a commit landing in between is newer than the number kept, and is opened next time.
    long latest = generation();
    return latest == old.generation || latest < 0 ? null : open(latest);
  }

  @Override
  protected boolean tryIncRef(Lease lease) {
    for (int n = lease.refs.get(); n > 0; n = lease.refs.get()) {
      if (lease.refs.compareAndSet(n, n + 1)) return true;
    }
    return false;
  }

  @Override
  protected void decRef(Lease lease) throws IOException {
    if (lease.refs.decrementAndGet() == 0) lease.searcher.close();
  }

  @Override
  protected int getRefCount(Lease lease) { return lease.refs.get(); }
}
