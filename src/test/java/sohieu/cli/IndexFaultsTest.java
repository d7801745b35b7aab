package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohieu.cli.CliTest.Run;

/** A damaged index, a folder or file without permission, a full disk: one line that says what to do, never a Java name. */
class IndexFaultsTest {
  @TempDir static Path tmp;
  static Path docs;
  static Path index;

  @BeforeAll
  static void ingest() throws Exception {
    docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), "Nghị quyết 57-NQ/TW của Bộ Chính trị về chuyển đổi số quốc gia.\n");
    index = tmp.resolve("index");
    Run r = CliTest.run("ingest", "--index", index.toString(), docs.toString());
    assertEquals(0, r.code(), r.err());
  }

  /** A copy of the index, to damage or lock down without touching the one the other tests read. */
  private static Path copy(String name) throws IOException {
    Path to = Files.createDirectories(tmp.resolve(name));
    try (Stream<Path> files = Files.list(index)) {
      for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
    }
    return to;
  }

  private static Path segmentsFile(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
    }
  }

  private static void assertPlain(String err) {
    assertFalse(err.contains("internal error"), err);
    assertFalse(err.matches("(?s).*\\b[A-Z]\\w*(Exception|Error)\\b.*"), err);
    assertFalse(err.contains("\tat "), err);
  }

  private static boolean root() throws IOException {
    return ((Integer) Files.getAttribute(tmp, "unix:uid")) == 0 && System.getProperty("user.name").equals("root");
  }

  @Test
  void aDamagedSegmentsFileIsReportedAsDamagedByCheckAndByEveryLookup() throws Exception {
    Path bad = copy("damaged");
    Path segments = segmentsFile(bad);
    byte[] bytes = Files.readAllBytes(segments);
    for (int i = 8; i < 16; i++) bytes[i] = 'x'; // the codec name in the header
    Files.write(segments, bytes);
    String name = segments.getFileName().toString();

    Run check = CliTest.run("check", "--index", bad.toString());
    assertEquals(1, check.code(), check.out() + check.err());
    assertTrue(check.out().startsWith("damaged: " + name + " cannot be read ("), check.out());
    assertTrue(check.out().contains("re-ingest into a new --index"), check.out());
    assertPlain(check.out());

    for (List<String> args : List.of(List.of("search", "chuyển"), List.of("cite", "57-NQ/TW"), List.of("stats"),
        List.of("refs"), List.of("show", docs.resolve("a.txt").toString()))) {
      String[] argv = Stream.concat(args.stream(), Stream.of("--index", bad.toString())).toArray(String[]::new);
      Run r = CliTest.run(argv);
      assertEquals(2, r.code(), args + ": " + r.out() + r.err());
      assertEquals("sohieu " + args.get(0) + ": index " + bad + " is damaged (" + name + " unreadable): run `sohieu check"
          + " --index " + bad + "` for details; re-ingest into a new --index to rebuild", r.err().strip(), args.toString());
    }
  }

  @Test
  void aSegmentFileDeletedByHandIsDamageNotAMissingFile() throws Exception {
    Path bad = copy("lost-file");
    Path cfs;
    try (Stream<Path> files = Files.list(bad)) {
      cfs = files.filter(f -> f.getFileName().toString().endsWith(".cfs")).findFirst().orElseThrow();
    }
    Files.delete(cfs);
    Run check = CliTest.run("check", "--index", bad.toString());
    assertEquals(1, check.code(), check.out() + check.err());
    assertTrue(check.out().startsWith("damaged: 1 of 1 segments broken"), check.out());
    Run search = CliTest.run("search", "chuyển", "--index", bad.toString());
    assertEquals(2, search.code(), search.out() + search.err());
    assertTrue(search.err().startsWith("sohieu search: index " + bad + " is damaged (" + cfs.getFileName() + " unreadable)"),
        search.err());
  }

  @Test
  void checkWritesNothingNotEvenTheLockFile() throws Exception {
    Path copy = copy("untouched");
    Files.delete(copy.resolve("write.lock"));
    Map<String, Long> before = modified(copy);
    Run r = CliTest.run("check", "--index", copy.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith("ok: 1 documents"), r.out());
    assertEquals(before, modified(copy), "check must leave the folder as it found it");
  }

  private static Map<String, Long> modified(Path dir) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) out.put(f.getFileName().toString(), Files.getLastModifiedTime(f).toMillis());
    }
    return out;
  }

  @Test
  void aReadOnlyIndexChecksAndANonWritableOneIsNamedAtIngest() throws Exception {
    assumeFalse(root(), "running as root, which may write any folder: the check cannot be refused");
    Path ro = copy("read-only");
    try {
      Files.setPosixFilePermissions(ro.resolve("write.lock"), PosixFilePermissions.fromString("r--r--r--"));
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
      Run check = CliTest.run("check", "--index", ro.toString());
      assertEquals(0, check.code(), check.out() + check.err());
      Run ingest = CliTest.run("ingest", "--index", ro.toString(), docs.toString());
      assertEquals(2, ingest.code(), ingest.out() + ingest.err());
      assertTrue(ingest.err().startsWith("sohieu ingest: cannot write to the index folder " + ro + " (permission denied"),
          ingest.err());
      assertPlain(ingest.err());
    } finally {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void anUnreadableFileFailsWithPermissionDenied() throws Exception {
    assumeFalse(root(), "running as root, which may read a file of mode 000: it cannot be made unreadable");
    Path dir = Files.createDirectories(tmp.resolve("locked"));
    Path file = Files.writeString(dir.resolve("secret.txt"), "Chỉ thị 12-CT/TW.\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    Run ingest = CliTest.run("ingest", "--index", tmp.resolve("locked-index").toString(), dir.toString());
    assertEquals(1, ingest.code(), ingest.out() + ingest.err());
    assertEquals("failed: " + file + ": permission denied", ingest.err().strip());
    Run scan = CliTest.run("scan", file.toString());
    assertEquals("sohieu scan: " + file + ": permission denied", scan.err().strip());
  }

  /** Faults a test cannot cause without root or a full disk, in the shapes the JDK and Lucene give them. */
  @Test
  void aFullDiskAndAFolderWithoutPermissionAreNamedInOneLine() {
    Path idx = Path.of("some", "index");
    String full = Main.fault(new IOException("the index writer failed: No space left on device",
        new FileSystemException(idx.resolve("_3.fdt").toString(), null, "No space left on device")), idx, true);
    assertEquals("the disk is full (writing some/index): free some space and run the same command again; what was "
        + "committed is kept", full);
    assertEquals("the disk is full (writing some/index): free some space and run the same command again",
        Main.fault(new IOException("No space left on device"), idx, false));
    assertEquals("cannot write to the index folder some/index (permission denied: some/index/write.lock); give --index"
        + " a folder you can write", Main.fault(new AccessDeniedException("some/index/write.lock"), idx, true));
    assertEquals("cannot read the index some/index (permission denied: some/index/_0.cfs)",
        Main.fault(new AccessDeniedException("some/index/_0.cfs"), idx, false));
    assertEquals("corpus/a.txt: permission denied", Main.fault(new AccessDeniedException("corpus/a.txt"), idx, true));
    String other = Main.fault(new FileSystemException("some/index", null, "Read-only file system"), idx, true);
    assertNotNull(other);
    assertEquals("some/index: read-only file system", other);
    assertEquals(null, Main.fault(new IllegalStateException("a bug"), idx, true), "a bug stays an internal error");
  }
}
