package sohieu.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import sohieu.Limits;
import sohieu.extract.ExtractedDocument;
import sohieu.extract.ExtractionException;
import sohieu.extract.Extractor;
import sohieu.pipeline.Article;
import sohieu.pipeline.ArticlePipeline;
import sohieu.schema.DocumentFields;
import sohieu.schema.Fields;
import sohieu.schema.SchemaMismatchException;

/**
 * Schedules an ingest: runs files through the {@link ArticlePipeline} on all cores into one {@link IndexStore},
 * skipping files whose content hash is unchanged, giving up on a file past its time limit, and letting the store
 * commit at intervals so a crash costs only the files since the last commit.
 *
 * <p>A file is keyed by its path as given (relative stays relative, so an index can move with its corpus), and
 * also carries its absolute path, so that the same file given in another spelling replaces its document rather than
 * adding a second. A file whose content is already indexed under another path is not indexed again: it is kept as a
 * copy of that document (its paths alone), and takes the document's place when the original is gone. Files that
 * fail are kept in a list committed with the index ({@link FailedFiles}).
 */
public final class Ingester implements Closeable {
  private final IndexStore store;
  private final int threads;
  private final Duration timeout;
  private final Charset charset;
  private int maxMegabytes = Limits.FILE_MB, maxChars = Limits.TEXT_CHARS, maxCitations = Limits.CITATIONS_PER_FILE;
  private int ocrPages = Limits.OCR_PAGES, ocrPageSeconds = Limits.OCR_PAGE_SECONDS;
  private ArticlePipeline pipeline;
  private Extraction extraction;
  private final DocumentBuilder builder = new DocumentBuilder();
  /**
   * Content hash to the files of this run that have it and may still hold it, by their place in the walk: identical
   * files running side by side index once, and the first of them in the walk holds the content, whatever the threads.
   */
  private final ConcurrentHashMap<String, TreeMap<Long, Holder>> holders = new ConcurrentHashMap<>();
  /** Held to read or add to {@link #holders} and the last commit together, and to forget what that commit holds. */
  private final ReentrantReadWriteLock forgetting = new ReentrantReadWriteLock();
  /** The places in the walk of the files handed to the workers whose content hash is not known yet. */
  private final TreeSet<Long> hashing = new TreeSet<>();
  private long handedOut;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  private Ingester(IndexStore store, int threads, Duration timeout, Charset charset) {
    this.store = store;
    this.threads = threads;
    this.timeout = timeout;
    this.charset = charset;
    this.pipeline = new ArticlePipeline(charset, maxMegabytes, maxChars, maxCitations, ocrPages, ocrPageSeconds);
    this.extraction = (file, pages) -> pipeline.extract(file, pages);
  }

  /**
   * Opens (or creates) the index for writing; fails at once if another ingest holds it, or with a
   * {@link SchemaMismatchException} if it was written by another schema.
   */
  public static Ingester open(Path indexDir, int threads, Duration timeout) throws IOException, IndexBusyException {
    return open(indexDir, threads, timeout, null);
  }

  /** As {@link #open(Path, int, Duration)}, reading text files in {@code charset} (detected when null). */
  public static Ingester open(Path indexDir, int threads, Duration timeout, Charset charset)
      throws IOException, IndexBusyException {
    return new Ingester(IndexStore.openForWrite(indexDir), Math.max(1, threads), timeout, charset);
  }

  /** Commits after every {@code files} files as well as every 30 s; small values let tests crash between commits. */
  public Ingester commitEvery(int files) {
    store.commitEvery(files);
    return this;
  }

  /** Sets the per-file limits ({@link Limits}) before {@link #ingest} runs. */
  public Ingester limits(int maxMegabytes, int maxChars, int maxCitations) {
    this.maxMegabytes = maxMegabytes;
    this.maxChars = maxChars;
    this.maxCitations = maxCitations;
    this.pipeline = new ArticlePipeline(charset, maxMegabytes, maxChars, maxCitations, ocrPages, ocrPageSeconds);
    return this;
  }

  /**
   * Sets the OCR limits before {@link #ingest} runs: at most {@code pages} scanned pages read per file, each within
   * {@code pageSeconds}; each page read gives its file that much more time than the file's own limit.
   */
  public Ingester ocrLimits(int pages, int pageSeconds) {
    this.ocrPages = pages;
    this.ocrPageSeconds = pageSeconds;
    this.pipeline = new ArticlePipeline(charset, maxMegabytes, maxChars, maxCitations, ocrPages, ocrPageSeconds);
    return this;
  }

