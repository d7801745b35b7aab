package sohieu.index;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * The files under some paths (folders recursively, hidden entries skipped), minus those matching a glob, walked in
 * sorted order each time it is iterated and never held in memory at once: ingesting a million files costs the
 * memory of the largest folder, not of the whole list.
 *
 * <p>Each file is walked once: a path that lies inside another folder given is skipped, as is a path given twice.
 * A folder that cannot be listed is yielded itself, so that the ingest reports it as a failure.
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
    return () -> new Walk(skipped);
  }

  /** Walks the set once to count it (a progress bar's total). */
  public long count() {
    long n = 0;
    for (Iterator<Path> it = iterator(); it.hasNext(); it.next()) n++;
    return n;
  }

  /** The roots without repeats and without those inside another root that is a folder. */
  private static List<Path> distinct(List<Path> roots) {
    List<Path> absolute = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    List<Path> kept = new ArrayList<>();
    for (int i = 0; i < roots.size(); i++) {
      Path p = absolute.get(i);
      boolean covered = false;
      for (int j = 0; j < roots.size() && !covered; j++) {
        Path other = absolute.get(j);
        if (j != i && Files.isDirectory(other) && (other.equals(p) ? j < i : p.startsWith(other))) covered = true;
      }
      if (!covered) kept.add(roots.get(i));
    }
    return kept;
  }

  @Override
  public Iterator<Path> iterator() {
    return new Walk(p -> {});
  }

  /** Depth first over sorted folder listings; a stack of the folders still being read. */
  private final class Walk implements Iterator<Path> {
    private final Iterator<Path> rootIt = roots.iterator();
    private final Consumer<Path> skipped;
    private final Deque<Iterator<Path>> stack = new ArrayDeque<>();
    private Path root;
    private Path next;

    Walk(Consumer<Path> skipped) { this.skipped = skipped; }

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (stack.isEmpty()) {
          if (!rootIt.hasNext()) return false;
          root = rootIt.next();
          if (Files.isDirectory(root)) {
            push(root);
          } else {
            next = root;
          }
          continue;
        }
        Iterator<Path> top = stack.peek();
        if (!top.hasNext()) {
          stack.pop();
          continue;
        }
        Path p = top.next();
        if (p.getFileName().toString().startsWith(".")) continue;
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) { // a link to a folder could lead round in a circle
          push(p);
        } else if (Files.isRegularFile(p) && !excluded(p)) {
          if (skipNotes && isNote(p) && !matches(includes, p) && !named.contains(p.toAbsolutePath().normalize())) {
            skipped.accept(p);
          } else {
            next = p;
          }
        }
      }
      return true;
    }

    @Override
    public Path next() {
      if (!hasNext()) throw new NoSuchElementException();
      Path p = next;
      next = null;
      return p;
    }

    private void push(Path dir) {
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
    }

    private boolean excluded(Path p) { return matches(excludes, p); }

    private boolean matches(List<PathMatcher> globs, Path p) {
      for (PathMatcher m : globs) if (m.matches(p.getFileName()) || m.matches(root.relativize(p))) return true;
      return false;
    }
  }
}
