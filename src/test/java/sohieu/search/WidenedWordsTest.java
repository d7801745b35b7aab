package sohieu.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sohieu.cli.Json;
import sohieu.cli.Main;
import sohieu.index.FileSet;
import sohieu.index.IngestListener;
import sohieu.index.Ingester;
import sohieu.refs.CitationRecognizer;

/**
 * A query that finds nothing is widened, word by word, to the beginning that an unseen word shares with indexed ones;
 * on the Universal Declaration of Human Rights in five languages from ../shared/data (skipped, with the reason
 * shown, when it is absent). The Polish text says "torturować" (to torture), never the noun "tortury".
 */
class WidenedWordsTest {
  private static final Path HTML = Path.of("").toAbsolutePath().resolve("../shared/data/formats/html").normalize();
  @TempDir static Path tmp;
  static Searcher searcher;
  static Path index;

  @BeforeAll
  static void ingest() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(HTML.resolve("udhr.pol.html")),
        "../shared/data/formats/html absent: widening of unseen words not checked");
    index = tmp.resolve("index");
    List<Path> files = List.of("eng", "fra", "pol", "rus", "vie").stream().map(l -> HTML.resolve("udhr." + l + ".html")).toList();
    try (Ingester ingester = Ingester.open(index, 2, Duration.ofSeconds(60))) {
      ingester.ingest(FileSet.of(files, List.of()), false, IngestListener.NONE);
    }
    searcher = Searcher.open(index, CitationRecognizer.standard());
  }

  @AfterAll
  static void close() throws Exception {
    if (searcher != null) searcher.close();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "tortury | tortury | tortur* | udhr.pol.html",
      "tortury okrutny | tortury | tortur* | udhr.pol.html",
  })
  void aWordNoDocumentHasIsSearchedByItsBeginning(String query, String word, String prefix, String file) throws Exception {
    SearchResult r = searcher.search(query, null, 10, 0, false);
    assertEquals(Map.of(word, prefix), r.widened(), query);
    assertEquals(HTML.resolve(file).toString(), r.hits().getFirst().path(), query);
    assertTrue(String.join(" ", r.hits().getFirst().snippets()).contains("torturować"),
        "the snippet shows the word found: " + r.hits().getFirst().snippets());
  }

  @Test
  void theCommandLineSaysWhatItSearchedInstead() throws Exception {
    StringWriter out = new StringWriter(), err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), "search", "--index", index.toString(), "--json", "tortury");
    assertEquals(0, code, err.toString());
    assertEquals("sohieu search: no document has \"tortury\"; searched the words beginning \"tortur\" instead",
        err.toString().strip());
    assertEquals("tortur*", Json.MAPPER.readTree(out.toString()).path("widened").path("tortury").asText(), out.toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "torturować",            // found as typed
      "tortury OR okrutny",    // the analyst's own operators are taken as written
      "zzzzzzzzzz",            // no indexed word begins like it
      "tortu",                 // too short to cut
      "nghiêng",               // a Vietnamese syllable (its beginning "nghiên" is another word)
      "nghieng",
  })
  void otherQueriesAreNotWidened(String query) throws Exception {
    assertNull(searcher.search(query, null, 10, 0, false).widened(), query);
  }
}
