package sohieu.lang;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Compares language identifiers on the labelled dev set (../shared/data/langid/dev.tsv, when present) and on the
 * hand-labelled seed paragraphs (src/test/resources/sohieu/lang/seed-paragraphs.tsv over corpus/). Prints per-language
 * accuracy by length bucket and speed, then one line of JSON for the standard identifier.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:target/lib/* sohieu.lang.LanguageIdBench [--lingua|--fast|--all]}:
 * --lingua adds Lingua alone (high accuracy, the five languages), the reference for accuracy.
 * Candidates whose library is not on the class path (test-scope runners-up) are reported as skipped.
 */
public final class LanguageIdBench {
  record Sample(String lang, String bucket, String text) {}

  static final List<String> LANGS = Language.CODES;
  static final List<String> BUCKETS = List.of("words", "sent<40", "sent40+", "seed<40", "seed40+");

  public static void main(String[] args) throws Exception {
    Path root = Paths.get("").toAbsolutePath();
    List<Sample> samples = new ArrayList<>();
    Path dev = root.resolve("../shared/data/langid/dev.tsv").normalize();
    if (Files.isRegularFile(dev)) samples.addAll(readDev(dev));
    else System.out.println("SKIP dev set: " + dev + " is absent; only the seed paragraphs are measured");
    samples.addAll(readSeeds(root));
    System.out.printf(Locale.ROOT, "samples: %d (%s)%n", samples.size(), countBuckets(samples));

    Map<String, Supplier<Function<String, String>>> candidates = new LinkedHashMap<>();
    candidates.put("standard (script, trigrams, lingua-hi)", () -> LanguageIdentifier.standard()::identify);
    Map<String, ParagraphSegmenter> segmenters = Map.of("standard (script, trigrams, lingua-hi)", ParagraphSegmenter.standard());
    boolean all = args.length > 0 && args[0].equals("--all");
    if (args.length > 0 && args[0].equals("--fast"))
      for (int k : new int[] {5, 10, 30})
        candidates.put("script, trigrams from " + k + ", lingua-hi", () -> new LanguageIdentifier(new LinguaLatinModel(false, k))::identify);
    if (all || args.length > 0 && args[0].equals("--lingua")) candidates.put("lingua-hi (5 langs)", () -> Candidates.lingua(false));
    if (all) {
      candidates.put("script + lingua-hi only", () -> new LanguageIdentifier(new LinguaLatinModel(false, Integer.MAX_VALUE))::identify);
      candidates.put("script, trigrams, lingua-lo", () -> new LanguageIdentifier(new LinguaLatinModel(true))::identify);
      candidates.put("lingua-lo (5 langs)", () -> Candidates.lingua(true));
      candidates.put("tika opennlp (best of 5)", Candidates::openNlp);
      candidates.put("script + tika opennlp", () -> new LanguageIdentifier(Candidates.openNlpLatin())::identify);
      candidates.put("tika optimaize (5 langs)", Candidates::optimaize);
      candidates.put("script + tika optimaize", () -> new LanguageIdentifier(Candidates.optimaizeLatin())::identify);
    }
    String json = null;
    for (var e : candidates.entrySet()) {
      Function<String, String> f;
      long t0 = System.nanoTime();
      try {
        f = e.getValue().get();
        f.apply("warm up");
      } catch (Throwable t) {
        System.out.println("\nSKIP " + e.getKey() + ": " + t);
        continue;
      }
      double loadS = (System.nanoTime() - t0) / 1e9;
      String j = evaluate(e.getKey(), f, samples, loadS);
      System.out.printf(Locale.ROOT, "mixed one-sentence paragraphs: %.4f%n",
          mixed(segmenters.getOrDefault(e.getKey(), ParagraphSegmenter.of(f)), samples));
      if (json == null) json = j;
    }
    System.out.println(json);
  }

