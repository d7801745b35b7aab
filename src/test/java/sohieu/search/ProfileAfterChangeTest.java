package sohieu.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohieu.index.FileSet;
import sohieu.index.IngestListener;
import sohieu.index.Ingester;
import sohieu.refs.CitationRecognizer;

/**
 * A reference's profile follows the index from commit to commit in one process: the walk over each segment is kept
 * between lookups, and a changed or new segment must not answer from it. (Lucene merges segments this small at
 * each commit, so a segment surviving with new deletions is left to the reader cache key's contract.)
 */
class ProfileAfterChangeTest {
  @TempDir Path tmp;

  @Test
  void aProfileCountsWhatTheLatestCommitHolds() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Path index = tmp.resolve("index");
    Files.writeString(docs.resolve("a.txt"), "Thực hiện Chỉ thị số 12-CT/TW ngày 5/1/2022 của Ban Bí thư về đối ngoại nhân dân.\n");
    Files.writeString(docs.resolve("b.txt"), "Quán triệt Chỉ thị 12-CT/TW và Kết luận 12-KL/TW về công tác người Việt Nam ở nước ngoài.\n");
    ingest(docs, index);
    assertEquals(List.of(2L, 1L), articlesAndCoCited(index));

    // b no longer cites it: its old document is deleted in a segment the first lookup walked.
    Files.writeString(docs.resolve("b.txt"), "Quán triệt Kết luận 12-KL/TW về công tác người Việt Nam ở nước ngoài.\n");
    Files.writeString(docs.resolve("c.txt"), "Chỉ thị 12-CT/TW được nhắc lại tại hội nghị tháng 3/2023.\n");
    ingest(docs, index);
    assertEquals(List.of(2L, 0L), articlesAndCoCited(index));

    Files.delete(docs.resolve("a.txt"));
    Files.delete(docs.resolve("c.txt"));
    try (Ingester ingester = Ingester.open(index, 1, Duration.ofSeconds(10))) {
      ingester.ingest(FileSet.of(List.of(docs), List.of()), true, IngestListener.NONE);
    }
    try (Searcher searcher = Searcher.open(index, CitationRecognizer.standard())) {
      assertNull(searcher.profile("12-CT/TW", 10));
    }
  }

  private static void ingest(Path docs, Path index) throws Exception {
    try (Ingester ingester = Ingester.open(index, 1, Duration.ofSeconds(10))) {
      ingester.ingest(FileSet.of(List.of(docs), List.of()), false, IngestListener.NONE);
    }
  }

  /** The articles citing 12-CT/TW and how many of them cite 12-KL/TW beside it. */
  private static List<Long> articlesAndCoCited(Path index) throws Exception {
    try (Searcher searcher = Searcher.open(index, CitationRecognizer.standard())) {
      CiteProfile p = searcher.profile("12-CT/TW", 10);
      long beside = p.coCited().stream().filter(c -> c.label().equals("12-KL/TW")).mapToLong(Stats.Count::documents).sum();
      return List.of(p.reference().articles(), beside);
    }
  }
}
