package sohieu.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.NoLockFactory;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import java.util.List;
import sohieu.index.FailedFiles;
import sohieu.index.Faults;
import sohieu.index.Ingester;
import sohieu.schema.SchemaVersion;

/** Runs Lucene's CheckIndex and reports the index's health in one line. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check the index with Lucene's CheckIndex and report its health in one line (read-only).",
    footer = {"", "Also lists the files that ingest could not index, with the reason (they are missing from the index).",
        "Exit codes: 0 healthy, 1 damaged or written by another schema (rebuild it), 2 no index or the index is busy.",
        "Example:",
        "  scripts/sohieu check"})
final class CheckCommand implements Callable<Integer> {
  @Mixin
  IndexOption index;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(index.index)) throw new Main.UserError("no index at " + index.index);
    // No lock factory: the directory must never create write.lock, so that a read-only index can be checked.
    try (FSDirectory dir = FSDirectory.open(index.index, NoLockFactory.INSTANCE)) {
      if (!DirectoryReader.indexExists(dir)) throw new Main.UserError("no index at " + index.index);
      try (Lock lock = ReadLock.take(index.index)) {
        String segments = SegmentInfos.getLastCommitSegmentsFileName(dir.listAll());
        SegmentInfos latest;
        try {
          latest = SegmentInfos.readLatestCommit(dir);
        } catch (IOException e) {
          System.out.printf(Locale.ROOT, "damaged: %s cannot be read (%s); re-ingest into a new --index to rebuild; %s%n",
              segments, reason(e), index.index);
          return Main.NOTHING;
        }
        try (CheckIndex checker = new CheckIndex(dir, lock)) {
          CheckIndex.Status status;
          try {
            status = checker.checkIndex();
          } catch (IOException e) {
            System.out.printf(Locale.ROOT, "damaged: the last commit cannot be read (%s); re-ingest into a new --index "
                + "to rebuild; %s%n", reason(e), index.index);
            return Main.NOTHING;
          }
          if (status.missingSegments) throw new Main.UserError("no index at " + index.index);
          if (status.clean) {
            int docs;
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
              docs = reader.numDocs();
            }
            // Sound for Lucene, and still unreadable to this version when another schema wrote it.
            String outdated = SchemaVersion.mismatch(latest.getUserData(), index.index);
            if (outdated != null) {
              System.out.println("outdated: " + outdated);
              missing();
              return Main.NOTHING;
            }
            System.out.printf(Locale.ROOT, "ok: %d documents in %d segments, %s%n", docs, status.numSegments, index.index);
            missing();
            return Main.FOUND;
          }
          System.out.printf(Locale.ROOT, "damaged: %d of %d segments broken, %d documents would be lost; re-ingest into "
              + "a new --index to rebuild; %s%n", status.numBadSegments, status.numSegments, status.totLoseDocCount, index.index);
          return Main.NOTHING;
        }
      }
    }
  }

  /** Lucene's words for what is wrong with a file, without the name of the exception or the reader's internals. */
  private static String reason(IOException e) {
    String m = e instanceof CorruptIndexException c ? c.getOriginalMessage() : Faults.describe(e);
    return String.valueOf(m).replaceAll("\\s+", " ");
  }

  /**
   * A shared lock on the index's write.lock, taken through a read-only handle: an ingest holds that file locked
   * exclusively, so the two exclude each other (an ingest cannot delete the files of the commit being checked), and
   * yet the check writes nothing, not even the lock file, and so works on an index it may only read.
   */
  private static final class ReadLock extends Lock {
    private final FileChannel channel;
    private final FileLock lock;

    private ReadLock(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    static ReadLock take(Path indexDir) throws IOException {
      FileChannel channel;
      try {
        channel = FileChannel.open(indexDir.resolve(IndexWriter.WRITE_LOCK_NAME), StandardOpenOption.READ);
      } catch (NoSuchFileException | AccessDeniedException e) {
        // No ingest has run here (it leaves the file behind), or the file is not ours to open: nothing to take.
        return new ReadLock(null, null);
      }
      FileLock lock;
      try {
        lock = channel.tryLock(0, Long.MAX_VALUE, true);
      } catch (OverlappingFileLockException inThisProcess) {
        lock = null;
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      if (lock == null) {
        channel.close();
        throw new Main.UserError(Ingester.busyMessage(indexDir) + "; check it when that ends");
      }
      return new ReadLock(channel, lock);
    }

    @Override
    public void ensureValid() throws IOException {
      if (lock != null && !lock.isValid()) throw new AlreadyClosedException("the read lock on the index was lost");
    }

    @Override
    public void close() throws IOException {
      if (channel != null) channel.close(); // releases the lock
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
