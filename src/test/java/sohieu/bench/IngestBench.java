package sohieu.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import sohieu.index.FileSet;
import sohieu.index.IngestListener;
import sohieu.index.IngestSummary;
import sohieu.index.Ingester;
import sohieu.refs.CitationRecognizer;
import sohieu.schema.SchemaVersion;
import sohieu.search.Searcher;

/**
 * Measures ingest throughput, peak heap and index size (against the input files and against the extracted text)
 * on a generated corpus, then query latency (citation lookup, one word, a phrase, a folded Vietnamese query) over a
 * warm searcher, and how many of the generated citations `cite` finds. Prints one JSON line.
 *
 * <p>Usage: {@code IngestBench CACHE_DIR DOCS}; the corpus is generated once per size under CACHE_DIR
 * ({@link #corpus}), the index is rebuilt at CACHE_DIR/index-DOCS.
 */
public final class IngestBench {
  public static void main(String[] args) throws Exception {
    if (args[0].equals("--real")) {
      real(Path.of(args[1]), Path.of(args[2]));
      return;
    }
    if (args[0].equals("--generated")) {
      generated(Long.parseLong(args[1]), Path.of(args[2]), Long.parseLong(args[3]), Path.of(args[4]));
      return;
    }
    Path cache = Path.of(args[0]);
    int docs = Integer.parseInt(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_SEED;
    Path corpus = corpus(cache, docs, seed);
    Path index = cache.resolve("index-" + docs);
    // Reusing an index measures the queries again (after a change to search) without ingesting anew: the ingest
    // figures are then those saved beside the index when it was built, marked with that commit.
    Path saved = cache.resolve("index-" + docs + ".ingest.json");
    boolean reuse = Boolean.getBoolean("sohieu.bench.reuse") && Files.exists(saved) && currentSchema(index);
    Map<String, Object> out = new LinkedHashMap<>();
    if (reuse) {
      @SuppressWarnings("unchecked")
      Map<String, Object> before = new com.fasterxml.jackson.databind.ObjectMapper().readValue(saved.toFile(), Map.class);
      out.putAll(before);
      out.put("ingest_reused", true);
    } else {
      out.putAll(ingest(corpus, index, docs));
      out.put("ingest_commit", System.getProperty("sohieu.commit", "unknown"));
      Files.writeString(saved, BenchJson.line(out));
    }
    List<String> truth = Files.readAllLines(corpus.resolve("truth.tsv"));
    List<String> refs = new ArrayList<>();
    int expectedArticles = 0, foundArticles = 0;
    try (Searcher searcher = Searcher.open(index, CitationRecognizer.standard())) {
      Map<String, Integer> articlesPerRef = new LinkedHashMap<>();
      for (String line : truth) {
        if (line.startsWith("#")) continue;
        String[] f = line.split("\t", -1);
        if (f.length < 2 || f[1].isEmpty()) continue;
        for (String ref : Arrays.stream(f[1].split(" ")).distinct().toList()) articlesPerRef.merge(ref, 1, Integer::sum);
      }
      refs.addAll(articlesPerRef.keySet());
      for (String ref : refs.subList(0, Math.min(200, refs.size()))) {
        expectedArticles += articlesPerRef.get(ref);
        foundArticles += searcher.cite(ref, 10).total();
      }
      out.put("cite_article_recall_top200", round(foundArticles / (double) expectedArticles));
      java.util.SplittableRandom pick = new java.util.SplittableRandom(7);
      int pool = Math.min(500, refs.size());
      latency(out, "cite", () -> searcher.cite(refs.get(pick.nextInt(pool)), 20));
      // What `cite` and the service answer: the citing articles and the profile (tallies, timeline, co-citations).
      latency(out, "cite_profile", () -> {
        String ref = refs.get(pick.nextInt(pool));
        return Arrays.asList(searcher.cite(ref, 20), searcher.profile(ref, 20));
      });
      latency(out, "word", () -> searcher.search("дипломатии", 10, 0, false));
      latency(out, "phrase", () -> searcher.search("\"народной дипломатии\"", 10, 0, false));
      latency(out, "folded_vi", () -> searcher.search("nghi quyet", 10, 0, false));
    }
    System.out.println(sohieu.bench.BenchJson.line(out));
  }

  /**
   * Ingest of a folder of real files as the command takes it by default (notes and data tables skipped), beside the
   * generated corpus: real pages are longer, denser in citations and in formats the generator does not write.
   */
  private static void real(Path folder, Path index) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("folder", folder.toString());
    out.putAll(ingest(FileSet.of(List.of(folder), List.of()).skippingNotes(List.of()), index));
    System.out.println(BenchJson.line(out));
  }

  /** The generated corpus that {@link #generated} takes its files from: the default run's, usually cached. */
  static final int LIKE_REAL_DOCS = 10000;

