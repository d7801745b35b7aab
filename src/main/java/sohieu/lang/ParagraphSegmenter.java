package sohieu.lang;

import java.util.ArrayList;
import java.util.List;

/** Splits a text into paragraphs at line breaks and names each one's language. */
public final class ParagraphSegmenter {
  private final LanguageIdentifier identifier;

  public ParagraphSegmenter(LanguageIdentifier identifier) { this.identifier = identifier; }

  public static ParagraphSegmenter standard() { return new ParagraphSegmenter(new LanguageIdentifier()); }

  public List<Paragraph> segment(String text) {
    List<Paragraph> out = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      int s = start, e = end;
      while (s < e && Character.isWhitespace(text.charAt(s))) s++;
      while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
      if (e > s) out.add(new Paragraph(s, e, identifier.identify(text.subSequence(s, e))));
      start = end + 1;
    }
    return out;
  }
}
