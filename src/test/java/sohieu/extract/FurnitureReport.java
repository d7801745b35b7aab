package sohieu.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What page-furniture removal keeps and drops on the seed articles in corpus/: per file the non-empty lines
 * before and after, and the dropped lines themselves, so a change to the rules shows its effect. Prints a table
 * and one JSON line. Run: {@code java -cp target/classes:target/test-classes:target/lib/* sohieu.extract.FurnitureReport}
 */
public final class FurnitureReport {
  private FurnitureReport() {}

  public static void main(String[] args) throws Exception {
    Extractor extractor = new Extractor();
    int linesIn = 0, linesKept = 0;
    Map<String, Object> json = new LinkedHashMap<>();
    List<Path> seeds;
    try (Stream<Path> s = Files.list(Path.of("corpus"))) {
      seeds = s.filter(p -> p.getFileName().toString().matches("\\d{3}_.*\\.txt")).sorted().toList();
    }
    for (Path seed : seeds) {
      // Compared as the extractor writes text: NFC, no-break spaces as spaces.
      List<String> raw = Files.readAllLines(seed).stream()
          .map(l -> java.text.Normalizer.normalize(l.replace('\u00a0', ' '), java.text.Normalizer.Form.NFC).strip())
          .filter(l -> !l.isEmpty()).toList();
      Set<String> kept = new HashSet<>();
      for (String l : extractor.extract(seed).text().split("\n")) if (!l.isBlank()) kept.add(l.strip());
      List<String> dropped = new ArrayList<>();
      for (String l : raw) if (!kept.contains(l)) dropped.add(l);
      linesIn += raw.size();
      linesKept += raw.size() - dropped.size();
      System.out.printf("%s: %d lines, kept %d, dropped %d%n", seed.getFileName(), raw.size(), raw.size() - dropped.size(), dropped.size());
      for (String d : dropped) System.out.println("    - " + (d.length() > 70 ? d.substring(0, 70) + "…" : d));
    }
    json.put("furniture_lines_in", linesIn);
    json.put("furniture_lines_kept", linesKept);
    System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(json));
  }
}
