package sohieu.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import sohieu.extract.ExtractionException;
import sohieu.extract.Extractor;
import sohieu.refs.Citation;
import sohieu.refs.CitationRecognizer;

/**
 * The recognizer on the labelled development set (src/test/resources/sohieu/refs/devset): precision, recall,
 * exact canonical accuracy and issue-date accuracy, overall, per language and per kind, with every false positive
 * and negative, as one JSON line; and the gains and losses between two runs. The set is there to measure the
 * recognizer on text it was not written against, so the figures are reported, not asserted.
 *
 * <p>Scoring. A unit is one line of a real file (as {@code file:line}) or one written text (its id). Within a unit a
 * prediction pairs first with a label of the same canonical, then with a label of the same leading number (found,
 * but spelled wrong). Recall = paired labels / positive labels; exact = pairs of equal canonical / positive labels;
 * date = pairs whose issue date is equal (or absent on both sides: "right or rightly absent") / pairs; precision =
 * paired predictions / predictions. Files of real.tsv are labelled whole: every citation of a listed file has a row,
 * so every prediction anywhere in a listed file is scored, and one the labels do not hold is a false positive.
 * Lines of files not listed are not scored. A real file is read through {@link Extractor}, as ingest and scan read
 * it; a prediction is placed on the raw file's line that holds it with the most surrounding text.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:target/lib/* sohieu.bench.DevSetBench [--data ../shared/data]
 *      [--devset DIR] [--dump outcomes.tsv] [--verbose]
 * java -cp ... sohieu.bench.DevSetBench --compare old-outcomes.tsv new-outcomes.tsv
 * </pre>
 */
public final class DevSetBench {
  /** Kinds of real.tsv rows that name a document (the rest, "negative", must not be cited). */
  static final List<String> POSITIVE_REAL = List.of("explicit", "outside", "spelling", "partial", "short");

  private DevSetBench() {}

  /** One labelled mention of real.tsv. */
  public record RealLabel(String file, int line, String raw, String canonical, String kind, String issued, String lang,
                          String note) {}

  /** One written text of written.tsv; {@code expected} holds "canonical" or "canonical@yyyy-mm-dd", in text order. */
  public record Written(String id, String lang, String kind, String text, List<String> expected) {}

  /** What a unit expects or what the recognizer found there: canonical and issue date ("" when none). */
  record Item(String canonical, String issued, String kind, String lang) {
    String number() {
      int i = 0;
      while (i < canonical.length() && Character.isDigit(canonical.charAt(i))) i++;
      return canonical.substring(0, i);
    }

    String show() { return canonical + (issued.isEmpty() ? "" : "@" + issued); }
  }

  /** One scored outcome: a label and what was paired with it (or null), or an unpaired prediction (label null). */
  record Outcome(String set, String unit, Item label, Item got) {
    String verdict() {
      if (label == null) return "false-positive";
      if (label.canonical.isEmpty()) return "ok";   // a negative: what was cited there is a false positive of its own
      if (got == null) return "missed";
      if (!label.canonical.equals(got.canonical)) return "wrong-canonical";
      return label.issued.equals(got.issued) ? "ok" : "wrong-date";
    }

    String key() { return set + "\t" + unit + "\t" + (label == null ? "+" + got.show() : label.show()); }
  }

