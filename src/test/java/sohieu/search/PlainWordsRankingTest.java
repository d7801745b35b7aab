package sohieu.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import sohieu.index.FileSet;
import sohieu.index.IngestListener;
import sohieu.index.Ingester;
import sohieu.refs.CitationRecognizer;

/**
 * A query of plain words ranks the article about them first: their syllables side by side beat the same syllables
 * scattered (with or without diacritics typed), a toneless syllable in the text does not outrank the toned one meant,
 * and a query with one word too many still finds the article.
 */
class PlainWordsRankingTest {
  @TempDir static Path tmp;
  static Searcher searcher;

  @BeforeAll
  static void ingest() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("nvqs.txt"), "Lệnh gọi nhập ngũ năm 2025\n\n"
        + "Thanh niên đủ tuổi thực hiện nghĩa vụ quân sự theo lệnh gọi của huyện. Việc khám sức khỏe nghĩa vụ quân sự "
        + "diễn ra từ tháng 1.\n");
    Files.writeString(docs.resolve("scattered.txt"), "Tin tổng hợp trong tuần\n\n"
        + "Vụ việc vu khống cán bộ cơ quan thuế được làm rõ. Nhiều hộ trồng cao su ở Bình Phước thu hoạch sớm; "
        + "sự kiện mang ý nghĩa lớn. Bộ đội quân khu 7 giúp dân. Vụ mùa năm nay, cơ quan chức năng cho biết, "
        + "ý nghĩa của sự hỗ trợ là rất lớn đối với vụ cao su và quân dân địa phương. Vu vơ một câu chuyện khác.\n");
    Path index = tmp.resolve("index");
    try (Ingester ingester = Ingester.open(index, 1, Duration.ofSeconds(10))) {
      ingester.ingest(FileSet.of(List.of(docs), List.of()), false, IngestListener.NONE);
    }
    searcher = Searcher.open(index, CitationRecognizer.standard());
  }

  @AfterAll
  static void close() throws Exception {
    searcher.close();
  }

  @ParameterizedTest
  @CsvSource({
      "nghĩa vụ quân sự, nvqs.txt",
      "nghia vu quan su, nvqs.txt",
      "NGHIA VU QUAN SU, nvqs.txt",
      // No document has every word: three in four are enough.
      "nghĩa vụ quân sự năm 2030, nvqs.txt",
  })
  void theArticleAboutTheWordsComesFirst(String query, String first) throws Exception {
    SearchResult r = searcher.search(query, 10, 0, false);
    assertEquals(first, Path.of(r.hits().getFirst().path()).getFileName().toString(), query + " " + r.hits());
  }
}
