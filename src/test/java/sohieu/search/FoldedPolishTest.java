package sohieu.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
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
 * Polish typed without diacritics, searched over the Polish field's lemmas (no folded copy of the text): on the
 * project's Polish seed article (corpus/004, a news text with Vietnamese names and captions) and four news
 * sentences, one per word the dictionary inflects or lacks.
 */
class FoldedPolishTest {
  private static final Path SEED = Path.of("corpus/004_5d61ab061fae0b25.txt").toAbsolutePath();
  @TempDir static Path tmp;
  static Searcher searcher;
  static DirectoryReader reader;

  @BeforeAll
  static void ingest() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    // No "uchwały": a folded copy of the text would only have matched that form.
    Files.writeString(docs.resolve("uchwala.txt"), "Nowa uchwała Sejmu\n\n"
        + "Sejm przyjął wczoraj uchwałę w sprawie współpracy z Wietnamem; uchwała wchodzi w życie po ogłoszeniu.\n");
    Files.writeString(docs.resolve("wizyta.txt"), "Wizyta premiera\n\n"
        + "Premier rządu Wietnamu Phạm Minh Chính odwiedził w poniedziałek Łódź i spotkał się z przedsiębiorcami w Łodzi.\n");
    Files.writeString(docs.resolve("sad-wyrok.txt"), "Wyrok\n\nSąd rejonowy w Krakowie oddalił wczoraj pozew spółki.\n");
    Files.writeString(docs.resolve("sad-jablonie.txt"), "Jabłonie\n\nStary sad za domem rodzi w tym roku mało owoców.\n");
    Path index = tmp.resolve("index");
    try (Ingester ingester = Ingester.open(index, 2, Duration.ofSeconds(60))) {
      ingester.ingest(FileSet.of(List.of(SEED, docs), List.of()), false, IngestListener.NONE);
    }
    searcher = Searcher.open(index, CitationRecognizer.standard());
    reader = DirectoryReader.open(FSDirectory.open(index));
  }

  @AfterAll
  static void close() throws Exception {
    if (searcher != null) searcher.close();
    if (reader != null) reader.close();
  }

  private static List<String> files(String query) throws Exception {
    return searcher.search(query, 10, 0, false).hits().stream().map(h -> Path.of(h.path()).getFileName().toString()).toList();
  }

  /**
   * Inflected forms, proper nouns the dictionary writes capitalized, a Vietnamese name it lacks, phrases, prefixes,
   * wildcards and fuzzy words typed without diacritics find the Polish text and mark its words as written (a phrase
   * as one). "wietnamu" also finds "Wietnamem" of another text, as "Wietnamu" does: both are forms of Wietnam.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "uchwaly                   | uchwala.txt                 | uchwałę   | uchwała",
      "uchwala                   | uchwala.txt                 | uchwałę   | uchwała",
      "rzadu                     | wizyta.txt                  | rządu     | rządu",
      "wietnamu                  | wizyta.txt                  | Wietnamu  | Wietnamu",
      "lodz                      | wizyta.txt                  | Łódź      | Łodzi",
      "lodzi                     | wizyta.txt                  | Łódź      | Łodzi",
      "pham minh chinh           | wizyta.txt                  | Phạm      | Chính",
      "'\"premier rzadu wietnamu\"' | wizyta.txt               | Premier rządu Wietnamu | Premier rządu Wietnamu",
      "'\"wazna role\"'          | 004_5d61ab061fae0b25.txt    | ważną rolę | ważną rolę",
      "'\"wazna rola\"'          | 004_5d61ab061fae0b25.txt    | ważną rolę | ważną rolę",
      "zrodl* vna                | 004_5d61ab061fae0b25.txt    | Źródło    | VNA",
      "uchwa?a                   | uchwala.txt                 | uchwałę   | uchwała",
      "uchwaly~1                 | uchwala.txt                 | uchwałę   | uchwała",
  })
  void foundAndMarkedInThePolishText(String query, String file, String marked, String alsoMarked) throws Exception {
    Hit hit = searcher.search(query, 10, 0, false).hits().stream()
        .filter(h -> Path.of(h.path()).getFileName().toString().equals(file)).findFirst().orElseThrow(() -> new AssertionError(query));
    String snippets = String.join(" ", hit.snippets());
    for (String word : List.of(marked, alsoMarked)) {
      assertTrue(snippets.contains(Snippets.OPEN + word + Snippets.CLOSE), query + " -> " + snippets);
    }
  }

  /** The spelling typed ranks above the other spelling of the same letters; without diacritics, both are found. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "sąd | sad-wyrok.txt sad-jablonie.txt",
      "sad | sad-jablonie.txt sad-wyrok.txt",
  })
  void exactSpellingRanksFirst(String query, String ranked) throws Exception {
    assertEquals(List.of(ranked.split(" ")), files(query));
  }

  /** A word typed with its diacritics finds what it found before: its lemma in the Polish field. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "uchwały  | uchwala.txt",
      "Łodzi    | wizyta.txt",
      "'\"ważną rolę\"' | 004_5d61ab061fae0b25.txt",
  })
  void diacriticsAsBefore(String query, String file) throws Exception {
    assertEquals(List.of(file), files(query));
  }

  /**
   * A word stands for the lemmas of the dictionary's forms that fold to it and for the index's terms spelled as
   * the word (a name kept as written), and no more.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "uchwaly | uchwała",
      "rzadu   | rząd",
      "lodzi   | lodzić łódź",
      "chinh   | chính",
      "sad     | sad sąd",
  })
  void aWordExpandsToLemmasAndKeptSpellings(String word, String terms) throws Exception {
    SynonymQuery expanded = (SynonymQuery) new FoldedQueries.PolishWord(word).rewrite(new IndexSearcher(reader));
    List<String> found = new ArrayList<>(expanded.getTerms().stream().map(Term::text).toList());
    assertEquals(List.of(terms.split(" ")), found.stream().sorted().toList());
  }

  /** Polish paragraphs are analysed once: nothing of them in the folded field. */
  @Test
  void noFoldedCopy() throws Exception {
    IndexSearcher s = new IndexSearcher(reader);
    for (String word : List.of("uchwale", "rzadu", "zrodlo", "mobilizacji")) {
      assertEquals(0, s.count(new TermQuery(new Term(LanguageAnalyzers.FOLDED_FIELD, word))), word);
    }
  }
}
