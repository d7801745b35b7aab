package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohieu.cli.CliTest.Run;

/** Links, loops, FIFOs and folders where a file is expected: each told by name and reason, none indexed twice. */
class NotThereTest {
  @TempDir Path tmp;

  private static boolean mkfifo(Path p) throws Exception {
    try {
      return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0 && Files.exists(p);
    } catch (java.io.IOException noMkfifo) {
      return false;
    }
  }

  @Test
  void ingestFollowsALinkedFolderOnceIndexesALinkedFileOnceAndListsWhatItSkipped() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.writeString(docs.resolve("a.txt"), "Nghị quyết 57-NQ/TW của Bộ Chính trị về chuyển đổi số quốc gia.\n");
    Files.writeString(elsewhere.resolve("b.txt"), "Chỉ thị 12-CT/TW của Ban Bí thư về công tác tuyên truyền.\n");
    Files.createSymbolicLink(docs.resolve("linked"), elsewhere);
    Files.createSymbolicLink(docs.resolve("same.txt"), docs.resolve("a.txt"));
    Files.createSymbolicLink(docs.resolve("loop"), docs);
    String index = tmp.resolve("index").toString();
    Run r = CliTest.run("ingest", "--index", index, docs.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("skipped: " + docs.resolve("loop") + ": a symbolic link loop (leads back to " + docs + ")"), r.out());
    assertTrue(r.out().contains("skipped: " + docs.resolve("same.txt") + ": a symbolic link to a file taken already ("
        + docs.resolve("a.txt") + ")"), r.out());
    assertTrue(r.out().contains("2 added, 0 updated, 0 unchanged, 0 removed, 0 failed"), r.out());
    Run cite = CliTest.run("cite", "12-CT/TW", "--index", index, "--jsonl");
    assertEquals(0, cite.code(), cite.out() + cite.err());
    assertTrue(cite.out().contains(docs.resolve("linked/b.txt").toString()), "shown through the link: " + cite.out());
    Run nq = CliTest.run("search", "chuyển đổi số", "--index", index);
    assertTrue(nq.out().contains("1 of 1 documents"), "the linked file is one document: " + nq.out());
  }

  @Test
  void anIndexOfOnlyFailedFilesHasStatsOfNothing() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    // Not a PDF behind its name: the only file fails, the commit holds no document and no facet field
    Files.writeString(docs.resolve("broken.pdf"), "%PDF-1.4\nthis is not a PDF body\n");
    String index = tmp.resolve("index").toString();
    Run ingest = CliTest.run("ingest", "--index", index, docs.toString());
    assertTrue(ingest.out().contains("1 failed"), ingest.out() + ingest.err());
    Run stats = CliTest.run("stats", "--json", "--index", index);
    assertTrue(stats.out().contains("\"documents\" : 0") && stats.err().isEmpty(), stats.out() + stats.err());
  }

  @Test
  void aFifoIsNamedAndNeverRead() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), "Nghị quyết 57-NQ/TW của Bộ Chính trị về chuyển đổi số quốc gia.\n");
    Path fifo = docs.resolve("pipe");
    assumeTrue(mkfifo(fifo), "mkfifo is not available here");
    String index = tmp.resolve("index").toString();
    // Reading the FIFO would wait for a writer forever: the guard turns that hang into a failure.
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
      Run walked = CliTest.run("ingest", "--index", index, docs.toString());
      assertEquals(0, walked.code(), walked.out() + walked.err());
      assertTrue(walked.out().contains("skipped: " + fifo + ": not a regular file (FIFO)"), walked.out());
      Run named = CliTest.run("ingest", "--index", index, fifo.toString());
      assertEquals(1, named.code(), named.out() + named.err());
      assertEquals("failed: " + fifo + ": not a regular file (FIFO)", named.err().strip());
      Run scan = CliTest.run("scan", fifo.toString());
      assertEquals(2, scan.code());
      assertEquals("sohieu scan: " + fifo + ": not a regular file (FIFO); pipe it to 'scan -' to read it", scan.err().strip());
    });
  }

  @Test
  void scanSaysAFolderIsAFolder() {
    Run r = CliTest.run("scan", tmp.toString());
    assertEquals(2, r.code());
    assertEquals("sohieu scan: " + tmp + ": a folder (scan reads one file; ingest reads folders)", r.err().strip());
    Run missing = CliTest.run("scan", tmp.resolve("nothing.txt").toString());
    assertEquals("sohieu scan: " + tmp.resolve("nothing.txt") + ": no such file", missing.err().strip());
  }
}
