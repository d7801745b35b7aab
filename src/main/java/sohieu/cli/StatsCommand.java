package sohieu.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sohieu.index.FailedFiles;
import sohieu.refs.CitationRecognizer;
import sohieu.search.Searcher;
import sohieu.search.Stats;

/** Counts over the index: documents by language, outlet and month; the most cited references. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Documents by language, outlet and month, and the most cited references.",
    footer = {"", "Examples:", "  scripts/sohieu stats", "  scripts/sohieu stats --top 5 --json"})
final class StatsCommand implements Callable<Integer> {
  @Option(names = "--top", defaultValue = "20", description = "References and outlets to list (default ${DEFAULT-VALUE}).")
  int top;

  @Mixin
  IndexOption index;

  @Mixin
  NoServeOption noServe;

  @Mixin
  EngineOption engine;

  @Mixin
  OutputOptions output;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Main.atLeast("--top", top, 1);
    PrintWriter out = spec.commandLine().getOut();
    Stats stats;
    if (engine.on()) {
      try (sohieu.cluster.Engine e = engine.connect()) {
        try {
          stats = new sohieu.cluster.ClusterSearcher(e, engine.name, CitationRecognizer.standard()).stats(top);
        } catch (java.io.IOException | RuntimeException x) {
          throw EngineOption.unreachable(e, x);
        }
      }
    } else {
      try (IndexOption.Opened opened = index.open(CitationRecognizer.standard(), false)) {
        Searcher searcher = opened.searcher();
        stats = searcher.stats(top);
      }
    }
    if (!output.table()) {
      Output.print(out, output, stats, stats.references());
    } else {
      Style style = new Style(output.colorOn());
      out.println(style.bold(stats.documents() + " documents in " + (engine.on() ? engine.name : index.index)));
      section(out, "LANGUAGE", stats.languages(), style);
      section(out, "OUTLET", stats.outlets(), style);
      List<Stats.Count> months = new ArrayList<>(stats.months());
      if (stats.undated() > 0) months.add(new Stats.Count("undated", stats.undated()));
      section(out, "MONTH", months, style);
      section(out, "MOST CITED", stats.references(), style);
      section(out, "REFERENCE TYPE", stats.types(), style);
      if (!engine.on()) failedFiles(out, style);
      out.flush();
    }
    return stats.documents() == 0 ? Main.NOTHING : Main.FOUND;
  }

  /** The files the last ingests could not index, and why: the index is missing them. */
  private void failedFiles(PrintWriter out, Style style) throws java.io.IOException {
    List<FailedFiles.Entry> failed = FailedFiles.read(index.index);
    if (failed.isEmpty()) return;
    out.println();
    out.println(style.bold(failed.size() + (failed.size() == 1 ? " file is" : " files are") + " not in the index (ingest failed):"));
    Table t = new Table("NOT INDEXED", "REASON");
    for (FailedFiles.Entry e : failed) t.row(e.path(), e.reason());
    t.print(out, style);
  }

  private static void section(PrintWriter out, String title, List<Stats.Count> counts, Style style) {
    if (counts.isEmpty()) return;
    out.println();
    Table t = new Table(title, "DOCUMENTS");
    for (Stats.Count c : counts) t.row(c.label(), c.documents());
    t.print(out, style);
  }
}
