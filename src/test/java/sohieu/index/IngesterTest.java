package sohieu.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohieu.schema.Fields;

class IngesterTest {
  @TempDir Path tmp;

  private Path corpusCopy() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("docs"));
    for (Path seed : FileSet.of(List.of(Path.of("corpus")), List.of("*.md"))) {
      Files.copy(seed, dir.resolve(seed.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    return dir;
  }

  private IngestSummary ingest(Path index, Path docs, boolean prune, Map<Path, String> failures) throws Exception {
    try (Ingester ingester = Ingester.open(index, 2, Duration.ofSeconds(60))) {
      return ingester.ingest(FileSet.of(List.of(docs), List.of()), prune, (file, outcome, bytes, reason) -> {
        if (outcome == IngestListener.Outcome.FAILED) failures.put(file, reason);
      });
    }
  }

  @Test
  void reingestingTheSameFolderChangesNothingAndChangedFilesAreReplaced() throws Exception {
    Path docs = corpusCopy(), index = tmp.resolve("index");
    Map<Path, String> failures = new ConcurrentHashMap<>();
    assertEquals(5, ingest(index, docs, false, failures).added());
    IngestSummary again = ingest(index, docs, false, failures);
    assertEquals(new IngestSummary(0, 0, 5, 0, 0, again.bytes(), again.millis()), again);
    Path changed = docs.resolve("002_7ecb2339ddcb0247.txt");
    Files.writeString(changed, Files.readString(changed) + "\nДиректива № 99-CT/TW.\n");
    IngestSummary third = ingest(index, docs, false, failures);
    assertEquals(1, third.updated());
    assertEquals(4, third.unchanged());
    assertEquals(5, count(index, null));
    assertEquals(1, count(index, new Term(Fields.REF, "99-CT/TW")));
    assertTrue(failures.isEmpty(), failures.toString());
  }

  /** Each lookup opens every segment: a run leaves one, and a later run adds its own without rewriting it. */
  @Test
  void aRunLeavesWhatItWroteAsOneSegmentAndLeavesEarlierSegmentsAlone() throws Exception {
    Path docs = corpusCopy(), index = tmp.resolve("index"), more = Files.createDirectories(tmp.resolve("more"));
    try (Ingester ingester = Ingester.open(index, 2, Duration.ofSeconds(60)).commitEvery(1)) {
      assertEquals(5, ingester.ingest(FileSet.of(List.of(docs), List.of()), false, IngestListener.NONE).added());
    }
    List<String> first = segments(index);
    assertEquals(1, first.size(), first.toString());
    Files.writeString(more.resolve("a.md"), "Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị.\n");
    Files.writeString(more.resolve("b.md"), "Thực hiện Kết luận số 43-KL/TW của Bộ Chính trị.\n");
    try (Ingester ingester = Ingester.open(index, 2, Duration.ofSeconds(60)).commitEvery(1)) {
      assertEquals(2, ingester.ingest(FileSet.of(List.of(more), List.of()), false, IngestListener.NONE).added());
    }
    List<String> second = segments(index);
    assertEquals(2, second.size(), second.toString());
    assertTrue(second.containsAll(first), first + " then " + second);
    assertEquals(7, count(index, null));
  }

  private static List<String> segments(Path index) throws Exception {
    try (FSDirectory dir = FSDirectory.open(index)) {
      List<String> names = new java.util.ArrayList<>();
      for (var segment : org.apache.lucene.index.SegmentInfos.readLatestCommit(dir)) names.add(segment.info.name);
      return names;
    }
  }

  @Test
  void aFileNamedTwiceInOneRunIsOneDocument() throws Exception {
    Path docs = corpusCopy(), index = tmp.resolve("index");
    Path file = docs.resolve("002_7ecb2339ddcb0247.txt");
    try (Ingester ingester = Ingester.open(index, 2, Duration.ofSeconds(60))) {
      IngestSummary summary = ingester.ingest(FileSet.of(List.of(file, docs.resolve("./002_7ecb2339ddcb0247.txt"),
          docs.resolve("../docs/002_7ecb2339ddcb0247.txt")), List.of()), false, IngestListener.NONE);
      assertEquals(1, summary.added());
    }
    assertEquals(1, count(index, null));
  }

  @Test
  void pruneRemovesDocumentsWhoseFilesAreGone() throws Exception {
    Path docs = corpusCopy(), index = tmp.resolve("index");
    ingest(index, docs, false, new ConcurrentHashMap<>());
    Files.delete(docs.resolve("004_5d61ab061fae0b25.txt"));
    IngestSummary pruned = ingest(index, docs, true, new ConcurrentHashMap<>());
    assertEquals(1, pruned.removed());
    assertEquals(4, count(index, null));
    assertEquals(0, count(index, new Term(Fields.REF, "16-QĐ/TW")));
  }

  @Test
  void aBadFileIsReportedAndTheBatchGoesOn() throws Exception {
    Path docs = corpusCopy(), index = tmp.resolve("index");
    Files.write(docs.resolve("broken.pdf"), "%PDF-1.7\nnot really a pdf".getBytes());
    Files.write(docs.resolve("broken.docx"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3});
    Map<Path, String> failures = new ConcurrentHashMap<>();
    IngestSummary summary = ingest(index, docs, false, failures);
    assertEquals(5, summary.added());
    assertEquals(2, summary.failed(), failures.toString());
    assertTrue(failures.keySet().stream().allMatch(p -> p.getFileName().toString().startsWith("broken")));
    assertTrue(failures.values().stream().noneMatch(r -> r == null || r.isBlank() || r.contains("\n")));
  }

  @Test
  void identicalFilesAreIndexedOnceAndACopyOfAFailedFileIsNotLost() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs")), index = tmp.resolve("index");
    String text = "Quán triệt Chỉ thị số 12-CT/TW, tỉnh ủy đã ban hành kế hoạch.\n";
    for (String name : List.of("a.txt", "b.txt", "c.txt", "d.txt")) Files.writeString(docs.resolve(name), text);
    // When the parser fails on one of two copies, the other must be indexed, not reported as the same as it.
    Files.writeString(docs.resolve("0.txt"), "Theo Kết luận số 43-KL/TW.\n");
    Files.writeString(docs.resolve("1.txt"), "Theo Kết luận số 43-KL/TW.\n");
    Map<Path, String> failures = new ConcurrentHashMap<>(), same = new ConcurrentHashMap<>();
    IngestSummary summary;
    try (Ingester ingester = Ingester.open(index, 3, Duration.ofSeconds(60))) {
      // The first of the two in the walk holds their content: the parser breaks on it, and the other takes its place.
      ingester.wrapExtraction(parse -> (file, pages) -> {
        if (file.getFileName().toString().equals("0.txt")) {
          throw new sohieu.extract.ExtractionException("the parser broke");
        }
        return parse.extract(file, pages);
      });
      summary = ingester.ingest(FileSet.of(List.of(docs), List.of()), false, (file, outcome, bytes, reason) -> {
        if (outcome == IngestListener.Outcome.FAILED) failures.put(file.getFileName(), reason);
        if (outcome == IngestListener.Outcome.DUPLICATE) same.put(file.getFileName(), reason);
      });
    }
    assertEquals(Map.of(Path.of("0.txt"), "the parser broke"), failures);
    assertEquals(2, summary.added(), same.toString());
    assertEquals(3, summary.duplicates());
    assertEquals(1, count(index, new Term(Fields.REF, "12-CT/TW")));
    assertEquals(1, count(index, new Term(Fields.REF, "43-KL/TW")));
    // Each copy names the one file indexed for it, the first in the walk.
    assertEquals(Map.of(Path.of("b.txt"), docs.resolve("a.txt").toString(), Path.of("c.txt"), docs.resolve("a.txt").toString(),
        Path.of("d.txt"), docs.resolve("a.txt").toString()), same);
  }

  @Test
  void aCopyFarLaterInTheWalkFindsItsCommittedHolderWhichTheIngestNoLongerKeeps() throws Exception {
    // Each content's first file early in the walk, its copy at the end: by then the writer has committed the first
    // (a commit per file here) and the ingest has let go of it, so the copy must find it in the commit.
    Path docs = Files.createDirectories(tmp.resolve("docs")), index = tmp.resolve("index");
    int contents = 40;
    for (int i = 0; i < contents; i++) {
      String text = "Thực hiện Chỉ thị số " + (i + 1) + "-CT/TW, huyện ủy đã ban hành kế hoạch số " + (i + 200) + ".\n";
      Files.writeString(docs.resolve(String.format(java.util.Locale.ROOT, "a-%02d.txt", i)), text);
      Files.writeString(docs.resolve(String.format(java.util.Locale.ROOT, "z-%02d.txt", i)), text);
    }
    Map<Path, String> same = new ConcurrentHashMap<>();
    IngestSummary summary;
    int kept;
    try (Ingester ingester = Ingester.open(index, 4, Duration.ofSeconds(60)).commitEvery(1)) {
      summary = ingester.ingest(FileSet.of(List.of(docs), List.of()), false, (file, outcome, bytes, reason) -> {
        if (outcome == IngestListener.Outcome.DUPLICATE) same.put(file.getFileName(), reason);
      });
      kept = ingester.contentsKept();
    }
    assertEquals(contents, summary.added());
    List<String> wrong = new java.util.ArrayList<>();
    for (int i = 0; i < contents; i++) {
      Path a = docs.resolve(String.format(java.util.Locale.ROOT, "a-%02d.txt", i));
      Path z = Path.of(String.format(java.util.Locale.ROOT, "z-%02d.txt", i));
      if (!a.toString().equals(same.get(z))) wrong.add(z + " -> " + same.get(z));
    }
    assertEquals(List.of(), wrong);
    // What the ingest still keeps is the files in flight at its last commit, not the 80 it has done.
    assertTrue(kept <= 5, kept + " contents kept");
  }

  @Test
  void ofIdenticalFilesTheFirstInTheWalkHoldsTheContentWhateverTheThreads() throws Exception {
    // Pairs of identical files side by side in the walk, on more threads than cores, so that their workers race.
    Path docs = Files.createDirectories(tmp.resolve("docs")), index = tmp.resolve("index");
    int pairs = 60;
    for (int i = 0; i < pairs; i++) {
      String text = "Quán triệt Kết luận số " + (i + 1) + "-KL/TW, tỉnh ủy đã ban hành kế hoạch số " + (i + 100) + ".\n";
      Files.writeString(docs.resolve(String.format(java.util.Locale.ROOT, "%02d-a.txt", i)), text);
      Files.writeString(docs.resolve(String.format(java.util.Locale.ROOT, "%02d-b.txt", i)), text);
    }
    Map<Path, String> same = new ConcurrentHashMap<>();
    IngestSummary summary;
    try (Ingester ingester = Ingester.open(index, 8, Duration.ofSeconds(60))) {
      summary = ingester.ingest(FileSet.of(List.of(docs), List.of()), false, (file, outcome, bytes, reason) -> {
        if (outcome == IngestListener.Outcome.DUPLICATE) same.put(file.getFileName(), reason);
      });
    }
    assertEquals(pairs, summary.added());
    List<String> wrong = new java.util.ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      Path a = docs.resolve(String.format(java.util.Locale.ROOT, "%02d-a.txt", i));
      Path b = Path.of(String.format(java.util.Locale.ROOT, "%02d-b.txt", i));
      if (!a.toString().equals(same.get(b))) wrong.add(a.getFileName() + " is the copy of its pair");
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void aSecondWriterIsRefusedWithThePidOfTheFirst() throws Exception {
    Path index = tmp.resolve("index");
    try (Ingester first = Ingester.open(index, 1, Duration.ofSeconds(60))) {
      IndexBusyException e = assertThrows(IndexBusyException.class, () -> Ingester.open(index, 1, Duration.ofSeconds(60)));
      assertEquals("index is being written by another ingest (pid " + ProcessHandle.current().pid() + ")", e.getMessage());
    }
  }

  private static int count(Path index, Term term) throws Exception {
    try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      return term == null ? reader.numDocs() : new IndexSearcher(reader).count(new TermQuery(term));
    }
  }
}
