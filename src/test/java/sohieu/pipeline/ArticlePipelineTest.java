package sohieu.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A file read by its path (ingest, scan FILE) and as a stream (scan -) is the same article, hash and size included. */
class ArticlePipelineTest {
  private static final ArticlePipeline PIPELINE = ArticlePipeline.standard();

  static Stream<Path> corpus() throws Exception {
    return Files.list(Path.of("corpus")).filter(p -> !p.getFileName().toString().equals("SOURCES.md")).sorted();
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void aFileAndItsStreamGiveTheSameArticle(Path file) throws Exception {
    Article byPath = PIPELINE.read(file, file.toString());
    Article byStream;
    try (InputStream in = Files.newInputStream(file)) {
      byStream = PIPELINE.read(in, file.getFileName().toString());
    }
    assertEquals(ArticlePipeline.sha256(file), byPath.hash());
    assertEquals(byPath.hash(), byStream.hash(), "the stream's digest sees every byte once");
    assertEquals(Files.size(file), byStream.size());
    assertEquals(byPath.document(), byStream.document());
    assertEquals(byPath.paragraphs(), byStream.paragraphs());
    assertEquals(byPath.citations(), byStream.citations());
    assertEquals(byPath.identity(), byStream.identity());
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void theCitationLimitKeepsTheFirstAndSaysSo(Path file) throws Exception {
    Article all = PIPELINE.read(file, file.toString());
    ArticlePipeline one = new ArticlePipeline(null, sohieu.Limits.FILE_MB, sohieu.Limits.TEXT_CHARS, 1);
    Article cut = one.read(file, file.toString());
    assertEquals(all.citations().stream().limit(1).toList(), cut.citations());
    assertEquals(all.citations().size() > 1 ? sohieu.Limits.citationsCut(1) : null, cut.cut());
  }
}
