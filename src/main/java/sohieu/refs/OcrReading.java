package sohieu.refs;

import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readings of a scan's misread document numbers: inside a stretch of OCR text shaped like a number (digits, a
 * dash or slash, capitals, a dash or slash, capitals), the characters a scan confuses are read as the code needs
 * them: {@code O}/{@code o} as 0 and {@code l}/{@code I}/{@code |} as 1 in the number and the year, the eth
 * {@code Ð} as {@code Đ} and Cyrillic look-alikes ({@code С Т К Н М ...}) as Latin capitals in the codes, a space
 * inside a code or a year dropped, and a hyphen lost at a line end (a space or line break where the code has its
 * dash) put back. The text comes back with a map to the original offsets and the characters so read, so that the
 * recognizer can keep a citation that needed them only where its codes are known (see
 * {@link CitationRecognizer#scan(String, int, List)}).
 */
final class OcrReading {
  private static final String DIGITISH = "0-9OoIl|";
  private static final String CAPITALS = "A-ZĐÐАВЕКМНОРСТХ";
  /** One capital, or a lower-case letter or digit inside a code (TTg, QH15, BGDĐT); a space only before a capital. */
  private static final String CODE = "[" + CAPITALS + "](?:[ ]?[" + CAPITALS + "]|[a-zđð0-9]){0,11}";
  private static final String DASH = "[ \\t]{0,3}[-–/][ \\t]{0,3}";
  /** Where the code has a dash: a dash, or what remains of one lost at a line end (a line break or a space). */
  private static final String LOST = "(?:" + DASH + "|[ \\t]*\\n[ \\t]*|[ ]{1,2})";
  private static final Pattern SHAPE = Pattern.compile(
      "(?<![\\p{L}\\p{N}\\p{M}])(?<num>[" + DIGITISH + "]{1,6})(?<sep1>" + LOST + ")"
          + "(?:(?<year>[" + DIGITISH + "]{2}[ ]?[" + DIGITISH + "]{2})(?<sep2>" + DASH + "))?"
          + "(?<c1>" + CODE + ")(?:(?<sep3>" + LOST + ")(?<c2>" + CODE + "))?(?![\\p{L}\\p{N}\\p{M}])");
  private static final String CYRILLIC = "АВЕКМНОРСТХ", LATIN = "ABEKMHOPCTX";

  /**
   * The text as read, {@code toOriginal[i]} the original offset of its char i (one entry more, for the end), and the
   * chars that differ from the original or stand where a char was dropped.
   */
  record Read(String text, int[] toOriginal, BitSet changed) {
    int start(int s) { return toOriginal[s]; }

    /** The original end of a span that ends before char {@code e}. */
    int end(int e) { return e == 0 ? 0 : toOriginal[e - 1] + 1; }

    boolean changedIn(int s, int e) {
      int c = changed.nextSetBit(s);
      return c >= 0 && c < e;
    }
  }

  private OcrReading() {}

  /** The text with the number-shaped stretches inside the {@code scanned} spans read as numbers. */
  static Read read(String text, List<CitationRecognizer.Scanned> scanned) {
    StringBuilder out = new StringBuilder(text.length());
    int[] map = new int[text.length() + 1];
    BitSet changed = new BitSet();
    int copied = 0;
    for (CitationRecognizer.Scanned span : scanned) {
      int from = Math.max(copied, Math.max(0, span.start())), to = Math.min(text.length(), span.end());
      if (from >= to) continue;
      Matcher m = SHAPE.matcher(text).region(from, to);
      m.useTransparentBounds(true).useAnchoringBounds(false);
      while (m.find()) {
        if (!hasDigits(m.group("num"), 1) || (m.group("year") != null && !hasDigits(m.group("year"), 2))) continue;
        copy(text, copied, m.start(), out, map);
        int lost = m.group("c2") == null ? -1 : m.start("sep3");
        for (int i = m.start(); i < m.end(); i++) {
          char c = text.charAt(i), r = c;
          boolean inNumber = i < m.end("num") || (m.group("year") != null && i >= m.start("year") && i < m.end("year"));
          boolean inSep = (i >= m.end("num") && i < m.end("sep1")) || (lost >= 0 && i >= lost && i < m.end("sep3"));
          if (inSep) {
            int sepStart = i < m.end("sep1") ? m.end("num") : lost, sepEnd = i < m.end("sep1") ? m.end("sep1") : m.end("sep3");
            if (!hasDash(text, sepStart, sepEnd)) {
              // a hyphen lost at a line end: one dash stands for the whole gap
              if (i == sepStart) {
                mark(changed, out.length());
                map[out.length()] = i;
                out.append('-');
              }
              continue;
            }
          } else if (inNumber) {
            if (c == ' ') {
              mark(changed, out.length());
              continue;
            }
            r = switch (c) {
              case 'O', 'o' -> '0';
              case 'I', 'l', '|' -> '1';
              default -> c;
            };
          } else if (i >= m.start("c1") && (i < m.end("c1") || (m.group("c2") != null && i >= m.start("c2")))) {
            if (c == ' ') {
              mark(changed, out.length());
              continue;
            }
            int k = CYRILLIC.indexOf(c);
            if (k >= 0) r = LATIN.charAt(k);
            else if (c == 'Ð') r = 'Đ';
            else if (c == 'ð') r = 'đ';
          }
          if (r != c) mark(changed, out.length());
          map[out.length()] = i;
          out.append(r);
        }
        copied = m.end();
      }
    }
    copy(text, copied, text.length(), out, map);
    map[out.length()] = text.length();
    return new Read(out.toString(), java.util.Arrays.copyOf(map, out.length() + 1), changed);
  }

  private static void copy(String text, int from, int to, StringBuilder out, int[] map) {
    for (int i = from; i < to; i++) {
      map[out.length()] = i;
      out.append(text.charAt(i));
    }
  }

  private static void mark(BitSet changed, int at) { changed.set(at); }

  private static boolean hasDigits(String s, int least) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= '0' && s.charAt(i) <= '9') n++;
    return n >= least;
  }

  private static boolean hasDash(String t, int s, int e) {
    for (int i = s; i < e; i++) if ("-–/".indexOf(t.charAt(i)) >= 0) return true;
    return false;
  }
}
