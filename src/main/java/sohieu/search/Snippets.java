package sohieu.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import sohieu.analysis.LanguageAnalyzers;
import sohieu.lang.Paragraph;

/**
 * Picks the paragraphs that best match a query and highlights them with the UnifiedHighlighter, each analyzed
 * as its own language (so a stemmed Russian match is marked in a Russian paragraph) or, failing that, folded.
 */
final class Snippets {
  /** Marks around a matched term; the CLI renders them as colour or brackets. */
  static final String OPEN = "\u0002";
  static final String CLOSE = "\u0003";
  private static final int MAX_PARAGRAPHS = 400;

  private final UnifiedHighlighter highlighter = UnifiedHighlighter.builderWithoutSearcher(LanguageAnalyzers.perField())
      .withFormatter(new DefaultPassageFormatter(OPEN, CLOSE, " … ", false))
      .withMaxLength(100_000)
      .build();

  List<String> best(Query query, String text, List<Paragraph> paragraphs, int count) {
    record Scored(int order, int marks, String snippet) {}
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < paragraphs.size() && i < MAX_PARAGRAPHS; i++) {
      Paragraph p = paragraphs.get(i);
      String para = text.substring(p.start(), p.end());
      String snippet = highlight(LanguageAnalyzers.field(p.lang()), query, para);
      if (snippet == null || !snippet.contains(OPEN)) snippet = highlight(LanguageAnalyzers.FOLDED_FIELD, query, para);
      if (snippet != null && snippet.contains(OPEN)) scored.add(new Scored(i, count(snippet), snippet.strip()));
    }
    return scored.stream()
        .sorted(Comparator.comparingInt(Scored::marks).reversed().thenComparingInt(Scored::order))
        .limit(count)
        .sorted(Comparator.comparingInt(Scored::order))
        .map(Scored::snippet)
        .toList();
  }

  private String highlight(String field, Query query, String content) {
    try {
      Object result = highlighter.highlightWithoutSearcher(field, query, content, 1);
      return result == null ? null : result.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int count(String snippet) {
    int n = 0;
    for (int i = snippet.indexOf(OPEN); i >= 0; i = snippet.indexOf(OPEN, i + 1)) n++;
    return n;
  }
}
