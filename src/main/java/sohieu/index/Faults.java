package sohieu.index;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;

/**
 * The faults of the file system and of a damaged index told in plain words: what a user can see and act on (a
 * permission, a full disk, a damaged file), never the name of the Java exception that carried it.
 */
public final class Faults {
  private Faults() {}

  /** The operating system's words for a full disk or quota, as they reach Java in an exception's message. */
  private static final java.util.regex.Pattern DISK_FULL =
      java.util.regex.Pattern.compile("(?i)no space left on device|disk quota exceeded|not enough space on the disk");

  /** True when {@code t} or one of its causes says the disk (or the user's quota) is full. */
  public static boolean diskFull(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String m = c instanceof FileSystemException f ? f.getReason() : c.getMessage();
      if (m != null && DISK_FULL.matcher(m).find()) return true;
      if (c.getCause() == c) break;
    }
    return false;
  }

  /** The first cause of {@code t} of the given type, or null. */
  public static <T extends Throwable> T cause(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) return type.cast(c);
    }
    return null;
  }

  /** True for the ways Lucene says an index file is damaged, truncated or written by another version. */
  public static boolean damagedIndex(Throwable t) {
    return cause(t, CorruptIndexException.class) != null || cause(t, IndexFormatTooOldException.class) != null
        || cause(t, IndexFormatTooNewException.class) != null || cause(t, EOFException.class) != null;
  }

  /**
   * The index file named in a Lucene exception about damage, e.g. {@code segments_3}, or null: Lucene names the
   * resource in its message as {@code path="..."} or, for a format check, as the file's own name.
   */
  public static String damagedFile(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      String m = c.getMessage();
      if (m == null) continue;
      var path = java.util.regex.Pattern.compile("path=\"([^\"]+)\"").matcher(m);
      if (path.find()) return Path.of(path.group(1)).getFileName().toString();
      var name = java.util.regex.Pattern.compile("\\b(segments_[0-9a-z]+|_[0-9a-z]+(?:_[0-9a-z]+)*\\.[a-z]+)\\b").matcher(m);
      if (name.find()) return name.group(1);
    }
    return null;
  }

  /**
   * One line about an input/output fault on a file, without the exception's name: "permission denied", "no space
   * left on device", ...; for anything else the fault's own message.
   */
  public static String describe(Throwable t) {
    if (diskFull(t)) return "no space left on device";
    if (cause(t, AccessDeniedException.class) != null) return "permission denied";
    if (cause(t, NoSuchFileException.class) != null) return "no such file";
    if (cause(t, NotDirectoryException.class) != null) return "not a folder";
    if (damagedIndex(t)) {
      String file = damagedFile(t);
      return "damaged index" + (file == null ? "" : " (" + file + " unreadable)");
    }
    FileSystemException fs = cause(t, FileSystemException.class);
    if (fs != null && fs.getReason() != null) return lowerFirst(fs.getReason());
    String m = t.getMessage();
    if (t instanceof IOException && m != null && !m.isBlank()) return "read or write failed: " + m.replaceAll("\\s+", " ");
    return null;
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
