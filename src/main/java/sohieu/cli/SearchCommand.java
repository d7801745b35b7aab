package sohieu.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sohieu.analysis.LanguageAnalyzers;
import sohieu.refs.CitationRecognizer;
import sohieu.search.ArticleQueryParser;
import sohieu.search.Hit;
import sohieu.search.SearchResult;
import sohieu.search.Searcher;

/** Full-text search across languages, ranked, with highlighted snippets. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Full-text search across every language: words, \"phrases\", AND/OR/NOT, +/-, prefix*, (groups),",
        "fields ref: type: issuer: lang: outlet: date:[2023-01-01 TO 2023-12-31]. A citation in any spelling",
        "(12-CT/TW, 16-qd/tw) searches for that document. Vietnamese matches with or without diacritics."},
    footer = {"", "Examples:", "  scripts/sohieu search \"народной дипломатии\"", "  scripts/sohieu search \"nghi quyet\"",
        "  scripts/sohieu search '12-CT/TW дипломатия'", "  scripts/sohieu search 'lang:fr Politburo' --json"})
final class SearchCommand implements Callable<Integer> {
  @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query (several words are joined).")
  String[] words;

  @Option(names = "--limit", defaultValue = "10", description = "Hits to show (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--offset", defaultValue = "0", description = "Hits to skip first.")
  int offset;

  @Option(names = "--sort", defaultValue = "score", description = "score (BM25, default) or date (newest first).")
  String sort;

  @Option(names = "--facets", description = "Also count the documents found by language, month, outlet and reference type.")
  boolean facets;

  @Option(names = "--expand", description = "List every copy of a story as a hit of its own (by default near-duplicates "
      + "and translations are one hit, the best, with the paths of the others).")
  boolean expand;

  @Option(names = "--lang", paramLabel = "LANG", description = "Only documents with paragraphs in this language (vi, ru, fr, pl, en).")
  String lang;

  @Option(names = "--from", paramLabel = "DATE", description = "Only documents published on or after (YYYY, YYYY-MM or YYYY-MM-DD).")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Only documents published on or before (YYYY, YYYY-MM or YYYY-MM-DD).")
  String to;

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
    if (!sort.equals("score") && !sort.equals("date")) throw new Main.UserError("--sort takes score or date, not " + sort);
    Main.atLeast("--limit", limit, 1);
    Main.atLeast("--offset", offset, 0);
    if ((long) offset + limit > sohieu.Limits.RESULT_WINDOW) {
      throw new Main.UserError("--offset plus --limit may reach " + sohieu.Limits.RESULT_WINDOW + " at most, not "
          + ((long) offset + limit) + " (narrow the query, e.g. with --from/--to, to page further)");
    }
    if (lang != null && !LanguageAnalyzers.LANGUAGES.contains(lang)) {
      throw new Main.UserError("--lang takes " + String.join(", ", LanguageAnalyzers.LANGUAGES) + ", not " + lang);
    }
    checkPeriod();
    String query = String.join(" ", words);
    // The options are the query language's own fields, so that both spell the same search.
    List<String> filters = new ArrayList<>();
    if (lang != null) filters.add("+lang:" + lang);
    if (from != null || to != null) filters.add("+date:[" + (from == null ? "*" : from) + " TO " + (to == null ? "*" : to) + "]");
    SearchResult result;
    if (engine.on()) {
      try (sohieu.cluster.Engine e = engine.connect()) {
        try {
          result = new sohieu.cluster.ClusterSearcher(e, engine.name, CitationRecognizer.standard()).search(query, lang,
              from == null ? null : periodDay("--from", from, false), to == null ? null : periodDay("--to", to, true),
              limit, offset, sort.equals("date"), facets);
        } catch (java.io.IOException | RuntimeException x) {
          throw EngineOption.unreachable(e, x);
        }
      }
    } else {
      try (IndexOption.Opened opened = index.open(CitationRecognizer.standard(), false)) {
        Searcher searcher = opened.searcher();
        result = searcher.search(query, filters.isEmpty() ? null : String.join(" ", filters), limit, offset, sort.equals("date"),
            facets, expand);
      }
    }
    PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
    // Said once the query has parsed: a query with an error gets that one line alone.
    for (String field : ArticleQueryParser.unknownFields(query)) {
      err.println("sohieu search: " + field + ": is not a field (the fields are "
          + String.join(", ", ArticleQueryParser.fields()) + "); searched as text");
    }
    if (result.widened() != null) {
      result.widened().forEach((word, prefix) -> err.println("sohieu search: no document has \"" + word
          + "\"; searched the words beginning \"" + prefix.substring(0, prefix.length() - 1) + "\" instead"));
    }
    // Past the end even when offset < total: total counts documents, pages count stories (copies collapse into one hit)
    if (result.hits().isEmpty() && offset > 0) {
      err.println("sohieu search: offset " + offset + " is past the last of " + result.total()
          + (result.total() == 1 ? " result" : " results"));
      if (!output.table()) Output.print(out, output, result, result.hits());
      return Main.NOTHING;
    }
    if (output.table()) {
      print(out, err, result, String.join(" ", words));
    } else {
      SearchResult plain = plain(result);
      Output.print(out, output, plain, plain.hits());
    }
    return result.hits().isEmpty() ? Main.NOTHING : Main.FOUND;
  }

  private void print(PrintWriter out, PrintWriter err, SearchResult result, String typed) {
    Style style = new Style(output.colorOn());
    String undated = result.undatedExcluded() == null || result.undatedExcluded() == 0 ? null
        : result.undatedExcluded() + " undated " + (result.undatedExcluded() == 1 ? "document" : "documents")
            + " left out by the date filter";
    if (result.hits().isEmpty()) {
      err.println("no results for " + typed + (undated == null ? "" : " (" + undated + ")"));
      return;
    }
    int rank = offset;
    for (Hit h : result.hits()) {
      out.println(style.bold(++rank + ". " + (h.title() == null ? h.path() : h.title())));
      out.println("   " + style.dim(String.join(" · ", Output.nonNull(h.date(), h.outlet(),
          String.join("+", h.languages()), String.format(Locale.ROOT, "%.2f", h.score())))));
      out.println("   " + style.dim(h.path()));
      for (String copy : h.copies()) out.println("   " + style.dim("= " + copy));
      if (h.groupSize() > 1) {
        out.println("   " + style.dim("+ " + (h.groupSize() - 1) + " similar (--expand lists them): "
            + String.join(", ", h.similar())));
      }
      if (!h.refs().isEmpty()) out.println("   " + style.accent(String.join(" ", h.refs())));
      for (String s : h.snippets()) out.println("   " + style.marks(clip(s)));
      out.println();
    }
    out.printf(Locale.ROOT, "%d of %d documents%n", result.hits().size(), result.total());
    if (undated != null) out.println(undated);
    if (result.facets() != null) printFacets(out, style, result.facets());
    out.flush();
  }

  /** The facets of the query, the ten largest of each (all of them in the machine formats). */
  private static void printFacets(PrintWriter out, Style style, SearchResult.QueryFacets f) {
    out.println();
    facet(out, style, "languages", f.languages());
    List<sohieu.search.Stats.Count> recent = f.months().subList(Math.max(0, f.months().size() - FACET_ROWS), f.months().size());
    facet(out, style, "months", recent);
    facet(out, style, "outlets", f.outlets());
    facet(out, style, "types", f.types());
  }

  private static final int FACET_ROWS = 10;

  private static void facet(PrintWriter out, Style style, String name, List<sohieu.search.Stats.Count> counts) {
    if (counts.isEmpty()) return;
    StringBuilder line = new StringBuilder();
    for (sohieu.search.Stats.Count c : counts.subList(0, Math.min(FACET_ROWS, counts.size()))) {
      if (!line.isEmpty()) line.append("  ");
      line.append(c.label()).append(' ').append(c.documents());
    }
    if (counts.size() > FACET_ROWS) line.append("  …");
    out.println(style.dim(String.format(Locale.ROOT, "%-10s", name)) + line);
  }

  /**
   * --from after --to finds nothing whatever the index holds: a mistake, said so rather than answered with no hits.
   * Either that is not a date is named here, before it becomes part of a query.
   */
  private void checkPeriod() {
    LocalDate start = from == null ? null : periodDay("--from", from, false), end = to == null ? null : periodDay("--to", to, true);
    if (start == null || end == null) return;
    if (start != null && end != null && start.isAfter(end)) throw new Main.UserError("--from " + from + " is after --to " + to);
  }

  /** The first or last day of YYYY, YYYY-MM or YYYY-MM-DD; a user error naming {@code option} when it is none of these. */
  private static LocalDate periodDay(String option, String s, boolean last) {
    try {
      if (!s.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) throw new DateTimeParseException("", s, 0);
      return switch (s.length()) {
        case 4 -> last ? Year.parse(s).atMonth(12).atEndOfMonth() : Year.parse(s).atDay(1);
        case 7 -> last ? YearMonth.parse(s).atEndOfMonth() : YearMonth.parse(s).atDay(1);
        default -> LocalDate.parse(s);
      };
    } catch (DateTimeParseException e) {
      throw new Main.UserError(option + " takes a date YYYY, YYYY-MM or YYYY-MM-DD, not " + s);
    }
  }

  /** The snippet clipped, never inside a match: an open mark would leave a terminal highlighted. */
  private static String clip(String snippet) {
    String c = Output.clip(snippet, 400);
    int open = c.lastIndexOf(Style.OPEN_MARK);
    if (open <= c.lastIndexOf(Style.CLOSE_MARK)) return c;
    String head = c.substring(0, c.length() - 1); // before the ellipsis
    return (open == head.length() - 1 ? head.substring(0, open) : head + Style.CLOSE_MARK) + "…";
  }

  /** The result with the highlighter's marks removed, for machines. */
  private static SearchResult plain(SearchResult r) {
    return r.withHits(r.hits().stream().map(h -> h.withSnippets(h.snippets().stream().map(Style::plain).toList())).toList());
  }
}
