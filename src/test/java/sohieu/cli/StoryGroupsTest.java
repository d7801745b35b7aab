package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohieu.cli.CliTest.Run;

/**
 * Copies of one story are one hit on real files of ../shared/data: two outlets' copies of one news report, and one
 * chapter of the Debian New Maintainers' Guide in English and French; --expand lists each.
 */
class StoryGroupsTest {
  private static final Path DATA = Path.of("").toAbsolutePath().resolve("../shared/data").normalize();

  @TempDir Path tmp;

  private static JsonNode search(String index, String... more) throws Exception {
    String[] args = new String[more.length + 4];
    args[0] = "search";
    System.arraycopy(more, 0, args, 1, more.length);
    args[more.length + 1] = "--json";
    args[more.length + 2] = "--index";
    args[more.length + 3] = index;
    Run r = CliTest.run(args);
    assertEquals(0, r.code(), r.out() + r.err());
    return Json.MAPPER.readTree(r.out());
  }

  @Test
  void syndicatedCopiesAndTranslationsAreOneHitUnlessExpanded() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(DATA.resolve("vi-dev")), "../shared/data absent: story groups not checked");
    Path baomoi = DATA.resolve("vi-dev/baomoi"), guide = DATA.resolve("formats/html");
    List<Path> files = List.of(baomoi.resolve("21472686.txt"), baomoi.resolve("21473998.txt"),
        baomoi.resolve("22589437.txt"), guide.resolve("maint-guide.en/dother.en.html"),
        guide.resolve("maint-guide.fr/dother.fr.html"), guide.resolve("maint-guide.en/first.en.html"));
    String index = tmp.resolve("index").toString();
    String[] ingest = new String[files.size() + 3];
    ingest[0] = "ingest";
    ingest[1] = "--index";
    ingest[2] = index;
    for (int i = 0; i < files.size(); i++) ingest[i + 3] = files.get(i).toString();
    Run r = CliTest.run(ingest);
    assertEquals(0, r.code(), r.out() + r.err());

    // Two outlets' copies of one report on the Standing Committee's resolutions.
    JsonNode news = search(index, "Ủy ban Thường vụ Quốc hội nghị quyết");
    assertEquals(2, news.get("total").asInt(), news.toString());
    assertEquals(1, news.get("hits").size(), news.toString());
    JsonNode hit = news.get("hits").get(0);
    assertEquals(2, hit.get("group_size").asInt());
    assertEquals(1, hit.get("similar").size());
    assertTrue(hit.get("similar").get(0).asText().matches(".*2147(2686|3998)\\.txt"), hit.toString());
    // Two documents, one story: the second page is past the end although its offset is below the total
    Run past = CliTest.run("search", "Ủy ban Thường vụ Quốc hội nghị quyết", "--offset", "1", "--index", index);
    assertEquals("sohieu search: offset 1 is past the last of 2 results", past.err().strip(), past.out() + past.err());
    JsonNode expanded = search(index, "Ủy ban Thường vụ Quốc hội nghị quyết", "--expand");
    assertEquals(2, expanded.get("hits").size(), expanded.toString());
    for (JsonNode h : expanded.get("hits")) assertEquals(1, h.get("group_size").asInt());

    // One chapter in English and French (the same file names, versions and dates), another chapter apart.
    JsonNode chapters = search(index, "debian");
    assertEquals(3, chapters.get("total").asInt(), chapters.toString());
    assertEquals(2, chapters.get("hits").size(), chapters.toString());
    for (JsonNode h : chapters.get("hits")) {
      if (h.get("path").asText().contains("first.en")) {
        assertEquals(1, h.get("group_size").asInt(), h.toString());
      } else {
        assertEquals(2, h.get("group_size").asInt(), h.toString());
        assertTrue(h.get("similar").get(0).asText().matches(".*dother\\.(en|fr)\\.html"), h.toString());
      }
    }
  }
}
