package sohieu.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import sohieu.index.FileSet;
import sohieu.index.IngestListener;
import sohieu.index.Ingester;
import sohieu.refs.CitationRecognizer;
import sohieu.search.Hit;
import sohieu.search.Searcher;

/**
 * Search quality on judged queries: nDCG@10 and P@5 of Sohieu's ranking beside a plain Lucene baseline
 * (StandardAnalyzer, BM25, the words OR-ed, as Lucene's demo SearchFiles builds it) over the same extracted text,
 * per language group and overall. The queries and the judgments (grades 2 about the topic, 1 in passing, 0 not) are
 * data under {@code src/test/resources/sohieu/search/judged}; the documents are the real files of
 * {@code ../shared/data} and the project's {@code corpus/}, ingested by Sohieu into a fresh index for each run.
 *
 * <p>Two sets of queries, reported apart: the tuning set ({@code queries.tsv}, {@code qrels.tsv}) on which ranking
 * choices are made, and the held-out set ({@code heldout-queries.tsv}, {@code heldout-qrels.tsv}) on which nobody
 * tunes, so that a choice fitted to the first shows as a gap on the second.
 *
 * <p>A hit whose text is the same as a hit ranked above it (same file hash) counts as not relevant: a copy tells the
 * analyst nothing new, and the issue asks for duplicates to leave the first page. Unjudged hits count as 0 and
 * are counted, so that a change which brings unjudged documents up shows as work left for the judges.
 *
 * <p>Usage: {@code RankingBench [--index DIR] [--pool FILE] [--history DIR --against COMMIT]}. {@code --index}
 * reuses (or fills once) an index instead of a fresh one; {@code --pool} also writes, for judging, the pooled top 10
 * of both systems that have no grade yet in either set (query, file, title, length, excerpts) to FILE, outside the
 * repository;
 * {@code --history} keeps each commit's figures (the commit from {@code -Dsohieu.commit}) and prints the change
 * against COMMIT's. Prints a table and JSON lines.
 */
public final class RankingBench {
  static final Path JUDGED = Path.of("src/test/resources/sohieu/search/judged");
  private static final int DEPTH = 10;
  private static final String CONTENTS = "contents";

  /** A judged query: its id, language group and text as an analyst would type it. */
  record JudgedQuery(String id, String group, String text) {}

  /** A set of judged queries with its judgments, and the key its figures carry in the JSON. */
  record JudgedSet(String name, String jsonKey, List<JudgedQuery> queries, Map<String, Map<String, Integer>> qrels) {
    static JudgedSet read(String name, String jsonKey, String queries, String qrels) throws IOException {
      return new JudgedSet(name, jsonKey, RankingBench.queries(JUDGED.resolve(queries)),
          RankingBench.qrels(JUDGED.resolve(qrels)));
    }
  }

  /** Both systems' metrics for one query. */
  record Scores(double ndcgSohieu, double p5Sohieu, double ndcgBaseline, double p5Baseline, int unjudged) {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of("").toAbsolutePath();
    Path data = root.resolve("../shared/data").normalize();
    if (!Files.isDirectory(data.resolve("vi-dev"))) {
      System.err.println("ranking: ../shared/data is absent, nothing to measure");
      return;
    }
    Path index = null, pool = null, history = null;
    String against = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--index" -> index = Path.of(args[++i]);
        case "--pool" -> pool = Path.of(args[++i]);
        case "--history" -> history = Path.of(args[++i]);
        case "--against" -> against = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    List<JudgedSet> sets = List.of(JudgedSet.read("tuning", "ranking", "queries.tsv", "qrels.tsv"),
        JudgedSet.read("held-out", "ranking_heldout", "heldout-queries.tsv", "heldout-qrels.tsv"));
    boolean temporary = index == null;
    if (temporary) index = Files.createTempDirectory("sohieu-ranking");
    try {
      if (!hasIndex(index)) ingest(index, data, root.resolve("corpus"));
      Map<String, Object> figures = run(index, data, root, sets, pool);
      if (history != null) compare(figures, history, against);
    } finally {
      if (temporary) IngestBench.deleteTree(index);
    }
  }

