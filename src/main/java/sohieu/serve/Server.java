package sohieu.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import sohieu.refs.CitationRecognizer;
import sohieu.search.Searcher;

/**
 * The index as a local HTTP service: the JSON API under {@code /api/} and the web page at {@code /}, both from this
 * jar. The JDK's own server, one virtual thread per request (measured against Jetty: see pom.xml), answering
 * through {@link #respond}, which knows no server. Read-only; the searcher follows the index's commits every second.
 */
@SuppressForbidden(reason = "com.sun.net.httpserver is the exported API of the module jdk.httpserver")
public final class Server implements Closeable {
  /** How often the searcher looks for a newer commit. */
  static final long REFRESH_MILLIS = 1_000;
  /** Where the page's files lie in the jar. */
  private static final String WEB = "sohieu/serve/web/";
  /** Where WebJars put their files in their jars. */
  private static final String WEBJARS = "META-INF/resources/webjars/";
  private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "png", "image/png", "json", "application/json; charset=utf-8");

  static {
    // The JDK server leaves Nagle's algorithm on, so a response's body waited for the client to acknowledge its
    // headers, which a client delays by up to 40 ms (delayed ACK): every answer took some 40 ms more than its work
    // (one client citing in turn: p50 58 -> 14 ms). The server reads the property once, when the first is made; a
    // value given on the command line stays.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer http;
  private final LiveSearcher live;
  private final Api api;
  private final ObjectMapper json;
  private final long searchMillis;
  private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
  /**
   * Full-text searches and their facets run on a pool of all cores but one, so that lookups (cite, refs, documents),
   * which take a millisecond, never queue behind searches that take a hundred: on two cores under 16 clients, cite's p99
   * over HTTP was 488 ms with every request running at once. A search's time limit starts once it has its turn. The
   * pool's threads run at the lowest priority, which the OS honours when the JVM maps Java's priorities to nice values
   * (scripts/sohieu starts serve with -XX:ThreadPriorityPolicy=1: nice 4 on Linux): a lookup's thread then wins a
   * core from a search as soon as it wakes. Load run, 100k index, ingest beside: cite p99 17.5 -> 13.6 ms.
   */
  private final ExecutorService searchLane = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
      Thread.ofPlatform().name("search-", 0).daemon().priority(Thread.MIN_PRIORITY).factory());
  /** Lookups under way: a running search steps aside for them (see {@link Deadline}). */
  private final Lookups lookups = new Lookups();
  /** The index folder, a real path: where the service announces itself, and what a client's command must name. */
  private final Path folder;
  /** The jar this process runs: the CLI's route answers only the launcher of the same one. */
  private final Route.Code code;
  /** Runs the command line's lookups sent to {@link Route#PATH}; null: none are taken. */
  private final Route.Runner commands;
  private volatile boolean announced;
  private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("index-refresh").factory());

  /**
   * Opens the index and binds {@code address} (port 0 picks a free one); a taken port fails here with a
   * {@link java.net.BindException}. Nothing is answered before {@link #start}. {@code commands} runs the command
   * line's lookups sent here (null: none are taken, and the service does not announce itself).
   */
  public Server(Path index, InetSocketAddress address, ObjectMapper json, long searchMillis, Route.Runner commands) throws IOException {
    this.commands = commands;
    CitationRecognizer recognizer = CitationRecognizer.standard();
    this.live = new LiveSearcher(index, recognizer, new Deadline(lookups));
    this.folder = index.toRealPath();
    this.code = Route.Code.ofThisProcess();
    this.api = new Api(recognizer);
    this.json = json;
    this.searchMillis = searchMillis;
    try {
      this.http = HttpServer.create(address, 64);
    } catch (IOException e) {
      live.close();
      throw e;
    }
    http.setExecutor(requests);
    http.createContext("/", this::exchange);
  }

  /**
   * Starts answering, and, when this machine's command line can reach the service (on loopback, or every address),
   * announces it in the index folder ({@link Route#ANNOUNCEMENT}) for scripts/sohieu to send its lookups here.
   */
  public void start() {
    refresher.scheduleWithFixedDelay(this::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    http.start();
    java.net.InetAddress at = http.getAddress().getAddress();
    if (commands != null && (at.isLoopbackAddress() || at.isAnyLocalAddress())) announced = Route.announce(folder, http.getAddress().getPort(), code, json);
  }

  /** The address answered on, with the port chosen when 0 was asked. */
  public InetSocketAddress address() { return http.getAddress(); }

  private void refresh() {
    try {
      live.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      // An ingest midway or a damaged commit: the commit served so far stays, and the next tick tries again.
    }
  }

  /** One request as the service needs it, whatever server read it. */
  record Request(String method, String path, String rawQuery, String host, java.net.InetAddress remote,
      Map<String, String> headers, InputStream body) {}

  /** One answer: its status, content type, caching, headers of its own, and bytes (none for HEAD). */
  record Reply(int status, String contentType, String cacheControl, Map<String, String> headers, byte[] body) {
    Reply(int status, String contentType, String cacheControl, byte[] body) { this(status, contentType, cacheControl, Map.of(), body); }
  }

  /** Answers one request of the JDK server. */
  private void exchange(HttpExchange ex) throws IOException {
    // A lookup is under way from its first byte read to its last written, so searches step aside for all of it.
    String path = ex.getRequestURI().getPath();
    // (The command line's route says which it is itself, once it has read the command.)
    boolean lookup = path.startsWith("/api/") && !heavy(path);
    if (lookup) lookups.enter();
    try (ex) {
      String route = ex.getRequestHeaders().getFirst(Route.HEADER);
      Reply r = respond(new Request(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(),
          ex.getRequestHeaders().getFirst("Host"), ex.getRemoteAddress().getAddress(),
          route == null ? Map.of() : Map.of(Route.HEADER, route), ex.getRequestBody()));
      r.headers().forEach(ex.getResponseHeaders()::set);
      ex.getResponseHeaders().set("Content-Type", r.contentType());
      ex.getResponseHeaders().set("Cache-Control", r.cacheControl());
      // No CORS header, ever: another site's script may not read the answers; and no sniffing, no framing.
      ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      ex.getResponseHeaders().set("X-Frame-Options", "DENY");
      ex.getResponseHeaders().set("Content-Security-Policy", CSP);
      boolean head = ex.getRequestMethod().equals("HEAD");
      ex.sendResponseHeaders(r.status(), head ? -1 : r.body().length);
      if (!head) ex.getResponseBody().write(r.body());
    } finally {
      if (lookup) lookups.exit();
    }
  }

  /** Full-text searches and facets, which take turns in {@link #searchLane}; everything else under /api/ is a lookup. */
  private static boolean heavy(String path) { return path.equals("/api/search") || path.equals("/api/facets"); }

  private static final String CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

  /** The answer to a request: the API under {@code /api/}, the page and its libraries elsewhere. */
  Reply respond(Request request) throws IOException {
    if (!trustedHost(request.host())) return json(403, new Problem(403, "this service answers only to localhost, 127.0.0.1 or [::1]"));
    if (request.path().equals(Route.PATH)) return cli(request);
    return request.path().startsWith("/api/") ? api(request) : file(request);
  }

  /**
   * A lookup of the command line, run here on the warm searcher ({@link Route}): from this machine only, by the
   * launcher of this same jar, under the service's time limit; 409 for anything the client must run itself.
   */
  private Reply cli(Request request) throws IOException {
    if (commands == null) return json(404, new Problem(404, "this service takes no command lines"));
    if (!request.method().equals("POST")) return json(405, new Problem(405, Route.PATH + " takes POST"));
    if (!request.remote().isLoopbackAddress() || !request.headers().containsKey(Route.HEADER)) {
      return json(403, new Problem(403, Route.PATH + " answers scripts/sohieu on this machine only"));
    }
    Route.Parsed parsed;
    try (InputStream body = request.body()) {
      parsed = Route.parse(body);
    }
    Route.Request command = parsed == null ? null : parsed.request();
    if (command == null || command.args().isEmpty()) return json(400, new Problem(400, "not a command line"));
    if (!code.matches(parsed.fields().get("jar"))) return json(409, new Problem(409, "another version of sohieu: run the command itself"));
    try {
      live.maybeRefreshBlocking(); // a lookup right after an ingest finishes sees its commit, as in its own process
    } catch (IOException | RuntimeException e) {
      // an ingest midway: the commit served so far answers
    }
    Route.Outcome outcome;
    if (command.args().get(0).equals("search")) {
      try {
        outcome = inSearchLane(() -> runTimed(command, true));
      } catch (ApiException e) {
        return json(e.status, new Problem(e.status, e.getMessage()));
      } catch (Exception e) {
        return json(500, new Problem(500, "internal error: " + e.getClass().getSimpleName()));
      }
    } else {
      lookups.enter();
      try {
        outcome = runTimed(command, false);
      } finally {
        lookups.exit();
      }
    }
    if (outcome == null) return json(503, new Problem(503, "the search took longer than " + searchMillis + " ms: run the command itself"));
    if (!outcome.answered()) return json(409, new Problem(409, "not a lookup on this index: run the command itself"));
    Map<String, String> headers = new HashMap<>(Map.of("X-Sohieu-Exit", Integer.toString(outcome.code())));
    if (outcome.err().length > 0) headers.put("X-Sohieu-Stderr", java.util.Base64.getEncoder().encodeToString(outcome.err()));
    return new Reply(200, "application/octet-stream", "no-store", headers, outcome.out());
  }

  /** Runs a command of the command line under the service's time limit; null when a search of it was cut short. */
  private Route.Outcome runTimed(Route.Request command, boolean heavy) {
    Deadline.start(searchMillis, heavy);
    try {
      Route.Outcome outcome;
      try {
        outcome = commands.run(command, index, Route.MAX_OUT, Route.MAX_ERR);
      } catch (RuntimeException e) {
        outcome = Route.Outcome.REFUSED; // a fault of this route, not of the command: the client runs it itself
      }
      return Deadline.passed() ? null : outcome;
    } finally {
      Deadline.clear();
    }
  }

  /** The warm searcher, lent to the commands of the command line. */
  private final Route.Index index = new Route.Index() {
    @Override
    public Path folder() { return folder; }

    @Override
    public Route.Lent acquire() throws IOException {
      LiveSearcher.Lease lease = live.acquire();
      return new Route.Lent(lease.searcher, () -> live.release(lease));
    }
  };

  private Reply api(Request request) throws IOException {
    try {
      return json(200, answer(request));
    } catch (ApiException e) {
      return json(e.status, new Problem(e.status, e.getMessage()));
    } catch (IllegalArgumentException e) {
      return json(400, new Problem(400, e.getMessage())); // the query parser's one-line messages
    } catch (Exception e) {
      return json(500, new Problem(500, "internal error: " + e.getClass().getSimpleName()));
    }
  }

  private Object answer(Request request) throws Exception {
    String method = request.method(), path = request.path();
    if (path.equals("/api/scan")) {
      if (!method.equals("POST")) throw new ApiException(405, "scan takes POST with the text as the body");
      try (InputStream body = request.body()) {
        return api.scan(body);
      }
    }
    if (!method.equals("GET")) throw new ApiException(405, path + " takes GET");
    Map<String, String> p = parameters(request.rawQuery());
    return heavy(path) ? inSearchLane(() -> answer(path, p, true)) : answer(path, p, false);
  }

  /** Runs a search when the search lane has a thread for it, throwing what it throws. */
  private <T> T inSearchLane(Callable<T> search) throws Exception {
    Future<T> turn = searchLane.submit(search);
    try {
      return turn.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception x) throw x;
      throw e;
    } catch (InterruptedException e) {
      turn.cancel(true);
      Thread.currentThread().interrupt();
      throw new ApiException(503, "the service is stopping");
    }
  }

  private Object answer(String path, Map<String, String> p, boolean heavy) throws Exception {
    LiveSearcher.Lease lease = live.acquire();
    Deadline.start(searchMillis, heavy);
    try {
      Searcher s = lease.searcher;
      Object answer = switch (path) {
        case "/api/search" -> api.search(s, p);
        case "/api/facets" -> api.facets(s, p);
        case "/api/cite" -> api.cite(s, p);
        case "/api/refs" -> api.refs(s, p);
        case "/api/stats" -> api.stats(s, p);
        case "/api/names" -> api.names(p);
        default -> {
          if (path.startsWith("/api/docs/")) yield api.document(s, path.substring("/api/docs/".length()));
          throw new ApiException(404, "no such endpoint: " + path);
        }
      };
      if (Deadline.passed()) throw new ApiException(503, "the search took longer than " + searchMillis + " ms; narrow the query");
      return answer;
    } finally {
      Deadline.clear();
      live.release(lease);
    }
  }

  /** The query string's parameters, decoded as UTF-8; a parameter given twice keeps its first value. */
  private static Map<String, String> parameters(String raw) {
    Map<String, String> p = new HashMap<>();
    if (raw == null || raw.isEmpty()) return p;
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      p.putIfAbsent(name, value);
    }
    return p;
  }

  /** The page and its libraries, from the jar: {@code /} is the page, {@code /webjars/...} the WebJars' files. */
  private Reply file(Request request) throws IOException {
    String path = request.path();
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) return json(405, new Problem(405, "the page takes GET"));
    String resource = path.equals("/") ? WEB + "index.html"
        : path.startsWith("/webjars/") ? WEBJARS + path.substring("/webjars/".length()) : WEB + path.substring(1);
    // Resources by name from the class path, never files: a name that climbs is simply not one of them.
    InputStream in = resource.contains("..") || resource.endsWith("/") ? null
        : Server.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) return json(404, new Problem(404, "no such page: " + path));
    try (in) {
      String ext = resource.substring(resource.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      // The page and the libraries change only with the jar.
      return new Reply(200, TYPES.getOrDefault(ext, "application/octet-stream"),
          path.startsWith("/webjars/") ? "max-age=86400" : "no-cache", in.readAllBytes());
    }
  }

  /**
   * Whether the request names this machine as its host, when the service listens on loopback only: a web page
   * elsewhere that points its own host name at 127.0.0.1 (DNS rebinding) would otherwise read the API as its own.
   */
  private boolean trustedHost(String host) {
    if (!http.getAddress().getAddress().isLoopbackAddress()) return true;
    if (host == null) return false;
    String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceFirst(":\\d*$", "");
    return LOCAL_NAMES.contains(name.toLowerCase(Locale.ROOT));
  }

  private static final java.util.Set<String> LOCAL_NAMES = java.util.Set.of("localhost", "127.0.0.1", "[::1]");

  /** A JSON error: the status again and one line saying what was wrong. */
  record Problem(int status, String error) {}

  private Reply json(int status, Object body) throws IOException {
    return new Reply(status, "application/json; charset=utf-8", "no-store", json.writeValueAsBytes(body));
  }

  /** Stops taking requests, lets those under way finish (up to two seconds), and closes the index. */
  @Override
  public void close() throws IOException {
    if (announced) Route.withdraw(folder, http.getAddress().getPort(), json);
    http.stop(2);
    refresher.shutdownNow();
    requests.shutdown();
    searchLane.shutdown();
    try {
      requests.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    live.close();
  }

}
