package sohieu.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohieu.cli.Main;

/** Files that must fail with a one-line reason while the rest of the batch is indexed. */
class IngestFaultsTest {
  @TempDir Path tmp;

  private record Run(IngestSummary summary, Map<String, String> failures) {}

  private Path corpusCopy() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("docs"));
    for (Path seed : FileSet.of(List.of(Path.of("corpus")), List.of("*.md"))) {
      Files.copy(seed, dir.resolve(seed.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    return dir;
  }

  private static Run ingest(Ingester ingester, Path docs) throws Exception {
    Map<String, String> failures = new ConcurrentHashMap<>();
    IngestSummary summary = ingester.ingest(FileSet.of(List.of(docs), List.of()), false, (file, outcome, bytes, reason) -> {
      if (outcome == IngestListener.Outcome.FAILED) failures.put(file.getFileName().toString(), reason);
    });
    return new Run(summary, failures);
  }

  @Test
  void corruptEncryptedEmptyJunkHugeAndBombFilesFailWithAReasonWhileGoodFilesAreAdded() throws Exception {
    Path docs = corpusCopy(), index = tmp.resolve("index");
    Files.write(docs.resolve("corrupt.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer".getBytes());
    encryptedPdf(docs.resolve("encrypted.pdf"));
    Files.createFile(docs.resolve("empty.html"));
    byte[] junk = new byte[1 << 16];
    new Random(5).nextBytes(junk);
    Files.write(docs.resolve("junk.txt"), junk);
    Files.write(docs.resolve("junk.doc"), junk);
    try (RandomAccessFile big = new RandomAccessFile(docs.resolve("big.html").toFile(), "rw")) {
      big.setLength(100L << 20); // sparse: costs no disk and no time
    }
    zipBomb(docs.resolve("bomb.docx"), "word/document.xml",
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>",
        "</w:t></w:r></w:p></w:body></w:document>");
    zipBomb(docs.resolve("bomb.odt"), "content.xml",
        "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
            + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text><text:p>",
        "</text:p></office:text></office:body></office:document-content>");

    Run run;
    try (Ingester ingester = Ingester.open(index, 2, Duration.ofSeconds(60))) {
      run = ingest(ingester, docs);
    }
    assertEquals(5, run.summary.added(), run.failures.toString());
    assertEquals(8, run.summary.failed(), run.failures.toString());
    Map<String, String> expected = Map.of(
        "corrupt.pdf", "cannot parse",
        "encrypted.pdf", "encrypted",
        "empty.html", "empty file",
        "junk.txt", "binary data",
        "junk.doc", "cannot parse",
        "big.html", "too large: 100 MB",
        "bomb.docx", "(?i)zip bomb",
        "bomb.odt", "(?i)zip bomb|million characters");
    expected.forEach((file, reason) -> {
      String actual = run.failures.get(file);
      assertTrue(actual != null && Pattern.compile(reason).matcher(actual).find(), file + ": " + actual);
      assertFalse(actual.contains("\n"), actual);
    });
    assertEquals(5, numDocs(index));
  }

  @Test
  void aParserThatHangsIsAbandonedAtTheTimeLimitAndNeverIndexed() throws Exception {
    Path docs = corpusCopy(), index = tmp.resolve("index");
    CountDownLatch release = new CountDownLatch(1);
    try (Ingester ingester = Ingester.open(index, 2, Duration.ofSeconds(60))) {
      // Loads the parsers and language models first, so that the short limit below is only the hanging file's.
      assertEquals(5, ingest(ingester, docs).summary.added());
    }
    Files.writeString(docs.resolve("hang.txt"), "Chỉ thị số 05-CT/TW được quán triệt.\n");
    Files.writeString(docs.resolve("fresh.txt"), "Nghị quyết số 57-NQ/TW được triển khai.\n");
    Run run;
    try (Ingester ingester = Ingester.open(index, 2, Duration.ofSeconds(2))) {
      ingester.wrapExtraction(real -> (file, pages) -> {
        if (!file.getFileName().toString().equals("hang.txt")) return real.extract(file, pages);
        // A parser stuck in a loop that ignores interruption, like a real one would.
        while (release.getCount() > 0) {
          try {
            release.await();
          } catch (InterruptedException ignored) {
            // keeps hanging
          }
        }
        return real.extract(file, pages);
      });
      run = ingest(ingester, docs);
      release.countDown();
    }
    assertEquals(1, run.summary.added(), run.failures.toString());
    assertEquals(5, run.summary.unchanged());
    assertEquals(Map.of("hang.txt", "timed out after 2 s (the parser did not finish; --timeout allows longer)"), run.failures);
    Thread.sleep(200); // lets the released task run to its end, where it must not index the file
    assertEquals(6, numDocs(index));
  }

  @Test
  void aStalePidFileFromAKilledIngestDoesNotBlockTheNextOne() throws Exception {
    Path index = Files.createDirectories(tmp.resolve("index"));
    Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    gone.waitFor();
    Files.writeString(index.resolve("ingest.pid"), Long.toString(gone.pid()));
    try (Ingester ingester = Ingester.open(index, 1, Duration.ofSeconds(60))) {
      assertEquals(Long.toString(ProcessHandle.current().pid()), Files.readString(index.resolve("ingest.pid")));
    }
    assertFalse(Files.exists(index.resolve("ingest.pid")));
  }

  @Test
  void checkReportsAMissingEmptyBusyAndHealthyIndexInOneLine() throws Exception {
    Path missing = tmp.resolve("missing"), empty = Files.createDirectories(tmp.resolve("empty"));
    assertEquals(new Cli(2, "", "sohieu check: no index at " + missing), cli("check", "--index", missing.toString()));
    assertEquals(new Cli(2, "", "sohieu check: no index at " + empty), cli("check", "--index", empty.toString()));
    assertEquals(0, Files.list(empty).count(), "check must not create files in an empty folder");
    Path docs = corpusCopy(), index = tmp.resolve("index");
    try (Ingester ingester = Ingester.open(index, 2, Duration.ofSeconds(60))) {
      ingest(ingester, docs);
      assertEquals(new Cli(2, "", "sohieu check: index is being written by another ingest (pid "
          + ProcessHandle.current().pid() + "); check it when that ends"), cli("check", "--index", index.toString()));
    }
    Cli ok = cli("check", "--index", index.toString());
    assertEquals(0, ok.code, ok.toString());
    assertTrue(ok.out.matches("ok: 5 documents in \\d+ segments, .*"), ok.out);
  }

  record Cli(int code, String out, String err) {}

  /** Runs the command line in this JVM, capturing its output (tests in this class run one at a time). */
  static synchronized Cli cli(String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Cli(code, out.toString().strip(), err.toString().strip());
  }

  static int numDocs(Path index) throws Exception {
    try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      return reader.numDocs();
    }
  }

  private static void encryptedPdf(Path file) throws Exception {
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        text.newLineAtOffset(72, 700);
        text.showText("Resolution 57-NQ/TW on science and technology");
        text.endText();
      }
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner secret", "user secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      pdf.protect(policy);
      pdf.save(file.toFile());
    }
  }

  /**
   * A 30 kB zip whose main XML part inflates to 30 MB of one letter: enough to trip Tika's ratio check and the
   * text limit, small enough to keep the test quick (real bombs are bigger; see the report on memory).
   */
  private static void zipBomb(Path file, String entry, String head, String tail) throws Exception {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      if (entry.equals("content.xml")) {
        zip.putNextEntry(new ZipEntry("mimetype"));
        zip.write("application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
      } else {
        zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
        zip.write(("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
            + "wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
        zip.putNextEntry(new ZipEntry("_rels/.rels"));
        zip.write(("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            + "officeDocument\" Target=\"word/document.xml\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
      }
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(head.getBytes(StandardCharsets.UTF_8));
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) 'a');
      OutputStream out = zip;
      for (int i = 0; i < 30; i++) out.write(chunk);
      zip.write(tail.getBytes(StandardCharsets.UTF_8));
    }
  }
}