  static String evaluate(String name, Function<String, String> f, List<Sample> samples, double loadS) {
    int[][] ok = new int[LANGS.size() + 1][BUCKETS.size()], n = new int[LANGS.size() + 1][BUCKETS.size()];
    Map<String, Integer> confusions = new LinkedHashMap<>();
    for (Sample s : samples) {
      String got = f.apply(s.text());
      int l = LANGS.indexOf(s.lang()), b = BUCKETS.indexOf(s.bucket());
      if (l < 0) continue;
      n[l][b]++; n[LANGS.size()][b]++;
      if (got.equals(s.lang())) { ok[l][b]++; ok[LANGS.size()][b]++; }
      else confusions.merge(s.lang() + "->" + got, 1, Integer::sum);
    }
    // speed, single thread: (1) documents: every sentence and seed line of 20+ chars, grouped by language into
    // ~5 KB documents of one paragraph a line, through the segmenter; (2) the single words and pairs alone
    double cps = speed(documents(samples), ParagraphSegmenter.of(f)::segment);
    double wordCps = speed(samples.stream().filter(s -> s.bucket().equals("words")).map(Sample::text).toList(), f::apply);
    System.out.printf(Locale.ROOT, "%n== %s   (load %.1f s; documents %.2f M chars/s = %.3f ms per 5 KB; single words/pairs %.2f M chars/s)%n",
        name, loadS, cps / 1e6, 5000 / cps * 1000, wordCps / 1e6);
    System.out.printf(Locale.ROOT, "%-6s", "lang");
    for (String b : BUCKETS) System.out.printf(Locale.ROOT, "%16s", b);
    System.out.println();
    for (int l = 0; l <= LANGS.size(); l++) {
      System.out.printf(Locale.ROOT, "%-6s", l < LANGS.size() ? LANGS.get(l) : "all");
      for (int b = 0; b < BUCKETS.size(); b++)
        System.out.printf(Locale.ROOT, "%16s", n[l][b] == 0 ? "-" : String.format(Locale.ROOT, "%6.2f%% /%5d", 100.0 * ok[l][b] / n[l][b], n[l][b]));
      System.out.println();
    }
    StringBuilder top = new StringBuilder();
    confusions.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(10)
        .forEach(c -> top.append(c.getKey()).append(' ').append(c.getValue()).append("  "));
    System.out.println("errors: " + top);
    int all = LANGS.size();
    int b1 = BUCKETS.indexOf("sent<40"), b2 = BUCKETS.indexOf("sent40+"), s1 = BUCKETS.indexOf("seed<40"), s2 = BUCKETS.indexOf("seed40+");
    double sentence = ratio(ok[all][b1] + ok[all][b2], n[all][b1] + n[all][b2]);
    double paragraph = ratio(ok[all][b2] + ok[all][s2], n[all][b2] + n[all][s2]);
    return String.format(Locale.ROOT,
        "{\"langid_sentence_accuracy\":%.4f,\"langid_paragraph_accuracy\":%.4f,\"langid_chars_per_s\":%.0f}",
        sentence, paragraph, cps);
  }

  /**
   * Accuracy per paragraph on documents of 10 one-sentence paragraphs drawn at random (fixed seed) from the
   * sentence buckets of every language: what the segmenter's context rule and the model's hand-over meet in a
   * multilingual text.
   */
  static double mixed(ParagraphSegmenter segmenter, List<Sample> samples) {
    List<Sample> sentences = new ArrayList<>(samples.stream().filter(s -> s.bucket().startsWith("sent")).toList());
    java.util.Collections.shuffle(sentences, new java.util.Random(14));
    int ok = 0, n = 0;
    for (int from = 0; from < sentences.size(); from += 10) {
      List<Sample> doc = sentences.subList(from, Math.min(sentences.size(), from + 10));
      StringBuilder text = new StringBuilder();
      for (Sample s : doc) text.append(s.text().replace('\n', ' ')).append('\n');
      List<Paragraph> got = segmenter.segment(text.toString());
      if (got.size() != doc.size()) throw new IllegalStateException("a sentence split into paragraphs: " + doc);
      for (int i = 0; i < doc.size(); i++) { n++; if (got.get(i).lang().equals(doc.get(i).lang())) ok++; }
    }
    return ratio(ok, n);
  }

  /** chars/s of f over texts, single thread, thread CPU time: one untimed warm-up pass, then passes for at least 1.5 s. */
  static <T> double speed(List<String> texts, Function<String, T> f) {
    for (String t : texts) f.apply(t);
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long chars = 0, t0 = mx.getCurrentThreadCpuTime(), el;
    int rounds = 0;
    do {
      for (String t : texts) { f.apply(t); chars += t.length(); }
      rounds++;
      el = mx.getCurrentThreadCpuTime() - t0;
    } while (el < 1_500_000_000L && rounds < 200);
    return chars / (el / 1e9);
  }

  /** Sentences and seed lines of 20+ chars, per language, joined one a line into documents of about 5,000 chars. */
  static List<String> documents(List<Sample> samples) {
    List<String> docs = new ArrayList<>();
    for (String lang : LANGS) {
      StringBuilder d = new StringBuilder();
      for (Sample s : samples) {
        if (!s.lang().equals(lang) || s.bucket().equals("words") || s.text().length() < 20) continue;
        d.append(s.text()).append('\n');
        if (d.length() >= 5000) { docs.add(d.toString()); d.setLength(0); }
      }
      if (d.length() > 0) docs.add(d.toString());
    }
    return docs;
  }

  static double ratio(int a, int b) { return b == 0 ? Double.NaN : (double) a / b; }

