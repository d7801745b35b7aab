package sohieu.index;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The files under some paths (folders recursively, hidden entries skipped), minus those matching a glob, walked in
 * sorted order each time it is iterated and never held in memory at once: ingesting a million files costs the
 * memory of the largest folder, not of the whole list.
 *
 * <p>Each file is walked once: a path that lies inside another folder given is skipped, as is a path given twice.
 * A folder that cannot be listed is yielded itself, so that the ingest reports it as a failure.
 *
 * <p>A symbolic link to a folder is followed once, unless it leads back into a folder being walked (a loop) or to
 * one walked already; a link to a file already walked under its own path, or to the same file as an earlier link,
 * is not taken twice. Those links, broken links and what is not a regular file (a FIFO, a socket, a device) are
 * left out and told, with the reason, to {@link #reporting(Consumer, BiConsumer)}'s second listener.
 *
 * <p>With {@link #skippingNotes}, the notes that travel with a corpus (README, SOURCES, LICENSE, COPYING and
 * copyright files) and data tables (.tsv, .csv) found in a folder are left out: they are about the articles, not
 * articles. A file named as a path is always taken.
 */
public final class FileSet implements Iterable<Path> {
  private final List<Path> roots;
  private final List<PathMatcher> excludes = new ArrayList<>();
  private final List<PathMatcher> includes = new ArrayList<>();
  private boolean skipNotes;

  /** Notes about a corpus by their name (any case, any extension or suffix), and data tables by their extension. */
  private static final java.util.regex.Pattern NOTE = java.util.regex.Pattern.compile(
      "(?i)(?:(?:readme|sources|licen[cs]e|copying|copyright)(?:[._-].*)?|.*[._-]licen[cs]e(?:[._-].*)?"
          + "|.*\\.copyright|.*\\.tsv|.*\\.csv)");

  /** The files named as paths, absolute: taken even when a folder given beside them is walked too. */
  private final java.util.Set<Path> named = new java.util.HashSet<>();

  private FileSet(List<Path> roots, List<String> excludeGlobs) {
    this.roots = distinct(roots);
    for (Path p : roots) if (!Files.isDirectory(p)) named.add(p.toAbsolutePath().normalize());
    for (String glob : excludeGlobs) excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
  }

  public static FileSet of(List<Path> roots, List<String> excludeGlobs) {
    return new FileSet(roots, excludeGlobs);
  }

  /**
   * Leaves out, in the folders walked, the notes and data tables that {@link #isNote} names, except those matching
   * one of {@code includeGlobs} (by name or relative path).
   */
  public FileSet skippingNotes(List<String> includeGlobs) {
    skipNotes = true;
    for (String glob : includeGlobs) includes.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
    return this;
  }

  /** A README, SOURCES, LICENSE, COPYING or copyright note, or a .tsv or .csv data table. */
  public static boolean isNote(Path file) {
    return NOTE.matcher(file.getFileName().toString()).matches();
  }

  /** The same walk, telling {@code skipped} of each note or data table it leaves out. */
  public Iterable<Path> reporting(Consumer<Path> skipped) {
    return reporting(skipped, (p, why) -> {});
  }

  /**
   * The same walk, telling {@code notes} of each note or data table it leaves out, and {@code others} of every other
   * entry it leaves out (links it does not follow, FIFOs and the like) with the reason.
   */
  public Iterable<Path> reporting(Consumer<Path> notes, BiConsumer<Path, String> others) {
    return () -> new Walk(notes, others);
  }

  /**
   * Why {@code p} is not a file that can be read as a document, or null if it is a regular file (or nothing at all):
   * "a folder", "not a regular file (FIFO)", ... Never opens it, so a FIFO cannot block.
   */
  public static String notRegular(Path p) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(p, BasicFileAttributes.class);
    } catch (IOException e) {
      return null;
    }
    if (a.isRegularFile()) return null;
    if (a.isDirectory()) return "a folder";
    String kind = null;
    try {
      int type = (Integer) Files.getAttribute(p, "unix:mode") & 0170000;
      kind = switch (type) {
        case 0010000 -> "FIFO";
        case 0140000 -> "socket";
        case 0020000 -> "character device";
        case 0060000 -> "block device";
        default -> null;
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      // No unix view: the kind stays unnamed.
    }
    return "not a regular file" + (kind == null ? "" : " (" + kind + ")");
  }

  /** Walks the set once to count it (a progress bar's total). */
  public long count() {
    long n = 0;
    for (Iterator<Path> it = iterator(); it.hasNext(); it.next()) n++;
    return n;
  }

  /** The roots without repeats (a file named twice is one file) and without those inside another root that is a folder. */
  private static List<Path> distinct(List<Path> roots) {
    // Each root is resolved and looked at once, and its folders looked up among the folders named: a shell's glob
    // names thousands of files (a pairwise check cost 18 s for 2,600 of them).
    List<Path> absolute = new ArrayList<>(roots.size());
    Set<Path> folders = new HashSet<>();
    for (Path root : roots) {
      Path real = real(root);
      absolute.add(real);
      if (Files.isDirectory(real)) folders.add(real);
    }
    Set<Path> seen = new HashSet<>();
    List<Path> kept = new ArrayList<>();
    for (int i = 0; i < roots.size(); i++) {
      Path p = absolute.get(i);
      if (seen.add(p) && !insideAny(p, folders)) kept.add(roots.get(i));
    }
    return kept;
  }

  /** Whether a folder of {@code folders} holds {@code p} (at any depth). */
  private static boolean insideAny(Path p, Set<Path> folders) {
    if (folders.isEmpty()) return false;
    for (Path up = p.getParent(); up != null; up = up.getParent()) if (folders.contains(up)) return true;
    return false;
  }

  /** The path with every link resolved, or, when that fails (missing, a loop), absolute and normalized. */
  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException | SecurityException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  @Override
  public Iterator<Path> iterator() {
    return new Walk(p -> {}, (p, why) -> {});
  }

  /** Depth first over sorted folder listings; a stack of the folders still being read, each with its real path. */
  private final class Walk implements Iterator<Path> {
    private final Iterator<Path> rootIt = roots.iterator();
    private final Consumer<Path> skipped;
    private final BiConsumer<Path, String> others;
    private final Deque<Iterator<Path>> stack = new ArrayDeque<>();
    private final Deque<Path> reals = new ArrayDeque<>();
    /** The real paths of the folders walked from their top (roots and followed links), with the path shown for each. */
    private final Map<Path, Path> areas = new LinkedHashMap<>();
    /** The real paths of the files taken through links to files, with the link that took each. */
    private final Map<Path, Path> linkedFiles = new HashMap<>();
    private Path root;
    private Path next;

    Walk(Consumer<Path> skipped, BiConsumer<Path, String> others) {
      this.skipped = skipped;
      this.others = others;
      for (Path r : roots) {
        if (Files.isDirectory(r)) {
          areas.putIfAbsent(real(r), r);
        } else {
          linkedFiles.putIfAbsent(real(r), r); // a link in a folder to a file named as well takes it once
        }
      }
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (stack.isEmpty()) {
          if (!rootIt.hasNext()) return false;
          root = rootIt.next();
          if (Files.isDirectory(root)) {
            push(root, real(root));
          } else {
            next = root;
          }
          continue;
        }
        Iterator<Path> top = stack.peek();
        if (!top.hasNext()) {
          stack.pop();
          reals.pop();
          continue;
        }
        Path p = top.next();
        if (p.getFileName().toString().startsWith(".")) continue;
        if (Files.isSymbolicLink(p)) {
          link(p);
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          if (isIndex(p)) {
            others.accept(p, "a Lucene index (the files of an index are not articles)");
          } else {
            push(p, reals.peek().resolve(p.getFileName().toString()));
          }
        } else if (linkedFiles.containsKey(reals.peek().resolve(p.getFileName().toString()))) {
          others.accept(p, "the same file as " + linkedFiles.get(reals.peek().resolve(p.getFileName().toString())));
        } else if (!excluded(p)) {
          take(p);
        }
      }
      return true;
    }

    /** A folder holding a Lucene commit point or lock: an index, such as the one being written inside the corpus. */
    private static boolean isIndex(Path folder) {
      if (Files.exists(folder.resolve("write.lock"), LinkOption.NOFOLLOW_LINKS)) return true;
      try (java.nio.file.DirectoryStream<Path> commits = Files.newDirectoryStream(folder, "segments_*")) {
        return commits.iterator().hasNext();
      } catch (IOException e) {
        return false;
      }
    }

    /** A regular file is yielded unless it is a note left out; anything else is told why it is not taken. */
    private void take(Path p) {
      String why = notRegular(p);
      if (why != null) {
        others.accept(p, why);
      } else if (skipNotes && isNote(p) && !matches(includes, p) && !named.contains(p.toAbsolutePath().normalize())) {
        skipped.accept(p);
      } else {
        next = p;
      }
    }

    /** A link is followed once: never into a folder being walked or walked already, nor to a file taken already. */
    private void link(Path p) {
      Path target;
      try {
        target = p.toRealPath();
      } catch (FileSystemException e) {
        String reason = e.getReason() == null ? "" : e.getReason().toLowerCase(java.util.Locale.ROOT);
        others.accept(p, reason.contains("levels of symbolic links") ? "a symbolic link loop" : "a broken symbolic link");
        return;
      } catch (IOException | SecurityException e) {
        others.accept(p, "a symbolic link that cannot be followed");
        return;
      }
      if (Files.isDirectory(target)) {
        if (reals.peek().startsWith(target)) {
          Path shown = shown(target);
          others.accept(p, "a symbolic link loop (leads back to " + (shown == null ? target : shown) + ")");
          return;
        }
        Path walked = shown(target);
        if (walked != null) {
          others.accept(p, "a symbolic link to a folder walked already (" + walked + ")");
          return;
        }
        for (Path area : areas.keySet()) {
          if (area.startsWith(target)) {
            others.accept(p, "a symbolic link to a folder holding one walked already (" + target + ")");
            return;
          }
        }
        areas.put(target, p);
        push(p, target);
        return;
      }
      if (excluded(p)) return;
      Path walked = shown(target);
      if (walked == null) walked = linkedFiles.get(target);
      if (walked != null) {
        others.accept(p, "a symbolic link to a file taken already (" + walked + ")");
        return;
      }
      String why = notRegular(target);
      if (why == null) linkedFiles.put(target, p);
      take(p);
    }

    /** How the walk shows {@code real} when it lies in a folder walked from its top, or null when it does not. */
    private Path shown(Path real) {
      for (Map.Entry<Path, Path> area : areas.entrySet()) {
        if (real.startsWith(area.getKey())) return area.getValue().resolve(area.getKey().relativize(real).toString());
      }
      return null;
    }

    @Override
    public Path next() {
      if (!hasNext()) throw new NoSuchElementException();
      Path p = next;
      next = null;
      return p;
    }

    private void push(Path dir, Path real) {
      List<Path> entries = new ArrayList<>();
      try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
        for (Path p : listing) entries.add(p);
      } catch (IOException | RuntimeException e) {
        next = dir; // reported by the ingest as a folder it cannot read
        return;
      }
      Path[] sorted = entries.toArray(Path[]::new);
      Arrays.sort(sorted);
      stack.push(Arrays.asList(sorted).iterator());
      reals.push(real);
    }

    private boolean excluded(Path p) { return matches(excludes, p); }

    private boolean matches(List<PathMatcher> globs, Path p) {
      for (PathMatcher m : globs) if (m.matches(p.getFileName()) || m.matches(root.relativize(p))) return true;
      return false;
    }
  }
}
