package sohieu.index;

import java.util.ArrayList;
import java.util.List;
import sohieu.lang.Paragraph;

/** Stores paragraph spans and languages compactly ("lang start end" per line) and reads them back. */
public final class Paragraphs {
  private Paragraphs() {}

  static String encode(List<Paragraph> paragraphs) {
    StringBuilder sb = new StringBuilder();
    for (Paragraph p : paragraphs) sb.append(p.lang()).append(' ').append(p.start()).append(' ').append(p.end()).append('\n');
    return sb.toString();
  }

  public static List<Paragraph> decode(String stored) {
    List<Paragraph> out = new ArrayList<>();
    if (stored == null) return out;
    for (String line : stored.split("\n")) {
      if (line.isEmpty()) continue;
      String[] parts = line.split(" ");
      out.add(new Paragraph(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), parts[0]));
    }
    return out;
  }
}
