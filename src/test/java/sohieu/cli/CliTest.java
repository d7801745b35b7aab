package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
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

  /** Runs the command line in this JVM with picocli's writers capturing what it prints. */
  static Run run(String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void ingestCorpus() {
    index = tmp.resolve("index").toString();
    Run r = run("ingest", "--exclude", "SOURCES.md", "--index", index, "corpus");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("6 added, 0 updated, 0 unchanged, 0 removed, 0 failed"), r.out());
  }

  @Test
  void theStartUpCacheOfALookupIsTrainedOnThatLookupsDemoStepsAlone() {
    Run cite = run("demo", "--lookups-only=cite", "--index", index);
    assertEquals(0, cite.code(), cite.err());
    List<String> steps = cite.out().lines().filter(l -> l.startsWith("$ sohieu ")).toList();
    assertTrue(steps.size() >= 2, steps.toString());
    assertTrue(steps.stream().allMatch(l -> l.startsWith("$ sohieu cite ")), steps.toString());
    Run show = run("demo", "--lookups-only=show", "--index", index);
    assertEquals(0, show.code(), show.err());
    assertTrue(show.out().contains("NQ57-NQ-TW_toan_van.md"), show.out());
    Run all = run("demo", "--lookups-only", "--index", index);
    for (String lookup : List.of("cite", "search", "refs", "show", "stats")) {
      assertTrue(all.out().contains("$ sohieu " + lookup + " "), lookup + " missing from " + all.out());
    }
    Run bogus = run("demo", "--lookups-only=ingest", "--index", index);
    assertEquals(2, bogus.code());
    assertEquals("sohieu demo: --lookups-only: 'ingest' is not a lookup (cite, search, refs, show, stats)", bogus.err().strip());
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

  /**
   * Scan and ingest run one pipeline: a directive's own signing date and title (from its header) replace what the
   * page says in both. The shipped resolution's header gives a date and no subject; its heading stays the title.
   */
  @Test
  void scanAndShowAgreeOnADirectivesOwnTitleAndDate() throws Exception {
    JsonNode scan = assertScanAgreesWithShow("corpus/NQ57-NQ-TW_toan_van.md", index);
    assertEquals("57-NQ/TW", scan.get("identity").get("canonical").asText());
    assertEquals("2024-12-22", scan.get("published").asText(), "the signing date, where the page gives none");
  }

  @Test
  void scanAndShowAgreeOnADirectivesSubjectOverThePageHeadline() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("directive"));
    Path file = Files.writeString(dir.resolve("nq57.md"), """
        ---
        title: Toàn văn Nghị quyết 57 của Bộ Chính trị
        ---
        Số: 57-NQ/TW
        Hà Nội, ngày 22 tháng 12 năm 2024
        NGHỊ QUYẾT
        CỦA BỘ CHÍNH TRỊ
        về đột phá phát triển khoa học,
        công nghệ, đổi mới sáng tạo
        Phát triển khoa học là yếu tố quyết định.
        """);
    String own = tmp.resolve("directive-index").toString();
    assertEquals(0, run("ingest", "--index", own, file.toString()).code());
    JsonNode scan = assertScanAgreesWithShow(file.toString(), own);
    assertEquals("về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo", scan.get("title").asText());
  }

  /** Scans {@code file} and shows it from {@code index}: title, date and text agree; returns the scan. */
  private static JsonNode assertScanAgreesWithShow(String file, String index) throws Exception {
    JsonNode scan = Json.MAPPER.readTree(run("scan", file, "--json").out());
    JsonNode show = Json.MAPPER.readTree(run("show", file, "--json", "--index", index).out());
    assertEquals(show.get("title").asText(), scan.get("title").asText(), file);
    assertEquals(show.get("date").asText(), scan.get("published").asText(), file);
    assertEquals(show.get("text").asText(), scan.get("text").asText(), file);
    return scan;
  }

  /** Every --json document has the top-level fields the README's "JSON output" gives it, in that order. */
  @Test
  void jsonDocumentsHaveTheDocumentedShape() throws Exception {
    String[][] runs = {
        {"scan", "corpus/004_5d61ab061fae0b25.txt"},
        {"search", "nghi quyet"},
        {"cite", "12-CT/TW"},
        {"cite", "12-CT/TU"}, // nothing cites it: the same shape, empty
        {"refs"},
        {"stats"},
        {"show", "004"}};
    for (String[] args : runs) {
      List<String> full = new ArrayList<>(List.of(args));
      full.add("--json");
      if (!args[0].equals("scan")) full.addAll(List.of("--index", index));
      Run r = run(full.toArray(String[]::new));
      List<String> fields = new ArrayList<>();
      Json.MAPPER.readTree(r.out()).fieldNames().forEachRemaining(fields::add);
      assertEquals(documentedFields(args[0]), fields, String.join(" ", args) + ": " + r.err());
    }
    JsonNode none = Json.MAPPER.readTree(run("cite", "12-CT/TU", "--json", "--index", index).out());
    assertEquals(0, none.get("total").asInt());
    assertTrue(none.get("profile").isNull());
    assertEquals(0, none.get("articles").size());
    assertEquals("12-CT/TW", none.get("suggestions").get(0).asText());
  }

  /** The top-level fields of the shape the README documents for {@code command --json}. */
  private static List<String> documentedFields(String command) throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int at = readme.indexOf("- `" + command + " --json`: `{");
    assertTrue(at >= 0, "README documents " + command + " --json");
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int depth = 0;
    for (int i = readme.indexOf('{', at); ; i++) {
      char c = readme.charAt(i);
      if (c == '{' || c == '[') depth++;
      if (c == '}' || c == ']') depth--;
      if (depth == 1 && c != '{' && c != '[') field.append(c);
      if (depth == 1 && c == ',' || depth == 0) {
        String name = field.toString().replace(",", "").split(":")[0].strip();
        if (!name.isEmpty()) fields.add(name);
        field.setLength(0);
      }
      if (depth == 0) return fields;
    }
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

  private static List<String> hitFiles(String... args) throws Exception {
    String[] full = new String[args.length + 3];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "--json";
    full[args.length + 1] = "--index";
    full[args.length + 2] = index;
    Run r = run(full);
    if (r.code() == 1) return List.of();
    assertEquals(0, r.code(), r.err());
    List<String> files = new ArrayList<>();
    for (JsonNode h : Json.MAPPER.readTree(r.out()).get("hits")) files.add(Path.of(h.get("path").asText()).getFileName().toString().substring(0, 3));
    return files.stream().sorted().toList();
  }

  @Test
  void queryFieldsAndDateRanges() throws Exception {
    assertEquals(List.of("000", "003"), hitFiles("search", "date:[2023-12-01 TO 2023-12-31] Parti OR партии"));
    assertEquals(List.of("000", "003"), hitFiles("search", "Parti OR партии", "--from", "2023-12", "--to", "2023-12-31"));
    assertEquals(List.of("004"), hitFiles("search", "lang:pl"));
    assertEquals(List.of("001", "002"), hitFiles("search", "type:CT"));
    assertEquals(List.of("001"), hitFiles("search", "issuer:TU"));
    assertEquals(List.of("004"), hitFiles("search", "ref:16-qd/tw"));
    assertEquals(List.of("001", "002"), hitFiles("search", "12-CT/TW дипломатия"));
    assertEquals(List.of("001", "002"), hitFiles("search", "дипломатия", "--lang", "ru"));
    assertEquals(List.of(), hitFiles("search", "дипломатия", "--lang", "fr"));
    assertEquals(List.of("003"), hitFiles("search", "Politburo -Hanoi"));
    assertEquals(List.of("003"), hitFiles("search", "\"décision n° 209\""));
  }

  @Test
  void badDateInAQueryIsAUsageError() {
    Run r = run("search", "date:[2023-13 TO 2024]", "--index", index);
    assertEquals(2, r.code());
    assertTrue(r.err().contains("not a date"), r.err());
  }

  @Test
  void nearMissSuggestsTheNumberThatIsThere() {
    Run r = run("cite", "12-CT/TU", "--index", index);
    assertEquals(1, r.code());
    assertTrue(r.err().contains("did you mean 12-CT/TW"), r.err());
  }

  @Test
  void citeProfileStatesTheIssueDateAndCoCitedReferences() throws Exception {
    Run r = run("cite", "12-CT/TW", "--json", "--index", index);
    JsonNode profile = Json.MAPPER.readTree(r.out()).get("profile");
    assertEquals(2, profile.get("reference").get("issued").get("2022-01-05").asInt());
    List<String> co = new ArrayList<>();
    profile.get("co_cited").forEach(c -> co.add(c.get("label").asText()));
    assertTrue(co.containsAll(List.of("210-KH/TU", "12-KL/TW", "25-CT/TW")), co.toString());
    assertEquals(1, profile.get("timeline").get("2023-11").asInt());
  }

  @Test
  void citeTimelineDrawsMonths() {
    Run r = run("cite", "43-KL/TW", "--timeline", "--color=never", "--index", index);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("2023-12 ████████████████████████████████████████ 4"), r.out());
    assertTrue(r.out().contains("issued 2019-01-07 (stated in 1 article)"), r.out());
  }

  @Test
  void refsTableFiltersAndParsesBackAsCsv() throws Exception {
    Run r = run("refs", "--type", "CT", "--csv", "--index", index);
    assertEquals(0, r.code(), r.err());
    try (CSVParser csv = CSVParser.parse(r.out(), CSVFormat.RFC4180.builder().setHeader().get())) {
      List<CSVRecord> rows = csv.getRecords();
      assertEquals(List.of("12-CT/TW", "25-CT/TW"), rows.stream().map(x -> x.get("canonical")).toList());
      assertEquals("2", rows.get(0).get("articles"));
    }
    Run two = run("refs", "--min-articles", "2", "--json", "--index", index);
    List<String> refs = new ArrayList<>();
    Json.MAPPER.readTree(two.out()).get("references").forEach(x -> refs.add(x.get("canonical").asText()));
    assertEquals(List.of("12-CT/TW", "12-KL/TW"), refs);
    // a limit asked for holds in machine formats too; without one they are complete
    Run first = run("refs", "--min-articles", "2", "--json", "--limit", "1", "--index", index);
    assertEquals(1, Json.MAPPER.readTree(first.out()).get("references").size(), first.out());
    assertEquals("12-CT/TW", Json.MAPPER.readTree(first.out()).get("references").get(0).get("canonical").asText());
    assertEquals(1, run("refs", "--issuer", "XYZ", "--index", index).code());
    // The Central Committee spelt with its marks is the TW its numbers are stored under.
    assertEquals(run("refs", "--issuer", "TW", "--csv", "--index", index).out(),
        run("refs", "--issuer", "TƯ", "--csv", "--index", index).out());
    assertTrue(run("refs", "--issuer", "TƯ", "--csv", "--index", index).out().contains("12-CT/TW"));
  }

  @Test
  void jsonLinesAreOneRecordPerLine() throws Exception {
    Run r = run("cite", "43-KL/TW", "--jsonl", "--index", index);
    List<String> lines = r.out().lines().toList();
    assertEquals(4, lines.size());
    for (String line : lines) assertEquals("43-KL/TW", Json.MAPPER.readTree(line).get("canonical").asText());
  }

  @Test
  void noColourUnlessAsked() {
    assertFalse(run("search", "Politburo", "--index", index).out().contains("\u001b["));
    assertTrue(run("search", "Politburo", "--color=always", "--index", index).out().contains("\u001b["));
  }

  @Test
  void completionScriptsForBashAndZsh() {
    Run bash = run("completion", "bash");
    assertEquals(0, bash.code());
    assertTrue(bash.out().contains("complete -F _complete_sohieu") || bash.out().contains("_complete_sohieu"));
    assertTrue(run("completion", "zsh").out().startsWith("autoload -U +X compinit"));
    assertEquals(2, run("completion", "fish").code());
  }

  @Test
  void helpOfEveryCommandShowsExamples() {
    for (String cmd : List.of("ingest", "search", "cite", "refs", "show", "scan", "stats", "check", "demo", "completion")) {
      Run r = run(cmd, "--help");
      assertEquals(0, r.code(), cmd);
      assertTrue(r.out().contains("Example"), cmd + " help has no example");
    }
  }

  @Test
  void aLookupBuiltAloneReadsLikeTheWholeTree() {
    // `sohieu cite ...` builds only the cite command; its help and usage errors must not show it.
    Run alone = run("cite", "--help");
    var whole = Main.commandLine();
    java.io.StringWriter help = new java.io.StringWriter();
    whole.setOut(new java.io.PrintWriter(help, true));
    assertEquals(0, whole.execute("cite", "--help"));
    assertEquals(help.toString(), alone.out());
    assertTrue(alone.out().startsWith("Usage: sohieu cite"), alone.out());
    Run missing = run("cite", "--index", index);
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("Try 'sohieu cite --help'"), missing.err());
  }

  @Test
  void profileCountsEveryMentionOnceLeavingOutTheDocumentItself() throws Exception {
    for (String ref : List.of("57-NQ/TW", "43-KL/TW", "12-CT/TW")) {
      JsonNode out = Json.MAPPER.readTree(run("cite", ref, "--json", "--index", index).out());
      int listed = 0;
      for (JsonNode article : out.get("articles")) if (!article.get("self").asBoolean()) listed += article.get("mentions").size();
      assertEquals(listed, out.get("profile").get("reference").get("mentions").asInt(), ref);
      assertEquals(out.get("total").asInt(), out.get("profile").get("reference").get("articles").asInt(), ref);
    }
  }
}
