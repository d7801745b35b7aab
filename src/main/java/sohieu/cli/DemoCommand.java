package sohieu.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

  /**
   * The launcher trains a start-up cache per lookup command on that command's steps alone, over an index it ingested
   * in another process: a cache holds what its command loads and nothing more, so that it maps quickly.
   */
  @Option(names = "--lookups-only", hidden = true, arity = "0..1", fallbackValue = "all", paramLabel = "COMMAND",
      description = "Skip the ingest (the index must exist); run the steps of this lookup only, or of all.")
  String lookupsOnly;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (!Files.isDirectory(corpus)) throw new Main.UserError(corpus + ": no such folder (run from the project root)");
    String idx = index.toString();
    boolean lookups = lookupsOnly != null;
    if (!lookups && !spec.commandLine().getParseResult().hasMatchedOption("--index")
        && !Files.isSymbolicLink(index)) rebuildIfOutdated(spec.commandLine().getErr());
    List<String[]> steps = new ArrayList<>();
    if (!lookups) steps.add(new String[] {"ingest", "--exclude", "SOURCES.md", "--index", idx, corpus.toString()});
    steps.add(new String[] {"stats", "--top", "8", "--index", idx});
    steps.add(new String[] {"cite", "12-CT/TW", "--index", idx});
    steps.add(new String[] {"cite", "16-qd/tw", "--index", idx});
    steps.add(new String[] {"search", "народной дипломатии", "--limit", "2", "--index", idx});
    steps.add(new String[] {"search", "nghi quyet", "--limit", "2", "--index", idx});
    steps.add(new String[] {"search", "étranger", "--limit", "1", "--index", idx});
    if (lookups) {
      steps.add(new String[] {"refs", "--limit", "3", "--index", idx});
      steps.add(new String[] {"cite", "25-NQ/TW", "--json", "--index", idx});
      steps.add(new String[] {"show", "002_7ecb", "--index", idx});
      steps.add(new String[] {"show", "NQ57", "--json", "--index", idx});
      steps.add(new String[] {"search", "Nghị quyết 57-NQ/TW", "--json", "--index", idx});
      if (!lookupsOnly.equals("all")) {
        steps.removeIf(step -> !step[0].equals(lookupsOnly));
        if (steps.isEmpty()) throw new Main.UserError("--lookups-only: '" + lookupsOnly + "' is not a lookup (cite, search, refs, show, stats)");
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    for (String[] step : steps) {
      out.println("$ sohieu " + String.join(" ", quoted(step)));
      // Each step writes where the demo does.
      // Built as the command line alone builds it, so that a cache trained here holds what that command loads.
      int code = Main.commandLine(step).setOut(out).setErr(spec.commandLine().getErr()).execute(step);
      out.println();
      if (code == Main.ERROR) return code;
    }
    return Main.FOUND;
  }

  private static List<String> quoted(String[] args) {
    List<String> out = new ArrayList<>();
    for (String a : args) out.add(a.contains(" ") || a.contains("*") ? "'" + a + "'" : a);
    return out;
  }

  /**
   * The project's own index/ written by another schema (an earlier checkout's demo) is the demo's to rebuild: its
   * Lucene files go, the folder and its .gitkeep stay. An index given with --index is never touched.
   */
  private void rebuildIfOutdated(java.io.PrintWriter err) {
    try (var snapshot = sohieu.index.IndexStore.openForRead(index)) {
      return;
    } catch (sohieu.schema.SchemaMismatchException outdated) {
      err.println("sohieu demo: " + index + " holds an index of another schema (" + outdated.getMessage().replaceFirst(":.*", "") + "); rebuilding it");
    } catch (Exception none) {
      return; // no index yet, or one ingest will report
    }
    try (var files = Files.list(index)) {
      for (java.nio.file.Path f : files.toList()) if (Files.isRegularFile(f) && !f.getFileName().toString().startsWith(".")) Files.delete(f);
    } catch (java.io.IOException e) {
      throw new Main.UserError(index + ": could not clear the outdated index (" + e.getMessage() + ")");
    }
  }
}
