package sohieu.analysis;

import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Arrays;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;

/**
 * NFC with offsets corrected, like {@link ICUNormalizer2CharFilter}, but cheap on text that is already NFC (what
 * extraction delivers): the whole input is read once and checked with {@link Normalizer2#isNormalized}; NFC text is
 * served as is (offsets unchanged, and {@link CitationTokenizer} takes the string without copying), anything else
 * goes through ICU's char filter.
 */
final class NfcCharFilter extends CharFilter {
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

  private String text;
  private int pos;
  private CharFilter normalizing;
  private boolean loaded;

  NfcCharFilter(Reader in) {
    super(in);
  }

  /** The whole input when it is NFC and nothing has been read yet, else null. */
  String unchangedText() throws IOException {
    load();
    return normalizing == null && pos == 0 ? text : null;
  }

  private void load() throws IOException {
    if (loaded) return;
    // A field value is usually a paragraph of a few hundred characters: a small buffer, doubled as needed, and one
    // String made at the end (a 4,096-char chunk and a StringBuilder per value cost a fifth of ingest's CPU).
    char[] buf = new char[256];
    int len = 0;
    for (int n; (n = input.read(buf, len, buf.length - len)) != -1; ) {
      len += n;
      if (len == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
    }
    // only once the input was read: a reader that refused (a stream used without reset()) must refuse again
    loaded = true;
    String s = new String(buf, 0, len);
    if (NFC.isNormalized(s)) {
      text = s;
    } else {
      normalizing = new ICUNormalizer2CharFilter(new StringReader(s), NFC);
    }
  }

  /** Marks the whole unchanged text as consumed (after {@link #unchangedText()}). */
  void consumed() {
    if (text != null) pos = text.length();
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    load();
    if (normalizing != null) return normalizing.read(cbuf, off, len);
    if (pos >= text.length()) return -1;
    int n = Math.min(len, text.length() - pos);
    text.getChars(pos, pos + n, cbuf, off);
    pos += n;
    return n;
  }

  @Override
  protected int correct(int currentOff) {
    return normalizing == null ? currentOff : normalizing.correctOffset(currentOff);
  }
}
