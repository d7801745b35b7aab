package sohieu.schema;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.util.BytesRef;
import sohieu.refs.Citation;

/**
 * The codec of {@link Fields#REF_DATA}: a document's references in brief, kept as doc values so that reference
 * tables, timelines and issue-date tallies read no stored text. Format byte, count, then per canonical number its
 * type and issuer ("" when unknown) as places in the number where it spells them ({@link Codec#writePart}), mention
 * count and the issue dates stated (epoch days).
 */
public final class RefData {
  /** One cited document as one article mentions it; {@code issued} holds ISO dates. */
  public record Entry(String canonical, String type, String issuer, int mentions, List<String> issued) {}

  static final byte FORMAT = 2;

  private RefData() {}

  /** The references of {@code citations}, which must all have a canonical number, each with its first type and issuer. */
  public static BytesRef encode(List<Citation> citations) throws IOException {
    Map<String, Citation> first = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, Set<LocalDate>> dates = new LinkedHashMap<>();
    for (Citation c : citations) {
      first.putIfAbsent(c.canonical(), c);
      counts.merge(c.canonical(), 1, Integer::sum);
      Set<LocalDate> d = dates.computeIfAbsent(c.canonical(), k -> new LinkedHashSet<>());
      if (c.issued() != null) d.add(c.issued());
    }
    BytesOutput out = Codec.output(FORMAT, 1 + 32 * first.size());
    out.writeVInt(first.size());
    for (var e : first.entrySet()) {
      Citation c = e.getValue();
      out.writeString(e.getKey());
      Codec.writePart(out, c.type() == null ? "" : c.type(), e.getKey());
      Codec.writePart(out, c.issuer() == null ? "" : c.issuer(), e.getKey());
      out.writeVInt(counts.get(e.getKey()));
      Set<LocalDate> issued = dates.get(e.getKey());
      out.writeVInt(issued.size());
      for (LocalDate d : issued) out.writeZLong(d.toEpochDay());
    }
    return out.toBytesRef();
  }

  /** The entries whose canonical number {@code keep} accepts; the others are passed over without being decoded. */
  public static List<Entry> decode(BytesRef bytes, Predicate<String> keep) throws IOException {
    ByteArrayDataInput in = Codec.input(bytes, FORMAT, Fields.REF_DATA);
    int n = in.readVInt();
    List<Entry> out = new ArrayList<>(Math.min(n, 16));
    for (int i = 0; i < n; i++) {
      String canonical = in.readString();
      if (!keep.test(canonical)) {
        Codec.skipPart(in);
        Codec.skipPart(in);
        in.readVInt();
        for (int d = in.readVInt(); d > 0; d--) in.readZLong();
        continue;
      }
      String type = Codec.readPart(in, canonical, Fields.REF_DATA), issuer = Codec.readPart(in, canonical, Fields.REF_DATA);
      int mentions = in.readVInt();
      String[] issued = new String[in.readVInt()];
      for (int d = 0; d < issued.length; d++) issued[d] = LocalDate.ofEpochDay(in.readZLong()).toString();
      out.add(new Entry(canonical, type, issuer, mentions, List.of(issued)));
    }
    return out;
  }
}
