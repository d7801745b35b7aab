package sohieu.refs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The table of accepted and rejected spellings in spellings.tsv (vi, ru, fr, pl, en), one test per row. */
final class SpellingTableTest {
  private static final CitationRecognizer R = CitationRecognizer.standard();

  static Stream<Arguments> rows() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (InputStream in = SpellingTableTest.class.getResourceAsStream("spellings.tsv")) {
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : all.split("\n")) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] c = line.split("\t");
        out.add(Arguments.of(c[0].replace("\\n", "\n"), c.length > 1 ? c[1].strip() : "-"));
      }
    }
    return out.stream();
  }

  @Test
  void tableHasAtLeast200Rows() throws IOException {
    assertTrue(rows().count() >= 200, "the spelling table must hold at least 200 rows");
  }

  @ParameterizedTest(name = "{0} => {1}")
  @MethodSource("rows")
  void spelling(String text, String expected) {
    List<Citation> found = R.scan(text);
    List<String> got = new ArrayList<>();
    for (Citation c : found) {
      String s = c.canonical();
      if (c.kind() != Citation.Kind.EXPLICIT) s += "@" + c.kind().name().toLowerCase();
      if (c.issued() != null) s += "#" + c.issued();
      got.add(s);
      assertEquals(text.substring(c.start(), c.end()), c.raw(), "raw must be the text at start..end");
    }
    assertEquals(expected, got.isEmpty() ? "-" : String.join(";", got), text);
  }
}
