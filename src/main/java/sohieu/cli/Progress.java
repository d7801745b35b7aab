package sohieu.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import sohieu.index.IngestListener;

/**
 * Ingest progress on standard error: a bar redrawn in place on a terminal, laid out to the terminal's width; a plain
 * line every few seconds when standard error is a file or a pipe (a log, CI, {@code 2>&1 | tee}), where a redrawn bar
 * would be noise and nothing at all looks like a hang.
 */
final class Progress implements AutoCloseable {
  static final Duration PLAIN_EVERY = Duration.ofSeconds(5);
  /** Below this many cells a bar says nothing: the counts and rates keep the room instead. */
  private static final int MIN_BAR = 10;

  private final long total;
  private final long started = System.nanoTime();
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicInteger failed = new AtomicInteger();
  /** Scanned pages read by OCR: a scan takes seconds a page, so the files alone would look stuck. */
  private final AtomicInteger pages = new AtomicInteger();
  private final PrintWriter err;
  private ProgressBar bar;
  private ScheduledExecutorService ticker;

  private Progress(long total, PrintWriter err) {
    this.total = total;
    this.err = err;
  }

  /** The bar when standard error is a terminal, else the plain line on {@code err} every {@link #PLAIN_EVERY}. */
  static Progress start(long total, PrintWriter err) {
    Progress p = new Progress(total, err);
    if (stderrIsTerminal()) {
      p.bar = new ProgressBarBuilder().setTaskName("ingest").setInitialMax(total).setUpdateIntervalMillis(250)
          .setRenderer((state, width) -> p.barLine(width)).build();
    } else {
      p.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ingest-progress");
        t.setDaemon(true);
        return t;
      });
      p.ticker.scheduleAtFixedRate(p::tick, PLAIN_EVERY.toMillis(), PLAIN_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }
    return p;
  }

  /** A progress that prints only when {@link #tick} is called, for tests. */
  static Progress plain(long total, PrintWriter err) {
    return new Progress(total, err);
  }

  void done(IngestListener.Outcome outcome, long size) {
    if (outcome == IngestListener.Outcome.REMOVED) return;
    files.incrementAndGet();
    bytes.addAndGet(size);
    if (outcome == IngestListener.Outcome.FAILED) failed.incrementAndGet();
    if (bar != null) bar.step();
  }

  /** One more scanned page read by OCR. */
  void pageRead() {
    pages.incrementAndGet();
    if (bar != null) bar.refresh();
  }

  /** ", 12 pages by OCR" once OCR has read a page, else "". */
  private String pagesRead() {
    int p = pages.get();
    return p == 0 ? "" : ", " + p + (p == 1 ? " page" : " pages") + " by OCR";
  }

  /** Prints the plain line now. */
  void tick() {
    err.println(plainLine());
    err.flush();
  }

  /** "ingest: 1200 of 1546 files, 14.2 MB, 310 files/s, 3 failed". */
  String plainLine() {
    long n = files.get();
    int f = failed.get();
    return String.format(Locale.ROOT, "ingest: %d of %d files%s, %.1f MB, %.0f files/s%s", n, total, pagesRead(),
        bytes.get() / 1e6, n / seconds(), f == 0 ? "" : ", " + f + " failed");
  }

  /**
   * "ingest  37% [====>      ] 575/1546, 2 failed, 57 files/s, 0.3 MB/s, ETA 0:17" in at most {@code width - 1}
   * columns (the last one would wrap on some terminals; an unknown width counts as 80): the ETA and the rates give
   * way before the bar gets shorter than {@value #MIN_BAR} cells; the counts and failures go last.
   */
  String barLine(int width) {
    long n = files.get();
    int f = failed.get();
    double s = seconds();
    int percent = total == 0 ? 100 : (int) (100 * n / total);
    String head = String.format(Locale.ROOT, "ingest %3d%% ", percent);
    List<String> optional = new ArrayList<>(List.of(
        String.format(Locale.ROOT, "%.0f files/s", n / s),
        String.format(Locale.ROOT, "%.1f MB/s", bytes.get() / 1e6 / s)));
    if (n > 0 && n < total) optional.add("ETA " + clock(Math.round(s / n * (total - n))));
    String counts = " " + n + "/" + total + pagesRead() + (f == 0 ? "" : ", " + f + " failed");
    int room = (width > 0 ? width : 80) - 1;
    while (true) {
      String tail = counts + (optional.isEmpty() ? "" : ", " + String.join(", ", optional));
      int cells = room - head.length() - tail.length() - 2;
      if (cells >= MIN_BAR || optional.isEmpty()) {
        if (cells < MIN_BAR) {
          String bare = head + tail.strip();
          return bare.length() <= room ? bare : bare.substring(0, Math.max(0, room));
        }
        int full = total == 0 ? cells : (int) (cells * n / total);
        String inside = "=".repeat(full) + (full < cells ? ">" + " ".repeat(cells - full - 1) : "");
        return head + "[" + inside + "]" + tail;
      }
      optional.remove(optional.size() - 1);
    }
  }

  private double seconds() {
    return Math.max(1e-3, (System.nanoTime() - started) / 1e9);
  }

  private static String clock(long seconds) {
    return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }

  @Override
  public void close() {
    if (bar != null) bar.close();
    if (ticker != null) ticker.shutdownNow();
  }

  /**
   * Java can tell only whether standard input and output are terminals; on Linux /proc names what standard error
   * is. Elsewhere, a console on both ends stands in for it.
   */
  private static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      Console console = System.console();
      return console != null && console.isTerminal();
    }
  }
}
