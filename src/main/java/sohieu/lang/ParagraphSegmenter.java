package sohieu.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Splits a text into paragraphs at line breaks (a blank line or a single newline ends a paragraph; offsets are trimmed
 * of white space) and names each one's language.
 *
 * <p>Context: a short paragraph (under {@value #SHORT} chars: a title, "Source", a byline) whose own evidence is weak
 * (a Latin-script guess of the model, no letters only one language uses) takes the language of its nearest
 * strongly-identified neighbours when those agree (or of the one neighbour it has at the start or end of the text).
 * Paragraphs decided by their letters (Cyrillic, Vietnamese or Polish letters) or by a confident model keep their own
 * language, so a Vietnamese caption inside a Russian article stays vi; paragraphs without letters stay und.
 * Thread-safe when its identifier is.
 */
public final class ParagraphSegmenter {
  /** Paragraphs shorter than this may take their neighbours' language. */
  public static final int SHORT = 40;

  private final Function<CharSequence, LanguageIdentifier.Detection> detector;

  public ParagraphSegmenter(LanguageIdentifier identifier) { this.detector = identifier::detect; }

  private ParagraphSegmenter(Function<CharSequence, LanguageIdentifier.Detection> detector) { this.detector = detector; }

  /** A segmenter over any plain identifier, without the context rule (its answers count as strong): for comparisons. */
  static ParagraphSegmenter of(Function<String, String> identify) {
    return new ParagraphSegmenter(t -> new LanguageIdentifier.Detection(identify.apply(t.toString()), LanguageIdentifier.Evidence.MODEL));
  }

  public static ParagraphSegmenter standard() { return new ParagraphSegmenter(LanguageIdentifier.standard()); }

  public List<Paragraph> segment(String text) {
    List<int[]> spans = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      int s = start, e = end;
      while (s < e && Character.isWhitespace(text.charAt(s))) s++;
      while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
      if (e > s) spans.add(new int[] {s, e});
      start = end + 1;
    }
    int n = spans.size();
    LanguageIdentifier.Detection[] d = new LanguageIdentifier.Detection[n];
    for (int i = 0; i < n; i++) d[i] = detector.apply(text.subSequence(spans.get(i)[0], spans.get(i)[1]));
    List<Paragraph> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String lang = d[i].lang();
      int[] sp = spans.get(i);
      if (d[i].evidence() == LanguageIdentifier.Evidence.WEAK && sp[1] - sp[0] < SHORT) {
        String before = null, after = null;
        for (int j = i - 1; j >= 0 && before == null; j--) if (d[j].strong() && !isUnd(d[j])) before = d[j].lang();
        for (int j = i + 1; j < n && after == null; j++) if (d[j].strong() && !isUnd(d[j])) after = d[j].lang();
        String ctx = before == null ? after : after == null ? before : before.equals(after) ? before : null;
        // a weak paragraph is Latin script: it can take a Latin-script neighbour language, never ru
        if (ctx != null && !ctx.equals("ru")) lang = ctx;
      }
      out.add(new Paragraph(sp[0], sp[1], lang));
    }
    return out;
  }

  private static boolean isUnd(LanguageIdentifier.Detection d) { return d.lang().equals(LanguageIdentifier.UNDETERMINED); }
}
