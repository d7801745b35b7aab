package sohieu.refs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Throughput of {@link CitationRecognizer#scan} on one thread over corpus/ plus, when present, ../shared/data/vi-dev
 * (md and txt files), after warm-up; prints one JSON line. With ../shared present it also prints the seed gold
 * precision, recall and issue-date figure, by the rule of ../shared/tools/seed-gold-check (multiset of canonical
 * forms per file; a gold row's date is right when a found mention of that canonical carries it, or carries none
 * when the gold has none), and the time to scan 1 MB of adversarial input.
 * Run: {@code java -cp target/classes:target/test-classes:target/lib/* sohieu.refs.RecognizerBench}
 */
public final class RecognizerBench {
  private RecognizerBench() {}

  public static void main(String[] args) throws IOException {
    Path root = Paths.get("").toAbsolutePath();
    Path shared = root.resolve("../shared").normalize();
    List<String> texts = new ArrayList<>();
    List<Path> sources = new ArrayList<>(files(root.resolve("corpus")));
    Path dev = shared.resolve("data/vi-dev");
    if (Files.isDirectory(dev)) sources.addAll(files(dev));
    for (Path p : sources) texts.add(Files.readString(p));
    CitationRecognizer r = CitationRecognizer.standard();
    if (args.length == 2 && args[0].equals("--dump")) dump(r, root, sources, texts, Path.of(args[1]));
    long chars = 0;
    for (String t : texts) chars += t.length();
    long citations = 0;
    for (String t : texts) citations += r.scan(t).size();
    // Warm up for 3 s of this thread's CPU, so that the measurement sees compiled code even on a busy machine.
    java.lang.management.ThreadMXBean warm = java.lang.management.ManagementFactory.getThreadMXBean();
    for (long w0 = warm.getCurrentThreadCpuTime(); warm.getCurrentThreadCpuTime() - w0 < 3_000_000_000L; ) {
      for (String t : texts) r.scan(t);
    }
    long bytes = 0;
    for (String t : texts) bytes += t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    // CPU time of this thread: the machine is shared, and "per core" means per second of CPU actually received
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime(), scanned = 0;
    int rounds = 0;
    while (mx.getCurrentThreadCpuTime() - c0 < 3_000_000_000L || rounds == 0) {
      for (String t : texts) r.scan(t);
      scanned += bytes;
      rounds++;
    }
    double secs = (mx.getCurrentThreadCpuTime() - c0) / 1e9, wall = (System.nanoTime() - t0) / 1e9;
    String adv = RecognizerApiTest.adversarial(1 << 20);
    for (int w = 0; w < 3; w++) r.scan(adv);
    long a0 = mx.getCurrentThreadCpuTime();
    r.scan(adv);
    double advMs = (mx.getCurrentThreadCpuTime() - a0) / 1e6;
    System.out.printf(java.util.Locale.ROOT, "{\"recognizer_mb_per_s\": %.1f, \"recognizer_mb_per_s_wall\": %.1f, \"chars\": %d, \"citations\": %d, \"adversarial_mb_cpu_ms\": %.1f}%n",
        scanned / secs / 1e6, scanned / wall / 1e6, chars, citations, advMs);
    Path gold = shared.resolve("gold/seed-citations.tsv");
    if (Files.exists(gold)) seedGold(r, gold, shared.resolve("seeds"));
  }

  /** Every citation found in the fixed text, one per line, for comparing two revisions of the recognizer. */
  private static void dump(CitationRecognizer r, Path root, List<Path> sources, List<String> texts, Path out)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < texts.size(); i++) {
      String name = sources.get(i).toAbsolutePath().normalize().toString()
          .replace(root.getParent().toString() + "/", "");
      for (Citation c : r.scan(texts.get(i))) {
        sb.append(name).append('\t').append(c.start()).append('\t').append(c.canonical()).append('\t')
            .append(c.kind().name().toLowerCase()).append('\t').append(c.issued() == null ? "-" : c.issued())
            .append('\t').append(c.raw().replace('\n', ' ')).append('\n');
      }
    }
    Files.writeString(out, sb.toString());
  }

  private static void seedGold(CitationRecognizer r, Path gold, Path seeds) throws IOException {
    Map<String, List<String[]>> want = new HashMap<>();
    for (String line : Files.readAllLines(gold)) {
      if (line.startsWith("#") || line.isBlank()) continue;
      String[] c = (line + "\t\t\t\t\t\t").split("\t", -1);
      if ((c[4].equals("explicit") || c[4].equals("partial") || c[4].equals("short")) && !c[3].isEmpty()) {
        want.computeIfAbsent(c[0], k -> new ArrayList<>()).add(new String[] {c[3], c[5]});
      }
    }
    int tp = 0, fp = 0, fn = 0, datesOk = 0, datesN = 0;
    for (Path p : files(seeds)) {
      List<Citation> found = r.scan(Files.readString(p));
      List<String[]> w = want.getOrDefault(p.getFileName().toString(), List.of());
      Map<String, Integer> cw = new HashMap<>(), cf = new HashMap<>();
      for (String[] x : w) cw.merge(x[0], 1, Integer::sum);
      for (Citation c : found) cf.merge(c.canonical(), 1, Integer::sum);
      for (var e : cw.entrySet()) {
        int f = cf.getOrDefault(e.getKey(), 0);
        tp += Math.min(f, e.getValue());
        fn += Math.max(0, e.getValue() - f);
      }
      for (var e : cf.entrySet()) fp += Math.max(0, e.getValue() - cw.getOrDefault(e.getKey(), 0));
      for (String[] x : w) {
        List<String> got = new ArrayList<>();
        for (Citation c : found) if (c.canonical().equals(x[0])) got.add(c.issued() == null ? "" : c.issued().toString());
        if (got.isEmpty()) continue;
        datesN++;
        if (x[1].isEmpty() ? got.stream().allMatch(String::isEmpty) : got.contains(x[1])) datesOk++;
      }
    }
    double pr = tp + fp == 0 ? 1 : (double) tp / (tp + fp), rc = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    System.out.printf(java.util.Locale.ROOT, "{\"seed_precision\": %.3f, \"seed_recall\": %.3f, \"seed_dates\": %.3f}%n",
        pr, rc, datesN == 0 ? 0.0 : (double) datesOk / datesN);
  }

  private static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".md"))
          .filter(p -> !p.getFileName().toString().equals("SOURCES.md")).sorted().toList();
    }
  }
}
