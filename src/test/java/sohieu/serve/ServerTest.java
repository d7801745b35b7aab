package sohieu.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sohieu.cli.Json;
import sohieu.cli.Main;
import sohieu.cli.ServedCommand;

/** The JSON API over HTTP on a temporary index of the shipped corpus: every endpoint, and bad input refused. */
class ServerTest {
  @TempDir static Path tmp;
  static Path index;
  static Server server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  record Run(int code, String out, String err) {}

  static Run cli(String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  static Server start(Path index, long searchMillis) throws Exception {
    Server s = new Server(index, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Json.MAPPER, searchMillis, ServedCommand::run);
    s.start();
    return s;
  }

  @BeforeAll
  static void serveCorpus() throws Exception {
    index = tmp.resolve("index");
    Run r = cli("ingest", "--exclude", "SOURCES.md", "--index", index.toString(), "corpus");
    assertEquals(0, r.code(), r.err());
    server = start(index, 2_000);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  record Answer(int status, JsonNode json, HttpResponse<String> raw) {}

  static Answer get(Server s, String pathAndQuery) throws Exception {
    return send(s, HttpRequest.newBuilder(uri(s, pathAndQuery)).GET().build());
  }

  static Answer send(Server s, HttpRequest request) throws Exception {
    HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    boolean json = r.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
    return new Answer(r.statusCode(), json ? Json.MAPPER.readTree(r.body()) : null, r);
  }

  static URI uri(Server s, String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + s.address().getPort() + pathAndQuery);
  }

  static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

  static List<String> paths(JsonNode items) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : items) out.add(Path.of(n.get("path").asText()).getFileName().toString().substring(0, 3));
    return out;
  }

  /** A command line as scripts/sohieu posts it: NUL-terminated fields, an empty one, then the arguments. */
  static HttpRequest.BodyPublisher commandLine(String... fields) {
    StringBuilder b = new StringBuilder();
    for (String f : fields) b.append(f).append('\0');
    return HttpRequest.BodyPublishers.ofString(b.toString(), StandardCharsets.UTF_8);
  }

  @Test
  void theCommandLineRouteAnswersOnlyItsOwnLauncherAboutThisIndex() throws Exception {
    String jar = "jar=" + Route.Code.ofThisProcess().path(), cwd = "cwd=" + index.getParent();
    HttpRequest.Builder route = HttpRequest.newBuilder(uri(server, Route.PATH)).header(Route.HEADER, "1");
    Answer ok = send(server, route.copy().POST(commandLine(jar, cwd, "console=0", "", "cite", "12-CT/TW", "--index", "index", "--json")).build());
    assertEquals(200, ok.status(), ok.raw().body());
    assertEquals("0", ok.raw().headers().firstValue("X-Sohieu-Exit").orElse(""));
    assertEquals(cli("cite", "12-CT/TW", "--index", index.toString(), "--json").out(), ok.raw().body());
    Answer none = send(server, route.copy().POST(commandLine(jar, cwd, "", "cite", "99-CT/TW", "--index", "index")).build());
    assertEquals("1", none.raw().headers().firstValue("X-Sohieu-Exit").orElse(""));
    assertEquals(cli("cite", "99-CT/TW", "--index", index.toString()).err().replace(index.toString(), "index"), new String(java.util.Base64.getDecoder().decode(
        none.raw().headers().firstValue("X-Sohieu-Stderr").orElse("")), StandardCharsets.UTF_8));

    // A browser page cannot add the header without asking first; GET, garbage, another jar, another index, a command
    // that writes: each refused, and the launcher runs the command itself.
    assertEquals(403, send(server, HttpRequest.newBuilder(uri(server, Route.PATH))
        .POST(commandLine(jar, cwd, "", "stats", "--index", "index")).build()).status());
    assertEquals(405, send(server, route.copy().GET().build()).status());
    assertEquals(400, send(server, route.copy().POST(HttpRequest.BodyPublishers.ofString("cite 12-CT/TW")).build()).status());
    assertEquals(409, send(server, route.copy().POST(commandLine("jar=/usr/share/java/other.jar", cwd, "", "stats", "--index", "index")).build()).status());
    assertEquals(409, send(server, route.copy().POST(commandLine(jar, "cwd=/", "", "stats", "--index", "index")).build()).status());
    assertEquals(409, send(server, route.copy().POST(commandLine(jar, cwd, "", "ingest", "--index", "index", "corpus")).build()).status());
    assertEquals(409, send(server, route.copy().POST(commandLine(jar, cwd, "", "stats", "--index", "index", "--engine", "http://127.0.0.1:9")).build()).status());
  }

  @Test
  void anAnswerOverTheLimitIsLeftToTheClient() throws Exception {
    try (sohieu.search.Searcher searcher = sohieu.search.Searcher.open(index, sohieu.refs.CitationRecognizer.standard())) {
      Path real = index.toRealPath();
      Route.Index warm = new Route.Index() {
        @Override public Path folder() { return real; }

        @Override public Route.Lent acquire() { return new Route.Lent(searcher, () -> {}); }
      };
      var request = new Route.Request(List.of("cite", "12-CT/TW", "--index", index.toString(), "--json"),
          Path.of("/"), false, 0, java.util.Map.of());
      Route.Outcome whole = ServedCommand.run(request, warm, 1 << 20, 1 << 10);
      assertTrue(whole.answered());
      assertEquals(cli("cite", "12-CT/TW", "--index", index.toString(), "--json").out(), new String(whole.out(), StandardCharsets.UTF_8));
      assertFalse(ServedCommand.run(request, warm, 100, 1 << 10).answered(), "100 bytes of a longer answer");
    }
  }

  @Test
  void aServiceAnnouncesItselfInTheIndexFolderUntilItStops() throws Exception {
    Server second = start(index, 2_000);
    Path file = index.resolve(Route.ANNOUNCEMENT);
    String announced = Files.readString(file);
    JsonNode a = Json.MAPPER.readTree(announced);
    assertEquals(second.address().getPort(), a.get("port").asInt(), announced);
    assertEquals(ProcessHandle.current().pid(), a.get("pid").asLong(), announced);
    assertEquals(index.toRealPath().toString(), a.get("index").asText(), announced);
    assertTrue(announced.indexOf('\n') == announced.length() - 1, "one line, for bash's read: " + announced);
    second.close();
    assertFalse(Files.exists(file), "withdrawn by the serve that wrote it last");
  }

  @Test
  void searchFindsACitationInAnySpelling() throws Exception {
    Answer a = get(server, "/api/search?q=" + enc("12-ct/tw"));
    assertEquals(200, a.status(), a.raw().body());
    assertEquals(2, a.json().get("total").asLong());
    assertEquals(List.of("001", "002"), paths(a.json().get("hits")).stream().sorted().toList());
    assertFalse(a.raw().body().contains("\\u0002"), "marks only when asked for");
    Answer marked = get(server, "/api/search?highlight=true&q=" + enc("12-CT/TW"));
    assertTrue(marked.json().get("hits").get(0).get("snippets").get(0).asText().contains("\u0002"), marked.raw().body());
  }

  @Test
  void searchPagesAndFilters() throws Exception {
    Answer page = get(server, "/api/search?limit=1&offset=1&sort=date&q=" + enc("12-CT/TW"));
    assertEquals(1, page.json().get("hits").size());
    assertEquals(2, page.json().get("total").asLong());
    Answer none = get(server, "/api/search?lang=pl&q=" + enc("12-CT/TW"));
    assertEquals(200, none.status());
    for (JsonNode h : none.json().get("hits")) assertTrue(h.get("languages").toString().contains("pl"));
  }

  @Test
  void facetsCountWhatTheQueryMatches() throws Exception {
    Answer a = get(server, "/api/facets?q=" + enc("12-CT/TW"));
    assertEquals(200, a.status(), a.raw().body());
    assertEquals(2, a.json().get("documents").asLong());
    long byLanguage = 0;
    for (JsonNode c : a.json().get("references")) if (c.get("label").asText().equals("12-CT/TW")) byLanguage = c.get("documents").asLong();
    assertEquals(2, byLanguage);
  }

  /** The API's answers are the CLI's JSON documents, record for record. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/api/cite?ref=12-ct/tw         | cite 12-CT/TW --json --limit 20",
      "/api/stats                     | stats --json",
      "/api/search?facets=true&q=12-CT/TW | search 12-CT/TW --json --facets",
      "/api/refs                      | refs --json",
      "/api/refs?type=CT&issuer=TW    | refs --json --type CT --issuer TW"})
  void answersAreTheCommandsJson(String endpoint, String command) throws Exception {
    Answer a = get(server, endpoint);
    assertEquals(200, a.status(), a.raw().body());
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.addAll(List.of("--index", index.toString()));
    Run r = cli(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    assertEquals(Json.MAPPER.readTree(r.out()), a.json());
  }

  @Test
  void documentsByTheIdSearchGives() throws Exception {
    String id = get(server, "/api/search?q=" + enc("16-QĐ/TW")).json().get("hits").get(0).get("path").asText();
    Answer a = get(server, "/api/docs/" + id);
    assertEquals(200, a.status(), a.raw().body());
    assertEquals(id, a.json().get("path").asText());
    assertTrue(a.json().get("citations").toString().contains("16-QĐ/TW"));
    assertFalse(a.json().get("paragraphs").isEmpty());
    // An end of the path finds a document on the command line, not here: links carry whole ids.
    assertEquals(404, get(server, "/api/docs/" + Path.of(id).getFileName()).status());
  }

  @Test
  void scanAnalyzesTheBody() throws Exception {
    Answer a = send(server, HttpRequest.newBuilder(uri(server, "/api/scan"))
        .POST(HttpRequest.BodyPublishers.ofString("Chỉ thị số 12-CT/TW ngày 5/1/2022 của Ban Bí thư.", StandardCharsets.UTF_8)).build());
    assertEquals(200, a.status(), a.raw().body());
    assertEquals("12-CT/TW", a.json().get("citations").get(0).get("canonical").asText());
    assertEquals("vi", a.json().get("paragraphs").get(0).get("lang").asText());
  }

  /** Each mistake gets its status and one line, never a trace or a Java class name. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "400 | /api/search?q=%28nghi+quyet",
      "400 | /api/search?q=%22unclosed",
      "400 | /api/search",
      "400 | /api/search?q=a&limit=-1",
      "400 | /api/search?q=a&limit=101",
      "400 | /api/search?q=a&offset=-5",
      "400 | /api/search?q=a&limit=ten",
      "400 | /api/search?q=a&lang=xx",
      "400 | /api/search?q=a&from=yesterday",
      "400 | /api/search?q=a&sort=random",
      "400 | /api/cite?ref=nothing",
      "404 | /api/cite?ref=99-CT/TW",
      "400 | /api/refs?since=2023",
      "400 | /api/docs/../etc/passwd",
      "400 | /api/docs/corpus/%2E%2E/%2E%2E/etc/passwd",
      "400 | /api/docs/%2Fetc%2Fpasswd",
      "404 | /api/docs/corpus/nothing.txt",
      "404 | /api/nothing",
      "405 | /api/scan",
      "404 | /nothing.html",
      "404 | /webjars/../sohieu/cli/Main.class"})
  void badInputGetsItsStatus(int status, String request) throws Exception {
    Answer a = get(server, request);
    assertEquals(status, a.status(), a.raw().body());
    assertEquals(status, a.json().get("status").asInt());
    String error = a.json().get("error").asText();
    assertFalse(error.isBlank() || error.contains("\n") || error.contains("Exception") || error.contains("at sohieu."), error);
  }

  @Test
  void aHugeQueryIsRefused() throws Exception {
    Answer a = get(server, "/api/search?q=" + enc("nghị quyết ".repeat(500)));
    assertEquals(400, a.status());
    assertTrue(a.json().get("error").asText().contains("long"), a.json().toString());
  }

  @Test
  void aHugeScanIsRefused() throws Exception {
    Answer a = send(server, HttpRequest.newBuilder(uri(server, "/api/scan"))
        .POST(HttpRequest.BodyPublishers.ofString("x".repeat(Api.MAX_SCAN_BYTES + 1))).build());
    assertEquals(413, a.status());
  }

  @Test
  void aSearchPastItsTimeIsRefused() throws Exception {
    try (Server hasty = start(index, 0)) {
      Answer a = get(hasty, "/api/search?q=" + enc("nghị quyết"));
      assertEquals(503, a.status(), a.raw().body());
    }
  }

  @Test
  void noCorsAndThePageIsServed() throws Exception {
    Answer a = send(server, HttpRequest.newBuilder(uri(server, "/api/stats")).header("Origin", "https://example.org").GET().build());
    assertEquals(200, a.status());
    assertTrue(a.raw().headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    Answer page = get(server, "/");
    assertEquals(200, page.status());
    assertTrue(page.raw().body().contains("<title>Sohieu</title>"), page.raw().body());
    HttpResponse<String> chart = HTTP.send(HttpRequest.newBuilder(uri(server, "/webjars/echarts/5.3.1/dist/echarts.min.js")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, chart.statusCode());
    assertTrue(chart.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
  }

  @Test
  void aNewCommitIsSeenWithinSeconds() throws Exception {
    Path live = tmp.resolve("live");
    assertEquals(0, cli("ingest", "--exclude", "SOURCES.md", "--index", live.toString(), "corpus").code());
    try (Server s = start(live, 2_000)) {
      assertEquals(2, get(s, "/api/cite?ref=12-CT/TW").json().get("total").asLong());
      Path more = Files.createDirectories(tmp.resolve("more"));
      Files.writeString(more.resolve("new.txt"), "Thực hiện Chỉ thị số 12-CT/TW của Ban Bí thư về công tác đối ngoại nhân dân.\n");
      Run r = cli("ingest", "--index", live.toString(), more.toString());
      assertEquals(0, r.code(), r.err());
      long seen = 0, deadline = System.nanoTime() + 5_000_000_000L;
      while (seen != 3 && System.nanoTime() < deadline) {
        seen = get(s, "/api/cite?ref=12-CT/TW").json().get("total").asLong();
        if (seen != 3) Thread.sleep(100);
      }
      assertEquals(3, seen, "the new article is cited within 5 s of its commit");
    }
  }

  @Test
  void aTakenPortIsOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Run r = cli("serve", "--index", index.toString(), "--port", Integer.toString(taken.getLocalPort()));
      assertEquals(2, r.code());
      assertTrue(r.err().startsWith("sohieu serve: cannot listen on 127.0.0.1:" + taken.getLocalPort()), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
    }
  }

  /** The command as a process: a signal lets it finish and close the index, with no trace printed. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"TERM, 143", "INT, 130"})
  void aSignalStopsItGracefully(String signal, int exitCode) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "sohieu.cli.Main", "serve",
        "--index", index.toString(), "--port", "0").redirectErrorStream(true).start();
    try {
      java.io.BufferedReader out = p.inputReader(StandardCharsets.UTF_8);
      String line = out.readLine();
      while (line != null && !line.startsWith("sohieu serve: ")) line = out.readLine();
      assertTrue(line != null && line.startsWith("sohieu serve: http://127.0.0.1:"), String.valueOf(line));
      String base = line.substring("sohieu serve: ".length(), line.indexOf("/ serving"));
      assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/stats")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode());
      assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
      assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "stopped within 10 s of SIG" + signal);
      String rest = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertFalse(rest.contains("Exception") || rest.contains("\tat "), rest);
      assertEquals(exitCode, p.exitValue());
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void noIndexIsOneLine() {
    Run r = cli("serve", "--index", tmp.resolve("none").toString(), "--port", "0");
    assertEquals(2, r.code());
    assertEquals("sohieu serve: no index at " + tmp.resolve("none") + " (run 'sohieu ingest' first)", r.err().strip());
  }

  /** A page of another site that points its name at 127.0.0.1 (DNS rebinding) is not answered. */
  @ParameterizedTest
  @CsvSource({"evil.example, 403", "evil.example:8080, 403", "localhost, 200", "127.0.0.1:1234, 200", "[::1]:80, 200"})
  void onlyLocalHostNames(String host, int status) throws Exception {
    try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      socket.getOutputStream().write(("GET /api/stats HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      assertEquals("HTTP/1.1 " + status, statusLine.substring(0, 12), statusLine);
    }
  }
}
