package sohieu.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** A hit lists the document's references as the index keeps them: its own number first, then those it cites, each once. */
class HitReferencesTest {
  @TempDir Path tmp;

  @Test
  void aDirectiveListsItsOwnNumberThenWhatItCitesInOrder() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Path index = tmp.resolve("index");
    Files.writeString(docs.resolve("ct12.txt"), """
        BAN CHẤP HÀNH TRUNG ƯƠNG
        ĐẢNG CỘNG SẢN VIỆT NAM
        *
        Số 12-CT/TW
        Hà Nội, ngày 5 tháng 1 năm 2022

        CHỈ THỊ
        CỦA BAN BÍ THƯ
        về tăng cường công tác đối ngoại nhân dân trong tình hình mới

        Thực hiện Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương, Ban Bí thư yêu cầu các cấp ủy quán triệt \
        Kết luận 12-KL/TW và lại Nghị quyết 25-NQ/TW.
        """);
    Files.writeString(docs.resolve("tin.txt"), "Tin ngắn về thời tiết miền Bắc, không nhắc văn bản nào.\n");
    try (Ingester ingester = Ingester.open(index, 1, Duration.ofSeconds(10))) {
      ingester.ingest(FileSet.of(List.of(docs), List.of()), false, IngestListener.NONE);
    }
    try (Searcher searcher = Searcher.open(index, CitationRecognizer.standard())) {
      assertEquals(List.of("12-CT/TW", "25-NQ/TW", "12-KL/TW"), searcher.search("đối ngoại", 10, 0, false).hits().get(0).refs());
      assertEquals(List.of(), searcher.search("thời tiết", 10, 0, false).hits().get(0).refs());
    }
  }
}
