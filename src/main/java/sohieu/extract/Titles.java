package sohieu.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import sohieu.Limits;

/** Choosing and trimming a document's title. */
final class Titles {
  /** Headings that name a part of the page, not the page. */
  private static final Set<String> GENERIC = Set.of("nội dung chính", "mục lục", "thông tin văn bản", "tóm tắt",
      "nội dung", "tin liên quan", "contents", "table of contents", "summary", "sommaire", "table des matières",
      "содержание", "оглавление", "spis treści");
  /** Only a heading near the top titles the file: one far down titles a section. */
  private static final int HEAD_LINES = 12;

  private Titles() {}

  /** The first heading near the top that is not a generic one, or null. */
  static String fromHeadings(List<MarkdownText.Heading> headings) {
    for (MarkdownText.Heading h : headings) {
      if (h.line() >= HEAD_LINES) break;
      if (!GENERIC.contains(h.text().toLowerCase(Locale.ROOT).replaceAll("[\\s:.]+$", ""))) return h.text();
    }
    return null;
  }

  /** One line, at most {@link #Limits.TITLE_CHARS} characters, cut after a sentence or a word with an ellipsis. */
  static String shorten(String title) {
    if (title == null) return null;
    String t = title.replaceAll("\\s+", " ").strip();
    if (t.isEmpty()) return null;
    if (t.length() <= Limits.TITLE_CHARS) return t;
    String head = t.substring(0, Limits.TITLE_CHARS);
    for (String end : new String[] {". ", "? ", "! "}) {
      int at = head.lastIndexOf(end);
      if (at >= Limits.TITLE_CHARS / 3) return head.substring(0, at + 1);
    }
    int space = head.lastIndexOf(' ');
    return (space >= Limits.TITLE_CHARS / 2 ? head.substring(0, space) : head).stripTrailing() + "…";
  }
}
