package sohieu.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sohieu.Limits;
import sohieu.extract.ExtractedDocument;
import sohieu.extract.ExtractionException;
import sohieu.extract.Extractor;
import sohieu.index.FileSet;
import sohieu.lang.Paragraph;
import sohieu.pipeline.Article;
import sohieu.pipeline.ArticlePipeline;
import sohieu.refs.Citation;
import sohieu.search.Reports;

/**
 * Analyzes one file or standard input without indexing, through the same pipeline as an ingest: paragraphs with their
 * language, citations with offsets, and the directive's own identity.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = "Analyze one file (or - for standard input) without indexing: its paragraphs with their language "
        + "and the citations found, with char offsets into the extracted text.",
    footer = {"", "Examples:", "  scripts/sohieu scan corpus/000_3b03ef79f46259d1.txt",
        "  scripts/sohieu scan corpus/004_5d61ab061fae0b25.txt --json | jq '.citations[].canonical'",
        "  echo 'Chỉ thị số 12-CT/TW ngày 5/1/2022' | scripts/sohieu scan -"})
final class ScanCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE|-", description = "The file to analyze, or - to read standard input.")
  String file;

  @Option(names = "--charset", paramLabel = "NAME", converter = CharsetConverter.class,
      description = "Read a text file in this encoding instead of detecting it (e.g. windows-1251, windows-1258, TCVN3, VISCII, VNI).")
  Charset charset;

  @Mixin
  OutputOptions output;

  @Mixin
  LimitOptions limits;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    limits.check();
    Article article = withinTimeLimit();
    PrintWriter out = spec.commandLine().getOut();
    if (article.cut() != null) spec.commandLine().getErr().println(file + ": " + article.cut());
    if (output.table()) {
      printTable(out, article);
    } else {
      Output.print(out, output, Reports.Scan.of(file, article), article.citations());
    }
    out.flush();
    return article.citations().isEmpty() ? Main.NOTHING : Main.FOUND;
  }

  /**
   * The scan on a thread of its own, given up after {@code --timeout} like a file in an ingest, so that a parser
   * that hangs or a file that floods memory ends in one line naming the file rather than a hang or a trace.
   */
  private Article withinTimeLimit() throws Exception {
    // Each scanned page read moves the deadline on by the page's own limit, as in an ingest.
    AtomicLong deadline = new AtomicLong(System.nanoTime() + TimeUnit.SECONDS.toNanos(limits.timeoutSeconds));
    FutureTask<Article> task = new FutureTask<>(() -> scan(
        (done, pages) -> deadline.addAndGet(TimeUnit.SECONDS.toNanos(limits.ocrPageSeconds))));
    Thread.ofPlatform().daemon().name("scan").start(task);
    try {
      while (true) {
        long left = deadline.get() - System.nanoTime();
        if (left <= 0) throw new TimeoutException();
        try {
          return task.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          if (deadline.get() - System.nanoTime() <= 0) throw e;
        }
      }
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new Main.UserError(file + ": timed out after " + limits.timeoutSeconds + " s (" + Limits.TIMEOUT_OPTION
          + " allows longer)");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof OutOfMemoryError) {
        throw new Main.UserError(file + ": too large to extract in the available memory (" + Limits.TEXT_CHARS_OPTION
            + " and " + Limits.FILE_MB_OPTION + " refuse such files sooner)");
      }
      if (e.getCause() instanceof StackOverflowError) {
        throw new Main.UserError(file + ": nested too deeply to analyze (a structure the parser follows level by level)");
      }
      if (e.getCause() instanceof Exception cause) throw cause;
      if (e.getCause() instanceof Error cause) throw cause;
      throw e;
    }
  }

  /** The file (or standard input) through the same pipeline as an ingest, with the same limits. */
  private Article scan(Extractor.PageListener pages) throws Exception {
    ArticlePipeline pipeline = new ArticlePipeline(charset, limits.maxMegabytes, limits.maxChars, limits.maxCitations,
        limits.ocrPages, limits.ocrPageSeconds);
    try {
      if (file.equals("-")) {
        try (InputStream in = System.in) {
          return pipeline.read(in, "stdin", pages);
        }
      }
      Path path = Path.of(file);
      String notRegular = FileSet.notRegular(path);
      if ("a folder".equals(notRegular)) throw new Main.UserError(file + ": a folder (scan reads one file; ingest reads folders)");
      if (notRegular != null) throw new Main.UserError(file + ": " + notRegular + "; pipe it to 'scan -' to read it");
      if (!Files.exists(path)) throw new Main.UserError(file + ": no such file");
      if (!Files.isReadable(path)) throw new Main.UserError(file + ": permission denied");
      return pipeline.read(path, file, pages);
    } catch (ExtractionException e) {
      throw new Main.UserError(file + ": " + e.getMessage());
    }
  }

  private void printTable(PrintWriter out, Article article) {
    ExtractedDocument doc = article.document();
    Style style = new Style(output.colorOn());
    out.println(style.bold(doc.title() == null ? file : doc.title()));
    out.println(style.dim(String.join(" · ", Output.nonNull(doc.outlet(), doc.published(), doc.sourceUrl(),
        doc.contentType()))));
    for (ExtractedDocument.ScannedPage s : doc.scanned()) {
      out.println(style.dim(String.format(Locale.ROOT, "page %d read by OCR: %s, %s (%d reading%s, %.1f s)", s.page(),
          s.lang(), s.models(), s.passes(), s.passes() == 1 ? "" : "s", s.millis() / 1000.0)));
    }
    out.println();
    Table ps = new Table("LANG", "FROM", "START", "END", "PARAGRAPH");
    for (Paragraph p : article.paragraphs()) {
      ps.row(p.lang(), p.ocr() ? "ocr" : "text", p.start(), p.end(), Output.clip(doc.text().substring(p.start(), p.end()), 70));
    }
    ps.print(out, style);
    out.println();
    if (article.citations().isEmpty()) {
      out.println("no citations");
      return;
    }
    Table cs = new Table("CANONICAL", "KIND", "TYPE", "ISSUER", "ISSUED", "START", "END", "RAW");
    for (Citation c : article.citations()) cs.row(style.accent(c.canonical()), c.kind().name().toLowerCase(Locale.ROOT), c.type(), c.issuer(),
        c.issued(), c.start(), c.end(), c.raw().replace('\n', ' '));
    cs.print(out, style);
  }
}
