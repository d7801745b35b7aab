package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohieu.Limits;
import sohieu.cli.CliTest.Run;
import sohieu.extract.ExtractionLimitsTest;

/** Files past a limit are named with the limit and the option that raises it; a batch goes on past them. */
class LimitsCliTest {
  @TempDir Path tmp;

  private static Run run(String... args) { return CliTest.run(args); }

  /** {@code n} citations of distinct directives, one sentence each. */
  private static String citations(int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= n; i++) text.append("Ban Bí thư ban hành Chỉ thị số ").append(i).append("-CT/TW về công tác cán bộ.\n");
    return text.toString();
  }

  @Test
  void scanNamesADocxBombAndTheOptionThatRaisesTheLimit() throws Exception {
    // 160,000 characters: under the ratio at which Tika suspects a zip bomb, over the limit set here.
    Path bomb = ExtractionLimitsTest.docx(tmp.resolve("bomb.docx"), 2_000, false);
    Run r = run("scan", "--max-chars", "100000", bomb.toString());
    assertEquals(Main.ERROR, r.code(), r.out());
    assertEquals("sohieu scan: " + bomb + ": too much text: more than 100,000 characters (--max-chars raises the limit)\n",
        r.err());
    // Raised, the same file is read.
    Run raised = run("scan", "--max-chars", "1000000", "--json", bomb.toString());
    assertEquals(0, raised.code(), raised.err());
    assertEquals("12-CT/TW", Json.MAPPER.readTree(raised.out()).get("citations").get(0).get("canonical").asText());
  }

  @Test
  void anIngestBatchFailsTheBombByNameAndIndexesTheRest() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Path bomb = ExtractionLimitsTest.docx(docs.resolve("bomb.docx"), 20_000, false);
    Files.writeString(docs.resolve("good.txt"), "Chỉ thị số 12-CT/TW về công tác đối ngoại.\n");
    Files.writeString(docs.resolve("big.txt"), "Nghị quyết số 57-NQ/TW.\n".repeat(10_000));
    String index = tmp.resolve("index").toString();
    Run r = run("ingest", "--max-chars", "100000", "--index", index, docs.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith("1 added, 0 updated, 0 unchanged, 0 removed, 2 failed"), r.out());
    assertTrue(r.err().contains("failed: " + bomb + ": too much text: more than 100,000 characters (--max-chars raises the limit)\n"), r.err());
    assertTrue(r.err().contains("failed: " + docs.resolve("big.txt") + ": too much text: more than 100,000 characters"), r.err());
    assertEquals(0, run("cite", "12-CT/TW", "--index", index).code());
  }

  @Test
  void citationsPastTheLimitAreDroppedAndSaid() throws Exception {
    Path file = tmp.resolve("many.txt");
    Files.writeString(file, citations(30));
    Run scan = run("scan", "--max-citations", "10", "--json", file.toString());
    assertEquals(0, scan.code(), scan.err());
    String said = "more than 10 citations; only the first 10 are kept (--max-citations raises the limit)";
    assertEquals(file + ": " + said + "\n", scan.err());
    JsonNode json = Json.MAPPER.readTree(scan.out());
    assertEquals(10, json.get("citations").size());
    assertEquals("10-CT/TW", json.get("citations").get(9).get("canonical").asText());
    assertEquals(said, json.get("cut").asText());
    // JSON lines: one record per line, each whole.
    List<String> lines = run("scan", "--max-citations", "10", "--jsonl", file.toString()).out().lines().toList();
    assertEquals(10, lines.size());
    for (String line : lines) assertTrue(Json.MAPPER.readTree(line).has("canonical"), line);

    String index = tmp.resolve("index").toString();
    Run ingest = run("ingest", "--max-citations", "10", "--index", index, file.toString());
    assertEquals(0, ingest.code(), ingest.err());
    assertTrue(ingest.err().contains("cut: " + file + ": " + said), ingest.err());
    assertEquals(0, run("cite", "10-CT/TW", "--index", index).code());
    assertEquals(Main.NOTHING, run("cite", "11-CT/TW", "--index", index).code());
    // Under the default limit nothing is cut, and nothing is said.
    Run all = run("scan", "--json", file.toString());
    assertEquals("", all.err());
    assertEquals(30, Json.MAPPER.readTree(all.out()).get("citations").size());
    assertTrue(Json.MAPPER.readTree(all.out()).get("cut").isNull());
  }

  @Test
  void aDirectiveWhoseSubjectIsOneHugeLineGetsAShortTitle() throws Exception {
    String subject = "về việc " + "tăng cường công tác cán bộ ".repeat(2_000);
    Path file = tmp.resolve("nq.txt");
    Files.writeString(file, "Số: 57-NQ/TW\nHà Nội, ngày 22 tháng 12 năm 2024\nNGHỊ QUYẾT\n" + subject + "\n"
        + "Thực hiện Chỉ thị số 12-CT/TW ngày 5/1/2022 của Ban Bí thư.\n");
    JsonNode identity = Json.MAPPER.readTree(run("scan", "--json", file.toString()).out()).get("identity");
    String title = identity.get("title").asText();
    assertTrue(title.startsWith("về việc tăng cường công tác cán bộ"), title);
    assertTrue(title.length() <= Limits.TITLE_CHARS && title.endsWith("…"), title.length() + ": " + title);

    String index = tmp.resolve("index").toString();
    assertEquals(0, run("ingest", "--index", index, file.toString()).code());
    for (String line : run("cite", "12-CT/TW", "--jsonl", "--index", index).out().lines().toList()) {
      assertEquals(title, Json.MAPPER.readTree(line).get("title").asText());
    }
  }

  @Test
  void aMentionsSentenceIsCappedInALineWithoutStops() throws Exception {
    String words = "các cấp ủy đảng cần quán triệt và tổ chức thực hiện nghiêm túc ".repeat(100);
    Path file = tmp.resolve("long.txt");
    Files.writeString(file, words + "theo Chỉ thị số 12-CT/TW " + words + "\n");
    JsonNode c = Json.MAPPER.readTree(run("scan", "--json", file.toString()).out()).get("citations").get(0);
    String sentence = c.get("sentence").asText();
    assertTrue(sentence.contains("12-CT/TW"), sentence);
    assertTrue(sentence.length() <= Limits.SENTENCE_CHARS + c.get("raw").asText().length(), sentence.length() + " chars");
  }

  /** Standard input that never ends and never sends a byte, like a parser that hangs. */
  private static final class Silent extends InputStream {
    private final CountDownLatch never = new CountDownLatch(1);

    @Override
    public int read() throws IOException {
      try {
        never.await();
      } catch (InterruptedException e) {
        throw new InterruptedIOException("given up");
      }
      return -1;
    }
  }

  @Test
  void scanGivesUpAfterItsTimeout() {
    InputStream stdin = System.in;
    System.setIn(new Silent());
    try {
      Run r = run("scan", "--timeout", "1", "-");
      assertEquals(Main.ERROR, r.code(), r.out());
      assertEquals("sohieu scan: -: timed out after 1 s (--timeout allows longer)\n", r.err());
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void limitOptionsBelowOneAreRefused() {
    for (String option : List.of("--max-chars", "--max-size", "--max-citations", "--timeout")) {
      Run r = run("scan", option, "0", "-");
      assertEquals(Main.ERROR, r.code(), option);
      assertEquals("sohieu scan: " + option + " must be at least 1, not 0\n", r.err());
    }
  }
}
