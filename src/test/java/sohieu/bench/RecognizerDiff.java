package sohieu.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gains and losses of the recognizer against another revision, on the same fixed text and on the labelled dev set:
 * that revision is checked out once into the cache (earlier ones go), built, and its RecognizerBench dumps what it
 * finds.
 */
final class RecognizerDiff {
  private RecognizerDiff() {}

  static void run(Path root, Path cache, String against) throws IOException {
    Path now = root.resolve("target/bench/citations.tsv");
    String prev = Processes.output(List.of("git", "rev-parse", "--short", against), root).strip();
    if (prev.isEmpty() || !Files.exists(now)) return;
    Path wt = cache.resolve("rev-" + prev);
    // One checkout of the compared revision is kept (built once); those of earlier runs go.
    try (var s = Files.newDirectoryStream(cache, "rev-*")) {
      for (Path old : s) {
        if (Files.isDirectory(old) && !old.equals(wt)
            && !Processes.quiet(List.of("git", "worktree", "remove", "--force", old.toString()), root, Map.of())) {
          Processes.quiet(List.of("rm", "-rf", old.toString()), root, Map.of());
        }
      }
    }
    Processes.quiet(List.of("git", "worktree", "prune"), root, Map.of());
    if (!Files.isDirectory(wt)) Processes.quiet(List.of("git", "worktree", "add", "-f", "-q", "--detach", wt.toString(), prev), root, Map.of());
    System.out.println();
    System.out.println("Recognizer at " + prev + " (--against " + against + ") versus the working tree:");
    Path before = root.resolve("target/bench/citations-prev.tsv");
    boolean ok = Processes.quiet(List.of("mvn", "-q", "-B", "-ntp", "-DskipTests", "package", "test-compile"), wt, Map.of())
        && Processes.run(Processes.java("-cp", wt + "/target/classes:" + wt + "/target/test-classes:" + wt + "/target/lib/*",
            "sohieu.refs.RecognizerBench", "--dump", before.toString()), root, root.resolve("target/bench/recognizer-prev.log"),
            Path.of("/dev/null"), Map.of());
    if (!ok) {
      System.out.println("  (no RecognizerBench at " + prev + ": nothing to compare)");
      return;
    }
    Map<String, Integer> old = count(before), current = count(now);
    Map<String, Integer> gained = minus(current, old), lost = minus(old, current);
    System.out.printf(java.util.Locale.ROOT, "  %d -> %d citations; gained %d, lost %d%n", total(old), total(current), total(gained), total(lost));
    print("gained", gained);
    print("lost", lost);
    devSet(root, wt, prev);
  }

  /**
   * The labelled dev set at that revision, on today's labels: its own DevSetBench when it has one, else today's
   * harness over its classes; then the labels' gains and losses.
   */
  private static void devSet(Path root, Path wt, String prev) throws IOException {
    Path now = root.resolve("target/bench/devset.tsv"), before = root.resolve("target/bench/devset-prev.tsv");
    if (!Files.exists(now)) return;
    String tests = Files.exists(wt.resolve("target/test-classes/sohieu/bench/DevSetBench.class"))
        ? wt + "/target/test-classes" : root + "/target/test-classes";
    boolean ok = Processes.run(Processes.java("-cp", tests + ":" + wt + "/target/classes:" + wt + "/target/lib/*",
            "sohieu.bench.DevSetBench", "--devset", root.resolve("src/test/resources/sohieu/refs/devset").toString(),
            "--dump", before.toString()), root, root.resolve("target/bench/devset-prev.log"), Path.of("/dev/null"), Map.of());
    System.out.println("Dev set at " + prev + " versus the working tree:");
    if (!ok) {
      System.out.println("  (no dev set figures at " + prev + ")");
      return;
    }
    Processes.run(Processes.java("-cp", root + "/target/test-classes:" + root + "/target/classes:" + root + "/target/lib/*",
        "sohieu.bench.DevSetBench", "--compare", before.toString(), now.toString()), root,
        root.resolve("target/bench/devset-compare.log"), Path.of("/dev/null"), Map.of());
    System.out.print(Files.readString(root.resolve("target/bench/devset-compare.log")));
  }

  private static void print(String title, Map<String, Integer> lines) {
    List<String> sorted = new ArrayList<>(lines.keySet());
    for (String line : sorted.subList(0, Math.min(15, sorted.size()))) System.out.println("    " + title + ": " + line);
  }

  /** The multiset of non-blank lines. */
  private static Map<String, Integer> count(Path file) throws IOException {
    Map<String, Integer> c = new TreeMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) if (!line.isBlank()) c.merge(line, 1, Integer::sum);
    return c;
  }

  /** a - b as multisets, positive counts only. */
  private static Map<String, Integer> minus(Map<String, Integer> a, Map<String, Integer> b) {
    Map<String, Integer> out = new TreeMap<>();
    a.forEach((k, v) -> { int d = v - b.getOrDefault(k, 0); if (d > 0) out.put(k, d); });
    return out;
  }

  private static int total(Map<String, Integer> c) {
    return c.values().stream().mapToInt(Integer::intValue).sum();
  }
}
