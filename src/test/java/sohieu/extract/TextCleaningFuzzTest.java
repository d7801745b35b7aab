package sohieu.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sohieu.fuzz.Fuzzing;
import sohieu.lang.LanguageIdentifier;
import sohieu.lang.Paragraph;
import sohieu.lang.ParagraphSegmenter;

/**
 * Fuzzes what runs on extracted text before indexing: a text file's bytes through {@link Extractor} (encoding
 * detection, normalization, {@link ArticleCleaner}), then paragraphs and their languages. Properties: a text file fails
 * only with an {@link ExtractionException}; cleaning never lengthens a text; paragraphs lie inside the text, in order,
 * without overlap or surrounding white space, each with a known language or "und"; time is linear.
 * Regression inputs: {@code src/test/resources/sohieu/extract/TextCleaningFuzzTestInputs/cleaning/}.
 */
class TextCleaningFuzzTest {
  private static final Extractor EXTRACTOR = new Extractor();
  private static final ParagraphSegmenter SEGMENTER = ParagraphSegmenter.standard();

  @BeforeAll
  static void seed() throws IOException {
    Fuzzing.seedJazzer(TextCleaningFuzzTest.class, "cleaning", () -> Fuzzing.seeds(40, 4000));
  }

  @FuzzTest
  // libFuzzer's dictionary format: control bytes as \xNN escapes
  @DictionaryEntries({"\\x0A", "\\x0A\\x0A", "\\x0D\\x0A", "\u00a0", "Nguồn", "Xem thêm", "Читайте также",
      "Source: https://", "Báo Quốc Tế21/12/2023", "VOV.VN - ", "(Baonghean.vn) - ", "Vietnam.vn - ", "ZaloFacebookTwitter",
      "In bài", "Hà Nội, ngày 22 tháng 12 năm 2024", "---\\x0Atitle: ", "\\x0Adate: 2025-01-01\\x0A---\\x0A", "\uFEFF",
      "\u0301"})
  void cleaning(byte[] data) {
    check(data);
  }

  /** Seeded mutations of the same seeds, for machines where Jazzer cannot fuzz (scripts/fuzz --mutate). */
  @Test
  void mutations() throws IOException {
    Fuzzing.mutate("cleaning", () -> Fuzzing.seeds(10, 3000), TextCleaningFuzzTest::check);
  }

  static void check(byte[] data) {
    String raw = Fuzzing.text(data);
    // two extractions and two rounds of language identification per input: a larger fixed allowance
    Fuzzing.linear(raw.length(), 1000, () -> {
      ExtractedDocument doc;
      try {
        doc = EXTRACTOR.extract(new ByteArrayInputStream(data), "fuzz.txt");
      } catch (ExtractionException e) {
        assertNotNull(e.getMessage(), "a failure without a reason");
        return;
      }
      assertNotNull(doc.text(), "no text");
      paragraphs(doc.text());
      ArticleCleaner.Cleaned cleaned = ArticleCleaner.clean(raw);
      assertTrue(cleaned.text().length() <= raw.length(),
          () -> "cleaning lengthened " + raw.length() + " chars to " + cleaned.text().length());
      paragraphs(cleaned.text());
    });
  }

  private static void paragraphs(String text) {
    int last = 0;
    for (Paragraph p : SEGMENTER.segment(text)) {
      assertTrue(last <= p.start() && p.start() < p.end() && p.end() <= text.length(),
          () -> "paragraph " + p + " out of place in " + text.length() + " chars");
      last = p.end();
      String s = text.substring(p.start(), p.end());
      assertFalse(s.contains("\n"), () -> "paragraph across a line break: " + p);
      assertTrue(!Character.isWhitespace(s.charAt(0)) && !Character.isWhitespace(s.charAt(s.length() - 1)),
          () -> "paragraph not trimmed: " + p);
      assertTrue(LanguageIdentifier.LANGUAGES.contains(p.lang()) || LanguageIdentifier.UNDETERMINED.equals(p.lang()),
          () -> "unknown language " + p.lang());
    }
  }
}
