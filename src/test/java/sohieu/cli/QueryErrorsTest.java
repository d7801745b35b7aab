package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import sohieu.cli.CliTest.Run;
import sohieu.refs.CitationRecognizer;
import sohieu.search.SearchResult;
import sohieu.search.Searcher;

/** Whatever a user types as a query or a paging option: bounded work and one clear line, never parser internals. */
class QueryErrorsTest {
  @TempDir static Path tmp;
  static String index;

  @BeforeAll
  static void ingest() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), "Nghị quyết 57-NQ/TW của Bộ Chính trị về chuyển đổi số quốc gia.\n\n"
        + "Căn cứ Nghị định Số: 11/2010/NĐ-CP, hội nghị khai mạc lúc 10:30 và đưa tin tại https://baochinhphu.vn/tin-tuc.\n");
    Files.writeString(docs.resolve("b.txt"), "Развитие народной дипломатии обсуждалось на встрече в Ханое.\n\n"
        + "Стороны договорились расширить сотрудничество в области народной дипломатии и культуры.\n");
    Files.writeString(docs.resolve("c.txt"), "Chỉ thị 12-CT/TW về công tác đối ngoại nhân dân trong tình hình mới.\n");
    index = tmp.resolve("index").toString();
    assertEquals(0, CliTest.run("ingest", "--index", index, docs.toString()).code());
  }

  private static Run search(String... args) {
    List<String> all = new ArrayList<>(List.of("search"));
    all.addAll(List.of(args));
    all.addAll(List.of("--index", index));
    return CliTest.run(all.toArray(String[]::new));
  }

  /** Exit 2 with one line that shows nothing of Java or of the parser's grammar; returns the line. */
  private static String refused(Run r) {
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertClean(r.err());
    return r.err().strip();
  }

  private static void assertClean(String err) {
    for (String internal : List.of("internal error", "Exception", "Error:", "\tat ", "Encountered", "lexical state",
        "Cannot parse '", "\\u", "Query"))
      assertFalse(err.contains(internal), internal + " in: " + err);
  }

  @Test
  void deeplyNestedParenthesesAreRefusedBeforeParsing() {
    String deep = "(".repeat(5_000) + "nghị" + ")".repeat(5_000);
    assertTrue(refused(search(deep)).contains("characters long"));
    String nested = "(".repeat(40) + "nghị" + ")".repeat(40);
    assertTrue(refused(search(nested)).contains("nests brackets more than"));
    // Nesting as deep as any real boolean expression still searches.
    assertEquals(0, search("(".repeat(20) + "nghị" + ")".repeat(20)).code());
  }

  @Test
  void unbalancedParenthesesNameTheirColumn() {
    assertEquals("sohieu search: the ( at column 6 of the query is not closed", refused(search("nghị (quyết")));
    assertEquals("sohieu search: the ) at column 5 of the query has no ( before it", refused(search("nghị) quyết")));
    // A parenthesis inside quotes is text.
    assertEquals(0, search("\"(Nghị quyết\"").code());
  }

  @Test
  void aMegabyteQueryIsRefusedByItsLength() {
    assertTrue(refused(search("nghị ".repeat(200_000))).contains("1,000,000 characters long; at most 1,000"));
  }

  @Test
  void tooManyWordsForTheClauseLimitAreSaidSo() {
    // Short enough for the length limit, too many once each word is searched in every language field.
    String words = IntStream.range(0, 200).mapToObj(i -> "t" + i).collect(Collectors.joining(" "));
    assertTrue(words.length() < 1_000);
    assertTrue(refused(search(words)).contains("the query is too big"));
  }

  @Test
  void anOffsetPastTheLastResultSaysHowManyThereAre() throws Exception {
    Run r = search("nghị", "--offset", "50");
    assertEquals(1, r.code(), r.err());
    assertEquals("sohieu search: offset 50 is past the last of 1 result", r.err().strip());
    assertEquals("", r.out());
    Run json = search("nghị", "--offset", "50", "--json");
    assertEquals(1, json.code());
    assertEquals(1, Json.MAPPER.readTree(json.out()).get("total").asInt());
    // An offset that leaves hits is a page, as before.
    assertEquals(0, search("nghị", "--offset", "0").code());
  }

  @Test
  void theResultWindowIsBounded() {
    assertTrue(refused(search("nghị", "--offset", "99999999")).contains("--offset plus --limit may reach 10000 at most"));
    assertTrue(refused(search("nghị", "--offset", "9995", "--limit", "10")).contains("not 10005"));
    assertTrue(refused(search("nghị", "--offset", String.valueOf(Integer.MAX_VALUE))).contains("--offset plus --limit"));
    assertEquals(0, search("nghị", "--offset", "0", "--limit", "10000").code());
  }

  @Test
  void aLimitOfZeroCountsWithoutHits() throws Exception {
    try (Searcher s = Searcher.open(Path.of(index), CitationRecognizer.standard())) {
      SearchResult r = s.search("nghị", 0, 0, false);
      assertEquals(1, r.total());
      assertEquals(List.of(), r.hits());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"-5", "-1", "0"})
  void aLimitOrOffsetBelowRangeIsNamed(String value) {
    assertTrue(refused(search("nghị", "--limit", value)).contains("--limit must be at least 1, not " + value));
    if (!value.equals("0")) assertTrue(refused(search("nghị", "--offset", value)).contains("--offset must be at least 0"));
    assertTrue(refused(CliTest.run("cite", "57-NQ/TW", "--limit", value, "--index", index)).contains("--limit must be at least 1"));
    assertTrue(refused(CliTest.run("refs", "--limit", value, "--index", index)).contains("--limit must be at least 1"));
  }

  @Test
  void anUnknownFieldIsNamedAndSearchedAsText() {
    Run r = search("foo:bar");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().startsWith("sohieu search: foo: is not a field (the fields are ref, type, issuer, lang, outlet, date);"), r.err());
    assertClean(r.err());
    // A query that does not parse gets its error alone.
    assertTrue(refused(search("foo:bar (")).contains("is not closed"));
    // Known fields keep their meaning, in any case.
    assertEquals(0, search("REF:57-NQ/TW").code());
    assertEquals(0, search("Lang:ru").code());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Số: 11/2010/NĐ-CP", "khai mạc lúc 10:30", "https://baochinhphu.vn/tin-tuc", "Số:11"})
  void aColonOrSlashInTextIsText(String query) {
    Run r = search(query, "--json");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().contains("a.txt"), r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t"})
  void anEmptyQueryIsSaidToBeEmpty(String query) {
    assertEquals("sohieu search: empty query", refused(search(query)));
  }

  @Test
  void aSlashIsTextNeverARegularExpression() {
    // Stacked repeats in a regular expression could run for minutes; a slash is searched as part of the text.
    assertEquals(1, search("/(a+)+b/").code());
    Run r = search("/ngh.*/");
    assertEquals(1, r.code(), r.err());
    assertEquals("no results for /ngh.*/", r.err().strip());
  }

  @Test
  void aHalfCitationWithATrailingSlashIsText() {
    // Not an unclosed regular expression: the words 12 and CT, which the directive's text holds only as 12-CT/TW.
    Run r = search("12-CT/");
    assertEquals(1, r.code(), r.err());
    assertEquals("no results for 12-CT/", r.err().strip());
    Run words = search("đối ngoại 12-CT/");
    assertEquals(1, words.code(), words.err());
    assertEquals(0, search("đối ngoại 12-CT/TW").code());
  }

  @Test
  void aCyrillicQueryComesBackAsTyped() throws Exception {
    String typed = "\"народной дипломатии\"";
    Run r = search(typed, "--json", "--lang", "ru");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"query\" : \"\\\"народной дипломатии\\\"\""), r.out());
    JsonNode doc = Json.MAPPER.readTree(r.out());
    assertEquals(typed, doc.get("query").asText());
    assertEquals(1, doc.get("hits").size());
    Run none = search("\"народной торговли\"");
    assertEquals("no results for \"народной торговли\"", none.err().strip());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--from", "--to"})
  void aPeriodOptionThatIsNoDateIsNamed(String option) {
    assertEquals("sohieu search: " + option + " takes a date YYYY, YYYY-MM or YYYY-MM-DD, not 2023] OR (x",
        refused(search("nghị", option, "2023] OR (x")));
    assertTrue(refused(search("nghị", "--lang", "ru) OR (x")).contains("--lang takes vi, ru"));
  }

  static Stream<String> nastyQueries() {
    return Stream.of("AND", "OR", "NOT", "-", "+", "*", "?", "!", "&&", "||", "~", "^", "\\", ":", "/", "//", "(", ")",
        "[", "]", "{", "}", "\"\"", "nghị AND", "AND nghị", "NOT nghị", "nghị OR OR quyết", "(nghị", "nghị))", "nghị -quyết", "nghị - quyết",
        "[a TO", "{a TO b]", "date:[x TO y]", "date:[2023-02-30 TO 2024]", "date:2023-13", "date:[* TO *]", "date:",
        "ref:", "ref:@@@", "ref:((", "ref:\"\"", "type:", "lang:", "nghị~", "nghị~9", "nghị~-2", "nghị~0.5", "\"nghị quyết\"~x",
        "nghị^", "nghị^x", "народной^дипломатии", "/ngh.*/", "/[/", "/(.*a){300}/", "ref:/57.*/", "nghị*", "*nghị", "?ghị",
        "x".repeat(990), "x".repeat(5_000), "nghị\u0000quyết", "\u0007\u001b[31m", "nghị\\", "\"nghị", "*:*", "a:b:c:d", "\u3000",
        "12-CT/ 57-NQ/", "57-NQ/TW:", "(((((a)))))", "a)b(c");
  }

  @ParameterizedTest
  @MethodSource("nastyQueries")
  void aNastyQueryGetsAnAnswerOrOneClearLine(String query) {
    Run r = search(query);
    assertTrue(r.code() <= 2, r.code() + ": " + r.err());
    assertClean(r.err());
    if (r.code() == 2) assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}
