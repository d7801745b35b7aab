package sohieu.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import java.io.IOException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import sohieu.analysis.LanguageAnalyzers;
import sohieu.lang.LanguageIdentifier;
import sohieu.schema.Fields;
import sohieu.refs.Citation;
import sohieu.refs.CitationRecognizer;

/**
 * Parses an analyst's query: words, "phrases", AND/OR/NOT, +/-, prefix*, grouping, searched across every
 * language field (exact-language fields weigh more than the folded one), plus the fields {@code ref:},
 * {@code type:}, {@code issuer:}, {@code lang:}, {@code outlet:} and {@code date:[2023-01-01 TO 2023-12-31]}.
 * A citation typed in any spelling the recognizer accepts stands for {@code ref:CANONICAL}.
 *
 * <p>A query of plain words (no operator, field, quote, wildcard or citation: the analyst's own syntax is taken as
 * written) is ranked as judged best on the judged queries of {@code RankingBench}: every word required, as before,
 * plus a bonus for the words standing close together in the same order (a sloppy phrase in every field, the folded
 * one too, so that Vietnamese syllables typed without diacritics rank as a word); when that finds little,
 * {@link #relaxed} asks for three words in four. Typed without any diacritic, the words of any query are not ranked
 * by the Vietnamese field's exact terms: there "vu" would only match the toneless syllable and outrank every "vụ" the
 * typist meant. Vietnamese and Polish text is matched without diacritics over the Vietnamese and Polish fields' own
 * terms ({@link FoldedQueries}), weighing as the folded field.
 */
public final class ArticleQueryParser {
  private static final Map<String, Float> BOOSTS = new HashMap<>();
  static {
    for (String lang : LanguageAnalyzers.LANGUAGES) BOOSTS.put(LanguageAnalyzers.field(lang), 2f);
    BOOSTS.put(LanguageAnalyzers.FOLDED_FIELD, 1f);
    // Vietnamese and Polish paragraphs have no folded copy: their diacritic-free matches weigh as that copy's did.
    BOOSTS.put(FoldedQueries.VI_FIELD, 1f);
    BOOSTS.put(FoldedQueries.PL_FIELD, 1f);
  }
  private static final Pattern COLUMN = Pattern.compile("column (\\d+)");
  private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
  private static final Pattern UNQUOTED_REF = Pattern.compile("(^|[\\s(+-])ref:([^\\s()\"]+)");
  private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{M}\\p{N}'’., ]+");
  /** The fields for words typed without any diacritic: all but the Vietnamese one (see the class comment). */
  private static final Map<String, Float> TONELESS_BOOSTS = new HashMap<>(BOOSTS);
  static { TONELESS_BOOSTS.remove(LanguageAnalyzers.field("vi")); }
  /**
   * Chosen on the judged queries (RankingBench): slop 0 lost 0.06 nDCG@10 in Vietnamese, 5 lost 0.05 (syllables of
   * other words come between); a boost of 5 over 3 gained 0.01; requiring half the words instead of three in four
   * gained nothing and brought up unjudged pages.
   */
  private static final int PHRASE_SLOP = 2;
  private static final float PHRASE_BOOST = 5f;
  private static final int RELAXED_PERCENT = 75;

  private final CitationRecognizer recognizer;

  public ArticleQueryParser(CitationRecognizer recognizer) { this.recognizer = recognizer; }

  /**
   * Parses {@code query}; an empty, over-long or over-deep query, or a syntax error, becomes an
   * {@link IllegalArgumentException} whose message is one line naming what is wrong.
   */
  public Query parse(String query) { return parse(query, BOOSTS); }

