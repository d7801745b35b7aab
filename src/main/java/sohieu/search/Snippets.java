package sohieu.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.SplittingBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import sohieu.analysis.LanguageAnalyzers;
import sohieu.lang.Paragraph;

/**
 * Picks the passages that best match a query with the UnifiedHighlighter, the paragraphs of each language
 * analyzed as that language (so a stemmed Russian match is marked in Russian text) and, failing any match,
 * the whole text folded (so "nghi quyet" marks "Nghị quyết").
 */
final class Snippets {
  /** Marks around a matched term; the CLI renders them as colour or brackets. */
  static final String OPEN = "\u0002";
  static final String CLOSE = "\u0003";
  private static final Analyzer ANALYZER = LanguageAnalyzers.perField();

  /** One highlighted passage, with where it starts in the text it came from and how well it matched. */
  private record Snip(int order, float score, String text) {}

  private final UnifiedHighlighter highlighter = UnifiedHighlighter.builderWithoutSearcher(ANALYZER)
      .withFormatter(new SnipFormatter())
      .withMaxLength(200_000)
      // Passages are sentences that never run across a paragraph break.
      .withBreakIterator(() -> new SplittingBreakIterator(BreakIterator.getSentenceInstance(Locale.ROOT), '\n'))
      .build();

  List<String> best(Query query, String text, List<Paragraph> paragraphs, int count) {
    Map<String, StringBuilder> byLanguage = new LinkedHashMap<>();
    for (Paragraph p : paragraphs) {
      StringBuilder sb = byLanguage.computeIfAbsent(p.lang(), k -> new StringBuilder());
      sb.append(text, p.start(), p.end()).append('\n');
    }
    List<Snip> found = new ArrayList<>();
    for (var e : byLanguage.entrySet()) found.addAll(highlight(LanguageAnalyzers.field(e.getKey()), query, e.getValue().toString(), count + 8));
    if (found.isEmpty()) found.addAll(highlight(LanguageAnalyzers.FOLDED_FIELD, query, text, count + 8));
    return found.stream()
        .sorted(Comparator.comparingDouble(Snip::score).reversed())
        .map(s -> s.text().strip())
        .distinct() // scraped pages repeat their headline
        .limit(count)
        .toList();
  }

  @SuppressWarnings("unchecked")
  private List<Snip> highlight(String field, Query query, String content, int count) {
    try {
      Object result = highlighter.highlightWithoutSearcher(field, query, content, count);
      return result instanceof List<?> list ? (List<Snip>) list : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps each passage apart, with its score, instead of joining them into one string. */
  private static final class SnipFormatter extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      List<Snip> out = new ArrayList<>();
      for (Passage p : passages) {
        if (p.getNumMatches() == 0) continue;
        StringBuilder sb = new StringBuilder();
        int pos = p.getStartOffset();
        for (int i = 0; i < p.getNumMatches(); i++) {
          int start = p.getMatchStarts()[i], end = p.getMatchEnds()[i];
          if (start < pos) continue; // overlapping matches of one term in several forms
          sb.append(content, pos, start).append(OPEN).append(content, start, end).append(CLOSE);
          pos = end;
        }
        sb.append(content, pos, p.getEndOffset());
        out.add(new Snip(p.getStartOffset(), p.getScore(), sb.toString()));
      }
      return out;
    }
  }
}
