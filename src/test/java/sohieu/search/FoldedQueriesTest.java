package sohieu.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sohieu.analysis.LanguageAnalyzers;
import sohieu.index.FileSet;
import sohieu.index.IngestListener;
import sohieu.index.Ingester;
import sohieu.refs.CitationRecognizer;

/**
 * Vietnamese typed without diacritics, searched over the Vietnamese field's own terms (no folded copy of the text):
 * on the Universal Declaration of Human Rights in Vietnamese, English and Polish from ../shared/data (skipped, with
 * the reason shown, when it is absent) and two news sentences that differ by a tone.
 */
class FoldedQueriesTest {
  private static final Path HTML = Path.of("").toAbsolutePath().resolve("../shared/data/formats/html").normalize();
  @TempDir static Path tmp;
  static Searcher searcher;
  static DirectoryReader reader;

  @BeforeAll
  static void ingest() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(HTML.resolve("udhr.vie.html")),
        "../shared/data/formats/html absent: diacritic-free Vietnamese search not checked");
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("vu-an.txt"), "Khởi tố vụ án\n\nCơ quan điều tra đã khởi tố vụ án tham nhũng tại tỉnh.\n");
    Files.writeString(docs.resolve("vu-khi.txt"), "Vũ khí mới\n\nLực lượng vũ trang trình diễn vũ khí mới tại tỉnh.\n");
    Path index = tmp.resolve("index");
    List<Path> files = List.of(HTML.resolve("udhr.vie.html"), HTML.resolve("udhr.eng.html"), HTML.resolve("udhr.pol.html"), docs);
    try (Ingester ingester = Ingester.open(index, 2, Duration.ofSeconds(60))) {
      ingester.ingest(FileSet.of(files, List.of()), false, IngestListener.NONE);
    }
    searcher = Searcher.open(index, CitationRecognizer.standard());
    reader = DirectoryReader.open(FSDirectory.open(index));
  }

  @AfterAll
  static void close() throws Exception {
    if (searcher != null) searcher.close();
    if (reader != null) reader.close();
  }

  /** The two news sentences among the hits, in rank order (the Declaration has these words too). */
  private static List<String> news(String query) throws Exception {
    return searcher.search(query, 10, 0, false).hits().stream().map(h -> Path.of(h.path()).getFileName().toString())
        .filter(f -> f.startsWith("vu-")).toList();
  }

  /** Words, a phrase, a prefix, wildcards and a fuzzy word typed without diacritics find the Vietnamese text and mark its words as written. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "nhan quyen           | nhân       | quyền",
      "'\"tu do ngon luan\"' | tự do ngôn luận | tự do ngôn luận",
      "hoa binh the gioi    | hoà        | giới",
      "nguyen vong cao ca   | nguyện     | vọng",
      "bao ve phap luat*    | bảo        | pháp",
      "nh?n qu*n            | nhân       | quyền",
      "nhan~1 quyen         | nhân       | quyền",
  })
  void foundAndMarkedInTheVietnameseText(String query, String marked, String alsoMarked) throws Exception {
    Hit hit = searcher.search(query, 10, 0, false).hits().get(0);
    assertEquals("udhr.vie.html", Path.of(hit.path()).getFileName().toString(), query);
    String snippets = String.join(" ", hit.snippets());
    for (String word : List.of(marked, alsoMarked)) {
      assertTrue(snippets.contains(Snippets.OPEN + word + Snippets.CLOSE), query + " -> " + snippets);
    }
  }

  /** The spelling typed ranks above the other spellings of the same letters; without diacritics, both are found. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "vụ tỉnh | vu-an.txt vu-khi.txt",
      "vũ tỉnh | vu-khi.txt vu-an.txt",
  })
  void exactSpellingRanksFirst(String query, String ranked) throws Exception {
    assertEquals(List.of(ranked.split(" ")), news(query));
  }

  @Test
  void withoutDiacriticsBothSpellingsAreFound() throws Exception {
    assertEquals(List.of("vu-an.txt", "vu-khi.txt"), news("vu tinh").stream().sorted().toList());
  }

  /** A word stands for the terms of the Vietnamese field that fold to it, and for no other. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "quyen | quyền",
      "vu    | vụ vũ",
      "tinh  | tỉnh tình tính",
  })
  void aWordExpandsToTheIndexTermsThatFoldToIt(String word, String some) throws Exception {
    SynonymQuery expanded = (SynonymQuery) FoldedQueries.Variants.word(word).rewrite(new IndexSearcher(reader));
    List<String> terms = expanded.getTerms().stream().map(Term::text).toList();
    assertTrue(terms.containsAll(List.of(some.split(" "))), terms.toString());
    try (Analyzer folded = LanguageAnalyzers.folded()) {
      for (String t : terms) assertEquals(word, folded.normalize(LanguageAnalyzers.FOLDED_FIELD, t).utf8ToString(), t);
    }
  }
}
