package sohieu.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Analyzer throughput, MB of UTF-8 input per second on one thread, per language. Text: the repository's corpus/*.txt
 * split by line (Cyrillic → ru, Vietnamese letters → vi, Polish letters → pl, French accents → fr), plus, when
 * present, ../shared/data/vi-dev (vi) and ../shared/data/langid/dev.tsv (all five languages). "und" and "folded"
 * run on everything. Each analyzer warms up 1 s, then analyzes its texts repeatedly for about 2 s.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:target/lib/* sohieu.analysis.AnalyzerBench [seconds [lang,lang...]]}
 */
public final class AnalyzerBench {
  private static final long MAX_BYTES_PER_LANGUAGE = 4_000_000;

  private AnalyzerBench() {}

  public static void main(String[] args) throws IOException {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
    Path root = Path.of(".");
    Map<String, List<String>> texts = new LinkedHashMap<>();
    for (String lang : List.of("vi", "ru", "fr", "pl", "en", "und", "folded")) texts.put(lang, new ArrayList<>());
    List<String> sources = new ArrayList<>();
    try (Stream<Path> files = Files.list(root.resolve("corpus"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
          String lang = guess(line);
          if (lang != null) add(texts, lang, line);
        }
      }
      sources.add("corpus");
    }
    Path shared = root.resolve("..").resolve("shared").resolve("data");
    Path langid = shared.resolve("langid").resolve("dev.tsv");
    if (Files.isRegularFile(langid)) {
      for (String line : Files.readAllLines(langid, StandardCharsets.UTF_8)) {
        String[] f = line.split("\t", 3);
        if (f.length == 3 && texts.containsKey(f[0]) && f[2].length() > 40) add(texts, f[0], f[2]);
      }
      sources.add(langid.toString());
    }
    Path viDev = shared.resolve("vi-dev");
    if (Files.isDirectory(viDev)) {
      try (Stream<Path> files = Files.walk(viDev)) {
        for (Path p : files.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".md")).sorted().toList()) {
          if (bytes(texts.get("vi")) > MAX_BYTES_PER_LANGUAGE) break;
          for (String para : Files.readString(p, StandardCharsets.UTF_8).split("\n\\s*\n")) {
            if (!para.isBlank()) add(texts, "vi", para);
          }
        }
      }
      sources.add(viDev.toString());
    }
    System.out.println("text from: " + String.join(", ", sources) + "; " + seconds + " s per analyzer after 1 s warm-up, one thread, thread CPU time");
    System.out.printf(Locale.ROOT, "%-7s %10s %8s %12s %9s%n", "lang", "input MB", "passes", "tokens/s", "MB/s");
    Map<String, Double> mbPerS = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : texts.entrySet()) {
      List<String> in = e.getValue();
      if (args.length > 1 && !java.util.Arrays.asList(args[1].split(",")).contains(e.getKey())) continue;
      if (in.isEmpty()) {
        mbPerS.put(e.getKey(), null);
        continue;
      }
      Analyzer a = e.getKey().equals("folded") ? LanguageAnalyzers.folded() : LanguageAnalyzers.forLanguage(e.getKey());
      long size = bytes(in);
      run(a, in, 1.0);
      long[] r = run(a, in, seconds);
      double secs = r[2] / 1e9;
      double mb = r[0] * size / 1e6 / secs;
      mbPerS.put(e.getKey(), Math.round(mb * 100) / 100.0);
      System.out.printf(Locale.ROOT, "%-7s %10.2f %8d %12.0f %9.2f%n", e.getKey(), size / 1e6, r[0], r[1] / secs, mb);
    }
    StringBuilder json = new StringBuilder("{\"analyzer_mb_per_s\":{");
    mbPerS.forEach((k, v) -> json.append('"').append(k).append("\":").append(v).append(','));
    json.setCharAt(json.length() - 1, '}');
    System.out.println(json.append('}'));
  }

  private static void add(Map<String, List<String>> texts, String lang, String text) {
    if (bytes(texts.get(lang)) < MAX_BYTES_PER_LANGUAGE) texts.get(lang).add(text);
    if (bytes(texts.get("und")) < MAX_BYTES_PER_LANGUAGE) texts.get("und").add(text);
    if (bytes(texts.get("folded")) < MAX_BYTES_PER_LANGUAGE) texts.get("folded").add(text);
  }

  private static final Map<List<String>, long[]> SIZES = new java.util.IdentityHashMap<>();

  private static long bytes(List<String> texts) {
    long[] cached = SIZES.computeIfAbsent(texts, k -> new long[2]);
    for (int i = (int) cached[1]; i < texts.size(); i++) cached[0] += texts.get(i).getBytes(StandardCharsets.UTF_8).length;
    cached[1] = texts.size();
    return cached[0];
  }

  /** Loose line language: script first, then letters only one of the Latin languages uses. */
  static String guess(String line) {
    if (line.isBlank()) return null;
    if (line.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)) return "ru";
    if (line.matches("(?s).*[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđĐơư].*")) return "vi";
    if (line.matches("(?s).*[ąęłńśźżćĄĘŁŃŚŹŻĆ].*")) return "pl";
    if (line.matches("(?s).*[éèêàçùœâîôûëïÉÈÀÇ].*")) return "fr";
    return null;
  }

  /** Returns {passes, tokens, nanos}. */
  private static long[] run(Analyzer a, List<String> texts, double seconds) {
    // CPU time of this thread: the machine is shared, so wall time would measure the neighbours
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long start = mx.getCurrentThreadCpuTime();
    long deadline = start + (long) (seconds * 1e9);
    long passes = 0, tokens = 0, sink = 0;
    try {
      do {
        for (String t : texts) {
          try (TokenStream ts = a.tokenStream("f", t)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
              tokens++;
              sink += term.length();
            }
            ts.end();
          }
        }
        passes++;
      } while (mx.getCurrentThreadCpuTime() < deadline);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (sink == 42) System.out.print("");
    return new long[] {passes, tokens, mx.getCurrentThreadCpuTime() - start};
  }
}
