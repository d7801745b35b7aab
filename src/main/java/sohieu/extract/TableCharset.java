package sohieu.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * A single-byte charset read from a 256-row table ({@code HEX<TAB>CODEPOINT [CODEPOINT]}), for the legacy
 * Vietnamese encodings the JDK lacks (TCVN 5712, VISCII, VNI). A byte may decode to one or two chars, combining
 * marks among them; the extractor composes them. Encoding covers the bytes that stand for a single char.
 */
final class TableCharset extends Charset {
  private final String[] toText = new String[256];
  private final byte[] toByte = new byte[0x10000];
  private final boolean[] encodable = new boolean[0x10000];

  TableCharset(String name, String[] aliases, String table) {
    super(name, aliases);
    try (InputStream in = TableCharset.class.getResourceAsStream(table)) {
      if (in == null) throw new IllegalStateException("missing charset table " + table);
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("#") || line.isBlank()) continue;
        String[] f = line.split("\t");
        int b = Integer.parseInt(f[0], 16);
        StringBuilder text = new StringBuilder();
        for (String cp : f[1].strip().split(" ")) text.append((char) Integer.parseInt(cp, 16));
        toText[b] = text.toString();
        if (text.length() != 1) continue;
        char c = text.charAt(0);
        if (!encodable[c]) {
          encodable[c] = true;
          toByte[c] = (byte) b;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean contains(Charset cs) { return cs.equals(this) || cs.name().equals("US-ASCII"); }

  @Override
  public CharsetDecoder newDecoder() {
    return new CharsetDecoder(this, 1, 2) {
      @Override
      protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
        while (in.hasRemaining()) {
          String text = toText[in.get(in.position()) & 0xff];
          if (out.remaining() < text.length()) return CoderResult.OVERFLOW;
          in.get();
          out.put(text);
        }
        return CoderResult.UNDERFLOW;
      }
    };
  }

  @Override
  public CharsetEncoder newEncoder() {
    byte[] replacement = {'?'};
    return new CharsetEncoder(this, 1, 1, replacement) {
      @Override
      protected CoderResult encodeLoop(CharBuffer in, ByteBuffer out) {
        while (in.hasRemaining()) {
          char c = in.get();
          if (!encodable[c]) {
            in.position(in.position() - 1);
            return CoderResult.unmappableForLength(1);
          }
          if (!out.hasRemaining()) {
            in.position(in.position() - 1);
            return CoderResult.OVERFLOW;
          }
          out.put(toByte[c]);
        }
        return CoderResult.UNDERFLOW;
      }
    };
  }
}
