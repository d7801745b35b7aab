package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohieu.refs.CitationRecognizer;
import sohieu.search.Hit;
import sohieu.search.SearchResult;
import sohieu.search.Searcher;

/**
 * Searches over files this test writes: snippets for phrase, field, citation and date queries, phrases that a line
 * break cuts, the undated documents a date filter leaves out, exact totals past a thousand hits and issue dates.
 */
class SearchResultsTest {
  @TempDir static Path tmp;
  static Path index;
  /** Undated Russian notes, enough for Lucene to stop counting hits exactly by itself. */
  static final int NOTES = 1100;

  @BeforeAll
  static void ingest() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("a_vi_dated.txt"), """
        Báo Nhân DânBáo Nhân Dân05/03/2025

        Thúc đẩy chuyển đổi số trong cơ quan Đảng

        Ban Thường vụ Tỉnh ủy quán triệt Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, \
        công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.
        Các cấp ủy cần đẩy mạnh chuyển đổi số và thúc đẩy chuyển đổi
        số trong công tác tham mưu, thực hiện Quy định số 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị và Thường trực Bộ Chính
        trị về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm.
        """);
    Files.writeString(docs.resolve("b_fr_dated.txt"), """
        Le Courrier du VietnamLe Courrier du Vietnam23/12/2023

        Le Parti renforce son travail auprès des Vietnamiens de l'étranger

        Les délégués ont salué la directive n° 12-CT/TW du Secrétariat sur la diplomatie populaire et le travail \
        des comités du Parti à l'étranger.
        """);
    Files.writeString(docs.resolve("c_ru_undated.txt"), """
        Народная дипломатия в провинции

        Во исполнение Директивы № 12-CT/TW от 5 января 2022 года Секретариата ЦК партии провинция укрепляет \
        народную дипломатию.
        """);
    Files.writeString(docs.resolve("d_vi_undated.txt"), """
        Hội nghị quán triệt chuyển đổi số

        Bộ Chính trị yêu cầu các cấp ủy đẩy mạnh chuyển đổi số, thực hiện Quy định 366-QĐ/TW.
        """);
    // A match that the 400-character clip of a snippet cuts in two.
    Files.writeString(docs.resolve("e_long.txt"), "Một câu dài\n\n" + "các cấp ủy ".repeat(36) + "zyxquux kết thúc.\n");
    Path notes = Files.createDirectories(docs.resolve("notes"));
    for (int i = 1; i <= NOTES; i++) {
      Files.writeString(notes.resolve("n" + i + ".txt"), "Заметка " + i + "\n\nРазвитие народной дипломатии в провинции, выпуск " + i + ".\n");
    }
    index = tmp.resolve("index");
    CliTest.Run r = CliTest.run("ingest", "--index", index.toString(), docs.toString());
    assertEquals(0, r.code(), r.err());
  }

  private static SearchResult search(String query, int limit) throws Exception {
    try (Searcher s = Searcher.open(index, CitationRecognizer.standard())) {
      return s.search(query, limit, 0, false);
    }
  }

  private static String file(Hit h) { return Path.of(h.path()).getFileName().toString(); }

  private static JsonNode json(String... args) throws Exception {
    CliTest.Run r = CliTest.run(args);
    assertEquals(0, r.code(), r.err());
    return Json.MAPPER.readTree(r.out());
  }

  /** Every hit of phrase, field, citation and date queries has a snippet with a match marked in it. */
  @Test
  void everyHitHasAMarkedSnippet() throws Exception {
    for (String q : List.of("\"chuyển đổi số\"", "\"Bộ Chính trị\"", "lang:fr étranger", "lang:vi chuyển đổi số",
        "12-CT/TW дипломатия", "12-CT/TW", "ref:366-QĐ/TW", "type:QĐ kiểm điểm", "type:QĐ", "issuer:TW", "+date:[2025 TO *] +(Bộ Chính trị)",
        "date:2023 diplomatie", "дипломатии")) {
      SearchResult r = search(q, 2000);
      assertFalse(r.hits().isEmpty(), q);
      for (Hit h : r.hits()) {
        assertTrue(h.snippets().stream().anyMatch(s -> s.contains(Style.OPEN_MARK) && s.contains(Style.CLOSE_MARK)),
            q + " -> " + h.path() + ": " + h.snippets());
      }
    }
  }

  /**
   * A phrase cut by a line break after a whole one in the same sentence once crashed the snippet formatter; it is
   * no match (the index keeps lines apart), the whole one is marked.
   */
  @Test
  void phraseBrokenAcrossLinesNeitherCrashesNorCountsAsAMatch() throws Exception {
    SearchResult r = search("\"chuyển đổi số\"", 10);
    Hit a = r.hits().stream().filter(h -> file(h).equals("a_vi_dated.txt")).findFirst().orElseThrow();
    assertTrue(a.snippets().stream().anyMatch(s -> s.contains(Style.OPEN_MARK + "chuyển đổi số" + Style.CLOSE_MARK)),
        a.snippets().toString());
    for (String s : a.snippets()) assertFalse(s.contains("chuyển đổi" + Style.CLOSE_MARK), s);
    CliTest.Run plain = CliTest.run("search", "\"Bộ Chính trị\"", "--limit", "200", "--index", index.toString());
    assertEquals(0, plain.code(), plain.err());
    assertTrue(plain.out().contains("57-NQ/TW của «Bộ Chính trị» về đột phá"), plain.out());
    assertTrue(plain.out().contains("của «Bộ Chính trị» và Thường trực Bộ Chính"), plain.out());
    assertFalse(plain.out().contains("«Bộ Chính»"), plain.out());
  }

  /** The words of a query are marked when it also holds a field, a date range or a citation; so is the citation. */
  @Test
  void fieldsDatesAndCitationsLeaveTheWordsMarked() throws Exception {
    CliTest.Run fr = CliTest.run("search", "lang:fr étranger", "--index", index.toString());
    assertTrue(fr.out().contains("Vietnamiens de «l'étranger»"), fr.out());
    CliTest.Run ru = CliTest.run("search", "12-CT/TW дипломатия", "--index", index.toString());
    assertTrue(ru.out().contains("Директивы № «12-CT/TW» от 5 января 2022 года"), ru.out());
    assertTrue(ru.out().contains("народную «дипломатию»"), ru.out());
    CliTest.Run dated = CliTest.run("search", "Bộ Chính trị", "--from", "2025", "--index", index.toString());
    assertTrue(dated.out().contains("«Bộ» «Chính» «trị»"), dated.out());
  }

  /** A query for a type of document marks the citations of that type. */
  @Test
  void typeMarksTheCitationsOfThatType() throws Exception {
    CliTest.Run r = CliTest.run("search", "type:QĐ", "--index", index.toString());
    assertTrue(r.out().contains("thực hiện Quy định «366-QĐ/TW»."), r.out());
    assertFalse(r.out().contains("«57-NQ/TW»"), r.out());
  }

  /** {@code ref:"..."} and a phrase may hold a citation. */
  @Test
  void citationsInsideQuotes() throws Exception {
    assertEquals(2, json("search", "ref:\"12-CT/TW\"", "--json", "--index", index.toString()).get("total").asInt());
    CliTest.Run phrase = CliTest.run("search", "\"Директивы № 12-CT/TW\"", "--index", index.toString());
    assertEquals(0, phrase.code(), phrase.err());
    assertTrue(phrase.out().contains("Во исполнение «Директивы № 12-CT/TW» от 5 января"), phrase.out());
  }

  /**
   * A citation of a local body typed in a query is looked up as the reference (once a phrase on a field without
   * positions, an internal error), bare, quoted or after ref:.
   */
  @Test
  void localCitationsInAQueryAreReferences(@TempDir Path own) throws Exception {
    Path docs = Files.createDirectories(own.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), "Công văn\n\nThực hiện Văn bản số 331/UBND-TH của Ủy ban nhân dân tỉnh về chuyển đổi số.\n");
    Files.writeString(docs.resolve("b.txt"), "Công văn khác\n\nThực hiện Văn bản số 332/UBND-TH về chuyển đổi số.\n");
    String idx = own.resolve("index").toString();
    assertEquals(0, CliTest.run("ingest", "--index", idx, docs.toString()).code());
    for (String q : List.of("Văn bản số 331/UBND-TH", "ref:\"331/UBND-TH\"", "ref:331/UBND-TH", "ref:331/ubnd-th chuyển đổi số")) {
      CliTest.Run r = CliTest.run("search", q, "--json", "--index", idx);
      assertEquals(0, r.code(), q + ": " + r.err());
      JsonNode hits = Json.MAPPER.readTree(r.out()).get("hits");
      assertEquals(1, hits.size(), q + ": " + hits);
      assertEquals("a.txt", Path.of(hits.get(0).get("path").asText()).getFileName().toString(), q);
    }
  }

  /** A slash is text, never the start of a regular expression (whose stacked repeats once ran for minutes). */
  @Test
  void slashesAreText() {
    for (String q : List.of("/a8888888888+++++++++++++++++++++++b/", "/a++++++++++++++++/", "12-CT/", "chuyển/đổi")) {
      CliTest.Run r = CliTest.run("search", q, "--index", index.toString());
      assertFalse(r.err().contains("internal error") || r.err().contains("Exception"), q + ": " + r.err());
      assertTrue(r.code() == 1 || r.code() == 0 || r.err().lines().count() == 1, q + ": " + r.err());
    }
  }

  /** A snippet clipped inside a match closes the mark, so that a terminal does not stay highlighted. */
  @Test
  void clippingNeverLeavesAMatchOpen() {
    CliTest.Run plain = CliTest.run("search", "zyxquux", "--index", index.toString());
    assertTrue(plain.out().contains("các cấp ủy «zy»…\n"), plain.out());
    CliTest.Run color = CliTest.run("search", "zyxquux", "--color", "always", "--index", index.toString());
    assertTrue(color.out().contains("các cấp ủy \u001b[1;33mzy\u001b[0m…\n"), color.out());
  }

  /** A hit found by fields alone shows its opening sentence rather than nothing. */
  @Test
  void hitFoundByFieldsAloneShowsItsOpening() throws Exception {
    SearchResult r = search("lang:fr", 10);
    assertEquals(1, r.hits().size());
    assertEquals(List.of("Le Parti renforce son travail auprès des Vietnamiens de l'étranger"), r.hits().get(0).snippets());
  }

  @Test
  void dateFilterSaysHowManyUndatedDocumentsItLeftOut() throws Exception {
    CliTest.Run r = CliTest.run("search", "Bộ Chính trị", "--from", "2025", "--index", index.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("1 of 1 documents\n1 undated document left out by the date filter"), r.out());
    JsonNode json = json("search", "Bộ Chính trị", "--from", "2025", "--json", "--index", index.toString());
    assertEquals(1, json.get("total").asInt());
    assertEquals(1, json.get("undated_excluded").asInt());
    // The same filter written in the query: the undated notes and the Russian directive are left out.
    CliTest.Run ru = CliTest.run("search", "date:[2020 TO 2030] дипломатии", "--json", "--index", index.toString());
    assertEquals(1, ru.code(), ru.err());
    assertEquals(0, Json.MAPPER.readTree(ru.out()).get("total").asInt());
    assertEquals(NOTES + 1, Json.MAPPER.readTree(ru.out()).get("undated_excluded").asInt());
    // Nothing found: the message still says where to look.
    CliTest.Run none = CliTest.run("search", "дипломатии", "--to", "2024", "--index", index.toString());
    assertEquals(1, none.code());
    assertTrue(none.err().contains("(" + (NOTES + 1) + " undated documents left out by the date filter)"), none.err());
    // Without a date filter there is nothing to say.
    JsonNode all = json("search", "Bộ Chính trị", "--json", "--index", index.toString());
    assertTrue(all.get("undated_excluded").isNull(), all.toString());
    assertEquals(2, all.get("total").asInt());
  }

  @Test
  void statsCountsTheUndated() throws Exception {
    assertEquals(NOTES + 3, json("stats", "--json", "--index", index.toString()).get("undated").asInt());
    CliTest.Run r = CliTest.run("stats", "--index", index.toString());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("undated\\s+" + (NOTES + 3) + "\\s*")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("2025-03\\s+1\\s*")), r.out());
  }

  @Test
  void totalIsExactPastAThousandHits() throws Exception {
    JsonNode json = json("search", "дипломатии", "--limit", "1", "--json", "--index", index.toString());
    assertEquals(NOTES + 1, json.get("total").asInt());
    assertEquals(1, json.get("hits").size());
    CliTest.Run r = CliTest.run("search", "дипломатии", "--limit", "1", "--sort", "date", "--index", index.toString());
    assertTrue(r.out().contains("1 of " + (NOTES + 1) + " documents"), r.out());
  }

  /** "366-QĐ/TW " is 10 characters and 11 bytes: the date after it keeps its first digit. */
  @Test
  void issueDateAfterANumberWithĐKeepsItsFirstDigit() throws Exception {
    CliTest.Run r = CliTest.run("cite", "366-QD/TW", "--index", index.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("issued 2025-08-30 (stated in 1 article)"), r.out());
    JsonNode issued = json("cite", "366-QĐ/TW", "--json", "--index", index.toString()).get("profile").get("reference").get("issued");
    assertEquals(1, issued.get("2025-08-30").asInt(), issued.toString());
  }

  /** --facets counts the documents the query finds, not the whole index; without it the field is null. */
  @Test
  void facetsCountTheQuerysDocuments() throws Exception {
    JsonNode all = Json.MAPPER.readTree(CliTest.run("search", "ref:12-CT/TW", "--facets", "--json", "--index", index.toString()).out());
    assertEquals(2, all.get("total").asInt(), all.toString());
    JsonNode f = all.get("facets");
    assertEquals("[{\"label\":\"fr\",\"documents\":1},{\"label\":\"ru\",\"documents\":1}]", f.get("languages").toString());
    assertEquals("[{\"label\":\"CT\",\"documents\":2}]", f.get("types").toString());
    assertEquals("[{\"label\":\"2023-12\",\"documents\":1}]", f.get("months").toString(), "the undated one has no month");
    JsonNode vi = Json.MAPPER.readTree(CliTest.run("search", "chuyển đổi số", "--facets", "--json", "--index", index.toString()).out());
    assertEquals("vi", vi.get("facets").get("languages").get(0).get("label").asText());
    assertTrue(vi.get("facets").get("types").toString().contains("\"QĐ\""), vi.get("facets").toString());
    JsonNode plain = Json.MAPPER.readTree(CliTest.run("search", "ref:12-CT/TW", "--json", "--index", index.toString()).out());
    assertTrue(plain.get("facets").isNull());
    CliTest.Run table = CliTest.run("search", "ref:12-CT/TW", "--facets", "--index", index.toString());
    assertTrue(table.out().contains("types") && table.out().contains("CT 2"), table.out());
  }
}
