package sohieu.cli;

import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import java.util.List;
import sohieu.index.FailedFiles;
import sohieu.index.Ingester;

/** Runs Lucene's CheckIndex and reports the index's health in one line. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check the index with Lucene's CheckIndex and report its health in one line (read-only).",
    footer = {"", "Also lists the files that ingest could not index, with the reason (they are missing from the index).",
        "Exit codes: 0 healthy, 1 problems found, 2 no index or the index is busy.", "Example:",
        "  scripts/sohieu check"})
final class CheckCommand implements Callable<Integer> {
  @Mixin
  IndexOption index;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(index.index)) throw new Main.UserError("no index at " + index.index);
    try (FSDirectory dir = FSDirectory.open(index.index)) {
      // Before taking the lock, which would create write.lock in an empty folder.
      if (!DirectoryReader.indexExists(dir)) throw new Main.UserError("no index at " + index.index);
      // The write lock keeps an ingest from deleting the files of the commit being checked; a running ingest
      // holds it, and then the index cannot be checked until that ingest ends.
      Lock lock;
      try {
        lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME);
      } catch (LockObtainFailedException e) {
        throw new Main.UserError(Ingester.busyMessage(index.index) + "; check it when that ends");
      }
      try (CheckIndex checker = new CheckIndex(dir, lock)) {
        CheckIndex.Status status;
        try {
          status = checker.checkIndex();
        } catch (java.io.IOException e) {
          System.out.printf(Locale.ROOT, "damaged: the last commit cannot be read (%s); %s%n",
              String.valueOf(e.getMessage()).replaceAll("\\s+", " "), index.index);
          return Main.NOTHING;
        }
        if (status.missingSegments) throw new Main.UserError("no index at " + index.index);
        if (status.clean) {
          int docs;
          try (DirectoryReader reader = DirectoryReader.open(dir)) {
            docs = reader.numDocs();
          }
          System.out.printf(Locale.ROOT, "ok: %d documents in %d segments, %s%n", docs, status.numSegments, index.index);
          missing();
          return Main.FOUND;
        }
        System.out.printf(Locale.ROOT, "damaged: %d of %d segments broken, %d documents would be lost; %s%n",
            status.numBadSegments, status.numSegments, status.totLoseDocCount, index.index);
        return Main.NOTHING;
      }
    }
  }

  /** The files the last ingests failed on: healthy as the index is, it lacks them. */
  private void missing() throws java.io.IOException {
    List<FailedFiles.Entry> failed = FailedFiles.read(index.index);
    if (failed.isEmpty()) return;
    System.out.println("missing: " + failed.size() + (failed.size() == 1 ? " file" : " files")
        + " failed at ingest and " + (failed.size() == 1 ? "is" : "are") + " not in the index:");
    for (FailedFiles.Entry e : failed) System.out.println("  " + e.path() + ": " + e.reason());
  }
}
