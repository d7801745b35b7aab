package sohieu.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Prints a command's answer as JSON, JSON lines or CSV (the table is each command's own). */
final class Output {
  private Output() {}

  /**
   * Prints {@code document} as one JSON document, or the {@code records} as JSON lines or CSV rows (nested values
   * become JSON text in a CSV cell), on {@code out}.
   *
   * <p>Written as it is serialized, never built whole as a string or a tree first: a file with a huge text or
   * thousands of citations would otherwise need its answer in memory two or three times over.
   */
  static void print(PrintWriter out, OutputOptions options, Object document, List<?> records) {
    try {
      if (options.json()) {
        try (JsonGenerator json = generator(out)) {
          Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(json, document);
        }
        out.println();
      } else if (options.jsonl()) {
        try (JsonGenerator json = generator(out)) {
          // A newline between root values instead of the default space: one record per line.
          json.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
          for (Object r : records) Json.MAPPER.writeValue(json, r);
          if (!records.isEmpty()) json.writeRaw('\n');
        }
      } else if (options.csv()) {
        printCsv(out, records);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  /** One JSON document in one line, for the commands that print JSON lines of their own (ingest). */
  static void line(PrintWriter out, Object record) {
    try {
      out.println(Json.MAPPER.writeValueAsString(record));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A generator over the command's writer, which leaves the writer open when it closes. */
  private static JsonGenerator generator(PrintWriter out) throws IOException {
    return Json.MAPPER.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  private static void printCsv(PrintWriter out, List<?> records) throws IOException {
    // The header is every field any record has: a first pass collects it, a second prints each row as it is made.
    List<String> header = new ArrayList<>();
    for (Object r : records) {
      JsonNode node = Json.MAPPER.valueToTree(r);
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!header.contains(f)) header.add(f);
      }
    }
    // Not closed: closing the printer would close standard output.
    CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
    {
      for (Object r : records) {
        JsonNode node = Json.MAPPER.valueToTree(r);
        List<String> row = new ArrayList<>();
        for (String f : header) {
          JsonNode v = node.get(f);
          row.add(v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : Json.MAPPER.writeValueAsString(v));
        }
        csv.printRecord(row);
      }
    }
    csv.flush();
  }

  static List<String> nonNull(Object... values) {
    List<String> out = new ArrayList<>();
    for (Object v : values) if (v != null) out.add(v.toString());
    return out;
  }

  static String clip(String s, int max) {
    String one = s.replace('\n', ' ');
    return one.codePointCount(0, one.length()) <= max ? one : one.substring(0, one.offsetByCodePoints(0, max - 1)) + "…";
  }

  /** How far a cut moves to fall between two words. */
  private static final int WORD_SNAP = 20;

  /**
   * At most {@code max} characters of {@code s} on one line with {@code [start, end)} marked in their middle, "…"
   * where it was cut: a mention far into a long sentence stays in view (clipped from the start, it was cut off).
   */
  static String clipAround(String s, int start, int end, int max) {
    String one = s.replace('\n', ' ');
    int length = one.codePointCount(0, one.length());
    if (length <= max) return Style.mark(one, start, end);
    int spanStart = one.codePointCount(0, start), spanEnd = one.codePointCount(0, end);
    // Centred, the window has an ellipsis at each end; against an end of the sentence, one only.
    int centred = spanStart - Math.max(0, max - 2 - (spanEnd - spanStart)) / 2, from, to;
    if (centred <= 0) {
      from = 0;
      to = Math.max(max - 1, spanEnd);
    } else if (centred + max - 2 >= length) {
      from = Math.min(length - (max - 1), spanStart);
      to = length;
    } else {
      from = centred;
      to = Math.max(centred + max - 2, spanEnd);
    }
    int first = one.offsetByCodePoints(0, from), last = one.offsetByCodePoints(0, to);
    // Cut between words when a space is near, not inside one
    int space = one.indexOf(' ', first);
    if (from > 0 && space >= 0 && space < start && space - first <= WORD_SNAP) first = space + 1;
    space = one.lastIndexOf(' ', last);
    if (to < length && space >= end && last - space <= WORD_SNAP) last = space;
    return (from > 0 ? "…" : "") + Style.mark(one.substring(first, last), start - first, end - first) + (to < length ? "…" : "");
  }
}