  /**
   * Ingest of the first generated files (of the {@link #LIKE_REAL_DOCS} corpus) that make up {@code bytes}, as
   * {@link #real} ingests a folder: beside a real folder of that size it compares MB/s at equal length and warm-up
   * (a longer run reaches a higher MB/s on any files, its warm-up weighing less).
   */
  private static void generated(long bytes, Path cache, long seed, Path index) throws Exception {
    Path corpus = corpus(cache, LIKE_REAL_DOCS, seed);
    List<Path> files = new ArrayList<>();
    long taken = 0;
    for (Path f : FileSet.of(List.of(corpus), List.of()).skippingNotes(List.of())) {
      if (taken >= bytes) break;
      files.add(f);
      taken += Files.size(f);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("folder", corpus.toString());
    out.putAll(ingest(files, index));
    System.out.println(BenchJson.line(out));
  }

  /**
   * Whether the index at {@code index} was written with this build's schema: one a former build cached is of no use
   * to the queries (they refuse it), so it is rebuilt instead of reused, and the reason is said.
   */
  static boolean currentSchema(Path index) throws java.io.IOException {
    if (!Files.isDirectory(index)) return false;
    try (org.apache.lucene.store.FSDirectory dir = org.apache.lucene.store.FSDirectory.open(index)) {
      if (!org.apache.lucene.index.DirectoryReader.indexExists(dir)) return false;
      String mismatch = SchemaVersion.mismatch(org.apache.lucene.index.SegmentInfos.readLatestCommit(dir).getUserData(), index);
      if (mismatch != null) System.err.println("   rebuilding the cached index: " + mismatch);
      return mismatch == null;
    }
  }

  /** Ingests the corpus into a new index: throughput, heap and sizes. */
  private static Map<String, Object> ingest(Path corpus, Path index, int docs) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("docs", docs);
    out.putAll(ingest(FileSet.of(List.of(corpus), List.of("truth.tsv")), index));
    return out;
  }

  private static Map<String, Object> ingest(Iterable<Path> files, Path index) throws Exception {
    deleteTree(index);
    Map<String, Object> out = new LinkedHashMap<>();
    long input = 0;
    for (Path f : files) input += Files.size(f);

    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
    IngestSummary summary;
    int threads = Runtime.getRuntime().availableProcessors();
    LiveHeap live;
    try (Ingester ingester = Ingester.open(index, threads, Duration.ofSeconds(60))) {
      live = LiveHeap.start(ingester::bufferedBytes);
      summary = ingester.ingest(files, false, IngestListener.NONE);
      live.stop();
    }
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peakHeap += pool.getPeakUsage().getUsed();
    }
    long indexBytes = size(index);

