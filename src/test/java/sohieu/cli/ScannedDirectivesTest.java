package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohieu.extract.ScanRenderer;
import sohieu.refs.Citation;
import sohieu.refs.CitationRecognizer;

/**
 * Scanned directives end to end: real Vietnamese, Russian, French and Polish text with citations and a letterhead,
 * rendered at 300 dpi with noise and a slight skew as PNG, JPEG, TIFF and a PDF page without a text layer, then
 * ingested and looked up as an analyst would. Skips, saying why, without Tesseract or Debian's ImageMagick.
 */
final class ScannedDirectivesTest {
  private static final int DPI = 300;
  @TempDir static Path tmp;
  static String index;
  /** File name to the sample typed on it. */
  static final Map<String, ScanRenderer.Sample> FILES = new TreeMap<>();

  @BeforeAll
  static void scanAndIngest() throws Exception {
    ScanRenderer renderer = ScanRenderer.find();
    assumeTrue(renderer != null, ScanRenderer.missing());
    assumeTrue(ScanRenderer.tesseract(), "Tesseract and its vie, rus, fra, pol and eng models are not installed "
        + "(apt-get install tesseract-ocr tesseract-ocr-vie tesseract-ocr-rus tesseract-ocr-fra tesseract-ocr-pol tesseract-ocr-eng)");
    Path scans = Files.createDirectories(tmp.resolve("scans"));
    String[] names = {"nq57.png", "ha-tinh.jpg", "", "blok.tiff"};
    double[] skews = {0.8, -0.6, 0.5, -0.9};
    List<ScanRenderer.Sample> samples = ScanRenderer.samples(Path.of("corpus"));
    for (int i = 0; i < samples.size(); i++) {
      ScanRenderer.Sample s = samples.get(i);
      if (s.lang().equals("fr")) {
        // The French page is the second page of a PDF whose first page has a text layer.
        Path page = renderer.render(s, tmp.resolve("fr.png"), DPI, skews[i]);
        ScanRenderer.pdf(scans.resolve("politburo.pdf"), ScanRenderer.paragraph(Path.of("corpus/003_9c870309ebbbcf83.txt"),
            "Scène de la réunion matinale"), page, DPI);
        FILES.put("politburo.pdf", s);
      } else {
        renderer.render(s, scans.resolve(names[i]), DPI, skews[i]);
        FILES.put(names[i], s);
      }
    }
    index = tmp.resolve("index").toString();
    CliTest.Run r = CliTest.run("ingest", "--index", index, scans.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith("4 added, 0 updated, 0 unchanged, 0 removed, 0 failed"), r.out());
  }

  private static JsonNode show(String file) throws Exception {
    CliTest.Run r = CliTest.run("show", file, "--json", "--index", index);
    assertEquals(0, r.code(), r.err());
    return Json.MAPPER.readTree(r.out());
  }

  private static TreeSet<String> canonicals(JsonNode citations) {
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode c : citations) out.add(c.get("canonical").asText());
    return out;
  }

  @Test
  void everyScanHasTheCitationsOfItsTypedTextAndNoOther() throws Exception {
    for (var e : FILES.entrySet()) {
      TreeSet<String> typed = new TreeSet<>();
      for (Citation c : CitationRecognizer.standard().scan(e.getValue().text())) typed.add(c.canonical());
      assertFalse(typed.isEmpty(), e.getKey());
      assertEquals(typed, canonicals(show(e.getKey()).get("citations")), e.getKey());
    }
  }

  @Test
  void eachScanIsInItsLanguageAndMarkedAsRead() throws Exception {
    for (var e : FILES.entrySet()) {
      JsonNode doc = show(e.getKey());
      Map<String, Integer> langs = new TreeMap<>();
      int ocr = 0, typed = 0;
      for (JsonNode p : doc.get("paragraphs")) {
        if (p.get("ocr").asBoolean()) {
          ocr++;
          langs.merge(p.get("lang").asText(), 1, Integer::sum);
        } else {
          typed++;
        }
      }
      String top = langs.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      assertEquals(e.getValue().lang(), top, e.getKey() + ": " + langs);
      assertTrue(ocr > 0, e.getKey());
      assertEquals(e.getKey().endsWith(".pdf") ? 1 : 0, typed, e.getKey() + ": the PDF's first page has a text layer");
    }
  }

  @Test
  void theLetterheadNamesTheDirectiveAndItsDate() throws Exception {
    JsonNode doc = show("nq57.png");
    assertEquals("2024-12-22", doc.get("date").asText(), "the date of the letterhead's place-and-date line");
    CliTest.Run r = CliTest.run("cite", "57-NQ/TW", "--json", "--index", index);
    assertEquals(0, r.code(), r.err());
    JsonNode cite = Json.MAPPER.readTree(r.out());
    List<String> self = new ArrayList<>();
    for (JsonNode a : cite.get("articles")) if (a.get("self").asBoolean()) self.add(Path.of(a.get("path").asText()).getFileName().toString());
    assertEquals(List.of("nq57.png"), self, "the scan is the directive itself");
  }

  @Test
  void citeListsTheScans() throws Exception {
    Map<String, String> refs = Map.of("12-CT/TW", "ha-tinh.jpg", "16-QĐ/TW", "blok.tiff", "209-QĐ/TW", "politburo.pdf",
        "43-KL/TW", "nq57.png");
    for (var e : refs.entrySet()) {
      CliTest.Run r = CliTest.run("cite", e.getKey(), "--index", index);
      assertEquals(0, r.code(), e.getKey() + ": " + r.err());
      assertTrue(r.out().contains(e.getValue()), e.getKey() + ":\n" + r.out());
    }
  }

  @Test
  void scanShowsWhichTextOcrRead() throws Exception {
    CliTest.Run r = CliTest.run("scan", tmp.resolve("scans/politburo.pdf").toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode scan = Json.MAPPER.readTree(r.out());
    assertEquals(1, scan.get("scanned").size(), "only the page without a text layer is read by OCR");
    JsonNode page = scan.get("scanned").get(0);
    assertEquals(2, page.get("page").asInt());
    assertEquals("fr", page.get("lang").asText());
    assertEquals("fra", page.get("models").asText());
    assertEquals(2, page.get("passes").asInt(), "a Latin page not in Vietnamese is read again with its own model");
    String text = scan.get("text").asText();
    assertEquals(text.length(), page.get("end").asInt());
    for (JsonNode p : scan.get("paragraphs")) {
      boolean scanned = p.get("start").asInt() >= page.get("start").asInt();
      assertEquals(scanned, p.get("ocr").asBoolean(), text.substring(p.get("start").asInt(), p.get("end").asInt()));
    }

    CliTest.Run show = CliTest.run("show", "nq57.png", "--index", index);
    assertEquals(0, show.code(), show.err());
    assertTrue(show.out().contains("[vi, ocr] Số 57-NQ/TW"), show.out());
  }
}
