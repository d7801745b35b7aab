package sohieu.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import sohieu.extract.ExtractionException;
import sohieu.index.IngestListener;
import sohieu.index.IngestListener.Outcome;
import sohieu.index.IngestSummary;
import sohieu.pipeline.Article;
import sohieu.pipeline.ArticlePipeline;
import sohieu.schema.Fields;

/**
 * Ingest into a cluster: files are read by {@link ArticlePipeline} here, on all cores, and sent in bulk requests.
 *
 * <ul>
 *   <li>Incremental: a document's id is its content hash; a file whose path already holds its hash is unchanged, one
 *       whose content another path holds is a duplicate, a changed file replaces its old document.</li>
 *   <li>Backpressure: the files of the next batch are read while the previous bulk request is under way, never more
 *       than one batch ahead.</li>
 *   <li>Retries: a bulk request the cluster cannot take (no answer, 429, 502-504) and bulk items it rejects (429) are
 *       sent again with a growing pause; any other item error fails that file, reported with the cluster's reason.</li>
 * </ul>
 */
public final class ClusterIndexer {
  private static final ObjectMapper JSON = Engine.JSON;
  /** Files per batch (and bulk request, at most) by default. */
  public static final int BATCH_FILES = 64;
  private static final int BATCH_BYTES = 8 << 20;
  /** Pauses before each retry, in milliseconds: about 3 minutes in all, the time a node takes to come back. */
  private static final long[] BACKOFF = {250, 500, 1000, 2000, 4000, 8000, 15000, 30000, 30000, 30000, 30000, 30000};

  private final Engine engine;
  private final String index;
  private final ArticlePipeline pipeline;
  private final int threads;
  private volatile boolean cancelled;
  /** The hashes this ingest has sent a file's document for: new documents, never stale ones to delete. */
  private final Set<String> indexedNow = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private int batchFiles = BATCH_FILES;

  public ClusterIndexer(Engine engine, String index, ArticlePipeline pipeline, int threads) {
    this.engine = engine;
    this.index = index;
    this.pipeline = pipeline;
    this.threads = threads;
  }

  /** Files per batch: smaller batches let tests stop a node between two of them. */
  public ClusterIndexer batchFiles(int files) {
    this.batchFiles = files;
    return this;
  }

  /** Stops after the batch under way. */
  public void cancel() {
    cancelled = true;
  }

  /** One file of a batch and what became of it. */
  private static final class Item {
    final Path file;
    final String path;
    String hash;
    long size;
    Map<String, Object> source;
    String replaces; // the id of the document the file had before it changed
    boolean copy; // identical to another file: nothing to send, only the document it had to delete
    String cut;

    Item(Path file) {
      this.file = file;
      this.path = file.toString();
    }
  }

  /**
   * Ingests {@code files}; with {@code prune}, then removes the documents under {@code roots} whose files were not
   * among them.
   */
  public IngestSummary ingest(Iterable<Path> files, List<Path> roots, boolean prune, IngestListener listener)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    indexedNow.clear();
    Counts counts = new Counts();
    Set<String> seen = new HashSet<>();
    ExecutorService readers = Executors.newFixedThreadPool(threads);
    ExecutorService sender = Executors.newSingleThreadExecutor();
    BlockingQueue<Future<?>> inFlight = new ArrayBlockingQueue<>(1);
    AtomicReference<IOException> failure = new AtomicReference<>();
    try {
      Iterator<Path> it = files.iterator();
      while (it.hasNext() && !cancelled) {
        List<Item> batch = new ArrayList<>();
        while (it.hasNext() && batch.size() < batchFiles) batch.add(new Item(it.next()));
        for (Item i : batch) seen.add(i.path);
        List<Item> toSend = read(batch, readers, counts, listener);
        Future<?> previous = inFlight.poll();
        if (previous != null) await(previous);
        inFlight.put(sender.submit(() -> {
          try {
            send(toSend, counts, listener);
          } catch (IOException e) {
            failure.compareAndSet(null, e);
          }
          return null;
        }));
        if (failure.get() != null) break;
      }
      Future<?> last = inFlight.poll();
      if (last != null) await(last);
      if (failure.get() != null) throw failure.get();
      if (prune && !cancelled) {
        int removed = prune(roots, seen, listener);
        synchronized (counts) {
          counts.removed += removed;
        }
      }
      retrying(() -> engine.call("POST", "/" + index + "/_refresh", null));
    } finally {
      readers.shutdownNow();
      sender.shutdownNow();
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    synchronized (counts) {
      return new IngestSummary(counts.added, counts.updated, counts.unchanged, counts.removed, counts.failed, counts.bytes,
          millis, counts.duplicates, cancelled);
    }
  }

  private static void await(Future<?> f) throws InterruptedException, IOException {
    try {
      f.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException(e.getCause());
    }
  }

  private static final class Counts {
    int added, updated, unchanged, removed, failed, duplicates;
    long bytes;
  }

