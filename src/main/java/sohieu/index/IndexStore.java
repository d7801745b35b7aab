package sohieu.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.store.NoLockFactory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOUtils;
import sohieu.analysis.LanguageAnalyzers;
import sohieu.schema.Fields;
import sohieu.schema.SchemaMismatchException;
import sohieu.schema.SchemaVersion;

/**
 * The index folder and the rules of using it, in one place: opened for reading (by search and check) or for writing
 * (by one ingest at a time, which the write lock and a pid file name), committed with the list of failed files so
 * the two always agree, on a policy that bounds what a crash can cost, pruned of files that are gone, and checked.
 * Every commit records the schema's version, and an index of another schema is refused whichever way it is opened.
 */
public final class IndexStore implements Closeable {
  private static final String PID_FILE = "ingest.pid";
  private static final long COMMIT_EVERY_MILLIS = 30_000;

  private final Path indexDir;
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final FailedFiles failed;
  /** Commits cost a flush of every thread's buffer: every 10,000 files or 30 s, whichever comes first. */
  private int commitEvery = 10_000;
  private int sinceCommit;
  /** Commits begun by this writer: a document written while it was n is in commit n + 1 and after. */
  private volatile long commitsBegun;
  /** The last commit's documents, this writer's included, for what an ingest must find again in them. */
  private volatile SearcherManager committed;
  private long lastCommit = System.currentTimeMillis();

  private IndexStore(Path indexDir, FSDirectory directory, IndexWriter writer) {
    this.indexDir = indexDir;
    this.directory = directory;
    this.writer = writer;
    Map<String, String> userData = new HashMap<>();
    writer.getLiveCommitData().forEach(e -> userData.put(e.getKey(), e.getValue()));
    this.failed = FailedFiles.of(userData);
  }

