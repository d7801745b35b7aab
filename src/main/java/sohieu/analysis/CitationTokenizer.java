package sohieu.analysis;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.Attribute;
import org.apache.lucene.util.AttributeImpl;
import sohieu.refs.Citation;
import sohieu.refs.CitationRecognizer;
import sohieu.refs.CitationRecognizer.Mention;

/**
 * Keeps document citations whole: emits every explicit citation that {@link CitationRecognizer} finds as ONE token
 * and hands the text between citations to the language's ordinary tokenizer.
 *
 * <p>A citation token's term is {@link Citation#canonical()} verbatim (e.g. {@code 25-NQ/TW}, {@code 16-QĐ/TW},
 * {@code 15/2020/NĐ-CP}: upper case, with Đ), its type is {@link #TYPE}, its offsets span the raw mention, and its
 * {@link KeywordAttribute} is set so that {@link UnlessKeywordFilter} and keyword-aware stemmers leave it alone.
 * Because the same analyzer runs on queries, any spelling the recognizer accepts ({@code 25- NQ/TW},
 * {@code 16-qd/tw}) turns into the same term at both ends.
 *
 * <p>The whole input is read into memory at {@link #reset()} (a field value is a paragraph, at most a few hundred
 * KB). Offsets of the ordinary tokens are shifted to the whole text and passed through {@link #correctOffset}.
 */
public final class CitationTokenizer extends Tokenizer {
  /** Token type of a citation. */
  public static final String TYPE = "<CITATION>";

  private final Tokenizer words;
  private final CitationRecognizer recognizer = CitationRecognizer.standard();
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
  private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
  private final OffsetAttribute wordsOffset;
  private final PositionIncrementAttribute wordsPosInc;

  private final StringBuilder buffer = new StringBuilder();
  private final char[] chunk = new char[8192];
  /** Pairs (source in words, target here) of attribute implementations, for copying a token without look-ups. */
  private final AttributeImpl[] copyFrom;
  private final AttributeImpl[] copyTo;
  private final RangeReader segment = new RangeReader();
  private String text;
  private List<Mention> citations = List.of();
  private int nextCitation;
  private int cursor;
  private int segmentStart;
  private boolean inSegment;
  private int pendingPosInc;

  /** @param words the ordinary tokenizer for the text between citations; owned by this tokenizer from now on */
  public CitationTokenizer(Tokenizer words) {
    this.words = words;
    // Every attribute the ordinary tokenizer fills (ICU adds ScriptAttribute) must exist here for copyTo.
    for (Iterator<Class<? extends Attribute>> it = words.getAttributeClassesIterator(); it.hasNext(); ) {
      addAttribute(it.next());
    }
    this.wordsOffset = words.addAttribute(OffsetAttribute.class);
    this.wordsPosInc = words.addAttribute(PositionIncrementAttribute.class);
    List<AttributeImpl> from = new ArrayList<>(), to = new ArrayList<>();
    for (Iterator<AttributeImpl> it = words.getAttributeImplsIterator(); it.hasNext(); ) {
      AttributeImpl src = it.next();
      AttributeImpl dst = null;
      for (Iterator<AttributeImpl> jt = getAttributeImplsIterator(); jt.hasNext(); ) {
        AttributeImpl c = jt.next();
        if (c.getClass() == src.getClass()) dst = c;
      }
      if (dst == null) throw new IllegalStateException("no " + src.getClass().getName() + " to copy into");
      from.add(src);
      to.add(dst);
    }
    this.copyFrom = from.toArray(AttributeImpl[]::new);
    this.copyTo = to.toArray(AttributeImpl[]::new);
  }