  /**
   * Hashes the batch, asks the cluster what it holds of those paths and hashes, and reads (extracts, identifies,
   * recognizes) the files that are new or changed, in parallel. Returns those to send.
   */
  private List<Item> read(List<Item> batch, ExecutorService readers, Counts counts, IngestListener listener)
      throws IOException, InterruptedException {
    List<Future<String>> hashing = new ArrayList<>();
    for (Item i : batch) {
      hashing.add(readers.submit(() -> {
        String refused = pipeline.tooLarge(Files.size(i.file));
        if (refused != null) return refused;
        i.size = Files.size(i.file);
        i.hash = ArticlePipeline.sha256(i.file);
        return null;
      }));
    }
    List<Item> hashed = succeeded(batch, hashing, counts, listener);
    if (hashed.isEmpty()) return List.of();
    // What the cluster holds: the documents of these hashes (any path) and of these paths (any hash)
    Map<String, String> pathOfHash = new HashMap<>(), fileOfHash = new HashMap<>(), hashOfPath = new HashMap<>();
    List<String> ids = hashed.stream().map(i -> i.hash).distinct().toList();
    List<String> paths = hashed.stream().map(i -> i.path).toList();
    Map<String, Object> query = Map.of("size", ids.size() + paths.size(),
        "_source", List.of(Fields.PATH, Fields.FILE, Fields.HASH),
        "query", Map.of("bool", Map.of("should", List.of(Map.of("ids", Map.of("values", ids)),
            Map.of("terms", Map.of(Fields.PATH, paths))))));
    JsonNode held = retrying(() -> engine.call("POST", "/" + index + "/_search", query));
    for (JsonNode hit : held.path("hits").path("hits")) {
      String path = hit.path("_source").path(Fields.PATH).asText(), hash = hit.path("_id").asText();
      pathOfHash.put(hash, path);
      fileOfHash.put(hash, hit.path("_source").path(Fields.FILE).asText(path));
      hashOfPath.put(path, hash);
    }
    List<Future<String>> reading = new ArrayList<>();
    List<Item> toRead = new ArrayList<>(), stale = new ArrayList<>();
    Map<String, String> batchHashes = new HashMap<>();
    for (Item i : hashed) {
      String holder = pathOfHash.get(i.hash);
      // The file that held the content is gone or changed: this copy takes its place, as a local ingest does.
      if (holder != null && !holder.equals(i.path) && !ArticlePipeline.stillHolds(Path.of(fileOfHash.get(i.hash)), i.hash)) {
        holder = null;
      }
      if (holder == null) holder = batchHashes.get(i.hash);
      if (holder != null && holder.equals(i.path)) {
        synchronized (counts) {
          counts.unchanged++;
        }
        listener.done(i.file, Outcome.UNCHANGED, i.size, null);
      } else if (holder != null) {
        synchronized (counts) {
          counts.duplicates++;
        }
        listener.done(i.file, Outcome.DUPLICATE, i.size, holder);
        // Changed to another file's content, it is that file's copy: the document of the text it had goes
        String old = hashOfPath.get(i.path);
        if (old != null && !old.equals(i.hash)) {
          i.replaces = old;
          i.copy = true;
          stale.add(i);
        }
      } else {
        batchHashes.put(i.hash, i.path);
        i.replaces = hashOfPath.get(i.path);
        toRead.add(i);
        reading.add(readers.submit(() -> {
          Article a = pipeline.read(i.file, i.path);
          i.source = ClusterSchema.document(a, i.file);
          i.cut = a.cut();
          return null;
        }));
      }
    }
    List<Item> out = new ArrayList<>(succeeded(toRead, reading, counts, listener));
    out.addAll(stale);
    return out;
  }

  /** The items whose work ended well; each other one is reported failed with its reason. */
  private static List<Item> succeeded(List<Item> items, List<Future<String>> work, Counts counts,
                                      IngestListener listener) throws InterruptedException {
    List<Item> ok = new ArrayList<>();
    for (int k = 0; k < items.size(); k++) {
      String why = result(work.get(k));
      if (why != null) {
        fail(counts, listener, items.get(k), why);
      } else {
        ok.add(items.get(k));
      }
    }
    return ok;
  }

  /** Null when the task ended normally, else its one-line failure. */
  private static String result(Future<String> f) throws InterruptedException {
    try {
      return f.get();
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ExtractionException) return cause.getMessage();
      if (cause instanceof IOException io) return "cannot read: " + io.getMessage();
      return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
  }

  private static void fail(Counts counts, IngestListener listener, Item i, String why) {
    synchronized (counts) {
      counts.failed++;
    }
    listener.done(i.file, Outcome.FAILED, i.size, why);
  }

