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
}
