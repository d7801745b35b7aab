package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohieu.refs.CitationRecognizer;
import sohieu.search.Hit;
import sohieu.search.SearchResult;
import sohieu.search.Searcher;

/**
 * All of ../shared/data (about 1,600 real files in five languages and every format) ingested once, as a new user would
 * (skipped, with the reason shown, when the folder is absent): no file is lost, the index checks clean, and every hit
 * of a phrase, field, citation or date query has a snippet with a match marked.
 */
class RealDataTest {
  private static final Path DATA = Path.of("").toAbsolutePath().resolve("../shared/data").normalize();
  @TempDir static Path tmp;
  static Path index;
  static JsonNode summary;
  static final List<JsonNode> records = new ArrayList<>();
  static Searcher searcher;

  @BeforeAll
  static void ingest() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(DATA.resolve("vi-dev")), "../shared/data absent: the real-data run is skipped");
    index = tmp.resolve("index");
    CliTest.Run r = CliTest.run("ingest", "--json", "--index", index.toString(), DATA.toString());
    for (String line : r.out().lines().toList()) {
      JsonNode n = Json.MAPPER.readTree(line);
      if (n.has("summary")) summary = n.get("summary"); else records.add(n);
    }
    searcher = Searcher.open(index, CitationRecognizer.standard());
  }

  /** Every regular file is indexed, the same as one indexed, or a note or data table skipped by name; none fails. */
  @Test
  void noFileIsLost() throws Exception {
    List<String> failed = records.stream().filter(n -> n.has("failed")).map(n -> n.get("failed").toString()).toList();
    assertEquals(List.of(), failed);
    assertEquals(0, summary.get("failed").asInt(), summary.toString());
    long files;
    try (Stream<Path> all = Files.walk(DATA)) {
      files = all.filter(Files::isRegularFile).count();
    }
    assertEquals(files, summary.get("added").asLong() + summary.get("duplicates").asLong() + summary.get("skipped").asLong(),
        summary.toString());
    // What is skipped by default is what the README says: notes and data tables, never an article.
    for (JsonNode n : records) {
      if (!n.has("skipped")) continue;
      String name = Path.of(n.get("skipped").get("path").asText()).getFileName().toString().toLowerCase(java.util.Locale.ROOT);
      assertTrue(name.endsWith(".tsv") || name.endsWith(".csv") || Stream.of("readme", "sources", "license", "licence",
          "copying", "copyright").anyMatch(name::contains), name);
    }
    CliTest.Run check = CliTest.run("check", "--index", index.toString());
    assertEquals(0, check.code(), check.out() + check.err());
    assertTrue(check.out().startsWith("ok: "), check.out());
  }

  /** Each language of the data is found in its own field (vi, fr, ru, pl, en). */
  @Test
  void everyLanguageIsIndexed() throws Exception {
    Map<String, Long> byLanguage = new TreeMap<>();
    for (String lang : List.of("vi", "fr", "ru", "pl", "en")) byLanguage.put(lang, searcher.search("lang:" + lang, 0, 0, false).total());
    assertTrue(byLanguage.values().stream().allMatch(n -> n > 0), byLanguage.toString());
  }

  /** The phrase searches that once crashed the snippet formatter, through the command as a person types them. */
  @Test
  void phrasesThroughTheCommand() {
    for (String[] args : List.of(new String[] {"\"chuyển đổi số\""}, new String[] {"\"Bộ Chính trị\"", "--limit", "200"},
        new String[] {"lang:fr étranger"}, new String[] {"Bộ Chính trị", "--from", "2025"})) {
      List<String> cmd = new ArrayList<>(List.of("search"));
      cmd.addAll(List.of(args));
      cmd.addAll(List.of("--index", index.toString()));
      CliTest.Run r = CliTest.run(cmd.toArray(String[]::new));
      assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
      assertTrue(r.out().contains("«"), String.join(" ", args) + ": no match marked");
      assertFalse(r.err().contains("internal error"), r.err());
    }
  }

  @AfterAll
  static void close() throws Exception {
    if (searcher != null) searcher.close();
  }

  /** All the hits of a query (each copy of a story its own), checking that the total is exact. */
  private static List<Hit> all(String query) throws Exception {
    SearchResult r = searcher.search(query, null, 5000, 0, false, false, true);
    assertEquals(r.total(), r.hits().size(), query);
    return r.hits();
  }

  private static void everyHitMarked(String query, int atLeast) throws Exception {
    List<Hit> hits = all(query);
    assertTrue(hits.size() >= atLeast, query + ": " + hits.size() + " hits");
    List<String> unmarked = new ArrayList<>();
    for (Hit h : hits) {
      if (h.snippets().stream().noneMatch(s -> s.contains(Style.OPEN_MARK) && s.contains(Style.CLOSE_MARK))) {
        unmarked.add(h.path() + " " + h.snippets());
      }
    }
    assertTrue(unmarked.isEmpty(), query + ": " + unmarked.size() + " of " + hits.size() + " hits without a match marked: "
        + unmarked.subList(0, Math.min(5, unmarked.size())));
  }

  @Test
  void phrases() throws Exception {
    everyHitMarked("\"chuyển đổi số\"", 50);
    everyHitMarked("\"Bộ Chính trị\"", 200);
    everyHitMarked("\"chuyen doi so\"", 50);
  }

  @Test
  void fields() throws Exception {
    everyHitMarked("lang:vi \"Ban Bí thư\"", 50);
    everyHitMarked("lang:fr étranger", 1);
    everyHitMarked("lang:ru \"прав человека\"", 1);
    everyHitMarked("lang:pl dźwięku", 1);
    everyHitMarked("type:QĐ issuer:TW kiểm điểm", 10);
    everyHitMarked("type:NQ \"Ban Chấp hành Trung ương\"", 10);
    // A type alone marks the citations that spell it; a short mention ("Chỉ thị 08") has no such token.
    List<Hit> directives = all("type:CT");
    assertTrue(directives.size() >= 50 && directives.stream().allMatch(h -> !h.snippets().isEmpty()), directives.toString());
    long marked = directives.stream().filter(h -> h.snippets().stream().anyMatch(s -> s.contains(Style.OPEN_MARK))).count();
    assertTrue(marked >= 0.9 * directives.size(), marked + " of " + directives.size() + " marked");
  }

  @Test
  void citations() throws Exception {
    everyHitMarked("57-NQ/TW khoa học", 20);
    everyHitMarked("366-QĐ/TW", 10);
    everyHitMarked("ref:\"71-NQ/TW\" OR 43-HD/BTCTW", 10);
  }

  @Test
  void dates() throws Exception {
    everyHitMarked("+date:[2025 TO *] +(Bộ Chính trị)", 5);
    everyHitMarked("date:[2017 TO 2018] \"nghị quyết\"", 0);
    SearchResult r = searcher.search("+date:[2025 TO *] +(Bộ Chính trị)", 5, 0, false);
    long undated = searcher.search("Bộ Chính trị", 0, 0, false).total() - searcher.search("+date:[* TO *] +(Bộ Chính trị)", 0, 0, false).total();
    assertEquals(undated, r.undatedExcluded());
  }

  @Test
  void totalsAreExactPastAThousand() throws Exception {
    SearchResult r = searcher.search("*:*", 1, 0, false);
    assertEquals(searcher.stats(1).documents(), r.total());
    assertTrue(r.total() > 1000, "total " + r.total());
    assertFalse(r.hits().get(0).snippets().isEmpty(), "no opening shown for a hit without words to mark");
  }
}
