package sohieu.analysis;

import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import sohieu.lang.Language;

/**
 * Lucene's own checks of the token stream contract on every Sohieu tokenizer, filter and analyzer (random text of
 * every kind, reuse, offsets, positions, graph), and every fast path against the ICU code it stands in for, on the
 * real text of corpus/ (and of ../shared/data when present), as written and decomposed (NFD).
 */
public class TokenStreamContractTest extends BaseTokenStreamTestCase {

  /** An analyzer of one filter over the standard tokenizer. */
  private static Analyzer over(UnaryOperator<TokenStream> filter) {
    return analyzer(StandardTokenizer::new, filter, r -> r);
  }

  private static Analyzer analyzer(java.util.function.Supplier<Tokenizer> tokenizer, UnaryOperator<TokenStream> filter,
      Function<Reader, Reader> charFilter) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer t = tokenizer.get();
        return new TokenStreamComponents(t, filter.apply(t));
      }

      @Override
      protected Reader initReader(String field, Reader reader) {
        return charFilter.apply(reader);
      }
    };
  }

  public void testEveryAnalyzerOnRandomText() throws IOException {
    List<Analyzer> all = new ArrayList<>();
    for (Language l : Language.values()) all.add(LanguageAnalyzers.analyzer(l));
    all.add(LanguageAnalyzers.folded());
    for (Analyzer a : all) {
      checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
      checkRandomData(random(), a, 20 * RANDOM_MULTIPLIER, 2048); // long texts: the citation tokenizer's buffering
      a.close();
    }
  }

  public void testEveryFilterOnRandomText() throws IOException {
    List<UnaryOperator<TokenStream>> filters = List.of(TableNormalizerFilter::nfkcCasefold, TableNormalizerFilter::folding,
        TableNormalizerFilter::foldingUnlessCyrillic, in -> new VietnameseToneMarkFilter(TableNormalizerFilter.nfkcCasefold(in)),
        RussianYoFilter::new, in -> new PolishLemmaFilter(TableNormalizerFilter.nfkcCasefold(in)),
        in -> new UnlessKeywordFilter(in, TableNormalizerFilter::folding));
    for (UnaryOperator<TokenStream> f : filters) {
      try (Analyzer a = over(f)) {
        checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
      }
    }
    try (Analyzer a = analyzer(() -> new CitationTokenizer(new StandardTokenizer()), t -> t, r -> r)) {
      checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
    }
    try (Analyzer a = analyzer(StandardTokenizer::new, t -> t, NfcCharFilter::new)) {
      checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
    }
  }

  public void testRealSentences() throws IOException {
    try (Analyzer vi = LanguageAnalyzers.analyzer(Language.VI)) {
      // both tone placements give one term; the citation stays whole and keeps its case
      assertAnalyzesTo(vi, "Hoà bình, thuỷ lợi theo Nghị quyết 57-NQ/TW",
          new String[] {"hòa", "bình", "thủy", "lợi", "theo", "nghị", "quyết", "57-NQ/TW"});
    }
    try (Analyzer ru = LanguageAnalyzers.analyzer(Language.RU)) {
      assertAnalyzesTo(ru, "Ещё одно постановление Nguyễn", new String[] {"еще", "одн", "постановлен", "nguyen"});
    }
    try (Analyzer folded = LanguageAnalyzers.folded()) {
      assertAnalyzesTo(folded, "Nghị quyết số 57-NQ/TW", new String[] {"nghi", "quyet", "so", "57-NQ/TW"},
          new int[] {0, 5, 11, 14}, new int[] {4, 10, 13, 22});
    }
  }

  /** The real text the fast filters are compared on: corpus/ and, when present, the shared Vietnamese dev pages. */
  private static List<String> realText() throws IOException {
    if (realText == null) realText = readRealText();
    return realText;
  }

  private static List<String> realText;

  private static List<String> readRealText() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(Paths.get("corpus"))) {
      s.sorted().forEach(files::add);
    }
    Path dev = Paths.get("").toAbsolutePath().resolve("../shared/data/vi-dev/tvpl").normalize();
    if (Files.isDirectory(dev)) {
      try (Stream<Path> s = Files.list(dev)) {
        s.sorted().limit(20).forEach(files::add);
      }
    } else {
      System.out.println("SKIP shared dev pages: " + dev + " is absent; comparing on corpus/ only");
    }
    List<String> lines = new ArrayList<>();
    for (Path f : files) {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (line.isBlank()) continue;
        lines.add(line);
        lines.add(java.text.Normalizer.normalize(line, java.text.Normalizer.Form.NFD));
      }
    }
    assertTrue("too little text: " + lines.size(), lines.size() > 500);
    return lines;
  }

  public void testTableNormalizerGivesIcusTerms() throws IOException {
    Normalizer2 nfkcCf = Normalizer2.getInstance(null, "nfkc_cf", Normalizer2.Mode.COMPOSE);
    compare(over(TableNormalizerFilter::nfkcCasefold), over(in -> new ICUNormalizer2Filter(in, nfkcCf)));
    compare(over(TableNormalizerFilter::folding), over(ICUFoldingFilter::new));
    compare(over(TableNormalizerFilter::foldingUnlessCyrillic),
        over(in -> new UnlessCyrillic(in, ICUFoldingFilter::new)));
  }

  public void testNfcCharFilterGivesIcusTextAndOffsets() throws IOException {
    compare(analyzer(StandardTokenizer::new, t -> t, NfcCharFilter::new),
        analyzer(StandardTokenizer::new, t -> t, r -> new ICUNormalizer2CharFilter(r, Normalizer2.getNFCInstance())));
  }

  /**
   * Same terms and offsets, line by line, from the fast analyzer as from the ICU one; every 50th line also through
   * Lucene's full check (random reads, reuse, consistency), which costs too much for every line.
   */
  private static void compare(Analyzer fast, Analyzer icu) throws IOException {
    int tokens = 0, line = 0;
    for (String text : realText()) {
      List<String> want = tokens(icu, text);
      tokens += want.size() / 3;
      if (line++ % 50 == 0) {
        List<String> terms = new ArrayList<>();
        int[] starts = new int[want.size() / 3], ends = new int[want.size() / 3];
        for (int i = 0; i < want.size(); i += 3) {
          terms.add(want.get(i));
          starts[i / 3] = Integer.parseInt(want.get(i + 1));
          ends[i / 3] = Integer.parseInt(want.get(i + 2));
        }
        assertAnalyzesTo(fast, text, terms.toArray(String[]::new), starts, ends);
      } else {
        assertEquals(text, want, tokens(fast, text));
      }
    }
    assertTrue("too few tokens compared: " + tokens, tokens > 10_000);
    fast.close();
    icu.close();
  }

  /** term, start, end of every token, flat. */
  private static List<String> tokens(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("f", new StringReader(text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
        out.add(Integer.toString(offset.startOffset()));
        out.add(Integer.toString(offset.endOffset()));
      }
      ts.end();
    }
    return out;
  }

  /** The reference for foldingUnlessCyrillic: ICU's filter on the terms without a Cyrillic letter. */
  private static final class UnlessCyrillic extends org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    UnlessCyrillic(TokenStream in, Function<TokenStream, TokenStream> filter) {
      super(in, filter);
    }

    @Override
    protected boolean shouldFilter() {
      for (int i = 0; i < term.length(); i++) {
        if (Character.UnicodeScript.of(term.charAt(i)) == Character.UnicodeScript.CYRILLIC) return false;
      }
      return true;
    }
  }
}
