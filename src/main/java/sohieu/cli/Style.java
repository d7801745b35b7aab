package sohieu.cli;

/** Terminal styling: ANSI colour when wanted, plain text otherwise; renders the highlighter's match marks. */
final class Style {
  static final String OPEN_MARK = "\u0002";
  static final String CLOSE_MARK = "\u0003";
  private final boolean color;

  Style(boolean color) { this.color = color; }

  String bold(String s) { return color ? "\u001b[1m" + s + "\u001b[0m" : s; }

  String dim(String s) { return color ? "\u001b[2m" + s + "\u001b[0m" : s; }

  String accent(String s) { return color ? "\u001b[36m" + s + "\u001b[0m" : s; }

  /** Renders highlighter marks as bold yellow on a terminal, as «guillemets» elsewhere. */
  String marks(String snippet) {
    return color
        ? snippet.replace(OPEN_MARK, "\u001b[1;33m").replace(CLOSE_MARK, "\u001b[0m")
        : snippet.replace(OPEN_MARK, "«").replace(CLOSE_MARK, "»");
  }

  /** The highlighter's marks removed, for JSON and CSV. */
  static String plain(String snippet) { return snippet.replace(OPEN_MARK, "").replace(CLOSE_MARK, ""); }

  /** Marks {@code [start, end)} of {@code s} the way the highlighter marks a match. */
  static String mark(String s, int start, int end) {
    return s.substring(0, start) + OPEN_MARK + s.substring(start, end) + CLOSE_MARK + s.substring(end);
  }
}
