package sohieu.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A search's checkpoints: the deadline, and stepping aside for lookups under way. */
class DeadlineTest {
  private final Lookups lookups = new Lookups();
  private final Deadline deadline = new Deadline(lookups);

  /** shouldExit at one checkpoint of a request started on its own thread, as the server runs each. */
  private CompletableFuture<Boolean> checkpoint(long millis, boolean search) {
    return CompletableFuture.supplyAsync(() -> {
      Deadline.start(millis, search);
      try {
        return deadline.shouldExit();
      } finally {
        Deadline.clear();
      }
    }, r -> Thread.ofVirtual().start(r));
  }

  @Test
  void searchWaitsForTheLookupUnderWayAndKeepsItsTime() throws Exception {
    lookups.enter();
    CompletableFuture<Boolean> search = checkpoint(60_000, true);
    Thread.sleep(10); // within the longest wait
    assertFalse(search.isDone(), "the search went on while a lookup ran");
    lookups.exit();
    assertFalse(search.get(5, TimeUnit.SECONDS), "a search that waited is not out of time");
  }

  @Test
  void lookupNeverWaitsForAnother() throws Exception {
    lookups.enter();
    try {
      assertFalse(checkpoint(60_000, false).get(5, TimeUnit.SECONDS));
    } finally {
      lookups.exit();
    }
  }

  @Test
  void endlessLookupsOnlySlowASearch() throws Exception {
    lookups.enter();
    try {
      // The wait is bounded and moves the deadline: a search of 50 ms that waited its 50 ms is still in time.
      long start = System.nanoTime();
      assertFalse(checkpoint(50, true).get(5, TimeUnit.SECONDS));
      assertTrue(System.nanoTime() - start >= Lookups.MAX_YIELD_NANOS);
    } finally {
      lookups.exit();
    }
  }

  @Test
  void deadlineStillStopsASearch() throws Exception {
    CompletableFuture<Boolean> search = CompletableFuture.supplyAsync(() -> {
      Deadline.start(0, true);
      try {
        Thread.sleep(5);
        return deadline.shouldExit() && Deadline.passed();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      } finally {
        Deadline.clear();
      }
    }, r -> Thread.ofVirtual().start(r));
    assertTrue(search.get(5, TimeUnit.SECONDS));
  }
}
