package sohieu.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sohieu.refs.Citation;
import sohieu.refs.CitationRecognizer;
import sohieu.search.CiteResult;
import sohieu.search.CitingArticle;
import sohieu.search.Searcher;

/** Every article citing one document, with the sentence of each mention. */
@Command(name = "cite", mixinStandardHelpOptions = true,
    description = {"Every article that cites a document, given its number in any spelling the recognizer accepts",
        "(16-QĐ/TW, 16-qd/tw, \"43- KL/TW\", 15/2020/nd-cp), with the sentence of each mention."},
    footer = {"", "Examples:", "  scripts/sohieu cite 12-CT/TW", "  scripts/sohieu cite 16-qd/tw --json",
        "  scripts/sohieu cite 25-NQ/TW --jsonl | jq -r .sentence"})
final class CiteCommand implements Callable<Integer> {
  @Parameters(paramLabel = "REF", arity = "1..*", description = "A document number, e.g. 12-CT/TW.")
  String[] ref;

  @Option(names = "--limit", defaultValue = "20", description = "Articles to show, newest first (default ${DEFAULT-VALUE}).")
  int limit;

  @Mixin
  IndexOption index;

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() throws Exception {
    String typed = String.join(" ", ref);
    CitationRecognizer recognizer = CitationRecognizer.standard();
    String canonical = recognizer.canonicalize(typed)
        .orElseThrow(() -> new Main.UserError("'" + typed + "' is not a document number (e.g. 12-CT/TW, 15/2020/NĐ-CP)"));
    CiteResult result;
    List<String> near;
    try (Searcher searcher = Searcher.open(index.index, recognizer)) {
      result = searcher.cite(canonical, limit);
      near = result.articles().isEmpty() ? searcher.nearMisses(canonical) : List.of();
    }
    if (result.articles().isEmpty()) {
      String hint = near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?";
      if (output.json) System.out.println(Json.MAPPER.writeValueAsString(Output.map("canonical", canonical,
          "articles", List.of(), "suggestions", near)));
      System.err.println("no citations of " + canonical + " in " + index.index + hint);
      return Main.NOTHING;
    }
    if (output.table()) print(result); else Output.print(output, result, "mentions", mentionRows(result));
    return Main.FOUND;
  }

  private static List<Map<String, Object>> mentionRows(CiteResult result) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CitingArticle a : result.articles()) {
      for (Citation c : a.mentions()) {
        rows.add(Output.map("canonical", result.canonical(), "path", a.path(), "title", a.title(), "date", a.date(),
            "outlet", a.outlet(), "self", a.self(), "raw", c.raw(), "kind", c.kind(), "issued", c.issued(),
            "start", c.start(), "end", c.end(), "sentence", c.sentence()));
      }
    }
    return rows;
  }

  private void print(CiteResult result) {
    Style style = new Style(output.colorOn());
    System.out.println(style.bold(result.canonical()) + style.dim("  cited by " + result.total() + " articles"
        + (result.total() > result.articles().size() ? ", newest " + result.articles().size() + " shown" : "")));
    System.out.println();
    for (CitingArticle a : result.articles()) {
      System.out.println(style.bold((a.self() ? "[the document itself] " : "") + (a.title() == null ? a.path() : a.title())));
      System.out.println("   " + style.dim(String.join(" · ", Output.nonNull(a.date(), a.outlet(), String.join("+", a.languages()), a.path()))));
      for (Citation c : a.mentions()) {
        String sentence = c.sentence();
        int at = sentence.indexOf(c.raw());
        String shown = at < 0 ? sentence : Style.mark(sentence, at, at + c.raw().length());
        String issued = c.issued() == null ? "" : style.dim("  (issued " + c.issued() + ")");
        System.out.println("   - " + style.marks(Output.clip(shown, 300)) + issued);
      }
      System.out.println();
    }
  }
}
