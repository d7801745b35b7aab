package sohieu.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sohieu.schema.SchemaVersion;
import sohieu.search.Searcher;

/**
 * The command line's way to a running serve: scripts/sohieu finds {@value #ANNOUNCEMENT} in the index folder and
 * posts a lookup's arguments to {@value #PATH} with curl; the serve runs the command (its {@link Runner}) and
 * answers with its standard output as the body, its exit code and standard error (Base64) in headers. Any answer
 * but 200 tells the launcher to run the command itself.
 *
 * <p>The request's body is NUL-terminated fields, as bash's {@code printf '%s\0'} writes them: {@code name=value}
 * fields ({@code jar}, {@code cwd}, {@code console}, {@code columns}, {@code env.NAME}), an empty field, then the
 * arguments. Only the scripts of the same jar are answered: another version might print otherwise.
 */
public final class Route {
  private Route() {}

  /**
   * Runs a client's command line on the served index: the command line's own code ({@code sohieu.cli.ServedCommand}),
   * given by whoever starts the service, so that the service knows no command line.
   */
  public interface Runner {
    /** Runs {@code request} on {@code index}, answering with up to {@code maxOut} bytes of output and {@code maxErr} of error. */
    Outcome run(Request request, Index index, int maxOut, int maxErr);
  }

  /** The index a serve answers for: its folder (a real path) and its warm searcher, lent per command. */
  public interface Index {
    Path folder();

    Lent acquire() throws IOException;
  }

  /** The warm searcher for one command, and how to give it back. */
  public record Lent(Searcher searcher, Closeable giveBack) {}

  /**
   * What the client asked: its arguments, working directory, whether its standard input and output are a terminal,
   * the width {@code stty size} gives it (0 if not asked), and its environment variables (those a command reads).
   */
  public record Request(List<String> args, Path cwd, boolean console, int sttyColumns, Map<String, String> env) {}

  /**
   * The command's exit code and the bytes it wrote to standard output and error; or, not {@code answered}, a
   * command the client must run itself: one this route does not run, on another index, or printing more than the
   * serve buffers.
   */
  public record Outcome(boolean answered, int code, byte[] out, byte[] err) {
    public static final Outcome REFUSED = new Outcome(false, 0, new byte[0], new byte[0]);
  }


  static final String PATH = "/cli";
  /** A header browsers send on another site's behalf only after asking (CORS), which this service never allows. */
  static final String HEADER = "X-Sohieu-Route";
  static final String ANNOUNCEMENT = ".serve.json";
  /** Arguments and environment, far more than any command line. */
  static final int MAX_REQUEST = 256 * 1024;
  /** Beyond this much output, the client runs the command itself rather than the serve hold it all in memory. */
  static final int MAX_OUT = 16 * 1024 * 1024;
  /** Standard error travels in a header, which curl takes up to 100 KB. */
  static final int MAX_ERR = 48 * 1024;

  /** The jar (or class folder) this process runs from, and when it was written: the version a client must match. */
  record Code(Path path, FileTime modified) {
    static Code ofThisProcess() throws IOException {
      try {
        Path p = Path.of(Route.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toRealPath();
        return new Code(p, Files.getLastModifiedTime(p));
      } catch (URISyntaxException | RuntimeException e) {
        throw new IOException("cannot tell which jar this is: " + e.getMessage(), e);
      }
    }

    /** Whether the client's launcher runs this very jar, unchanged since this process started. */
    boolean matches(String clientJar) {
      try {
        return clientJar != null && Path.of(clientJar).toRealPath().equals(path) && Files.getLastModifiedTime(path).equals(modified);
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }
  }

  /** The request's fields and arguments, or null when the body is not of this form or too long. */
  static Parsed parse(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(MAX_REQUEST + 1);
    if (bytes.length > MAX_REQUEST || bytes.length == 0 || bytes[bytes.length - 1] != 0) return null;
    List<String> fields = Arrays.asList(new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8).split("\0", -1));
    int end = fields.indexOf("");
    if (end < 0) return null;
    Map<String, String> named = new HashMap<>();
    for (String f : fields.subList(0, end)) {
      int eq = f.indexOf('=');
      if (eq < 0) return null;
      named.put(f.substring(0, eq), f.substring(eq + 1));
    }
    return new Parsed(named, new ArrayList<>(fields.subList(end + 1, fields.size())));
  }

  record Parsed(Map<String, String> fields, List<String> args) {
    /** The command as the {@link Runner} runs it, or null without a working directory. */
    Request request() {
      String cwd = fields.get("cwd");
      if (cwd == null || !cwd.startsWith("/")) return null;
      Map<String, String> env = new HashMap<>();
      fields.forEach((k, v) -> { if (k.startsWith("env.")) env.put(k.substring(4), v); });
      int columns;
      try {
        columns = Integer.parseInt(fields.getOrDefault("columns", "0"));
      } catch (NumberFormatException e) {
        columns = 0;
      }
      return new Request(args, Path.of(cwd), "1".equals(fields.get("console")), columns, env);
    }
  }

  /** What {@value #ANNOUNCEMENT} says: enough for the launcher (port, pid) and for a person reading it. */
  record Announcement(int port, long pid, String version, int schema, String jar, String index) {}

  /**
   * Writes {@value #ANNOUNCEMENT} into {@code index} whole or not at all (a launcher never reads half of it); false
   * when the folder cannot be written, and the launcher then never finds this serve.
   */
  static boolean announce(Path index, int port, Code code, ObjectMapper json) {
    String v = Route.class.getPackage().getImplementationVersion();
    Announcement a = new Announcement(port, ProcessHandle.current().pid(), v == null ? "dev" : v, SchemaVersion.CURRENT,
        code.path().toString(), index.toString());
    Path tmp = index.resolve(ANNOUNCEMENT + "." + a.pid());
    try {
      // One line: the launcher reads it with bash's read.
      Files.write(tmp, (json.writeValueAsString(a) + "\n").getBytes(StandardCharsets.UTF_8));
      try {
        Files.move(tmp, index.resolve(ANNOUNCEMENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, index.resolve(ANNOUNCEMENT), StandardCopyOption.REPLACE_EXISTING);
      }
      return true;
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // nothing was written, or the folder is read-only
      }
      return false;
    }
  }

  /** Removes {@value #ANNOUNCEMENT} if it is still this service's (another serve may have announced itself since). */
  static void withdraw(Path index, int port, ObjectMapper json) {
    Path file = index.resolve(ANNOUNCEMENT);
    try {
      var a = json.readTree(file.toFile());
      if (a.path("pid").asLong() == ProcessHandle.current().pid() && a.path("port").asInt() == port) Files.deleteIfExists(file);
    } catch (IOException | RuntimeException e) {
      // gone already, or unreadable: a launcher ignores a file whose process is gone
    }
  }
}
