package sohieu.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.Attribute;
import sohieu.refs.Citation;
import sohieu.refs.CitationRecognizer;

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
  private String text;
  private List<Citation> citations = List.of();
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
  }

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    while (true) {
      if (inSegment) {
        if (words.incrementToken()) {
          words.copyTo(this);
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
      Citation next = nextCitation < citations.size() ? citations.get(nextCitation) : null;
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
      words.setReader(new StringReader(text.substring(segmentStart, segmentEnd)));
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
    buffer.setLength(0);
    for (int n; (n = input.read(chunk)) != -1; ) {
      buffer.append(chunk, 0, n);
    }
    text = buffer.toString();
    buffer.setLength(0);
    if (buffer.capacity() > 1 << 16) {
      buffer.trimToSize();
    }
    citations = explicitCitations(text);
    nextCitation = 0;
    cursor = 0;
    inSegment = false;
    pendingPosInc = 0;
  }

  /** Explicit citations in text order, without overlaps, each a non-empty span inside the text. */
  private List<Citation> explicitCitations(String s) {
    List<Citation> found = new ArrayList<>();
    if (s.indexOf('/') < 0) {
      return found; // every explicit number has a slash (25-NQ/TW, 15/2020/NĐ-CP): skip the regex scan
    }
    for (Citation c : recognizer.scan(s)) {
      if (c.kind() == Citation.Kind.EXPLICIT && c.start() >= 0 && c.end() > c.start() && c.end() <= s.length()
          && c.canonical() != null && !c.canonical().isEmpty()) {
        found.add(c);
      }
    }
    found.sort(Comparator.comparingInt(Citation::start).thenComparingInt(c -> -c.end()));
    List<Citation> kept = new ArrayList<>(found.size());
    int end = 0;
    for (Citation c : found) {
      if (c.start() >= end) {
        kept.add(c);
        end = c.end();
      }
    }
    return kept;
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
