package sohieu.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The size and text limits hold while a file is read, on files that would otherwise flood memory. */
public class ExtractionLimitsTest {
  @TempDir Path tmp;

  static final String PARAGRAPH = "Theo Chỉ thị số 12-CT/TW ngày 5/1/2022 của Ban Bí thư, các cấp ủy cần quán triệt.";

  /**
   * A DOCX of {@code paragraphs} paragraphs; with {@code broken}, its document.xml stops in the middle of an
   * element after them, so that only a parser that reads as it goes gets that far without an error.
   */
  public static Path docx(Path file, int paragraphs, boolean broken) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
          + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
          .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("_rels/.rels"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
          + "Target=\"word/document.xml\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      Writer w = new OutputStreamWriter(unclosed(zip), StandardCharsets.UTF_8);
      w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
          + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
      for (int i = 0; i < paragraphs; i++) w.write("<w:p><w:r><w:t>" + PARAGRAPH + "</w:t></w:r></w:p>");
      w.write(broken ? "<w:p><w:r><w:t" : "</w:body></w:document>");
      w.flush();
      zip.closeEntry();
    }
    return file;
  }

  private static OutputStream unclosed(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

      @Override
      public void close() {}
    };
  }

  @Test
  void aDocxUnderTheLimitIsRead() throws Exception {
    ExtractedDocument doc = new Extractor(null, 64, 100_000).extract(docx(tmp.resolve("ok.docx"), 100, false));
    assertTrue(doc.text().startsWith(PARAGRAPH), doc.text().substring(0, 200));
    assertEquals(100 * PARAGRAPH.length(), doc.text().replace("\n", "").length());
  }

  @Test
  void aDocxBombIsStoppedWhileItIsParsed() throws Exception {
    // 100,000 paragraphs inflate to 8 million characters from a file of some tens of KB.
    Path bomb = docx(tmp.resolve("bomb.docx"), 100_000, true);
    assertTrue(Files.size(bomb) < 1_000_000, Files.size(bomb) + " bytes");
    ExtractionException e = assertThrows(ExtractionException.class, () -> new Extractor(null, 64, 100_000).extract(bomb));
    // Not "cannot parse": the limit stopped the parser long before it reached the broken end of the XML.
    assertEquals("too much text: more than 100,000 characters (--max-chars raises the limit)", e.getMessage());
  }

  @Test
  void aBigTextFileIsRefusedAtTheLimit() throws Exception {
    Path big = tmp.resolve("big.txt");
    Files.writeString(big, (PARAGRAPH + "\n").repeat(5_000));
    Extractor limited = new Extractor(null, 64, 100_000);
    ExtractionException e = assertThrows(ExtractionException.class, () -> limited.extract(big));
    assertEquals("too much text: more than 100,000 characters (--max-chars raises the limit)", e.getMessage());
    // Exactly at the limit, with a byte-order mark before it, the file is read.
    Path full = tmp.resolve("full.txt");
    String text = "x".repeat(99_999) + "\n";
    Files.writeString(full, "\uFEFF" + text);
    assertEquals(text.strip(), limited.extract(full).text().strip());
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws Exception {
    Path big = tmp.resolve("big.txt");
    Files.writeString(big, (PARAGRAPH + "\n").repeat(20_000));
    ExtractionException e = assertThrows(ExtractionException.class, () -> new Extractor(null, 1, 100_000_000).extract(big));
    assertEquals("too large: 1 MB (the limit is 1 MB; --max-size raises it)", e.getMessage());
  }
}
