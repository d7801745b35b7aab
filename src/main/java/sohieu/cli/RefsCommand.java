package sohieu.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sohieu.refs.CitationRecognizer;
import sohieu.refs.Vocabulary;
import sohieu.search.ReferenceRow;
import sohieu.search.Searcher;
import sohieu.search.Reports;

/** Every reference in the index as a table: articles, mentions, first and last seen, languages, stated issue date. */
@Command(name = "refs", mixinStandardHelpOptions = true,
    description = "Every document number cited in the index, most cited first: articles, mentions, first and last "
        + "seen, languages, type, issuer and the issue date the texts state.",
    footer = {"", "Examples:", "  scripts/sohieu refs", "  scripts/sohieu refs --type CT --min-articles 2",
        "  scripts/sohieu refs --issuer TW --since 2023-01-01 --csv"})
final class RefsCommand implements Callable<Integer> {
  @Option(names = "--type", paramLabel = "CODE", description = "Only this document type (NQ, KL, CT, QĐ or QD, KH, ...).")
  String type;

  @Option(names = "--issuer", paramLabel = "CODE", description = "Only this issuer (TW, TU, CP, QH15, ...).")
  String issuer;

  @Option(names = "--since", paramLabel = "DATE", description = "Count only articles published on or after this date (YYYY-MM-DD).")
  String since;

  @Option(names = "--min-articles", paramLabel = "N", defaultValue = "1", description = "Only references cited by at least N articles.")
  long minArticles;

  /** Null when not given: the table shows 50, machine formats everything. */
  @Option(names = "--limit", paramLabel = "N",
      description = "References to show, most cited first (default 50 in the table; --json, --jsonl and --csv give all unless --limit is given).")
  Integer limit;

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
    if (limit != null) Main.atLeast("--limit", limit, 1);
    LocalDate from = null;
    if (since != null) {
      try {
        from = LocalDate.parse(since);
      } catch (DateTimeParseException e) {
        throw new Main.UserError("--since takes a date as YYYY-MM-DD, not " + since);
      }
    }
    PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
    List<ReferenceRow> rows;
    CitationRecognizer recognizer = CitationRecognizer.standard();
    if (engine.on()) {
      try (sohieu.cluster.Engine e = engine.connect()) {
        try {
          rows = new sohieu.cluster.ClusterSearcher(e, engine.name, recognizer)
              .refs(code(recognizer, type), issuerCode(recognizer, issuer), from, minArticles);
        } catch (java.io.IOException | RuntimeException x) {
          throw EngineOption.unreachable(e, x);
        }
      }
    } else {
      try (IndexOption.Opened opened = index.open(recognizer, false)) {
        Searcher searcher = opened.searcher();
        rows = searcher.refs(code(recognizer, type), issuerCode(recognizer, issuer), from, minArticles);
      }
    }
    if (!output.table()) {
      // Machine formats are complete unless a limit is asked for.
      if (limit != null && rows.size() > limit) rows = rows.subList(0, limit);
      Output.print(out, output, new Reports.Refs(rows), rows);
    } else if (!rows.isEmpty()) {
      Style style = new Style(output.colorOn());
      Vocabulary words = recognizer.vocabulary();
      Table t = new Table("REFERENCE", "ARTICLES", "MENTIONS", "FIRST", "LAST", "LANGS", "TYPE", "ISSUER", "ISSUED").shrinkable(6, 7);
      int shown = limit == null ? 50 : limit;
      for (ReferenceRow r : rows.subList(0, Math.min(shown, rows.size()))) {
        String issued = r.issuedDate() == null ? null : r.issuedDate() + (r.issued().size() > 1 ? " (!)" : "");
        t.row(style.accent(r.canonical()), r.articles(), r.mentions(), r.firstSeen(), r.lastSeen(),
            String.join("+", r.languages()), words.typeName(r.type(), "en"), words.issuerName(r.issuer(), "en"), issued);
      }
      t.print(out, style);
      if (rows.size() > shown) out.println(style.dim((rows.size() - shown) + " more; --limit to see them"));
      if (rows.stream().anyMatch(r -> r.issued().size() > 1)) out.println(style.dim("(!) the texts state different issue dates: see cite"));
      out.flush();
    } else {
      err.println("no references match in " + (engine.on() ? engine.name : index.index));
    }
    return rows.isEmpty() ? Main.NOTHING : Main.FOUND;
  }

  /** Codes as the recognizer writes them ("qd" -> "QĐ"); the comparison ignores case. */
  /** A party body's code as its numbers are stored ("TƯ" is TW). */
  private static String issuerCode(CitationRecognizer recognizer, String s) {
    String code = code(recognizer, s);
    String party = recognizer.vocabulary().partyIssuer(code);
    return party != null ? party : code;
  }

  private static String code(CitationRecognizer recognizer, String s) {
    if (s == null) return null;
    String official = recognizer.vocabulary().spelling(s);
    return official != null ? official : s;
  }
}
