package sohieu.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import sohieu.cli.Json;
import sohieu.cli.Main;

/**
 * {@code sohieu serve} under load, three processes as an analyst's machine would have them: the service (the CLI's
 * own command, with the launcher's collector), an ingest adding one file at a time to the same index, and this one
 * sending a mix of cite and search requests from concurrent clients over loopback. Reports p50/p99 latency per kind,
 * the errors, and how long each new file took to be found through the API after its ingest committed.
 *
 * <p>{@code ServeBench INDEX WORK [--requests 10000] [--clients 16] [--no-ingest] [--ingest-nice N] [--jfr FILE]
 * [--serve-jvm FLAGS]}; the ingest runs at nice 10 as the launcher runs it ({@code --ingest-nice 0}: at the clients' own);
 * the index is copied into a new folder under WORK (removed at the end), so the cached bench index stays as it was.
 * {@code --jfr} records the service with Java Flight Recorder, to see where its time goes; {@code --serve-jvm} gives
 * the service's JVM more flags, space-separated (a collector given there replaces the launcher's), to compare
 * collectors or log their pauses.
 */
final class ServeBench {
  private static final List<String> WORDS = List.of("nghị quyết", "chỉ thị", "постановление", "décision", "uchwała",
      "Politburo", "đối ngoại", "kinh tế", "Bộ Chính trị", "hội nghị");
  private static final String CP = "target/classes:target/test-classes:target/lib/*";

  public static void main(String[] args) throws Exception {
    if (args[0].equals("--ingest-loop")) {
      ingestLoop(Path.of(args[1]), Path.of(args[2]));
      return;
    }
    Path source = Path.of(args[0]), work = Files.createTempDirectory(Files.createDirectories(Path.of(args[1])), "run-");
    int requests = 10_000, clients = 16;
    boolean ingest = true;
    int ingestNice = 10;
    String jfr = null;
    List<String> serveJvm = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "--requests" -> requests = Integer.parseInt(args[++i]);
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--no-ingest" -> ingest = false;
        case "--ingest-nice" -> ingestNice = Integer.parseInt(args[++i]);
        case "--jfr" -> jfr = args[++i];
        case "--serve-jvm" -> serveJvm.addAll(List.of(args[++i].trim().split("\\s+")));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path index = work.resolve("index");
    copy(source, index);
    List<String> serve = new ArrayList<>(List.of("-Xmx1g", "-XX:+UseParallelGC", "-XX:ThreadPriorityPolicy=1")); // as scripts/sohieu runs serve
    if (serveJvm.stream().anyMatch(f -> f.matches("-XX:\\+Use\\w+GC"))) serve.remove("-XX:+UseParallelGC");
    serve.addAll(serveJvm);
    if (jfr != null) serve.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
    serve.addAll(List.of("-cp", CP, "sohieu.cli.Main", "serve", "--index", index.toString(), "--port", "0"));
    Process server = new ProcessBuilder(Processes.java(serve.toArray(String[]::new))).redirectErrorStream(true).start();
    Process ingester = null;
    try {
      String base = baseUrl(server);
      HttpClient http = HttpClient.newHttpClient();
      List<String> refs = new ArrayList<>();
      Json.MAPPER.readTree(get(http, base + "/api/refs?limit=200").body()).get("references")
          .forEach(r -> refs.add(r.get("canonical").asText()));
      if (refs.isEmpty()) throw new IllegalStateException("no references in " + source);
      // Warm up the JIT and the searcher as a running service would be.
      for (int i = 0; i < 2_000; i++) get(http, url(base, i, refs));

      List<Long> visible = Collections.synchronizedList(new ArrayList<>());
      AtomicBoolean loadDone = new AtomicBoolean();
      Thread watcher = null;
      if (ingest) {
        List<String> ingestCmd = new ArrayList<>(Processes.java("-Xmx1g", "-XX:+UseParallelGC", "-cp", CP, "sohieu.bench.ServeBench",
            "--ingest-loop", index.toString(), work.toString()));
        // At the priority scripts/sohieu gives an ingest.
        if (ingestNice != 0) ingestCmd.addAll(0, List.of("nice", "-n", Integer.toString(ingestNice)));
        ingester = new ProcessBuilder(ingestCmd).redirectError(work.resolve("ingest.err").toFile()).start();
        Process p = ingester;
        watcher = Thread.ofPlatform().name("watch-ingest").start(() -> watch(p, http, base, loadDone, visible));
      }
      ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>(); // {kind 0 cite / 1 search, nanos, ok}
      AtomicInteger next = new AtomicInteger();
      int total = requests;
      long start = System.nanoTime();
      List<Thread> threads = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        threads.add(Thread.ofPlatform().start(() -> {
          for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
            long t = System.nanoTime();
            int status;
            try {
              status = get(http, url(base, i, refs)).statusCode();
            } catch (IOException | InterruptedException e) {
              status = -1;
            }
            samples.add(new long[] {i % 2, System.nanoTime() - t, status == 200 ? 1 : 0});
          }
        }));
      }
      for (Thread t : threads) t.join();
      double seconds = (System.nanoTime() - start) / 1e9;
      loadDone.set(true);
      if (ingester != null) {
        Files.writeString(work.resolve("stop"), "");
        ingester.waitFor();
        watcher.join();
      }

