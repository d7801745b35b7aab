package sohieu.cli;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sohieu.refs.Citation;
import sohieu.refs.CitationRecognizer;
import sohieu.refs.Vocabulary;
import sohieu.search.CiteProfile;
import sohieu.search.CiteResult;
import sohieu.search.ReferenceRow;
import sohieu.search.CitingArticle;
import sohieu.search.Searcher;
import sohieu.search.Reports;

/** Every article citing one document, with the sentence of each mention. */
@Command(name = "cite", mixinStandardHelpOptions = true,
    description = {"Every article that cites a document, given its number in any spelling the recognizer accepts",
        "(16-QĐ/TW, 16-qd/tw, \"43- KL/TW\", 36/NQ-TW, 15/2020/nd-cp), with the sentence of each mention."},
    footer = {"", "Examples:", "  scripts/sohieu cite 12-CT/TW", "  scripts/sohieu cite 16-qd/tw --json",
        "  scripts/sohieu cite 25-NQ/TW --jsonl | jq -r .sentence"})
final class CiteCommand implements Callable<Integer> {
  /** Characters of a mention's sentence the table shows, around the mention; machine formats give all of it. */
  private static final int SENTENCE_SHOWN = 300;

  @Parameters(paramLabel = "REF", arity = "1..*", description = "A document number, e.g. 12-CT/TW.")
  String[] ref;

  /** Null when not given: the table shows 20, machine formats everything. */
  @Option(names = "--limit", paramLabel = "N",
      description = "Articles to show, newest first (default 20 in the table; --json, --jsonl and --csv give all unless --limit is given).")
  Integer limit;

  @Option(names = "--timeline", description = "Also draw mentions per month as a chart.")
  boolean timeline;

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

  private PrintWriter out;

  @Override
  public Integer call() throws Exception {
    if (limit != null) Main.atLeast("--limit", limit, 1);
    out = spec.commandLine().getOut();
    String typed = String.join(" ", ref);
    CitationRecognizer recognizer = CitationRecognizer.standard();
    String canonical = recognizer.canonicalize(typed)
        .orElseThrow(() -> new Main.UserError("'" + Output.clip(typed, 80) + "' is not a document number (e.g. 12-CT/TW, 15/2020/NĐ-CP)"));
    CiteResult result;
    CiteProfile profile;
    List<String> near;
    // Machine formats are complete unless a limit is asked for; a person reads the newest page.
    boolean all = !output.table() && limit == null;
    int shown = limit != null ? limit : all ? Integer.MAX_VALUE : 20;
    if (engine.on()) {
      try (sohieu.cluster.Engine e = engine.connect()) {
        try {
          sohieu.cluster.ClusterSearcher searcher = new sohieu.cluster.ClusterSearcher(e, engine.name, recognizer);
          result = searcher.cite(canonical, shown);
          profile = searcher.profile(canonical, output.table() ? 8 : Integer.MAX_VALUE);
          near = result.articles().isEmpty() ? searcher.nearMisses(canonical) : List.of();
        } catch (java.io.IOException | RuntimeException x) {
          throw EngineOption.unreachable(e, x);
        }
      }
    } else {
      try (IndexOption.Opened opened = index.open(recognizer, true)) {
        Searcher searcher = opened.searcher();
        result = searcher.cite(canonical, shown);
        profile = searcher.profile(canonical, output.table() ? 8 : Integer.MAX_VALUE);
        near = result.articles().isEmpty() ? searcher.nearMisses(canonical) : List.of();
      }
    }
    Reports.Cite report = new Reports.Cite(canonical, result.total(), profile, result.articles(), near);
    if (result.articles().isEmpty()) {
      String hint = near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?";
      // The JSON document is whole even when empty; JSON lines and CSV have no record to print.
      if (output.json()) Output.print(out, output, report, List.of());
      spec.commandLine().getErr().println("no citations of " + canonical + " in " + (engine.on() ? engine.name : index.index) + hint);
      return Main.NOTHING;
    }
    if (output.table()) {
      print(result, profile, recognizer.vocabulary());
      out.flush();
    } else {
      Output.print(out, output, report, Reports.Mention.of(result));
    }
    return Main.FOUND;
  }

