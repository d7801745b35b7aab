package sohieu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * `sohieu cite` as a whole process (no start-up cache, AppCDS, AOT cache; answered by a running serve) beside rg over the raw files, on the most
 * cited reference of the truth (the most work for both). rg's regex tolerates spacing, case, dashes and Đ/D, with
 * ASCII word boundaries (its fast form); what it misses is counted against truth.tsv.
 */
final class CiteBench {
  private final Path root;

  CiteBench(Path root) { this.root = root; }

  ObjectNode run(int n, Path corpus, Path index) throws IOException {
    Map<String, List<String>> truth = truth(corpus.resolve("truth.tsv"));
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (List<String> refs : truth.values()) for (String r : new TreeSet<>(refs)) counts.merge(r, 1, Integer::sum);
    String ref = Collections.max(counts.entrySet(), Map.Entry.comparingByValue()).getKey();
    String regex = regex(ref);
    // Command lines stay ASCII for hyperfine's word splitting: the pattern in a file, the reference typed with D for Đ.
    Path pattern = root.resolve("target/bench/rg-" + n + ".pattern");
    Files.writeString(pattern, regex + "\n", StandardCharsets.UTF_8);
    String sohieu = root.resolve("scripts/sohieu").toString();
    Set<String> want = new TreeSet<>();
    truth.forEach((file, refs) -> { if (refs.contains(ref)) want.add(file); });
    Set<String> found = new TreeSet<>();
    for (String p : Processes.output(List.of("rg", "-l", "--no-messages", "-g", "!truth.tsv", "-e", regex, corpus.toString()), root)
        .split("\\s+")) {
      if (!p.isEmpty()) found.add(p.substring(corpus.toString().length() + 1));
    }
    JsonNode total = null;
    try {
      total = Results.JSON.readTree(Processes.output(List.of(sohieu, "cite", ref, "--index", index.toString(), "--json",
          "--limit", "1"), root)).get("total");
    } catch (IOException e) {
      System.err.println("   cite --json gave no JSON: " + e.getMessage());
    }
    List<String> missed = new ArrayList<>(want);
    missed.removeAll(found);
    Set<String> extra = new TreeSet<>(found);
    extra.removeAll(want);
    ObjectNode d = Results.JSON.createObjectNode().put("ref", ref).put("rg_regex", regex).put("truth_files", want.size())
        .put("rg_files", found.size()).put("rg_missed", missed.size()).put("rg_extra", extra.size());
    d.putPOJO("rg_missed_examples", missed.subList(0, Math.min(3, missed.size())));
    d.set("cite_total", total);
    List<String> cite = List.of(sohieu, "cite", ref.replace('Đ', 'D'), "--index", index.toString(), "--limit", "20", "--color=never");
    // In process: never answered by a serve someone left running on the index.
    d.setAll(wall("cite_nocache", cite, Map.of("SOHIEU_AOT", "off", "SOHIEU_SERVE", "off")));
    d.setAll(wall("cite_appcds", cite, Map.of("SOHIEU_AOT", "cds", "SOHIEU_SERVE", "off")));
    Processes.quiet(List.of(sohieu, "--version"), root, Map.of("SOHIEU_AOT", "sync")); // the AOT cache, trained now if stale
    d.setAll(wall("cite_aot", cite, Map.of("SOHIEU_SERVE", "off")));
    d.setAll(served(n, index, cite));
    d.setAll(wall("rg", List.of("rg", "-l", "--no-messages", "-g", "!truth.tsv", "-f", pattern.toString(), corpus.toString()), Map.of()));
    return d;
  }

