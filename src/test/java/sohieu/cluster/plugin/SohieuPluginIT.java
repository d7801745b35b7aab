package sohieu.cluster.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.opensearch.test.OpenSearchIntegTestCase.ClusterScope;
import org.opensearch.test.OpenSearchIntegTestCase.Scope;
import sohieu.analysis.LanguageAnalyzers;
import sohieu.cluster.ClusterTestCase;
import sohieu.cluster.Engine;
import sohieu.pipeline.ArticlePipeline;
import sohieu.refs.Citation;
import sohieu.refs.CitationRecognizer;

/**
 * The plugin on a 3-node cluster, through HTTP: {@code _analyze} with each sohieu_* analyzer gives the tokens of the
 * local analyzer of the same name, and the sohieu_citations processor, run while documents are indexed into 3 shards
 * with a replica each, gives the mentions the local pipeline finds in the shipped corpus.
 */
@ClusterScope(scope = Scope.SUITE, numDataNodes = 3, supportsDedicatedMasters = false, numClientNodes = 0)
public class SohieuPluginIT extends ClusterTestCase {
  /** Sentences with what each analyzer does to them: citations, tone marks, elision, ё, Polish inflection. */
  private static final List<String[]> SENTENCES = List.of(
      new String[] {"vi", "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học."},
      new String[] {"vi", "Hoà bình, thuỷ lợi và sức khoẻ theo Nghị định 15/2020/NĐ-CP; Quyết định 16-qđ/tw."},
      new String[] {"vi", "Ủy ban Trung ương Đảng Cộng sản Việt Nam ban hành Chỉ thị 24-CT/TW và Kết luận 76-KL/TW."},
      new String[] {"ru", "Во исполнение резолюции Политбюро № 57-NQ/TW ещё раз подчеркнули значение партийной учёбы."},
      new String[] {"ru", "Заключения Политбюро № 12 и постановление 15/2020/NĐ-CP обсуждались в Ханое (Nguyễn Văn)."},
      new String[] {"fr", "La résolution 57-NQ/TW du Politburo sur l'innovation et l'économie numérique a été adoptée."},
      new String[] {"fr", "D'après la décision n° 209 du 26 novembre 2019 du Politburo, l'État s'engage."},
      new String[] {"pl", "Uchwała nr 57-NQ/TW Biura Politycznego w sprawie przełomu w rozwoju nauki i technologii."},
      new String[] {"pl", "Wnioski 91 i 93 Biura Politycznego oraz dekret 15/2020/NĐ-CP omawiano w Hanoi."},
      new String[] {"en", "The Politburo's Resolution 57-NQ/TW on breakthroughs in science and technology."},
      new String[] {"und", "Đảng 57-NQ/TW ÉTÉ 東京 2024"},
      new String[] {"folded", "Nghị quyết 57-NQ/TW về hội nhập quốc tế; l'État, ЁЛКА, Łódź."});

  public void testAnalyzeGivesTheLocalTokens() throws IOException {
    try (Engine engine = engine()) {
      for (String[] row : SENTENCES) {
        String lang = row[0];
        String name = lang.equals("folded") ? SohieuPlugin.FOLDED : SohieuPlugin.analyzerName(lang);
        Analyzer local = lang.equals("folded") ? LanguageAnalyzers.folded() : LanguageAnalyzers.forLanguage(lang);
        JsonNode answer = engine.call("POST", "/_analyze", Map.of("analyzer", name, "text", row[1]));
        List<String> cluster = new ArrayList<>();
        for (JsonNode t : answer.path("tokens")) {
          cluster.add(t.path("token").asText() + " " + t.path("start_offset").asInt() + "-" + t.path("end_offset").asInt()
              + " @" + t.path("position").asInt());
        }
        List<String> want = tokens(local, row[1]);
        assertFalse("no tokens for " + row[1], want.isEmpty());
        assertEquals(name + ": " + row[1], want, cluster);
      }
      // The tokenizer and filters on their own, as a custom chain would use them
      JsonNode custom = engine.call("POST", "/_analyze", Map.of("tokenizer", "sohieu_citation",
          "filter", List.of("sohieu_nfkc_casefold", "sohieu_vi_tone_mark"), "text", "Hoà bình theo 57-nq/tw"));
      List<String> terms = new ArrayList<>();
      for (JsonNode t : custom.path("tokens")) terms.add(t.path("token").asText());
      assertEquals(List.of("hòa", "bình", "theo", "57-NQ/TW"), terms);
    }
  }

  public void testProcessorGivesTheLocalMentions() throws Exception {
    List<String> texts = corpus();
    try (Engine engine = engine()) {
      engine.call("PUT", "/_ingest/pipeline/sohieu-citations", Map.of("processors",
          List.of(Map.of(CitationsProcessor.TYPE, Map.of("field", "text", "target_field", "mentions")))));
      engine.call("PUT", "/plain", Map.of("settings", Map.of("number_of_shards", 3, "number_of_replicas", 1),
          "mappings", Map.of("properties", Map.of("text", Map.of("type", "text", "analyzer", "sohieu_vi"),
              "mentions", Map.of("type", "object", "enabled", false)))));
      ensureGreen("plain");
      for (int i = 0; i < texts.size(); i++) {
        engine.call("PUT", "/plain/_doc/" + i + "?pipeline=sohieu-citations", Map.of("text", texts.get(i)));
      }
      int mentions = 0;
      for (int i = 0; i < texts.size(); i++) {
        JsonNode source = engine.call("GET", "/plain/_doc/" + i, null).path("_source");
        List<String> got = new ArrayList<>();
        for (JsonNode m : source.path("mentions")) {
          got.add(String.join("|", m.path("canonical").asText(), m.path("kind").asText(), m.path("type").asText(),
              m.path("issuer").asText(), m.path("issued").asText("null"), m.path("start").asText(),
              m.path("end").asText(), m.path("sentence").asText()));
        }
        List<String> want = new ArrayList<>();
        for (Citation c : CitationRecognizer.standard().scan(texts.get(i))) {
          want.add(String.join("|", c.canonical(), c.kind().name(), c.type(), c.issuer(), String.valueOf(c.issued()),
              String.valueOf(c.start()), String.valueOf(c.end()), c.sentence()));
        }
        assertEquals("document " + i, want, got);
        mentions += want.size();
      }
      assertTrue("the corpus cites documents: " + mentions, mentions > 20);
    }
  }

  /** The texts of the shipped corpus, as ingest extracts them. */
  private static List<String> corpus() throws IOException {
    ArticlePipeline pipeline = ArticlePipeline.standard();
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("corpus"))) {
      for (Path f : files.filter(p -> !p.getFileName().toString().equals("SOURCES.md")).sorted().toList()) {
        try {
          out.add(pipeline.extract(f).text());
        } catch (sohieu.extract.ExtractionException e) {
          throw new AssertionError(f + ": " + e.getMessage(), e);
        }
      }
    }
    assertTrue(out.size() >= 5);
    return out;
  }

  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        out.add(term + " " + offset.startOffset() + "-" + offset.endOffset() + " @" + position);
      }
      ts.end();
    }
    return out;
  }
}
