package sohieu.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sohieu.index.FileSet;
import sohieu.index.IngestListener;
import sohieu.index.Ingester;
import sohieu.refs.CitationRecognizer;

/**
 * A query in one language ranks the text in that language above its translations, on the Debian manual's English,
 * French and Vietnamese chapters of ../shared/data (skipped, with the reason shown, when it is absent). The
 * Vietnamese chapter keeps the English words of its examples, rare in the Vietnamese field and so weighty there.
 */
class QueryLanguageRankingTest {
  private static final Path HTML = Path.of("").toAbsolutePath().resolve("../shared/data/formats/html").normalize();
  private static final int NEWS = 150;
  @TempDir static Path tmp;
  static Searcher searcher;

  @BeforeAll
  static void ingest() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(HTML.resolve("maint-guide.vi"))
        && Files.isDirectory(HTML.resolve("../../vi-dev/baomoi")),
        "../shared/data/formats/html absent: ranking by the query's language not checked");
    Path index = tmp.resolve("index");
    List<Path> files = new ArrayList<>(List.of(HTML.resolve("maint-guide.en"), HTML.resolve("maint-guide.fr"),
        HTML.resolve("maint-guide.vi")));
    // Vietnamese news, in whose field the chapters' English words are rare, as in an analyst's index.
    try (Stream<Path> news = Files.list(HTML.resolve("../../vi-dev/baomoi").normalize())) {
      news.sorted().limit(NEWS).forEach(files::add);
    }
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
  @CsvSource({
      "maintainer scripts, maint-guide.en",
      "scripts du responsable, maint-guide.fr",
      "checking the package for errors, maint-guide.en",
      "gói nguồn, maint-guide.vi",
  })
  void theTextInTheQuerysLanguageComesFirst(String query, String folder) throws Exception {
    for (boolean expand : new boolean[] {false, true}) {
      SearchResult r = searcher.search(query, null, 10, 0, false, false, expand);
      assertEquals(HTML.resolve(folder), Path.of(r.hits().getFirst().path()).getParent(), query + " (expand "
          + expand + ") " + r.hits().stream().map(Hit::path).toList());
    }
  }
}
