package sohieu.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sohieu.lang.Paragraph;
import sohieu.refs.Citation;
import sohieu.refs.CitationRecognizer;
import sohieu.search.Searcher;
import sohieu.search.StoredArticle;

/** One indexed document: metadata, text by paragraph with languages, and citations. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Show one indexed document: metadata, text (paragraph by paragraph, with languages) and citations.",
    footer = {"", "DOC is the path printed by search and cite, or any end of it that reaches into the file's name",
        "(tvpl/b4a48337, 004) if only one document fits; when several do, they are listed.",
        "Exit codes: 0 shown, 1 no such document, 2 several documents fit or usage error.",
        "Examples:", "  scripts/sohieu show 004", "  scripts/sohieu show corpus/001_95bb9a9cfe72fd45.txt --json"})
final class ShowCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DOC", description = "A path, or an end of one (folder/name start, or a name start).")
  String key;

  /** Candidates listed for an ambiguous DOC: enough to see how to narrow it. */
  private static final int SHOWN = 30;

  @Mixin
  IndexOption index;

  @Mixin
  NoServeOption noServe;

  @Mixin
  OutputOptions output;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (key.isBlank()) throw new Main.UserError("DOC is empty: give a path or the end of one (e.g. tvpl/b4a48337)");
    PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
    Optional<StoredArticle> found;
    try (IndexOption.Opened opened = index.open(CitationRecognizer.standard(), false)) {
      Searcher searcher = opened.searcher();
      found = searcher.show(key);
    } catch (Searcher.AmbiguousPath e) {
      err.println("sohieu show: " + e.getMessage() + ":");
      List<String> candidates = e.candidates();
      for (String path : candidates.subList(0, Math.min(SHOWN, candidates.size()))) err.println("  " + path);
      if (candidates.size() > SHOWN) err.println("  ... and " + (candidates.size() - SHOWN) + " more");
      return Main.ERROR;
    }
    if (found.isEmpty()) {
      err.println("no document " + key + " in " + index.index);
      return Main.NOTHING;
    }
    StoredArticle a = found.get();
    if (!output.table()) {
      Output.print(out, output, a, a.citations());
      return Main.FOUND;
    }
    Style style = new Style(output.colorOn());
    out.println(style.bold(a.title() == null ? a.path() : a.title()));
    Table meta = new Table("FIELD", "VALUE");
    meta.row("path", a.path());
    for (String copy : a.copies()) meta.row("copy", copy);
    meta.row("date", a.date()).row("outlet", a.outlet()).row("url", a.url())
        .row("type", a.contentType()).row("languages", String.join(", ", a.languages())).row("sha256", a.hash());
    meta.print(out, style);
    out.println();
    for (Paragraph p : a.paragraphs()) {
      out.println(style.dim("[" + p.lang() + (p.ocr() ? ", ocr" : "") + "] ") + a.text().substring(p.start(), p.end()));
    }
    out.println();
    Table cs = new Table("CANONICAL", "KIND", "ISSUED", "OFFSETS", "RAW");
    for (Citation c : a.citations()) cs.row(style.accent(c.canonical()), c.kind() == null ? "" : c.kind().name().toLowerCase(Locale.ROOT), c.issued(),
        c.start() + "-" + c.end(), c.raw().replace('\n', ' '));
    if (a.citations().isEmpty()) out.println("no citations"); else cs.print(out, style);
    out.flush();
    return Main.FOUND;
  }
}
