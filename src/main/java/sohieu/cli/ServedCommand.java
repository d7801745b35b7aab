package sohieu.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import sohieu.serve.Route.Index;
import sohieu.serve.Route.Lent;
import sohieu.serve.Route.Outcome;
import sohieu.serve.Route.Request;

/**
 * A lookup run by a serve for a client process (scripts/sohieu asks a serve running on the index, to spare itself
 * a JVM's start): the same command on the serve's warm searcher, printing into buffers what it would have printed
 * in the client, byte for byte. What the two processes may differ in comes from the client: its working directory
 * (to find the index it names), whether it is at a terminal and how wide, the environment variables a command
 * reads. The serve answers only for the index it serves; any other, and the client runs the command itself.
 */
public final class ServedCommand {
  private ServedCommand() {}

  /** The commands a serve runs for a client: those that only read the index. */
  private static final Set<String> COMMANDS = Set.of("cite", "search", "refs", "show", "stats");

  static final ScopedValue<Served> SERVED = ScopedValue.newInstance();

  /** The options whose default names an environment variable, as picocli writes it: ${env:NAME} or ${env:NAME:-default}. */
  private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:(\\w+)(?::-([^}]*))?}");

  /** Runs {@code request} on {@code index}, answering with up to {@code maxOut} bytes of output and {@code maxErr} of error. */
  public static Outcome run(Request request, Index index, int maxOut, int maxErr) {
    List<String> args = request.args();
    if (args.isEmpty() || !COMMANDS.contains(args.get(0)) || !local(request)) return Outcome.REFUSED;
    Served served = new Served(index, request.cwd());
    Buffer out = new Buffer(maxOut), err = new Buffer(maxErr);
    // The client's JVM would have read these defaults from its own environment, not the serve's.
    CommandLine.IDefaultValueProvider defaults = arg -> {
      String option = arg instanceof CommandLine.Model.OptionSpec o ? o.longestName() : "";
      Matcher m = ENV_DEFAULT.matcher(option.equals("--index") ? IndexOption.DEFAULT : option.equals("--engine") ? EngineOption.DEFAULT : "");
      if (!m.matches()) return null;
      String value = request.env().get(m.group(1));
      return value != null ? value : m.group(2) != null ? m.group(2) : "";
    };
    int code = ScopedValue.where(SERVED, served)
        .where(Terminal.CLIENT, new Terminal.Client(request.console(), request.sttyColumns(), request.env()))
        // The client's standard streams are UTF-8: scripts/sohieu asks a serve only under a UTF-8 locale.
        .call(() -> Main.run(new Main.StandardStream(out, StandardCharsets.UTF_8), new Main.StandardStream(err, StandardCharsets.UTF_8),
            defaults, args.toArray(String[]::new)));
    if (served.elsewhere || out.over || err.over) return Outcome.REFUSED;
    return new Outcome(true, code, out.toByteArray(), err.toByteArray());
  }

  /**
   * Whether the command reads nothing of the client's but the index: not a cluster (--engine, --ca-file,
   * $SOHIEU_ENGINE), no @file of arguments (picocli would read it here, relative to the serve's folder).
   */
  private static boolean local(Request request) {
    for (String a : request.args()) if (a.startsWith("--engine") || a.startsWith("--ca-file") || a.startsWith("@")) return false;
    String engine = request.env().get("SOHIEU_ENGINE");
    return engine == null || engine.isBlank();
  }

  /** The serve's side of one command: lends the warm searcher when the command opens the served index. */
  static final class Served {
    private final Index index;
    private final Path cwd;
    /** The command named another index than the served one. */
    private volatile boolean elsewhere;

    private Served(Index index, Path cwd) {
      this.index = index;
      this.cwd = cwd;
    }

    IndexOption.Opened lend(Path folder) throws IOException {
      Path real;
      try {
        real = cwd.resolve(folder).toRealPath();
      } catch (IOException e) {
        real = null;
      }
      if (!index.folder().equals(real)) {
        elsewhere = true;
        throw new IllegalStateException("not the served index: " + folder);
      }
      Lent lent = index.acquire();
      return new IndexOption.Opened(lent.searcher(), lent.giveBack());
    }
  }

  /**
   * A stream's bytes, kept up to a limit; past it, the command is stopped (a huge answer would be printed for
   * nothing) and the client runs it itself.
   */
  private static final class Buffer extends ByteArrayOutputStream {
    private final int max;
    private boolean over;

    Buffer(int max) { this.max = max; }

    @Override
    public synchronized void write(int b) {
      room(1);
      super.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      room(len);
      super.write(b, off, len);
    }

    private void room(int len) {
      if (over || count + len > max) {
        over = true;
        // Unchecked: a PrintWriter would swallow an IOException and let the command go on printing.
        throw new IllegalStateException("answer over " + max + " bytes");
      }
    }
  }
}
