package sohieu.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bench harness behind scripts/bench (which builds, then runs this): every benchmark as a child JVM, its JSON
 * merged into target/bench/results.jsonl, then the table, target/bench/summary.json with the goals, and the
 * recognizer's gains and losses against another revision. Options as scripts/bench --help prints them.
 */
public final class Bench {
  static final String USAGE = """
      Recomputes Sohieu's quality and speed figures (issue 7): citation precision/recall and recognizer MB/s, language-ID
      accuracy, analyzer MB/s, search quality on judged queries (nDCG@10 and P@5 beside a plain Lucene BM25, with the
      change against the figures saved for --against); ingest throughput on the real files of ../shared/data/vi-dev beside as many bytes of generated files; per generated corpus size,
      ingest throughput, heap and index size beside the same files through the
      Tika app's batch mode followed by Lucene's demo IndexFiles, Lucene alone indexing the extracted text with Sohieu's
      analyzers (the limit), query latency in-process, and `sohieu cite` as a whole process (with and without the
      start-up cache) beside rg over the raw files, and `sohieu serve` under load (16 clients, 10,000 cite and search
      requests over loopback while an ingest adds files: p50/p99, errors, new files found after their commit). Then runs the recognizer on the same fixed text at the previous
      commit (or --against REV) and prints the citations gained and lost. The labelled dev set
      (src/test/resources/sohieu/refs/devset, sohieu.bench.DevSetBench) gives precision, recall, exact canonical and date
      accuracy per language and kind, and its gains and losses against the same revision.

        scripts/bench                 # 10k generated documents (about 15 minutes on 2 idle cores)
        scripts/bench --docs 2000     # a quick smoke run; --docs 10000,50000 runs several sizes
        scripts/bench --seed 7        # another generated corpus (default seed 42; each is generated once)
        scripts/bench --docs 10000,1000000 --reuse-index 1000000
                                      # query figures anew on the 1M index already built; its ingest figures are
                                      # those saved when it was built (marked with that commit)
        scripts/bench --large         # also 100k and 1M documents (generated once, cached outside the repo)
        scripts/bench --no-pipeline   # skip the Tika app + IndexFiles comparison (it runs up to --pipeline-max
                                      # documents, default 100000: at 1M it would take hours on two cores)
        scripts/bench --against v0.1  # compare the recognizer with another revision (default HEAD~1)
        scripts/bench --cluster 1000  # also ingest files/s and cite latency against a 3-node OpenSearch cluster on
                                      # loopback beside the local index, on the same 1000 generated files
        scripts/bench --docs 100000 --reuse-index 100000 --only serve
                                      # some steps only: recognizer, devset, ranking, langid, analyzers, furniture, ocr,
                                      # vi-dev, ingest, index-text, serve, pipeline, cite, diff (ingest runs anyway
                                      # for a size step: it builds the index, or checks a reused one is current)

      Results: target/bench/results.jsonl (one JSON object per benchmark), target/bench/summary.json (all of them and
      the issue's goals, reported, not asserted) and a table on standard output. Corpora, indexes, the Tika app and
      lucene-demo jars live in $SOHIEU_BENCH_CACHE (default ~/.cache/sohieu-bench), never in the repository.""";

