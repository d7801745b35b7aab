package sohieu.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the page furniture that scrapers leave in article text (site banners, share-button rows, the
 * "related articles" trailer) and reads the metadata that furniture carries (outlet, dateline, source URL).
 */
final class ArticleCleaner {
  /** Lines that open the trailer of a scraped page: everything from the first of them on is navigation. */
  private static final Set<String> TRAILER_OPENERS = Set.of(
      "источник", "комментарий (0)", "та же тема", "та же категория", "тот же автор", "читайте также",
      "source", "comment (0)", "commentaire (0)", "même catégorie", "même sujet", "même auteur", "lire aussi",
      "źródło", "komentarz (0)", "w tym samym temacie", "w tej samej kategorii", "ten sam autor", "czytaj także",
      "nguồn", "bình luận (0)", "cùng chủ đề", "cùng chuyên mục", "tin liên quan", "xem thêm", "related",
      "related articles", "no data", "no videos available");
  /** The longest opener: a longer line is none, and is not lower-cased to find out (lower case never shortens). */
  private static final int TRAILER_OPENER_CHARS = TRAILER_OPENERS.stream().mapToInt(String::length).max().orElseThrow();
  /** A row of share buttons glued together: "ZaloFacebookTwitterImprimerCopier le lien". */
  private static final Pattern SHARE_ROW = Pattern.compile(
      "(?i)^(zalo|facebook|twitter|x|linkedin|telegram|email|e-mail|print|imprimer|drukuj|печать|copier le lien|"
          + "copy link|kopiuj link|in bài|chia sẻ|share|partager|udostępnij|поделиться|\\s)+$");
  /** A row of buttons is short; on a long line the pattern's repetition would recurse once per char ("xxx...x"). */
  private static final int SHARE_ROW_CHARS = 300;
  /** "Báo Quốc TếBáo Quốc Tế21/12/2023": a site's name (often doubled by the scraper) glued to a date. */
  private static final Pattern DATELINE = Pattern.compile(
      "^(\\D{2,60}?)\\s*(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:\\s+\\d{1,2}:\\d{2})?$");
  /**
   * "Vietnam.vn - Nền tảng quảng bá Việt Nam": a banner naming the site by its domain. The same shape opens a
   * paragraph with its agency credit ("VOV.VN - Chiều 5/3, ..."), so only a short tagline makes the line a banner.
   */
  private static final Pattern BANNER = Pattern.compile("^([\\p{L}\\d-]+\\.(?:vn|com|net|org|fr|ru|pl))\\s+[-–|]\\s+(.+)$",
      Pattern.CASE_INSENSITIVE);
  /** A tagline, not a sentence: a few words, no digits, no sentence punctuation. */
  private static final Pattern TAGLINE = Pattern.compile("^[^\\d.!?;:,…]{1,60}$");
  private static final int TAGLINE_WORDS = 8;
  /** App-store badges that news sites put above the article. */
  private static final Set<String> HEAD_FURNITURE = Set.of("download on the", "app store", "get it on", "google play");
  /**
   * Words after which a date is a deadline or a start ("trước 20/6/2025", "từ 1/1/2026"), so the line is a headline
   * and not a site name glued to its dateline.
   */
  private static final Set<String> DATE_PREPOSITIONS = Set.of("trước", "sau", "từ", "đến", "tới", "hết", "hạn", "ngày",
      "đầu", "cuối", "before", "after", "until", "till", "by", "from", "since", "on", "avant", "après", "depuis",
      "jusqu'au", "au", "le", "du", "до", "после", "с", "по", "от", "przed", "po", "od", "do", "dnia");
  /** First words of a label before a date ("Ngày ban hành 26/11/2011" in a table), not of a site name. */
  private static final Set<String> DATE_LABELS = Set.of("ngày", "cập", "đăng", "date", "updated", "published", "publié",
      "mis", "opublikowano", "zaktualizowano", "дата", "опубликовано", "обновлено");
  private static final int DATELINE_WORDS = 8;
  /** The place-and-date line of an official text: "Hà Nội, ngày 22 tháng 12 năm 2024", "TP. Hồ Chí Minh, ngày ...". */
  private static final Pattern LETTERHEAD_DATE = Pattern.compile(
      "^\\p{Lu}[\\p{L}.]*(?:[ .]+[\\p{L}.]+){0,5},\\s+ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})[\\s.*_]*$",
      Pattern.MULTILINE);
  /** The letterhead is at the top; lower down such a line quotes another document. */
  private static final int LETTERHEAD_LINES = 40;
  /** "(Baonghean.vn) - ..." opening a paragraph: an agency or site credit. */
  private static final Pattern CREDIT = Pattern.compile("^\\(([\\p{L}\\d.-]+\\.(?:vn|com|net|org))\\)\\s*[-–]");
  private static final Pattern SOURCE_URL = Pattern.compile(
      "(?iu)^(?:source|источник|źródło|nguồn|lien|link|link bài viết gốc|bài viết gốc)\\s*:?\\s*(https?://\\S+)$");
  /** "Ngày đăng: 11/06/2025": the page's own statement of when it was published. */
  private static final Pattern PUBLISHED_LINE = Pattern.compile(
      "(?iu)^(?:ngày đăng|đăng ngày|published|publié le|opublikowano|опубликовано)\\s*:?\\s*(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})\\b.{0,20}$");

