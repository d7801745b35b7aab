package sohieu.schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.BytesRef;
import sohieu.lang.Paragraph;

/**
 * The codec of {@link Fields#PARAGRAPHS}, the stored spans and languages of a document's paragraphs, which let a
 * hit's snippets be highlighted in each paragraph's own language: format byte, count, then per paragraph one number
 * holding its distance from the end of the one before (zig-zag, shifted by two), whether its language differs from
 * that one's and whether OCR read it; its language when it differs; its length. Two or three bytes a paragraph,
 * where its absolute offsets and language took ten (on real data a fifteenth of the text's own size).
 */
public final class Paragraphs {
  static final byte FORMAT = 3; // 3: spans as gaps and lengths, a language only where it changes; 2: the OCR flag

  private static final int OCR = 1, LANGUAGE = 2;

  private Paragraphs() {}

  public static BytesRef encode(List<Paragraph> paragraphs) throws IOException {
    BytesOutput out = Codec.output(FORMAT, 1 + 4 * paragraphs.size());
    out.writeVInt(paragraphs.size());
    int end = 0;
    String lang = null;
    for (Paragraph p : paragraphs) {
      boolean newLanguage = !p.lang().equals(lang);
      long gap = BitUtil.zigZagEncode((long) p.start() - end);
      out.writeVLong(gap << 2 | (newLanguage ? LANGUAGE : 0) | (p.ocr() ? OCR : 0));
      if (newLanguage) out.writeString(p.lang());
      out.writeVInt(p.end() - p.start());
      end = p.end();
      lang = p.lang();
    }
    return out.toBytesRef();
  }

  /** The paragraphs of a stored value; none when the document has no value. */
  public static List<Paragraph> decode(BytesRef stored) throws IOException {
    if (stored == null) return List.of();
    ByteArrayDataInput in = Codec.input(stored, FORMAT, Fields.PARAGRAPHS);
    int n = in.readVInt();
    List<Paragraph> out = new ArrayList<>(n);
    int end = 0;
    String lang = null;
    for (int i = 0; i < n; i++) {
      long head = in.readVLong();
      if ((head & LANGUAGE) != 0) lang = in.readString();
      if (lang == null) throw new CorruptIndexException("a paragraph of no language", Fields.PARAGRAPHS);
      long from = end + BitUtil.zigZagDecode(head >>> 2), to = from + in.readVInt();
      if (from < 0 || to > Integer.MAX_VALUE) throw new CorruptIndexException("a paragraph at " + from, Fields.PARAGRAPHS);
      int start = (int) from;
      end = (int) to;
      out.add(new Paragraph(start, end, lang, (head & OCR) != 0));
    }
    return out;
  }
}
