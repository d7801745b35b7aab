package sohieu.refs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sohieu.fuzz.Fuzzing;

/**
 * Fuzzes what ingest and {@code scan} run on every text (and the query parser on every query): {@code scan},
 * {@code explicitMentions}, {@code identify} and {@code canonicalize}. Properties: nothing throws, every span lies
 * inside the text and matches its raw text, citations come in text order, the explicit mentions are exactly scan's
 * explicit citations, sentences stay within their reach, a canonical form canonicalizes to itself, time is linear.
 * Regression inputs: {@code src/test/resources/sohieu/refs/CitationRecognizerFuzzTestInputs/recognizer/}.
 */
class CitationRecognizerFuzzTest {
  private static final CitationRecognizer RECOGNIZER = CitationRecognizer.standard();
  /** {@link CitationRecognizer#sentence}'s reach each way, plus the mention itself. */
  private static final int SENTENCE_REACH = 400;

  @BeforeAll
  static void seed() throws IOException {
    Fuzzing.seedJazzer(CitationRecognizerFuzzTest.class, "recognizer", () -> {
      List<String> seeds = new ArrayList<>(Fuzzing.seeds(40, 4000));
      seeds.addAll(Fuzzing.candidateLines(500));
      return seeds;
    });
  }

  @FuzzTest
  @DictionaryEntries({"-NQ/TW", "-QĐ/TW", "-KL/TW", "-CT/TW", "/NĐ-CP", "/QĐ-TTg", "/QH15", "Số: ", "số ", "Nghị quyết ",
      "Chỉ thị ", "Quyết định ", "Kết luận ", "của Bộ Chính trị", "Ban Bí thư", "ngày ", " tháng ", " năm ", "Hà Nội, ",
      "резолюции ", "№ ", "n° ", "Politburo", "uchwała nr ", "Resolution No. ", "V/v ", "http://", "www.", "@"})
  void recognizer(byte[] data) {
    check(Fuzzing.text(data));
  }

  /** Seeded mutations of the same seeds, for machines where Jazzer cannot fuzz (scripts/fuzz --mutate). */
  @Test
  void mutations() throws IOException {
    Fuzzing.mutate("recognizer", () -> {
      List<String> seeds = new ArrayList<>(Fuzzing.seeds(10, 3000));
      seeds.addAll(Fuzzing.candidateLines(200));
      return seeds;
    }, data -> check(Fuzzing.text(data)));
  }

  static void check(String text) {
    Fuzzing.linear(text.length(), () -> {
      List<Citation> all = RECOGNIZER.scan(text);
      List<CitationRecognizer.Mention> explicit = new ArrayList<>();
      int lastStart = 0;
      for (Citation c : all) {
        assertTrue(0 <= c.start() && c.start() < c.end() && c.end() <= text.length(), () -> "span outside the text: " + c);
        assertTrue(c.start() >= lastStart, () -> "out of order: " + c + " after a citation at " + c.start());
        lastStart = c.start();
        assertEquals(text.substring(c.start(), c.end()), c.raw(), "raw is not the text of the span");
        assertNotNull(c.canonical(), "canonical");
        assertTrue(c.confidence() > 0 && c.confidence() <= 1, () -> "confidence " + c.confidence());
        assertTrue(c.sentence().length() <= c.end() - c.start() + 2 * SENTENCE_REACH,
            () -> "sentence of " + c.sentence().length() + " chars for " + c.raw());
        if (c.kind() == Citation.Kind.EXPLICIT) explicit.add(new CitationRecognizer.Mention(c.start(), c.end(), c.canonical()));
      }
      assertEquals(explicit, RECOGNIZER.explicitMentions(text), "explicitMentions differs from scan's explicit citations");
      Optional<DocumentIdentity> id = RECOGNIZER.identify(text);
      id.ifPresent(d -> {
        assertTrue(0 <= d.start() && d.start() < d.end() && d.end() <= text.length(), () -> "identity outside the text: " + d);
        assertNotNull(d.canonical(), "identity without a number");
      });
      RECOGNIZER.canonicalize(text).ifPresent(c ->
          assertEquals(Optional.of(c), RECOGNIZER.canonicalize(c), "the canonical form of " + text + " is not canonical"));
    });
  }
}
