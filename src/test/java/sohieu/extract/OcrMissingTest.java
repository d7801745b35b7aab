package sohieu.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sohieu.Limits;

/** A machine without Tesseract: scans fail alone, each with one line that says why; text still reads. */
final class OcrMissingTest {
  @TempDir Path tmp;

  private static Extractor withoutTesseract() {
    Ocr none = new Ocr(10, "/nonexistent-tesseract-folder/");
    assertFalse(none.available());
    return new Extractor(null, Limits.FILE_MB, Limits.TEXT_CHARS).withOcr(none);
  }

  @Test
  void anImageFailsNamingTheMissingTesseract() throws Exception {
    Path png = tmp.resolve("page.png");
    ImageIO.write(new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());
    ExtractionException e = assertThrows(ExtractionException.class, () -> withoutTesseract().extract(png));
    assertEquals(Ocr.MISSING, e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"png", "jpeg", "tiff"})
  void aPictureUnderAnotherNameIsKnownByItsBytes(String format) throws Exception {
    Path picture = tmp.resolve("upload");
    BufferedImage rgb = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
    assertTrue(ImageIO.write(rgb, format, picture.toFile()), format);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(picture))) {
      ExtractionException e = assertThrows(ExtractionException.class, () -> withoutTesseract().extract(in, "upload"));
      assertEquals(Ocr.MISSING, e.getMessage(), format);
    }
  }

  @Test
  void textUnderAnotherNameIsNoPicture() throws Exception {
    byte[] html = "<html><head><title>Nghị quyết</title></head><body><p>Nghị quyết số 25-NQ/TW</p></body></html>"
        .getBytes(StandardCharsets.UTF_8);
    ExtractedDocument doc = withoutTesseract().extract(new BufferedInputStream(new ByteArrayInputStream(html)), "upload");
    assertTrue(doc.text().contains("25-NQ/TW"), doc.text());
  }

  @Test
  void aPdfWithoutTextFailsAndOneWithTextKeepsIt() throws Exception {
    Path png = tmp.resolve("blank.png");
    BufferedImage white = new BufferedImage(400, 200, BufferedImage.TYPE_BYTE_GRAY);
    ImageIO.write(white, "png", png.toFile());
    Path mixed = ScanRenderer.pdf(tmp.resolve("mixed.pdf"), "la decision n° 209 du 26 novembre 2019 du Politburo", png, 300);
    ExtractedDocument doc = withoutTesseract().extract(mixed);
    assertTrue(doc.text().contains("la decision n° 209 du 26 novembre 2019 du Politburo"), doc.text());
    assertTrue(doc.scanned().isEmpty());

    Path scanOnly = tmp.resolve("scan.pdf");
    try (var pdf = org.apache.pdfbox.Loader.loadPDF(mixed.toFile())) {
      pdf.removePage(0);
      pdf.save(scanOnly.toFile());
    }
    ExtractionException e = assertThrows(ExtractionException.class, () -> withoutTesseract().extract(scanOnly));
    assertEquals(Ocr.MISSING, e.getMessage());
    assertTrue(Files.size(scanOnly) > 0);
  }

  @Test
  void noPageLimitReadsNoImage() throws Exception {
    Path png = tmp.resolve("page.png");
    ImageIO.write(new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());
    Extractor none = new Extractor(null, Limits.FILE_MB, Limits.TEXT_CHARS, 0, 10);
    ExtractionException e = assertThrows(ExtractionException.class, () -> none.extract(png));
    assertEquals("a scan, and --ocr-pages 0 reads no page of one", e.getMessage());
  }
}
