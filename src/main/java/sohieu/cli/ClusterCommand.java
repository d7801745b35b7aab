package sohieu.cli;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sohieu.cluster.ClusterSchema;
import sohieu.cluster.Engine;
import sohieu.cluster.EngineException;

/** Sets up an OpenSearch cluster for Sohieu. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = "Set up an OpenSearch cluster (with the sohieu plugin installed on every node) for ingest --engine.",
    subcommands = {ClusterCommand.Init.class})
final class ClusterCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "cluster needs a subcommand: init");
  }

  /** Installs the index template (the local schema as a mapping) and creates the index. */
  @Command(name = "init", mixinStandardHelpOptions = true,
      description = "Install the index template (per-language text fields analyzed by the plugin's sohieu_* analyzers, "
          + "reference keywords, mentions as nested objects, dates, outlet and language keywords) and create the index.",
      footer = {"", "Examples:", "  scripts/sohieu cluster init --engine http://localhost:9200 --shards 3 --replicas 1"})
  static final class Init implements Callable<Integer> {
    @Option(names = "--shards", paramLabel = "N", defaultValue = "3", description = "Primary shards of the index (default ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "1", description = "Replicas of each shard (default ${DEFAULT-VALUE}).")
    int replicas;

    @Mixin
    EngineOption engine;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (!engine.on()) throw new Main.UserError("--engine URL (or SOHIEU_ENGINE) is required");
      Main.atLeast("--shards", shards, 1);
      Main.atLeast("--replicas", replicas, 0);
      try (Engine e = engine.connect()) {
        try {
          e.call("PUT", "/_index_template/" + engine.name, ClusterSchema.template(engine.name, shards, replicas));
          boolean created = true;
          try {
            e.call("PUT", "/" + engine.name, Map.of());
          } catch (EngineException exists) {
            if (exists.status() != 400) throw exists;
            created = false;
          }
          e.call("GET", "/_cluster/health/" + engine.name + "?wait_for_status=yellow&timeout=60s", null);
          spec.commandLine().getOut().println((created ? "created " : "template updated; already there: ")
              + engine.name + " on " + e + " (" + shards + " shards, " + replicas + " replicas)");
        } catch (IOException | RuntimeException x) {
          throw EngineOption.unreachable(e, x);
        }
      }
      return Main.FOUND;
    }
  }
}
