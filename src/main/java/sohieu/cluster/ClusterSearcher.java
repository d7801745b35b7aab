package sohieu.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sohieu.analysis.LanguageAnalyzers;
import sohieu.refs.Citation;
import sohieu.refs.CitationRecognizer;
import sohieu.schema.Fields;
import sohieu.search.CiteProfile;
import sohieu.search.CiteResult;
import sohieu.search.CitingArticle;
import sohieu.search.Hit;
import sohieu.search.ReferenceRow;
import sohieu.search.SearchResult;
import sohieu.search.Stats;

/**
 * The answers of {@link sohieu.search.Searcher} from a cluster, in the same records: query_string for the query
 * language, terms aggregations for references and co-citations, a date histogram for the timeline, highlighting in
 * each hit's language fields. Scores come from the cluster's shards and may differ from a local index's.
 */
public final class ClusterSearcher {
  /** The marks of a matched word in a snippet, as the local snippets carry them. */
  private static final String OPEN_MARK = "\u0002", CLOSE_MARK = "\u0003";
  private static final Pattern FIELD = Pattern.compile("(?<![\\p{L}\\p{N}_])(type|issuer):");

  private final Engine engine;
  private final String index;
  private final CitationRecognizer recognizer;

  public ClusterSearcher(Engine engine, String index, CitationRecognizer recognizer) {
    this.engine = engine;
    this.index = index;
    this.recognizer = recognizer;
  }

  /** The text fields a query searches: each language's and the folded one. */
  static List<String> textFields() {
    List<String> out = new ArrayList<>();
    for (String lang : LanguageAnalyzers.LANGUAGES) out.add(LanguageAnalyzers.field(lang));
    out.add(LanguageAnalyzers.FOLDED_FIELD);
    return out;
  }

