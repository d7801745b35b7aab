package sohieu.schema;

import java.io.IOException;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.UnicodeUtil;

/**
 * Lucene's {@link DataOutput} on one growing array: a value is written in one pass, its strings encoded in place,
 * and copied once at the end, which keeps building a document as cheap as the text formats it replaces.
 */
final class BytesOutput extends DataOutput {
  private final BytesRefBuilder bytes = new BytesRefBuilder();

  BytesOutput(int expected) { bytes.grow(expected); }

  @Override
  public void writeByte(byte b) { bytes.append(b); }

  @Override
  public void writeBytes(byte[] b, int offset, int length) { bytes.append(b, offset, length); }

  /** As {@link DataOutput#writeString}: the UTF-8 length as a VInt, then the bytes, encoded straight into the array. */
  @Override
  public void writeString(String s) throws IOException {
    int length = UnicodeUtil.calcUTF16toUTF8Length(s, 0, s.length());
    writeVInt(length);
    int at = bytes.length();
    bytes.grow(at + length);
    UnicodeUtil.UTF16toUTF8(s, 0, s.length(), bytes.bytes(), at);
    bytes.setLength(at + length);
  }

  /** The bytes written, without copying them: valid until the next write. */
  BytesRef written() { return bytes.get(); }

  /** The bytes written, in an array of their own. */
  BytesRef toBytesRef() { return bytes.toBytesRef(); }
}