  private void printIdentity(CiteProfile profile, Vocabulary words, Style style) {
    ReferenceRow r = profile.reference();
    String type = words.typeName(r.type(), "en"), issuer = words.issuerName(r.issuer(), "en");
    String typeVi = words.typeName(r.type(), "vi"), issuerVi = words.issuerName(r.issuer(), "vi");
    if (type != null || issuer != null) {
      out.println("   " + Output.nonNull(type, issuer == null ? null : "of the " + issuer).stream()
          .reduce((a, b) -> a + " " + b).orElse("") + style.dim(typeVi == null ? "" : "  (" + typeVi
          + (issuerVi == null ? "" : " " + issuerVi) + ")"));
    }
    if (!r.issued().isEmpty()) {
      List<String> dates = new ArrayList<>();
      r.issued().forEach((d, n) -> dates.add(d + " (stated in " + n + (n == 1 ? " article)" : " articles)")));
      out.println("   issued " + String.join(", ", dates) + (r.issued().size() > 1 ? style.bold("  conflicting dates") : ""));
    }
    if (r.articles() > 0) { // none when only the document's own text is indexed
      out.println("   " + r.mentions() + (r.mentions() == 1 ? " mention, " : " mentions, ") + String.join("+", r.languages()) + ", seen "
          + (r.firstSeen() == null ? "(undated)" : r.firstSeen() + " to " + r.lastSeen()));
    }
    if (!profile.coCited().isEmpty()) {
      out.println("   cited with " + String.join(", ", profile.coCited().stream()
          .map(c -> style.accent(c.label()) + " (" + c.documents() + ")").toList()));
    }
    if (timeline) printTimeline(profile.timeline(), style);
  }

  /** Mentions per month from the first to the last, one bar per month. */
  private void printTimeline(Map<String, Long> months, Style style) {
    if (months.isEmpty()) return;
    out.println();
    long max = months.values().stream().mapToLong(Long::longValue).max().orElse(1);
    YearMonth first = YearMonth.parse(months.keySet().iterator().next()), last = first;
    for (String m : months.keySet()) last = YearMonth.parse(m);
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      long n = months.getOrDefault(m.toString(), 0L);
      int width = (int) Math.round(40.0 * n / max);
      out.printf(Locale.ROOT, "   %s %s %d%n", m, style.accent("█".repeat(width) + (n > 0 && width == 0 ? "▏" : "")), n);
    }
  }

  private void print(CiteResult result, CiteProfile profile, Vocabulary words) {
    Style style = new Style(output.colorOn());
    long listed = result.articles().stream().filter(a -> !a.self()).count();
    out.println(style.bold(result.canonical()) + style.dim("  cited by " + result.total() + (result.total() == 1 ? " article" : " articles")
        + (result.total() > listed ? ", newest " + listed + " shown" : "")));
    if (profile != null) printIdentity(profile, words, style);
    out.println();
    for (CitingArticle a : result.articles()) {
      out.println(style.bold((a.self() ? "[the document itself] " : "") + (a.title() == null ? a.path() : a.title())));
      out.println("   " + style.dim(String.join(" · ", Output.nonNull(a.date(), a.outlet(), String.join("+", a.languages()), a.path()))));
      for (String copy : a.copies()) out.println("   " + style.dim("= " + copy));
      for (Citation c : a.mentions()) {
        String sentence = c.sentence();
        int at = sentence.indexOf(c.raw());
        String shown = at < 0 ? Output.clip(sentence, SENTENCE_SHOWN)
            : Output.clipAround(sentence, at, at + c.raw().length(), SENTENCE_SHOWN);
        String issued = c.issued() == null ? "" : style.dim("  (issued " + c.issued() + ")");
        out.println("   - " + style.marks(shown) + issued);
      }
      out.println();
    }
  }
}
