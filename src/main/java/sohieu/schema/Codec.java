package sohieu.schema;

import java.io.IOException;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * What every binary value of the index shares: a leading format byte, so that a reader tells a value it cannot read
 * from a damaged one and says so, and strings that may be missing. The values are written on Lucene's
 * {@link DataOutput} (VInts, length-prefixed UTF-8) and read back with a {@link ByteArrayDataInput}.
 */
final class Codec {
  private Codec() {}

  /** A growable output sized for about {@code expected} bytes, holding already the format byte. */
  static BytesOutput output(byte format, int expected) {
    BytesOutput out = new BytesOutput(expected);
    out.writeByte(format);
    return out;
  }

  /**
   * An input over {@code bytes} past its format byte. A value of another format is reported as damage: the commit's
   * {@link SchemaVersion} keeps values of other schemas from being read, so such a value can only be broken.
   */
  static ByteArrayDataInput input(BytesRef bytes, byte format, String what) throws CorruptIndexException {
    check(bytes, format, what);
    return new ByteArrayDataInput(bytes.bytes, bytes.offset + 1, bytes.length - 1);
  }

  /** Throws unless {@code bytes} start with the byte of {@code format}. */
  static void check(BytesRef bytes, byte format, String what) throws CorruptIndexException {
    if (bytes.length == 0 || bytes.bytes[bytes.offset] != format) {
      throw new CorruptIndexException("a " + what + " value of format "
          + (bytes.length == 0 ? "none" : Byte.toUnsignedInt(bytes.bytes[bytes.offset])) + ", expected " + format, what);
    }
  }

  /** The bit {@code flag} set when {@code value} is there. */
  static int flag(Object value, int flag) { return value == null ? 0 : flag; }

  static void writeIfPresent(DataOutput out, String value) throws IOException {
    if (value != null) out.writeString(value);
  }

  /** The string written when {@code flag} is set in {@code flags}, else null. */
  static String readIf(DataInput in, int flags, int flag) throws IOException {
    return (flags & flag) == 0 ? null : in.readString();
  }

  /** Passes over a string without decoding it. */
  static void skipString(ByteArrayDataInput in) {
    in.skipBytes(in.readVInt());
  }

  /** Passes over the string written when {@code flag} is set in {@code flags}. */
  static void skipIf(ByteArrayDataInput in, int flags, int flag) {
    if ((flags & flag) != 0) skipString(in);
  }

  /**
   * A part of a document number (its type, issuer, digits, year) as where it stands in the number, 1-based, and its
   * length; 0 and the part itself when the number does not spell it so.
   */
  static void writePart(DataOutput out, String part, String number) throws IOException {
    int at = number.indexOf(part);
    if (at < 0) {
      out.writeVInt(0);
      out.writeString(part);
    } else {
      out.writeVInt(at + 1);
      out.writeVInt(part.length());
    }
  }

  static String readPart(DataInput in, String number, String what) throws IOException {
    int at = in.readVInt();
    if (at == 0) return in.readString();
    int length = in.readVInt();
    if (length < 0 || at - 1 + length > number.length()) throw new CorruptIndexException("a part past the end of " + number, what);
    return number.substring(at - 1, at - 1 + length);
  }

  static void skipPart(ByteArrayDataInput in) {
    if (in.readVInt() == 0) skipString(in);
    else in.readVInt();
  }
}
