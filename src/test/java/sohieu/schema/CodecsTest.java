package sohieu.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import sohieu.Limits;
import sohieu.lang.Paragraph;
import sohieu.refs.Citation;

/** Every binary value of the index reads back as it was written: empty, in every script, at the limits. */
class CodecsTest {
  private static final String VI = "Thực hiện Nghị quyết số 25-NQ/TW ngày 01/8/2018 của Bộ Chính trị về tăng cường đối ngoại nhân dân.";
  private static final String RU = "Во исполнение Директивы № 12-CT/TW Политбюро о народной дипломатии.";
  private static final String PL = "Zgodnie z decyzją nr 16-QD/TW Komitetu Centralnego, zażółć gęślą jaźń.";
  /** Four-byte UTF-8, and the separators of the text formats before the schema had a version. */
  private static final String ODD = "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 \u001f\u001e\t\n\0 end";
  /** Past 32 K UTF-8 bytes, so its length takes a three-byte VInt. */
  private static final String LONG = "Đ".repeat(40_000);

  private static Citation citation(String canonical, String raw, int start, String sentence) {
    return Citation.of(Citation.Kind.EXPLICIT, canonical, raw, "NQ", "TW", "25", null, LocalDate.of(2018, 8, 1),
        start, start + raw.length(), 1.0, sentence);
  }