  /** The options of scripts/bench. */
  record Options(List<Integer> sizes, int seed, List<Integer> reuse, boolean pipeline, int pipelineMax, String against,
                 int cluster, Set<String> only) {
    static final Set<String> STEPS = Set.of("recognizer", "devset", "ranking", "langid", "analyzers", "furniture", "ocr",
        "vi-dev", "ingest", "index-text", "serve", "pipeline", "cite", "diff");

    static Options parse(String[] args) {
      String docs = "10000", against = "HEAD~1";
      int seed = 42, pipelineMax = 100000, cluster = 0;
      boolean large = false, pipeline = true;
      List<Integer> reuse = new ArrayList<>();
      Set<String> only = new java.util.TreeSet<>();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--docs" -> docs = value(args, ++i);
          case "--seed" -> seed = Integer.parseInt(value(args, ++i));
          case "--reuse-index" -> reuse.add(Integer.parseInt(value(args, ++i)));
          case "--large" -> large = true;
          case "--no-pipeline" -> pipeline = false;
          case "--pipeline-max" -> pipelineMax = Integer.parseInt(value(args, ++i));
          case "--against" -> against = value(args, ++i);
          case "--cluster" -> cluster = Integer.parseInt(value(args, ++i));
          case "--only" -> {
            for (String step : value(args, ++i).split(",")) {
              if (!STEPS.contains(step.strip())) throw new Usage("--only takes steps of " + new java.util.TreeSet<>(STEPS) + ", not " + step);
              only.add(step.strip());
            }
          }
          case "-h", "--help" -> throw new Usage(null);
          default -> throw new Usage("unknown argument " + args[i]);
        }
      }
      List<Integer> sizes = new ArrayList<>();
      for (String d : docs.split(",")) sizes.add(Integer.parseInt(d.strip()));
      if (large) sizes.addAll(List.of(100000, 1000000));
      return new Options(sizes, seed, reuse, pipeline, pipelineMax, against, cluster, only);
    }

    /** Whether this run includes the step (every step unless --only names some). */
    boolean runs(String step) { return only.isEmpty() || only.contains(step); }

    private static String value(String[] args, int i) {
      if (i >= args.length) throw new Usage(args[i - 1] + " needs a value");
      return args[i];
    }
  }

  /** A mistake on the command line: its message, or none for --help. */
  static final class Usage extends RuntimeException {
    Usage(String message) { super(message, null, false, false); }
  }

  public static void main(String[] args) throws IOException {
    Options o;
    try {
      o = Options.parse(args);
    } catch (Usage e) {
      if (e.getMessage() == null) { System.out.println(USAGE); return; }
      System.err.println("scripts/bench: " + e.getMessage());
      System.exit(2);
      return;
    } catch (NumberFormatException e) {
      System.err.println("scripts/bench: not a number: " + e.getMessage());
      System.exit(2);
      return;
    }
    Path root = Path.of("").toAbsolutePath();
    String home = System.getProperty("user.home");
    String cacheDir = System.getenv("SOHIEU_BENCH_CACHE");
    if (cacheDir == null) cacheDir = System.getenv().getOrDefault("XDG_CACHE_HOME", home + "/.cache") + "/sohieu-bench";
    Path cache = Path.of(cacheDir), out = root.resolve("target/bench");
    Files.createDirectories(cache);
    Files.createDirectories(out);
    new Bench(root, cache, new Results(out.resolve("results.jsonl"))).run(o);
  }

  private final Path root, cache;
  private final Results results;
  private final String cp = "target/classes:target/test-classes:target/lib/*";

  private Bench(Path root, Path cache, Results results) {
    this.root = root;
    this.cache = cache;
    this.results = results;
  }

  private void run(Options o) throws IOException {
    if (o.runs("recognizer")) bench("recognizer", "-cp", cp, "sohieu.refs.RecognizerBench", "--dump", "target/bench/citations.tsv");
    if (o.runs("devset")) bench("devset", "-cp", cp, "sohieu.bench.DevSetBench", "--dump", "target/bench/devset.tsv");
    // Search quality on the judged queries beside a plain Lucene BM25, and its change against the figures saved for
    // the --against revision.
    String head = Processes.output(List.of("git", "rev-parse", "HEAD"), root).strip();
    String against = Processes.output(List.of("git", "rev-parse", o.against()), root).strip();
    if (o.runs("ranking")) bench("ranking", "-cp", cp, "-Dsohieu.commit=" + head, "sohieu.bench.RankingBench", "--history",
        cache.resolve("ranking").toString(), "--against", against.isEmpty() ? "none" : against);
    if (o.runs("langid")) bench("langid", "-cp", cp, "sohieu.lang.LanguageIdBench");
    if (o.runs("analyzers")) bench("analyzers", "-cp", cp, "sohieu.analysis.AnalyzerBench");
    if (o.runs("furniture")) bench("furniture", "-cp", cp, "sohieu.extract.FurnitureReport");
    // Citations through a scan: pages rendered at 300 and 200 dpi, read by OCR, against their typed text.
    if (o.runs("ocr")) bench("ocr", "-cp", cp, "sohieu.bench.OcrBench");

    PipelineBench pipeline = null;
    if (o.pipeline() && o.runs("pipeline")) {
      Path tools = cache.resolve("tools");
      Path tika = PipelineBench.fetch(root, tools, "org.apache.tika:tika-app", "3.3.1", "3.2.2");
      if (tika == null) System.err.println("   tika-app not available: no pipeline comparison");
      Path demo = PipelineBench.fetch(root, tools, "org.apache.lucene:lucene-demo", "10.5.0", "10.3.0");
      if (demo == null) System.err.println("   lucene-demo not available: no pipeline comparison");
      if (tika != null && demo != null) pipeline = new PipelineBench(root, cache, tika, demo);
    }

    // Real files beside the generated ones: ingest of ../shared/data/vi-dev as the command takes it, when it is there,
    // then of as many bytes of generated files the same way (a cold JVM each): MB/s at equal length, equal warm-up.
    Path real = root.resolve("../shared/data/vi-dev").normalize();
    if (!o.runs("vi-dev")) {
      // not asked for
    } else if (Files.isDirectory(real)) {
      bench("ingest-vi-dev", "-Xmx1g", "-XX:+UseParallelGC", "-cp", cp, "sohieu.bench.IngestBench", "--real", real.toString(),
          cache.resolve("index-vi-dev").toString());
      ObjectNode vi = results.rows().getLast();
      if (vi.get("bench").asText().equals("ingest-vi-dev") && vi.has("input_mb")) {
        bench("ingest-vi-dev-generated", "-Xmx1g", "-XX:+UseParallelGC", "-cp", cp, "sohieu.bench.IngestBench", "--generated",
            Long.toString(Math.round(vi.get("input_mb").asDouble() * 1e6)), cache.toString(), Integer.toString(o.seed()),
            cache.resolve("index-vi-dev-generated").toString());
      }
    } else {
      System.err.println("   ../shared/data/vi-dev absent: no ingest figures on real files");
    }
    String commit = Processes.output(List.of("git", "rev-parse", "--short", "HEAD"), root).strip();
    boolean rg = Processes.onPath("rg");
    for (int n : o.sizes()) {
      bench("ingest-" + n, "-Xmx1g", "-XX:+UseParallelGC", "-Dsohieu.bench.reuse=" + o.reuse().contains(n),
          "-Dsohieu.commit=" + commit, "-cp", cp, "sohieu.bench.IngestBench", cache.toString(), Integer.toString(n),
          Integer.toString(o.seed()));
      Path corpus = corpus(n, o.seed()), index = cache.resolve("index-" + n);
      if (corpus == null || !Files.isDirectory(index)) continue;
      // The limit holds the whole extracted text in memory so as not to time its reading: up to 100k documents.
      if (n <= 100000 && o.runs("index-text")) {
        bench("index-text-" + n, "-Xmx6g", "-XX:+UseParallelGC", "-cp", cp, "sohieu.bench.IndexTextBench", index.toString(),
            cache.resolve("index-text-" + n).toString());
      }
      if (o.runs("serve")) bench("serve-" + n, "-Xmx1g", "-XX:+UseParallelGC", "-cp", cp, "sohieu.bench.ServeBench", index.toString(),
          cache.resolve("serve").toString());
      if (pipeline != null && n <= o.pipelineMax()) {
        System.err.println("== pipeline-" + n + " (Tika app batch + IndexFiles)");
        ObjectNode p = pipeline.run(n, corpus);
        if (p != null) results.add(Results.JSON.createObjectNode().put("bench", "pipeline-" + n).setAll(p));
      }
      if (!o.runs("cite")) {
        // not asked for
      } else if (rg) {
        System.err.println("== cite-" + n + " (whole process; rg)");
        ObjectNode c = new CiteBench(root).run(n, corpus, index);
        results.add(Results.JSON.createObjectNode().put("bench", "cite-" + n).setAll(c));
      } else {
        System.err.println("   no rg (Debian: ripgrep): no whole-process comparison");
      }
    }

    if (o.cluster() > 0) cluster(o.cluster());

    System.out.println();
    System.out.println("Results (target/bench/results.jsonl, target/bench/summary.json):");
    String uptime = Processes.output(List.of("uptime"), root);
    String load = uptime.contains("load average: ") ? uptime.substring(uptime.indexOf("load average: ") + 14).strip() : "";
    new Summary(results.rows()).print(root.resolve("target/bench/summary.json"), commit,
        Runtime.getRuntime().availableProcessors(), load);
    if (o.runs("diff")) RecognizerDiff.run(root, cache, o.against());
  }

  /**
   * {@link ClusterBench} through surefire, which runs OpenSearch's test cluster as its tests run it (the build's
   * system properties, its class path without picocli's jar).
   */
  private void cluster(int docs) throws IOException {
    String name = "cluster-" + docs;
    System.err.println("== " + name + " (3-node OpenSearch cluster on loopback beside the local index)");
    Path json = root.resolve("target/bench/" + name + ".json"), log = root.resolve("target/bench/" + name + ".log"),
        err = root.resolve("target/bench/" + name + ".err");
    Files.deleteIfExists(json);
    List<String> mvn = List.of("mvn", "-q", "-o", "-B", "surefire:test", "-Dtest=ClusterBench",
        "-Dsurefire.failIfNoSpecifiedTests=false", "-Dsohieu.bench.docs=" + docs, "-Dsohieu.bench.out=" + json,
        "-DargLine=-Xmx2g");
    if (Processes.run(mvn, root, log, err, Map.of()) && Files.exists(json)) results.merge(name, json, true);
    else System.err.println("   " + name + " failed: " + Processes.tail(log, 5) + Processes.tail(err, 3));
  }

  /** Runs one benchmark JVM; its JSON lines become one result, the rest of its output is shown on standard error. */
  private void bench(String name, String... jvmArgs) throws IOException {
    System.err.println("== " + name);
    Path log = root.resolve("target/bench/" + name + ".log"), err = root.resolve("target/bench/" + name + ".err");
    if (Processes.run(Processes.java(jvmArgs), root, log, err, Map.of())) results.merge(name, log, true);
    else System.err.println("   " + name + " failed: " + Processes.tail(err, 3));
  }

  /** The generated corpus of n documents, its latest format version (IngestBench's naming), or null. */
  private Path corpus(int n, int seed) throws IOException {
    Pattern name = Pattern.compile("corpus-v(\\d+)-" + n + (seed == 42 ? "" : "-s" + seed));
    Path best = null;
    int version = -1;
    try (var s = Files.newDirectoryStream(cache)) {
      for (Path p : s) {
        Matcher m = name.matcher(p.getFileName().toString());
        if (Files.isDirectory(p) && m.matches() && Integer.parseInt(m.group(1)) > version) {
          version = Integer.parseInt(m.group(1));
          best = p;
        }
      }
    }
    return best;
  }
}
