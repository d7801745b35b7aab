package sohieu.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** An aligned plain-text table: a header row and rows of cells, padded to each column's width. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();
  private final String[] header;

  Table(String... header) { this.header = header; }

  Table row(Object... cells) {
    String[] r = new String[cells.length];
    for (int i = 0; i < cells.length; i++) r[i] = cells[i] == null ? "-" : cells[i].toString();
    rows.add(r);
    return this;
  }

  void print(PrintStream out, Style style) {
    int[] width = new int[header.length];
    for (int i = 0; i < header.length; i++) width[i] = header[i].codePointCount(0, header[i].length());
    for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].codePointCount(0, r[i].length()));
    out.println(style.bold(line(header, width)));
    for (String[] r : rows) out.println(line(r, width));
  }

  private static String line(String[] cells, int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      sb.append(cells[i]);
      if (i < cells.length - 1) sb.append(" ".repeat(width[i] - cells[i].codePointCount(0, cells[i].length()) + 2));
    }
    return sb.toString().stripTrailing();
  }
}