  static Stream<Arguments> paragraphs() {
    return Stream.of(
        Arguments.of("none", List.of()),
        Arguments.of("languages", List.of(new Paragraph(0, VI.length(), "vi"), new Paragraph(VI.length() + 1, 200, "ru"),
            new Paragraph(200, 260, "pl"), new Paragraph(260, 261, "und"))),
        Arguments.of("largest offsets", List.of(new Paragraph(0, Integer.MAX_VALUE, "vi"),
            new Paragraph(Integer.MAX_VALUE - 1, Integer.MAX_VALUE, "en"))),
        Arguments.of("empty language", List.of(new Paragraph(5, 5, ""))),
        Arguments.of("read by OCR beside typed text", List.of(new Paragraph(0, 40, "fr"), new Paragraph(42, 300, "fr", true),
            new Paragraph(302, 310, "und", true))),
        Arguments.of("out of order and overlapping", List.of(new Paragraph(500, 600, "vi"), new Paragraph(100, 700, "vi"),
            new Paragraph(0, 0, "ru"), new Paragraph(0, 1, "ru", true))),
        Arguments.of("a language coming back", List.of(new Paragraph(0, 9, "vi"), new Paragraph(10, 19, "en"),
            new Paragraph(20, 29, "vi"), new Paragraph(30, 39, "vi"))),
        Arguments.of("many", IntStream.range(0, 100_000).mapToObj(i -> new Paragraph(i * 10, i * 10 + 9, i % 2 == 0 ? "vi" : "fr")).toList()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void paragraphs(String name, List<Paragraph> paragraphs) throws Exception {
    assertEquals(paragraphs, Paragraphs.decode(Paragraphs.encode(paragraphs)));
  }

  /** A long text's lines (a gap of one, under 128 characters, one language) cost two bytes each, not ten. */
  @Test
  void paragraphsOfOneLanguageTakeTwoBytesEach() throws Exception {
    List<Paragraph> lines = IntStream.range(0, 1000).mapToObj(i -> new Paragraph(i * 100, i * 100 + 99, "vi")).toList();
    int bytes = Paragraphs.encode(lines).length;
    assertTrue(bytes <= 2 * lines.size() + 8, bytes + " bytes");
  }

  @Test
  void aDocumentWithoutParagraphsHasNone() throws Exception {
    assertEquals(List.of(), Paragraphs.decode(null));
  }

  static Stream<Arguments> cards() {
    Citation vi = citation("25-NQ/TW", "25-NQ/TW", 24, VI);
    Citation sameSentence = Citation.of(Citation.Kind.PARTIAL, "25-NQ/TW", "Nghị quyết số 25", "NQ", null, "25", null, null,
        10, 26, 0.6, VI);
    Citation ru = Citation.of(Citation.Kind.SHORT, "12-CT/TW", "12-CT/TW", "CT", "TW", "12", 2022, LocalDate.of(2022, 1, 5),
        19, 27, 0.85, RU);
    Citation bare = Citation.of(null, "01/GTGT-BL", null, null, null, null, null, null, 0, 0, 0.0, null);
    Citation extremes = Citation.of(Citation.Kind.EXPLICIT, "16-QĐ/TW", ODD, ODD, ODD, LONG, Integer.MIN_VALUE,
        LocalDate.MIN, Integer.MAX_VALUE - 1, Integer.MAX_VALUE, Double.NaN, LONG);
    Citation far = Citation.of(Citation.Kind.EXPLICIT, "10/2022/QH15", "10/2022/QH15", null, "QH15", "10", Integer.MAX_VALUE,
        LocalDate.MAX, 0, 12, -0.0, PL);
    // What the sentence and the number do not hold is written as it is: a raw text other than the sentence's, a type
    // the number does not spell, a part with a leading zero stripped, mentions out of text order.
    Citation ownWords = Citation.of(Citation.Kind.SHORT, "09/2016/TT-BQP", "Thông tư 09", "TT", "BQP", "9", 2016, null,
        300, 311, 0.7, VI);
    Citation law = Citation.of(Citation.Kind.EXPLICIT, "24/2018/QH14", "24/2018/QH14", "LUAT", "QH14", "24", 2018, null,
        5, 17, 1.0, "Luật 24/2018/QH14 về an ninh mạng.");
    Citation notAtItsOffsets = Citation.of(Citation.Kind.UNRESOLVED, "18", "Nghị quyết 18", "NQ", null, "18", null, null,
        40, 60, 0.5, "Nghị quyết 18 đã nói.");
    List<Citation> many = new ArrayList<>();
    for (int i = 0; i < Limits.CITATIONS_PER_FILE; i++) {
      many.add(citation(i + "-NQ/TW", i + "-NQ/TW", i * 20, "x".repeat(Limits.SENTENCE_CHARS - 10) + (i % 50)));
    }
    return Stream.of(
        Arguments.of("nothing known", new Mentions.Card("", null, null, null, List.of(), List.of())),
        Arguments.of("article", new Mentions.Card("corpus/004_5d61ab061fae0b25.txt", PL, "2023-07-18", "Vietnam.vn",
            List.of("pl", "vi"), List.of(vi, sameSentence, ru, bare))),
        Arguments.of("unicode and limits", new Mentions.Card("tư liệu/Đà Nẵng/" + ODD, LONG, "+999999999-12-31", ODD,
            List.of("vi", "und", ""), List.of(extremes, far))),
        Arguments.of("parts in their own words, out of order", new Mentions.Card("a.md", null, null, null, List.of("vi"),
            List.of(ownWords, law, notAtItsOffsets, ownWords))),
        Arguments.of("most citations of a file", new Mentions.Card("big.html", "Big", null, null, List.of("vi"), many)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void cards(String name, Mentions.Card card) throws Exception {
    BytesRef bytes = Mentions.encode(card);
    assertEquals(card, Mentions.decode(bytes));
    // A lookup reads the mentions of one number only, in their order, with their sentences.
    for (String canonical : card.mentions().stream().map(Citation::canonical).distinct().limit(50).toList()) {
      Mentions.Card only = Mentions.decode(bytes, canonical);
      assertEquals(card.mentions().stream().filter(c -> c.canonical().equals(canonical)).toList(), only.mentions());
      assertEquals(card.path(), only.path());
      assertEquals(card.languages(), only.languages());
    }
  }

  @Test
  void aLookupComparesTheWholeNumberNotItsStart() throws Exception {
    Mentions.Card card = new Mentions.Card("a.txt", null, null, null, List.of("vi"),
        List.of(citation("25-NQ/TW", "25-NQ/TW", 0, VI), citation("2-NQ/TW", "2-NQ/TW", 40, VI)));
    BytesRef bytes = Mentions.encode(card);
    assertEquals(List.of(card.mentions().get(1)), Mentions.decode(bytes, "2-NQ/TW").mentions());
    assertEquals(List.of(), Mentions.decode(bytes, "5-NQ/TW").mentions());
    assertEquals(List.of(), Mentions.decode(bytes, "25-NQ/TW ").mentions());
  }

  @Test
  void aSentenceHeldByManyMentionsIsWrittenOnce() throws Exception {
    List<Citation> one = List.of(citation("25-NQ/TW", "25-NQ/TW", 24, LONG));
    List<Citation> ten = Stream.generate(() -> one.get(0)).limit(10).toList();
    int once = Mentions.encode(new Mentions.Card("a", null, null, null, List.of(), one)).length;
    int tenTimes = Mentions.encode(new Mentions.Card("a", null, null, null, List.of(), ten)).length;
    assertTrue(tenTimes < once + 10 * 40, once + " bytes for one mention, " + tenTimes + " for ten");
  }

  static Stream<Arguments> nearKeys() {
    return Stream.of(
        Arguments.of("none", List.of()),
        Arguments.of("word and number keys as NearDuplicates writes them", List.of("w0:8000000000000000", "w1:0",
            "w2:ffffffffffffffff", "w12:1a2b3c", "n0:7fe@vi", "n3:1@ru")),
        Arguments.of("keys of other shapes travel as they are", List.of("", "w", "w1", "w1:", "w01:ab", "w1:00ab",
            "w1:ABC", "w1:12345678901234567", "n1:ab", "w1:ab@vi", "x1:ab", "n1:ab@", "w-1:ab", "w9999999999:ab", ODD)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void nearKeys(String name, List<String> keys) throws Exception {
    assertEquals(keys, NearKeys.decode(NearKeys.encode(keys)));
  }

  @Test
  void aNearKeyTakesItsHashAsEightBytes() throws Exception {
    List<String> keys = List.of("w0:8000000000000000", "w1:7fffffffffffffff", "n0:123456789abcdef@vi");
    // format, count; per key kind, band, 8 bytes (and the language, length-prefixed)
    assertEquals(2 + 3 * 10 + 3, NearKeys.encode(keys).length);
  }

  static Stream<Arguments> refData() {
    return Stream.of(
        Arguments.of("one reference, its dates each once in order", List.of(
            citation("25-NQ/TW", "25-NQ/TW", 0, VI),
            Citation.of(Citation.Kind.SHORT, "25-NQ/TW", "NQ 25", "KL", "TU", "25", null, LocalDate.of(2018, 7, 31), 30, 35, 0.5, null),
            citation("25-NQ/TW", "25-NQ/TW", 50, VI)),
            List.of(new RefData.Entry("25-NQ/TW", "NQ", "TW", 3, List.of("2018-08-01", "2018-07-31")))),
        Arguments.of("nothing known but the number", List.of(
            Citation.of(null, "01/GTGT-BL", "01/GTGT-BL", null, null, null, null, null, 0, 10, 1.0, null)),
            List.of(new RefData.Entry("01/GTGT-BL", "", "", 1, List.of()))),
        Arguments.of("unicode and the farthest dates", List.of(
            Citation.of(Citation.Kind.EXPLICIT, "16-QĐ/TW", ODD, ODD, LONG, "16", null, LocalDate.MIN, 0, 1, 1.0, ODD),
            Citation.of(Citation.Kind.EXPLICIT, "16-QĐ/TW", ODD, "QĐ", "TW", "16", null, LocalDate.MAX, 0, 1, 1.0, ODD),
            Citation.of(Citation.Kind.EXPLICIT, "210-KH/TU", "210-KH/TU", "KH", "TU", "210", null, LocalDate.of(1930, 2, 3), 0, 1, 1.0, RU)),
            List.of(new RefData.Entry("16-QĐ/TW", ODD, LONG, 2, List.of(LocalDate.MIN.toString(), LocalDate.MAX.toString())),
                new RefData.Entry("210-KH/TU", "KH", "TU", 1, List.of("1930-02-03")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void refData(String name, List<Citation> citations, List<RefData.Entry> expected) throws Exception {
    BytesRef bytes = RefData.encode(citations);
    assertEquals(expected, RefData.decode(bytes, c -> true));
    for (RefData.Entry e : expected) assertEquals(List.of(e), RefData.decode(bytes, e.canonical()::equals));
    assertEquals(List.of(), RefData.decode(bytes, c -> false));
  }

  @Test
  void manyReferencesReadBackInOrder() throws Exception {
    List<Citation> citations = IntStream.range(0, Limits.CITATIONS_PER_FILE)
        .mapToObj(i -> citation(i % 3000 + "-CT/TW", "x", i, null)).toList();
    List<RefData.Entry> entries = RefData.decode(RefData.encode(citations), c -> true);
    assertEquals(3000, entries.size());
    assertEquals(new RefData.Entry("0-CT/TW", "NQ", "TW", 4, List.of("2018-08-01")), entries.get(0));
    assertEquals(new RefData.Entry("2999-CT/TW", "NQ", "TW", 3, List.of("2018-08-01")), entries.get(2999));
  }

  /** A value of another format is damage in the index: Lucene's exception, which commands report as such. */
  @Test
  void aValueOfAnotherFormatIsDamage() throws Exception {
    BytesRef paragraphs = Paragraphs.encode(List.of(new Paragraph(0, 10, "vi")));
    BytesRef mentions = Mentions.encode(new Mentions.Card("a", null, null, null, List.of(), List.of(citation("25-NQ/TW", "25-NQ/TW", 0, VI))));
    BytesRef refData = RefData.encode(List.of(citation("25-NQ/TW", "25-NQ/TW", 0, VI)));
    for (BytesRef b : List.of(paragraphs, mentions, refData)) b.bytes[b.offset] = 9;
    assertTrue(assertThrows(CorruptIndexException.class, () -> Paragraphs.decode(paragraphs)).getMessage()
        .contains("a paragraphs value of format 9, expected " + Paragraphs.FORMAT));
    assertThrows(CorruptIndexException.class, () -> Mentions.decode(mentions));
    assertThrows(CorruptIndexException.class, () -> RefData.decode(refData, c -> true));
    assertThrows(CorruptIndexException.class, () -> Paragraphs.decode(new BytesRef()));
    // The text formats before versions were recorded start with neither format byte.
    assertThrows(CorruptIndexException.class, () -> Paragraphs.decode(new BytesRef("vi 0 10\n")));
    assertThrows(CorruptIndexException.class, () -> RefData.decode(new BytesRef("25-NQ/TW\tNQ\tTW\t1\t\n"), c -> true));
  }

  /** A content hash is kept as its bytes and read back as the hex the pipeline gave, whatever its length. */
  @ParameterizedTest
  @ValueSource(strings = {"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "00", "", "0a0b"})
  void hashesKeepTheirHex(String hex) {
    BytesRef kept = Fields.hashBytes(hex);
    assertEquals(hex.length() / 2, kept.length);
    assertEquals(hex, Fields.hashHex(kept));
    assertEquals(new org.apache.lucene.index.Term(Fields.HASH, kept), Fields.hashTerm(Fields.HASH, hex));
  }
}
