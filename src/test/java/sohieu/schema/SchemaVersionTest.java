package sohieu.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohieu.index.Ingester;
import sohieu.refs.CitationRecognizer;
import sohieu.search.Searcher;

/**
 * An index records the schema that wrote it, and one of another schema is refused in one line that names both
 * versions and how to rebuild; {@code index-v1} under the test resources was written before versions were recorded.
 */
class SchemaVersionTest {
  @TempDir Path tmp;

  /** A copy of the index of schema 1, which the test may write to. */
  private Path oldIndex() throws Exception {
    Path from = Path.of(SchemaVersionTest.class.getResource("index-v1").toURI());
    Path to = Files.createDirectories(tmp.resolve("index-v1"));
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
    }
    return to;
  }

  private static String expected(Path index) {
    return "index " + index + " was written by schema 1, this is " + SchemaVersion.CURRENT
        + ": run `sohieu ingest --index NEW-FOLDER PATH...` to rebuild it from its files";
  }

  @Test
  void anIndexOfTheSchemaBeforeVersionsIsRefusedForReading() throws Exception {
    Path index = oldIndex();
    var e = assertThrows(SchemaMismatchException.class, () -> Searcher.open(index, CitationRecognizer.standard()));
    assertEquals(expected(index), e.getMessage());
  }

  @Test
  void anIndexOfTheSchemaBeforeVersionsIsRefusedForWritingAndLeftAsItWas() throws Exception {
    Path index = oldIndex();
    List<String> before;
    try (Stream<Path> files = Files.list(index)) {
      before = files.map(f -> f.getFileName().toString()).sorted().toList();
    }
    var e = assertThrows(SchemaMismatchException.class, () -> Ingester.open(index, 1, Duration.ofSeconds(60)));
    assertEquals(expected(index), e.getMessage());
    try (Stream<Path> files = Files.list(index)) {
      // Lucene's write.lock may stay behind; no commit, no segment and no pid file was added.
      assertEquals(before, files.map(f -> f.getFileName().toString()).filter(f -> !f.equals("write.lock")).sorted().toList());
    }
  }

  @Test
  void everyCommitRecordsTheSchemaAndTheIndexOpens() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), "Thực hiện Chỉ thị số 12-CT/TW của Ban Bí thư về công tác đối ngoại nhân dân.\n");
    Path index = tmp.resolve("index");
    try (Ingester ingester = Ingester.open(index, 1, Duration.ofSeconds(60))) {
      ingester.ingest(List.of(docs.resolve("a.txt")), false, (file, outcome, size, reason) -> {});
    }
    try (FSDirectory dir = FSDirectory.open(index)) {
      assertEquals(SchemaVersion.CURRENT, SchemaVersion.of(SegmentInfos.readLatestCommit(dir).getUserData()));
    }
    try (Searcher searcher = Searcher.open(index, CitationRecognizer.standard())) {
      assertEquals(1, searcher.cite("12-CT/TW", 10).total());
    }
  }

  @Test
  void theLineNamesBothVersions() {
    Path index = Path.of("idx");
    assertNull(SchemaVersion.mismatch(SchemaVersion.stamp(Map.of("sohieu.failed", "[]")), index));
    assertEquals(1, SchemaVersion.of(Map.of()));
    int newer = SchemaVersion.CURRENT + 1;
    assertEquals("index idx was written by schema " + newer + ", this is " + SchemaVersion.CURRENT
            + ": run `sohieu ingest --index NEW-FOLDER PATH...` to rebuild it from its files, or use the newer sohieu that wrote it",
        SchemaVersion.mismatch(Map.of(SchemaVersion.KEY, Integer.toString(newer)), index));
    assertEquals("index idx was written by an unknown schema, this is " + SchemaVersion.CURRENT
            + ": run `sohieu ingest --index NEW-FOLDER PATH...` to rebuild it from its files",
        SchemaVersion.mismatch(Map.of(SchemaVersion.KEY, "two"), index));
  }
}
