package sohieu.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned plain-text table: a header row and rows of cells, padded to each column's display width (colour escapes
 * take no room, combining marks none, East Asian wide characters two). On a terminal the table fits its width: the
 * widest text column gives way, its long cells cut with an ellipsis; piped output keeps every cell whole.
 */
final class Table {
  private static final int GAP = 2;
  /** A column cut to fit is never made narrower than this. */
  private static final int MIN_CUT = 12;
  private final List<String[]> rows = new ArrayList<>();
  private final String[] header;
  private int[] shrinkable;

  Table(String... header) {
    this.header = header;
    this.shrinkable = new int[] {header.length - 1};
  }

  /** The text columns that may be cut to fit, by index (default: the last); numbers, dates and codes stay whole. */
  Table shrinkable(int... columns) {
    this.shrinkable = columns;
    return this;
  }

  Table row(Object... cells) {
    String[] r = new String[cells.length];
    for (int i = 0; i < cells.length; i++) r[i] = cells[i] == null ? "-" : cells[i].toString();
    rows.add(r);
    return this;
  }

  /** Prints the table fitted to the terminal when {@code out} is standard output and that is one. */
  void print(PrintWriter out, Style style) {
    print(out, style, out instanceof Main.StandardStream ? terminalColumns() : 0);
  }

  /** Prints the table in at most {@code columns} display columns (0: no limit). */
  void print(PrintWriter out, Style style, int columns) {
    int[] width = new int[header.length];
    for (int i = 0; i < header.length; i++) width[i] = width(header[i]);
    for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], width(r[i]));
    boolean[] hidden = new boolean[width.length];
    List<String> dropped = new ArrayList<>();
    if (columns > 0) {
      // Too wide even with the text columns cut as far as they may be: those go, rightmost first, and the table says so.
      int least = GAP * (width.length - 1);
      for (int i = 0; i < width.length; i++) least += isShrinkable(i) ? Math.min(width[i], floor(i)) : width[i];
      for (int k = shrinkable.length - 1; k >= 0 && least > columns; k--) {
        int i = shrinkable[k];
        hidden[i] = true;
        least -= Math.min(width[i], floor(i)) + GAP;
        dropped.add(0, header[i]);
      }
      // Then the widest text column left gives one column at a time until the table fits.
      int total = -GAP;
      for (int i = 0; i < width.length; i++) if (!hidden[i]) total += width[i] + GAP;
      while (total > columns) {
        int widest = -1;
        for (int i : shrinkable) if (!hidden[i] && width[i] > floor(i) && (widest < 0 || width[i] > width[widest])) widest = i;
        if (widest < 0) break;
        width[widest]--;
        total--;
      }
    }
    out.println(style.bold(line(header, width, hidden)));
    for (String[] r : rows) out.println(line(r, width, hidden));
    if (!dropped.isEmpty()) out.println(style.dim(String.join(", ", dropped) + " hidden to fit " + columns + " columns"));
  }

  private boolean isShrinkable(int column) {
    for (int i : shrinkable) if (i == column) return true;
    return false;
  }

  /** The narrowest a text column is cut to: a few words, and never narrower than its header. */
  private int floor(int column) {
    return Math.max(MIN_CUT, width(header[column]));
  }

  private static String line(String[] cells, int[] width, boolean[] hidden) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (hidden[i]) continue;
      if (!sb.isEmpty()) sb.append(" ".repeat(GAP));
      String cell = width(cells[i]) > width[i] ? cut(cells[i], width[i]) : cells[i];
      sb.append(cell).append(" ".repeat(width[i] - width(cell)));
    }
    return sb.toString().stripTrailing();
  }

  /** The cell's text, without its colour, cut to {@code max} columns ending in an ellipsis. */
  static String cut(String cell, int max) {
    String plain = stripEscapes(cell);
    StringBuilder b = new StringBuilder();
    int used = 0;
    for (int i = 0; i < plain.length(); ) {
      int cp = plain.codePointAt(i), w = width(cp);
      if (used + w > max - 1) break;
      b.appendCodePoint(cp);
      used += w;
      i += Character.charCount(cp);
    }
    return b.append('…').toString();
  }

  /** Columns the text takes on a terminal. */
  static int width(String s) {
    String plain = stripEscapes(s);
    int w = 0;
    for (int i = 0; i < plain.length(); ) {
      int cp = plain.codePointAt(i);
      w += width(cp);
      i += Character.charCount(cp);
    }
    return w;
  }

  /** 0 for combining marks and controls, 2 for East Asian wide and fullwidth characters, else 1. */
  private static int width(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
        || type == Character.CONTROL) return 0;
    boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
        || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
    return wide ? 2 : 1;
  }

  /** The text without ANSI escape sequences (ESC [ ... final letter). */
  static String stripEscapes(String s) {
    if (s.indexOf('\u001b') < 0) return s;
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u001b' && i + 1 < s.length() && s.charAt(i + 1) == '[') {
        i += 2;
        while (i < s.length() && !Character.isLetter(s.charAt(i))) i++;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * The terminal's width when standard output is a terminal, else 0: $COLUMNS when the shell exports it, else what
   * {@code stty} says of the controlling terminal (Java itself cannot ask).
   */
  static int terminalColumns() {
    if (!Terminal.console()) return 0;
    try {
      String env = Terminal.env("COLUMNS");
      if (env != null && !env.isBlank()) return Integer.parseInt(env.strip());
    } catch (NumberFormatException e) {
      // fall through to stty
    }
    return Terminal.sttyColumns();
  }
}