  /** The cleaned text with the metadata found in its furniture. */
  record Cleaned(String text, String title, LocalDate published, String outlet, String sourceUrl) {}

  private ArticleCleaner() {}

  static Cleaned clean(String raw) {
    String[] lines = raw.split("\n", -1);
    int trailerAt = trailerStart(lines);
    List<String> kept = new ArrayList<>();
    String title = null, outlet = null, url = null;
    LocalDate published = null;
    int headLines = 0;
    for (int i = 0; i < trailerAt; i++) {
      String line = lines[i].strip(), keep = lines[i].stripTrailing();
      if (line.isEmpty()) {
        kept.add("");
        continue;
      }
      Matcher m;
      if (headLines < 8 && (m = BANNER.matcher(line)).matches()) {
        outlet = outlet == null ? m.group(1) : outlet;
        String after = m.group(2).strip();
        if (isTagline(after)) continue;
        // A credit opening a paragraph: the credit is furniture, the sentence after it is the article.
        line = keep = after;
      }
      if (headLines < 8 && HEAD_FURNITURE.contains(line.toLowerCase(Locale.ROOT))) continue;
      // Before the headline only a doubled site name ("Báo Nhân DânBáo Nhân Dân05/03/2025") is a dateline: a
      // first line ending in a date is otherwise the headline itself.
      if (headLines < 8 && published == null && line.indexOf('\t') < 0
          && (m = DATELINE.matcher(line)).matches()
          && isSiteName(m.group(1)) && (title != null || isDoubled(m.group(1).strip()))) {
        published = date(m.group(2), m.group(3), m.group(4));
        if (published != null) {
          if (outlet == null) outlet = undoubled(m.group(1).strip());
          continue;
        }
      }
      if (line.length() <= SHARE_ROW_CHARS && SHARE_ROW.matcher(line).matches()) continue;
      if ((m = SOURCE_URL.matcher(line)).matches()) {
        url = m.group(1);
        continue;
      }
      if (published == null && (m = PUBLISHED_LINE.matcher(line)).matches()
          && (published = date(m.group(1), m.group(2), m.group(3))) != null) {
        continue;
      }
      if (outlet == null && (m = CREDIT.matcher(line)).find()) outlet = m.group(1);
      if (title == null) title = line;
      headLines++;
      kept.add(keep);
    }
    String text = collapseBlankLines(kept);
    if (published == null) published = letterheadDate(text);
    return new Cleaned(text, title, published, outlet, url);
  }

  private static boolean isTagline(String s) {
    return TAGLINE.matcher(s).matches() && s.split("\\s+").length <= TAGLINE_WORDS;
  }

  /**
   * "Báo Quốc TếBáo Quốc Tế": a few words; not a headline ending in "trước" before a deadline, not a label.
   */
  private static boolean isSiteName(String s) {
    if (s.indexOf(':') >= 0) return false;
    String[] words = s.strip().toLowerCase(Locale.ROOT).split("\\s+");
    return words.length <= DATELINE_WORDS && !DATE_PREPOSITIONS.contains(words[words.length - 1])
        && !DATE_LABELS.contains(words[0]);
  }

  /** The signing date on an official text's letterhead, searched in its first lines. */
  static LocalDate letterheadDate(String text) {
    int lines = 0;
    for (int at = 0; at < text.length() && lines < LETTERHEAD_LINES; lines++) {
      int nl = text.indexOf('\n', at);
      Matcher m = LETTERHEAD_DATE.matcher(text).region(at, text.length());
      m.useAnchoringBounds(true);
      if (m.lookingAt()) {
        LocalDate d = date(m.group(1), m.group(2), m.group(3));
        if (d != null) return d;
      }
      if (nl < 0) break;
      at = nl + 1;
    }
    return null;
  }

  /** The trailer starts at the first opener line found after the article has begun (not in its head). */
  private static int trailerStart(String[] lines) {
    int nonEmpty = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) continue;
      if (nonEmpty >= 3 && line.length() <= TRAILER_OPENER_CHARS && TRAILER_OPENERS.contains(line.toLowerCase(Locale.ROOT))) {
        return i;
      }
      nonEmpty++;
    }
    return lines.length;
  }

  private static boolean isDoubled(String s) { return !undoubled(s).equals(s); }

  /** "Báo Quốc TếBáo Quốc Tế" -> "Báo Quốc Tế". */
  static String undoubled(String s) {
    int half = s.length() / 2;
    if (s.length() % 2 == 0 && s.substring(0, half).equals(s.substring(half))) return s.substring(0, half).strip();
    return s;
  }

  private static LocalDate date(String day, String month, String year) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static String collapseBlankLines(List<String> lines) {
    StringBuilder out = new StringBuilder();
    boolean blank = true;
    for (String line : lines) {
      if (line.isBlank()) {
        if (!blank) out.append('\n');
        blank = true;
      } else {
        out.append(line).append('\n');
        blank = false;
      }
    }
    return out.toString().strip();
  }
}
