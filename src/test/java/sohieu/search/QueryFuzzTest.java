package sohieu.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sohieu.fuzz.Fuzzing;
import sohieu.index.IngestListener;
import sohieu.index.Ingester;
import sohieu.refs.CitationRecognizer;

/**
 * Fuzzes the query a user types into {@code search}, through {@link Searcher#search} over an index of the shipped
 * corpus built once, as typed and as {@code --lang} wraps it. Properties: the only exception is the
 * {@link IllegalArgumentException} the CLI prints as a user's mistake, in one line without parser internals; a page
 * holds at most the hits asked for and never more than the total; time is linear in the query's length.
 * Regression inputs: {@code src/test/resources/sohieu/search/QueryFuzzTestInputs/query/}.
 */
class QueryFuzzTest {
  private static final int LIMIT = 5;
  /** What a user must never read: the generated parser's states and token lists, Java exception names. */
  private static final Pattern PARSER_INTERNALS =
      Pattern.compile("lexical state|Encountered|Was expecting|<EOF>|\\b[A-Z]\\w*(Exception|Error)\\b");
  private static Path index;
  private static Searcher searcher;

  @BeforeAll
  static void buildIndex() throws Exception {
    index = Files.createTempDirectory("sohieu-query-fuzz");
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of("corpus"))) {
      files = s.filter(f -> !f.getFileName().toString().equals("SOURCES.md")).sorted().toList();
    }
    try (Ingester ingester = Ingester.open(index, 1, Duration.ofSeconds(60))) {
      ingester.ingest(files, false, IngestListener.NONE);
    }
    searcher = Searcher.open(index, CitationRecognizer.standard());
    Fuzzing.seedJazzer(QueryFuzzTest.class, "query", QueryFuzzTest::seeds);
  }

  @AfterAll
  static void close() throws IOException {
    if (searcher != null) searcher.close();
    if (index != null) {
      try (Stream<Path> s = Files.walk(index)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
      }
    }
  }

  /** Queries an analyst types: the README's, every syntax the parser knows, and citations in their real contexts. */
  static List<String> seeds() {
    List<String> out = new ArrayList<>(List.of("Bộ Chính trị", "\"chuyển đổi số\"", "57-NQ/TW", "ref:57-NQ/TW",
        "lang:fr étranger", "12-CT/TW дипломатия", "type:nq issuer:tw", "date:[2023-01-01 TO 2023-12-31] nghị quyết",
        "date:2024", "outlet:vov.vn", "(a OR b) AND NOT c", "+kinh -tế", "dipl*", "\"Bộ Chính trị\"~3", "chính^2 trị",
        "15/2020/NĐ-CP", "Nghị quyết số 57", "уchwała nr 12", "résolution n° 36", "36/NQ-TW",
        "(".repeat(3000) + "a" + ")".repeat(3000)));
    try {
      Path readme = Path.of("README.md");
      if (Files.isRegularFile(readme)) {
        for (String line : Files.readAllLines(readme)) {
          int at = line.indexOf("sohieu search ");
          if (at >= 0) out.add(line.substring(at + "sohieu search ".length()).replace("'", ""));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String line : Fuzzing.candidateLines(300)) out.add(line.length() > 80 ? line.substring(20, 80) : line);
    return out;
  }

  @FuzzTest
  // libFuzzer's dictionary format: quote and backslash escaped
  @DictionaryEntries({"\\\"", "(", ")", "AND ", "OR ", "NOT ", "+", "-", "*", "?", "~", "^", "\\\\", ":", "[", "]", "{", "}",
      " TO ", "ref:", "type:", "issuer:", "lang:", "outlet:", "date:", "-NQ/TW", "/QĐ-TTg", "/NĐ-CP", "2025-01"})
  void query(byte[] data) {
    check(Fuzzing.text(data));
  }

  /** Seeded mutations of the same seeds, for machines where Jazzer cannot fuzz (scripts/fuzz --mutate). */
  @Test
  void mutations() throws IOException {
    Fuzzing.mutate("query", QueryFuzzTest::seeds, data -> check(Fuzzing.text(data)));
  }

  static void check(String query) {
    // a search and its snippets over the whole index, whatever the query's length
    Fuzzing.linear(query.length(), 2000, () -> {
      search(query);
      search("+lang:vi +(" + query + ")");
    });
  }

  private static void search(String query) {
    SearchResult r;
    try {
      r = searcher.search(query, LIMIT, 0, false);
    } catch (IllegalArgumentException e) {
      assertNotNull(e.getMessage(), "a user error without a message");
      assertFalse(e.getMessage().contains("\n"), () -> "a user error of several lines: " + e.getMessage());
      // A word the user typed ("Encountered" in a query) may come back in the message; the parser's may not.
      Matcher internal = PARSER_INTERNALS.matcher(e.getMessage());
      while (internal.find()) {
        String word = internal.group();
        assertTrue(query.contains(word), () -> "parser internals shown to a user: " + e.getMessage());
      }
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertEquals(query, r.query());
    assertTrue(r.hits().size() <= LIMIT, () -> r.hits().size() + " hits for a limit of " + LIMIT);
    assertTrue(r.total() >= r.hits().size(), () -> "total " + r.total() + " under " + r.hits().size() + " hits");
    for (Hit h : r.hits()) assertNotNull(h.snippets(), "snippets");
  }
}
