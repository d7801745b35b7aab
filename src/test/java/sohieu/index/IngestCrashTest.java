package sohieu.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohieu.refs.CitationRecognizer;
import sohieu.search.Searcher;
import sohieu.schema.Fields;

/** An ingest in a child JVM, read and checked while it runs, then killed with SIGKILL and run again. */
class IngestCrashTest {
  private static final int FILES = 200;

  @TempDir Path tmp;

  @Test
  void killNineLosesNothingCommittedAndARerunCompletesTheRestExactlyOnce() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs")), index = tmp.resolve("index");
    for (int i = 0; i < FILES; i++) {
      Files.writeString(docs.resolve(String.format("%03d.txt", i)), "Bài " + i + "\n\nTheo Nghị quyết số " + (i % 90 + 1)
          + "-NQ/TW, tỉnh ủy đã ban hành kế hoạch số " + i + " về chuyển đổi số.\n\nĐoạn văn thứ hai của bài " + i + ".\n");
    }
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "sohieu.cli.Main", "ingest", "--index", index.toString(),
        "--threads", "1", "--commit-every", "5", docs.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    int seen;
    try {
      seen = awaitCommitted(index, child, 1);
      // A second writer is refused at once, naming the running one.
      IndexBusyException busy = assertThrows(IndexBusyException.class, () -> Ingester.open(index, 1, Duration.ofSeconds(60)));
      assertEquals("index is being written by another ingest (pid " + child.pid() + ")", busy.getMessage());
      // Readers see the last commit while the writer goes on.
      try (Searcher searcher = Searcher.open(index, CitationRecognizer.standard())) {
        assertTrue(searcher.search("chuyển đổi số", 10, 0, false).total() >= seen);
      }
      IngestFaultsTest.Cli check = IngestFaultsTest.cli("check", "--index", index.toString());
      assertEquals(2, check.code(), check.toString());
      assertTrue(check.err().contains("(pid " + child.pid() + ")"), check.err());
      awaitCommitted(index, child, 3 * 5);
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }

    int committed = IngestFaultsTest.numDocs(index);
    assertTrue(committed >= 15 && committed < FILES, "the kill must land mid-batch; committed " + committed
        + "\n" + Files.readString(tmp.resolve("child.log")));
    try (FSDirectory dir = FSDirectory.open(index); CheckIndex checker = new CheckIndex(dir)) {
      assertTrue(checker.checkIndex().clean);
    }

    IngestSummary rerun;
    try (Ingester ingester = Ingester.open(index, 2, Duration.ofSeconds(60))) {
      rerun = ingester.ingest(FileSet.of(List.of(docs), List.of()), false, IngestListener.NONE);
    }
    assertEquals(new IngestSummary(FILES - committed, 0, committed, 0, 0, rerun.bytes(), rerun.millis()), rerun);
    try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      assertEquals(FILES, reader.numDocs());
      Set<String> paths = new HashSet<>();
      StoredFields stored = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        if (reader.hasDeletions() && !org.apache.lucene.index.MultiBits.getLiveDocs(reader).get(doc)) continue;
        paths.add(stored.document(doc, Set.of(Fields.PATH)).get(Fields.PATH));
      }
      assertEquals(FILES, paths.size());
    }
  }

  /** Waits until the child has committed at least {@code docs} documents, and returns how many it has. */
  private static int awaitCommitted(Path index, Process child, int docs) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(child.isAlive(), "the child ingest ended before it was killed (exit " + (child.isAlive() ? "" : child.exitValue()) + ")");
      try (FSDirectory dir = FSDirectory.open(index)) {
        if (DirectoryReader.indexExists(dir)) {
          try (DirectoryReader reader = DirectoryReader.open(dir)) {
            if (reader.numDocs() >= docs) return reader.numDocs();
          }
        }
      } catch (java.io.IOException e) {
        // The directory may not exist yet, or a commit may be midway: look again.
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no commit of " + docs + " documents within two minutes");
  }
}
