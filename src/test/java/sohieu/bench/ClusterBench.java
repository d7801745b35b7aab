package sohieu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.opensearch.test.OpenSearchIntegTestCase.ClusterScope;
import org.opensearch.test.OpenSearchIntegTestCase.Scope;
import sohieu.cli.Main;
import sohieu.cluster.ClusterTestCase;

/**
 * scripts/bench --cluster N: the same N generated files ingested into a local index and into a 3-node cluster on
 * loopback (OpenSearch's test cluster in this JVM, 3 shards, 1 replica, HTTP on Netty), files/s of each, and the
 * latency of {@code cite} (the command in-process, JSON, all articles) on the most cited reference, 30 times each.
 * Not a test (no *Test or *IT name): Bench runs it through surefire when asked, since the cluster needs OpenSearch's
 * test runner; the figures go to the file named by sohieu.bench.out as one JSON line.
 */
@ClusterScope(scope = Scope.SUITE, numDataNodes = 3, supportsDedicatedMasters = false, numClientNodes = 0)
public class ClusterBench extends ClusterTestCase {
  private static final ObjectMapper JSON = new ObjectMapper();

  public void testIngestAndCite() throws Exception {
    String outFile = System.getProperty("sohieu.bench.out");
    assumeTrue("run by scripts/bench --cluster", outFile != null);
    int docs = Integer.parseInt(System.getProperty("sohieu.bench.docs", "1000"));
    Path files = createTempDir().resolve("files");
    CorpusGenerator.generate(Path.of("corpus"), files, docs, 42);
    Path local = createTempDir().resolve("index");
    String url = engineUrl();
    int threads = Runtime.getRuntime().availableProcessors();

    run("cluster", "init", "--engine", url, "--shards", "3", "--replicas", "1");
    ensureGreen("sohieu");
    JsonNode localIngest = summary(run("ingest", "--index", local.toString(), "--threads", "" + threads, files.toString(), "--json"));
    JsonNode clusterIngest = summary(run("ingest", "--engine", url, "--threads", "" + threads, files.toString(), "--json"));

    String ref = JSON.readTree(run("refs", "--index", local.toString(), "--json")).path("references").path(0)
        .path("canonical").asText();
    ObjectNode row = JSON.createObjectNode().put("docs", docs).put("threads", threads).put("ref", ref)
        .put("local_ingest_files_per_s", localIngest.path("files_per_s").asDouble())
        .put("cluster_ingest_files_per_s", clusterIngest.path("files_per_s").asDouble())
        .put("cluster_failed", clusterIngest.path("failed").asInt());
    row.setAll(latency("local_cite", "cite", ref, "--index", local.toString(), "--json"));
    row.setAll(latency("cluster_cite", "cite", ref, "--engine", url, "--json"));
    Files.writeString(Path.of(outFile), JSON.writeValueAsString(row) + "\n", StandardCharsets.UTF_8);
  }

  private static ObjectNode latency(String name, String... args) {
    for (int i = 0; i < 5; i++) run(args); // warm
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      long t = System.nanoTime();
      run(args);
      ms.add((System.nanoTime() - t) / 1e6);
    }
    Collections.sort(ms);
    return JSON.createObjectNode().put(name + "_p50_ms", Math.round(ms.get(ms.size() / 2) * 10) / 10.0)
        .put(name + "_p90_ms", Math.round(ms.get(ms.size() * 9 / 10) * 10) / 10.0);
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    if (code > 1) throw new AssertionError(String.join(" ", args) + ": " + err);
    return out.toString();
  }

  private static JsonNode summary(String jsonLines) throws Exception {
    String[] lines = jsonLines.strip().split("\n");
    return JSON.readTree(lines[lines.length - 1]).path("summary");
  }
}
