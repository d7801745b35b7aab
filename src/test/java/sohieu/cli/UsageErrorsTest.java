package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sohieu.cli.CliTest.Run;

/** A mistyped command or a wrong option value: exit 2 and a line that names what was wrong, no library internals. */
class UsageErrorsTest {
  @TempDir static Path tmp;
  static String index;

  @BeforeAll
  static void ingest() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), "Nghị quyết 57-NQ/TW của Bộ Chính trị về chuyển đổi số quốc gia.\n");
    index = tmp.resolve("index").toString();
    assertEquals(0, CliTest.run("ingest", "--index", index, docs.toString()).code());
  }

  private static String usageError(String... args) {
    Run r = CliTest.run(args);
    assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    return r.err();
  }

  @Test
  void anEmptyDocumentOrAHugeNumberIsNamedInOneShortLine() {
    String empty = usageError("show", "", "--index", index);
    assertTrue(empty.contains("DOC is empty"), empty);
    String huge = usageError("cite", "x".repeat(100_000), "--index", index);
    assertEquals(1, huge.strip().lines().count(), huge);
    assertTrue(huge.length() < 300, huge.length() + " characters");
  }

  @Test
  void aMistypedCommandSuggestsTheRightOne() {
    String err = usageError("serach", "foo");
    assertTrue(err.startsWith("sohieu: 'serach' is not a command"), err);
    assertTrue(err.contains("Did you mean") && err.contains("search"), err);
  }

  @Test
  void anUnclosedQuoteIsNamed() {
    String err = usageError("search", "\"unclosed", "--index", index);
    assertEquals(1, err.strip().lines().count(), err);
    assertTrue(err.contains("not closed"), err);
    assertFalse(err.contains("lexical state"), err);
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({"refs,--limit,-5", "refs,--limit,0", "search,--limit,0", "search,--offset,-1", "cite,--limit,-5", "stats,--top,-1"})
  void aLimitOrOffsetOutOfRangeNamesTheOption(String command, String option, String value) {
    String[] args = command.equals("refs") || command.equals("stats") ? new String[] {command, option, value, "--index", index}
        : new String[] {command, command.equals("cite") ? "57-NQ/TW" : "chuyển", option, value, "--index", index};
    String err = usageError(args);
    assertEquals(1, err.strip().lines().count(), err);
    assertTrue(err.contains(option + " must be at least"), err);
    assertFalse(err.contains("Index"), err);
  }

  @Test
  void outputFormatsExcludeEachOther() {
    String err = usageError("refs", "--json", "--csv", "--index", index);
    assertTrue(err.startsWith("sohieu: --json, --csv are mutually exclusive"), err);
    assertEquals(0, CliTest.run("refs", "--csv", "--index", index).code());
  }

  @Test
  void colourTakesOnlyItsThreeValues() {
    String err = usageError("refs", "--color=sometimes", "--index", index);
    assertTrue(err.contains("--color") && err.contains("sometimes"), err);
    for (String when : new String[] {"always", "never", "auto"}) assertEquals(0, CliTest.run("refs", "--color=" + when, "--index", index).code(), when);
  }

  @Test
  void aPeriodThatEndsBeforeItStartsIsRefused() {
    String err = usageError("search", "chuyển", "--from", "2025-06", "--to", "2025-01", "--index", index);
    assertEquals("sohieu search: --from 2025-06 is after --to 2025-01", err.strip());
    // The same month at both ends is a period, not a mistake.
    assertEquals(1, CliTest.run("search", "chuyển", "--from", "2025-06", "--to", "2025-06", "--index", index).code());
  }
}
