package sohieu.serve;

import org.apache.lucene.index.QueryTimeout;

/**
 * Lucene's query timeout, per request: each request sets its own deadline on its own thread (searches run on the
 * thread that asks, the searcher has no executor), and learns afterwards whether a search was cut short by it.
 */
final class Deadline implements QueryTimeout {
  /** The deadline of the request on this thread ({@code [nanos, passed]}), or none outside a request. */
  private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();

  /** Starts the clock of the request on this thread. */
  static void start(long millis) { CURRENT.set(new long[] {System.nanoTime() + millis * 1_000_000L, 0}); }

  /** Whether a search of this request stopped at the deadline (its results would be partial). */
  static boolean passed() {
    long[] d = CURRENT.get();
    return d != null && d[1] != 0;
  }

  static void clear() { CURRENT.remove(); }

  @Override
  public boolean shouldExit() {
    long[] d = CURRENT.get();
    if (d == null) return false;
    if (d[1] == 0 && System.nanoTime() - d[0] > 0) d[1] = 1;
    return d[1] != 0;
  }
}
