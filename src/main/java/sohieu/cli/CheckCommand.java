package sohieu.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs Lucene's CheckIndex and reports the index's health in one line. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check the index with Lucene's CheckIndex and report its health in one line (read-only).",
    footer = {"", "Exit codes: 0 healthy, 1 problems found, 2 no index.", "Example:", "  scripts/sohieu check"})
final class CheckCommand implements Callable<Integer> {
  @Mixin
  IndexOption index;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(index.index)) throw new Main.UserError("no index at " + index.index);
    try (FSDirectory dir = FSDirectory.open(index.index);
         CheckIndex checker = new CheckIndex(dir, org.apache.lucene.store.NoLockFactory.INSTANCE.obtainLock(dir, "none"))) {
      CheckIndex.Status status = checker.checkIndex();
      if (status.missingSegments) throw new Main.UserError("no index at " + index.index);
      if (status.clean) {
        int docs;
        try (var reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
          docs = reader.numDocs();
        }
        System.out.printf("ok: %d documents in %d segments, %s%n", docs, status.numSegments, index.index);
        return Main.FOUND;
      }
      System.out.printf("damaged: %d of %d segments broken, %d documents would be lost; %s%n",
          status.numBadSegments, status.numSegments, status.totLoseDocCount, index.index);
      return Main.NOTHING;
    }
  }
}
