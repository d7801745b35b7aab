package sohieu.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import sohieu.Limits;

/**
 * A cheap pass over a typed query before the classic parser sees it. {@link #check} bounds the work: the parser
 * recurses once per bracket, so 5,000 nested parentheses overflow the stack, and a megabyte of text would be analyzed
 * once per language field. {@link #literal} keeps a colon or slash that is part of the text from becoming syntax:
 * "Số: 11", "10:30", "foo:bar" and a URL are words, "12-CT/" is not an unclosed regular expression. Analysts type
 * numbers with slashes, never regular expressions, whose stacked repeats can run for minutes: every slash is text.
 */
final class QueryText {
  /** The fields a query may name, as {@link ArticleQueryParser} handles them. */
  static final List<String> FIELDS = List.of("ref", "type", "issuer", "lang", "outlet", "date");
  private static final Set<String> KNOWN = Set.copyOf(FIELDS);

  private QueryText() {}

  /** The query with the words typed as fields that are none, such as {@code foo} in {@code foo:bar}. */
  record Literal(String query, List<String> unknownFields) {}

  /** Throws an {@link IllegalArgumentException} with one clear line for an empty, over-long or over-deep query. */
  static void check(String query) {
    if (query.isBlank()) throw new IllegalArgumentException("empty query");
    if (query.length() > Limits.QUERY_CHARS) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the query is %,d characters long; at most %,d are taken", query.length(), Limits.QUERY_CHARS));
    }
    List<Integer> open = new ArrayList<>(); // columns of the unclosed parentheses
    int ranges = 0;
    boolean quoted = false;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\') { i++; continue; }
      if (c == '"') { quoted = !quoted; continue; }
      if (quoted) continue;
      switch (c) {
        case '(' -> open.add(i + 1);
        case ')' -> {
          if (open.isEmpty()) throw new IllegalArgumentException("the ) at column " + (i + 1) + " of the query has no ( before it");
          open.removeLast();
        }
        case '[', '{' -> ranges++;
        case ']', '}' -> ranges = Math.max(0, ranges - 1);
        default -> { continue; }
      }
      if (open.size() + ranges > Limits.QUERY_DEPTH) {
        throw new IllegalArgumentException("the query nests brackets more than " + Limits.QUERY_DEPTH + " deep (at column " + (i + 1) + ")");
      }
    }
    if (!open.isEmpty()) throw new IllegalArgumentException("the ( at column " + open.getLast() + " of the query is not closed");
  }

  /**
   * The query with each colon that does not follow a known field, and each slash, escaped, so that both are
   * searched as the text they are part of. Control characters become
   * spaces (the parser would take them for letters). A known field keeps its meaning in any case ({@code REF:}).
   */
  static Literal literal(String query) {
    StringBuilder out = new StringBuilder(query.length() + 16);
    List<String> unknown = new ArrayList<>();
    int wordStart = 0; // in out: where the word being written began
    int ranges = 0; // open [ and {
    boolean quoted = false;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') c = ' ';
      if (c == '\\') {
        // A backslash at the very end escapes nothing, which the parser refuses: it is a character of the text.
        if (i + 1 == query.length()) out.append("\\\\"); else out.append(c).append(query.charAt(++i));
        continue;
      }
      if (c == '"') quoted = !quoted;
      if (quoted || c == '"') { out.append(c); wordStart = out.length(); continue; }
      if (c == ':') {
        String word = out.substring(wordStart);
        String field = word.toLowerCase(Locale.ROOT);
        if (KNOWN.contains(field)) {
          out.replace(wordStart, out.length(), field).append(':');
        } else if (word.equals("*") && i + 1 < query.length() && query.charAt(i + 1) == '*') {
          out.append(':'); // *:* is every document
        } else {
          out.append("\\:");
          // Fields are ASCII words: "Số:11" is text, "foo:bar" a field that is none.
          boolean typedAsField = word.matches("[A-Za-z][A-Za-z_]*") && i + 1 < query.length()
              && !Character.isWhitespace(query.charAt(i + 1)) && query.charAt(i + 1) != '/';
          if (typedAsField && !unknown.contains(word)) unknown.add(word);
          continue;
        }
        wordStart = out.length();
        continue;
      }
      if (c == '/') { out.append("\\/"); continue; }
      // The parser reads ] and } only as the end of a range; elsewhere they are text.
      if (c == '[' || c == '{') ranges++;
      if ((c == ']' || c == '}') && ranges-- == 0) { ranges = 0; out.append('\\').append(c); continue; }
      // A boost takes a number; the parser's lexer fails on anything else after ^.
      if (c == '^' && (i + 1 == query.length() || !Character.isDigit(query.charAt(i + 1)))) { out.append("\\^"); continue; }
      out.append(c);
      if (!wordChar(c)) wordStart = out.length();
    }
    return new Literal(out.toString(), unknown);
  }

  /** Characters of a word or field name as the parser reads it; any other ends the word before a colon. */
  private static boolean wordChar(char c) {
    return !Character.isWhitespace(c) && "()[]{}+-!^~\"".indexOf(c) < 0;
  }
}