  public static void main(String[] args) throws Exception {
    Path root = Paths.get("").toAbsolutePath();
    Path data = root.resolve("../shared/data").normalize();
    Path devset = root.resolve("src/test/resources/sohieu/refs/devset");
    Path dump = null;
    boolean verbose = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--devset" -> devset = Path.of(args[++i]);
        case "--dump" -> dump = Path.of(args[++i]);
        case "--verbose" -> verbose = true;
        case "--compare" -> {
          compare(Path.of(args[i + 1]), Path.of(args[i + 2]));
          return;
        }
        default -> {
          System.err.println("DevSetBench: unknown argument " + args[i]);
          System.exit(2);
        }
      }
    }
    CitationRecognizer r = CitationRecognizer.standard();
    List<Outcome> outcomes = new ArrayList<>(scoreWritten(r, written(devset.resolve("written.tsv"))));
    boolean realScored = Files.isDirectory(data);
    if (realScored) outcomes.addAll(scoreReal(r, real(devset.resolve("real.tsv")), data));
    else System.err.println("DevSetBench: " + data + " absent: real.tsv not scored");
    if (dump != null) {
      StringBuilder sb = new StringBuilder();
      for (Outcome o : outcomes) sb.append(o.key()).append('\t').append(o.verdict()).append('\t')
          .append(o.got == null ? "-" : o.got.show()).append('\n');
      Files.writeString(dump, sb.toString());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (String set : List.of("written", "real")) {
      List<Outcome> of = outcomes.stream().filter(o -> o.set.equals(set)).toList();
      if (of.isEmpty()) continue;
      Map<String, Object> s = new LinkedHashMap<>(figures(of));
      s.put("by_lang", grouped(of, o -> o.label != null ? o.label.lang : o.got.lang));
      s.put("by_kind", grouped(of, o -> o.label != null ? o.label.kind : o.got.kind));
      out.put(set, s);
      errors.put(set, of.stream().filter(o -> !o.verdict().equals("ok")).map(o -> o.verdict() + " " + o.unit + ": "
          + (o.label == null ? "-" : o.label.show()) + " got " + (o.got == null ? "-" : o.got.show())).toList());
    }
    out.put("overall", figures(outcomes));
    // Two lines: the figures, and every error under a key scripts/bench keeps out of its table ("_examples").
    ObjectMapper json = new ObjectMapper();
    System.out.println(json.writeValueAsString(Map.of("devset", out)));
    System.out.println(json.writeValueAsString(Map.of("devset_errors_examples", errors)));
    printTable(out, errors, verbose);
  }

  /** Precision, recall, exact canonical and date accuracy of some outcomes. */
  static Map<String, Object> figures(List<Outcome> of) {
    int labels = 0, paired = 0, exact = 0, dated = 0, fp = 0, negatives = 0;
    for (Outcome o : of) {
      if (o.label == null) {
        fp++;
        continue;
      }
      if (o.label.canonical.isEmpty()) {   // a negative: only what was cited there counts, as a false positive
        negatives++;
        continue;
      }
      labels++;
      if (o.got == null) continue;
      paired++;
      if (o.label.canonical.equals(o.got.canonical)) exact++;
      if (o.label.issued.equals(o.got.issued)) dated++;
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("labels", labels);
    f.put("negatives", negatives);
    f.put("predictions", paired + fp);
    f.put("false_positives", fp);
    f.put("precision", ratio(paired, paired + fp));
    f.put("recall", ratio(paired, labels));
    f.put("exact_canonical", ratio(exact, labels));
    f.put("date_right_or_rightly_absent", ratio(dated, paired));
    return f;
  }

  private static Map<String, Object> grouped(List<Outcome> of, java.util.function.Function<Outcome, String> by) {
    Map<String, List<Outcome>> groups = new TreeMap<>();
    for (Outcome o : of) groups.computeIfAbsent(by.apply(o), k -> new ArrayList<>()).add(o);
    Map<String, Object> m = new LinkedHashMap<>();
    groups.forEach((k, v) -> m.put(k, figures(v)));
    return m;
  }

  private static Double ratio(int a, int b) {
    return b == 0 ? null : Math.round(10000.0 * a / b) / 10000.0;
  }

  @SuppressWarnings("unchecked")
  private static void printTable(Map<String, Object> out, Map<String, List<String>> errorsBySet, boolean verbose) {
    for (var set : out.entrySet()) {
      if (set.getKey().equals("overall")) continue;
      Map<String, Object> s = (Map<String, Object>) set.getValue();
      System.out.println("dev set, " + set.getKey() + ":");
      System.out.println("  " + row("all", s));
      for (String group : List.of("by_lang", "by_kind")) {
        ((Map<String, Object>) s.get(group)).forEach((k, v) -> System.out.println("  " + row(k, (Map<String, Object>) v)));
      }
      List<String> errors = errorsBySet.get(set.getKey());
      int shown = verbose ? errors.size() : Math.min(errors.size(), 20);
      for (String e : errors.subList(0, shown)) System.out.println("    " + e);
      if (shown < errors.size()) System.out.println("    ... " + (errors.size() - shown) + " more (--verbose)");
    }
  }

  private static String row(String name, Map<String, Object> f) {
    return String.format(Locale.ROOT, "%-10s labels %4s neg %3s  P %-6s R %-6s exact %-6s date %-6s fp %s", name,
        f.get("labels"), f.get("negatives"), f.get("precision"), f.get("recall"), f.get("exact_canonical"),
        f.get("date_right_or_rightly_absent"), f.get("false_positives"));
  }

  /** Pairs predictions with labels within one unit, by canonical first, then by leading number. */
  static List<Outcome> pair(String set, String unit, List<Item> labels, List<Item> found) {
    List<Outcome> out = new ArrayList<>();
    List<Item> left = new ArrayList<>(found);
    Item[] got = new Item[labels.size()];
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < labels.size(); i++) {
        Item l = labels.get(i);
        if (got[i] != null || l.canonical.isEmpty()) continue;
        for (Item p : left) {
          if (pass == 0 ? p.canonical.equals(l.canonical) : !l.number().isEmpty() && p.number().equals(l.number())) {
            got[i] = p;
            left.remove(p);
            break;
          }
        }
      }
    }
    for (int i = 0; i < labels.size(); i++) out.add(new Outcome(set, unit, labels.get(i), got[i]));
    for (Item p : left) out.add(new Outcome(set, unit, null, p));
    return out;
  }

  static List<Outcome> scoreWritten(CitationRecognizer r, List<Written> rows) {
    List<Outcome> out = new ArrayList<>();
    for (Written w : rows) {
      List<Item> labels = new ArrayList<>();
      for (String e : w.expected()) {
        String[] c = e.split("@", 2);
        labels.add(new Item(c[0], c.length > 1 ? c[1] : "", w.kind(), w.lang()));
      }
      if (labels.isEmpty()) labels.add(new Item("", "", w.kind(), w.lang()));
      List<Item> found = new ArrayList<>();
      for (Citation c : r.scan(w.text())) found.add(item(c, w.kind(), w.lang()));
      out.addAll(pair("written", w.id(), labels, found));
    }
    return out;
  }

  static List<Outcome> scoreReal(CitationRecognizer r, List<RealLabel> labels, Path data)
      throws IOException, ExtractionException {
    Map<String, Map<Integer, List<Item>>> byFile = new TreeMap<>();
    for (RealLabel l : labels) {
      boolean positive = POSITIVE_REAL.contains(l.kind());
      byFile.computeIfAbsent(l.file(), k -> new TreeMap<>()).computeIfAbsent(l.line(), k -> new ArrayList<>())
          .add(new Item(positive ? l.canonical() : "", l.issued(), l.kind(), l.lang()));
    }
    Extractor extractor = new Extractor();
    List<Outcome> out = new ArrayList<>();
    for (var file : byFile.entrySet()) {
      Path path = data.resolve(file.getKey());
      List<String> lines = Files.readAllLines(path);
      String text = extractor.extract(path).text();
      Map<Integer, List<Item>> found = new TreeMap<>();
      LineFinder finder = new LineFinder(lines);
      for (Citation c : r.scan(text)) {
        int line = finder.lineOf(text, c.start(), c.end());
        found.computeIfAbsent(line, k -> new ArrayList<>()).add(item(c, "unlabelled", "vi"));
      }
      Map<Integer, List<Item>> units = new TreeMap<>(file.getValue());
      for (Integer line : found.keySet()) units.putIfAbsent(line, List.of());
      String lang = file.getValue().values().iterator().next().getFirst().lang();
      for (var u : units.entrySet()) {
        // A prediction no label holds counts against the negative on its line, if any, else against no kind.
        String kind = u.getValue().stream().anyMatch(i -> i.canonical.isEmpty()) ? "negative" : "unlabelled";
        List<Item> got = found.getOrDefault(u.getKey(), List.of()).stream()
            .map(i -> new Item(i.canonical, i.issued, kind, lang)).toList();
        out.addAll(pair("real", file.getKey() + ":" + u.getKey(), u.getValue(), got));
      }
    }
    return out;
  }

  private static Item item(Citation c, String kind, String lang) {
    return new Item(c.canonical(), c.issued() == null ? "" : c.issued().toString(), kind, lang);
  }

  /**
   * Places mentions of a file's extracted text on the raw file's lines. Both sides are compared without markup
   * characters and with all spaces as one (extraction drops the first and normalizes the second).
   */
  static final class LineFinder {
    private static final java.util.regex.Pattern MARKUP = java.util.regex.Pattern.compile("[*_#|>\\\\`]");
    private static final java.util.regex.Pattern SPACE = java.util.regex.Pattern.compile("[\\s\\p{Z}]+");
    private final List<String> lines = new ArrayList<>();
    private final Map<String, Integer> used = new java.util.HashMap<>();
    private int last = 1;

    LineFinder(List<String> raw) {
      for (String l : raw) lines.add(norm(l));
    }

    private static String norm(String s) {
      String n = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
      return SPACE.matcher(MARKUP.matcher(n).replaceAll("")).replaceAll(" ");
    }

    /**
     * The 1-based line that holds the mention at [start, end) of {@code text} with the most text around it, the
     * first at or after the previous mention's line among equals; a line is not given more mentions of one spelling
     * than it holds. 0 when no line holds the mention.
     */
    int lineOf(String text, int start, int end) {
      int ls = text.lastIndexOf('\n', start - 1) + 1;
      int le = text.indexOf('\n', start);
      if (le < 0) le = text.length();
      // A line is given no more mentions of one spelling than it holds, however wide the window that found it.
      String mention = norm(text.substring(start, Math.min(le, Math.max(end, start + 1)))).strip();
      for (int w : new int[] {40, 20, 8, 0}) {
        String needle = norm(text.substring(Math.max(ls, start - w), Math.min(le, Math.max(end, start + 1) + w))).strip();
        if (needle.isEmpty() || mention.isEmpty()) continue;
        for (int pass = 0; pass < 2; pass++) {
          for (int i = pass == 0 ? last - 1 : 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.contains(needle)) continue;
            int count = 0;
            for (int k = l.indexOf(mention); k >= 0; k = l.indexOf(mention, k + 1)) count++;
            if (count > used.getOrDefault(i + "\t" + mention, 0)) {
              used.merge(i + "\t" + mention, 1, Integer::sum);
              last = i + 1;
              return i + 1;
            }
          }
        }
      }
      return 0;
    }
  }

  /** Prints which outcomes changed between two dumps: a gain is a unit now right that was not, a loss the reverse. */
  static void compare(Path older, Path newer) throws IOException {
    Map<String, String> a = verdicts(older), b = verdicts(newer);
    List<String> gained = new ArrayList<>(), lost = new ArrayList<>();
    for (String k : union(a, b)) {
      String va = a.getOrDefault(k, "absent"), vb = b.getOrDefault(k, "absent");
      if (Objects.equals(va, vb)) continue;
      boolean okA = isRight(va), okB = isRight(vb);
      if (okA == okB) continue;
      (okB ? gained : lost).add(k.replace('\t', ' ') + ": " + va + " -> " + vb);
    }
    System.out.println("  dev set: gained " + gained.size() + ", lost " + lost.size());
    for (String g : gained) System.out.println("    gained: " + g);
    for (String l : lost) System.out.println("    lost: " + l);
  }

  private static boolean isRight(String verdict) {
    return verdict.startsWith("ok") || verdict.equals("absent");   // a false positive that is gone is right
  }

  private static List<String> union(Map<String, String> a, Map<String, String> b) {
    var keys = new java.util.TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return new ArrayList<>(keys);
  }

  /** key -> verdict and what was found; repeated keys (the same label twice on a line) are numbered. */
  private static Map<String, String> verdicts(Path dump) throws IOException {
    Map<String, String> m = new TreeMap<>();
    for (String line : Files.readAllLines(dump)) {
      String[] c = line.split("\t");
      if (c.length < 5) continue;
      String key = c[0] + "\t" + c[1] + "\t" + c[2];
      for (int n = 2; m.containsKey(key); n++) key = c[0] + "\t" + c[1] + "\t" + c[2] + " #" + n;
      m.put(key, c[3] + (c[3].equals("ok") ? "" : " (" + c[4] + ")"));
    }
    return m;
  }

  /** real.tsv: file, line, raw, canonical, kind, issued, lang, note; '#' lines are comments. */
  public static List<RealLabel> real(Path tsv) throws IOException {
    List<RealLabel> out = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(tsv)) {
      n++;
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] c = line.split("\t", -1);
      if (c.length != 8) throw new IllegalArgumentException(tsv + ":" + n + ": 8 columns expected, found " + c.length);
      out.add(new RealLabel(c[0], Integer.parseInt(c[1]), c[2], c[3], c[4], c[5], c[6], c[7]));
    }
    return out;
  }

  /** written.tsv: id, lang, kind, text (with \n for a line break), expected; '#' lines are comments. */
  public static List<Written> written(Path tsv) throws IOException {
    List<Written> out = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(tsv)) {
      n++;
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] c = line.split("\t", -1);
      if (c.length != 5) throw new IllegalArgumentException(tsv + ":" + n + ": 5 columns expected, found " + c.length);
      List<String> expected = c[4].isBlank() ? List.of() : List.of(c[4].split(";"));
      out.add(new Written(c[0], c[1], c[2], c[3].replace("\\n", "\n"), expected));
    }
    return out;
  }
}
