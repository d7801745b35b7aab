package sohieu.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.SplittingBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import sohieu.analysis.LanguageAnalyzers;
import sohieu.schema.Fields;
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
  private static final List<String> TEXT_FIELDS = textFields();
  /**
   * What the UnifiedHighlighter takes for the boundary between two values of a field: it analyzes each value apart
   * with the analyzer's position gap between them.
   */
  private static final char VALUE_SEPARATOR = '\u0000';

  /** One highlighted passage and how well it matched. */
  private record Snip(float score, String text) {}

  private final UnifiedHighlighter highlighter = UnifiedHighlighter.builderWithoutSearcher(ANALYZER)
      .withFormatter(new SnipFormatter())
      .withMaxLength(200_000)
      // Passages are sentences that never run from one paragraph into the next.
      .withBreakIterator(() -> new SplittingBreakIterator(BreakIterator.getSentenceInstance(Locale.ROOT), VALUE_SEPARATOR))
      .build();
  /** The text part of the query, or null when it has none (only fields and dates). */
  private final Query textQuery;

  Snippets(Query query) { this.textQuery = textPart(query); }

  List<String> best(String text, List<Paragraph> paragraphs, int count) {
    List<Snip> found = new ArrayList<>();
    if (textQuery != null) {
      // Each paragraph is a value of its own, as in the index, so that no phrase runs from one into the next.
      Map<String, StringBuilder> byLanguage = new LinkedHashMap<>();
      StringBuilder all = new StringBuilder();
      for (Paragraph p : paragraphs) {
        StringBuilder sb = byLanguage.computeIfAbsent(p.lang(), k -> new StringBuilder());
        sb.append(text, p.start(), p.end()).append(VALUE_SEPARATOR);
        all.append(text, p.start(), p.end()).append(VALUE_SEPARATOR);
      }
      for (var e : byLanguage.entrySet()) found.addAll(highlight(LanguageAnalyzers.field(e.getKey()), e.getValue().toString(), count + 8));
      if (found.isEmpty()) found.addAll(highlight(LanguageAnalyzers.FOLDED_FIELD, all.toString(), count + 8));
    }
    if (found.isEmpty()) return lead(text, paragraphs);
    return found.stream()
        .sorted(Comparator.comparingDouble(Snip::score).reversed())
        .map(s -> s.text().replace(VALUE_SEPARATOR, ' ').strip())
        .distinct() // scraped pages repeat their headline
        .limit(count)
        .toList();
  }

  @SuppressWarnings("unchecked")
  private List<Snip> highlight(String field, String content, int count) {
    try {
      Object result = highlighter.highlightWithoutSearcher(field, textQuery, content, count);
      return result instanceof List<?> list ? (List<Snip>) list : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first sentence of the first paragraph, for a hit with nothing to mark (found by fields or dates alone). */
  private static List<String> lead(String text, List<Paragraph> paragraphs) {
    String first = paragraphs.stream().map(p -> text.substring(p.start(), p.end()).strip())
        .filter(s -> !s.isEmpty()).findFirst().orElse(text.strip());
    String line = first.lines().findFirst().orElse("");
    if (line.isEmpty()) return List.of();
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
    sentences.setText(line);
    return List.of(line.substring(0, sentences.next()).strip());
  }

  /**
   * What of {@code query} the highlighter can find in text: its clauses on the text fields, each optional (a
   * document's words may sit in paragraphs of different languages, which are highlighted apart), each citation as
   * the term the analyzers give it in the text, and a type or issuer as the citations that carry it. Clauses on
   * lang, date and outlet are dropped: the highlighter matches the whole query against the text alone, so one of
   * them would leave nothing to mark. Excluded clauses are dropped too, having nothing to mark.
   */
  static Query textPart(Query query) {
    if (query instanceof BoostQuery b) {
      Query inner = textPart(b.getQuery());
      return inner == null ? null : new BoostQuery(inner, b.getBoost());
    }
    if (query instanceof ConstantScoreQuery c) return textPart(c.getQuery());
    if (query instanceof BooleanQuery bq) {
      List<Query> parts = new ArrayList<>();
      for (BooleanClause clause : bq.clauses()) {
        if (clause.occur() == BooleanClause.Occur.MUST_NOT) continue;
        Query part = textPart(clause.query());
        if (part != null) parts.add(part);
      }
      return anyOf(parts);
    }
    if (query instanceof DisjunctionMaxQuery dm) {
      List<Query> parts = new ArrayList<>();
      for (Query q : dm.getDisjuncts()) {
        Query part = textPart(q);
        if (part != null) parts.add(part);
      }
      return anyOf(parts);
    }
    if (query instanceof TermQuery t && t.getTerm().field().equals(Fields.REF)) {
      List<Query> parts = new ArrayList<>();
      for (String field : TEXT_FIELDS) parts.add(new TermQuery(new Term(field, t.getTerm().text())));
      return anyOf(parts);
    }
    if (query instanceof TermQuery t && (t.getTerm().field().equals(Fields.REF_TYPE) || t.getTerm().field().equals(Fields.REF_ISSUER))) {
      // The citations of that type or issuer: a code between the dashes and slashes of a citation's token
      // ("12-CT/TW", "23/2006/CT-TTg"); no other token holds a dash or a slash.
      String code = t.getTerm().text().replaceAll("[^\\p{L}\\p{N}]", "\\\\$0");
      String pattern = ".*[-/]" + code + "([-/].*)?";
      List<Query> parts = new ArrayList<>();
      for (String field : TEXT_FIELDS) parts.add(new RegexpQuery(new Term(field, pattern)));
      return anyOf(parts);
    }
    Set<String> fields = new HashSet<>();
    query.visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String field) {
        fields.add(field);
        return true;
      }
    });
    return !fields.isEmpty() && TEXT_FIELDS.containsAll(fields) ? query : null;
  }

  private static Query anyOf(List<Query> parts) {
    if (parts.isEmpty()) return null;
    if (parts.size() == 1) return parts.get(0);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query p : parts) b.add(p, BooleanClause.Occur.SHOULD);
    return b.build();
  }

  private static List<String> textFields() {
    List<String> fields = new ArrayList<>();
    for (String lang : LanguageAnalyzers.LANGUAGES) fields.add(LanguageAnalyzers.field(lang));
    fields.add(LanguageAnalyzers.FOLDED_FIELD);
    return List.copyOf(fields);
  }

  /**
   * Keeps each passage apart, with its score, instead of joining them into one string; Lucene's own formatter
   * marks each one (it clips a match that runs past its passage, as a phrase across a line break does).
   */
  private static final class SnipFormatter extends PassageFormatter {
    private final DefaultPassageFormatter marker = new DefaultPassageFormatter(OPEN, CLOSE, "", false);

    @Override
    public Object format(Passage[] passages, String content) {
      List<Snip> out = new ArrayList<>();
      for (Passage p : passages) {
        if (p.getNumMatches() > 0) out.add(new Snip(p.getScore(), marker.format(new Passage[] {p}, content)));
      }
      return out;
    }
  }
}
