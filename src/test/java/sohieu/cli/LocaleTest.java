package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import sohieu.cli.CliTest.Run;

/** Scores, times and rates print alike under the French, Russian and Polish locales our analysts run. */
class LocaleTest {
  private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d,\\d");
  @TempDir Path tmp;
  private Locale saved;

  @BeforeEach
  void save() { saved = Locale.getDefault(); }

  @AfterEach
  void restore() { Locale.setDefault(saved); }

  @ParameterizedTest
  @ValueSource(strings = {"fr-FR", "ru-RU", "pl-PL"})
  void numbersHaveADecimalPointUnderAnyLocale(String tag) throws Exception {
    Locale.setDefault(Locale.forLanguageTag(tag));
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), "Le Bureau politique a adopté la résolution 57-NQ/TW sur la science et la technologie.\n");
    Files.writeString(docs.resolve("b.txt"), "La résolution 57-NQ/TW du Bureau politique ouvre une ère nouvelle pour la technologie.\n");
    String index = tmp.resolve("index").toString();

    Run ingest = CliTest.run("ingest", "--index", index, docs.toString());
    assertEquals(0, ingest.code(), ingest.err());
    assertTrue(ingest.out().matches("(?s).* in \\d+\\.\\d s \\(\\d+ files/s, \\d+\\.\\d MB/s\\).*"), ingest.out());

    Run search = CliTest.run("search", "technologie", "--color", "never", "--index", index);
    assertEquals(0, search.code(), search.err());
    assertTrue(Pattern.compile("· \\d+\\.\\d\\d\\n").matcher(search.out()).find(), search.out());
    assertFalse(DECIMAL_COMMA.matcher(search.out()).find(), search.out());
    assertFalse(DECIMAL_COMMA.matcher(ingest.out()).find(), ingest.out());
  }
}
