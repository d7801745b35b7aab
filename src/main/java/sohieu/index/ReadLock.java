package sohieu.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Lock;

/**
 * A shared lock on the index's write.lock, taken through a read-only handle: an ingest holds that file locked
 * exclusively, so the two exclude each other (an ingest cannot delete the files of the commit being checked), and
 * yet the check writes nothing, not even the lock file, and so works on an index it may only read.
 */
final class ReadLock extends Lock {
  private final FileChannel channel;
  private final FileLock lock;

  private ReadLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static ReadLock take(Path indexDir) throws IOException, IndexBusyException {
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
      throw new IndexBusyException(IndexStore.busyMessage(indexDir));
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