  private Query parse(String query, Map<String, Float> boosts) {
    QueryText.check(query);
    // The parser's own message for this is "Lexical error ... (in lexical state 2)", which names nothing a user wrote.
    int quote = unclosedQuote(query);
    if (quote >= 0) throw new IllegalArgumentException("the \" at column " + (quote + 1) + " of the query is not closed");
    String rewritten = QueryText.literal(quoteCitations(query)).query();
    Parser parser = new Parser(boosts);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    parser.setAllowLeadingWildcard(false);
    Query parsed;
    try {
      parsed = parser.parse(rewritten);
    } catch (ParseException e) {
      throw new IllegalArgumentException(message(e));
    } catch (TooComplexToDeterminizeException e) {
      throw new IllegalArgumentException("a wildcard in the query is too complex to search for");
    }
    if (parsed instanceof BooleanQuery b && b.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
      throw new IllegalArgumentException(b.clauses().isEmpty() ? "the query has no words to search for"
          : "the query only says what to leave out (NOT, -); add a word to search for");
    }
    return parsed;
  }

  /**
   * {@code query} as it is ranked: for plain words, every word required and the phrase bonus (see the class comment);
   * otherwise as {@link #parse} reads it. Snippets mark the words of {@link #parse}, not the bonus.
   */
  public Query ranked(String query) {
    if (plain(query)) {
      parse(query); // its checks and messages
      return weighted(ranked(QueryText.literal(quoteCitations(query)).query(), true));
    }
    return weighted(parse(query, boostsFor(query)));
  }

  /**
   * The fields a query's words are ranked in and their weights. Typed without any diacritic, not the Vietnamese field
   * (see the class comment), whatever the query's shape: an English word of a Vietnamese page would also count
   * twice there, in text_vi and in its folded copy, against once in English text; on the held-out queries
   * (RankingBench) leaving it out of every query, not only plain words, lifted English from 0.754 to 0.871 nDCG@10
   * ("multiarch" found the Vietnamese translation first), tuning queries unchanged; found by reading the held-out
   * losses.
   */
  private static Map<String, Float> boostsFor(String text) {
    return inQueryLanguage(text.chars().allMatch(c -> c < 128) ? TONELESS_BOOSTS : BOOSTS, text);
  }

  /**
   * {@code boosts} with the field of the query's own language weighing {@link #QUERY_LANGUAGE_BOOST} times more, when
   * the language identifier is sure of it (by script or model, not a guess): an English query then ranks the English
   * chapter above its Vietnamese translation, whose untranslated English words are rare in the Vietnamese field and
   * so weigh more there. Chosen on the judged queries (RankingBench): 2 gained 0.046 nDCG@10 in English and 0.007
   * overall, 4 no more; word-pair phrases on top of the sloppy phrase (boost 1 to 4, slop 0 or 1) gained nothing;
   * one document frequency per word across the language fields (Lucene's BlendedTermQuery) lost 0.013 in Vietnamese
   * on the tuning queries for 0.006 overall on the held-out ones.
   */
  private static Map<String, Float> inQueryLanguage(Map<String, Float> boosts, String query) {
    LanguageIdentifier.Detection said = LanguageIdentifier.standard().detect(query);
    String field = LanguageAnalyzers.field(said.lang());
    if (!said.strong() || !boosts.containsKey(field)) return boosts;
    Map<String, Float> out = new HashMap<>(boosts);
    out.put(field, boosts.get(field) * QUERY_LANGUAGE_BOOST);
    return out;
  }

  private static final float QUERY_LANGUAGE_BOOST = 2f;

  /**
   * {@code query} with three words in four required instead of all, ranked alike, for when it finds too little; null
   * when it is not a plain-words query (its operators are the analyst's own). Checked by {@link #parse} already.
   */
  public Query relaxed(String query) {
    return plain(query) ? weighted(ranked(QueryText.literal(quoteCitations(query)).query(), false)) : null;
  }

  /**
   * {@code query} with each match in a language's field weighed by the document's share of that language (raised to
   * {@link #SHARE_POWER}; see {@link Fields#share}): fields of a few short fragments are favoured by BM25's length
   * normalization, so that a translation's English fragments would outrank the English text. The folded field and
   * the keyword fields are left as they are.
   */
  static Query weighted(Query query) { return eachLeaf(query, ArticleQueryParser::weightedLeaf); }

