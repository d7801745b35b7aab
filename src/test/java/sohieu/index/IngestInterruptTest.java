package sohieu.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C during an ingest: what is done is committed, the rest is left for the same command to resume. */
class IngestInterruptTest {
  private static final int FILES = 800;

  @TempDir Path tmp;

  private Path docs() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    for (int i = 0; i < FILES; i++) {
      Files.writeString(docs.resolve(String.format("%04d.txt", i)), "Bài " + i + "\n\nTheo Nghị quyết số " + (i % 90 + 1)
          + "-NQ/TW, tỉnh ủy đã ban hành kế hoạch số " + i + " về chuyển đổi số.\n");
    }
    return docs;
  }

  @Test
  void cancellingCommitsWhatIsDoneAndARerunDoesTheRest() throws Exception {
    Path docs = docs(), index = tmp.resolve("index");
    AtomicReference<Ingester> running = new AtomicReference<>();
    AtomicInteger done = new AtomicInteger();
    IngestSummary first;
    try (Ingester ingester = Ingester.open(index, 2, Duration.ofSeconds(60))) {
      running.set(ingester);
      first = ingester.ingest(FileSet.of(List.of(docs), List.of()), false, (file, outcome, bytes, reason) -> {
        if (done.incrementAndGet() == 20) running.get().cancel();
      });
    }
    assertTrue(first.interrupted());
    assertTrue(first.added() >= 20 && first.added() < FILES, first.toString());
    assertEquals(first.added(), IngestFaultsTest.numDocs(index));
    assertFalse(Files.exists(index.resolve("ingest.pid")));

    IngestSummary rerun;
    try (Ingester ingester = Ingester.open(index, 2, Duration.ofSeconds(60))) {
      rerun = ingester.ingest(FileSet.of(List.of(docs), List.of()), false, IngestListener.NONE);
    }
    assertFalse(rerun.interrupted());
    assertEquals(FILES - first.added(), rerun.added());
    assertEquals(first.added(), rerun.unchanged());
    assertEquals(FILES, IngestFaultsTest.numDocs(index));
  }

  @Test
  void sigintToTheCommandCommitsReportsAndExits130() throws Exception {
    Path docs = docs(), index = tmp.resolve("index"), log = tmp.resolve("child.log");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "sohieu.cli.Main", "ingest", "--index", index.toString(),
        "--threads", "1", "--commit-every", "5", docs.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      awaitCommitted(index, child);
      // A process started with SIGINT ignored (a background job of a non-interactive shell) keeps it ignored;
      // the JVM then installs no handler and Ctrl-C cannot reach it.
      String status = Files.readString(Path.of("/proc/" + child.pid() + "/status"));
      Matcher caught = Pattern.compile("SigCgt:\\s*([0-9a-f]+)").matcher(status);
      assumeTrue(caught.find() && (Long.parseLong(caught.group(1), 16) & 0x2) != 0,
          "SIGINT is ignored in this environment; the cancellation test above covers the ingest side");
      assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor());
      assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the ingest did not end after SIGINT");
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    String out = Files.readString(log);
    assertEquals(130, child.exitValue(), out);
    Matcher m = Pattern.compile("interrupted: (\\d+) files committed; run the same command to resume").matcher(out);
    assertTrue(m.find(), out);
    int committed = Integer.parseInt(m.group(1));
    assertTrue(committed >= 5 && committed < FILES, out);
    assertEquals(committed, IngestFaultsTest.numDocs(index));
    assertFalse(Files.exists(index.resolve("ingest.pid")), "ingest.pid left behind");
  }

  private static void awaitCommitted(Path index, Process child) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(child.isAlive(), "the child ingest ended before it was interrupted");
      try {
        if (IngestFaultsTest.numDocs(index) >= 5) return;
      } catch (java.io.IOException | RuntimeException e) {
        // No commit yet, or one midway: look again.
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no commit within two minutes");
  }
}
