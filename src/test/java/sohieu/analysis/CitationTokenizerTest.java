package sohieu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sohieu.analysis.TokenAssert.assertAnalyzesTo;
import static sohieu.analysis.TokenAssert.tokens;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class CitationTokenizerTest {
  private static List<Analyzer> all() {
    List<Analyzer> out = new ArrayList<>();
    for (String lang : LanguageAnalyzers.LANGUAGES) out.add(LanguageAnalyzers.forLanguage(lang));
    out.add(LanguageAnalyzers.folded());
    return out;
  }

  private static List<TokenAssert.Tok> citations(Analyzer a, String text) {
    return tokens(a, text).stream().filter(t -> t.type().equals(CitationTokenizer.TYPE)).toList();
  }

  @Test
  void citationIsOneKeywordTokenInEveryAnalyzer() {
    String[] texts = {
        "Đoàn công tác làm việc về tổng kết thực hiện Nghị quyết 25-NQ/TW và Kết luận 43- KL/TW, ngày 24/10/2023.",
        "подвела итоги выполнения Постановления 25-NQ/TW и Заключения 43-KL/TW от 24 октября 2023 года.",
        "la mise en œuvre de la résolution 25-NQ/TW et de la conclusion 43-KL/TW",
        "realizacji uchwały 25-NQ/TW oraz konkluzji 43-KL/TW",
        "implementing Resolution 25-NQ/TW and Conclusion 43-KL/TW",
    };
    for (Analyzer a : all()) {
      for (String text : texts) {
        List<TokenAssert.Tok> cs = citations(a, text);
        assertEquals(List.of("25-NQ/TW", "43-KL/TW"), cs.stream().map(TokenAssert.Tok::term).toList(), a + ": " + text);
        assertTrue(cs.stream().allMatch(TokenAssert.Tok::keyword));
        assertEquals("25-NQ/TW", text.substring(cs.get(0).start(), cs.get(0).end()));
        assertTrue(text.substring(cs.get(1).start(), cs.get(1).end()).startsWith("43"));
        // nothing of the citation leaks as separate pieces
        assertTrue(tokens(a, text).stream().noneMatch(t -> t.term().equals("nq") || t.term().equals("tw")), a + ": " + text);
      }
    }
  }

  @Test
  void anyAcceptedSpellingOfAQueryGivesTheCanonicalTerm() {
    for (Analyzer a : all()) {
      for (String q : List.of("25-NQ/TW", "25-nq/tw", "25- NQ/TW", "25 – NQ / TW", "025-NQ/TW", "２５－ＮＱ／ＴＷ", "25-NQ∕TW")) {
        assertEquals(List.of("25-NQ/TW"), TokenAssert.terms(a, q), a + ": " + q);
      }
      assertEquals(List.of("16-QĐ/TW"), TokenAssert.terms(a, "16-QD/TW"), a.toString());
      assertEquals(List.of("16-QĐ/TW"), TokenAssert.terms(a, "16-qđ/tw"), a.toString());
      assertEquals(List.of("12-CT/TW"), TokenAssert.terms(a, "12-ct/tw"), a.toString());
      String nfd = Normalizer.normalize("16-QĐ/TW của Bộ Chính trị", Normalizer.Form.NFD);
      assertEquals("16-QĐ/TW", TokenAssert.terms(a, nfd).get(0), a.toString());
    }
  }

  @Test
  void offsetsAndPositionsAroundCitationsExactly() {
    Analyzer vi = LanguageAnalyzers.forLanguage("vi");
    assertAnalyzesTo(vi, "Nghị quyết 25-NQ/TW của Đảng",
        new String[] {"nghị", "quyết", "25-NQ/TW", "của", "đảng"},
        new int[] {0, 5, 11, 20, 24}, new int[] {4, 10, 19, 23, 28}, null);
    assertAnalyzesTo(vi, "25-NQ/TW",
        new String[] {"25-NQ/TW"}, new int[] {0}, new int[] {8}, null);
    assertAnalyzesTo(vi, "25-NQ/TW,43-KL/TW",
        new String[] {"25-NQ/TW", "43-KL/TW"}, new int[] {0, 9}, new int[] {8, 17}, null);
    assertAnalyzesTo(vi, "  (25-NQ/TW).  ",
        new String[] {"25-NQ/TW"}, new int[] {3}, new int[] {11}, null);
    assertAnalyzesTo(vi, "", new String[0], new int[0], new int[0], new int[0]);
    assertAnalyzesTo(vi, " , ", new String[0], new int[0], new int[0], new int[0]);
  }

  @Test
  void wordsGluedAroundDigitsAreNotCitations() {
    Analyzer vi = LanguageAnalyzers.forLanguage("vi");
    assertTrue(citations(vi, "ngày 24/10/2023 lúc 10/20").isEmpty());
  }

  @Test
  void longParagraphKeepsOffsets() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20_000; i++) sb.append("Nghị quyết ").append(i % 100 + 1).append("-NQ/TW của Đảng. ");
    String text = sb.toString();
    List<TokenAssert.Tok> toks = tokens(LanguageAnalyzers.forLanguage("vi"), text);
    assertEquals(20_000 * 5, toks.size());
    TokenAssert.Tok last = toks.get(toks.size() - 3);
    assertEquals("100-NQ/TW", last.term());
    assertEquals("100-NQ/TW", text.substring(last.start(), last.end()));
  }
}