  /** One file's text extraction; a seam so that tests can stand in a parser that hangs. */
  @FunctionalInterface
  interface Extraction {
    ExtractedDocument extract(Path file, Extractor.PageListener pages) throws ExtractionException;
  }

  /** Replaces the extraction step by one built around it, before {@link #ingest} runs. */
  void wrapExtraction(UnaryOperator<Extraction> wrap) { this.extraction = wrap.apply(extraction); }

  /**
   * Stops a running {@link #ingest} (from any thread, e.g. a shutdown hook on Ctrl-C): no new file is started, the
   * files under way finish, and what is done is committed; the summary then says it was interrupted.
   */
  public void cancel() { cancelled.set(true); }

  /** Bytes of documents indexed but held in memory by the index writer until its next flush (at most its RAM buffer). */
  public long bufferedBytes() { return store.bufferedBytes(); }

  /** Ingests the files; with {@code prune}, also removes documents whose files no longer exist. */
  public IngestSummary ingest(Iterable<Path> files, boolean prune, IngestListener listener)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    AtomicInteger[] counts = new AtomicInteger[IngestListener.Outcome.values().length];
    for (int i = 0; i < counts.length; i++) counts[i] = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    IngestListener counting = new IngestListener() {
      @Override
      public void done(Path file, Outcome outcome, long size, String reason) {
        counts[outcome.ordinal()].incrementAndGet();
        bytes.addAndGet(size);
        if (outcome != IngestListener.Outcome.REMOVED) store.settled(file, outcome == IngestListener.Outcome.FAILED, reason);
        listener.done(file, outcome, size, reason);
      }

      @Override
      public void pageRead(Path file, int done, int pages) { listener.pageRead(file, done, pages); }
    };
    boolean complete;
    try (DirectoryReader before = store.lastCommit()) {
      IndexSearcher existing = before == null ? null : new IndexSearcher(before);
      if (prune) store.prune(before, counting);
      complete = run(files, existing, counting);
    }
    if (complete) {
      // A copy whose indexed original was pruned or changed, and which this run did not reach, takes its place.
      List<Path> orphans = store.orphanedCopies();
      if (!orphans.isEmpty()) {
        try (DirectoryReader now = store.current()) {
          complete = run(orphans, new IndexSearcher(now), counting);
        }
      }
    }
    // A finished run leaves what it wrote as one segment; a cancelled one stops as soon as it can.
    if (complete) store.mergeOwnSegments(); else store.commit();
    var c = counts;
    return new IngestSummary(c[0].get(), c[1].get(), c[2].get(), c[3].get(), c[4].get(), bytes.get(),
        (System.nanoTime() - started) / 1_000_000, c[5].get(), !complete);
  }

  /** Runs the files through the workers; false when {@link #cancel} stopped it before the last file. */
  private boolean run(Iterable<Path> files, IndexSearcher existing, IngestListener listener)
      throws InterruptedException, IOException {
    // A permit per running file, returned when the file settles (done or timed out), so that a parser stuck
    // past its time limit costs a thread but never a slot.
    Semaphore slots = new Semaphore(threads);
    ExecutorService workers = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("ingest-", 0).factory());
    ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().factory());
    watchdog.setRemoveOnCancelPolicy(true);
    boolean complete = true;
    try {
      for (Path file : files) {
        if (cancelled.get()) {
          complete = false;
          break;
        }
        slots.acquire();
        store.failIfBroken();
        Settlement settlement = new Settlement(slots, System.nanoTime() + timeout.toNanos(), handedOut++);
        synchronized (hashing) {
          hashing.add(settlement.order);
        }
        Future<?> task = workers.submit(() -> work(file, existing, settlement, listener));
        settlement.arm(watchdog, new Runnable() {
          @Override
          public void run() {
            // A scanned page read since moved the deadline on: look again then.
            long left = settlement.deadline.get() - System.nanoTime();
            if (left > 0) {
              settlement.arm(watchdog, this, left);
              return;
            }
            if (!settlement.claim()) return;
            settlement.settleContent(false);
            hashed(settlement.order);
            try {
              task.cancel(true);
              listener.done(file, IngestListener.Outcome.FAILED, 0, "timed out after " + seconds(timeout)
                  + settlement.pagesNote() + " (the parser did not finish; --timeout allows longer)");
            } finally {
              settlement.release();
            }
          }
        }, timeout.toNanos());
        if (store.countFile()) forgetCommitted();
      }
      slots.acquire(threads);
      slots.release(threads);
      store.failIfBroken();
      return complete;
    } finally {
      workers.shutdownNow();
      watchdog.shutdownNow();
    }
  }

  /**
   * Makes sure a file is reported once, by its task or by the watchdog: whoever claims it reports it and then
   * frees its slot, so that waiting for every slot means every report has been made.
   */
  private static final class Settlement {
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final Semaphore slots;
    private volatile ScheduledFuture<?> guard;
    private volatile boolean finished;
    /** When the watchdog gives up on the file, in {@link System#nanoTime()}; each scanned page read moves it on. */
    final AtomicLong deadline;
    /** The file's place in the walk. */
    final long order;
    private final AtomicInteger pagesRead = new AtomicInteger();

    Settlement(Semaphore slots, long deadline, long order) {
      this.slots = slots;
      this.deadline = new AtomicLong(deadline);
      this.order = order;
    }

    void pageRead(Duration pageLimit) {
      pagesRead.incrementAndGet();
      deadline.addAndGet(pageLimit.toNanos());
    }

    /** ", with N pages read by OCR" when OCR extended the time, for the timeout's report. */
    String pagesNote() {
      int n = pagesRead.get();
      return n == 0 ? "" : " and " + n + (n == 1 ? " scanned page" : " scanned pages") + " read by OCR";
    }

    boolean claim() { return claimed.compareAndSet(false, true); }

    void release() { slots.release(); }

    void arm(ScheduledThreadPoolExecutor watchdog, Runnable check, long nanos) {
      ScheduledFuture<?> g = watchdog.schedule(check, nanos, TimeUnit.NANOSECONDS);
      this.guard = g;
      if (finished) g.cancel(false);
    }

    /** This file as a candidate to hold its content, whose copies wait to hear whether it was indexed. */
    volatile Holder content;

    void settleContent(boolean indexed) {
      Holder h = content;
      if (h != null) h.indexed.complete(indexed);
    }

    /** Its document is written, after {@code commitsBegun} commits of the writer had begun. */
    void contentIndexed(long commitsBegun) {
      Holder h = content;
      if (h != null) h.commitsBefore = commitsBegun;
      settleContent(true);
    }

    void disarm() {
      finished = true;
      ScheduledFuture<?> g = guard;
      if (g != null) g.cancel(false);
    }
  }

  /** The work on one file, which reports its outcome unless the watchdog has already given up on it. */
  private void work(Path file, IndexSearcher existing, Settlement settlement, IngestListener listener) {
    try {
      Prepared prepared;
      try {
        prepared = prepare(file, existing, settlement, listener);
      } catch (Throwable t) {
        settlement.settleContent(false);
        if (settlement.claim()) {
          try {
            listener.done(file, IngestListener.Outcome.FAILED, 0, describe(t));
          } finally {
            settlement.release();
          }
        }
        return;
      }
      // Past the time limit the watchdog has reported this file as failed; indexing it now would contradict that.
      if (!settlement.claim()) return;
      try {
        IngestListener.Outcome outcome = IngestListener.Outcome.UNCHANGED;
        String note = null;
        if (prepared.sameAs != null) {
          // A copy's document holds its paths alone (it replaces a document of the same text, if it had one).
          write(prepared);
          outcome = IngestListener.Outcome.DUPLICATE;
          note = prepared.sameAs;
        } else if (prepared.doc != null) {
          write(prepared);
          outcome = prepared.replaces ? IngestListener.Outcome.UPDATED : IngestListener.Outcome.ADDED;
          note = prepared.cut;
        }
        settlement.contentIndexed(store.commitsBegun());
        listener.done(file, outcome, prepared.size, note);
      } catch (Throwable t) {
        settlement.settleContent(false);
        listener.done(file, IngestListener.Outcome.FAILED, 0, describe(t));
      } finally {
        settlement.release();
      }
    } finally {
      settlement.settleContent(false); // past the time limit, or anything unforeseen: its copies must not wait
      hashed(settlement.order); // failed before its hash was known: the files after it must not wait for it
      settlement.disarm();
    }
  }

  /**
   * A file's document replaces those it had; a file the index did not hold when the run began is added (the walk
   * names each path once).
   */
  private void write(Prepared prepared) throws IOException {
    if (prepared.replaces) store.replace(prepared.own, prepared.doc); else store.add(prepared.doc);
  }

  /** The file at {@code order} in the walk has its hash (or never will): files after it may choose their holders. */
  private void hashed(long order) {
    synchronized (hashing) {
      if (hashing.remove(order)) hashing.notifyAll();
    }
  }

  /** Waits until every file before {@code order} in the walk has its hash, so that all its candidates are known. */
  private void awaitEarlierHashes(long order) throws InterruptedException {
    synchronized (hashing) {
      while (!hashing.isEmpty() && hashing.first() < order) hashing.wait();
    }
  }

  /**
   * A file ready to index ({@code doc} null when its content is unchanged), or, with {@code sameAs}, identical to
   * that indexed file ({@code doc} then the copy's document); {@code own} matches the documents this file had under any spelling of its path; {@code cut}
   * says what a limit left out of the document, or is null.
   */
  private record Prepared(Query own, long size, Document doc, boolean replaces, String sameAs, String cut) {
    Prepared(Query own, long size, Document doc, boolean replaces, String sameAs) {
      this(own, size, doc, replaces, sameAs, null);
    }
  }

  /**
   * A file that holds or may hold some content: its absolute path, its path as given, its place in the walk (-1 when
   * the index holds it already), and whether it was indexed (a file that fails leaves its content to the next copy).
   */
  private static final class Holder {
    final String file;
    final String path;
    final long order;
    final CompletableFuture<Boolean> indexed;
    /** The writer's commits begun when its document was written: every later commit holds it. */
    volatile long commitsBefore = Long.MAX_VALUE;

    Holder(String file, String path, long order, CompletableFuture<Boolean> indexed) {
      this.file = file;
      this.path = path;
      this.order = order;
      this.indexed = indexed;
    }

    Holder(String file, String path, long order) { this(file, path, order, new CompletableFuture<>()); }

    static Holder indexed(String file, String path) {
      return new Holder(file, path, -1, CompletableFuture.completedFuture(true));
    }

    /** Whether its document is in the writer's commits since {@code commitsBegun} (and so in their searchers). */
    boolean committedBy(long commitsBegun) { return indexed.getNow(false) && commitsBefore < commitsBegun; }
  }

  private Prepared prepare(Path file, IndexSearcher existing, Settlement settlement, IngestListener listener)
      throws IOException, ExtractionException, InterruptedException {
    String path = file.normalize().toString();
    String absolute = file.toAbsolutePath().normalize().toString();
    // Its path as given now, its absolute path, or an absolute path as indexes before relative paths stored it.
    Query own = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.PATH, path)), BooleanClause.Occur.SHOULD)
        .add(new TermQuery(new Term(Fields.FILE, absolute)), BooleanClause.Occur.SHOULD)
        .add(new TermQuery(new Term(Fields.PATH, absolute)), BooleanClause.Occur.SHOULD).build();
    // Before anything opens it: reading a FIFO would wait for a writer that may never come.
    String notRegular = FileSet.notRegular(file);
    if (notRegular != null && !notRegular.equals("a folder")) throw new ExtractionException(notRegular);
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new ExtractionException("no such file");
    }
    if (Files.isDirectory(file)) throw new ExtractionException("a folder that cannot be read");
    if (size == 0) throw new ExtractionException("empty file");
    // Checked before hashing: reading a huge file only to refuse it would cost the batch its time.
    String refused = pipeline.tooLarge(size);
    if (refused != null) throw new ExtractionException(refused);
    String hash = ArticlePipeline.sha256(file);
    Stored previous = existing == null ? Stored.NONE : stored(existing, own);
    Holder me = new Holder(absolute, path, settlement.order);
    Holder holder = holder(hash, me, existing, settlement);
    if (holder != null) {
      return new Prepared(own, size, DocumentBuilder.copy(path, absolute, hash, size), previous.exists(), holder.path);
    }
    if (hash.equals(previous.hash())) return new Prepared(own, size, null, true, null);
    Duration pageLimit = Duration.ofSeconds(ocrPageSeconds);
    ExtractedDocument extracted = extraction.extract(file, (done, pages) -> {
      settlement.pageRead(pageLimit);
      listener.pageRead(file, done, pages);
    });
    if (extracted.text().isBlank()) {
      throw new ExtractionException(extracted.scanned().isEmpty() ? "no text found (not a document, or a picture of no text)"
          : "no text found (OCR read no text on its scanned pages)");
    }
    Article article = pipeline.analyze(path, hash, size, extracted);
    Document doc = builder.build(article);
    DocumentFields.file(doc, absolute);
    return new Prepared(own, size, doc, previous.exists(), null, article.cut());
  }

  /**
   * The file that holds {@code hash} in the index when it is not {@code me}, or null when {@code me} is to be
   * indexed. An indexed file that still has that content keeps its place, so that reruns agree; otherwise the first
   * file of this run in the walk takes it (once every file before {@code me} has its hash, all who may are known),
   * and a copy waits to hear that it was indexed: if it failed, the next one takes its place.
   */
  private Holder holder(String hash, Holder me, IndexSearcher existing, Settlement settlement)
      throws IOException, InterruptedException {
    Holder held = existing == null ? null : heldIn(existing, hash, me);
    TreeMap<Long, Holder> candidates = null;
    forgetting.readLock().lock();
    try {
      // A holder of this run that was forgotten once committed (see forgetCommitted) is in that commit instead; the
      // lock makes sure a holder forgotten here is in the commit searched.
      SearcherManager committed = store.committed();
      if (held == null && committed != null) {
        IndexSearcher searcher = committed.acquire();
        try {
          held = heldIn(searcher, hash, me);
        } finally {
          committed.release(searcher);
        }
      }
      if (held == null) {
        candidates = holders.computeIfAbsent(hash, h -> new TreeMap<>());
        synchronized (candidates) {
          candidates.put(me.order, me);
        }
      }
    } finally {
      forgetting.readLock().unlock();
    }
    if (held != null) {
      hashed(me.order);
      return held;
    }
    settlement.content = me;
    hashed(me.order);
    awaitEarlierHashes(me.order);
    while (true) {
      Holder first;
      synchronized (candidates) {
        first = candidates.firstEntry().getValue();
      }
      if (first == me || first.file.equals(me.file)) return null; // the same file twice is indexed as itself
      boolean indexed = false;
      try {
        indexed = first.indexed.get();
      } catch (ExecutionException e) {
        // Never completed exceptionally; treated as a failure.
      }
      synchronized (candidates) {
        // A copy is no candidate any more; a file that failed leaves its place to the next.
        candidates.remove(indexed ? me.order : first.order);
      }
      if (indexed) return first;
    }
  }

  /**
   * The file {@code searcher}'s index holds {@code hash} in, when it is not {@code me} and still has that content;
   * null when none does, or when {@code me} is one of them and the first by path.
   */
  private static Holder heldIn(IndexSearcher searcher, String hash, Holder me) throws IOException {
    Holder indexed = null;
    boolean mine = false;
    for (ScoreDoc sd : searcher.search(new TermQuery(Fields.hashTerm(Fields.HASH, hash)), 16).scoreDocs) {
      Document d = searcher.storedFields().document(sd.doc, Set.of(Fields.PATH, Fields.FILE));
      String p = d.get(Fields.PATH), f = Fields.file(d);
      if (f.equals(me.file) || p.equals(me.path)) {
        mine = true;
      } else if ((indexed == null || p.compareTo(indexed.path) < 0) && ArticlePipeline.stillHolds(Path.of(f), hash)) {
        indexed = Holder.indexed(f, p);
      }
    }
    // Two indexed copies (from before duplicates were caught): the smaller path stays.
    return indexed != null && (!mine || indexed.path.compareTo(me.path) < 0) ? indexed : null;
  }

  /**
   * Forgets, once the writer has committed, each content whose holder's document that commit holds, and each whose
   * candidates all failed: a later copy finds the holder in the commit ({@link #holder}), so that what an ingest
   * keeps does not grow with the files it has done.
   */
  private void forgetCommitted() {
    long commitsBegun = store.commitsBegun();
    forgetting.writeLock().lock();
    try {
      holders.values().removeIf(candidates -> {
        synchronized (candidates) {
          if (candidates.isEmpty()) return true;
          if (candidates.firstEntry().getValue().committedBy(commitsBegun)) return true;
          for (Holder h : candidates.values()) if (h.indexed.getNow(true)) return false;
          return true;
        }
      });
    } finally {
      forgetting.writeLock().unlock();
    }
  }

  /** How many contents the ingest keeps track of now (for tests: it must not grow with the files done). */
  int contentsKept() { return holders.size(); }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /** What the index holds for a file: whether it has a document, and the hash of its text (null for a copy's). */
  private record Stored(boolean exists, String hash) {
    static final Stored NONE = new Stored(false, null);
  }

  private static Stored stored(IndexSearcher searcher, Query own) throws IOException {
    TopDocs hits = searcher.search(own, 1);
    if (hits.scoreDocs.length == 0) return Stored.NONE;
    return new Stored(true, Fields.hashHex(searcher.storedFields().document(hits.scoreDocs[0].doc, Set.of(Fields.HASH))
        .getBinaryValue(Fields.HASH)));
  }

  /** One line for what went wrong with a file (or with the writer). */
  static String describe(Throwable t) {
    if (t instanceof ExtractionException e) return e.getMessage();
    if (t instanceof OutOfMemoryError) return "too large to extract in the available memory";
    String fault = t instanceof IOException ? Faults.describe(t) : null;
    if (fault != null) return fault;
    String msg = t.getMessage();
    return t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg.replaceAll("\\s+", " "));
  }

  @Override
  public void close() throws IOException { store.close(); }
}