  /** The judged files: the real pages, legal texts and formats of the shared data, and the project's corpus. */
  static List<Path> roots(Path data, Path corpus) {
    return List.of(data.resolve("vi-dev/tvpl"), data.resolve("vi-dev/baomoi"), data.resolve("vi-dev/party"),
        data.resolve("vi-dev/phapdien"), data.resolve("formats"), corpus);
  }

  private static void ingest(Path index, Path data, Path corpus) throws Exception {
    long t0 = System.nanoTime();
    try (Ingester ingester = Ingester.open(index, Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(60))) {
      ingester.ingest(FileSet.of(roots(data, corpus), List.of()).skippingNotes(List.of()), false, IngestListener.NONE);
    }
    System.err.printf(Locale.ROOT, "ranking: ingested in %.0f s%n", (System.nanoTime() - t0) / 1e9);
  }

  private static boolean hasIndex(Path dir) throws IOException {
    try (FSDirectory d = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(d);
    }
  }

  /**
   * Scores every set and returns the figures kept in the history: the tuning set's groups under their names, as
   * before, and the held-out set's as {@code heldout/GROUP}, so that older histories still compare.
   */
  private static Map<String, Object> run(Path index, Path data, Path root, List<JudgedSet> sets, Path pool)
      throws Exception {
    Corpus corpus = Corpus.read(index, data, root);
    try (Searcher sohieu = Searcher.open(index, CitationRecognizer.standard());
         ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      corpus.baselineIndex(dir);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher baseline = new IndexSearcher(reader);
        List<String> poolLines = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        for (JudgedSet set : sets) {
          Map<String, Object> json = score(set, sohieu, baseline, reader.storedFields(), corpus, poolLines);
          if (set == sets.getFirst()) figures.putAll(json);
          else json.forEach((group, line) -> figures.put("heldout/" + group, line));
        }
        if (pool != null) {
          Files.write(pool, poolLines, StandardCharsets.UTF_8);
          System.err.println("ranking: " + poolLines.size() + " unjudged pooled documents written to " + pool);
        }
        return figures;
      }
    }
  }

  /** One set's table and JSON line; its unjudged pooled documents are added to {@code poolLines}. */
  private static Map<String, Object> score(JudgedSet set, Searcher sohieu, IndexSearcher baseline, StoredFields stored,
                                           Corpus corpus, List<String> poolLines) throws IOException {
    Map<String, Map<String, Integer>> qrels = set.qrels();
    Map<String, List<Scores>> byGroup = new TreeMap<>();
    for (JudgedQuery q : set.queries()) {
      List<String> ours = new ArrayList<>();
      // -Dranking.expand=true measures the ranking without collapsing the copies of a story.
      for (Hit h : sohieu.search(q.text(), null, DEPTH, 0, false, false, Boolean.getBoolean("ranking.expand")).hits()) {
        ours.add(corpus.key(h.path()));
      }
      List<String> theirs = baselineTop(baseline, stored, q.text());
      Map<String, Integer> grades = qrels.getOrDefault(q.id(), Map.of());
      Set<String> pooled = new HashSet<>(ours);
      pooled.addAll(theirs);
      int unjudged = (int) ours.stream().filter(k -> !grades.containsKey(k)).count();
      for (String k : pooled) {
        if (!grades.containsKey(k)) poolLines.add(corpus.judgingLine(q, k));
      }
      Scores s = new Scores(ndcg(ours, grades, corpus), precision(ours, grades, corpus),
          ndcg(theirs, grades, corpus), precision(theirs, grades, corpus), unjudged);
      byGroup.computeIfAbsent(q.group(), g -> new ArrayList<>()).add(s);
      if (Boolean.getBoolean("ranking.verbose")) {
        System.out.printf(Locale.ROOT, "%-5s %-9s nDCG %.3f / %.3f  %s%n", q.id(), q.group(), s.ndcgSohieu(),
            s.ndcgBaseline(), q.text());
      }
    }
    return report(set, byGroup);
  }

  /** The demo's search: QueryParser on the contents with StandardAnalyzer, default OR, BM25, top 10. */
  private static List<String> baselineTop(IndexSearcher searcher, StoredFields stored, String text) throws IOException {
    QueryParser parser = new QueryParser(CONTENTS, new StandardAnalyzer());
    Query query;
    try {
      query = parser.parse(text);
    } catch (ParseException e) {
      query = parseEscaped(parser, text);
    }
    List<String> keys = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(query, DEPTH).scoreDocs) keys.add(stored.document(sd.doc).get("key"));
    return keys;
  }

  private static Query parseEscaped(QueryParser parser, String text) {
    try {
      return parser.parse(QueryParser.escape(text));
    } catch (ParseException e) {
      throw new IllegalArgumentException("baseline cannot parse " + text, e);
    }
  }

  /** nDCG@10 with gains 2^grade - 1, the ideal ranking taken from every judged document of the query. */
  static double ndcg(List<String> ranked, Map<String, Integer> grades, Corpus corpus) {
    List<Integer> gains = gradesSeen(ranked, grades, corpus);
    double dcg = 0;
    for (int i = 0; i < gains.size(); i++) dcg += (Math.pow(2, gains.get(i)) - 1) / log2(i + 2);
    List<Integer> ideal = idealGrades(grades, corpus);
    double idcg = 0;
    for (int i = 0; i < Math.min(DEPTH, ideal.size()); i++) idcg += (Math.pow(2, ideal.get(i)) - 1) / log2(i + 2);
    return idcg == 0 ? 0 : dcg / idcg;
  }

  /** The share of the first five hits about the topic (grade 2). */
  static double precision(List<String> ranked, Map<String, Integer> grades, Corpus corpus) {
    List<Integer> g = gradesSeen(ranked, grades, corpus);
    return g.stream().limit(5).filter(x -> x >= 2).count() / 5.0;
  }

  /** Grades in rank order, a copy of a document ranked above counting 0. */
  private static List<Integer> gradesSeen(List<String> ranked, Map<String, Integer> grades, Corpus corpus) {
    Set<String> hashes = new HashSet<>();
    List<Integer> out = new ArrayList<>();
    for (String k : ranked.subList(0, Math.min(DEPTH, ranked.size()))) {
      boolean first = hashes.add(corpus.hash(k));
      out.add(first ? grades.getOrDefault(k, 0) : 0);
    }
    return out;
  }

  /** The best grades the corpus can offer, one per distinct text. */
  private static List<Integer> idealGrades(Map<String, Integer> grades, Corpus corpus) {
    Map<String, Integer> bestPerHash = new HashMap<>();
    grades.forEach((k, g) -> bestPerHash.merge(corpus.hash(k), g, Math::max));
    return bestPerHash.values().stream().filter(g -> g > 0).sorted(Comparator.reverseOrder()).toList();
  }

  private static double log2(double x) { return Math.log(x) / Math.log(2); }

  /**
   * Saves this commit's figures under {@code history} and prints, per group, the change against those saved for
   * {@code against} (a commit id), when that commit was measured.
   */
  @SuppressWarnings("unchecked")
  private static void compare(Map<String, Object> figures, Path history, String against) throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    Files.createDirectories(history);
    String commit = System.getProperty("sohieu.commit", "unknown");
    mapper.writeValue(history.resolve(commit + ".json").toFile(), figures);
    Path before = against == null ? null : history.resolve(against + ".json");
    if (before == null || !Files.exists(before)) {
      System.out.println("ranking: no figures saved for " + against + " to compare with");
      return;
    }
    Map<String, Object> old = mapper.readValue(before.toFile(), Map.class);
    Map<String, Object> change = new LinkedHashMap<>();
    for (var e : figures.entrySet()) {
      Map<String, Object> now = (Map<String, Object>) e.getValue(), then = (Map<String, Object>) old.get(e.getKey());
      if (then == null) continue;
      double dn = ((Number) now.get("ndcg10_sohieu")).doubleValue() - ((Number) then.get("ndcg10_sohieu")).doubleValue();
      double dp = ((Number) now.get("p5_sohieu")).doubleValue() - ((Number) then.get("p5_sohieu")).doubleValue();
      change.put(e.getKey(), Map.of("ndcg10_sohieu", round(dn), "p5_sohieu", round(dp)));
      System.out.printf(Locale.ROOT, "%-10s nDCG@10 %+.3f  P@5 %+.3f  against %s%n", e.getKey(), dn, dp,
          against.substring(0, Math.min(10, against.length())));
    }
    System.out.println(BenchJson.line(Map.of("ranking_change", change, "ranking_against", against)));
  }

  private static Map<String, Object> report(JudgedSet set, Map<String, List<Scores>> byGroup) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    List<Scores> all = new ArrayList<>();
    if (!set.name().equals("tuning")) System.out.println(set.name() + " queries (never tuned on):");
    System.out.printf(Locale.ROOT, "%-10s %3s  %-16s %-16s%n", "group", "n", "nDCG@10 soh/base", "P@5 soh/base");
    for (var e : byGroup.entrySet()) {
      all.addAll(e.getValue());
      json.put(e.getKey(), line(e.getKey(), e.getValue()));
    }
    json.put("all", line("all", all));
    System.out.println(BenchJson.line(Map.of(set.jsonKey(), json)));
    return json;
  }

  private static Map<String, Object> line(String group, List<Scores> s) {
    double n1 = mean(s, Scores::ndcgSohieu), p1 = mean(s, Scores::p5Sohieu);
    double n2 = mean(s, Scores::ndcgBaseline), p2 = mean(s, Scores::p5Baseline);
    int unjudged = s.stream().mapToInt(Scores::unjudged).sum();
    System.out.printf(Locale.ROOT, "%-10s %3d  %.3f / %.3f    %.3f / %.3f   unjudged in Sohieu's top 10: %d%n",
        group, s.size(), n1, n2, p1, p2, unjudged);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("queries", s.size());
    m.put("ndcg10_sohieu", round(n1));
    m.put("ndcg10_baseline", round(n2));
    m.put("p5_sohieu", round(p1));
    m.put("p5_baseline", round(p2));
    m.put("unjudged_sohieu", unjudged);
    return m;
  }

  private static double mean(List<Scores> s, java.util.function.ToDoubleFunction<Scores> f) {
    return s.stream().mapToDouble(f).average().orElse(0);
  }

  private static double round(double x) { return Math.round(x * 1000) / 1000.0; }

  static List<JudgedQuery> queries(Path file) throws IOException {
    List<JudgedQuery> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] f = line.split("\t");
      out.add(new JudgedQuery(f[0], f[1], f[2]));
    }
    return out;
  }

  static Map<String, Map<String, Integer>> qrels(Path file) throws IOException {
    Map<String, Map<String, Integer>> out = new HashMap<>();
    if (!Files.exists(file)) return out;
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] f = line.split("\t");
      out.computeIfAbsent(f[0], q -> new HashMap<>()).put(f[1], Integer.parseInt(f[2]));
    }
    return out;
  }

  /**
   * The ingested documents as both systems see them: the file key a judgment names ({@code data/...} or
   * {@code corpus/...}), its hash, title and extracted text.
   */
  static final class Corpus {
    private record Doc(String hash, String title, String text) {}

    private final Map<String, Doc> docs = new LinkedHashMap<>();
    private final Map<String, String> keyOfPath = new HashMap<>();

    static Corpus read(Path index, Path data, Path root) throws IOException {
      Corpus c = new Corpus();
      try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
        StoredFields stored = reader.storedFields();
        org.apache.lucene.index.BinaryDocValues near =
            org.apache.lucene.index.MultiDocValues.getBinaryValues(reader, sohieu.schema.Fields.NEAR);
        Map<String, String> byWords = new HashMap<>();
        Map<String, Map<String, String>> byNumbers = new HashMap<>();
        for (int i = 0; i < reader.maxDoc(); i++) {
          Document d = stored.document(i);
          if (d.getField(sohieu.schema.Fields.COPY_OF) != null) continue; // a copy's path alone: its text is its document's
          String path = d.get("path");
          String hash = sohieu.schema.Fields.hashHex(d.getBinaryValue(sohieu.schema.Fields.HASH));
          Path p = Path.of(path).toAbsolutePath().normalize();
          String key = p.startsWith(data) ? "data/" + data.relativize(p) : root.relativize(p).toString();
          c.keyOfPath.put(path, key);
          c.docs.put(key, new Doc(hash, d.get("title"), d.get("text")));
          c.story.put(hash, hash);
          // Stories as the search collapses them: a shared key of the words, or of the numbers across languages.
          if (near != null && near.advanceExact(i)) {
            for (String k : sohieu.schema.NearKeys.decode(near.binaryValue())) {
              if (sohieu.analysis.NearDuplicates.isNumberKey(k)) {
                Map<String, String> byLang = byNumbers.computeIfAbsent(
                    sohieu.analysis.NearDuplicates.withoutLanguage(k), x -> new HashMap<>());
                for (Map.Entry<String, String> e : byLang.entrySet()) {
                  if (!e.getKey().equals(sohieu.analysis.NearDuplicates.language(k))) c.join(hash, e.getValue());
                }
                byLang.putIfAbsent(sohieu.analysis.NearDuplicates.language(k), hash);
              } else {
                String other = byWords.putIfAbsent(k, hash);
                if (other != null) c.join(hash, other);
              }
            }
          }
        }
      }
      return c;
    }

    /** Each text's story (a union-find over hashes): the copies a search collapses into one hit. */
    private final Map<String, String> story = new HashMap<>();

    private String root(String hash) {
      String r = hash;
      while (!story.get(r).equals(r)) r = story.get(r);
      return r;
    }

    private void join(String a, String b) { story.put(root(a), root(b)); }

    String key(String path) { return keyOfPath.getOrDefault(path, path); }

    /**
     * What makes a hit no news after another: the same text (same hash), or with {@code -Dranking.novelty=story}
     * (the default) the same story, as the search collapses it: near-duplicates and translations.
     */
    String hash(String key) {
      Doc d = docs.get(key);
      if (d == null) return key;
      return System.getProperty("ranking.novelty", "story").equals("story") ? root(d.hash()) : d.hash();
    }

    /** The same extracted text in a plain index, as the Lucene demo indexes a file's contents. */
    void baselineIndex(ByteBuffersDirectory dir) throws IOException {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
        docs.forEach((key, d) -> {
          Document doc = new Document();
          doc.add(new StringField("key", key, Field.Store.YES));
          doc.add(new TextField(CONTENTS, d.text(), Field.Store.NO));
          try {
            w.addDocument(doc);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }

    /**
     * Query, file, title, length, how often the query's words occur together (diacritics and case aside), the
     * opening, and the passage where they first meet: enough to open the file and read it.
     */
    String judgingLine(JudgedQuery q, String key) {
      Doc d = docs.get(key);
      String text = d == null ? "" : d.text();
      StringBuilder folded = new StringBuilder();
      List<Integer> at = new ArrayList<>();
      for (int i = 0; i < text.length(); i++) {
        String f = fold(String.valueOf(text.charAt(i)));
        for (int j = 0; j < f.length(); j++) at.add(i);
        folded.append(f);
      }
      String phrase = fold(q.text());
      int count = 0;
      for (int i = folded.indexOf(phrase); i >= 0; i = folded.indexOf(phrase, i + 1)) count++;
      int first = folded.indexOf(phrase);
      if (first < 0) {
        String longest = Stream.of(phrase.split(" ")).max(Comparator.comparingInt(String::length)).orElse("");
        first = folded.indexOf(longest);
      }
      String passage = first < 0 ? "" : text.substring(Math.max(0, at.get(first) - 150),
          Math.min(text.length(), at.get(first) + 250));
      return String.join("\t", q.id(), q.text(), key, String.valueOf(d == null ? null : d.title()),
          String.valueOf(text.length()), String.valueOf(count), flat(text.substring(0, Math.min(200, text.length()))),
          flat(passage));
    }

    private static String flat(String s) { return s.replaceAll("\\s+", " "); }

    private static String fold(String s) {
      return java.text.Normalizer.normalize(s.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
          .replaceAll("\\p{M}", "").replace('đ', 'd');
    }
  }

}
