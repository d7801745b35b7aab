package sohieu.refs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The vocabulary loader refuses a bad row by file and line, and a recognizer runs with the vocabulary it is given. */
final class VocabularyLoaderTest {
  private static final List<String> FILES = List.of("types.tsv", "issuers.tsv", "party-issuers.tsv", "months.tsv",
      "leadins.tsv", "codes.tsv", "translit.tsv", "grammar.tsv");

  /** The shipped data files copied into dir, for a test to change one of them. */
  private static void copyShipped(Path dir) throws IOException {
    for (String f : FILES) {
      try (InputStream in = Vocabulary.class.getResourceAsStream(f)) {
        Files.write(dir.resolve(f), in.readAllBytes());
      }
    }
  }

  private static void append(Path file, String row) throws IOException {
    Files.writeString(file, Files.readString(file) + row + "\n", StandardCharsets.UTF_8);
  }

  @Test
  void theShippedFilesLoadFromAFolderAsFromTheJar(@TempDir Path dir) throws IOException {
    copyShipped(dir);
    CitationRecognizer r = new CitationRecognizer(Vocabulary.load(dir));
    String text = "Kết luận số 93, ngày 9/5/2024 của Bộ Chính trị và Công văn số 4521/TCT-DNL.";
    assertEquals(CitationRecognizer.standard().scan(text), r.scan(text));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "types.tsv|NQ\tboth\tvi|3 columns, expected 4",
      "types.tsv|NQ\tsometimes\tvi\tNghị quyết|unknown scope 'sometimes'",
      "issuers.tsv|BCT\tTW\tde\tPolitbüro|unknown language 'de'",
      "leadins.tsv|lead\tvi\tsố|unknown role 'lead'",
      "months.tsv|vi\t13\ttháng mười ba|month '13' is not 1-12",
      "grammar.tsv|code-years\t1945|'1945' is no year window"})
  void aBadRowIsRefusedWithItsFileAndLine(String file, String row, String what, @TempDir Path dir) throws IOException {
    copyShipped(dir);
    Path f = dir.resolve(file);
    long line = Files.readAllLines(f).size() + 1;
    append(f, row.replace("\\t", "\t"));
    Vocabulary.BadRowException e = assertThrows(Vocabulary.BadRowException.class, () -> Vocabulary.load(dir));
    assertTrue(e.getMessage().startsWith(dir + "/" + file + ":" + line + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(what), e.getMessage());
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path dir) throws IOException {
    copyShipped(dir);
    Files.delete(dir.resolve("grammar.tsv"));
    Vocabulary.BadRowException e = assertThrows(Vocabulary.BadRowException.class, () -> Vocabulary.load(dir));
    assertEquals(dir + "/grammar.tsv: missing", e.getMessage());
  }

  /** The vocabulary names codes and words; a recognizer given one that lacks a word no longer reads it. */
  @Test
  void aRecognizerReadsTheVocabularyItIsGiven(@TempDir Path dir) throws IOException {
    copyShipped(dir);
    Path leadins = dir.resolve("leadins.tsv");
    Files.writeString(leadins, Files.readString(leadins).replace("issue-verb\tfr\ten date du|", "issue-verb\tfr\t")
        .replace("|adoptée le|", "|"));
    CitationRecognizer without = new CitationRecognizer(Vocabulary.load(dir));
    String text = "La directive 12-CT/TW, adoptée le 18 janvier 2024, fixe les règles.";
    assertEquals(java.time.LocalDate.of(2024, 1, 18), CitationRecognizer.standard().scan(text).get(0).issued());
    assertEquals(null, without.scan(text).get(0).issued(), "without the verb the date after a comma is not the issue date");

    Path grammar = dir.resolve("grammar.tsv");
    Files.writeString(grammar, Files.readString(grammar).replace("code-years\t1945-2099", "code-years\t2000-2099"));
    assertTrue(new CitationRecognizer(Vocabulary.load(dir)).scan("Nghị định 15/1995/NĐ-CP").isEmpty(),
        "the year window comes from the data");
  }

  /** A resolver passed in replaces the document-wide one. */
  @Test
  void aResolverCanBeReplaced() {
    Resolver none = (text, found) -> found.stream().<Citation>map(f -> new Citation.Unresolved(null,
        text.substring(f.start(), f.end()), null, null, null, null, null, f.start(), f.end(), 0, null)).toList();
    CitationRecognizer r = new CitationRecognizer(Vocabulary.standard(), none);
    String text = "Nghị quyết 57-NQ/TW và Kết luận 93 của Bộ Chính trị.";
    assertEquals(2, r.find(text).size());
    assertTrue(r.scan(text).isEmpty());
    assertEquals(List.of("57-NQ/TW", "93-KL/TW"), CitationRecognizer.standard().scan(text).stream().map(Citation::canonical).toList());
  }
}
