package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * scripts/sohieu answers a lookup from a serve running on the index exactly as it answers in its own process:
 * the same bytes on standard output and error, the same exit code; and runs it itself when the serve is gone, is
 * another index's, or is told not to be asked. Through the real launcher and curl, after package (the jar).
 */
class ServeRouteIT {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path LAUNCHER = ROOT.resolve("scripts/sohieu");
  @TempDir static Path tmp;
  private static Path index;
  private static Process serve;

  record Run(int code, byte[] out, byte[] err) {
    String text() { return new String(out, StandardCharsets.UTF_8) + new String(err, StandardCharsets.UTF_8); }
  }

  @BeforeAll
  static void serveTheCorpus() throws Exception {
    assumeTrue(onPath("bash") && onPath("curl"), "bash or curl is not installed: the launcher's route to a serve is not tested");
    Path jar = ROOT.resolve("target/sohieu.jar");
    assumeTrue(Files.isRegularFile(jar) && !newerThan(ROOT.resolve("target/classes"), jar),
        "target/sohieu.jar is absent or older than target/classes: run mvn package (scripts/test runs this after it)");
    index = tmp.resolve("index");
    CliTest.Run ingest = CliTest.run("ingest", "--exclude", "SOURCES.md", "--index", index.toString(), "corpus");
    assertEquals(0, ingest.code(), ingest.err());
    // A search past the serve's time limit is run in process, as it should; here every one is to be served.
    serve = new ProcessBuilder(LAUNCHER.toString(), "serve", "--index", index.toString(), "--port", "0", "--search-timeout", "60000")
        .redirectOutput(tmp.resolve("serve.out").toFile()).redirectError(tmp.resolve("serve.err").toFile()).start();
    Path announcement = index.resolve(".serve.json");
    for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); !Files.exists(announcement); Thread.sleep(100)) {
      assertTrue(serve.isAlive() && System.nanoTime() < end, () -> "no serve: " + read(tmp.resolve("serve.err")));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (serve == null) return;
    serve.destroy(); // SIGTERM: the graceful stop, which withdraws the announcement
    assertTrue(serve.waitFor(30, TimeUnit.SECONDS));
    assertFalse(Files.exists(index.resolve(".serve.json")), "a stopped serve leaves no announcement");
  }

  /** Invocations as users type them: text and machine formats, limits, mistakes, spellings, other commands. */
  static Stream<List<String>> invocations() {
    return Stream.of(
        List.of("cite", "12-CT/TW", "--index", "INDEX"),
        List.of("cite", "12-CT/TW", "--index=INDEX", "--json"),
        List.of("cite", "12-CT/TW", "--index", "INDEX", "--jsonl", "--limit", "1"),
        List.of("cite", "12-CT/TW", "--index", "INDEX", "--csv"),
        List.of("cite", "12-CT/TW", "--index", "INDEX", "--limit", "1", "--timeline"),
        List.of("cite", "16-QD/TW", "--index", "INDEX"),
        List.of("cite", "16-qđ/tw", "--index", "INDEX", "--color", "always"),
        List.of("cite", "43-", "KL/TW", "--index", "INDEX"),
        List.of("cite", "99-CT/TW", "--index", "INDEX"),
        List.of("cite", "99-CT/TW", "--index", "INDEX", "--json"),
        List.of("cite", "not a number", "--index", "INDEX"),
        List.of("cite", "12-CT/TW", "--index", "INDEX", "--limit", "0"),
        List.of("cite", "12-CT/TW", "--index", "INDEX", "--bogus"),
        List.of("cite", "--index", "INDEX"),
        List.of("search", "nghị quyết", "--index", "INDEX"),
        List.of("search", "nghi quyet", "--index", "INDEX", "--json", "--facets"),
        List.of("search", "title:(", "--index", "INDEX"),
        List.of("refs", "--index", "INDEX"),
        List.of("refs", "--index", "INDEX", "--type", "CT", "--csv"),
        List.of("stats", "--index", "INDEX"),
        List.of("show", "does-not-exist", "--index", "INDEX"));
  }

  @ParameterizedTest
  @MethodSource("invocations")
  void servedIsByteForByteTheCommandsOwnAnswer(List<String> typed) throws Exception {
    List<String> args = typed.stream().map(a -> a.replace("INDEX", index.toString())).toList();
    Run served = launch(args, Map.of("SOHIEU_SERVE", "only"), ROOT);
    Run own = launch(args, Map.of("SOHIEU_SERVE", "off"), ROOT);
    assertSame(own, served, args);
  }

  @Test
  void theIndexIsFoundAsTheClientNamesIt() throws Exception {
    // Relative to the client's working directory, and from SOHIEU_INDEX, as its own JVM would.
    Path cwd = index.getParent();
    List<String> relative = List.of("cite", "12-CT/TW", "--index", "index");
    assertSame(launch(relative, Map.of("SOHIEU_SERVE", "off"), cwd), launch(relative, Map.of("SOHIEU_SERVE", "only"), cwd), relative);
    List<String> fromEnv = List.of("cite", "12-CT/TW", "--json");
    assertSame(launch(fromEnv, Map.of("SOHIEU_SERVE", "off", "SOHIEU_INDEX", "index"), cwd),
        launch(fromEnv, Map.of("SOHIEU_SERVE", "only", "SOHIEU_INDEX", "index"), cwd), fromEnv);
    List<String> noColor = List.of("refs", "--index", "index", "--color", "auto");
    assertSame(launch(noColor, Map.of("SOHIEU_SERVE", "off", "NO_COLOR", "1", "COLUMNS", "40"), cwd),
        launch(noColor, Map.of("SOHIEU_SERVE", "only", "NO_COLOR", "1", "COLUMNS", "40"), cwd), noColor);
  }

  @Test
  void noServeAnswersInProcess() throws Exception {
    List<String> args = List.of("cite", "12-CT/TW", "--index", index.toString(), "--no-serve");
    Run forced = launch(args, Map.of("SOHIEU_SERVE", "only"), ROOT);
    assertEquals(2, forced.code(), "--no-serve never asks the serve");
    assertTrue(forced.text().contains("no serve answered"), forced.text());
    Run own = launch(args, Map.of(), ROOT);
    assertEquals(0, own.code(), own.text());
    assertTrue(own.text().startsWith("12-CT/TW  cited by 2 articles"), own.text());
  }

  @Test
  void aStaleOrForeignAnnouncementIsIgnored() throws Exception {
    Path copy = tmp.resolve("copy");
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(index)) {
      for (Path f : files.toList()) if (!f.getFileName().toString().startsWith(".serve")) Files.copy(f, copy.resolve(f.getFileName()));
    }
    List<String> args = List.of("cite", "12-CT/TW", "--index", copy.toString());
    Run own = launch(args, Map.of("SOHIEU_SERVE", "off"), ROOT);
    assertEquals(0, own.code(), own.text());
    Path announcement = copy.resolve(".serve.json");
    long gone = new ProcessBuilder("true").start().onExit().get().pid();
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    String live = Files.readString(index.resolve(".serve.json"));
    for (String stale : List.of(
        "{\"port\":" + closed + ",\"pid\":" + gone + "}\n", // the serve was killed
        "{\"port\":" + closed + ",\"pid\":" + ProcessHandle.current().pid() + "}\n", // its pid reused, its port closed
        live)) { // copied with the folder: the serve of the other index answers only for that one
      Files.writeString(announcement, stale);
      assertSame(own, launch(args, Map.of(), ROOT), List.of(stale));
      Run only = launch(args, Map.of("SOHIEU_SERVE", "only"), ROOT);
      assertEquals(2, only.code(), only.text());
    }
  }

  private static void assertSame(Run expected, Run actual, List<String> what) {
    assertEquals(expected.code(), actual.code(), () -> what + ": exit code; " + actual.text());
    assertArrayEquals(expected.out(), actual.out(), () -> what + ": standard output\n" + actual.text());
    assertArrayEquals(expected.err(), actual.err(), () -> what + ": standard error\n" + actual.text());
  }

  private static Run launch(List<String> args, Map<String, String> env, Path cwd) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
    cmd.addAll(args);
    Path out = Files.createTempFile(tmp, "out", ""), err = Files.createTempFile(tmp, "err", "");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Map<String, String> e = pb.environment();
    for (String name : List.of("SOHIEU_INDEX", "SOHIEU_SERVE", "SOHIEU_ENGINE", "SOHIEU_DEBUG", "NO_COLOR", "COLUMNS", "LC_ALL", "LC_CTYPE")) e.remove(name);
    e.put("LANG", "C.UTF-8");
    e.put("SOHIEU_AOT", "off"); // no start-up cache trained in the background while the tests run
    e.putAll(new HashMap<>(env));
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "scripts/sohieu " + args + " did not finish");
    return new Run(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) return true;
    }
    return false;
  }

  /** Whether any file under {@code dir} was written after {@code file}. */
  private static boolean newerThan(Path dir, Path file) throws IOException {
    long made = Files.getLastModifiedTime(file).toMillis();
    try (Stream<Path> files = Files.walk(dir)) {
      return files.anyMatch(f -> {
        try {
          return Files.isRegularFile(f) && Files.getLastModifiedTime(f).toMillis() > made;
        } catch (IOException e) {
          return true;
        }
      });
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
