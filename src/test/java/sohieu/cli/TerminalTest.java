package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import sohieu.index.IngestListener;

/** Tables measured as a terminal shows them and fitted to its width; ingest progress laid out for 80 columns or a pipe. */
class TerminalTest {
  private static List<String> printed(Table t, Style style, int columns) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintWriter out = new PrintWriter(bytes, true, StandardCharsets.UTF_8);
    t.print(out, style, columns);
    out.flush();
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void colouredCellsAlignWithTheHeader() {
    Style colour = new Style(true);
    Table t = new Table("REFERENCE", "ARTICLES", "TYPE");
    t.row(colour.accent("57-NQ/TW"), 33, "resolution");
    t.row(colour.accent("12-CT/TW"), 4, "directive");
    List<String> lines = printed(t, colour, 0);
    int header = Table.stripEscapes(lines.get(0)).indexOf("ARTICLES");
    for (String row : lines.subList(1, lines.size())) {
      String plain = Table.stripEscapes(row);
      assertEquals(header, plain.indexOf(plain.contains("33") ? "33" : "4 "), plain);
    }
  }

  @Test
  void combiningMarksAndWideCharactersTakeTheirDisplayWidth() {
    assertEquals(5, Table.width("Ha\u0300 No\u0323i".replace(" ", "")));
    assertEquals(4, Table.width("中国"));
    assertEquals(8, Table.width("\u001b[36m57-NQ/TW\u001b[0m"));
    Table t = new Table("A", "B");
    t.row("中国", "x");
    t.row("ab", "y");
    List<String> lines = printed(t, new Style(false), 0);
    assertEquals(Table.width(lines.get(1).substring(0, lines.get(1).indexOf('x'))), lines.get(2).indexOf('y'), lines.toString());
  }

  @Test
  void aTableWiderThanTheTerminalCutsItsWidestColumn() {
    Table t = new Table("CANONICAL", "KIND", "RAW");
    String sentence = "Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ";
    t.row("57-NQ/TW", "explicit", sentence);
    t.row("12-CT/TW", "explicit", "Chỉ thị 12-CT/TW");
    List<String> lines = printed(t, new Style(false), 60);
    for (String l : lines) assertTrue(Table.width(l) <= 60, l.length() + ": " + l);
    assertTrue(lines.get(1).endsWith("…"), lines.get(1));
    assertTrue(lines.get(1).contains("Nghị quyết số 57-NQ/TW"), lines.get(1));
    assertTrue(lines.get(2).endsWith("Chỉ thị 12-CT/TW"), lines.get(2));
    assertTrue(printed(t, new Style(false), 0).get(1).endsWith("công nghệ"), "no width, no cut");
  }

  @Test
  void onlyTextColumnsGiveWayAndTheWidestFirst() {
    Table t = new Table("REFERENCE", "TYPE", "ISSUER", "ISSUED").shrinkable(1, 2);
    t.row("06/2013/TTLT-BCA-BQP-BTC-BNN", "joint circular", "Ministry of Public Security and others", "2013-05-15");
    List<String> lines = printed(t, new Style(false), 80);
    for (String l : lines) assertTrue(Table.width(l) <= 80, l);
    assertTrue(lines.get(1).startsWith("06/2013/TTLT-BCA-BQP-BTC-BNN  joint circular  Ministry"), lines.get(1));
    assertTrue(lines.get(1).endsWith("…  2013-05-15"), lines.get(1));
    List<String> narrow = printed(t, new Style(false), 56);
    assertEquals(List.of("REFERENCE                     TYPE            ISSUED", "06/2013/TTLT-BCA-BQP-BTC-BNN  joint circular  2013-05-15",
        "ISSUER hidden to fit 56 columns"), narrow, "codes are never cut; a text column that cannot fit goes");
  }

  @Test
  void theProgressBarKeepsABarAndItsCountsAt80Columns() {
    Progress p = Progress.plain(1546, new PrintWriter(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    for (int i = 0; i < 575; i++) p.done(i % 50 == 0 ? IngestListener.Outcome.FAILED : IngestListener.Outcome.ADDED, 20_000);
    for (int columns : new int[] {80, 60, 200}) {
      String line = p.barLine(columns);
      assertTrue(line.length() < columns, line);
      assertTrue(Pattern.compile("\\[=+>? {2,}\\]").matcher(line).find(), line);
      assertTrue(line.contains(" 575/1546, 12 failed"), line);
    }
    assertTrue(p.barLine(200).contains("MB/s"), p.barLine(200));
    assertTrue(p.barLine(30).length() < 30, "a terminal too narrow for a bar gets the counts: " + p.barLine(30));
    assertTrue(p.barLine(0).length() < 80, "an unknown width counts as 80: " + p.barLine(0));
  }

  @Test
  void withoutATerminalProgressIsAPlainLine() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Progress p = Progress.plain(10, new PrintWriter(err, true, StandardCharsets.UTF_8));
    for (int i = 0; i < 3; i++) p.done(IngestListener.Outcome.ADDED, 1_000_000);
    p.done(IngestListener.Outcome.FAILED, 200_000);
    p.tick();
    String line = err.toString(StandardCharsets.UTF_8);
    assertTrue(line.matches("ingest: 4 of 10 files, 3\\.2 MB, \\d+ files/s, 1 failed\\n"), line);
  }

  @Test
  void duringOcrProgressCountsPages() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Progress p = Progress.plain(3, new PrintWriter(err, true, StandardCharsets.UTF_8));
    p.done(IngestListener.Outcome.ADDED, 1_000_000);
    p.pageRead();
    p.pageRead();
    p.tick();
    String line = err.toString(StandardCharsets.UTF_8);
    assertTrue(line.startsWith("ingest: 1 of 3 files, 2 pages by OCR, 1.0 MB"), line);
    assertTrue(p.barLine(80).contains(" 1/3, 2 pages by OCR"), p.barLine(80));
  }
}