  /**
   * Opens (or creates) the index for writing; fails at once if another ingest holds it, or with a
   * {@link SchemaMismatchException} if it was written by another schema.
   */
  public static IndexStore openForWrite(Path indexDir) throws IOException, IndexBusyException {
    Files.createDirectories(indexDir);
    FSDirectory directory = FSDirectory.open(indexDir);
    boolean existed = DirectoryReader.indexExists(directory);
    IndexWriterConfig config = new IndexWriterConfig(LanguageAnalyzers.perField())
        .setMergePolicy(new OwnSegmentsMergePolicy(existed ? segmentNames(directory) : Set.of()))
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setRAMBufferSizeMB(128)
        // Stored text is most of the index; deflate halves it, and only the few hits shown are ever read back.
        .setCodec(new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
    IndexWriter writer;
    try {
      writer = new IndexWriter(directory, config);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IndexBusyException(busyMessage(indexDir));
    }
    // Documents of two schemas in one index would each be read by the wrong codec.
    if (existed) {
      try {
        SchemaVersion.require(SegmentInfos.readLatestCommit(directory).getUserData(), indexDir);
      } catch (SchemaMismatchException | IOException e) {
        writer.rollback();
        directory.close();
        throw e;
      }
    }
    Files.writeString(indexDir.resolve(PID_FILE), Long.toString(ProcessHandle.current().pid()));
    return new IndexStore(indexDir, directory, writer);
  }

  /** The last commit of an index, read-only, with the directory it is read from; closing it closes both. */
  public record Snapshot(DirectoryReader reader, FSDirectory directory) implements Closeable {
    @Override
    public void close() throws IOException {
      try {
        reader.close();
      } finally {
        directory.close();
      }
    }
  }

  /**
   * Opens the last commit for reading; {@link IllegalArgumentException} with a one-line message if there is none, and
   * a {@link SchemaMismatchException} if another schema wrote it.
   */
  public static Snapshot openForRead(Path indexDir) throws IOException {
    return openForRead(indexDir, true);
  }

  /**
   * As {@link #openForRead(Path)}; unless {@code mapped}, the files are read through channels instead of mapped into
   * memory. Mapping is for a reader that answers many lookups: it links Lucene's native calls first, which costs a
   * process that answers one lookup and exits more than it gains (`cite` at 100k documents: 55 ms of the main thread's
   * CPU less to open the index, 15 ms more to tally its profile).
   */
  public static Snapshot openForRead(Path indexDir, boolean mapped) throws IOException {
    if (!Files.isDirectory(indexDir)) throw noIndex(indexDir);
    FSDirectory directory = mapped ? FSDirectory.open(indexDir) : new NIOFSDirectory(indexDir);
    try {
      if (!DirectoryReader.indexExists(directory)) throw noIndex(indexDir);
      DirectoryReader reader = DirectoryReader.open(directory);
      try {
        SchemaVersion.require(reader.getIndexCommit().getUserData(), indexDir);
      } catch (SchemaMismatchException | IOException e) {
        reader.close();
        throw e;
      }
      return new Snapshot(reader, directory);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  private static IllegalArgumentException noIndex(Path indexDir) {
    return new IllegalArgumentException("no index at " + indexDir + " (run 'sohieu ingest' first)");
  }

  /** The last commit as it stands before this writer's changes, or null when the index is new. */
  public DirectoryReader lastCommit() throws IOException {
    return DirectoryReader.indexExists(directory) ? DirectoryReader.open(directory) : null;
  }

  /** What this writer has done so far, uncommitted changes included; the caller closes it. */
  public DirectoryReader current() throws IOException { return DirectoryReader.open(writer); }

  /**
   * The files (that still exist) of the copies whose content has no indexed document any more, as this writer sees
   * the index: the original was pruned or changed, and a copy must take its place.
   */
  public List<Path> orphanedCopies() throws IOException {
    List<Path> orphans = new ArrayList<>();
    try (DirectoryReader reader = current()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Terms copied = MultiTerms.getTerms(reader, Fields.COPY_OF);
      TermsEnum hashes = copied == null ? TermsEnum.EMPTY : copied.iterator();
      for (BytesRef hash = hashes.next(); hash != null; hash = hashes.next()) {
        if (searcher.count(new TermQuery(new Term(Fields.HASH, BytesRef.deepCopyOf(hash)))) > 0) continue;
        Query copies = new TermQuery(new Term(Fields.COPY_OF, BytesRef.deepCopyOf(hash)));
        for (ScoreDoc sd : searcher.search(copies, Math.max(1, searcher.count(copies))).scoreDocs) {
          Document d = searcher.storedFields().document(sd.doc, Set.of(Fields.PATH, Fields.FILE));
          Path path = Path.of(d.get(Fields.PATH)), file = Path.of(Fields.file(d));
          if (Files.isRegularFile(path)) orphans.add(path); else if (Files.isRegularFile(file)) orphans.add(file);
        }
      }
    }
    return orphans;
  }

  /** Bytes of documents the writer holds in memory, not yet flushed to a segment (at most its RAM buffer). */
  public long bufferedBytes() { return writer.ramBytesUsed(); }

  /** Commits after every {@code files} files as well as every 30 s; small values let tests crash between commits. */
  public void commitEvery(int files) { this.commitEvery = Math.max(1, files); }

  /**
   * Counts one more file handed to the writer, and commits when the policy says it is time: true when it did (the
   * {@link #committed} searchers then show that commit).
   */
  public boolean countFile() throws IOException {
    if (++sinceCommit < commitEvery && System.currentTimeMillis() - lastCommit <= COMMIT_EVERY_MILLIS) return false;
    commit();
    return true;
  }

  /** Commits the documents with the failure list as it stands, so that the two always agree, and the schema's version. */
  public void commit() throws IOException {
    writer.setLiveCommitData(SchemaVersion.stamp(failed.userData(writer.getLiveCommitData())).entrySet(), true);
    commitsBegun++;
    writer.commit();
    sinceCommit = 0;
    lastCommit = System.currentTimeMillis();
    if (committed == null) committed = new SearcherManager(directory, null); else committed.maybeRefreshBlocking();
  }

  /**
   * Merges the segments this writer made into one and commits: every lookup opens each segment, and a short-lived
   * `cite` spent a tenth of its time on the six more that a 100k ingest left (index-100000: 0.378 s against 0.332 s
   * as one segment, 1% smaller too; the merge took 6 s of a 136 s ingest). Segments of earlier ingests are left as
   * they are, so a few files added to a large index rewrite only themselves. The documents are committed first: a
   * run stopped during the merge (a minute and a half at 1M files) loses none of them.
   */
  public void mergeOwnSegments() throws IOException {
    commit();
    writer.forceMerge(1);
    commit();
  }

  /**
   * Lucene's tiered policy, except that a forced merge takes only the segments this writer made (or merged): what an
   * ingest leaves is one segment, without rewriting the index it added to.
   */
  private static final class OwnSegmentsMergePolicy extends FilterMergePolicy {
    private final Set<String> before;

    OwnSegmentsMergePolicy(Set<String> before) {
      super(new TieredMergePolicy());
      this.before = before;
    }

    @Override
    public MergeSpecification findForcedMerges(SegmentInfos infos, int maxSegments, Map<SegmentCommitInfo, Boolean> toMerge,
                                               MergeContext context) throws IOException {
      Map<SegmentCommitInfo, Boolean> own = new HashMap<>();
      toMerge.forEach((segment, original) -> {
        if (!before.contains(segment.info.name)) own.put(segment, original);
      });
      return in.findForcedMerges(infos, maxSegments, own, context);
    }
  }

  /** The names of the segments of the last commit; none when it cannot be read (opening the writer then says why). */
  private static Set<String> segmentNames(Directory directory) {
    Set<String> names = new HashSet<>();
    try {
      for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(directory)) names.add(segment.info.name);
    } catch (IOException e) {
      return Set.of();
    }
    return names;
  }

  /** How many commits this writer has begun; a document written now is in every commit after this many. */
  public long commitsBegun() { return commitsBegun; }

  /** Searchers of the last commit made by this writer (shown once {@link #commit} returns), or null before its first. */
  public SearcherManager committed() { return committed; }

  /** Replaces the documents {@code own} matches by {@code doc}. */
  public void replace(Query own, Document doc) throws IOException { writer.updateDocuments(own, List.of(doc)); }

  /**
   * Adds {@code doc}, which no document of the index stands for yet: a delete query per new document would cost the
   * writer a search of every segment at each flush (4% of an ingest's CPU into a new index).
   */
  public void add(Document doc) throws IOException { writer.addDocument(doc); }

  /** Deletes the documents {@code own} matches. */
  public void delete(Query own) throws IOException { writer.deleteDocuments(own); }

  /** Notes what became of a file in the failure list committed with the documents: listed if it failed, else not. */
  public void settled(Path file, boolean failedNow, String reason) {
    String absolute = file.toAbsolutePath().normalize().toString();
    if (failedNow) failed.add(file.normalize().toString(), absolute, reason); else failed.clear(absolute);
  }

  /** A writer that hit a tragedy (out of memory, disk full) refuses every document; going on would fail them all. */
  public void failIfBroken() throws IOException {
    Throwable tragedy = writer.getTragicException();
    if (tragedy != null) throw new IOException("the index writer failed: " + Ingester.describe(tragedy), tragedy);
  }

  /**
   * Removes the documents of {@code reader} whose files no longer exist, and their entries in the failure list,
   * telling {@code listener} of each document removed.
   */
  public void prune(DirectoryReader reader, IngestListener listener) throws IOException {
    failed.pruneGone();
    if (reader == null) return;
    StoredFields stored = reader.storedFields();
    Bits live = MultiBits.getLiveDocs(reader);
    for (int doc = 0; doc < reader.maxDoc(); doc++) {
      if (live != null && !live.get(doc)) continue;
      Document d = stored.document(doc, Set.of(Fields.PATH, Fields.FILE));
      String path = d.get(Fields.PATH), file = Fields.file(d);
      // A relative path is looked for from here and, when this is another folder, where the ingest that stored it ran.
      if (path != null && !Files.exists(Path.of(path)) && (file == null || !Files.exists(Path.of(file)))) {
        writer.deleteDocuments(new Term(Fields.PATH, path));
        listener.done(Path.of(path), IngestListener.Outcome.REMOVED, 0, null);
      }
    }
  }

  /** The index's health as Lucene's CheckIndex finds it, and whether this schema can read it. */
  public sealed interface Health {
    /** Every segment is sound. */
    record Healthy(int documents, int segments) implements Health {}

    /** {@code what} (the segments file, or the last commit) cannot be read, for {@code reason}. */
    record Unreadable(String what, String reason) implements Health {}

    /** Some segments are broken: rebuilding would lose {@code lostDocuments}. */
    record Broken(int badSegments, int segments, long lostDocuments) implements Health {}

    /** Sound for Lucene, yet written by another schema, which {@code mismatch} says in one line with how to rebuild. */
    record Outdated(String mismatch) implements Health {}
  }

  /**
   * Checks the last commit with CheckIndex, read-only, under a shared lock that keeps an ingest from deleting the
   * files being checked; {@link IllegalArgumentException} when there is no index, {@link IndexBusyException} when an
   * ingest is writing it.
   */
  public static Health check(Path indexDir) throws IOException, IndexBusyException {
    if (!Files.isDirectory(indexDir)) throw new IllegalArgumentException("no index at " + indexDir);
    // No lock factory: the directory must never create write.lock, so that a read-only index can be checked.
    try (FSDirectory dir = FSDirectory.open(indexDir, NoLockFactory.INSTANCE)) {
      if (!DirectoryReader.indexExists(dir)) throw new IllegalArgumentException("no index at " + indexDir);
      try (Lock lock = ReadLock.take(indexDir)) {
        String segments = SegmentInfos.getLastCommitSegmentsFileName(dir.listAll());
        SegmentInfos latest;
        try {
          latest = SegmentInfos.readLatestCommit(dir);
        } catch (IOException e) {
          return new Health.Unreadable(segments, reason(e));
        }
        try (CheckIndex checker = new CheckIndex(dir, lock)) {
          CheckIndex.Status status;
          try {
            status = checker.checkIndex();
          } catch (IOException e) {
            return new Health.Unreadable("the last commit", reason(e));
          }
          if (status.missingSegments) throw new IllegalArgumentException("no index at " + indexDir);
          if (!status.clean) return new Health.Broken(status.numBadSegments, status.numSegments, status.totLoseDocCount);
          // Sound for Lucene, and still unreadable to this version when another schema wrote it.
          String mismatch = SchemaVersion.mismatch(latest.getUserData(), indexDir);
          if (mismatch != null) return new Health.Outdated(mismatch);
          try (DirectoryReader reader = DirectoryReader.open(dir)) {
            return new Health.Healthy(reader.numDocs() - copies(reader), status.numSegments);
          }
        }
      }
    }
  }

  /** The documents of {@code reader} that are copies (see {@link Fields#COPY_OF}), not documents of their own. */
  public static int copies(DirectoryReader reader) throws IOException {
    return new IndexSearcher(reader).count(Fields.copies());
  }

  /** Lucene's words for what is wrong with a file, without the name of the exception or the reader's internals. */
  private static String reason(IOException e) {
    String m = e instanceof CorruptIndexException c ? c.getOriginalMessage() : Faults.describe(e);
    return String.valueOf(m).replaceAll("\\s+", " ");
  }

  /**
   * Why the write lock is taken: the ingest named in the pid file, or, when that file is missing or names a process
   * that is gone (left by a kill -9, or the lock is a check's), just that someone else holds it.
   */
  public static String busyMessage(Path indexDir) {
    try {
      long pid = Long.parseLong(Files.readString(indexDir.resolve(PID_FILE)).strip());
      if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        return "index is being written by another ingest (pid " + pid + ")";
      }
    } catch (IOException | NumberFormatException e) {
      // No usable pid file: fall through to the anonymous message.
    }
    return "index is in use by another process (an ingest or a check)";
  }

  @Override
  public void close() throws IOException {
    try {
      IOUtils.close(committed, writer);
    } finally {
      Files.deleteIfExists(indexDir.resolve(PID_FILE));
      directory.close();
    }
  }
}