      Map<String, Object> o = new LinkedHashMap<>();
      o.put("requests", requests);
      o.put("clients", clients);
      o.put("ingest_beside", ingest);
      o.put("ingest_nice", ingest ? ingestNice : null);
      o.put("seconds", round(seconds));
      o.put("requests_per_s", round(requests / seconds));
      for (int kind = 0; kind < 2; kind++) {
        List<Long> ms = new ArrayList<>();
        for (long[] s : samples) if (s[0] == kind) ms.add(s[1]);
        Collections.sort(ms);
        String name = kind == 0 ? "cite" : "search";
        o.put(name + "_p50_ms", round(ms.get(ms.size() / 2) / 1e6));
        o.put(name + "_p99_ms", round(ms.get((int) Math.min(ms.size() - 1, Math.ceil(ms.size() * 0.99) - 1)) / 1e6));
        o.put(name + "_max_ms", round(ms.getLast() / 1e6));
      }
      o.put("errors", samples.stream().filter(s -> s[2] == 0).count());
      if (ingest && visible.isEmpty()) {
        // A load run without its ingest measures less than it says: stop here with the ingest's own words.
        throw new IllegalStateException("the ingest beside the load committed nothing: "
            + Files.readString(work.resolve("ingest.err")).lines().filter(l -> !l.startsWith("WARNING")).limit(5).toList());
      }
      List<Long> seen = new ArrayList<>(visible);
      Collections.sort(seen);
      o.put("files_ingested", seen.size());
      o.put("visible_after_commit_max_ms", seen.isEmpty() ? null : seen.getLast());
      o.put("visible_after_commit_p50_ms", seen.isEmpty() ? null : seen.get(seen.size() / 2));
      System.out.println(BenchJson.line(o));
      System.err.printf(Locale.ROOT, "%s%n", o);
    } finally {
      if (ingester != null) ingester.destroy();
      server.destroy(); // SIGTERM: the service's own graceful stop
      server.waitFor();
      try (Stream<Path> all = Files.walk(work)) {
        for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  /** The address the service prints when it is ready ("sohieu serve: http://127.0.0.1:PORT/ serving ..."). */
  private static String baseUrl(Process server) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    Pattern ready = Pattern.compile("sohieu serve: (http://[^/ ]+)/");
    StringBuilder said = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      Matcher m = ready.matcher(line);
      if (m.find()) {
        Thread.ofPlatform().daemon().start(() -> out.lines().forEach(l -> { })); // keep the pipe from filling
        return m.group(1);
      }
      said.append(line).append('\n');
    }
    throw new IllegalStateException("the service did not start:\n" + said);
  }

  /** Request i: cite and search in turn, over the references and a few words in every language. */
  private static String url(String base, int i, List<String> refs) {
    return i % 2 == 0 ? base + "/api/cite?limit=20&ref=" + enc(refs.get(i / 2 % refs.size()))
        : base + "/api/search?q=" + enc(WORDS.get(i / 2 % WORDS.size())) + "&limit=10";
  }

  /**
   * The ingest process: until WORK/stop exists, one new file citing a number of its own, ingested (which commits),
   * then a line "NUMBER TAB EPOCH-MILLIS" saying when that commit was done.
   */
  private static void ingestLoop(Path index, Path work) throws IOException {
    for (int k = 1; !Files.exists(work.resolve("stop")); k++) {
      Path dir = Files.createDirectories(work.resolve("new-" + k));
      String ref = (9000 + k) + "-CT/TW";
      Files.writeString(dir.resolve("new.txt"), "Thực hiện Chỉ thị số " + ref + " của Ban Bí thư về công tác đối ngoại.\n");
      StringWriter err = new StringWriter();
      int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "ingest", "--index", index.toString(), dir.toString());
      if (code != 0) throw new IllegalStateException("ingest failed: " + err);
      System.out.println(ref + "\t" + System.currentTimeMillis());
      System.out.flush();
    }
  }

  /** For each commit the ingest process reports while the load runs: the time until the API cites its new number. */
  private static void watch(Process ingester, HttpClient http, String base, AtomicBoolean loadDone, List<Long> visible) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(ingester.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (loadDone.get()) continue; // read to the end so the process can finish
        String[] f = line.split("\t");
        long committed = Long.parseLong(f[1]);
        while (get(http, base + "/api/cite?ref=" + enc(f[0])).statusCode() != 200) {
          if (System.currentTimeMillis() - committed > 30_000) throw new IllegalStateException(f[0] + " not visible after 30 s");
          Thread.sleep(20);
        }
        visible.add(System.currentTimeMillis() - committed);
      }
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

  private static double round(double v) { return Math.round(v * 100) / 100.0; }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) if (Files.isRegularFile(f)) Files.copy(f, to.resolve(f.getFileName()));
    }
  }
}
