package sohieu.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.opensearch.test.OpenSearchIntegTestCase.ClusterScope;
import org.opensearch.test.OpenSearchIntegTestCase.Scope;
import sohieu.bench.CorpusGenerator;
import sohieu.cli.Main;

/**
 * The command line against a 3-node cluster, as a user runs it: {@code cluster init}, {@code ingest --engine},
 * then {@code cite}, {@code search}, {@code refs} and {@code stats} against the cluster and against a local index of
 * the same files give the same documents and mentions; an ingest during which a node stops still indexes every file.
 */
@ClusterScope(scope = Scope.SUITE, numDataNodes = 3, supportsDedicatedMasters = false, numClientNodes = 0)
public class ClusterCliIT extends ClusterTestCase {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a run of the command line printed and its exit code. */
  record Run(int code, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  private static Run sohieu(String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  public void testCliAgainstTheClusterAnswersAsTheLocalIndex() throws Exception {
    Path generated = createTempDir().resolve("generated");
    CorpusGenerator.generate(Path.of("corpus"), generated, 30, 17);
    String corpus = Path.of("corpus").toAbsolutePath().toString(), gen = generated.toString();
    Path local = createTempDir().resolve("index");
    String url = engineUrl();

    Run init = sohieu("cluster", "init", "--engine", url, "--shards", "3", "--replicas", "1");
    assertEquals(init.err(), 0, init.code());
    ensureGreen(ClusterSchema.DEFAULT_INDEX);
    Run localIngest = sohieu("ingest", "--index", local.toString(), corpus, gen, "--json");
    Run clusterIngest = sohieu("ingest", "--engine", url, corpus, gen, "--json");
    assertEquals(clusterIngest.err(), 0, clusterIngest.code());
    assertEquals(summary(localIngest).path("added").asInt(), summary(clusterIngest).path("added").asInt());
    assertTrue(summary(clusterIngest).path("added").asInt() >= 35);

    // Incremental: the same run again changes nothing
    Run again = sohieu("ingest", "--engine", url, corpus, gen, "--json");
    assertEquals(0, summary(again).path("added").asInt());
    assertEquals(summary(clusterIngest).path("added").asInt(), summary(again).path("unchanged").asInt());

    Run localStats = sohieu("stats", "--index", local.toString(), "--json");
    Run clusterStats = sohieu("stats", "--engine", url, "--json");
    assertEquals(localStats.json().path("documents"), clusterStats.json().path("documents"));
    assertEquals(localStats.json().path("languages"), clusterStats.json().path("languages"));
    assertEquals(localStats.json().path("months"), clusterStats.json().path("months"));

    Run localRefs = sohieu("refs", "--index", local.toString(), "--json");
    Run clusterRefs = sohieu("refs", "--engine", url, "--json");
    Set<String> refs = new TreeSet<>();
    List<String> mostCited = new ArrayList<>();
    for (JsonNode r : localRefs.json().path("references")) {
      refs.add(r.path("canonical").asText());
      mostCited.add(r.path("canonical").asText());
    }
    Set<String> clusterRefSet = new TreeSet<>();
    for (JsonNode r : clusterRefs.json().path("references")) clusterRefSet.add(r.path("canonical").asText());
    assertEquals(refs, clusterRefSet);
    assertTrue("references: " + refs.size(), refs.size() >= 10);

    // The most cited references (their citing articles span every file kind) and some cited once
    List<String> checked = new ArrayList<>(mostCited.subList(0, Math.min(8, mostCited.size())));
    checked.addAll(mostCited.subList(Math.max(8, mostCited.size() - 4), mostCited.size()));
    for (String ref : checked) {
      Run l = sohieu("cite", ref, "--index", local.toString(), "--json");
      Run c = sohieu("cite", ref, "--engine", url, "--json");
      assertEquals(ref + ": " + c.err(), l.code(), c.code());
      assertEquals(ref, l.json().path("total"), c.json().path("total"));
      assertEquals(ref, articles(l.json()), articles(c.json()));
      JsonNode lp = l.json().path("profile").path("reference"), cp = c.json().path("profile").path("reference");
      for (String f : List.of("articles", "mentions", "first_seen", "last_seen", "languages", "type", "issuer")) {
        assertEquals(ref + " " + f, lp.path(f), cp.path(f));
      }
      assertEquals(ref + " timeline", l.json().path("profile").path("timeline"), c.json().path("profile").path("timeline"));
    }

    for (String query : List.of("nghị quyết", "nghi quyet", "Politburo", "дипломатии", "57-NQ/TW", "lang:fr Politburo",
        "ref:57-NQ/TW", "type:NQ")) {
      Run l = sohieu("search", query, "--index", local.toString(), "--limit", "200", "--json", "--facets");
      Run c = sohieu("search", query, "--engine", url, "--limit", "200", "--json", "--facets");
      assertEquals(query + ": " + c.err(), l.code(), c.code());
      assertEquals(query, paths(l.json()), paths(c.json()));
      assertEquals(query, l.json().path("total"), c.json().path("total"));
      assertEquals(query, l.json().path("facets"), c.json().path("facets"));
    }
  }

  public void testChangedAndDeletedFilesAsLocally() throws Exception {
    Path dir = createTempDir().resolve("articles");
    CorpusGenerator.generate(Path.of("corpus"), dir, 6, 11);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".html")).sorted().toList();
    }
    String url = engineUrl();
    assertEquals(0, sohieu("cluster", "init", "--engine", url, "--engine-index", "changes").code());
    ensureGreen("changes");
    assertEquals(6, summary(sohieu("ingest", "--engine", url, "--engine-index", "changes", dir.toString(), "--json"))
        .path("added").asInt());
    Files.writeString(files.get(0), Files.readString(files.get(0)) + "\nTheo Nghị quyết 57-NQ/TW của Bộ Chính trị.\n");
    Files.delete(files.get(1));
    Files.copy(files.get(2), dir.resolve("copy.txt"));
    JsonNode s = summary(sohieu("ingest", "--engine", url, "--engine-index", "changes", "--prune", dir.toString(), "--json"));
    assertEquals(s.toString(), 1, s.path("updated").asInt());
    assertEquals(s.toString(), 1, s.path("removed").asInt());
    assertEquals(s.toString(), 1, s.path("duplicates").asInt());
    assertEquals(s.toString(), 4, s.path("unchanged").asInt());
    assertEquals(5, sohieu("stats", "--engine", url, "--engine-index", "changes", "--json").json().path("documents").asInt());
    Run cite = sohieu("cite", "57-NQ/TW", "--engine", url, "--engine-index", "changes", "--json");
    assertTrue(cite.out(), paths(cite.json().path("articles"), "path").contains(files.get(0).toString()));
  }

  /** An article of the corpus (Polish and Vietnamese, citing 16-QĐ/TW) and a phrase found in it alone. */
  private static final Path ARTICLE = Path.of("corpus", "004_5d61ab061fae0b25.txt");
  private static final String QUERY = "mobilizacją masową";

  /** The paths of the documents the query finds in the index. */
  private static Set<String> found(String url, String index, String query) throws Exception {
    Run r = sohieu("search", query, "--engine", url, "--engine-index", index, "--json");
    assertTrue(r.err(), r.code() == 0 || r.code() == 1); // 1: nothing found
    return paths(r.json());
  }

  public void testADeletedOriginalLeavesItsContentToTheSurvivingCopy() throws Exception {
    Path dir = createTempDir().resolve("articles");
    Path a = dir.resolve("a.txt"), b = dir.resolve("b.txt");
    Files.createDirectories(dir);
    Files.copy(ARTICLE, a);
    Files.copy(ARTICLE, b);
    String url = engineUrl();
    assertEquals(0, sohieu("cluster", "init", "--engine", url, "--engine-index", "originals").code());
    ensureGreen("originals");
    JsonNode s = summary(sohieu("ingest", "--engine", url, "--engine-index", "originals", dir.toString(), "--json"));
    assertEquals(s.toString(), 1, s.path("duplicates").asInt());
    assertEquals(Set.of(a.toString()), found(url, "originals", QUERY));

    Files.delete(a);
    s = summary(sohieu("ingest", "--engine", url, "--engine-index", "originals", "--prune", dir.toString(), "--json"));
    assertEquals(s.toString(), 0, s.path("failed").asInt());
    assertEquals("the copy holds the content now", Set.of(b.toString()), found(url, "originals", QUERY));
    Run cite = sohieu("cite", "16-QĐ/TW", "--engine", url, "--engine-index", "originals", "--json");
    assertEquals(cite.out(), Set.of(b.toString()), paths(cite.json().path("articles"), "path"));

    // A copy again, then the original changed: the copy holds the content, the original its new text.
    Files.copy(ARTICLE, a);
    sohieu("ingest", "--engine", url, "--engine-index", "originals", dir.toString(), "--json");
    Files.writeString(b, "Chỉ thị số 99-CT/TW của Ban Bí thư.\n\n" + Files.readString(b));
    s = summary(sohieu("ingest", "--engine", url, "--engine-index", "originals", "--prune", dir.toString(), "--json"));
    assertEquals(s.toString(), 0, s.path("failed").asInt());
    assertEquals(Set.of(a.toString(), b.toString()), found(url, "originals", QUERY));
    cite = sohieu("cite", "99-CT/TW", "--engine", url, "--engine-index", "originals", "--json");
    assertEquals(cite.out(), Set.of(b.toString()), paths(cite.json().path("articles"), "path"));
  }

  public void testAFileChangedToAnotherFilesContentBecomesItsCopy() throws Exception {
    Path dir = createTempDir().resolve("articles");
    Path changed = dir.resolve("a.txt"), other = dir.resolve("b.txt");
    Files.createDirectories(dir);
    Files.copy(ARTICLE, changed);
    Files.copy(Path.of("corpus", "002_7ecb2339ddcb0247.txt"), other);
    String url = engineUrl();
    assertEquals(0, sohieu("cluster", "init", "--engine", url, "--engine-index", "becomes-copy").code());
    ensureGreen("becomes-copy");
    JsonNode s = summary(sohieu("ingest", "--engine", url, "--engine-index", "becomes-copy", dir.toString(), "--json"));
    assertEquals(s.toString(), 2, s.path("added").asInt());
    assertEquals(Set.of(changed.toString()), found(url, "becomes-copy", QUERY));

    Files.copy(other, changed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    s = summary(sohieu("ingest", "--engine", url, "--engine-index", "becomes-copy", dir.toString(), "--json"));
    assertEquals(s.toString(), 1, s.path("duplicates").asInt());
    assertEquals("the text the file no longer has is gone", Set.of(), found(url, "becomes-copy", QUERY));
    assertEquals(1, sohieu("stats", "--engine", url, "--engine-index", "becomes-copy", "--json").json().path("documents").asInt());
  }

  public void testIngestFinishesWhenANodeStopsAndNoFileIsMissing() throws Exception {
    Path generated = createTempDir().resolve("generated");
    CorpusGenerator.generate(Path.of("corpus"), generated, 100, 3);
    // The node that stops holds primaries and replicas (3 shards, 1 replica, 3 nodes); the client talks to the other two (a request cut off inside
    // a stopping node leaves buffers the test framework counts as leaked)
    // Not the elected cluster manager: what is measured is the ingest losing a node's shards, not an election
    String manager = internalCluster().getClusterManagerName();
    String stopped = internalCluster().getDataNodeNames().stream().filter(n -> !n.equals(manager)).findFirst().orElseThrow();
    List<String> urls = new ArrayList<>();
    for (String node : internalCluster().getNodeNames()) {
      if (node.equals(stopped)) continue;
      var address = internalCluster().getInstance(org.opensearch.http.HttpServerTransport.class, node).boundAddress().publishAddress();
      urls.add("http://" + address.getAddress() + ":" + address.getPort());
    }
    String url = String.join(",", urls);
    Run init = sohieu("cluster", "init", "--engine", url, "--engine-index", "survive", "--shards", "3", "--replicas", "1");
    assertEquals(init.err(), 0, init.code());
    ensureGreen("survive");
    // Replicas of the stopped node's shards are rebuilt on the new node at once, not after the minute's default delay
    try (Engine engine = Engine.connect(url, null, null, null)) {
      engine.call("PUT", "/survive/_settings", java.util.Map.of("index.unassigned.node_left.delayed_timeout", "0s"));
    }
    AtomicReference<Run> ingest = new AtomicReference<>();
    Thread running = new Thread(() -> ingest.set(sohieu("ingest", "--engine", url, "--engine-index", "survive",
        "--threads", "1", "--bulk-files", "8", generated.toString(), "--json")), "ingest");
    running.start();
    try (Engine engine = Engine.connect(url, null, null, null)) {
      // Once the first files are in, a node goes away with its shards
      long in = 0;
      for (int i = 0; i < 3000 && in == 0 && running.isAlive(); i++) {
        Thread.sleep(20);
        try {
          engine.call("POST", "/survive/_refresh", null);
          in = engine.call("GET", "/survive/_count", null).path("count").asLong();
        } catch (java.io.IOException notYet) {
          // the index is being written
        }
      }
      assertTrue("the ingest was still running when the node stopped", running.isAlive());
      internalCluster().stopRandomNode(org.opensearch.test.InternalTestCluster.nameFilter(stopped));
      running.join(300_000);
      assertFalse(running.isAlive());
      Run done = ingest.get();
      assertEquals(done.out() + done.err(), 0, done.code());
      assertEquals(100, summary(done).path("added").asInt());
      assertEquals(0, summary(done).path("failed").asInt());

      internalCluster().startDataOnlyNode();
      ensureGreen("survive");
      Set<String> want = new TreeSet<>();
      try (Stream<Path> files = Files.walk(generated)) {
        files.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".txt")).forEach(p -> want.add(p.toString()));
      }
      engine.call("POST", "/survive/_refresh", null);
      JsonNode all = engine.call("POST", "/survive/_search", java.util.Map.of("size", 1000, "_source", List.of("path")));
      Set<String> got = new TreeSet<>();
      for (JsonNode h : all.path("hits").path("hits")) got.add(h.path("_source").path("path").asText());
      assertEquals(want, got);
    }
  }

  private static JsonNode summary(Run run) throws Exception {
    String[] lines = run.out().strip().split("\n");
    return JSON.readTree(lines[lines.length - 1]).path("summary");
  }

  /** Each article as path, whether it is the document itself, and its mentions, in path order. */
  private static List<String> articles(JsonNode cite) {
    List<String> out = new ArrayList<>();
    for (JsonNode a : cite.path("articles")) {
      StringBuilder s = new StringBuilder(a.path("path").asText() + " self=" + a.path("self").asBoolean()
          + " " + a.path("date").asText() + " " + a.path("languages"));
      for (JsonNode m : a.path("mentions")) {
        s.append("\n  ").append(m.path("raw").asText()).append(' ').append(m.path("kind").asText()).append(' ')
            .append(m.path("start").asInt()).append('-').append(m.path("end").asInt()).append(' ')
            .append(m.path("issued").asText()).append(' ').append(m.path("sentence").asText());
      }
      out.add(s.toString());
    }
    out.sort(null);
    return out;
  }

  private static Set<String> paths(JsonNode search) {
    return paths(search.path("hits"), "path");
  }

  private static Set<String> paths(JsonNode records, String field) {
    Set<String> out = new TreeSet<>();
    for (JsonNode h : records) out.add(h.path(field).asText());
    return out;
  }
}
