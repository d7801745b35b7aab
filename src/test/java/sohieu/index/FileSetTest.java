package sohieu.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
