package sohieu.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sohieu.index.IndexBusyException;
import sohieu.index.IngestListener;
import sohieu.index.IngestSummary;
import sohieu.index.FileSet;
import sohieu.index.Ingester;
import sohieu.search.Reports;

/** Adds files and folders to the index, incrementally by content hash, reporting every failure. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Add files and folders (recursively) to the index. Unchanged files are skipped by content hash, "
        + "changed ones replaced, a file identical to one already indexed is indexed once; one bad file never stops "
        + "the batch. In folders, notes (README, SOURCES, LICENSE, COPYING, copyright) and data tables (.tsv, .csv) "
        + "are skipped unless named or matched by --include. Links to folders are followed once (never round a loop), "
        + "a file reached twice through links is indexed once; links not followed and what is not a regular file "
        + "(FIFOs, sockets) are listed as skipped. Paths are stored as given.",
    footer = {"", "Exit codes: 0 every file indexed or unchanged, 1 some files failed (listed), 2 usage error,",
        "130 interrupted by Ctrl-C (what was done is committed; the same command resumes).",
        "Examples:", "  scripts/sohieu ingest corpus/", "  scripts/sohieu ingest --include '*.csv' --verbose ~/scrapes/", "  scripts/sohieu ingest --exclude '*.md' --prune ~/articles/",
        "  find ~/scrapes -name '*.html' | scripts/sohieu ingest -"})
final class IngestCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders; - reads one path per line from standard input.")
  List<String> paths;

  @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip files whose name or relative path matches (repeatable).")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--include", paramLabel = "GLOB",
      description = "Also take the notes and data tables otherwise skipped in folders, when their name or relative path matches (repeatable).")
  List<String> includes = new ArrayList<>();

  @Option(names = "--verbose", description = "List the files skipped as notes or data and those identical to another file.")
  boolean verbose;

  @Option(names = "--prune", description = "Also remove documents whose files no longer exist.")
  boolean prune;

  @Option(names = "--threads", paramLabel = "N", description = "Extraction threads (default: all ${DEFAULT-VALUE} cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--charset", paramLabel = "NAME", converter = CharsetConverter.class,
      description = "Read text files in this encoding instead of detecting it (e.g. windows-1251, KOI8-R, windows-1250, windows-1258, TCVN3, VISCII, VNI).")
  Charset charset;

  @Option(names = "--json", description = "Print failures and the summary as JSON lines.")
  boolean json;

  /**
   * Hidden: lets the crash tests kill an ingest between frequent commits. Unset, the index's own policy holds (every
   * 10,000 files or 30 s): committing every 2,000 files, as this once did, cost the command 7% of its speed.
   */
  @Option(names = "--commit-every", paramLabel = "N", hidden = true)
  Integer commitEvery;

  /** Hidden: files per bulk request with --engine, small in the tests that stop a node between two of them. */
  @Option(names = "--bulk-files", paramLabel = "N", hidden = true, defaultValue = "64")
  int bulkFiles;

  @Mixin
  IndexOption index;

  @Mixin
  EngineOption engine;

  @Mixin
  LimitOptions limits;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<Path> roots = new ArrayList<>();
    for (String p : paths) {
      if (p.equals("-")) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) if (!line.isBlank()) roots.add(Path.of(line.strip()));
      } else {
        Path path = Path.of(p);
        if (!Files.exists(path)) throw new Main.UserError(p + ": no such file or folder");
        roots.add(path);
      }
    }
    limits.check();
    if (threads < 1) throw new Main.UserError("--threads must be at least 1");
    if (engine.on()) return ingestIntoCluster(roots);
    if (Files.exists(index.index) && !Files.isDirectory(index.index)) {
      throw new Main.UserError(index.index + " is a file, not an index folder");
    }
    FileSet walk = FileSet.of(roots, excludes).skippingNotes(includes);
    Outcomes outcomes = new Outcomes();
    Iterable<Path> files = outcomes.walking(walk);
    PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
    IngestSummary summary;
    Ingester ingester;
    try {
      ingester = Ingester.open(index.index, threads, Duration.ofSeconds(limits.timeoutSeconds), charset);
    } catch (IndexBusyException e) {
      throw new Main.UserError(e.getMessage());
    }
    // Ctrl-C starts the JVM's shutdown: the hook stops the workers and holds the exit until what is done is
    // committed, reported and the pid file removed (or, with a parser stuck, until the time limit has passed).
    CountDownLatch finished = new CountDownLatch(1);
    Thread onInterrupt = new Thread(() -> {
      ingester.cancel();
      try {
        finished.await(limits.timeoutSeconds + 30L, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "ingest-interrupt");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try {
      try (ingester; Progress progress = Progress.start(walk.count(), err)) {
        if (commitEvery != null) ingester.commitEvery(commitEvery);
        ingester.limits(limits.maxMegabytes, limits.maxChars, limits.maxCitations).ocrLimits(limits.ocrPages, limits.ocrPageSeconds);
        summary = ingester.ingest(files, prune, new IngestListener() {
          @Override
          public void done(Path file, Outcome outcome, long bytes, String reason) {
            outcomes.done(file, outcome, reason);
            progress.done(outcome, bytes);
          }

          @Override
          public void pageRead(Path file, int done, int pages) { progress.pageRead(); }
        });
      }
      report(out, err, summary, outcomes, index.index.toString());
    } finally {
      out.flush();
      err.flush();
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it returns now that the latch is down.
      }
    }
    if (summary.interrupted()) return INTERRUPTED;
    return summary.failed() == 0 ? Main.FOUND : Main.NOTHING;
  }

  /**
   * The same run into a cluster: read here on {@code --threads} cores, sent in bulk with retries
   * ({@link sohieu.cluster.ClusterIndexer}); the same report.
   */
  private int ingestIntoCluster(List<Path> roots) throws Exception {
    FileSet walk = FileSet.of(roots, excludes).skippingNotes(includes);
    Outcomes outcomes = new Outcomes();
    Iterable<Path> files = outcomes.walking(walk);
    PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
    IngestSummary summary;
    sohieu.pipeline.ArticlePipeline pipeline = new sohieu.pipeline.ArticlePipeline(charset, limits.maxMegabytes,
        limits.maxChars, limits.maxCitations, limits.ocrPages, limits.ocrPageSeconds);
    try (sohieu.cluster.Engine e = engine.connect()) {
      Main.atLeast("--bulk-files", bulkFiles, 1);
      sohieu.cluster.ClusterIndexer indexer = new sohieu.cluster.ClusterIndexer(e, engine.name, pipeline, threads)
          .batchFiles(bulkFiles);
      try (Progress progress = Progress.start(walk.count(), err)) {
        summary = indexer.ingest(files, roots, prune, (file, outcome, bytes, reason) -> {
          outcomes.done(file, outcome, reason);
          progress.done(outcome, bytes);
        });
      } catch (java.io.IOException | RuntimeException x) {
        throw EngineOption.unreachable(e, x);
      }
      report(out, err, summary, outcomes, engine.name + " on " + e);
    } finally {
      out.flush();
      err.flush();
    }
    return summary.failed() == 0 ? Main.FOUND : Main.NOTHING;
  }

  /** What a shell reports for a command ended by SIGINT (128 + 2). */
  static final int INTERRUPTED = 130;

  /** What a run's files came to, gathered from the walk and the workers for the report (local or cluster alike). */
  private static final class Outcomes {
    final Collection<Path> skipped = new ConcurrentLinkedQueue<>();
    final Collection<Reports.FileReason> passed = new ConcurrentLinkedQueue<>();
    final Collection<Reports.FileReason> failures = new ConcurrentLinkedQueue<>();
    final Collection<Reports.Duplicate> duplicates = new ConcurrentLinkedQueue<>();
    final Collection<Reports.Cut> cuts = new ConcurrentLinkedQueue<>();

    Iterable<Path> walking(FileSet walk) {
      return walk.reporting(skipped::add, (p, why) -> passed.add(new Reports.FileReason(p.toString(), why)));
    }

    void done(Path file, IngestListener.Outcome outcome, String reason) {
      if (outcome == IngestListener.Outcome.FAILED) failures.add(new Reports.FileReason(file.toString(), reason));
      if (reason != null && (outcome == IngestListener.Outcome.ADDED || outcome == IngestListener.Outcome.UPDATED)) {
        cuts.add(new Reports.Cut(file.toString(), reason));
      }
      if (outcome == IngestListener.Outcome.DUPLICATE) duplicates.add(new Reports.Duplicate(file.toString(), reason));
    }
  }

  private void report(PrintWriter out, PrintWriter err, IngestSummary s, Outcomes o, String target) {
    Collection<Reports.FileReason> failures = o.failures, passed = o.passed;
    Collection<Reports.Duplicate> duplicates = o.duplicates;
    Collection<Reports.Cut> cuts = o.cuts;
    Collection<Path> skipped = o.skipped;
    List<Reports.FileReason> notes = skipped.stream().map(p -> new Reports.FileReason(p.toString(),
        "a note or data table (README, SOURCES, LICENSE, COPYING, copyright, .tsv, .csv); name it or use --include")).toList();
    if (json) {
      for (Reports.FileReason f : failures) Output.line(out, new Reports.FailedLine(f));
      for (Reports.Duplicate d : duplicates) Output.line(out, new Reports.DuplicateLine(d));
      for (Reports.Cut c : cuts) Output.line(out, new Reports.CutLine(c));
      for (Reports.FileReason n : notes) Output.line(out, new Reports.SkippedLine(n));
      for (Reports.FileReason n : passed) Output.line(out, new Reports.SkippedLine(n));
      Output.line(out, new Reports.SummaryLine(new Reports.IngestTotals(s.added(), s.updated(), s.unchanged(), s.removed(),
          s.failed(), s.duplicates(), notes.size() + passed.size(), s.interrupted(), s.bytes(), s.millis() / 1000.0,
          round(s.filesPerSecond()), round(s.megabytesPerSecond()))));
    } else {
      for (Reports.FileReason f : failures) err.println("failed: " + f.path() + ": " + f.reason());
      for (Reports.Cut c : cuts) err.println("cut: " + c.path() + ": " + c.note());
      // Always listed: unlike a note, a link or a FIFO left out may be a file the user expects in the index.
      for (Reports.FileReason n : passed) out.println("skipped: " + n.path() + ": " + n.reason());
      if (verbose) {
        for (Reports.Duplicate d : duplicates) out.println("same: " + d.path() + " = " + d.sameAs());
        for (Path p : skipped) out.println("skipped: " + p);
      }
      out.printf(Locale.ROOT, "%d added, %d updated, %d unchanged, %d removed, %d failed in %.1f s (%.0f files/s, %.1f MB/s) -> %s%n",
          s.added(), s.updated(), s.unchanged(), s.removed(), s.failed(), s.millis() / 1000.0, s.filesPerSecond(),
          s.megabytesPerSecond(), target);
      String listed = verbose ? "" : " (--verbose lists them)";
      if (s.duplicates() > 0) {
        out.println(s.duplicates() + (s.duplicates() == 1 ? " file has" : " files have")
            + " the same content as another file and " + (s.duplicates() == 1 ? "was" : "were") + " not indexed again" + listed);
      }
      if (!notes.isEmpty()) {
        out.println("skipped " + notes.size() + (notes.size() == 1 ? " note or data table" : " notes and data tables")
            + " (README, SOURCES, LICENSE, COPYING, copyright, .tsv, .csv); name them or use --include GLOB to ingest them" + listed);
      }
    }
    if (s.interrupted()) {
      err.println("interrupted: " + (s.added() + s.updated()) + " files committed; run the same command to resume");
    }
  }

  private static double round(double v) { return Math.round(v * 10) / 10.0; }
}
