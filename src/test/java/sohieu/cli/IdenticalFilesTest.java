package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohieu.cli.CliTest.Run;

/**
 * Identical files are one document with all their paths, through incremental ingests and prunes: a copy added, a
 * copy deleted, the original deleted or changed while a copy remains. On a real article of the corpus (Polish and
 * Vietnamese, citing 16-QĐ/TW).
 */
class IdenticalFilesTest {
  private static final Path ARTICLE = Path.of("corpus", "004_5d61ab061fae0b25.txt");
  private static final String QUERY = "mobilizacją masową";

  @TempDir Path tmp;

  private String index;

  private Run ok(String... args) {
    Run r = CliTest.run(args);
    assertTrue(r.code() == 0, String.join(" ", args) + ": " + r.out() + r.err());
    return r;
  }

  private void ingest(boolean prune, Path... paths) {
    // Several threads, more than the cores: the first identical file in the walk holds the document all the same
    List<String> args = new ArrayList<>(List.of("ingest", "--threads", "4", "--index", index));
    if (prune) args.add("--prune");
    for (Path p : paths) args.add(p.toString());
    ok(args.toArray(String[]::new));
  }

  /** The one hit of the query: its path and copies; fails when the content is found more than once. */
  private JsonNode onlyHit() throws Exception {
    JsonNode result = Json.MAPPER.readTree(ok("search", QUERY, "--json", "--index", index).out());
    assertEquals(1, result.get("total").asInt(), result.toString());
    return result.get("hits").get(0);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void copiesAreOneHitWithTheirPathsAcrossIngestsAndPrunes() throws Exception {
    index = tmp.resolve("index").toString();
    Path docs = Files.createDirectories(tmp.resolve("docs")), a = docs.resolve("a.txt"), b = docs.resolve("sub/b.txt"),
        c = docs.resolve("sub/c.txt");
    Files.createDirectories(b.getParent());
    Files.copy(ARTICLE, a);
    Files.copy(ARTICLE, b);
    ingest(false, docs);
    JsonNode hit = onlyHit();
    assertEquals(a.toString(), hit.get("path").asText());
    assertEquals(List.of(b.toString()), texts(hit.get("copies")));

    // Shown under any of its paths, with the others; cited once, with its copies.
    JsonNode shown = Json.MAPPER.readTree(ok("show", b.toString(), "--json", "--index", index).out());
    assertEquals(a.toString(), shown.get("path").asText());
    assertEquals(List.of(b.toString()), texts(shown.get("copies")));
    JsonNode cited = Json.MAPPER.readTree(ok("cite", "16-QĐ/TW", "--json", "--index", index).out());
    assertEquals(1, cited.get("articles").size(), cited.toString());
    assertEquals(List.of(b.toString()), texts(cited.get("articles").get(0).get("copies")));
    assertTrue(ok("search", QUERY, "--index", index).out().contains("= " + b), "the text lists the copy");
    JsonNode stats = Json.MAPPER.readTree(ok("stats", "--json", "--index", index).out());
    assertEquals(1, stats.get("documents").asInt(), "a copy is no document of its own");

    // A copy added by a later run joins them.
    Files.copy(ARTICLE, c);
    ingest(false, docs);
    assertEquals(List.of(b.toString(), c.toString()), texts(onlyHit().get("copies")));

    // A copy deleted leaves them with the prune.
    Files.delete(c);
    ingest(true, docs);
    assertEquals(List.of(b.toString()), texts(onlyHit().get("copies")));

    // The original deleted: the remaining copy is the document.
    Files.delete(a);
    ingest(true, docs);
    hit = onlyHit();
    assertEquals(b.toString(), hit.get("path").asText());
    assertEquals(List.of(), texts(hit.get("copies")));
    assertEquals(b.toString(), Json.MAPPER.readTree(ok("show", b.toString(), "--json", "--index", index).out()).get("path").asText());
  }

  @Test
  void aCopyOutsideTheFoldersIngestedTakesThePlaceOfAPrunedOrChangedOriginal() throws Exception {
    index = tmp.resolve("index").toString();
    Path docs = Files.createDirectories(tmp.resolve("docs")), elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.copy(ARTICLE, docs.resolve("a.txt"));
    Files.copy(ARTICLE, elsewhere.resolve("b.txt"));
    ingest(false, docs, elsewhere);
    // The first in the walk is the document, the other its copy.
    JsonNode hit = onlyHit();
    Path original = docs.resolve("a.txt"), copy = elsewhere.resolve("b.txt");
    assertEquals(original.toString(), hit.get("path").asText());
    assertEquals(List.of(copy.toString()), texts(hit.get("copies")));

    // The original changes and only its folder is ingested again: the copy keeps the text it had, as a document.
    Files.writeString(original, Files.readString(original) + "\nChỉ thị số 99-CT/TW.\n");
    ingest(false, original.getParent());
    JsonNode result = Json.MAPPER.readTree(ok("search", QUERY, "--json", "--index", index).out());
    assertEquals(2, result.get("total").asInt(), result.toString());
    for (JsonNode h : result.get("hits")) assertEquals(0, h.get("copies").size(), h.toString());

    // Back to one content (the changed file is now the copy), then the document deleted and its folder alone
    // ingested with --prune: the copy, which no folder given holds, takes its place.
    Files.copy(copy, original, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    ingest(false, docs, elsewhere);
    hit = onlyHit();
    assertEquals(copy.toString(), hit.get("path").asText());
    assertEquals(List.of(original.toString()), texts(hit.get("copies")));
    Files.delete(copy);
    ingest(true, copy.getParent());
    hit = onlyHit();
    assertEquals(original.toString(), hit.get("path").asText());
    assertEquals(0, hit.get("copies").size());
    assertEquals(1, CliTest.run("cite", "99-CT/TW", "--index", index).code(), "the changed text went with its change");
  }
}
