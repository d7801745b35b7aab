package sohieu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The near-duplicate keys on the corpus's real articles. */
class NearDuplicatesTest {
  private static String read(String name) throws Exception { return Files.readString(Path.of("corpus", name)); }

  private static boolean meet(List<String> a, List<String> b) {
    Set<String> shared = new HashSet<>(a);
    shared.retainAll(b);
    return !shared.isEmpty();
  }

  @Test
  void aCopyWithOtherNavigationAroundItSharesAWordKeyAndAnotherArticleDoesNot() throws Exception {
    String article = read("001_95bb9a9cfe72fd45.txt");
    // The same article as another site frames it: another header and footer, one paragraph cut.
    String reframed = "Trang chủ | Thời sự | Đối ngoại\n" + article.substring(article.indexOf('\n', 400))
        + "\nBản quyền thuộc về tòa soạn. Liên hệ quảng cáo.\n";
    List<String> keys = NearDuplicates.keys(article, "ru");
    assertEquals(NearDuplicates.HASHES / NearDuplicates.ROWS,
        keys.stream().filter(k -> !NearDuplicates.isNumberKey(k)).count(), keys.toString());
    assertTrue(meet(keys, NearDuplicates.keys(reframed, "ru")));
    assertFalse(meet(keys, NearDuplicates.keys(read("003_9c870309ebbbcf83.txt"), "ru")));
    assertTrue(NearDuplicates.similarity(NearDuplicates.signature(article), NearDuplicates.signature(reframed)) > 0.8);
  }

  @Test
  void aShortTextHasNoWordKeysAndNumberKeysCarryTheLanguage() throws Exception {
    assertTrue(NearDuplicates.keys("Chỉ thị số 12-CT/TW về công tác đối ngoại.", "vi").isEmpty());
    String numbers = read("NQ57-NQ-TW_toan_van.md");
    List<String> keys = NearDuplicates.keys(numbers, "vi");
    List<String> numberKeys = keys.stream().filter(NearDuplicates::isNumberKey).toList();
    assertFalse(numberKeys.isEmpty(), keys.toString());
    for (String k : numberKeys) assertEquals("vi", NearDuplicates.language(k));
    // The same numbers in another language: the same keys but for the language.
    assertEquals(numberKeys.stream().map(NearDuplicates::withoutLanguage).toList(),
        NearDuplicates.keys(numbers, "en").stream().filter(NearDuplicates::isNumberKey).map(NearDuplicates::withoutLanguage).toList());
  }

  /** Lucene's filters whose values the signatures compute directly: the words' shingles and the numbers. */
  private static final Analyzer WORDS = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      Tokenizer words = new StandardTokenizer();
      ShingleFilter shingles = new ShingleFilter(new LowerCaseFilter(words), NearDuplicates.SHINGLE, NearDuplicates.SHINGLE);
      shingles.setOutputUnigrams(false);
      return new TokenStreamComponents(words, new MinHashFilter(shingles, 1, NearDuplicates.HASHES, 1, true));
    }
  };
  private static final Analyzer NUMBERS = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      Tokenizer numbers = new PatternTokenizer(java.util.regex.Pattern.compile("\\d[\\d./-]*\\d"), 0);
      return new TokenStreamComponents(numbers,
          new MinHashFilter(new LengthFilter(numbers, 4, Integer.MAX_VALUE), NearDuplicates.NUMBER_HASHES, 1, 1, false));
    }
  };

  private static List<String> lucene(Analyzer analyzer, String text) throws Exception {
    List<String> hashes = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < term.length(); i++) hex.append(HexFormat.of().toHexDigits(term.charAt(i)));
        hashes.add(hex.toString());
      }
      ts.end();
    }
    return hashes;
  }

  static Stream<String> texts() throws Exception {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("corpus"))) {
      for (Path f : files.filter(f -> !f.getFileName().toString().equals("SOURCES.md")).sorted().toList()) texts.add(Files.readString(f));
    }
    String words = "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học 2025. ";
    String tooLong = "x".repeat(300); // longer than the tokenizer takes: a gap that ShingleFilter fills
    texts.add((words + tooLong + " ").repeat(30));
    texts.add(words.repeat(30) + tooLong);
    texts.add((words + "\uD83D\uDE00 ").repeat(30)); // a pair of surrogates
    texts.add((words + "a\uD800b ").repeat(30)); // a lone one, which the filter's encoder replaces
    texts.add("Ưu tiên ngân sách nhà nước. ".repeat(50) + "1234 5678");
    // Numbers at the edges of the pattern: trailing and doubled separators, one digit, a run of separators between
    texts.add("2024- 17/6 1.2 126.821.490.000 --12345-- 9/ 15/2020/NĐ-CP 3--4 12/-/34 7.. 1/2/3/4 0000 x2025y 57-NQ/TW 22/12/2024 99. ".repeat(20));
    return texts.stream();
  }

  @ParameterizedTest
  @MethodSource("texts")
  void theSignaturesAreTheValuesOfLucenesMinHashFilter(String text) throws Exception {
    List<String> words = lucene(WORDS, text);
    assertEquals(words.size() == NearDuplicates.HASHES ? words : List.of(), NearDuplicates.signature(text));
    List<String> numbers = NearDuplicates.numberSignature(text);
    if (!numbers.isEmpty()) assertEquals(lucene(NUMBERS, text), numbers);
  }
}
