package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohieu.cli.CliTest.Run;

/**
 * `cite` over a directive's own text and 25 articles citing it: the directive is shown but not counted, and
 * machine formats hold every article and every co-cited reference unless --limit is given.
 */
class CiteCountsTest {
  private static final int ARTICLES = 25;

  @TempDir static Path tmp;
  static String index;

  @BeforeAll
  static void ingest() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    // The directive itself: dated by its letterhead, and naming its own number twice.
    Files.writeString(docs.resolve("ct12.txt"), """
        BAN CHẤP HÀNH TRUNG ƯƠNG
        Số: 12-CT/TW
        Hà Nội, ngày 16 tháng 5 năm 2022
        CHỈ THỊ
        về tăng cường công tác đối ngoại

        Chỉ thị số 12-CT/TW yêu cầu các cấp ủy quán triệt. Ban Bí thư giao các cơ quan thực hiện Chỉ thị số 12-CT/TW.
        """);
    for (int i = 1; i <= ARTICLES; i++) {
      Files.writeString(docs.resolve(String.format("a%02d.txt", i)), "Bài " + i + ". Quán triệt Chỉ thị số 12-CT/TW và Kết luận số "
          + (100 + i) + "-KL/TW, tỉnh ủy đã ban hành kế hoạch thực hiện công tác đối ngoại.\n");
    }
    index = tmp.resolve("index").toString();
    Run r = CliTest.run("ingest", "--index", index, docs.toString());
    assertEquals(0, r.code(), r.err());
  }

  private static JsonNode json(String... args) throws Exception {
    Run r = CliTest.run(args);
    assertEquals(0, r.code(), r.err());
    return Json.MAPPER.readTree(r.out());
  }

  @Test
  void theDirectivesOwnTextIsShownButNotCountedAsCitingIt() throws Exception {
    JsonNode out = json("cite", "12-CT/TW", "--json", "--index", index);
    assertEquals(ARTICLES, out.get("total").asInt());
    assertTrue(out.get("articles").get(0).get("self").asBoolean());
    assertEquals("2022-05-16", out.get("articles").get(0).get("date").asText());
    JsonNode reference = out.get("profile").get("reference");
    assertEquals(ARTICLES, reference.get("articles").asInt());
    assertEquals(ARTICLES, reference.get("mentions").asInt());
    // Only the directive is dated: a month of its own would be its text counted as a citation.
    assertEquals(0, out.get("profile").get("timeline").size(), out.get("profile").toString());
    assertTrue(reference.get("first_seen").isNull());
    assertTrue(CliTest.run("cite", "12-CT/TW", "--index", index).out().startsWith("12-CT/TW  cited by 25 articles, newest 20 shown"));
  }

  @Test
  void machineFormatsAreCompleteUnlessALimitIsGiven() throws Exception {
    JsonNode all = json("cite", "12-CT/TW", "--json", "--index", index);
    assertEquals(ARTICLES + 1, all.get("articles").size());
    assertEquals(ARTICLES, all.get("profile").get("co_cited").size());
    int mentions = 0;
    for (JsonNode a : all.get("articles")) mentions += a.get("mentions").size();
    assertEquals(ARTICLES + 3, mentions); // the directive names itself three times, each article once
    String jsonl = CliTest.run("cite", "12-CT/TW", "--jsonl", "--index", index).out();
    assertEquals(mentions, jsonl.strip().split("\n").length);
    String csv = CliTest.run("cite", "12-CT/TW", "--csv", "--index", index).out();
    assertEquals(mentions + 1, csv.strip().split("\n").length);

    JsonNode limited = json("cite", "12-CT/TW", "--json", "--limit", "3", "--index", index);
    assertEquals(ARTICLES, limited.get("total").asInt());
    assertEquals(1 + 3, limited.get("articles").size());
    String table = CliTest.run("cite", "12-CT/TW", "--index", index).out();
    String cited = table.lines().filter(l -> l.strip().startsWith("cited with")).findFirst().orElseThrow();
    assertEquals(8, cited.split("\\), ").length, cited);
  }
}
