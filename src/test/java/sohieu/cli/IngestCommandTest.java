package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohieu.cli.CliTest.Run;
import sohieu.index.FailedFiles;
import sohieu.schema.Fields;

/** What ingest takes, keeps, skips and reports, on folders the tests write, through the command line. */
class IngestCommandTest {
  @TempDir Path tmp;

  private static Run run(String... args) { return CliTest.run(args); }

  @Test
  void aCitationWithNoKnownTypeOrIssuerCostsNoFile() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    // A law number with no type word, and an office's letter: the vocabulary knows neither type nor issuer.
    Files.writeString(docs.resolve("luat.txt"), "Căn cứ Luật Đất đai số 31/2024/QH15 ngày 18 tháng 01 năm 2024 và "
        + "số 4521/XYZ-DNL, theo Mẫu số 01/GTGT-BL ban hành kèm theo Thông tư này, Ủy ban nhân dân tỉnh thực "
        + "hiện Nghị quyết số 57-NQ/TW.\n");
    String index = tmp.resolve("index").toString();
    Run r = run("ingest", "--index", index, docs.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("1 added, 0 updated, 0 unchanged, 0 removed, 0 failed"), r.out());
    for (String ref : List.of("31/2024/QH15", "57-NQ/TW")) {
      Run cite = run("cite", ref, "--json", "--index", index);
      assertEquals(0, cite.code(), ref + ": " + cite.err());
      assertEquals(1, Json.MAPPER.readTree(cite.out()).get("total").asInt(), ref);
    }
    Run refs = run("refs", "--json", "--index", index);
    assertTrue(refs.out().contains("4521/XYZ-DNL"), refs.out());
    assertFalse(refs.out().contains("01/GTGT-BL"), "a form's number is no reference: " + refs.out());
  }

  /** `ingest --index idx .` from inside the corpus: the index's own files are never taken as articles. */
  @Test
  void anIndexInsideTheCorpusIsNotIngested() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), "Chỉ thị số 12-CT/TW về công tác đối ngoại.\n");
    String index = docs.resolve("idx").toString();
    Run first = run("ingest", "--index", index, docs.toString());
    assertEquals(0, first.code(), first.out() + first.err());
    Run again = run("ingest", "--index", index, docs.toString());
    assertEquals(0, again.code(), again.out() + again.err());
    assertTrue(again.out().contains("0 added, 0 updated, 1 unchanged, 0 removed, 0 failed"), again.out());
    assertTrue(again.out().contains("skipped: " + index + ": a Lucene index"), again.out());
  }

  @Test
  void theFailuresOfABatchAreKeptUntilARerunIndexesTheFile() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("good.txt"), "Chỉ thị số 12-CT/TW về công tác đối ngoại.\n");
    Path empty = Files.createFile(docs.resolve("later.txt"));
    String index = tmp.resolve("index").toString();
    Run first = run("ingest", "--index", index, docs.toString());
    assertEquals(1, first.code(), first.out() + first.err());
    assertEquals(List.of(new FailedFiles.Entry(empty.toString(), empty.toAbsolutePath().toString(), "empty file")),
        FailedFiles.read(Path.of(index)));

    Run check = run("check", "--index", index);
    assertEquals(0, check.code(), check.err());
    assertTrue(check.out().contains("missing: 1 file failed at ingest and is not in the index:\n  " + empty + ": empty file"),
        check.out());
    Run stats = run("stats", "--index", index);
    assertTrue(stats.out().contains("1 file is not in the index (ingest failed):"), stats.out());
    assertTrue(stats.out().contains(empty.toString()), stats.out());

    // Another batch that does not name it leaves it on the list; the batch that indexes it takes it off.
    Path other = Files.writeString(tmp.resolve("other.txt"), "Kết luận số 43-KL/TW.\n");
    assertEquals(0, run("ingest", "--index", index, other.toString()).code());
    assertEquals(1, FailedFiles.read(Path.of(index)).size());
    Files.writeString(empty, "Nghị quyết số 57-NQ/TW về khoa học, công nghệ.\n");
    Run rerun = run("ingest", "--index", index, docs.toString());
    assertEquals(0, rerun.code(), rerun.err());
    assertTrue(rerun.out().startsWith("1 added, 0 updated, 1 unchanged, 0 removed, 0 failed"), rerun.out());
    assertEquals(List.of(), FailedFiles.read(Path.of(index)));
    assertFalse(run("check", "--index", index).out().contains("missing"));

    // A failed file that is then deleted leaves the list with --prune, as documents do.
    Path gone = Files.writeString(docs.resolve("gone.html"), "");
    run("ingest", "--index", index, docs.toString());
    assertEquals(1, FailedFiles.read(Path.of(index)).size());
    Files.delete(gone);
    assertEquals(0, run("ingest", "--prune", "--index", index, docs.toString()).code());
    assertEquals(List.of(), FailedFiles.read(Path.of(index)));
  }

  @Test
  void identicalFilesAreIndexedOnceAndTheSummarySaysSo() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    String text = "Quán triệt Chỉ thị số 12-CT/TW, tỉnh ủy đã ban hành kế hoạch về công tác đối ngoại nhân dân.\n";
    Files.writeString(docs.resolve("a.txt"), text);
    Files.writeString(docs.resolve("b.txt"), text);
    Files.writeString(docs.resolve("c.txt"), "Theo Chỉ thị số 12-CT/TW, một bài khác.\n");
    String index = tmp.resolve("index").toString();
    Run r = run("ingest", "--threads", "1", "--verbose", "--index", index, docs.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("same: " + docs.resolve("b.txt") + " = " + docs.resolve("a.txt")), r.out());
    assertTrue(r.out().contains("2 added, 0 updated, 0 unchanged, 0 removed, 0 failed"), r.out());
    assertTrue(r.out().contains("1 file has the same content as another file and was not indexed again\n"), r.out());
    assertEquals(2, Json.MAPPER.readTree(run("cite", "12-CT/TW", "--json", "--index", index).out()).get("total").asInt());

    // A rerun keeps the same file, and --json names the other and what it is the same as.
    Run again = run("ingest", "--json", "--index", index, docs.toString());
    List<JsonNode> lines = new ArrayList<>();
    for (String line : again.out().strip().split("\n")) lines.add(Json.MAPPER.readTree(line));
    assertEquals(docs.resolve("b.txt").toString(), lines.get(0).get("duplicate").get("path").asText());
    assertEquals(docs.resolve("a.txt").toString(), lines.get(0).get("duplicate").get("same_as").asText());
    JsonNode summary = lines.get(lines.size() - 1).get("summary");
    assertEquals(2, summary.get("unchanged").asInt());
    assertEquals(1, summary.get("duplicates").asInt());

    // Once b differs, it is indexed in its own right (the index knew it, as a copy: updated).
    Files.writeString(docs.resolve("b.txt"), text + "Đoạn thêm.\n");
    Run changed = run("ingest", "--index", index, docs.toString());
    assertTrue(changed.out().startsWith("0 added, 1 updated, 2 unchanged"), changed.out());
  }

  @Test
  void notesAndDataTablesInAFolderAreSkippedAndReportedUnlessNamedOrIncluded() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("bai.txt"), "Chỉ thị số 12-CT/TW về công tác đối ngoại.\n");
    Files.writeString(docs.resolve("SOURCES.md"), "# Sources\n\nbai.txt: crawled from baomoi.com\n");
    Files.writeString(docs.resolve("LICENSE"), "MIT License\n\nPermission is hereby granted, free of charge.\n");
    Files.writeString(docs.resolve("README.txt"), "Articles about 12-CT/TW.\n");
    Files.writeString(docs.resolve("refs.tsv"), "ref\tcontext\n12-CT/TW\tChỉ thị số 12-CT/TW\n");
    String index = tmp.resolve("index").toString();
    Run r = run("ingest", "--index", index, docs.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("1 added, 0 updated, 0 unchanged, 0 removed, 0 failed"), r.out());
    assertTrue(r.out().contains("skipped 4 notes and data tables (README, SOURCES, LICENSE, COPYING, copyright, .tsv, .csv);"
        + " name them or use --include GLOB to ingest them (--verbose lists them)"), r.out());

    Run verbose = run("ingest", "--verbose", "--index", index, docs.toString());
    for (String name : List.of("LICENSE", "README.txt", "SOURCES.md", "refs.tsv")) {
      assertTrue(verbose.out().contains("skipped: " + docs.resolve(name) + "\n"), verbose.out());
    }
    Run included = run("ingest", "--include", "*.tsv", "--index", index, docs.toString(), docs.resolve("SOURCES.md").toString());
    assertTrue(included.out().startsWith("2 added, 0 updated, 1 unchanged"), included.out());
    assertTrue(included.out().contains("skipped 2 notes"), included.out());
  }

  @Test
  void pathsAreStoredAsGivenAndShowFindsADocumentByAnyEndOfItsPath() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("corpus").resolve("tvpl"));
    Files.writeString(docs.resolve("b4a48337d99b7ac7.md"), "Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị.\n");
    Files.writeString(docs.resolve("b4a4ffff00000000.md"), "Thực hiện Kết luận số 43-KL/TW của Bộ Chính trị.\n");
    Files.writeString(docs.resolve("c0ffee0000000000.md"), "Thực hiện Chỉ thị số 12-CT/TW của Ban Bí thư.\n");
    // Relative to where the command runs, as a user would type it.
    String relative = Path.of("").toAbsolutePath().relativize(tmp.resolve("corpus")).toString();
    String index = tmp.resolve("index").toString();
    assertEquals(0, run("ingest", "--index", index, relative).code());
    String stored = relative + "/tvpl/b4a48337d99b7ac7.md";

    JsonNode cite = Json.MAPPER.readTree(run("cite", "57-NQ/TW", "--json", "--index", index).out());
    assertEquals(stored, cite.get("articles").get(0).get("path").asText());
    Run show = run("show", "tvpl/b4a48337", "--json", "--index", index);
    assertEquals(0, show.code(), show.err());
    assertEquals(stored, Json.MAPPER.readTree(show.out()).get("path").asText());
    // The absolute path names the same document.
    assertEquals(0, run("show", tmp.resolve("corpus/tvpl/b4a48337d99b7ac7.md").toString(), "--index", index).code());

    Run ambiguous = run("show", "tvpl/b4a4", "--index", index);
    assertEquals(2, ambiguous.code(), ambiguous.out());
    assertTrue(ambiguous.err().contains("'tvpl/b4a4' names 2 documents; give more of the path:\n  " + stored
        + "\n  " + relative + "/tvpl/b4a4ffff00000000.md\n"), ambiguous.err());
    // A folder is not the end of a path that reaches into a file name.
    assertEquals(1, run("show", "corpus/tvpl", "--index", index).code());

    // The same files given by their absolute path are the same documents, not new ones.
    Run again = run("ingest", "--index", index, tmp.resolve("corpus").toString());
    assertTrue(again.out().startsWith("0 added, 0 updated, 3 unchanged"), again.out());
    assertTrue(run("stats", "--index", index).out().startsWith("3 documents"));
  }

  @Test
  void aFileGivenByItsAbsolutePathKeepsThatPathOnceAndIsFoundByAnyOther() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(docs.resolve("a.md"), "Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị.\n");
    Files.writeString(docs.resolve("b.md"), "Thực hiện Kết luận số 43-KL/TW của Bộ Chính trị.\n");
    String index = tmp.resolve("index").toString(), absolute = docs.toString();
    assertEquals(0, run("ingest", "--index", index, absolute).code());
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(index)))) {
      int doc = new IndexSearcher(reader).search(new TermQuery(new Term(Fields.FILE, docs.resolve("a.md").toString())), 1).scoreDocs[0].doc;
      Document stored = reader.storedFields().document(doc);
      assertEquals(null, stored.get(Fields.FILE));
      assertEquals(docs.resolve("a.md").toString(), Fields.file(stored));
    }
    String relative = Path.of("").toAbsolutePath().relativize(docs).toString();
    Run again = run("ingest", "--index", index, relative);
    assertTrue(again.out().startsWith("0 added, 0 updated, 2 unchanged, 0 removed, 0 failed"), again.out());
    Files.delete(docs.resolve("b.md"));
    Run pruned = run("ingest", "--prune", "--index", index, absolute);
    assertTrue(pruned.out().startsWith("0 added, 0 updated, 1 unchanged, 1 removed, 0 failed"), pruned.out());
    assertEquals(0, run("show", relative + "/a.md", "--index", index).code());
  }
}
