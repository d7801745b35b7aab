package sohieu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import sohieu.extract.Ocr;
import sohieu.extract.ScanRenderer;
import sohieu.refs.Citation;
import sohieu.refs.CitationRecognizer;

/**
 * Citations through a scan: real pages rendered as scans (noise, a slight skew) at 300 and 200 dpi, read by OCR as
 * ingest reads them, and their citations against those of the typed text. Pages: the four samples of
 * {@link ScanRenderer#samples} (vi with a letterhead, ru, fr, pl) and, when {@code ../shared/data} is there, eight
 * Vietnamese news pages dense in citations (vi-dev/baomoi, read in place). Recall counts the typed text's mentions
 * (by canonical number, per page) that the scan gives back; a false citation is one the scan gives that the typed
 * text does not have. Seconds per page, with the first look (script detection, the Vietnamese reading) and the
 * re-reading of single words apart. Prints the misses and one JSON line.
 * Run: {@code java -cp "target/classes:target/test-classes:target/lib/*" sohieu.bench.OcrBench}
 */
public final class OcrBench {
  private static final CitationRecognizer R = CitationRecognizer.standard();
  private static final int REAL_PAGES = 8, PAGE_CHARS = 900;

  private OcrBench() {}

  public static void main(String[] args) throws Exception {
    ScanRenderer renderer = ScanRenderer.find();
    if (renderer == null || !ScanRenderer.tesseract()) {
      System.err.println("OcrBench: skipped: " + (renderer == null ? ScanRenderer.missing() : "Tesseract is not installed"));
      System.out.println("{}");
      return;
    }
    List<ScanRenderer.Sample> pages = new ArrayList<>(ScanRenderer.samples(Path.of("corpus")));
    pages.addAll(realPages(Path.of("../shared/data/vi-dev/baomoi")));
    Path dir = Files.createTempDirectory("sohieu-ocr-bench");
    Ocr ocr = new Ocr(120);
    Map<String, Object> json = new LinkedHashMap<>();
    try {
      for (int dpi : new int[] {300, 200}) {
        int typed = 0, found = 0, wrong = 0, langRight = 0, second = 0;
        long millis = 0, first = 0, reread = 0;
        for (int i = 0; i < pages.size(); i++) {
          ScanRenderer.Sample s = pages.get(i);
          Path png = renderer.render(s, dir.resolve(i + "-" + dpi + ".png"), dpi, i % 2 == 0 ? 0.7 : -0.6);
          Ocr.Page page = ocr.read(Files.readAllBytes(png));
          millis += page.millis();
          first += page.firstMillis();
          reread += page.rereadMillis();
          if (page.passes() > 1) second++;
          if (page.lang().equals(s.lang())) langRight++;
          Map<String, Integer> want = counts(R.scan(s.text()));
          Map<String, Integer> got = counts(R.scan(page.text(), Integer.MAX_VALUE,
              List.of(new CitationRecognizer.Scanned(0, page.text().length()))));
          for (var e : want.entrySet()) {
            int n = Math.min(e.getValue(), got.getOrDefault(e.getKey(), 0));
            typed += e.getValue();
            found += n;
            if (n < e.getValue()) System.err.printf("%d dpi %s: missed %s x%d%n", dpi, s.name(), e.getKey(), e.getValue() - n);
          }
          for (var e : got.entrySet()) {
            int extra = e.getValue() - want.getOrDefault(e.getKey(), 0);
            if (extra > 0) {
              wrong += extra;
              System.err.printf("%d dpi %s: FALSE %s x%d%n", dpi, s.name(), e.getKey(), extra);
            }
          }
          System.err.printf(Locale.ROOT, "%d dpi %-22s %s -> %s, %s, %d reading(s), %.1f s%n", dpi, s.name(), s.lang(),
              page.lang(), page.models(), page.passes(), page.millis() / 1000.0);
        }
        int n = pages.size();
        json.put("ocr_pages_" + dpi, n);
        json.put("ocr_citations_typed_" + dpi, typed);
        json.put("ocr_recall_" + dpi, round(typed == 0 ? 1 : (double) found / typed));
        json.put("ocr_false_" + dpi, wrong);
        json.put("ocr_language_right_" + dpi, langRight);
        json.put("ocr_s_per_page_" + dpi, round(millis / 1000.0 / n));
        json.put("ocr_first_look_s_per_page_" + dpi, round(first / 1000.0 / n));
        json.put("ocr_reread_s_per_page_" + dpi, round(reread / 1000.0 / n));
        json.put("ocr_second_readings_" + dpi, second);
      }
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : files.toList()) Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    }
    System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(json));
  }

  /** Up to {@value #REAL_PAGES} pages of real Vietnamese news, each its file's first paragraphs that cite a number. */
  private static List<ScanRenderer.Sample> realPages(Path folder) throws Exception {
    List<ScanRenderer.Sample> out = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      System.err.println("OcrBench: " + folder + " absent: the four corpus pages only");
      return out;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      if (out.size() >= REAL_PAGES) break;
      StringBuilder page = new StringBuilder();
      int cited = 0;
      for (String line : Files.readAllLines(f)) {
        line = line.strip();
        if (line.isEmpty() || line.length() > PAGE_CHARS || R.scan(line).isEmpty()) continue;
        if (page.length() + line.length() > PAGE_CHARS) break;
        page.append(line).append('\n');
        cited += R.scan(line).size();
      }
      if (cited >= 2) out.add(new ScanRenderer.Sample("vi", "baomoi/" + f.getFileName(), page.toString().strip()));
    }
    return out;
  }

  private static Map<String, Integer> counts(List<Citation> citations) {
    Map<String, Integer> out = new HashMap<>();
    for (Citation c : citations) out.merge(c.canonical(), 1, Integer::sum);
    return out;
  }

  private static double round(double v) { return Math.round(v * 1000) / 1000.0; }
}
