package sohieu.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSetTest {
  @TempDir
  Path dir;

  @BeforeEach
  void tree() throws Exception {
    for (String f : List.of("b/2.txt", "b/1.html", "a.txt", "c/d/3.txt", ".hidden/x.txt", "c/.y.txt", "c/truth.tsv")) {
      Path p = dir.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, f);
    }
  }

  private List<String> names(FileSet set) {
    List<String> out = new ArrayList<>();
    for (Path p : set) out.add(dir.relativize(p.toAbsolutePath()).toString());
    return out;
  }

  @Test
  void walksSortedSkippingHiddenAndExcluded() {
    FileSet set = FileSet.of(List.of(dir), List.of("truth.tsv"));
    assertEquals(List.of("a.txt", "b/1.html", "b/2.txt", "c/d/3.txt"), names(set));
    assertEquals(4, set.count());
    assertEquals(names(set), names(set), "every iteration walks again, in the same order");
  }

  @Test
  void excludesMatchRelativePathsToo() {
    assertEquals(List.of("a.txt", "c/d/3.txt", "c/truth.tsv"), names(FileSet.of(List.of(dir), List.of("b/*"))));
  }

  @Test
  void aPathInsideAnotherRootOrGivenTwiceIsWalkedOnce() {
    FileSet set = FileSet.of(List.of(dir.resolve("c"), dir, dir.resolve("a.txt"), dir), List.of());
    assertEquals(List.of("a.txt", "b/1.html", "b/2.txt", "c/d/3.txt", "c/truth.tsv"), names(set));
  }

  @Test
  void filesNamedOneByOneBesideTheFoldersHoldingSomeOfThemAreEachTakenOnce() {
    // as a shell's glob names them: c/d/3.txt is inside c, named too; b's files are named without b
    FileSet set = FileSet.of(List.of(dir.resolve("c/d/3.txt"), dir.resolve("b/1.html"), dir.resolve("c/d"),
        dir.resolve("b/2.txt"), dir.resolve("c"), dir.resolve("b/1.html")), List.of());
    assertEquals(List.of("b/1.html", "b/2.txt", "c/d/3.txt", "c/truth.tsv"), names(set));
  }

  @Test
  void aFileNamedTwiceInOtherSpellingsIsWalkedOnce() {
    FileSet set = FileSet.of(List.of(dir.resolve("a.txt"), dir.resolve("./a.txt"), dir.resolve("b/../a.txt"),
        dir.resolve("b/2.txt")), List.of());
    assertEquals(List.of("a.txt", "b/2.txt"), names(set));
  }

  @Test
  void aFileRootIsYieldedEvenWhenMissingSoTheIngestReportsIt() {
    assertEquals(List.of("gone.txt"), names(FileSet.of(List.of(dir.resolve("gone.txt")), List.of())));
  }

  @Test
  void linksToFoldersAreNotFollowed() throws Exception {
    Files.createSymbolicLink(dir.resolve("c/loop"), dir);
    assertEquals(List.of("c/d/3.txt", "c/truth.tsv"), names(FileSet.of(List.of(dir.resolve("c")), List.of())));
  }

  @Test
  void notesAndDataTablesAreNamedByTheirNamesNotByWordsInside() {
    for (String note : List.of("README.md", "readme", "SOURCES.md", "SOURCES.tsv", "LICENSE", "LICENSE-Apache-2.0.txt",
        "LICENSE.repo-MIT", "udhr.LICENSE-MIT", "Licence.txt", "COPYING", "maint-guide.copyright", "candidate-refs.tsv", "x.CSV")) {
      assertTrue(FileSet.isNote(Path.of("d", note)), note);
    }
    for (String article : List.of("a.txt", "licensed-press.md", "copyrighted-photo.html", "sourcesvn.md",
        "b4a48337d99b7ac7.md", "data.tsv.md")) {
      assertFalse(FileSet.isNote(Path.of("d", article)), article);
    }
  }

  @Test
  void skippingNotesTellsWhatItLeftOutAndTakesNamedAndIncludedFiles() throws Exception {
    Files.writeString(dir.resolve("README.md"), "about");
    Files.writeString(dir.resolve("c/LICENSE"), "MIT");
    List<String> skipped = new ArrayList<>();
    List<String> taken = new ArrayList<>();
    for (Path p : FileSet.of(List.of(dir), List.of()).skippingNotes(List.of()).reporting(p -> skipped.add(dir.relativize(p).toString()))) {
      taken.add(dir.relativize(p).toString());
    }
    assertEquals(List.of("a.txt", "b/1.html", "b/2.txt", "c/d/3.txt"), taken);
    assertEquals(List.of("README.md", "c/LICENSE", "c/truth.tsv"), skipped);
    // Named on the command line, or matched by an include, a note is taken; the walk does not yield it twice.
    assertEquals(List.of("a.txt", "b/1.html", "b/2.txt", "c/LICENSE", "c/d/3.txt", "c/truth.tsv"),
        names(FileSet.of(List.of(dir, dir.resolve("c/LICENSE")), List.of()).skippingNotes(List.of("*.tsv"))));
  }

  /** The walk's yield and what it left out with the reason, both relative to the temporary folder. */
  private List<String> walk(FileSet set, List<String> others) {
    List<String> taken = new ArrayList<>();
    for (Path p : set.reporting(n -> {}, (p, why) -> others.add(dir.relativize(p.toAbsolutePath()) + ": " + why))) {
      taken.add(dir.relativize(p.toAbsolutePath()).toString());
    }
    return taken;
  }

  static boolean mkfifo(Path p) throws Exception {
    try {
      Process mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
      return mk.waitFor() == 0 && Files.exists(p);
    } catch (java.io.IOException noMkfifo) {
      return false;
    }
  }

  @Test
  void aLinkToAFolderIsFollowedOnceAndLoopsAndRepeatsAreToldNotWalked() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside/deep"));
    Files.writeString(outside.resolve("o.txt"), "o");
    Files.createSymbolicLink(dir.resolve("c/away"), dir.resolve("outside"));
    Files.createSymbolicLink(dir.resolve("c/away2"), dir.resolve("outside"));
    Files.createSymbolicLink(dir.resolve("c/back"), dir.resolve("c"));
    Files.createSymbolicLink(dir.resolve("c/inner"), dir.resolve("c/d"));
    Files.createSymbolicLink(outside.resolve("up"), dir.resolve("outside"));
    Files.createSymbolicLink(dir.resolve("c/ring1"), dir.resolve("c/ring2"));
    Files.createSymbolicLink(dir.resolve("c/ring2"), dir.resolve("c/ring1"));
    Files.createSymbolicLink(dir.resolve("c/gone"), dir.resolve("c/nothing-here"));
    List<String> others = new ArrayList<>();
    assertEquals(List.of("c/away/deep/o.txt", "c/d/3.txt", "c/truth.tsv"), walk(FileSet.of(List.of(dir.resolve("c")), List.of()), others));
    assertEquals(List.of(
        "c/away/deep/up: a symbolic link loop (leads back to c/away)",
        "c/away2: a symbolic link to a folder walked already (c/away)",
        "c/back: a symbolic link loop (leads back to c)",
        "c/gone: a broken symbolic link",
        "c/inner: a symbolic link to a folder walked already (c/d)",
        "c/ring1: a symbolic link loop",
        "c/ring2: a symbolic link loop"), others.stream().map(o -> o.replace(dir + "/", "")).toList());
  }

  @Test
  void theSameFileThroughLinksIsTakenOnce() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("o.txt"), "o");
    Files.createSymbolicLink(dir.resolve("b/0-alias.txt"), dir.resolve("a.txt")); // sorts before what it names
    Files.createSymbolicLink(dir.resolve("b/3-o.txt"), outside.resolve("o.txt"));
    Files.createSymbolicLink(dir.resolve("b/4-o.txt"), outside.resolve("o.txt"));
    Files.createSymbolicLink(dir.resolve("b/5-dir"), outside);
    List<String> others = new ArrayList<>();
    assertEquals(List.of("a.txt", "b/1.html", "b/2.txt", "b/3-o.txt", "c/d/3.txt", "c/truth.tsv"),
        walk(FileSet.of(List.of(dir.resolve("a.txt"), dir.resolve("b"), dir.resolve("c")), List.of()), others));
    assertEquals(List.of("b/0-alias.txt: a symbolic link to a file taken already (" + dir.resolve("a.txt") + ")",
        "b/4-o.txt: a symbolic link to a file taken already (" + dir.resolve("b/3-o.txt") + ")",
        "b/5-dir/o.txt: the same file as " + dir.resolve("b/3-o.txt")), others);
  }

  @Test
  void aFifoIsToldAsNotARegularFileAndNeverOpened() throws Exception {
    Path fifo = dir.resolve("c/pipe");
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo(fifo), "mkfifo is not available here");
    List<String> others = new ArrayList<>();
    // Opening the FIFO would block the walk forever: no writer comes.
    assertEquals(List.of("c/d/3.txt", "c/truth.tsv"), walk(FileSet.of(List.of(dir.resolve("c")), List.of()), others));
    assertEquals(List.of("c/pipe: not a regular file (FIFO)"), others);
    assertEquals("not a regular file (FIFO)", FileSet.notRegular(fifo));
    assertEquals("a folder", FileSet.notRegular(dir.resolve("c")));
    assertEquals(null, FileSet.notRegular(dir.resolve("a.txt")));
  }
}
