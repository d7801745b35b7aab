package sohieu.index;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.util.BytesRef;
import sohieu.refs.Citation;

/**
 * A document's references in brief, kept as doc values so that reference tables, timelines and issue-date
 * tallies read no stored text: per canonical number its type, issuer, mention count and the issue dates stated.
 */
public final class RefData {
  /** One cited document as one article mentions it. */
  public record Entry(String canonical, String type, String issuer, int mentions, List<String> issued) {}

  private RefData() {}

  static BytesRef encode(List<Citation> citations) {
    Map<String, Citation> first = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, Set<String>> dates = new LinkedHashMap<>();
    for (Citation c : citations) {
      first.putIfAbsent(c.canonical(), c);
      counts.merge(c.canonical(), 1, Integer::sum);
      Set<String> d = dates.computeIfAbsent(c.canonical(), k -> new LinkedHashSet<>());
      if (c.issued() != null) d.add(c.issued().toString());
    }
    StringBuilder sb = new StringBuilder();
    for (var e : first.entrySet()) {
      Citation c = e.getValue();
      sb.append(e.getKey()).append('\t').append(nz(c.type())).append('\t').append(nz(c.issuer())).append('\t')
          .append(counts.get(e.getKey())).append('\t').append(String.join(" ", dates.get(e.getKey()))).append('\n');
    }
    return new BytesRef(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The entries whose canonical number {@code keep} accepts; the others are skipped without being parsed. */
  public static List<Entry> decode(BytesRef bytes, Predicate<String> keep) {
    List<Entry> out = new ArrayList<>();
    String s = bytes.utf8ToString();
    for (int start = 0, end; start < s.length(); start = end + 1) {
      end = s.indexOf('\n', start);
      if (end < 0) end = s.length();
      int tab = s.indexOf('\t', start);
      if (tab < 0 || tab > end || !keep.test(s.substring(start, tab))) continue;
      String[] f = s.substring(start, end).split("\t", -1);
      out.add(new Entry(f[0], f[1], f[2], Integer.parseInt(f[3]), f[4].isEmpty() ? List.of() : List.of(f[4].split(" "))));
    }
    return out;
  }

  private static String nz(String s) { return s == null ? "" : s; }
}
