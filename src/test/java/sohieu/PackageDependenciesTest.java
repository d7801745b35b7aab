package sohieu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One pipeline, one direction: each package of src/main uses only the stages below it (file, extract, paragraphs
 * and languages, citations, analysis, index, search, then the command line, the service and the cluster on top).
 * Read from the sources' imports and qualified names, comments left out.
 */
class PackageDependenciesTest {
  private static final Path MAIN = Path.of("src/main/java/sohieu");
  private static final Pattern USE = Pattern.compile("\\bsohieu\\.([a-z]+)\\.");
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  @ParameterizedTest(name = "{0} uses only {1}")
  @CsvSource(delimiter = '|', textBlock = """
      lang     |
      refs     | lang
      extract  | lang
      analysis | lang refs
      schema   | lang refs
      pipeline | extract lang refs
      index    | analysis extract lang pipeline refs schema
      search   | analysis extract index lang pipeline refs schema
      serve    | analysis extract index lang pipeline refs schema search
      cluster  | analysis extract index lang pipeline refs schema search
      cli      | analysis cluster extract index lang pipeline refs schema search serve
      """)
  void aPackageUsesOnlyTheStagesBelowIt(String pkg, String allowed) throws IOException {
    Set<String> may = allowed == null ? Set.of() : Set.of(allowed.trim().split("\\s+"));
    TreeMap<String, TreeSet<String>> used = uses(pkg);
    TreeMap<String, TreeSet<String>> wrong = new TreeMap<>(used);
    wrong.keySet().removeIf(may::contains);
    assertTrue(wrong.isEmpty(), "sohieu." + pkg + " uses " + wrong);
  }

  @ParameterizedTest(name = "{0} knows no {1}")
  @CsvSource(delimiter = '|', textBlock = """
      refs | org.apache.tika
      lang | org.apache.tika
      refs | org.apache.lucene.index
      lang | org.apache.lucene.index
      refs | picocli
      lang | picocli
      """)
  void theRecognizerAndLanguageIdTakeText(String pkg, String library) throws IOException {
    try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
      Set<Path> users = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> code(f).contains(library + ".")).collect(Collectors.toSet());
      assertEquals(Set.of(), users);
    }
  }

  /** The other packages of sohieu each file of {@code pkg} names, by package, with the files that do. */
  private static TreeMap<String, TreeSet<String>> uses(String pkg) throws IOException {
    TreeMap<String, TreeSet<String>> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = USE.matcher(code(f));
        while (m.find()) {
          if (!m.group(1).equals(pkg)) out.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(f.getFileName().toString());
        }
      }
    }
    assertTrue(Files.isDirectory(MAIN.resolve(pkg)), "no package " + pkg);
    return out;
  }

  private static String code(Path file) {
    try {
      return COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every package of src/main has its row above. */
  @Test
  void everyPackageHasARow() throws IOException {
    try (Stream<Path> dirs = Files.list(MAIN)) {
      Set<String> packages = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(new TreeSet<>(Arrays.asList("analysis", "cli", "cluster", "extract", "index", "lang", "pipeline", "refs", "schema",
          "search", "serve")), packages);
    }
  }
}