    out.put("files", summary.added());
    out.put("failed", summary.failed());
    out.put("ingest_files_per_s", round(summary.filesPerSecond()));
    out.put("ingest_mb_per_s", round(summary.megabytesPerSecond()));
    out.put("peak_heap_mb", peakHeap / (1 << 20));
    out.put("peak_live_heap_mb", live.peak() / (1 << 20));
    out.put("peak_live_heap_without_buffer_mb", live.peakWithoutBuffer() / (1 << 20));
    out.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1 << 20));
    out.put("input_mb", round(input / 1e6));
    out.put("index_mb", round(indexBytes / 1e6));
    out.put("index_to_input", round(indexBytes / (double) input));
    long textBytes = storedTextBytes(index);
    out.put("text_mb", round(textBytes / 1e6));
    out.put("index_to_text", round(indexBytes / (double) textBytes));

    return out;
  }

  /**
   * The largest heap in use just after a collection of the whole heap: those the ingest ran into, and one asked for
   * once it is over, with its writer still open (a short run may have had none, and one asked for during the run
   * would cost it: tracing Lingua's models alone takes a tenth of a second). Also that heap less the documents the
   * index writer held in memory at the time (its RAM buffer fills and empties with every flush): what the ingest keeps
   * besides them, the part that must not grow with the number of files.
   */
  static final class LiveHeap implements javax.management.NotificationListener {
    private final java.util.function.LongSupplier buffered;
    private final List<javax.management.NotificationEmitter> collectors = new ArrayList<>();
    private long peak, peakWithoutBuffer;

    private LiveHeap(java.util.function.LongSupplier buffered) {
      this.buffered = buffered;
      for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof javax.management.NotificationEmitter emitter) {
          emitter.addNotificationListener(this, null, null);
          collectors.add(emitter);
        }
      }
    }

    static LiveHeap start(java.util.function.LongSupplier buffered) { return new LiveHeap(buffered); }

    @Override
    public synchronized void handleNotification(javax.management.Notification n, Object handback) {
      if (!n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
      var info = com.sun.management.GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) n.getUserData());
      if (!info.getGcAction().contains("major")) return; // a young collection leaves the old generation's garbage
      long used = 0;
      for (java.lang.management.MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) used += u.getUsed();
      record(used);
    }

    private synchronized void record(long used) {
      peak = Math.max(peak, used);
      long withoutBuffer = used - Math.min(buffered.getAsLong(), used);
      if (withoutBuffer > peakWithoutBuffer * 1.1 && HISTOGRAM != null) histogram(used, withoutBuffer);
      peakWithoutBuffer = Math.max(peakWithoutBuffer, withoutBuffer);
    }

    /**
     * With SOHIEU_BENCH_HISTOGRAM=FILE, what the heap holds whenever its live part besides the writer's buffer grows
     * by a tenth: the classes of most bytes (the JVM's class histogram, which collects the whole heap first), so that
     * a run whose live heap is not flat says what grew. Off by default: each histogram costs a full collection.
     */
    private static final String HISTOGRAM = System.getenv("SOHIEU_BENCH_HISTOGRAM");

    private static void histogram(long used, long withoutBuffer) {
      try {
        var server = ManagementFactory.getPlatformMBeanServer();
        String table = (String) server.invoke(new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
            "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        List<String> lines = table.lines().toList();
        // the classes of most bytes, and the histogram's last line: the total of what the collection left
        String top = String.join("\n", lines.subList(0, Math.min(43, lines.size()))) + "\n" + lines.get(lines.size() - 1);
        Files.writeString(Path.of(HISTOGRAM), String.format(java.util.Locale.ROOT,
            "live %d MB, %d MB besides the writer's buffer, at %s%n%s%n%n", used >> 20, withoutBuffer >> 20,
            java.time.LocalTime.now(), top), java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      } catch (Exception e) {
        System.err.println("no class histogram: " + e);
      }
    }

    /** Stops listening, then collects the whole heap once more and counts what it holds. */
    void stop() throws Exception {
      for (javax.management.NotificationEmitter emitter : collectors) emitter.removeNotificationListener(this);
      System.gc();
      long used = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) used += pool.getUsage().getUsed();
      }
      record(used);
    }

    synchronized long peak() { return peak; }

    synchronized long peakWithoutBuffer() { return peakWithoutBuffer; }
  }

  static final long DEFAULT_SEED = 42;

  /**
   * The generated corpus of this size and seed under the cache, generated on first use: corpus-vV-N, or
   * corpus-vV-N-sS for a seed other than the default (V is the generator's version).
   */
  static Path corpus(Path cache, int docs, long seed) throws java.io.IOException {
    Path corpus = cache.resolve("corpus-v" + CorpusGenerator.VERSION + "-" + docs + (seed == DEFAULT_SEED ? "" : "-s" + seed));
    if (!Files.exists(corpus.resolve("truth.tsv"))) {
      Path tmp = cache.resolve(corpus.getFileName() + ".partial");
      try { deleteTree(tmp); } catch (Exception e) { throw new java.io.IOException(e); }
      CorpusGenerator.generate(Path.of("corpus"), tmp, docs, seed);
      Files.move(tmp, corpus);
    }
    return corpus;
  }

  /** Sum of the UTF-8 bytes of the stored extracted text of every document. */
  static long storedTextBytes(Path index) throws java.io.IOException {
    long sum = 0;
    try (org.apache.lucene.index.DirectoryReader reader =
             org.apache.lucene.index.DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(index))) {
      org.apache.lucene.index.StoredFields stored = reader.storedFields();
      java.util.Set<String> only = java.util.Set.of(sohieu.schema.Fields.TEXT);
      for (int i = 0; i < reader.maxDoc(); i++) {
        String text = stored.document(i, only).get(sohieu.schema.Fields.TEXT);
        if (text != null) sum += text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      }
    }
    return sum;
  }

  interface Query { Object run() throws Exception; }

  /** Median and 99th percentile in ms over 300 runs after 100 warm-up runs, as NAME_p50_ms and NAME_p99_ms. */
  /** p50 and p99 of 1,000 runs after a warm-up of 3 s or 5,000 runs (a warm searcher: compiled code, cached pages). */
  private static void latency(Map<String, Object> out, String name, Query q) throws Exception {
    long warmUntil = System.nanoTime() + 3_000_000_000L;
    for (int i = 0; i < 5_000 && System.nanoTime() < warmUntil; i++) q.run();
    long[] t = new long[1000];
    for (int i = 0; i < t.length; i++) {
      long s = System.nanoTime();
      q.run();
      t[i] = System.nanoTime() - s;
    }
    Arrays.sort(t);
    out.put(name + "_p50_ms", Math.round(t[500] / 1e3) / 1e3);
    out.put(name + "_p99_ms", Math.round(t[990] / 1e3) / 1e3);
  }

  static double round(double v) { return Math.round(v * 100) / 100.0; }

  static long size(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  /** Removes {@code dir} and everything in it, if it is there (the benches' scratch indexes and copies). */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) Files.delete(p);
    }
  }
}