  static String countBuckets(List<Sample> samples) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (String b : BUCKETS) m.put(b, 0);
    for (Sample s : samples) m.merge(s.bucket(), 1, Integer::sum);
    return m.toString();
  }

  /** dev.tsv: lang, source, text. Single words and word pairs form one bucket; the rest split at 40 chars. */
  static List<Sample> readDev(Path dev) throws IOException {
    List<Sample> out = new ArrayList<>();
    boolean header = true;
    for (String line : Files.readAllLines(dev, StandardCharsets.UTF_8)) {
      if (header) { header = false; continue; }
      String[] f = line.split("\t", 3);
      if (f.length < 3) continue;
      String text = f[2].strip();
      String bucket = f[1].contains("single-words") || f[1].contains("word-pairs") ? "words"
          : text.length() < 40 ? "sent<40" : "sent40+";
      out.add(new Sample(f[0], bucket, text));
    }
    return out;
  }

  /** The hand-labelled seed lines: (file, line, lang) references into corpus/. */
  static List<Sample> readSeeds(Path root) throws IOException {
    List<Sample> out = new ArrayList<>();
    for (SeedLabels.Label l : SeedLabels.load(root)) {
      out.add(new Sample(l.lang(), l.text().length() < 40 ? "seed<40" : "seed40+", l.text()));
    }
    return out;
  }

  /** Runner-up detectors, each behind its own class so a missing library only skips that candidate. */
  static final class Candidates {
    static Function<String, String> lingua(boolean low) {
      var b = com.github.pemistahl.lingua.api.LanguageDetectorBuilder.fromLanguages(Language.IDENTIFIED.stream()
          .map(l -> com.github.pemistahl.lingua.api.Language.valueOf(l.model()))
          .toArray(com.github.pemistahl.lingua.api.Language[]::new)).withPreloadedLanguageModels();
      if (low) b = b.withLowAccuracyMode();
      var d = b.build();
      return t -> LinguaLatinModel.code(d.detectLanguageOf(t));
    }

    static Function<String, String> openNlp() {
      var m = openNlpScores(Set.copyOf(LANGS));
      return t -> { var v = m.apply(t); return v == null ? LanguageIdentifier.UNDETERMINED : v.lang(); };
    }

    static LanguageIdentifier.LatinModel openNlpLatin() {
      var m = openNlpScores(Set.of("vi", "fr", "pl", "en"));
      return m::apply;
    }

    /** Tika's OpenNLP detector (103 languages); the best-scored of the allowed ones wins. Not thread-safe: bench only. */
    static Function<String, LanguageIdentifier.LatinModel.Verdict> openNlpScores(Set<String> allowed) {
      var d = tikaDetector("org.apache.tika.langdetect.opennlp.OpenNLPDetector");
      try { d.loadModels(); } catch (IOException e) { throw new IllegalStateException(e); }
      return t -> {
        d.reset();
        d.addText(t);
        return best(d.detectAll(), allowed);
      };
    }

    static Function<String, String> optimaize() {
      var m = optimaizeScores(Set.copyOf(LANGS));
      return t -> { var v = m.apply(t); return v == null ? LanguageIdentifier.UNDETERMINED : v.lang(); };
    }

    static LanguageIdentifier.LatinModel optimaizeLatin() {
      var m = optimaizeScores(Set.of("vi", "fr", "pl", "en"));
      return m::apply;
    }

    static Function<String, LanguageIdentifier.LatinModel.Verdict> optimaizeScores(Set<String> langs) {
      var d = tikaDetector("org.apache.tika.langdetect.optimaize.OptimaizeLangDetector");
      try { d.loadModels(langs); } catch (IOException e) { throw new IllegalStateException(e); }
      return t -> {
        d.reset();
        d.addText(t);
        return best(d.detectAll(), langs);
      };
    }

    /** Tika's detectors by name (tika-core has their base class), so a missing module only skips the candidate. */
    static org.apache.tika.language.detect.LanguageDetector tikaDetector(String className) {
      try {
        return (org.apache.tika.language.detect.LanguageDetector) Class.forName(className).getConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(className + " is not on the class path (test-scope or not a dependency)", e);
      }
    }

    static LanguageIdentifier.LatinModel.Verdict best(List<org.apache.tika.language.detect.LanguageResult> rs, Set<String> allowed) {
      String bestLang = null;
      float first = Float.NEGATIVE_INFINITY, second = Float.NEGATIVE_INFINITY;
      for (var r : rs) {
        String code = switch (r.getLanguage()) { case "vie" -> "vi"; case "rus" -> "ru"; case "fra" -> "fr"; case "pol" -> "pl"; case "eng" -> "en"; default -> r.getLanguage(); };
        if (!allowed.contains(code)) continue;
        float v = r.getRawScore();
        if (v > first) { second = first; first = v; bestLang = code; } else if (v > second) second = v;
      }
      if (bestLang == null) return null;
      return new LanguageIdentifier.LatinModel.Verdict(bestLang, second == Float.NEGATIVE_INFINITY ? 1 : Math.min(1, first - second));
    }
  }
}
