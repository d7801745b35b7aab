package sohieu.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Ingests the shipped sample corpus and runs a few showcase searches and citation lookups. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Ingest the shipped corpus/ into index/, then run showcase searches and citation lookups.",
    footer = {"", "Example:", "  scripts/sohieu demo"})
final class DemoCommand implements Callable<Integer> {
  private static final Path HOME = Path.of(System.getenv().getOrDefault("SOHIEU_HOME", "."));

  @Option(names = "--corpus", paramLabel = "DIR", description = "Sample files (default: the project's corpus/).")
  Path corpus = HOME.resolve("corpus");

  @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: the project's index/).")
  Path index = HOME.resolve("index");

  /** The launcher's start-up cache is trained on lookups alone, over an index it ingested in another process. */
  @Option(names = "--lookups-only", hidden = true, description = "Skip the ingest; the index must exist.")
  boolean lookupsOnly;

  @Override
  public Integer call() {
    if (!Files.isDirectory(corpus)) throw new Main.UserError(corpus + ": no such folder (run from the project root)");
    String idx = index.toString();
    List<String[]> steps = new ArrayList<>();
    if (!lookupsOnly) steps.add(new String[] {"ingest", "--exclude", "SOURCES.md", "--index", idx, corpus.toString()});
    steps.add(new String[] {"stats", "--top", "8", "--index", idx});
    steps.add(new String[] {"cite", "12-CT/TW", "--index", idx});
    steps.add(new String[] {"cite", "16-qd/tw", "--index", idx});
    steps.add(new String[] {"search", "народной дипломатии", "--limit", "2", "--index", idx});
    steps.add(new String[] {"search", "nghi quyet", "--limit", "2", "--index", idx});
    steps.add(new String[] {"search", "étranger", "--limit", "1", "--index", idx});
    if (lookupsOnly) {
      steps.add(new String[] {"refs", "--limit", "3", "--index", idx});
      steps.add(new String[] {"cite", "25-NQ/TW", "--json", "--index", idx});
    }
    for (String[] step : steps) {
      System.out.println("$ sohieu " + String.join(" ", quoted(step)));
      int code = Main.commandLine().execute(step);
      System.out.println();
      if (code == Main.ERROR) return code;
    }
    return Main.FOUND;
  }

  private static List<String> quoted(String[] args) {
    List<String> out = new ArrayList<>();
    for (String a : args) out.add(a.contains(" ") || a.contains("*") ? "'" + a + "'" : a);
    return out;
  }
}
