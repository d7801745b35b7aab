package sohieu.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import sohieu.cluster.ClusterSchema;
import sohieu.cluster.Engine;

/**
 * The options that point a command at an OpenSearch cluster instead of the local index. Credentials come from the
 * environment only (SOHIEU_ENGINE_USER, SOHIEU_ENGINE_PASSWORD), so that no password shows in a process list or a
 * shell's history; nothing prints the password.
 */
final class EngineOption {
  /** The default, from the environment (a serve reads the client's instead: {@link ServedCommand}). */
  static final String DEFAULT = "${env:SOHIEU_ENGINE}";

  @Option(names = "--engine", paramLabel = "URL", defaultValue = DEFAULT,
      description = "An OpenSearch cluster with the sohieu plugin instead of the local index: node URLs, comma-separated "
          + "(default: $SOHIEU_ENGINE). Basic auth from $SOHIEU_ENGINE_USER and $SOHIEU_ENGINE_PASSWORD.")
  String url;

  @Option(names = "--engine-index", paramLabel = "NAME", defaultValue = ClusterSchema.DEFAULT_INDEX,
      description = "The index in the cluster (default ${DEFAULT-VALUE}).")
  String name;

  @Option(names = "--ca-file", paramLabel = "FILE",
      description = "PEM or DER certificate of the CA that signed the cluster's certificates (for https:// URLs).")
  Path caFile;

  boolean on() {
    return url != null && !url.isBlank();
  }

  Engine connect() {
    if (caFile != null && !Files.isReadable(caFile)) throw new Main.UserError("--ca-file " + caFile + ": no such readable file");
    return Engine.connect(url, caFile);
  }

  /** A failure to talk to the cluster in one line, naming it (never its credentials). */
  static Main.UserError unreachable(Engine engine, Exception e) {
    // One line: a transport's message may carry the answer's body (a proxy's HTML page) on the lines after the first
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("").strip();
    return new Main.UserError("engine " + engine + ": " + why);
  }
}
