package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end on the shipped corpus, as an analyst or a script would run them. */
class CliTest {
  @TempDir static Path tmp;
  static String index;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    PrintStream oldOut = System.out, oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      var cmd = Main.commandLine();
      cmd.setOut(new java.io.PrintWriter(System.out, true));
      cmd.setErr(new java.io.PrintWriter(System.err, true));
      int code = cmd.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @BeforeAll
  static void ingestCorpus() {
    index = tmp.resolve("index").toString();
    Run r = run("ingest", "--exclude", "SOURCES.md", "--index", index, "corpus");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("6 added, 0 updated, 0 unchanged, 0 removed, 0 failed"), r.out());
  }

  private static List<String> citedFiles(String ref) throws Exception {
    Run r = run("cite", ref, "--json", "--index", index);
    assertEquals(0, r.code(), r.err());
    List<String> files = new ArrayList<>();
    for (JsonNode a : Json.MAPPER.readTree(r.out()).get("articles")) files.add(Path.of(a.get("path").asText()).getFileName().toString().substring(0, 3));
    return files;
  }

  @Test
  void citeFindsEverySpellingOfTheNumber() throws Exception {
    assertEquals(List.of("001", "002"), citedFiles("12-CT/TW").stream().sorted().toList());
    assertEquals(List.of("004"), citedFiles("16-QĐ/TW"));
    assertEquals(List.of("004"), citedFiles("16-qd/tw"));
    assertEquals(List.of("000"), citedFiles("43- KL/TW"));
  }

  @Test
  void citeShowsTheDirectiveItselfFirst() throws Exception {
    Run r = run("cite", "57-nq/tw", "--json", "--index", index);
    assertEquals(0, r.code(), r.err());
    JsonNode first = Json.MAPPER.readTree(r.out()).get("articles").get(0);
    assertTrue(first.get("self").asBoolean());
    assertTrue(first.get("path").asText().endsWith("NQ57-NQ-TW_toan_van.md"));
    assertEquals("2024-12-22", first.get("date").asText());
  }

  @Test
  void citeOfAnAbsentNumberExitsOneAndSaysSo() {
    Run r = run("cite", "99-NQ/TW", "--index", index);
    assertEquals(1, r.code());
    assertTrue(r.err().contains("no citations of 99-NQ/TW"), r.err());
  }

  @Test
  void citeOfSomethingThatIsNoNumberIsAUsageError() {
    Run r = run("cite", "hello", "--index", index);
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("sohieu cite: 'hello' is not a document number"), r.err());
    assertFalse(r.err().contains("\tat "), "stack trace shown");
  }

  @Test
  void citeMentionsCarryTheirSentence() throws Exception {
    Run r = run("cite", "210-KH/TU", "--jsonl", "--index", index);
    assertEquals(0, r.code(), r.err());
    JsonNode mention = Json.MAPPER.readTree(r.out().lines().findFirst().orElseThrow());
    assertTrue(mention.get("sentence").asText().contains("Плана № 210-KH/TU от 16 октября 2023 года"));
    assertEquals("210-KH/TU", mention.get("raw").asText());
  }

  @Test
  void russianPhraseRanksTheDiplomacyArticlesFirst() throws Exception {
    Run r = run("search", "народной дипломатии", "--json", "--index", index);
    assertEquals(0, r.code(), r.err());
    String first = Json.MAPPER.readTree(r.out()).get("hits").get(0).get("path").asText();
    assertTrue(first.contains("001_") || first.contains("002_"), first);
  }

  @Test
  void vietnameseWithoutDiacriticsFindsTheCaption() throws Exception {
    Run r = run("search", "nghi quyet", "--json", "--index", index);
    assertEquals(0, r.code(), r.err());
    JsonNode hits = Json.MAPPER.readTree(r.out()).get("hits");
    JsonNode seed = null;
    for (JsonNode h : hits) if (h.get("path").asText().endsWith("000_3b03ef79f46259d1.txt")) seed = h;
    assertTrue(seed != null, hits.toString());
    assertTrue(seed.get("snippets").get(0).asText().contains("Nghị quyết 25-NQ/TW"), seed.toString());
  }

  @Test
  void searchWithNoHitsExitsOne() {
    assertEquals(1, run("search", "zzzxxqqq", "--index", index).code());
  }

  @Test
  void querySyntaxErrorIsOneLineAndExitsTwo() {
    Run r = run("search", "(дипломатии", "--index", index);
    assertEquals(2, r.code());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void searchCsvParsesBack() throws Exception {
    Run r = run("search", "Politburo", "--csv", "--index", index);
    assertEquals(0, r.code(), r.err());
    try (CSVParser csv = CSVParser.parse(r.out(), CSVFormat.RFC4180.builder().setHeader().get())) {
      List<CSVRecord> rows = csv.getRecords();
      assertEquals(1, rows.size());
      assertTrue(rows.get(0).get("path").endsWith("003_9c870309ebbbcf83.txt"));
      assertEquals("Vietnam.vn", rows.get(0).get("outlet"));
    }
  }

  @Test
  void statsCountsLanguagesAndReferences() throws Exception {
    Run r = run("stats", "--json", "--index", index);
    JsonNode stats = Json.MAPPER.readTree(r.out());
    assertEquals(6, stats.get("documents").asInt());
    Map<String, Integer> refs = new TreeMap<>();
    stats.get("references").forEach(c -> refs.put(c.get("label").asText(), c.get("documents").asInt()));
    assertEquals(2, refs.get("12-CT/TW"));
  }

  @Test
  void showByFileNamePrefix() throws Exception {
    Run r = run("show", "004", "--json", "--index", index);
    assertEquals(0, r.code(), r.err());
    JsonNode doc = Json.MAPPER.readTree(r.out());
    assertEquals("2023-07-18", doc.get("date").asText());
    assertTrue(doc.get("text").asText().contains("decyzją nr 16-QD/TW"));
  }

  @Test
  void scanJsonListsTheGoldExplicitCitationsOfEverySeed() throws Exception {
    Path gold = Path.of("../shared/gold/seed-citations.tsv");
    assumeTrue(Files.exists(gold), "../shared/gold is absent: the seed gold is checked where it is available");
    Map<String, List<String>> expected = new TreeMap<>();
    for (String line : Files.readAllLines(gold)) {
      if (line.startsWith("#") || line.isBlank()) continue;
      String[] f = line.split("\t", -1);
      if (f[4].equals("explicit")) expected.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[3]);
    }
    for (var e : expected.entrySet()) {
      Run r = run("scan", "corpus/" + e.getKey(), "--json");
      JsonNode json = Json.MAPPER.readTree(r.out());
      List<String> found = new ArrayList<>();
      for (JsonNode c : json.get("citations")) {
        if (c.get("kind").asText().equals("explicit")) found.add(c.get("canonical").asText());
        String text = json.get("text").asText();
        assertEquals(c.get("raw").asText(), text.substring(c.get("start").asInt(), c.get("end").asInt()));
      }
      assertEquals(e.getValue().stream().sorted().toList(), found.stream().sorted().toList(), e.getKey());
    }
  }

  @Test
  void scanReadsStandardInput() throws Exception {
    var oldIn = System.in;
    System.setIn(new java.io.ByteArrayInputStream("Chỉ thị số 12-CT/TW của Ban Bí thư".getBytes(StandardCharsets.UTF_8)));
    try {
      Run r = run("scan", "-", "--json");
      assertEquals(0, r.code(), r.err());
      assertEquals("12-CT/TW", Json.MAPPER.readTree(r.out()).get("citations").get(0).get("canonical").asText());
    } finally {
      System.setIn(oldIn);
    }
  }

  @Test
  void missingFileIsAOneLineError() {
    Run r = run("scan", "no/such/file.txt");
    assertEquals(2, r.code());
    assertEquals("sohieu scan: no/such/file.txt: no such file", r.err().strip());
  }

  @Test
  void checkReportsAHealthyIndex() {
    Run r = run("check", "--index", index);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("ok: 6 documents"), r.out());
  }
}
