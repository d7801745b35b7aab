package sohieu.schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.util.BytesRef;
import sohieu.lang.Paragraph;

/**
 * The codec of {@link Fields#PARAGRAPHS}, the stored spans and languages of a document's paragraphs, which let a
 * hit's snippets be highlighted in each paragraph's own language: format byte, count, then per paragraph its
 * language, start, end and whether OCR read it (0 or 1).
 */
public final class Paragraphs {
  static final byte FORMAT = 2; // 2: the OCR flag

  private Paragraphs() {}

  public static BytesRef encode(List<Paragraph> paragraphs) throws IOException {
    BytesOutput out = Codec.output(FORMAT, 1 + 9 * paragraphs.size());
    out.writeVInt(paragraphs.size());
    for (Paragraph p : paragraphs) {
      out.writeString(p.lang());
      out.writeVInt(p.start());
      out.writeVInt(p.end());
      out.writeByte((byte) (p.ocr() ? 1 : 0));
    }
    return out.toBytesRef();
  }

  /** The paragraphs of a stored value; none when the document has no value. */
  public static List<Paragraph> decode(BytesRef stored) throws IOException {
    if (stored == null) return List.of();
    ByteArrayDataInput in = Codec.input(stored, FORMAT, Fields.PARAGRAPHS);
    int n = in.readVInt();
    List<Paragraph> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String lang = in.readString();
      int start = in.readVInt();
      int end = in.readVInt();
      out.add(new Paragraph(start, end, lang, in.readByte() == 1));
    }
    return out;
  }
}
