package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohieu.cli.CliTest.Run;

/** One party document written three ways in three articles is one reference, cited by any of its spellings. */
class PartyNumberCliTest {
  @TempDir static Path tmp;
  static String index;

  @BeforeAll
  static void ingest() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), "Thực hiện Nghị quyết số 36/NQ-TW của Bộ Chính trị về công tác người Việt Nam ở nước ngoài.\n");
    Files.writeString(docs.resolve("b.txt"), "Nghị quyết 36-NQ/TW ngày 26/3/2004 của Bộ Chính trị vẫn là nền tảng.\n");
    Files.writeString(docs.resolve("c.txt"), "Theo Nghị quyết 36-NQ-TW, kiều bào là một bộ phận không tách rời.\n");
    index = tmp.resolve("index").toString();
    Run r = CliTest.run("ingest", "--index", index, docs.toString());
    assertEquals(0, r.code(), r.err());
  }

  private static List<String> cited(String typed) throws Exception {
    Run r = CliTest.run("cite", typed, "--json", "--index", index);
    assertEquals(0, r.code(), typed + ": " + r.err());
    JsonNode doc = Json.MAPPER.readTree(r.out());
    assertEquals("36-NQ/TW", doc.get("canonical").asText());
    List<String> files = new ArrayList<>();
    for (JsonNode a : doc.get("articles")) files.add(Path.of(a.get("path").asText()).getFileName().toString());
    return files.stream().sorted().toList();
  }

  @Test
  void everySpellingCitesTheSameThreeArticles() throws Exception {
    for (String typed : List.of("36-NQ/TW", "36/NQ-TW", "36-NQ-TW", "36-nq-tw", "36-NQ/TW.", "'36/NQ-TW,'", "(36-NQ/TW)")) {
      assertEquals(List.of("a.txt", "b.txt", "c.txt"), cited(typed), typed);
    }
  }

  @Test
  void refsListsOneReference() throws Exception {
    Run r = CliTest.run("refs", "--json", "--index", index);
    assertEquals(0, r.code(), r.err());
    JsonNode refs = Json.MAPPER.readTree(r.out()).get("references");
    assertEquals(1, refs.size(), refs.toString());
    assertEquals("36-NQ/TW", refs.get(0).get("canonical").asText());
    assertEquals(3, refs.get(0).get("articles").asInt());
  }

  @Test
  void searchByAnySpellingFindsAllThree() throws Exception {
    Run r = CliTest.run("search", "36/NQ-TW", "--json", "--index", index);
    assertEquals(0, r.code(), r.err());
    assertEquals(3, Json.MAPPER.readTree(r.out()).get("hits").size(), r.out());
    assertTrue(r.err().isEmpty(), r.err());
  }
}
