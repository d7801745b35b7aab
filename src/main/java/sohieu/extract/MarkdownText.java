package sohieu.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown to plain text, one output line per source line so that paragraphs stay where they were: markup goes
 * (heading marks, emphasis, link and image syntax, table pipes, list bullets, escapes), words stay. Also returns
 * the YAML front matter's simple {@code key: value} pairs and the headings, which carry the file's metadata.
 * Crawled Markdown rarely holds anything a full CommonMark parser would add to this.
 */
final class MarkdownText {
  /** A heading: its level (1 for #) and the index of its line among the non-empty lines of the text. */
  record Heading(int level, String text, int line) {}

  /** @param frontMatter keys lower-cased without '-' and '_' ("ngay-ban-hanh" -> "ngaybanhanh"), values unquoted */
  record Result(String text, Map<String, String> frontMatter, List<Heading> headings) {}

  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~).*$");
  /** "---", "* * *", "=====", and the "-------" rules under a letterhead: no words, only a line. */
  private static final Pattern RULE = Pattern.compile("^\\s{0,3}([-*_=])(\\s*\\1){2,}\\s*$");
  private static final Pattern ATX = Pattern.compile("^\\s{0,3}(#{1,6})(?:\\s+(.*?))?(?:\\s+#+)?\\s*$");
  private static final Pattern QUOTE = Pattern.compile("^\\s{0,3}>\\s?");
  private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(?=\\S)");
  private static final Pattern TABLE_DELIMITER = Pattern.compile("^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*$");
  private static final Pattern LINK_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s+\\S+.*$");
  private static final Pattern FRONT_KEY = Pattern.compile("^([A-Za-z_][\\w-]*)\\s*:\\s*(.*)$");
  private static final Pattern ESCAPE = Pattern.compile("\\\\([!-/:-@\\[-`{-~])");
  private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]\\n]*]\\((?:[^()\\s]|\\([^()\\s]*\\))*(?:\\s+\"[^\"\\n]*\")?\\)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]*)]\\((?:[^()\\s]|\\([^()\\s]*\\))*(?:\\s+\"[^\"\\n]*\")?\\)");
  private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|ftp)://[^>\\s]+|[^>\\s@]+@[^>\\s@]+)>");
  // WIKI_FURNITURE, UNDERSCORE and STRAY_STARS begin with their marker and look behind it afterwards: a look-behind
  // first would be tried at every position of the text (Markdown conversion of vi-dev/tvpl took 1.6x as long).
  /** Wikipedia's "[sửa | sửa mã nguồn]" edit links and footnote markers glued to a word: "Việt Nam.[1][2]". */
  private static final Pattern WIKI_FURNITURE = Pattern.compile("\\[(?:sửa(?: \\| sửa mã nguồn)?]|(?<=[\\p{L}\\p{N}\\p{P}]\\[)\\d{1,3}](?:\\[\\d{1,3}])*)");
  private static final Pattern HTML_BREAK = Pattern.compile("(?i)<br\\s*/?>");
  private static final Pattern HTML_TAG = Pattern.compile("(?i)</?(?:b|i|u|s|em|strong|span|sup|sub|small|mark|ref|font|center|a|p|div)(?:\\s[^<>\\n]*)?/?>");
  private static final Pattern CODE = Pattern.compile("`+([^`\\n]+)`+");
  private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1", Pattern.DOTALL);
  private static final Pattern STAR = Pattern.compile("\\*(?=[^\\s*])(.+?)(?<=[^\\s*])\\*", Pattern.DOTALL);
  /** Underscores only around words: "Nghị_quyết" in word-segmented text is a word, not emphasis. */
  private static final Pattern UNDERSCORE = Pattern.compile("_(?<![\\p{L}\\p{N}_]_)(?=\\S)(.+?)(?<=\\S)_(?![\\p{L}\\p{N}_])", Pattern.DOTALL);
  private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~", Pattern.DOTALL);
  /** Asterisks left unpaired, e.g. "*Căn cứ ... ngày 16/6/2025; *" where the closing one follows a space. */
  private static final Pattern STRAY_STARS = Pattern.compile("\\*(?:(?<=(?:^|\\s)\\*)\\**|\\**(?=\\s|$))", Pattern.MULTILINE);
  private static final Pattern TRAILING_BACKSLASH = Pattern.compile("(?m)\\\\$");
  private static final Pattern ENTITY = Pattern.compile("&(nbsp|amp|lt|gt|quot|apos|#\\d{1,6}|#x[0-9a-fA-F]{1,5});");
  /** Escaped characters travel as private-use code points so that no markup rule sees them. */
  private static final int ESCAPED = 0xF0000;

  private MarkdownText() {}

  static Result convert(String markdown) {
    String[] lines = markdown.split("\n", -1);
    Map<String, String> frontMatter = new LinkedHashMap<>();
    int from = frontMatter(lines, frontMatter);
    List<List<String>> blocks = new ArrayList<>();
    List<String> paragraph = new ArrayList<>();
    List<Integer> headingBlocks = new ArrayList<>();
    List<Integer> headingLevels = new ArrayList<>();
    Set<Integer> verbatim = new HashSet<>();
    boolean fenced = false;
    for (int i = from; i < lines.length; i++) {
      String line = lines[i];
      if (FENCE.matcher(line).matches()) {
        fenced = !fenced;
        line = "";
      } else if (fenced) {
        flush(blocks, paragraph);
        verbatim.add(blocks.size());
        blocks.add(List.of(line.strip()));
        continue;
      }
      if (line.indexOf('<') >= 0) line = HTML_BREAK.matcher(line).replaceAll(" ");
      Matcher m;
      if (line.isBlank() || RULE.matcher(line).matches() || LINK_DEFINITION.matcher(line).matches()) {
        flush(blocks, paragraph);
        blocks.add(List.of(""));
      } else if ((m = ATX.matcher(line)).matches()) {
        flush(blocks, paragraph);
        headingBlocks.add(blocks.size());
        headingLevels.add(m.group(1).length());
        blocks.add(List.of(m.group(2) == null ? "" : m.group(2)));
      } else if (isTableRow(line)) {
        flush(blocks, paragraph);
        blocks.add(List.of(TABLE_DELIMITER.matcher(line).matches() ? "" : cells(line)));
      } else {
        while ((m = QUOTE.matcher(line)).find()) line = line.substring(m.end());
        line = BULLET.matcher(line).replaceFirst("");
        paragraph.add(line.strip());
      }
    }
    flush(blocks, paragraph);

    StringBuilder out = new StringBuilder();
    List<Heading> headings = new ArrayList<>();
    int nonEmpty = 0, h = 0;
    for (int b = 0; b < blocks.size(); b++) {
      String block = String.join("\n", blocks.get(b));
      String text = verbatim.contains(b) ? block : inline(block);
      if (h < headingBlocks.size() && headingBlocks.get(h) == b) {
        if (!text.isBlank()) headings.add(new Heading(headingLevels.get(h), text.strip(), nonEmpty));
        h++;
      }
      for (String line : text.split("\n", -1)) {
        out.append(line.strip()).append('\n');
        if (!line.isBlank()) nonEmpty++;
      }
    }
    return new Result(out.toString(), frontMatter, headings);
  }

  private static void flush(List<List<String>> blocks, List<String> paragraph) {
    if (paragraph.isEmpty()) return;
    blocks.add(new ArrayList<>(paragraph));
    paragraph.clear();
  }

  /**
   * Reads a front matter block ("---" on the first line, "key: value" lines, "---" or "..."), returning the index
   * of the first line after it, or 0 when the file has none.
   */
  private static int frontMatter(String[] lines, Map<String, String> into) {
    if (lines.length < 3 || !lines[0].strip().equals("---") || !FRONT_KEY.matcher(lines[1]).matches()) return 0;
    for (int i = 1; i < lines.length && i < 200; i++) {
      String line = lines[i];
      String s = line.strip();
      if (s.equals("---") || s.equals("...")) return i + 1;
      Matcher m;
      if (!line.startsWith(" ") && (m = FRONT_KEY.matcher(line)).matches()) {
        String key = m.group(1).toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        String value = unquote(m.group(2).strip());
        if (!value.isEmpty() && !value.startsWith("[") && !value.startsWith("{") && !value.equals("|") && !value.equals(">")) {
          into.putIfAbsent(key, value);
        }
      }
    }
    into.clear();
    return 0;
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("''", "'").strip();
    }
    int comment = v.indexOf(" #");
    return comment >= 0 ? v.substring(0, comment).strip() : v;
  }

  /** A pipe table row; crawlers also leave rows without the leading pipe ("Vùng I | 5.310.000 | 25.500 |"). */
  private static boolean isTableRow(String line) {
    String s = line.strip();
    return s.startsWith("|") || s.endsWith("|") && !s.endsWith("\\|");
  }

  /** Cells without the pipes, separated by tabs as plain-text tables are; empty cells go. */
  private static String cells(String row) {
    StringBuilder out = new StringBuilder();
    for (String cell : row.strip().split("(?<!\\\\)\\|")) {
      String c = cell.strip();
      if (c.isEmpty()) continue;
      if (!out.isEmpty()) out.append('\t');
      out.append(c);
    }
    return out.toString();
  }

  private static String inline(String s) {
    // Each construct needs a marker character: most paragraphs have none, and skip the regular expressions (which
    // were a quarter of ingest's CPU on Markdown pages).
    boolean escapes = s.indexOf('\\') >= 0;
    if (escapes) s = hideEscapes(s);
    if (s.indexOf('[') >= 0) {
      s = IMAGE.matcher(s).replaceAll("");
      s = LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
      s = WIKI_FURNITURE.matcher(s).replaceAll("");
    }
    if (s.indexOf('<') >= 0) {
      s = AUTOLINK.matcher(s).replaceAll("$1");
      s = HTML_TAG.matcher(s).replaceAll("");
    }
    if (s.indexOf('`') >= 0) s = CODE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    if (s.contains("**") || s.contains("__")) s = STRONG.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(2)));
    if (s.indexOf('*') >= 0) s = STAR.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    if (s.indexOf('_') >= 0) s = UNDERSCORE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    if (s.indexOf('~') >= 0) s = STRIKE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    if (s.indexOf('*') >= 0) s = STRAY_STARS.matcher(s).replaceAll("");
    if (s.indexOf('\\') >= 0) s = TRAILING_BACKSLASH.matcher(s).replaceAll("");
    if (escapes) s = showEscapes(s);
    return s.indexOf('&') >= 0 ? entities(s) : s;
  }

  private static String hideEscapes(String s) {
    return ESCAPE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(Character.toString(ESCAPED + m.group(1).charAt(0))));
  }

  private static String showEscapes(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> out.appendCodePoint(c >= ESCAPED && c < ESCAPED + 128 ? c - ESCAPED : c));
    return out.toString();
  }

  private static String entities(String s) {
    return ENTITY.matcher(s).replaceAll(m -> {
      String e = m.group(1);
      String r = switch (e) {
        case "nbsp" -> " ";
        case "amp" -> "&";
        case "lt" -> "<";
        case "gt" -> ">";
        case "quot" -> "\"";
        case "apos" -> "'";
        default -> {
          int cp = e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
          yield Character.isValidCodePoint(cp) && cp != 0 ? Character.toString(cp) : m.group();
        }
      };
      return Matcher.quoteReplacement(r);
    });
  }
}
