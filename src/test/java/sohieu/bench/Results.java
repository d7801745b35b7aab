package sohieu.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * target/bench/results.jsonl: one JSON object per benchmark, every JSON line its log printed merged into it (the
 * other lines are its table, shown on standard error).
 */
final class Results {
  static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final List<ObjectNode> rows = new ArrayList<>();

  Results(Path file) throws IOException {
    this.file = file;
    Files.writeString(file, "");
  }

  /** Merges the JSON lines of log into one object named bench, appends it; prints the other lines when asked. */
  void merge(String bench, Path log, boolean showTable) throws IOException {
    ObjectNode merged = JSON.createObjectNode().put("bench", bench);
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.startsWith("{")) merged.setAll((ObjectNode) JSON.readTree(line));
      else if (showTable) System.err.println(line);
    }
    add(merged);
  }

  /** Appends one result object. */
  void add(ObjectNode row) throws IOException {
    rows.add(row);
    Files.writeString(file, JSON.writeValueAsString(row) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  List<ObjectNode> rows() { return rows; }
}
