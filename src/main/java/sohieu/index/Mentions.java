package sohieu.index;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.lucene.util.BytesRef;
import sohieu.extract.ExtractedDocument;
import sohieu.refs.Citation;
import sohieu.pipeline.Article;

/**
 * A document's citation mentions with their sentences, and what a citation list shows of the document (path,
 * title, date, outlet, languages), kept as binary doc values: `cite` reads no stored text, so a lookup stays
 * fast however long the articles are.
 */
public final class Mentions {
  /** What `cite` and `show` need of one document. */
  public record Card(String path, String title, String date, String outlet, List<String> languages,
                     List<Citation> mentions) {}

  private static final char FIELD = '\u001f';
  private static final char RECORD = '\u001e';

  private Mentions() {}

  /** The card as deflated UTF-8: a sentence that holds several mentions is written once. */
  static BytesRef encode(Article article, List<String> languages) {
    ExtractedDocument d = article.document();
    StringBuilder sb = new StringBuilder();
    join(sb, article.path(), d.title(), d.published() == null ? null : d.published().toString(), d.outlet(),
        String.join(" ", languages));
    List<String> sentences = new ArrayList<>();
    for (Citation c : article.citations()) {
      if (c.canonical() == null || c.canonical().isBlank()) continue; // nothing to look it up by
      int sentence = sentences.indexOf(c.sentence());
      if (sentence < 0) {
        sentence = sentences.size();
        sentences.add(c.sentence());
      }
      sb.append(RECORD);
      join(sb, c.canonical(), c.raw(), c.kind() == null ? null : c.kind().name(), c.type(), c.issuer(), c.number(),
          c.year() == null ? null : c.year().toString(), c.issued() == null ? null : c.issued().toString(),
          Integer.toString(c.start()), Integer.toString(c.end()), Double.toString(c.confidence()),
          Integer.toString(sentence));
    }
    sb.append(RECORD);
    join(sb, sentences.toArray(String[]::new));
    return new BytesRef(deflate(sb.toString().getBytes(StandardCharsets.UTF_8)));
  }

  public static Card decode(BytesRef bytes) {
    return decode(bytes, null);
  }

  /**
   * The card with only the mentions of {@code canonical} (all of them when null). The separators are ASCII control
   * bytes, so the records are found in the inflated UTF-8 and only the kept ones, and their sentences, become text.
   */
  public static Card decode(BytesRef bytes, String canonical) {
    byte[] raw = inflate(bytes);
    int header = indexOf(raw, (byte) RECORD, 0);
    int sentencesAt = lastIndexOf(raw, (byte) RECORD);
    String[] h = utf8(raw, 0, header).split(String.valueOf(FIELD), -1);
    byte[] prefix = canonical == null ? null : (canonical + FIELD).getBytes(StandardCharsets.UTF_8);
    String[] sentences = null;
    List<Citation> mentions = new ArrayList<>();
    for (int at = header; at < sentencesAt; ) {
      int start = at + 1, end = indexOf(raw, (byte) RECORD, start);
      at = end;
      if (prefix != null && (end - start < prefix.length
          || !Arrays.equals(raw, start, start + prefix.length, prefix, 0, prefix.length))) continue;
      if (sentences == null) sentences = utf8(raw, sentencesAt + 1, raw.length).split(String.valueOf(FIELD), -1);
      String[] f = utf8(raw, start, end).split(String.valueOf(FIELD), -1);
      mentions.add(Citation.of(f[2].isEmpty() ? null : Citation.Kind.valueOf(f[2]), f[0], f[1], nullIfEmpty(f[3]),
          nullIfEmpty(f[4]), nullIfEmpty(f[5]),
          f[6].isEmpty() ? null : Integer.valueOf(f[6]), f[7].isEmpty() ? null : LocalDate.parse(f[7]),
          Integer.parseInt(f[8]), Integer.parseInt(f[9]), Double.parseDouble(f[10]), sentences[Integer.parseInt(f[11])]));
    }
    return new Card(h[0], nullIfEmpty(h[1]), nullIfEmpty(h[2]), nullIfEmpty(h[3]),
        h[4].isEmpty() ? List.of() : List.of(h[4].split(" ")), mentions);
  }

  private static String utf8(byte[] b, int from, int to) { return new String(b, from, to - from, StandardCharsets.UTF_8); }

  private static int indexOf(byte[] b, byte value, int from) {
    for (int i = from; i < b.length; i++) if (b[i] == value) return i;
    return b.length;
  }

  private static int lastIndexOf(byte[] b, byte value) {
    for (int i = b.length - 1; i >= 0; i--) if (b[i] == value) return i;
    return -1;
  }

  private static void join(StringBuilder sb, String... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) sb.append(FIELD);
      if (values[i] != null) sb.append(values[i].replace(FIELD, ' ').replace(RECORD, ' '));
    }
  }

  private static String nullIfEmpty(String s) { return s.isEmpty() ? null : s; }

  private static byte[] deflate(byte[] raw) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      deflater.setInput(raw);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 16);
      byte[] buffer = new byte[4096];
      while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static byte[] inflate(BytesRef bytes) {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(bytes.bytes, bytes.offset, bytes.length);
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 3);
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new IllegalStateException("corrupt mentions in the index", e);
    } finally {
      inflater.end();
    }
  }
}