  /**
   * The query language as query_string reads it: a citation in any spelling becomes its canonical number in quotes
   * (its slash would start a regular expression), the fields type: and issuer: are the reference fields.
   */
  String queryString(String query) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Citation c : recognizer.scan(query)) {
      if (c.start() < at) continue;
      out.append(escapeSlashes(query.substring(at, c.start())));
      boolean quoted = c.start() > 0 && query.charAt(c.start() - 1) == '"';
      out.append(quoted ? c.canonical() : "\"" + c.canonical() + "\"");
      at = c.end();
    }
    out.append(escapeSlashes(query.substring(at)));
    Matcher m = FIELD.matcher(out);
    return m.replaceAll(r -> "ref_" + r.group(1) + ":");
  }

  /** {@code s} matched literally by a terms aggregation's include (Lucene's regular expressions, no \\Q...\\E). */
  static String luceneRegex(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (".?+*|{}[]()\"\\#@&<>~/ ".indexOf(c) >= 0) out.append('\\');
      out.append(c);
    }
    return out.toString();
  }

  private static String escapeSlashes(String s) {
    return s.replace("/", "\\/");
  }

  /** One page of hits of {@code query}, narrowed by {@code from}..{@code to} and {@code lang} when given. */
  public SearchResult search(String query, String lang, LocalDate from, LocalDate to, int limit, int offset,
                             boolean byDate, boolean facets) throws IOException {
    List<Object> filters = new ArrayList<>();
    if (lang != null) filters.add(Map.of("term", Map.of(Fields.LANG, lang)));
    if (from != null || to != null) {
      Map<String, Object> range = new LinkedHashMap<>();
      if (from != null) range.put("gte", from.toString());
      if (to != null) range.put("lte", to.toString());
      filters.add(Map.of("range", Map.of(Fields.DATE, range)));
    }
    List<String> fields = new ArrayList<>(textFields());
    fields.add(Fields.TITLE);
    Map<String, Object> queryString = Map.of("query_string", Map.of("query", queryString(query), "fields", fields,
        "default_operator", "AND"));
    Map<String, Object> highlight = new LinkedHashMap<>();
    Map<String, Object> highlighted = new LinkedHashMap<>();
    for (String f : textFields()) highlighted.put(f, Map.of());
    highlight.put("fields", highlighted);
    highlight.put("pre_tags", List.of(OPEN_MARK));
    highlight.put("post_tags", List.of(CLOSE_MARK));
    highlight.put("fragment_size", 200);
    highlight.put("number_of_fragments", 2);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", offset);
    body.put("size", limit);
    body.put("track_total_hits", true);
    body.put("query", Map.of("bool", Map.of("must", List.of(queryString), "filter", filters)));
    body.put("_source", List.of(Fields.PATH, Fields.TITLE, Fields.DATE, Fields.OUTLET, Fields.LANG, Fields.REF));
    body.put("highlight", highlight);
    if (byDate) body.put("sort", List.of(Map.of(Fields.DATE, Map.of("order", "desc", "missing", "_last")), "_score"));
    if (facets) {
      Map<String, Object> aggs = new LinkedHashMap<>();
      aggs.put("languages", Map.of("terms", Map.of("field", Fields.LANG, "size", 100)));
      aggs.put("months", Map.of("date_histogram", Map.of("field", Fields.DATE, "calendar_interval", "month",
          "format", "yyyy-MM", "min_doc_count", 1)));
      aggs.put("outlets", Map.of("terms", Map.of("field", Fields.OUTLET, "size", 10_000)));
      aggs.put("types", Map.of("terms", Map.of("field", Fields.REF_TYPE, "size", 1000)));
      body.put("aggs", aggs);
    }
    JsonNode answer = engine.call("POST", "/" + index + "/_search", body);
    List<Hit> hits = new ArrayList<>();
    for (JsonNode h : answer.path("hits").path("hits")) {
      JsonNode s = h.path("_source");
      List<String> langs = strings(s.path(Fields.LANG));
      List<String> snippets = new ArrayList<>();
      // The hit's own languages first, in its order, then the folded field
      List<String> order = new ArrayList<>();
      for (String l : langs) order.add(LanguageAnalyzers.field(l));
      order.add(LanguageAnalyzers.FOLDED_FIELD);
      for (String f : order) {
        for (JsonNode frag : h.path("highlight").path(f)) if (snippets.size() < 2) snippets.add(frag.asText());
      }
      hits.add(new Hit(s.path(Fields.PATH).asText(), text(s.path(Fields.TITLE)), text(s.path(Fields.DATE)),
          text(s.path(Fields.OUTLET)), langs, (float) h.path("_score").asDouble(0), snippets, strings(s.path(Fields.REF)),
          List.of(), 1, List.of()));
    }
    Long undated = null;
    if (from != null || to != null) undated = count(Map.of("bool", Map.of("must", List.of(queryString),
        "must_not", List.of(Map.of("exists", Map.of("field", Fields.DATE))))));
    SearchResult.QueryFacets counted = null;
    if (facets) {
      JsonNode a = answer.path("aggregations");
      List<Stats.Count> months = new ArrayList<>();
      for (JsonNode b : a.path("months").path("buckets")) months.add(new Stats.Count(b.path("key_as_string").asText(), b.path("doc_count").asLong()));
      counted = new SearchResult.QueryFacets(mostFirst(counts(a.path("languages"))), months,
          mostFirst(counts(a.path("outlets"))), mostFirst(counts(a.path("types"))));
    }
    return new SearchResult(query, answer.path("hits").path("total").path("value").asLong(), undated, hits, counted, null);
  }

  /** The most documents first, ties by label, as the local facets list them. */
  private static List<Stats.Count> mostFirst(List<Stats.Count> counts) {
    List<Stats.Count> out = new ArrayList<>(counts);
    out.sort(Comparator.comparingLong(Stats.Count::documents).reversed().thenComparing(Stats.Count::label));
    return out;
  }

  /** The articles citing {@code canonical}: its own text first, then the newest {@code limit} citing articles. */
  public CiteResult cite(String canonical, int limit) throws IOException {
    List<CitingArticle> articles = new ArrayList<>();
    JsonNode self = engine.call("POST", "/" + index + "/_search", Map.of("size", 10,
        "query", Map.of("term", Map.of(Fields.SELF_REF, canonical)), "sort", List.of(Map.of(Fields.PATH, "asc"))));
    for (JsonNode h : self.path("hits").path("hits")) articles.add(article(h.path("_source"), canonical, true));
    int page = Math.max(1, Math.min(limit, 10_000));
    JsonNode citing = engine.call("POST", "/" + index + "/_search", Map.of("size", page, "track_total_hits", true,
        "query", citing(canonical),
        "sort", List.of(Map.of(Fields.DATE, Map.of("order", "desc", "missing", "_last")), Map.of(Fields.PATH, "asc"))));
    int shown = 0;
    for (JsonNode h : citing.path("hits").path("hits")) {
      if (shown++ >= limit) break;
      articles.add(article(h.path("_source"), canonical, false));
    }
    return new CiteResult(canonical, citing.path("hits").path("total").path("value").asLong(), articles);
  }

  private static Map<String, Object> citing(String canonical) {
    return Map.of("bool", Map.of("filter", List.of(Map.of("term", Map.of(Fields.REF, canonical))),
        "must_not", List.of(Map.of("term", Map.of(Fields.SELF_REF, canonical)))));
  }

  private static CitingArticle article(JsonNode s, String canonical, boolean self) {
    List<Citation> mentions = new ArrayList<>();
    for (JsonNode m : s.path(ClusterSchema.MENTIONS)) {
      if (canonical.equals(m.path("canonical").asText())) mentions.add(citation(m));
    }
    return new CitingArticle(s.path(Fields.PATH).asText(), text(s.path(Fields.TITLE)), text(s.path(Fields.DATE)),
        text(s.path(Fields.OUTLET)), strings(s.path(Fields.LANG)), self, mentions, List.of());
  }

  /** A stored mention as the recognizer's record of its kind. */
  static Citation citation(JsonNode m) {
    String canonical = text(m.path("canonical")), raw = text(m.path("raw")), type = text(m.path("type")),
        issuer = text(m.path("issuer")), number = text(m.path("number"));
    Integer year = m.path("year").isNumber() ? m.path("year").asInt() : null;
    LocalDate issued = m.path("issued").isTextual() ? LocalDate.parse(m.path("issued").asText()) : null;
    int start = m.path("start").asInt(), end = m.path("end").asInt();
    double confidence = m.path("confidence").asDouble();
    String sentence = text(m.path("sentence"));
    return switch (Citation.Kind.valueOf(m.path("kind").asText("EXPLICIT"))) {
      case EXPLICIT -> new Citation.Explicit(canonical, raw, type, issuer, number, year, issued, start, end, confidence, sentence);
      case PARTIAL -> new Citation.Partial(canonical, raw, type, issuer, number, year, issued, start, end, confidence, sentence);
      case SHORT -> new Citation.Short(canonical, raw, type, issuer, number, year, issued, start, end, confidence, sentence);
      case UNRESOLVED -> new Citation.Unresolved(canonical, raw, type, issuer, number, year, issued, start, end, confidence, sentence);
    };
  }

  /**
   * The tallies, timeline and most co-cited references ({@code coCited} of them) of {@code canonical} over the
   * articles citing it; null when none does.
   */
  public CiteProfile profile(String canonical, int coCited) throws IOException {
    Map<String, Object> aggs = new LinkedHashMap<>();
    aggs.put("first", Map.of("min", Map.of("field", Fields.DATE, "format", "strict_date")));
    aggs.put("last", Map.of("max", Map.of("field", Fields.DATE, "format", "strict_date")));
    aggs.put("langs", Map.of("terms", Map.of("field", Fields.LANG, "size", 20)));
    aggs.put("issued", Map.of("terms", Map.of("field", Fields.REF_ISSUED, "size", 100,
        "include", luceneRegex(canonical + " ") + ".*")));
    aggs.put("co", Map.of("terms", Map.of("field", Fields.REF, "size", Math.min(coCited, 10_000) + 1)));
    aggs.put("mentions", Map.of("nested", Map.of("path", ClusterSchema.MENTIONS), "aggs", Map.of("of", Map.of(
        "filter", Map.of("term", Map.of(ClusterSchema.MENTIONS + ".canonical", canonical)),
        "aggs", Map.of(
            "type", Map.of("terms", Map.of("field", ClusterSchema.MENTIONS + ".type", "size", 1)),
            "issuer", Map.of("terms", Map.of("field", ClusterSchema.MENTIONS + ".issuer", "size", 1)),
            "months", Map.of("date_histogram", Map.of("field", ClusterSchema.MENTIONS + ".published",
                "calendar_interval", "month", "format", "yyyy-MM", "min_doc_count", 1)))))));
    JsonNode answer = engine.call("POST", "/" + index + "/_search", Map.of("size", 0, "track_total_hits", true,
        "query", citing(canonical), "aggs", aggs));
    long articles = answer.path("hits").path("total").path("value").asLong();
    if (articles == 0) return null;
    JsonNode a = answer.path("aggregations");
    JsonNode of = a.path("mentions").path("of");
    Map<String, Long> timeline = new LinkedHashMap<>();
    for (JsonNode b : of.path("months").path("buckets")) timeline.put(b.path("key_as_string").asText(), b.path("doc_count").asLong());
    Map<String, Long> issued = new TreeMap<>();
    for (JsonNode b : a.path("issued").path("buckets")) {
      issued.put(b.path("key").asText().substring(canonical.length() + 1), b.path("doc_count").asLong());
    }
    List<String> langs = ordered(labels(a.path("langs")));
    ReferenceRow row = new ReferenceRow(canonical, first(of.path("type")), first(of.path("issuer")), articles,
        of.path("doc_count").asLong(), text(a.path("first").path("value_as_string")),
        text(a.path("last").path("value_as_string")), langs, issued);
    List<Stats.Count> co = new ArrayList<>();
    for (JsonNode b : a.path("co").path("buckets")) {
      if (!b.path("key").asText().equals(canonical)) co.add(new Stats.Count(b.path("key").asText(), b.path("doc_count").asLong()));
    }
    co.sort(Comparator.comparingLong(Stats.Count::documents).reversed().thenComparing(Stats.Count::label));
    return new CiteProfile(row, timeline, co.subList(0, Math.min(coCited, co.size())));
  }

  /** Up to five references in the cluster one or two edits away from {@code canonical}. */
  public List<String> nearMisses(String canonical) throws IOException {
    JsonNode answer = engine.call("POST", "/" + index + "/_search", Map.of("size", 0,
        "query", Map.of("fuzzy", Map.of(Fields.REF, Map.of("value", canonical, "fuzziness", 2))),
        "aggs", Map.of("refs", Map.of("terms", Map.of("field", Fields.REF, "size", 1000)))));
    List<String> near = new ArrayList<>();
    for (JsonNode b : answer.path("aggregations").path("refs").path("buckets")) {
      String label = b.path("key").asText();
      int d = distance(label, canonical);
      if (d >= 1 && d <= 2) near.add(label);
    }
    near.sort(Comparator.comparingInt((String s) -> distance(s, canonical)).thenComparing(s -> s));
    return near.subList(0, Math.min(5, near.size()));
  }

  /**
   * Every reference, most cited first, with the same columns as the local table; only articles published on or
   * after {@code since} count when it is given.
   */
  public List<ReferenceRow> refs(String type, String issuer, LocalDate since, long minArticles) throws IOException {
    Object query = since == null ? Map.of("match_all", Map.of())
        : Map.of("range", Map.of(Fields.DATE, Map.of("gte", since.toString())));
    Map<String, Object> perRef = new LinkedHashMap<>();
    perRef.put("type", Map.of("terms", Map.of("field", ClusterSchema.MENTIONS + ".type", "size", 1)));
    perRef.put("issuer", Map.of("terms", Map.of("field", ClusterSchema.MENTIONS + ".issuer", "size", 1)));
    perRef.put("articles", Map.of("reverse_nested", Map.of(), "aggs", Map.of(
        "first", Map.of("min", Map.of("field", Fields.DATE, "format", "strict_date")),
        "last", Map.of("max", Map.of("field", Fields.DATE, "format", "strict_date")),
        "langs", Map.of("terms", Map.of("field", Fields.LANG, "size", 20)))));
    perRef.put("issued", Map.of("terms", Map.of("field", ClusterSchema.MENTIONS + ".issued", "size", 20,
        "format", "strict_date")));
    Map<String, Object> aggs = Map.of("mentions", Map.of("nested", Map.of("path", ClusterSchema.MENTIONS), "aggs",
        Map.of("refs", Map.of("terms", Map.of("field", ClusterSchema.MENTIONS + ".canonical", "size", 65_536), "aggs", perRef))));
    JsonNode answer = engine.call("POST", "/" + index + "/_search", Map.of("size", 0, "query", query, "aggs", aggs));
    List<ReferenceRow> rows = new ArrayList<>();
    for (JsonNode b : answer.path("aggregations").path("mentions").path("refs").path("buckets")) {
      JsonNode art = b.path("articles");
      long n = art.path("doc_count").asLong();
      String t = first(b.path("type")), i = first(b.path("issuer"));
      if (n < minArticles) continue;
      if (type != null && !type.equalsIgnoreCase(t)) continue;
      if (issuer != null && !issuer.equalsIgnoreCase(i)) continue;
      Map<String, Long> issued = new TreeMap<>();
      // Articles stating each date: a mention's date counted once per article is close enough for a table
      for (JsonNode d : b.path("issued").path("buckets")) issued.put(d.path("key_as_string").asText(), d.path("doc_count").asLong());
      rows.add(new ReferenceRow(b.path("key").asText(), t, i, n, b.path("doc_count").asLong(),
          text(art.path("first").path("value_as_string")), text(art.path("last").path("value_as_string")),
          ordered(labels(art.path("langs"))), issued));
    }
    rows.sort(Comparator.comparingLong(ReferenceRow::articles).reversed().thenComparing(ReferenceRow::canonical));
    return rows;
  }

  /** Counts over the whole index. */
  public Stats stats(int top) throws IOException {
    Map<String, Object> aggs = new LinkedHashMap<>();
    aggs.put("langs", Map.of("terms", Map.of("field", Fields.LANG, "size", 20)));
    aggs.put("outlets", Map.of("terms", Map.of("field", Fields.OUTLET, "size", top)));
    aggs.put("months", Map.of("date_histogram", Map.of("field", Fields.DATE, "calendar_interval", "month",
        "format", "yyyy-MM", "min_doc_count", 1)));
    aggs.put("refs", Map.of("terms", Map.of("field", Fields.REF, "size", top)));
    aggs.put("types", Map.of("terms", Map.of("field", Fields.REF_TYPE, "size", top)));
    aggs.put("undated", Map.of("missing", Map.of("field", Fields.DATE)));
    JsonNode answer = engine.call("POST", "/" + index + "/_search", Map.of("size", 0, "track_total_hits", true, "aggs", aggs));
    JsonNode a = answer.path("aggregations");
    List<Stats.Count> months = new ArrayList<>();
    for (JsonNode b : a.path("months").path("buckets")) months.add(new Stats.Count(b.path("key_as_string").asText(), b.path("doc_count").asLong()));
    // As the local facet lists them: most documents first, then by label
    months.sort(Comparator.comparingLong(Stats.Count::documents).reversed().thenComparing(Stats.Count::label));
    return new Stats(answer.path("hits").path("total").path("value").asLong(), a.path("undated").path("doc_count").asLong(),
        counts(a.path("langs")), counts(a.path("outlets")), months, counts(a.path("refs")),
        counts(a.path("types")));
  }

  private long count(Object query) throws IOException {
    return engine.call("POST", "/" + index + "/_count", Map.of("query", query)).path("count").asLong();
  }

  private static List<Stats.Count> counts(JsonNode terms) {
    List<Stats.Count> out = new ArrayList<>();
    for (JsonNode b : terms.path("buckets")) out.add(new Stats.Count(b.path("key").asText(), b.path("doc_count").asLong()));
    return out;
  }

  private static List<String> labels(JsonNode terms) {
    List<String> out = new ArrayList<>();
    for (JsonNode b : terms.path("buckets")) out.add(b.path("key").asText());
    return out;
  }

  /** Language codes in alphabetical order, as the local reference tables list them. */
  private static List<String> ordered(List<String> codes) {
    return codes.stream().sorted().toList();
  }

  private static String first(JsonNode terms) {
    JsonNode b = terms.path("buckets").path(0);
    return b.isMissingNode() ? null : b.path("key").asText();
  }

  private static String text(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? null : n.asText();
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isArray()) for (JsonNode v : n) out.add(v.asText());
    else if (n.isTextual()) out.add(n.asText());
    return out;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
