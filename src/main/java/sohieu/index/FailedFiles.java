package sohieu.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;

/**
 * The files an ingest could not index, with the reason, kept as JSON in the user data of every commit: the list
 * then always matches the documents committed beside it, moves with the index, and survives a crash as far as the
 * last commit. A file leaves the list when a later ingest indexes it (or finds it unchanged or identical to another),
 * or when --prune finds it gone.
 */
public final class FailedFiles {
  /** One file that is missing from the index: its path as given to ingest, and why. */
  public record Entry(String path, String file, String reason) {}

  static final String KEY = "sohieu.failed";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** By absolute path, so that another spelling of the same file clears it. */
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  private FailedFiles() {}

  /** The list carried by a commit's user data (empty when there is none). */
  static FailedFiles of(Map<String, String> userData) {
    FailedFiles failed = new FailedFiles();
    for (Entry e : parse(userData.get(KEY))) failed.entries.put(e.file(), e);
    return failed;
  }

  void add(String path, String file, String reason) { entries.put(file, new Entry(path, file, reason)); }

  void clear(String file) { entries.remove(file); }

  /** Drops the entries of files that no longer exist, as --prune drops their documents. */
  void pruneGone() { entries.keySet().removeIf(f -> !Files.exists(Path.of(f))); }

  /** The commit's user data with this list in it. */
  Map<String, String> userData(Iterable<Map.Entry<String, String>> current) {
    Map<String, String> data = new HashMap<>();
    if (current != null) current.forEach(e -> data.put(e.getKey(), e.getValue()));
    try {
      data.put(KEY, MAPPER.writeValueAsString(list()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return data;
  }

  public List<Entry> list() {
    List<Entry> out = new ArrayList<>(entries.values());
    out.sort(Comparator.comparing(Entry::path));
    return out;
  }

  /** The failures recorded by the last commit of the index at {@code indexDir}; empty when there is no index. */
  public static List<Entry> read(Path indexDir) throws IOException {
    try (FSDirectory dir = FSDirectory.open(indexDir)) {
      if (!DirectoryReader.indexExists(dir)) return List.of();
      return of(SegmentInfos.readLatestCommit(dir).getUserData()).list();
    }
  }

  private static List<Entry> parse(String json) {
    if (json == null || json.isEmpty()) return List.of();
    try {
      return MAPPER.readValue(json, new TypeReference<List<Entry>>() {});
    } catch (IOException e) {
      return List.of(); // a list this version cannot read is no reason to refuse the index; the next ingest rewrites it
    }
  }
}
