package sohieu.serve;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lookups (cite, refs, documents) under way, which a running search steps aside for at its checkpoints: a lookup
 * costs a millisecond of CPU and a search a hundred, and on two cores shared with an ingest and the clients the
 * lookup otherwise gets its core only in turns with the search.
 */
final class Lookups {
  /**
   * Longest a search waits for lookups in all: a stream of them slows it, and never starves it. 50 ms against none
   * and 200 on the 100k bench index: cite p99 127 ms against 286 and 203, searches no slower than without waiting.
   */
  static final long MAX_YIELD_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  private final AtomicInteger running = new AtomicInteger();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition none = lock.newCondition();

  void enter() { running.incrementAndGet(); }

  void exit() {
    if (running.decrementAndGet() > 0) return;
    lock.lock();
    try {
      none.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until no lookup runs or {@code nanos} have passed; returns the nanoseconds waited. */
  long awaitNone(long nanos) {
    if (running.get() == 0) return 0;
    long start = System.nanoTime();
    lock.lock();
    try {
      for (long left = nanos; running.get() > 0 && left > 0; ) left = none.awaitNanos(left);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
    return System.nanoTime() - start;
  }
}
