package sohieu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.junit.jupiter.api.Test;

/** Random text through every analyzer: no exception, valid offsets, the reset / end / close contract, reuse. */
class RandomTextTest {
  private static final String[] PIECES = {
      "25-NQ/TW", "43- KL/TW", "16-qd/tw", "15/2020/NĐ-CP", "Nghị quyết", "hoà", "thuỷ", "NGHỊ", "дипломатии", "ещё",
      "l'étranger", "qu’il", "uchwały", "Party's", "—", "/", "-", " ", "\n", "\u0301", "\u0323", "\u200b", "\ud83d\ude00",
      "ＮＱ", "１２", "日本語", "ภาษาไทย", "\u00ad", "'", "’", "0", "a", "Đ", "ǅ", "\ud800", "\udc00", "\uffff",
  };

  private static List<Analyzer> analyzers() {
    List<Analyzer> out = new ArrayList<>();
    for (String lang : LanguageAnalyzers.LANGUAGES) out.add(LanguageAnalyzers.forLanguage(lang));
    out.add(LanguageAnalyzers.folded());
    return out;
  }

  static String randomText(Random r, int maxLen) {
    StringBuilder sb = new StringBuilder();
    int len = r.nextInt(maxLen + 1);
    while (sb.length() < len) {
      switch (r.nextInt(4)) {
        case 0 -> sb.append(PIECES[r.nextInt(PIECES.length)]);
        case 1 -> sb.appendCodePoint(r.nextInt(0x80));
        case 2 -> sb.appendCodePoint(r.nextInt(0x2000));
        default -> {
          int cp = r.nextInt(Character.MAX_CODE_POINT + 1);
          if (cp < 0xD800 || cp > 0xDFFF) sb.appendCodePoint(cp);
        }
      }
    }
    return sb.toString();
  }

  @Test
  void randomUnicodeNeverBreaksAnAnalyzer() {
    Random r = new Random(20240604L);
    for (Analyzer a : analyzers()) {
      for (int i = 0; i < 1500; i++) {
        String text = randomText(r, i % 50 == 0 ? 5000 : 60);
        List<TokenAssert.Tok> first = TokenAssert.tokens(a, text);
        if (i % 10 == 0) assertEquals(first, TokenAssert.tokens(a, text), a + " not repeatable on reuse");
      }
    }
  }

  @Test
  void abandonedStreamsCanBeReused() throws IOException {
    Random r = new Random(7);
    for (Analyzer a : analyzers()) {
      for (int i = 0; i < 200; i++) {
        String text = randomText(r, 200) + " 25-NQ/TW Nghị quyết " + randomText(r, 50);
        try (TokenStream ts = a.tokenStream("f", text)) {
          ts.reset();
          for (int k = r.nextInt(5); k > 0 && ts.incrementToken(); k--) { }
          // closed without end(): the next use must still work
        }
        TokenAssert.tokens(a, text);
      }
    }
  }

  @Test
  void sharedAnalyzersAreThreadSafe() throws Exception {
    Analyzer vi = LanguageAnalyzers.forLanguage("vi");
    String text = "Hoà bình 25-NQ/TW thuỷ lợi, NGHỊ QUYẾT 43- KL/TW của Đảng. ".repeat(50);
    List<TokenAssert.Tok> want = TokenAssert.tokens(vi, text);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<TokenAssert.Tok>>> got = new ArrayList<>();
      for (int i = 0; i < 20; i++) got.add(pool.submit(() -> TokenAssert.tokens(vi, text)));
      for (Future<List<TokenAssert.Tok>> f : got) assertEquals(want, f.get());
    } finally {
      pool.shutdown();
    }
  }
}
