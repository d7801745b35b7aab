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
}
