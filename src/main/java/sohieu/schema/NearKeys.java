package sohieu.schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.util.BytesRef;

/**
 * The codec of {@link Fields#NEAR}: a document's near-duplicate band keys in one binary doc value, read for each hit
 * and never looked up by key. As sorted-set doc values they were a terms dictionary of nearly unique keys (eight per
 * document) that every flush sorted and every merge mapped to global ordinals. Format byte, count, then per key the
 * kind ('w' words, 'n' numbers), band, the band's hash as 8 bytes and, for a number key, its language; a key of
 * another shape is kept as a string after a 0 byte.
 */
public final class NearKeys {
  static final byte FORMAT = 1;

  private NearKeys() {}

  public static BytesRef encode(List<String> keys) throws IOException {
    BytesOutput out = Codec.output(FORMAT, 2 + 16 * keys.size());
    out.writeVInt(keys.size());
    for (String key : keys) {
      int colon = key.indexOf(':'), at = key.indexOf('@');
      char kind = key.isEmpty() ? 0 : key.charAt(0);
      int band = colon > 1 ? band(key.substring(1, colon)) : -1;
      String hex = colon < 0 ? "" : key.substring(colon + 1, at < 0 ? key.length() : at);
      boolean compact = (kind == 'w' && at < 0 || kind == 'n' && at > colon) && band >= 0 && isHash(hex);
      if (!compact) {
        out.writeByte((byte) 0);
        out.writeString(key);
        continue;
      }
      out.writeByte((byte) kind);
      out.writeVInt(band);
      out.writeLong(Long.parseUnsignedLong(hex, 16));
      if (kind == 'n') out.writeString(key.substring(at + 1));
    }
    return out.toBytesRef();
  }

  public static List<String> decode(BytesRef bytes) throws IOException {
    ByteArrayDataInput in = Codec.input(bytes, FORMAT, Fields.NEAR);
    int n = in.readVInt();
    List<String> keys = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      char kind = (char) in.readByte();
      if (kind == 0) {
        keys.add(in.readString());
        continue;
      }
      String key = kind + Integer.toString(in.readVInt()) + ":" + Long.toHexString(in.readLong());
      keys.add(kind == 'n' ? key + "@" + in.readString() : key);
    }
    return keys;
  }

  /** The band number, or -1 when it is none (a canonical decimal int). */
  private static int band(String digits) {
    if (digits.isEmpty() || digits.length() > 9 || digits.length() > 1 && digits.charAt(0) == '0') return -1;
    for (int i = 0; i < digits.length(); i++) if (digits.charAt(i) < '0' || digits.charAt(i) > '9') return -1;
    return Integer.parseInt(digits);
  }

  /** A hash as Long.toHexString writes it: 1 to 16 lower-case hex digits, no leading zero but for "0". */
  private static boolean isHash(String hex) {
    if (hex.isEmpty() || hex.length() > 16 || hex.length() > 1 && hex.charAt(0) == '0') return false;
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
    }
    return true;
  }
}
