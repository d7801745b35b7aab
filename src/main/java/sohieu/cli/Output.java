package sohieu.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Prints a command's answer as JSON, JSON lines or CSV (the table is each command's own). */
final class Output {
  private Output() {}

  /**
   * Prints {@code document} as one JSON document, or the {@code records} as JSON lines or CSV rows (nested values
   * become JSON text in a CSV cell). {@code recordsName} is only documentation of which part is streamed.
   *
   * <p>Written as it is serialized, never built whole as a string or a tree first: a file with a huge text or
   * thousands of citations would otherwise need its answer in memory two or three times over.
   */
  static void print(OutputOptions options, Object document, String recordsName, List<?> records) {
    PrintStream out = System.out;
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

  /** A generator over standard output in its own encoding, which leaves the stream open when it closes. */
  private static JsonGenerator generator(PrintStream out) throws IOException {
    return Json.MAPPER.getFactory().createGenerator(new OutputStreamWriter(out, out.charset()))
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  private static void printCsv(PrintStream out, List<?> records) throws IOException {
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
    CSVPrinter csv = new CSVPrinter(new java.io.PrintWriter(out, false, java.nio.charset.StandardCharsets.UTF_8),
        CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
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

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }
}