  /** {@code query} with each leaf under its boolean, boost and disjunction-max clauses replaced by {@code leaf}'s. */
  static Query eachLeaf(Query query, java.util.function.UnaryOperator<Query> leaf) {
    if (query instanceof BooleanQuery b) {
      BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
      for (BooleanClause c : b.clauses()) out.add(eachLeaf(c.query(), leaf), c.occur());
      return out.build();
    }
    if (query instanceof BoostQuery q) return new BoostQuery(eachLeaf(q.getQuery(), leaf), q.getBoost());
    if (query instanceof DisjunctionMaxQuery d) {
      return new DisjunctionMaxQuery(d.getDisjuncts().stream().map(c -> eachLeaf(c, leaf)).toList(), d.getTieBreakerMultiplier());
    }
    return leaf.apply(query);
  }

  private static Query weightedLeaf(Query query) {
    if (FoldedQueries.isExpansion(query)) return query; // weighs as the folded field, which is left as it is
    java.util.Set<String> fields = new java.util.HashSet<>();
    query.visit(new org.apache.lucene.search.QueryVisitor() {
      @Override
      public boolean acceptField(String field) {
        fields.add(field);
        return true;
      }
    });
    if (fields.size() != 1) return query;
    String field = fields.iterator().next();
    for (String lang : LanguageAnalyzers.LANGUAGES) {
      if (field.equals(LanguageAnalyzers.field(lang))) return FunctionScoreQuery.boostByValue(query, new Share(lang));
    }
    return query;
  }

  /**
   * Chosen on the judged queries (RankingBench, stories collapsed): the square root gained 0.025 nDCG@10 in Russian
   * and 0.014 overall; the share itself (power 1) 0.011 overall, its fourth root 0.010. Most of the gain is on
   * Vietnamese typed without diacritics (0.820 to 0.861), whose words no longer score in the few English or French
   * fragments of a Vietnamese page.
   */
  static final double SHARE_POWER = 0.5;

  /** A document's share of a language raised to {@link #SHARE_POWER}, from its doc value. */
  private static final class Share extends DoubleValuesSource {
    private final String lang;

    Share(String lang) { this.lang = lang; }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
      DoubleValues share = DoubleValuesSource.fromFloatField(Fields.share(lang)).getValues(ctx, scores);
      return new DoubleValues() {
        @Override
        public double doubleValue() throws IOException { return Math.pow(share.doubleValue(), SHARE_POWER); }

        @Override
        public boolean advanceExact(int doc) throws IOException { return share.advanceExact(doc); }
      };
    }

