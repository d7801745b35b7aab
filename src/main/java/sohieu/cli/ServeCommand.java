package sohieu.cli;

import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sohieu.serve.Server;

/** The index as a local web service: the JSON API and the page, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the index over HTTP: a web page at / and a JSON API under /api/ (search, facets, cite, refs, "
        + "docs/{id}, stats, scan) answering with the JSON of the commands. Read-only; follows new commits of an "
        + "ingest running beside it within seconds. While it runs, scripts/sohieu answers cite, search, refs, show and "
        + "stats on the same index from it (announced in INDEX/.serve.json; --no-serve answers in process). "
        + "Stops on Ctrl-C (SIGINT) or SIGTERM.",
    footer = {"", "Examples:", "  scripts/sohieu serve", "  scripts/sohieu serve --index index --port 9000",
        "  curl 'http://127.0.0.1:8080/api/cite?ref=12-CT/TW'"})
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default ${DEFAULT-VALUE}, this machine only; 0.0.0.0 opens it to the network).")
  String bind;

  @Option(names = "--search-timeout", paramLabel = "MS", defaultValue = "2000",
      description = "Give up on a search after this long and answer 503 (default ${DEFAULT-VALUE} ms).")
  int searchMillis;

  @Mixin
  IndexOption index;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65_535) throw new Main.UserError("--port takes 0 to 65535, not " + port);
    Main.atLeast("--search-timeout", searchMillis, 1);
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new Main.UserError("--bind " + bind + " is not an address of this machine");
    }
    Server server;
    try {
      server = new Server(index.index, new InetSocketAddress(address, port), Json.MAPPER, searchMillis, ServedCommand::run);
    } catch (BindException e) {
      throw new Main.UserError("cannot listen on " + bind + ":" + port + " (" + e.getMessage()
          + "): another program has the port; give --port another, or 0 for any free one");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // SIGINT and SIGTERM run the shutdown hooks: requests under way finish, then the index is closed.
    Thread hook = Thread.ofPlatform().unstarted(() -> {
      try {
        server.close();
      } catch (java.io.IOException e) {
        // exiting anyway; the index is only read
      }
      stopped.countDown();
    });
    Runtime.getRuntime().addShutdownHook(hook);
    server.start();
    InetSocketAddress at = server.address();
    PrintWriter err = spec.commandLine().getErr();
    String host = at.getAddress().isAnyLocalAddress() ? "localhost"
        : at.getAddress() instanceof java.net.Inet6Address ? "[" + at.getHostString() + "]" : at.getHostString();
    err.println("sohieu serve: http://" + host + ":" + at.getPort()
        + "/ serving " + index.index + " (Ctrl-C stops)");
    err.flush();
    stopped.await();
    return Main.FOUND;
  }
}
