package sohieu.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * A small JUnit 5 stand-in for Lucene's BaseTokenStreamTestCase: consumes a stream under the full
 * reset / incrementToken / end / close contract, checks offsets and position increments on every token, and lets
 * tests assert terms, offsets and increments exactly.
 */
final class TokenAssert {
  private TokenAssert() {}

  /** One emitted token. */
  record Tok(String term, int start, int end, int posInc, String type, boolean keyword) {}

  /** All tokens of text in field "f" (or the given field), with every contract check. */
  static List<Tok> tokens(Analyzer a, String field, String text) {
    List<Tok> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      KeywordAttribute keyword = ts.addAttribute(KeywordAttribute.class);
      ts.reset();
      int lastStart = 0;
      int position = -1;
      while (ts.incrementToken()) {
        Tok t = new Tok(term.toString(), offset.startOffset(), offset.endOffset(), posInc.getPositionIncrement(),
            type.type(), keyword.isKeyword());
        if (t.term().isEmpty()) fail("empty term " + t + " in " + abbreviate(text));
        if (t.start() < 0 || t.end() < t.start() || t.end() > text.length()) {
          fail("bad offsets " + t + " for text of length " + text.length() + ": " + abbreviate(text));
        }
        if (t.posInc() < 0 || (position < 0 && t.posInc() < 1)) fail("bad position increment " + t);
        if (t.posInc() > 0 && t.start() < lastStart) fail("start offset went back " + t + " after " + lastStart);
        lastStart = t.start();
        position += t.posInc();
        out.add(t);
      }
      ts.end();
      assertEquals(text.length(), offset.endOffset(), "final offset");
      assertEquals(text.length(), offset.startOffset(), "final offset (start)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static List<Tok> tokens(Analyzer a, String text) {
    return tokens(a, "f", text);
  }

  static List<String> terms(Analyzer a, String text) {
    return tokens(a, text).stream().map(Tok::term).toList();
  }

  static Set<String> termSet(Analyzer a, String text) {
    return new LinkedHashSet<>(terms(a, text));
  }

  static void assertTerms(Analyzer a, String text, String... expected) {
    assertEquals(List.of(expected), terms(a, text), "terms of «" + text + "» by " + a);
  }

  /** Terms, start offsets, end offsets and position increments, exactly (posIncs may be null: all 1). */
  static void assertAnalyzesTo(Analyzer a, String text, String[] terms, int[] starts, int[] ends, int[] posIncs) {
    List<Tok> got = tokens(a, text);
    assertArrayEquals(terms, got.stream().map(Tok::term).toArray(String[]::new), "terms of «" + text + "»");
    assertArrayEquals(starts, got.stream().mapToInt(Tok::start).toArray(), "start offsets of «" + text + "»");
    assertArrayEquals(ends, got.stream().mapToInt(Tok::end).toArray(), "end offsets of «" + text + "»");
    int[] incs = posIncs != null ? posIncs : java.util.Collections.nCopies(terms.length, 1).stream()
        .mapToInt(Integer::intValue).toArray();
    assertArrayEquals(incs, got.stream().mapToInt(Tok::posInc).toArray(), "position increments of «" + text + "»");
    // the components are reused per thread: a second run must give the same tokens
    assertEquals(got, tokens(a, text), "second run on reused components");
  }

  /** True if the two texts share at least one term under the analyzer (a query term would match). */
  static boolean shareTerm(Analyzer a, String x, String y) {
    Set<String> s = termSet(a, x);
    s.retainAll(termSet(a, y));
    return !s.isEmpty();
  }

  static void assertSameTerms(Analyzer a, String x, String y) {
    assertEquals(terms(a, x), terms(a, y), "«" + x + "» and «" + y + "» by " + a);
    assertTrue(!terms(a, x).isEmpty(), "no terms for «" + x + "»");
  }

  static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
