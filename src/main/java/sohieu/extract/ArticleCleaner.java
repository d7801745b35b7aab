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
  /** A row of share buttons glued together: "ZaloFacebookTwitterImprimerCopier le lien". */
  private static final Pattern SHARE_ROW = Pattern.compile(
      "(?i)^(zalo|facebook|twitter|x|linkedin|telegram|email|e-mail|print|imprimer|drukuj|печать|copier le lien|"
          + "copy link|kopiuj link|in bài|chia sẻ|share|partager|udostępnij|поделиться|\\s)+$");
  /** "Báo Quốc TếBáo Quốc Tế21/12/2023": a site's name (often doubled by the scraper) glued to a date. */
  private static final Pattern DATELINE = Pattern.compile(
      "^(\\D{2,60}?)\\s*(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:\\s+\\d{1,2}:\\d{2})?$");
  /** "Vietnam.vn - Nền tảng quảng bá Việt Nam": a banner naming the site by its domain. */
  private static final Pattern BANNER = Pattern.compile("^([\\p{L}\\d-]+\\.(?:vn|com|net|org|fr|ru|pl))\\s+[-–|]\\s+.+$",
      Pattern.CASE_INSENSITIVE);
  /** "(Baonghean.vn) - ..." opening a paragraph: an agency or site credit. */
  private static final Pattern CREDIT = Pattern.compile("^\\(([\\p{L}\\d.-]+\\.(?:vn|com|net|org))\\)\\s*[-–]");
  private static final Pattern SOURCE_URL = Pattern.compile(
      "(?i)^(?:source|источник|źródło|nguồn|lien|link)\\s*:?\\s*(https?://\\S+)$");

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
      String line = lines[i].strip();
      if (line.isEmpty()) {
        kept.add("");
        continue;
      }
      Matcher m;
      if (headLines < 8 && (m = BANNER.matcher(line)).matches()) {
        outlet = outlet == null ? m.group(1) : outlet;
        continue;
      }
      if (headLines < 8 && published == null && (m = DATELINE.matcher(line)).matches()) {
        published = date(m.group(2), m.group(3), m.group(4));
        if (published != null) {
          if (outlet == null) outlet = undoubled(m.group(1).strip());
          continue;
        }
      }
      if (SHARE_ROW.matcher(line).matches()) continue;
      if ((m = SOURCE_URL.matcher(line)).matches()) {
        url = m.group(1);
        continue;
      }
      if (outlet == null && (m = CREDIT.matcher(line)).find()) outlet = m.group(1);
      if (title == null) title = line;
      headLines++;
      kept.add(lines[i].stripTrailing());
    }
    return new Cleaned(collapseBlankLines(kept), title, published, outlet, url);
  }

  /** The trailer starts at the first opener line found after the article has begun (not in its head). */
  private static int trailerStart(String[] lines) {
    int nonEmpty = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) continue;
      if (nonEmpty >= 3 && TRAILER_OPENERS.contains(line.toLowerCase(Locale.ROOT))) return i;
      nonEmpty++;
    }
    return lines.length;
  }

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