    @Override
    public boolean needsScores() { return false; }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) { return this; }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) { return DocValues.isCacheable(ctx, Fields.share(lang)); }

    @Override
    public boolean equals(Object o) { return o instanceof Share s && s.lang.equals(lang); }

    @Override
    public int hashCode() { return lang.hashCode(); }

    @Override
    public String toString() { return "share(" + lang + ")^" + SHARE_POWER; }
  }

  /** Plain words as {@link ArticleQueryParser} ranks them: the bag of words, all or most of them, and the phrase bonus. */
  private Query ranked(String words, boolean every) {
    Parser parser = new Parser(boostsFor(words));
    parser.setDefaultOperator(QueryParser.Operator.OR);
    try {
      // One clause per word, each the word in every field; a word that no field keeps has none.
      Query bag = parser.parse(words);
      if (!(bag instanceof BooleanQuery b) || b.clauses().size() < 2) return bag;
      int n = b.clauses().size();
      BooleanQuery.Builder most = new BooleanQuery.Builder()
          .setMinimumNumberShouldMatch(every ? n : (n * RELAXED_PERCENT + 99) / 100);
      for (BooleanClause c : b.clauses()) most.add(c);
      Query near = parser.parse("\"" + words + "\"~" + PHRASE_SLOP);
      return new BooleanQuery.Builder().add(most.build(), BooleanClause.Occur.MUST)
          .add(new BoostQuery(near, PHRASE_BOOST), BooleanClause.Occur.SHOULD).build();
    } catch (ParseException e) {
      throw new IllegalArgumentException(message(e));
    }
  }

  /**
   * Two words or more, in any script, with the apostrophes, dots and commas that words carry, and no operator word:
   * one word is searched as it always was.
   */
  private boolean plain(String query) {
    return plainWords(query).size() >= 2;
  }

  /**
   * The words of a query of words alone, one or more (no operator, field, quote, wildcard or citation: see
   * {@link #plain}); empty for any other query.
   */
  public List<String> plainWords(String query) {
    if (!PLAIN.matcher(query).matches()) return List.of();
    List<String> words = List.of(query.strip().split("\\s+"));
    for (String w : words) {
      if (w.isEmpty() || w.equals("AND") || w.equals("OR") || w.equals("NOT")) return List.of();
    }
    return recognizer.scan(query).isEmpty() ? words : List.of();
  }

  /** The fields a query may name, for messages. */
  public static List<String> fields() { return QueryText.FIELDS; }

  /** The words of {@code query} typed as a field that is none ({@code foo} in {@code foo:bar}); they are searched as text. */
  public static List<String> unknownFields(String query) { return QueryText.literal(query).unknownFields(); }

  /** One line for a syntax error: the token where the parser stopped, without its grammar or internal states. */
  private static String message(ParseException wrapped) {
    Throwable cause = wrapped.getCause();
    if (String.valueOf(wrapped.getMessage()).endsWith("too many boolean clauses")) return tooManyClauses();
    if (cause instanceof ParseException e && e.currentToken != null && e.currentToken.next != null) {
      Token bad = e.currentToken.next;
      if (bad.kind == QueryParserConstants.EOF) {
        return "the query ends where a word was expected" + (e.currentToken.image == null ? "" : " (after " + shown(e.currentToken.image) + ")");
      }
      return "cannot parse the query at " + shown(bad.image) + ": AND, OR, NOT, +, - and ~ need a word next to them"
          + " (quote a word to search for it as text)";
    }
    String said = firstLine((cause != null ? cause : wrapped).getMessage());
    if (said.contains("not allowed as first character")) return "a word of the query cannot begin with * or ?";
    if (said.contains("FuzzyQuery")) return "a ~ after a word takes an edit distance of 0, 1 or 2 (nghị~1), not a negative number";
    // Whatever else the lexer says lists its grammar; where it stopped is the part a user can act on.
    Matcher at = COLUMN.matcher(said);
    if (said.contains("Encountered") || said.contains("Was expecting")) {
      return "cannot parse the query" + (at.find() ? " near column " + at.group(1) : "");
    }
    // The parser's lexer writes what it met as \\uXXXX: the user typed the character, so it is shown as typed.
    return "cannot parse the query: " + UNICODE_ESCAPE.matcher(said.replaceFirst(" ?\\(in lexical state \\d+\\)", ""))
        .replaceAll(m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
  }

  /** A token of the user's query as a message shows it: on one line, control characters as spaces, clipped. */
  private static String shown(String token) {
    String line = token.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+", " ").strip();
    return line.length() <= 40 ? line : line.substring(0, 40) + "…";
  }

    static String tooManyClauses() {
    return "the query is too big: past " + IndexSearcher.getMaxClauseCount()
        + " terms once each word is searched in every language; use fewer words or fewer wildcards";
  }

  /** Where the last unescaped double quote opens a phrase that never closes, or -1. */
  private static int unclosedQuote(String query) {
    int open = -1;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\') i++;
      else if (c == '"') open = open < 0 ? i : -1;
    }
    return open;
  }

  /**
   * Replaces each citation in the raw query by {@code ref:"CANONICAL"} so that slashes and dashes stay literal. One
   * inside quotes is left alone: a phrase's analyzer keeps it whole, and {@code ref:"..."} is a citation already.
   */
  private String quoteCitations(String query) {
    // After ref: the user says it is a number, whether or not the recognizer would see one there without context.
    query = UNQUOTED_REF.matcher(query).replaceAll("$1ref:\"$2\"");
    List<Citation> found = recognizer.scan(query);
    if (found.isEmpty()) return query;
    StringBuilder out = new StringBuilder();
    int last = 0;
    for (Citation c : found) {
      if (c.kind() != Citation.Kind.EXPLICIT || c.start() < last || quoted(query, c.start())) continue;
      boolean fielded = c.start() >= 4 && query.regionMatches(true, c.start() - 4, "ref:", 0, 4);
      out.append(query, last, c.start()).append(fielded ? "" : "ref:").append('"').append(c.canonical()).append('"');
      last = c.end();
    }
    return out.append(query.substring(last)).toString();
  }

  /** Whether {@code at} falls between an opening and a closing double quote of the query. */
  private static boolean quoted(String query, int at) {
    boolean inside = false;
    for (int i = 0; i < at; i++) {
      char ch = query.charAt(i);
      if (ch == '\\') i++;
      else if (ch == '"') inside = !inside;
    }
    return inside;
  }

  private static String firstLine(String s) {
    return s == null ? "syntax error" : s.lines().findFirst().orElse("syntax error");
  }

  /** The classic parser with our special fields. */
  private final class Parser extends MultiFieldQueryParser {
    Parser(Map<String, Float> boosts) { super(boosts.keySet().toArray(String[]::new), LanguageAnalyzers.perField(), boosts); }

    /** The query with its folded words for Vietnamese and Polish text searched over their fields' terms ({@link FoldedQueries}). */
    @Override
    public Query parse(String query) throws ParseException {
      return FoldedQueries.expand(super.parse(query));
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
      return switch (field == null ? "" : field) {
        case "ref" -> {
          Optional<String> canonical = recognizer.canonicalize(queryText);
          yield canonical.<Query>map(c -> new TermQuery(new Term(Fields.REF, c)))
              .orElseGet(() -> new TermQuery(new Term(Fields.REF, queryText)));
        }
        case "type" -> new TermQuery(new Term(Fields.REF_TYPE, codeOf(queryText)));
        case "issuer" -> new TermQuery(new Term(Fields.REF_ISSUER, codeOf(queryText)));
        case "lang" -> new TermQuery(new Term(Fields.LANG, queryText.toLowerCase(Locale.ROOT)));
        case "outlet" -> new TermQuery(new Term(Fields.OUTLET, queryText));
        case "date" -> dateRange(queryText, queryText, true, true);
        default -> super.getFieldQuery(field, queryText, quoted);
      };
    }

    /**
     * A quoted value ({@code ref:"331/UBND-TH"}, as citations are rewritten) comes here; the multi-field parser's
     * own version reaches the analyzer directly, which would make a phrase of a citation on a field without positions.
     */
    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
      if (field != null && QueryText.FIELDS.contains(field)) return getFieldQuery(field, queryText, true);
      return super.getFieldQuery(field, queryText, slop);
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                  boolean endInclusive) throws ParseException {
      if ("date".equals(field)) return dateRange(part1, part2, startInclusive, endInclusive);
      return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }

    private Query dateRange(String from, String to, boolean fromInclusive, boolean toInclusive) throws ParseException {
      long lo = from == null || from.equals("*") ? Long.MIN_VALUE : day(from, false) + (fromInclusive ? 0 : 1);
      long hi = to == null || to.equals("*") ? Long.MAX_VALUE : day(to, true) - (toInclusive ? 0 : 1);
      return lo > hi ? new MatchNoDocsQuery("empty date range") : LongPoint.newRangeQuery(Fields.DATE_DAY, lo, hi);
    }
  }

  /** Document type and issuer codes as the recognizer writes them ("qd" -> "QĐ", "ttg" -> "TTg"). */
  private String codeOf(String text) {
    String official = recognizer.vocabulary().spelling(text);
    return official != null ? official : text.toUpperCase(java.util.Locale.ROOT);
  }

  /** Epoch day of an ISO date, or of the first (or last) day of a year "2023" or month "2023-05". */
  static long day(String text, boolean endOfPeriod) throws ParseException {
    try {
      return switch (text.length()) {
        case 4 -> (endOfPeriod ? LocalDate.of(Integer.parseInt(text), 12, 31) : LocalDate.of(Integer.parseInt(text), 1, 1)).toEpochDay();
        case 7 -> {
          LocalDate first = LocalDate.parse(text + "-01");
          yield (endOfPeriod ? first.withDayOfMonth(first.lengthOfMonth()) : first).toEpochDay();
        }
        default -> LocalDate.parse(text).toEpochDay();
      };
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new ParseException("not a date (YYYY, YYYY-MM or YYYY-MM-DD): " + text);
    }
  }
}
