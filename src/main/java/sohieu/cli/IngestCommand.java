package sohieu.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sohieu.index.IndexBusyException;
import sohieu.index.IngestListener;
import sohieu.index.IngestSummary;
import sohieu.index.FileSet;
import sohieu.index.Ingester;

/** Adds files and folders to the index, incrementally by content hash, reporting every failure. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Add files and folders (recursively) to the index. Unchanged files are skipped by content hash, "
        + "changed ones replaced; one bad file never stops the batch.",
    footer = {"", "Exit codes: 0 every file indexed or unchanged, 1 some files failed (listed), 2 usage error.",
        "Examples:", "  scripts/sohieu ingest --exclude SOURCES.md corpus/", "  scripts/sohieu ingest --exclude '*.md' --prune ~/articles/",
        "  find ~/scrapes -name '*.html' | scripts/sohieu ingest -"})
final class IngestCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders; - reads one path per line from standard input.")
  List<String> paths;

  @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip files whose name or relative path matches (repeatable).")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--prune", description = "Also remove documents whose files no longer exist.")
  boolean prune;

  @Option(names = "--threads", paramLabel = "N", description = "Extraction threads (default: all ${DEFAULT-VALUE} cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Give up on a file after this long (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--charset", paramLabel = "NAME", converter = CharsetConverter.class,
      description = "Read text files in this encoding instead of detecting it (e.g. windows-1251, KOI8-R, windows-1250, windows-1258, TCVN3, VISCII, VNI).")
  Charset charset;

  @Option(names = "--json", description = "Print failures and the summary as JSON lines.")
  boolean json;

  /** Hidden: lets the crash tests kill an ingest between frequent commits. */
  @Option(names = "--commit-every", paramLabel = "N", hidden = true, defaultValue = "2000")
  int commitEvery;

  @Mixin
  IndexOption index;

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
    if (timeoutSeconds < 1) throw new Main.UserError("--timeout must be at least 1 second");
    if (threads < 1) throw new Main.UserError("--threads must be at least 1");
    if (Files.exists(index.index) && !Files.isDirectory(index.index)) {
      throw new Main.UserError(index.index + " is a file, not an index folder");
    }
    FileSet files = FileSet.of(roots, excludes);
    ConcurrentLinkedQueue<Map<String, Object>> failures = new ConcurrentLinkedQueue<>();
    IngestSummary summary;
    try (Ingester ingester = Ingester.open(index.index, threads, Duration.ofSeconds(timeoutSeconds), charset);
         Progress progress = Progress.start(files.count())) {
      ingester.commitEvery(commitEvery);
      summary = ingester.ingest(files, prune, (file, outcome, bytes, reason) -> {
        if (outcome == IngestListener.Outcome.FAILED) failures.add(Output.map("path", file.toString(), "reason", reason));
        progress.done(outcome, bytes);
      });
    } catch (IndexBusyException e) {
      throw new Main.UserError(e.getMessage());
    }
    report(summary, failures);
    return summary.failed() == 0 ? Main.FOUND : Main.NOTHING;
  }

  private void report(IngestSummary s, ConcurrentLinkedQueue<Map<String, Object>> failures) throws Exception {
    if (json) {
      for (Map<String, Object> f : failures) System.out.println(Json.MAPPER.writeValueAsString(Output.map("failed", f)));
      System.out.println(Json.MAPPER.writeValueAsString(Output.map("summary", Output.map(
          "added", s.added(), "updated", s.updated(), "unchanged", s.unchanged(), "removed", s.removed(),
          "failed", s.failed(), "bytes", s.bytes(), "seconds", s.millis() / 1000.0,
          "files_per_s", round(s.filesPerSecond()), "mb_per_s", round(s.megabytesPerSecond())))));
      return;
    }
    for (Map<String, Object> f : failures) System.err.println("failed: " + f.get("path") + ": " + f.get("reason"));
    System.out.printf(Locale.ROOT, "%d added, %d updated, %d unchanged, %d removed, %d failed in %.1f s (%.0f files/s, %.1f MB/s) -> %s%n",
        s.added(), s.updated(), s.unchanged(), s.removed(), s.failed(), s.millis() / 1000.0, s.filesPerSecond(),
        s.megabytesPerSecond(), index.index);
  }

  private static double round(double v) { return Math.round(v * 10) / 10.0; }
}
