package sohieu.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohieu.cli.Main;
import sohieu.refs.CitationRecognizer;

/**
 * Searches over the real Vietnamese pages of ../shared/data/vi-dev, ingested once (skipped, with the reason shown,
 * when the folder is absent): every hit of a phrase, field, citation or date query has a snippet with a match marked.
 */
class RealDataSearchTest {
  private static final Path VI_DEV = Path.of("").toAbsolutePath().resolve("../shared/data/vi-dev").normalize();
  @TempDir static Path tmp;
  static Searcher searcher;

  @BeforeAll
  static void ingest() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(VI_DEV), "../shared/data/vi-dev absent: searches on real data not checked");
    Path index = tmp.resolve("index");
    PrintStream oldOut = System.out, oldErr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      // Files that fail to ingest are another test's business; this one needs the index.
      Main.run("ingest", "--index", index.toString(), VI_DEV.toString());
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    searcher = Searcher.open(index, CitationRecognizer.standard());
  }

  @AfterAll
  static void close() throws Exception {
    if (searcher != null) searcher.close();
  }

  /** All the hits of a query, checking that the total is exact. */
  private static List<Hit> all(String query) throws Exception {
    SearchResult r = searcher.search(query, 5000, 0, false);
    assertEquals(r.total(), r.hits().size(), query);
    return r.hits();
  }

  private static void everyHitMarked(String query, int atLeast) throws Exception {
    List<Hit> hits = all(query);
    assertTrue(hits.size() >= atLeast, query + ": " + hits.size() + " hits");
    List<String> unmarked = new ArrayList<>();
    for (Hit h : hits) {
      if (h.snippets().stream().noneMatch(s -> s.contains(Snippets.OPEN) && s.contains(Snippets.CLOSE))) {
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
    everyHitMarked("type:QĐ issuer:TW kiểm điểm", 10);
    everyHitMarked("type:NQ \"Ban Chấp hành Trung ương\"", 10);
    // A type alone marks the citations that spell it; a short mention ("Chỉ thị 08") has no such token.
    List<Hit> directives = all("type:CT");
    assertTrue(directives.size() >= 50 && directives.stream().allMatch(h -> !h.snippets().isEmpty()), directives.toString());
    long marked = directives.stream().filter(h -> h.snippets().stream().anyMatch(s -> s.contains(Snippets.OPEN))).count();
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
