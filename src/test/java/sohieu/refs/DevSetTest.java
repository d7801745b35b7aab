package sohieu.refs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sohieu.bench.DevSetBench;
import sohieu.bench.DevSetBench.RealLabel;
import sohieu.bench.DevSetBench.Written;

/**
 * The written part of the development set, one table-driven test per kind (like eyecite's test_FindTest): each
 * sentence must give exactly its expected citations, in text order, each with its stated issue date or none. Also
 * checks that every label of the real part points at a line of ../shared/data that holds its raw text, so that a
 * label cannot drift from the file it describes.
 */
final class DevSetTest {
  private static final CitationRecognizer R = CitationRecognizer.standard();
  private static final Path DEVSET = Paths.get("").toAbsolutePath().resolve("src/test/resources/sohieu/refs/devset");
  private static final Set<String> KINDS =
      Set.of("outside", "spelling", "partial", "list", "local", "document", "short", "date", "negative");

  private static Stream<Written> rows(String kind) throws IOException {
    return DevSetBench.written(DEVSET.resolve("written.tsv")).stream().filter(w -> w.kind().equals(kind));
  }

  static Stream<Written> outside() throws IOException { return rows("outside"); }

  static Stream<Written> spelling() throws IOException { return rows("spelling"); }

  static Stream<Written> partial() throws IOException { return rows("partial"); }

  static Stream<Written> list() throws IOException { return rows("list"); }

  static Stream<Written> local() throws IOException { return rows("local"); }

  static Stream<Written> document() throws IOException { return rows("document"); }

  static Stream<Written> shortForms() throws IOException { return rows("short"); }

  static Stream<Written> date() throws IOException { return rows("date"); }

  static Stream<Written> negative() throws IOException { return rows("negative"); }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outside")
  void codesOutsideTheVocabulary(Written w) { check(w); }

  @ParameterizedTest(name = "{0}")
  @MethodSource("spelling")
  void oddSpellings(Written w) { check(w); }

  @ParameterizedTest(name = "{0}")
  @MethodSource("partial")
  void partialFormsWithIssuerInAnyOrder(Written w) { check(w); }

  @ParameterizedTest(name = "{0}")
  @MethodSource("list")
  void coordinationsAndListsUnderOneIssuer(Written w) { check(w); }

  @ParameterizedTest(name = "{0}")
  @MethodSource("local")
  void localPartyCommittees(Written w) { check(w); }

  @ParameterizedTest(name = "{0}")
  @MethodSource("document")
  void issuerNamedElsewhereInTheDocument(Written w) { check(w); }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shortForms")
  void shortFormsBeforeAndAfterTheFullForm(Written w) { check(w); }

  @ParameterizedTest(name = "{0}")
  @MethodSource("date")
  void statedDatesWhereverTheSentencePutsThem(Written w) { check(w); }

  @ParameterizedTest(name = "{0}")
  @MethodSource("negative")
  void lookAlikesAreNotCitations(Written w) { check(w); }

  private static void check(Written w) {
    List<String> got = new ArrayList<>();
    for (Citation c : R.scan(w.text())) got.add(c.canonical() + (c.issued() == null ? "" : "@" + c.issued()));
    assertEquals(w.expected(), got, w.id() + " (" + w.lang() + "): " + w.text());
  }

  @Test
  void everyWrittenRowHasAKnownKindAndAUniqueId() throws IOException {
    List<Written> all = DevSetBench.written(DEVSET.resolve("written.tsv"));
    assertEquals(all.size(), all.stream().map(Written::id).distinct().count(), "ids repeat");
    for (Written w : all) {
      assertTrue(KINDS.contains(w.kind()), w.id() + ": unknown kind " + w.kind());
      assertEquals(w.kind().equals("negative"), w.expected().isEmpty(), w.id() + ": only negatives expect nothing");
    }
  }

  @Test
  void everyRealLabelPointsAtALineThatHoldsIt() throws IOException {
    Path data = Paths.get("").toAbsolutePath().resolve("../shared/data").normalize();
    Assumptions.assumeTrue(Files.isDirectory(data), "../shared/data absent: real.tsv labels not checked");
    Map<String, List<String>> files = new HashMap<>();
    List<RealLabel> labels = DevSetBench.real(DEVSET.resolve("real.tsv"));
    assertTrue(labels.stream().filter(l -> !l.kind().equals("negative")).count() >= 1000, "at least 1,000 mentions");
    for (RealLabel l : labels) {
      List<String> lines = files.computeIfAbsent(l.file(), f -> read(data.resolve(f)));
      String where = l.file() + ":" + l.line() + " " + l.raw();
      assertTrue(l.line() >= 1 && l.line() <= lines.size(), where + ": no such line");
      // The raw text may wrap onto the next line, and markup may sit inside it ("*số 794*/SDTTG-VP").
      String here = squeeze(lines.get(l.line() - 1) + (l.line() < lines.size() ? lines.get(l.line()) : ""));
      assertTrue(here.contains(squeeze(l.raw())), where + ": the line does not hold it");
      assertTrue(l.issued().isEmpty() || l.issued().matches("\\d{4}-\\d{2}-\\d{2}"), where + ": bad date " + l.issued());
      assertEquals(l.kind().equals("negative"), l.canonical().isEmpty(), where + ": only negatives have no canonical");
    }
  }

  private static String squeeze(String s) {
    return s.replaceAll("[\\s\\p{Z}*_\\\\]+", "").toLowerCase(java.util.Locale.ROOT);
  }

  private static List<String> read(Path p) {
    try {
      return Files.readAllLines(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
