package sohieu.cli;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sohieu.Limits;
import sohieu.extract.ExtractedDocument;
import sohieu.index.FileSet;
import sohieu.extract.ExtractionException;
import sohieu.extract.Extractor;
import sohieu.lang.Paragraph;
import sohieu.lang.ParagraphSegmenter;
import sohieu.refs.Citation;
import sohieu.refs.CitationRecognizer;
import sohieu.refs.DocumentIdentity;

/** Analyzes one file or standard input without indexing: paragraphs with their language, citations with offsets. */
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

  /** What the scan found; {@code cut} says what the citation limit left out, or is null. */
  private record Scanned(ExtractedDocument doc, List<Paragraph> paragraphs, List<Citation> citations, String cut,
                         DocumentIdentity identity) {}

  @Override
  public Integer call() throws Exception {
    limits.check();
    Scanned scanned = withinTimeLimit();
    ExtractedDocument doc = scanned.doc();
    String text = doc.text();
    List<Paragraph> paragraphs = scanned.paragraphs();
    List<Citation> citations = scanned.citations();
    if (scanned.cut() != null) System.err.println(file + ": " + scanned.cut());
    if (output.table()) {
      printTable(doc, paragraphs, citations);
    } else {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("file", file);
      out.put("title", doc.title());
      out.put("published", doc.published());
      out.put("outlet", doc.outlet());
      out.put("url", doc.sourceUrl());
      out.put("content_type", doc.contentType());
      out.put("text", text);
      out.put("paragraphs", paragraphs);
      out.put("citations", citations);
      out.put("identity", scanned.identity());
      out.put("cut", scanned.cut());
      Output.print(output, out, "citations", citations);
    }
    return citations.isEmpty() ? Main.NOTHING : Main.FOUND;
  }

  /**
   * The scan on a thread of its own, given up after {@code --timeout} like a file in an ingest, so that a parser
   * that hangs or a file that floods memory ends in one line naming the file rather than a hang or a trace.
   */
  private Scanned withinTimeLimit() throws Exception {
    FutureTask<Scanned> task = new FutureTask<>(this::scan);
    Thread.ofPlatform().daemon().name("scan").start(task);
    try {
      return task.get(limits.timeoutSeconds, TimeUnit.SECONDS);
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

  private Scanned scan() throws Exception {
    ExtractedDocument doc = extract();
    String text = doc.text();
    List<Paragraph> paragraphs = ParagraphSegmenter.standard().segment(text);
    CitationRecognizer recognizer = CitationRecognizer.standard();
    // One past the limit tells whether the limit cut anything.
    List<Citation> citations = recognizer.scan(text, (int) Math.min(Integer.MAX_VALUE, limits.maxCitations + 1L));
    String cut = null;
    if (citations.size() > limits.maxCitations) {
      citations = citations.subList(0, limits.maxCitations);
      cut = Limits.citationsCut(limits.maxCitations);
    }
    return new Scanned(doc, paragraphs, citations, cut, recognizer.identify(text).orElse(null));
  }

  private ExtractedDocument extract() throws Exception {
    Extractor extractor = new Extractor(charset, limits.maxMegabytes, limits.maxChars);
    try {
      if (file.equals("-")) {
        try (InputStream in = System.in) {
          return extractor.extract(in, "stdin");
        }
      }
      Path path = Path.of(file);
      String notRegular = FileSet.notRegular(path);
      if ("a folder".equals(notRegular)) throw new Main.UserError(file + ": a folder (scan reads one file; ingest reads folders)");
      if (notRegular != null) throw new Main.UserError(file + ": " + notRegular + "; pipe it to 'scan -' to read it");
      if (!Files.exists(path)) throw new Main.UserError(file + ": no such file");
      if (!Files.isReadable(path)) throw new Main.UserError(file + ": permission denied");
      return extractor.extract(path);
    } catch (ExtractionException e) {
      throw new Main.UserError(file + ": " + e.getMessage());
    }
  }

  private void printTable(ExtractedDocument doc, List<Paragraph> paragraphs, List<Citation> citations) {
    Style style = new Style(output.colorOn());
    System.out.println(style.bold(doc.title() == null ? file : doc.title()));
    System.out.println(style.dim(String.join(" · ", Output.nonNull(doc.outlet(), doc.published(), doc.sourceUrl(),
        doc.contentType()))));
    System.out.println();
    Table ps = new Table("LANG", "START", "END", "PARAGRAPH");
    for (Paragraph p : paragraphs) ps.row(p.lang(), p.start(), p.end(), Output.clip(doc.text().substring(p.start(), p.end()), 70));
    ps.print(System.out, style);
    System.out.println();
    if (citations.isEmpty()) {
      System.out.println("no citations");
      return;
    }
    Table cs = new Table("CANONICAL", "KIND", "TYPE", "ISSUER", "ISSUED", "START", "END", "RAW");
    for (Citation c : citations) cs.row(style.accent(c.canonical()), c.kind().name().toLowerCase(Locale.ROOT), c.type(), c.issuer(),
        c.issued(), c.start(), c.end(), c.raw().replace('\n', ' '));
    cs.print(System.out, style);
  }
}
