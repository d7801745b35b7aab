package sohieu.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Child processes and files of the bench harness: what the shell did with redirections, in one place. */
final class Processes {
  private Processes() {}

  /** The JVM that runs the harness, for the benchmarks it starts. */
  static List<String> java(String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED"));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Runs cmd in dir with stdout to out and stderr to err (or to out when err is null); true on exit code 0. */
  static boolean run(List<String> cmd, Path dir, Path out, Path err, Map<String, String> env) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile());
    if (err == null) pb.redirectErrorStream(true);
    else pb.redirectError(err.toFile());
    pb.environment().putAll(env);
    try {
      return pb.start().waitFor() == 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + cmd, e);
    }
  }

  /** Runs cmd, output discarded; true on exit code 0. */
  static boolean quiet(List<String> cmd, Path dir, Map<String, String> env) throws IOException {
    return run(cmd, dir, Path.of("/dev/null"), Path.of("/dev/null"), env);
  }

  /** The standard output of cmd (stderr discarded), or "" when it fails. */
  static String output(List<String> cmd, Path dir) throws IOException {
    Path tmp = Files.createTempFile("sohieu-bench", ".out");
    try {
      return run(cmd, dir, tmp, Path.of("/dev/null"), Map.of()) ? Files.readString(tmp, StandardCharsets.UTF_8) : "";
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Whether a program is on the PATH. */
  static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
    }
    return false;
  }

  /** The last n lines of a file, joined, for a failure message. */
  static String tail(Path file, int n) throws IOException {
    if (!Files.exists(file)) return "";
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
  }

  /** Bytes of every file under dir. */
  static long size(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  /** Regular files under dir. */
  static long files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  static double round(double v, int places) {
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }
}
