package sohieu.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.util.Bits;
import sohieu.analysis.NearDuplicates;
import sohieu.index.IndexStore;
import sohieu.schema.Fields;

/**
 * How the near-duplicate signature groups a real index: the distribution of estimated similarity over every pair of
 * documents, the groups the bands make (with their members, to read), and, for translations, the documents in
 * different languages whose numbers (citations, dates, figures) agree. Usage: {@code NearDuplicateBench INDEX
 * [--show N]}.
 */
public final class NearDuplicateBench {
  private static final Pattern NUMBER = Pattern.compile("\\d[\\d./-]*\\d|\\d");

  record Doc(String path, String title, List<String> langs, List<String> signature, Set<String> numbers, Set<String> refs,
             List<String> keys) {}

  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    int show = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    List<Doc> docs = new ArrayList<>();
    long t0 = System.nanoTime();
    try (IndexStore.Snapshot snap = IndexStore.openForRead(index)) {
      var reader = snap.reader();
      Bits live = MultiBits.getLiveDocs(reader);
      var stored = reader.storedFields();
      var refData = org.apache.lucene.index.MultiDocValues.getBinaryValues(reader, Fields.REF_DATA);
      for (int d = 0; d < reader.maxDoc(); d++) {
        if (live != null && !live.get(d)) continue;
        Document doc = stored.document(d);
        if (doc.getField(Fields.COPY_OF) != null) continue;
        String text = doc.get(Fields.TEXT);
        Set<String> numbers = new TreeSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) if (m.group().length() >= 4) numbers.add(m.group());
        Set<String> refs = new TreeSet<>(values(doc, Fields.SELF_REF));
        if (refData != null && refData.advanceExact(d)) {
          for (var e : sohieu.schema.RefData.decode(refData.binaryValue(), c -> true)) refs.add(e.canonical());
        }
        docs.add(new Doc(doc.get(Fields.PATH), doc.get(Fields.TITLE), values(doc, Fields.LANG),
            NearDuplicates.signature(text), numbers, refs, NearDuplicates.keys(text, "und")));
      }
    }
    System.out.printf(Locale.ROOT, "%d documents, signatures in %.1f s%n", docs.size(), (System.nanoTime() - t0) / 1e9);
    int[] histogram = new int[11];
    for (int i = 0; i < docs.size(); i++) {
      for (int j = i + 1; j < docs.size(); j++) {
        double s = NearDuplicates.similarity(docs.get(i).signature(), docs.get(j).signature());
        if (s > 0) histogram[(int) Math.floor(s * 10)]++;
      }
    }
    System.out.println("pairs by estimated Jaccard similarity (0.1 steps, >0):");
    for (int b = 0; b <= 10; b++) System.out.printf(Locale.ROOT, "  %.1f  %d%n", b / 10.0, histogram[b]);

    groups(docs, false, show);
    groups(docs, true, show);

    // Translations: different languages, the same numbers (at least five, Jaccard of the sets at least 0.6).
    int pairs = 0, samePairs = 0;
    System.out.println("cross-language pairs with the same numbers:");
    for (int i = 0; i < docs.size(); i++) {
      for (int j = i + 1; j < docs.size(); j++) {
        Doc a = docs.get(i), b = docs.get(j);
        boolean same = a.langs().isEmpty() || b.langs().isEmpty() || a.langs().get(0).equals(b.langs().get(0));
        if (a.numbers().size() < 8 || b.numbers().size() < 8) continue;
        Set<String> both = new TreeSet<>(a.numbers());
        both.retainAll(b.numbers());
        Set<String> either = new TreeSet<>(a.numbers());
        either.addAll(b.numbers());
        double jaccard = (double) both.size() / either.size();
        if (jaccard < 0.7) continue;
        if (same) {
          if (samePairs++ < show) System.out.printf(Locale.ROOT, "  same language %.2f (%d) %s | %s | %s%n", jaccard, both.size(), a.path(), b.path(), NearDuplicates.similarity(a.signature(), b.signature()));
          continue;
        }
        if (pairs++ < show || !a.path().contains("maint-guide")) {
          System.out.printf(Locale.ROOT, "  %.2f (%d numbers) %s [%s] | %s [%s]%n", jaccard, both.size(), a.path(),
              String.join("+", a.langs()), b.path(), String.join("+", b.langs()));
        }
      }
    }
    System.out.println("cross-language pairs: " + pairs + ", same-language pairs: " + samePairs);
  }

  /** The groups that the band keys of the words (or of the numbers) make, with their members to read. */
  private static void groups(List<Doc> docs, boolean numbersToo, int show) {
    // Groups: documents joined through a shared band key (union-find).
    int[] parent = new int[docs.size()];
    for (int i = 0; i < parent.length; i++) parent[i] = i;
    Map<String, Integer> firstWithKey = new HashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      for (String key : docs.get(i).keys()) {
        if (key.startsWith("n") != numbersToo) continue;
        Integer other = firstWithKey.putIfAbsent(key, i);
        if (other != null) parent[find(parent, i)] = find(parent, other);
      }
    }
    Map<Integer, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < docs.size(); i++) groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
    List<List<Integer>> multi = groups.values().stream().filter(g -> g.size() > 1).toList();
    System.out.printf(Locale.ROOT, (numbersToo ? "number" : "word") + " groups: %d, holding %d documents%n", multi.size(),
        multi.stream().mapToInt(List::size).sum());
    for (List<Integer> g : multi.subList(0, Math.min(show, multi.size()))) {
      System.out.println("group of " + g.size() + ":");
      for (int i : g) {
        Doc d = docs.get(i);
        System.out.printf(Locale.ROOT, "  %.2f %s | %s%n", NearDuplicates.similarity(d.signature(), docs.get(g.get(0)).signature()),
            d.path(), d.title());
      }
    }

  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }

  private static List<String> values(Document d, String field) {
    return java.util.Arrays.stream(d.getFields(field)).map(IndexableField::stringValue).toList();
  }
}
