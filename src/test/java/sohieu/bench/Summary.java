package sohieu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table of every result, the goals (reported, not asserted) and target/bench/summary.json with both.
 */
final class Summary {
  private final Map<String, ObjectNode> by = new LinkedHashMap<>();
  private final ArrayNode goals = Results.JSON.createArrayNode();

  Summary(List<ObjectNode> rows) {
    for (ObjectNode r : rows) by.put(r.get("bench").asText(), r);
  }

  void print(Path file, String commit, int cores, String load) throws IOException {
    for (ObjectNode r : by.values()) {
      List<String> parts = new ArrayList<>();
      r.properties().forEach(e -> {
        if (!e.getKey().equals("bench") && !e.getKey().endsWith("_examples")) parts.add(e.getKey() + "=" + text(e.getValue()));
      });
      System.out.printf(Locale.ROOT, "  %-16s %s%n", r.get("bench").asText(), String.join(", ", parts));
    }
    List<Integer> sizes = new ArrayList<>();
    for (String k : by.keySet()) if (k.matches("ingest-\\d+")) sizes.add(Integer.parseInt(k.substring(7)));
    sizes.sort(null);
    for (int n : sizes) goals(n);
    ObjectNode ocr = get("ocr");
    if (ocr.has("ocr_recall_300")) {
      goal("OCR citation recall at 300 dpi (vs typed text)", ">= 0.95", ocr.get("ocr_recall_300"), ocr.get("ocr_recall_300").asDouble() >= 0.95);
      goal("OCR false citations at 300 dpi", "0", ocr.get("ocr_false_300"), ocr.get("ocr_false_300").asInt() == 0);
      goal("OCR seconds per page at 300 dpi", "(reported)", ocr.get("ocr_s_per_page_300"), null);
    }
    // Real against generated files of the same bytes, each in a cold JVM: a longer run alone would be faster per MB.
    ObjectNode real = get("ingest-vi-dev"), gen = get("ingest-vi-dev-generated");
    if (positive(real, "ingest_mb_per_s") && positive(gen, "ingest_mb_per_s")) {
      double r = Processes.round(real.get("ingest_mb_per_s").asDouble() / gen.get("ingest_mb_per_s").asDouble(), 2);
      goal("ingest MB/s: real vi-dev / generated, " + text(real.get("input_mb")) + " MB each", ">= 1",
          r + " (" + text(real.get("ingest_mb_per_s")) + " / " + text(gen.get("ingest_mb_per_s")) + ")", r >= 1);
    }
    // Live heap: the most the heap held just after a collection of the whole heap while ingesting, and that less the
    // documents the index writer buffered (bounded by its RAM buffer): the rest is what must stay flat with size.
    List<int[]> heaps = new ArrayList<>();
    for (int n : sizes) {
      ObjectNode run = get("ingest-" + n);
      if (run.has("peak_live_heap_mb")) {
        heaps.add(new int[] {n, run.get("peak_live_heap_mb").asInt(), run.path("peak_live_heap_without_buffer_mb").asInt(-1)});
      }
    }
    if (heaps.size() > 1) {
      boolean split = heaps.stream().allMatch(h -> h[2] > 0);
      int at = split ? 2 : 1;
      double growth = Processes.round((double) heaps.getLast()[at] / heaps.getFirst()[at], 2);
      StringBuilder list = new StringBuilder();
      for (int[] h : heaps) list.append(list.isEmpty() ? "" : ", ").append("(").append(h[0]).append(", ").append(h[at]).append(")");
      goal("ingest live heap" + (split ? " besides the writer's buffer" : "") + ", largest / smallest size", "flat (<= 1.2)",
          growth + " [" + list + "]", growth <= 1.2);
      goal("ingest live heap MB at " + heaps.getLast()[0], "<= 1024", heaps.getLast()[1], heaps.getLast()[1] <= 1024);
    } else if (heaps.size() == 1) {
      int[] h = heaps.getFirst();
      goal("ingest live heap MB (flat needs two sizes)", "flat", h[1] + (h[2] >= 0 ? " (" + h[2] + " besides the writer's buffer)" : ""), null);
    }
    ObjectNode summary = Results.JSON.createObjectNode().put("commit", commit).put("cores", cores).put("load_average", load);
    ObjectNode benchmarks = summary.putObject("benchmarks");
    by.forEach(benchmarks::set);
    summary.set("goals", goals);
    Results.JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), summary);
    System.out.println();
    System.out.printf(Locale.ROOT, "Goals (reported, not asserted; load average %s on %d cores):%n", load, cores);
    for (JsonNode g : goals) {
      String mark = g.get("met").isNull() ? "" : g.get("met").asBoolean() ? "met" : "NOT met";
      System.out.printf(Locale.ROOT, "  %-52s %-16s %-30s %s%n", g.get("goal").asText(), g.get("target").asText(), text(g.get("value")), mark);
    }
  }

  private void goals(int n) {
    ObjectNode ing = get("ingest-" + n), pipe = get("pipeline-" + n), cite = get("cite-" + n), lim = get("index-text-" + n);
    if (positive(ing, "ingest_files_per_s") && positive(pipe, "pipeline_files_per_s")) {
      double r = Processes.round(ing.get("ingest_files_per_s").asDouble() / pipe.get("pipeline_files_per_s").asDouble(), 2);
      goal(n + ": ingest / (Tika app + IndexFiles) files/s", ">= 3", r, r >= 3);
    }
    if (positive(ing, "ingest_files_per_s") && positive(lim, "index_text_docs_per_s")) {
      goal(n + ": ingest / Lucene-only on extracted text", "(the limit)",
          Processes.round(ing.get("ingest_files_per_s").asDouble() / lim.get("index_text_docs_per_s").asDouble(), 2), null);
    }
    if (ing.has("cite_p50_ms")) goal(n + ": cite p50 in-process, ms", "<= 1", ing.get("cite_p50_ms"), ing.get("cite_p50_ms").asDouble() <= 1);
    if (ing.has("index_to_text")) goal(n + ": index / extracted text", "<= 0.5", ing.get("index_to_text"), ing.get("index_to_text").asDouble() <= 0.5);
    if (cite.has("cite_aot_median_s")) {
      double c = cite.get("cite_aot_median_s").asDouble();
      if (n >= 100000) goal(n + ": cite whole process (AOT), s", "<= 0.3", c, c <= 0.3);
      if (n >= 100000 && cite.has("cite_served_median_s")) {
        double served = cite.get("cite_served_median_s").asDouble();
        goal(n + ": cite whole process, a serve running, s", "<= 0.3", served, served <= 0.3);
      }
      if (cite.has("rg_median_s")) {
        double rg = cite.get("rg_median_s").asDouble();
        goal(n + ": cite (AOT) vs rg -l, s", "faster from 50k", c + " vs " + rg, n >= 50000 ? c < rg : null);
      }
      goal(n + ": files found for " + text(cite.get("ref")) + ": rg / truth (cite)", "(rg's misses)",
          text(cite.get("rg_files")) + " / " + text(cite.get("truth_files")) + " (" + text(cite.get("cite_total")) + ")", null);
    }
    serveGoals(n);
  }

  /** The goals of the service under load (ServeBench). */
  private void serveGoals(int n) {
    ObjectNode serve = get("serve-" + n);
    if (!serve.has("cite_p99_ms")) return;
    goal(n + ": serve cite p99 over HTTP, 16 clients + ingest, ms", "<= 20", serve.get("cite_p99_ms"), serve.get("cite_p99_ms").asDouble() <= 20);
    goal(n + ": serve search p50 / p99, ms", "(reported)", text(serve.get("search_p50_ms")) + " / " + text(serve.get("search_p99_ms")), null);
    goal(n + ": serve errors", "0", serve.get("errors"), serve.get("errors").asLong() == 0);
    if (serve.hasNonNull("visible_after_commit_max_ms")) {
      goal(n + ": serve: new file found after its commit, max ms", "<= 5000", serve.get("visible_after_commit_max_ms"),
          serve.get("visible_after_commit_max_ms").asLong() <= 5000);
    }
  }

  private void goal(String name, String target, Object value, Boolean met) {
    ObjectNode g = goals.addObject().put("goal", name).put("target", target);
    g.set("value", Results.JSON.valueToTree(value));
    if (met == null) g.putNull("met");
    else g.put("met", met);
  }

  private ObjectNode get(String bench) { return by.getOrDefault(bench, empty()); }

  private static ObjectNode empty() { return Results.JSON.createObjectNode(); }

  private static boolean positive(ObjectNode n, String key) { return n.has(key) && n.get(key).asDouble() != 0; }

  /** A value as the table shows it: strings bare, everything else as JSON. */
  private static String text(JsonNode v) {
    return v == null ? "None" : v.isTextual() ? v.asText() : v.toString();
  }
}