  /**
   * Sends the batch, in bulk requests of at most {@link #BATCH_BYTES}, retrying what the cluster could not take;
   * then deletes the old documents of the files that became copies.
   */
  private void send(List<Item> items, Counts counts, IngestListener listener) throws IOException {
    List<Item> pending = new ArrayList<>(items.stream().filter(i -> !i.copy).toList());
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      List<Item> again = new ArrayList<>();
      int from = 0;
      while (from < pending.size()) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<Item> chunk = new ArrayList<>();
        while (from < pending.size() && (chunk.isEmpty() || body.size() < BATCH_BYTES)) {
          Item i = pending.get(from++);
          body.write(JSON.writeValueAsBytes(Map.of("index", Map.of("_index", index, "_id", i.hash))));
          body.write('\n');
          body.write(JSON.writeValueAsBytes(i.source));
          body.write('\n');
          chunk.add(i);
        }
        JsonNode answer = retrying(() -> engine.callNdjson("/_bulk", body.toByteArray()));
        JsonNode results = answer.path("items");
        // Before any old document goes: a copy that took over the content of a file that changed keeps it.
        for (int k = 0; k < chunk.size(); k++) {
          int status = results.path(k).path("index").path("status").asInt(0);
          if (status == 200 || status == 201) indexedNow.add(chunk.get(k).hash);
        }
        for (int k = 0; k < chunk.size(); k++) {
          Item i = chunk.get(k);
          JsonNode r = results.path(k).path("index");
          int status = r.path("status").asInt(0);
          if (status == 200 || status == 201) {
            done(i, counts, listener);
          } else if (status == 429 || status == 503 || status == 0) {
            again.add(i);
          } else {
            JsonNode error = r.path("error");
            fail(counts, listener, i, "the cluster refused it: " + error.path("type").asText("status " + status) + ": "
                + error.path("reason").asText(""));
          }
        }
      }
      if (again.isEmpty()) break;
      if (attempt >= BACKOFF.length) {
        for (Item i : again) fail(counts, listener, i, "the cluster kept rejecting it (too busy)");
        break;
      }
      pause(BACKOFF[attempt]);
      pending = again;
    }
    for (Item i : items) if (i.copy) deleteStale(i.replaces);
  }

  /** A sent file's document is in: its old document, under another hash, goes. */
  private void done(Item i, Counts counts, IngestListener listener) throws IOException {
    if (i.replaces != null && !i.replaces.equals(i.hash)) deleteStale(i.replaces);
    synchronized (counts) {
      if (i.replaces != null) counts.updated++;
      else counts.added++;
      counts.bytes += i.size;
    }
    listener.done(i.file, i.replaces != null ? Outcome.UPDATED : Outcome.ADDED, i.size, i.cut);
  }

  /** Deletes the document of a text a file no longer has, unless a copy of that text took it over in this ingest. */
  private void deleteStale(String id) throws IOException {
    if (indexedNow.contains(id)) return;
    retrying(() -> {
      try {
        return engine.call("DELETE", "/" + index + "/_doc/" + id, null);
      } catch (EngineException e) {
        if (e.status() == 404) return null;
        throw e;
      }
    });
  }

  /** Removes the documents whose path lies under one of {@code roots} and was not ingested now. */
  private int prune(List<Path> roots, Set<String> seen, IngestListener listener) throws IOException {
    int removed = 0;
    List<String> stale = new ArrayList<>();
    JsonNode after = null;
    while (true) {
      Map<String, Object> query = new HashMap<>(Map.of("size", 1000, "_source", List.of(Fields.PATH),
          "sort", List.of(Map.of(Fields.PATH, "asc"), Map.of(Fields.HASH, "asc"))));
      if (after != null) query.put("search_after", after);
      JsonNode page = retrying(() -> engine.call("POST", "/" + index + "/_search", query));
      JsonNode hits = page.path("hits").path("hits");
      if (hits.isEmpty()) break;
      for (JsonNode h : hits) {
        String path = h.path("_source").path(Fields.PATH).asText();
        String id = h.path("_id").asText();
        // A document sent now may still show its old path here (a copy that took over from a file gone)
        if (!seen.contains(path) && under(Path.of(path), roots) && !indexedNow.contains(id)) stale.add(id + "\t" + path);
        after = h.path("sort");
      }
    }
    for (String s : stale) {
      String[] idPath = s.split("\t", 2);
      retrying(() -> engine.call("DELETE", "/" + index + "/_doc/" + idPath[0], null));
      listener.done(Path.of(idPath[1]), Outcome.REMOVED, 0, null);
      removed++;
    }
    return removed;
  }

  private static boolean under(Path path, List<Path> roots) {
    for (Path r : roots) if (path.startsWith(r) || path.equals(r)) return true;
    return false;
  }

  interface Call {
    JsonNode run() throws IOException;
  }

  /**
   * A request sent again, with a growing pause, while the cluster does not answer or answers that it cannot now
   * (429, 502, 503, 504): a node restarting, a queue full.
   */
  private JsonNode retrying(Call call) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        return call.run();
      } catch (EngineException e) {
        int s = e.status();
        if (s != 429 && s != 502 && s != 503 && s != 504 || attempt >= BACKOFF.length) throw e;
      } catch (IOException e) {
        if (attempt >= BACKOFF.length) throw e;
      } catch (RuntimeException e) {
        // The client wraps a connection refused by every node in an unchecked exception
        if (attempt >= BACKOFF.length) throw new IOException(e.getMessage(), e);
      }
      pause(BACKOFF[attempt]);
    }
  }

  private static void pause(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting for the cluster");
    }
  }
}
