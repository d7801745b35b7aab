package sohieu.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a command asks of the terminal and the environment it prints for: this process's own, or, when a serve runs
 * the command for a client ({@link ServedCommand}), the client's, so that both print the same bytes.
 */
final class Terminal {
  private Terminal() {}

  /** The client's side of a command a serve runs: whether it is at a terminal, its width, its environment. */
  record Client(boolean console, int sttyColumns, Map<String, String> env) {}

  static final ScopedValue<Client> CLIENT = ScopedValue.newInstance();

  /** Whether standard input and output are a terminal (the JDK's console exists exactly then). */
  static boolean console() {
    if (CLIENT.isBound()) return CLIENT.get().console();
    java.io.Console console = System.console();
    return console != null && console.isTerminal();
  }

  /** An environment variable, or null when unset. */
  static String env(String name) {
    return CLIENT.isBound() ? CLIENT.get().env().get(name) : System.getenv(name);
  }

  /** The width {@code stty size} gives the controlling terminal (Java itself cannot ask), or 0. */
  static int sttyColumns() {
    if (CLIENT.isBound()) return CLIENT.get().sttyColumns();
    try {
      Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty")).redirectErrorStream(true).start();
      String[] size = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split(" ");
      return p.waitFor() == 0 && size.length == 2 ? Integer.parseInt(size[1]) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