  /**
   * The same command answered by a serve running on the index (scripts/sohieu asks it with curl): the serve runs on
   * a copy of the index made of hard links (it writes its announcement into the folder; the bench's index stays as
   * it is), and SOHIEU_SERVE=only makes a run that the serve did not answer fail instead of counting.
   */
  private ObjectNode served(int n, Path index, List<String> cite) throws IOException {
    Path copy = root.resolve("target/bench/route-index-" + n);
    IngestBench.deleteTree(copy);
    Files.createDirectories(copy);
    try (var files = Files.list(index)) {
      for (Path f : files.toList()) {
        if (!Files.isRegularFile(f) || f.getFileName().toString().startsWith(".serve")) continue;
        try {
          Files.createLink(copy.resolve(f.getFileName()), f);
        } catch (IOException | UnsupportedOperationException e) {
          Files.copy(f, copy.resolve(f.getFileName()));
        }
      }
    }
    List<String> onCopy = cite.stream().map(a -> a.equals(index.toString()) ? copy.toString() : a).toList();
    Process serve = new ProcessBuilder(root.resolve("scripts/sohieu").toString(), "serve", "--index", copy.toString(), "--port", "0")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(root.resolve("target/bench/route-serve.log").toFile()).start();
    try {
      long end = System.nanoTime() + 120_000_000_000L;
      while (!Files.exists(copy.resolve(".serve.json"))) {
        if (!serve.isAlive() || System.nanoTime() > end) {
          System.err.println("   no serve for the served figure: " + Processes.tail(root.resolve("target/bench/route-serve.log"), 3));
          return Results.JSON.createObjectNode();
        }
        Thread.sleep(100);
      }
      return wall("cite_served", onCopy, Map.of("SOHIEU_SERVE", "only"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      serve.destroy();
      try {
        serve.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      IngestBench.deleteTree(copy);
    }
  }


  /** file -> references, from truth.tsv (file TAB space-separated references). */
  static Map<String, List<String>> truth(Path file) throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      if (line.startsWith("#") || f.length < 2) continue;
      out.put(f[0], List.of(f[1].trim().split("\\s+")));
    }
    return out;
  }

  /** rg's pattern for NUMBER-TYPE/ISSUER. */
  static String regex(String ref) {
    int dash = ref.indexOf('-'), slash = ref.indexOf('/');
    return "(?i)(?-u:\\b)" + ref.substring(0, dash) + "\\s*[-–—]\\s*" + part(ref.substring(dash + 1, slash)) + "\\s*/\\s*"
        + part(ref.substring(slash + 1)) + "(?-u:\\b)";
  }

  private static String part(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == 'D' || c == 'Đ') b.append("[dđ]");
      else if (Character.isLetterOrDigit(c)) b.append(Character.toLowerCase(c));
      else b.append('\\').append(c);
    }
    return b.toString();
  }

  /** Whole-process wall time: hyperfine when installed, else 12 runs of which the last 10 count. */
  private ObjectNode wall(String name, List<String> cmd, Map<String, String> env) throws IOException {
    List<Double> t = new ArrayList<>();
    List<String> withEnv = new ArrayList<>(List.of("env"));
    env.forEach((k, v) -> withEnv.add(k + "=" + v));
    withEnv.addAll(cmd);
    if (Processes.onPath("hyperfine")) {
      Path json = root.resolve("target/bench/hf-" + name + ".json");
      StringBuilder line = new StringBuilder();
      for (String a : withEnv) line.append(line.isEmpty() ? "" : " ").append(a);
      Processes.quiet(List.of("hyperfine", "-N", "-i", "--warmup", "2", "--runs", "10", "--export-json", json.toString(), "--",
          line.toString()), root, Map.of());
      JsonNode r = Results.JSON.readTree(json.toFile()).get("results").get(0);
      return Results.JSON.createObjectNode().put(name + "_median_s", Processes.round(r.get("median").asDouble(), 3))
          .put(name + "_min_s", Processes.round(r.get("min").asDouble(), 3)).put(name + "_mean_s", Processes.round(r.get("mean").asDouble(), 3));
    }
    for (int i = 0; i < 12; i++) {
      long s = System.nanoTime();
      Processes.quiet(withEnv, root, Map.of());
      if (i >= 2) t.add((System.nanoTime() - s) / 1e9);
    }
    Collections.sort(t);
    double median = (t.get(4) + t.get(5)) / 2, mean = t.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    return Results.JSON.createObjectNode().put(name + "_median_s", Processes.round(median, 3))
        .put(name + "_min_s", Processes.round(t.get(0), 3)).put(name + "_mean_s", Processes.round(mean, 3));
  }
}
