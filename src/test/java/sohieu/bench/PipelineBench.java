package sohieu.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The comparison pipeline: the Tika app's batch mode (plain text out, as many consumers as cores), then Lucene's
 * demo IndexFiles over that text, each a timed child process (wall seconds and peak RSS from /usr/bin/time).
 */
final class PipelineBench {
  private final Path root, cache, tikaJar, demoJar;

  PipelineBench(Path root, Path cache, Path tikaJar, Path demoJar) {
    this.root = root;
    this.cache = cache;
    this.tikaJar = tikaJar;
    this.demoJar = demoJar;
  }

  /**
   * The comparison tools, fetched once from Maven Central into the cache. The Maven Central reachable here serves
   * tika-app up to 3.2.2 and lucene-demo up to 10.3.0 (not 3.3.1 / 10.5.0): the first version that resolves is used,
   * and IndexFiles runs on the project's own Lucene jars, so both sides index with the same Lucene. Null when none.
   */
  static Path fetch(Path root, Path tools, String groupArtifact, String... versions) throws IOException {
    Files.createDirectories(tools);
    for (String v : versions) {
      Path jar = tools.resolve(groupArtifact.substring(groupArtifact.indexOf(':') + 1) + "-" + v + ".jar");
      if (Files.exists(jar) && Files.size(jar) > 0) return jar;
      boolean ok = Processes.quiet(List.of("mvn", "-q", "-B", "-ntp", "dependency:copy", "-Dartifact=" + groupArtifact + ":" + v,
          "-DoutputDirectory=" + tools), root, Map.of());
      if (ok && Files.exists(jar) && Files.size(jar) > 0) return jar;
    }
    return null;
  }

  /** One result object for n documents of corpus, or null when a step failed (reported on standard error). */
  ObjectNode run(int n, Path corpus) throws IOException {
    Path tout = cache.resolve("tika-out-" + n), didx = cache.resolve("demo-index-" + n);
    IngestBench.deleteTree(tout);
    IngestBench.deleteTree(didx);
    ObjectNode d = Results.JSON.createObjectNode().put("docs", n)
        .put("tika_jar", tikaJar.getFileName().toString()).put("demo_jar", demoJar.getFileName().toString());
    String java = Processes.java().get(0);
    int cores = Runtime.getRuntime().availableProcessors();
    if (!timed(d, "tika", List.of(java, "-jar", tikaJar.toString(), "-t", "-numConsumers", Integer.toString(cores),
        "-JXmx1g", "-excludeFilePat", "truth\\.tsv$", "-i", corpus.toString(), "-o", tout.toString()), n)) return null;
    List<String> lucene = new ArrayList<>(List.of(demoJar.toString()));
    try (var s = Files.newDirectoryStream(root.resolve("target/lib"), "lucene-*.jar")) {
      s.forEach(p -> lucene.add(p.toString()));
    }
    if (!timed(d, "indexfiles", List.of(java, "-Xmx1g", "-cp", String.join(":", lucene), "org.apache.lucene.demo.IndexFiles",
        "-index", didx.toString(), "-docs", tout.toString()), n)) return null;
    long input = Processes.size(corpus) - Files.size(corpus.resolve("truth.tsv"));
    double t = d.get("tika_s").asDouble() + d.get("indexfiles_s").asDouble();
    d.put("extracted_files", Processes.files(tout));
    d.put("input_mb", Processes.round(input / 1e6, 2)).put("text_mb", Processes.round(Processes.size(tout) / 1e6, 2))
        .put("index_mb", Processes.round(Processes.size(didx) / 1e6, 2)).put("pipeline_s", Processes.round(t, 2))
        .put("pipeline_files_per_s", Processes.round(n / t, 2)).put("pipeline_mb_per_s", Processes.round(input / 1e6 / t, 2))
        .put("pipeline_peak_rss_mb", Math.max(d.get("tika_rss_mb").asLong(), d.get("indexfiles_rss_mb").asLong()))
        .put("index_to_input", Processes.round((double) Processes.size(didx) / input, 2));
    return d;
  }

  /** cmd under /usr/bin/time: NAME_s and NAME_rss_mb into d; false (and a message) when it failed. */
  private boolean timed(ObjectNode d, String name, List<String> cmd, int n) throws IOException {
    Path log = root.resolve("target/bench/" + name + "-" + n + ".log"), time = Path.of(log + ".time");
    List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o", time.toString()));
    full.addAll(cmd);
    if (!Processes.run(full, root, log, null, Map.of())) {
      System.err.println("   " + name + " failed: " + Processes.tail(log, 3));
      return false;
    }
    String[] f = Files.readString(time, StandardCharsets.UTF_8).strip().split("\\s+");
    d.put(name + "_s", Double.parseDouble(f[f.length - 2])).put(name + "_rss_mb", Long.parseLong(f[f.length - 1]) / 1024);
    return true;
  }

}