  @Override
  public boolean incrementToken() throws IOException {
    // reset() reads the text: without it there is none, the contract violation Lucene's tokenizers report
    if (text == null) throw new IllegalStateException("TokenStream contract violation: reset() not called");
    clearAttributes();
    while (true) {
      if (inSegment) {
        if (words.incrementToken()) {
          for (int k = 0; k < copyFrom.length; k++) copyFrom[k].copyTo(copyTo[k]); // = words.copyTo(this)
          offsetAtt.setOffset(correctOffset(segmentStart + wordsOffset.startOffset()),
              correctOffset(segmentStart + wordsOffset.endOffset()));
          takePending();
          return true;
        }
        words.end();
        pendingPosInc += wordsPosInc.getPositionIncrement();
        words.close();
        inSegment = false;
      }
      if (cursor >= text.length()) {
        return false;
      }
      Mention next = nextCitation < citations.size() ? citations.get(nextCitation) : null;
      if (next != null && next.start() == cursor) {
        nextCitation++;
        cursor = next.end();
        termAtt.setEmpty().append(next.canonical());
        offsetAtt.setOffset(correctOffset(next.start()), correctOffset(next.end()));
        typeAtt.setType(TYPE);
        keywordAtt.setKeyword(true);
        takePending();
        return true;
      }
      int segmentEnd = next != null ? next.start() : text.length();
      segmentStart = cursor;
      cursor = segmentEnd;
      segment.set(text, segmentStart, segmentEnd);
      words.setReader(segment);
      words.reset();
      inSegment = true;
    }
  }

  private void takePending() {
    if (pendingPosInc > 0) {
      posIncAtt.setPositionIncrement(posIncAtt.getPositionIncrement() + pendingPosInc);
      pendingPosInc = 0;
    }
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    String whole = input instanceof NfcCharFilter nfc ? nfc.unchangedText() : null;
    if (whole != null) {
      nfc(input).consumed();
      text = whole;
    } else {
      buffer.setLength(0);
      for (int n; (n = input.read(chunk)) != -1; ) {
        buffer.append(chunk, 0, n);
      }
      text = buffer.toString();
      buffer.setLength(0);
      if (buffer.capacity() > 1 << 16) {
        buffer.trimToSize();
      }
    }
    citations = explicitCitations(text);
    nextCitation = 0;
    cursor = 0;
    inSegment = false;
    pendingPosInc = 0;
  }

  private static NfcCharFilter nfc(Reader r) {
    return (NfcCharFilter) r;
  }

  /** A slash in any form the recognizer reads as one: ASCII, fullwidth, fraction or division slash. */
  private static boolean hasSlash(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '/' || c == '\uFF0F' || c == '\u2044' || c == '\u2215') return true;
    }
    return false;
  }

  /**
   * Explicit citations in text order, without overlaps, each a non-empty span inside the text
   * ({@link CitationRecognizer#explicitMentions} gives them so already; the checks stay as a guard).
   */
  private List<Mention> explicitCitations(String s) {
    if (!hasSlash(s)) {
      return List.of(); // every explicit number has a slash (25-NQ/TW, 15/2020/NĐ-CP): skip the scan
    }
    List<Mention> found = recognizer.explicitMentions(s);
    int end = 0;
    for (Mention c : found) {
      if (c.start() < end || c.end() <= c.start() || c.end() > s.length() || c.canonical() == null || c.canonical().isEmpty()) {
        return guarded(found, s.length());
      }
      end = c.end();
    }
    return found;
  }

  private static List<Mention> guarded(List<Mention> found, int length) {
    List<Mention> kept = new ArrayList<>(found.size());
    int end = 0;
    for (Mention c : found) {
      if (c.start() >= end && c.end() > c.start() && c.end() <= length && c.canonical() != null && !c.canonical().isEmpty()) {
        kept.add(c);
        end = c.end();
      }
    }
    return kept;
  }

  /** A reader over a range of a string, reused for every segment (no substring copy). */
  private static final class RangeReader extends Reader {
    private String s;
    private int pos, end;

    void set(String s, int start, int end) {
      this.s = s;
      this.pos = start;
      this.end = end;
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
      if (pos >= end) return -1;
      int n = Math.min(len, end - pos);
      s.getChars(pos, pos + n, cbuf, off);
      pos += n;
      return n;
    }

    @Override
    public void close() {}
  }

  @Override
  public void end() throws IOException {
    super.end();
    int finalOffset = correctOffset(text == null ? 0 : text.length());
    offsetAtt.setOffset(finalOffset, finalOffset);
    posIncAtt.setPositionIncrement(pendingPosInc);
    pendingPosInc = 0;
  }

  @Override
  public void close() throws IOException {
    super.close();
    if (inSegment) {
      inSegment = false;
      words.close();
    }
    text = null;
    citations = List.of();
  }
}
