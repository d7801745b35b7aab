package sohieu.serve;

import org.apache.lucene.index.QueryTimeout;

/**
 * Lucene's query timeout, per request: each request sets its own deadline on its own thread (searches run on the
 * thread that asks, the searcher has no executor), and learns afterwards whether a search was cut short by it. A
 * full-text search also steps aside here for the lookups under way (see {@link Lookups}): Lucene asks at growing
 * intervals of documents while it scores, a few times a millisecond to every few milliseconds. The time it waits
 * moves its deadline, and it waits {@link Lookups#MAX_YIELD_NANOS} at most in all, so a stream of lookups slows a
 * search but never makes it fail.
 */
final class Deadline implements QueryTimeout {
  /** The request on this thread, or none outside a request. */
  private static final ThreadLocal<Clock> CURRENT = new ThreadLocal<>();
  private final Lookups lookups;

  Deadline(Lookups lookups) { this.lookups = lookups; }

  private static final class Clock {
    long deadline;
    boolean passed;
    /** Nanoseconds a search may still spend waiting for lookups; 0 for a lookup itself. */
    long yieldLeft;
  }

  /** Starts the clock of the request on this thread; a search ({@code yields}) steps aside for lookups. */
  static void start(long millis, boolean yields) {
    Clock c = new Clock();
    c.deadline = System.nanoTime() + millis * 1_000_000L;
    c.yieldLeft = yields ? Lookups.MAX_YIELD_NANOS : 0;
    CURRENT.set(c);
  }

  /** Whether a search of this request stopped at the deadline (its results would be partial). */
  static boolean passed() {
    Clock c = CURRENT.get();
    return c != null && c.passed;
  }

  static void clear() { CURRENT.remove(); }

  @Override
  public boolean shouldExit() {
    Clock c = CURRENT.get();
    if (c == null) return false;
    if (c.yieldLeft > 0 && !c.passed) {
      long waited = lookups.awaitNone(c.yieldLeft);
      c.yieldLeft -= waited;
      c.deadline += waited;
    }
    if (!c.passed && System.nanoTime() - c.deadline > 0) c.passed = true;
    return c.passed;
  }
}
