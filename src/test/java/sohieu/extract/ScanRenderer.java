package sohieu.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Makes scanned pages for tests and benches: real text rendered to a picture by Debian's ImageMagick at a given
 * resolution, in a font with every Vietnamese letter, with noise and a slight skew, as a scanner or a phone leaves it.
 * Debian's own binary is used ({@code /usr/bin/convert} or {@code /usr/bin/magick}), never another program of the
 * same name earlier on the PATH.
 */
public final class ScanRenderer {
  private static final List<Path> IMAGEMAGICK = List.of(Path.of("/usr/bin/magick"), Path.of("/usr/bin/convert"));
  private static final List<Path> FONTS = List.of(Path.of("/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf"),
      Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"), Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));

  private final Path convert;
  private final Path font;

  private ScanRenderer(Path convert, Path font) {
    this.convert = convert;
    this.font = font;
  }

  /** The renderer, or null with {@link #missing()} saying why. */
  public static ScanRenderer find() {
    Path convert = IMAGEMAGICK.stream().filter(Files::isExecutable).findFirst().orElse(null);
    Path font = FONTS.stream().filter(Files::isReadable).findFirst().orElse(null);
    return convert == null || font == null ? null : new ScanRenderer(convert, font);
  }

  /** Why {@link #find()} found nothing, for a skipped test's message. */
  public static String missing() {
    return "Debian's ImageMagick (/usr/bin/convert, package imagemagick) and a font with Vietnamese letters "
        + "(fonts-noto-core or fonts-dejavu-core) are needed to render scanned pages";
  }

  /** Whether Tesseract and its five models are installed, as ingest needs them. */
  public static boolean tesseract() { return new Ocr(60).available(); }

  /**
   * Renders {@code text} as a page {@code dpi} dots per inch wide as A4 (11-point type), with Gaussian noise and a
   * skew of {@code degrees}, to a grey PNG at {@code out}; the noise is seeded, so a page is the same every run.
   */
  public Path render(String text, Path out, int dpi, double degrees) throws IOException, InterruptedException {
    return render(new Sample("", "", "", "", text), out, dpi, degrees);
  }

  /**
   * Renders a sample as {@link #render(String, Path, int, double)} does, its letterhead (when it has one) in two
   * columns over the body, as a directive's first page lays it out.
   */
  public Path render(Sample sample, Path out, int dpi, double degrees) throws IOException, InterruptedException {
    int width = (int) Math.round(7.5 * dpi); // A4's 8.27 inches less the margins
    List<String> cmd = new ArrayList<>(List.of(convert.toString(), "-seed", "18", "-density", String.valueOf(dpi),
        "-units", "PixelsPerInch", "-font", font.toString(), "-pointsize", "11", "-gravity", "NorthWest"));
    if (!sample.left().isEmpty()) {
      cmd.addAll(List.of("(", "-size", (width * 9 / 20) + "x", "-gravity", "North", caption(sample.left()),
          "-size", (width / 10) + "x1", "xc:white", "-size", (width * 9 / 20) + "x", caption(sample.right()),
          "-background", "white", "+append", ")", "-gravity", "NorthWest", "-size", width + "x" + (dpi / 3), "xc:white",
          "-size", width + "x", caption(sample.body()), "-background", "white", "-append", "+repage"));
    } else {
      cmd.addAll(List.of("-size", width + "x", caption(sample.body())));
    }
    cmd.addAll(List.of("-bordercolor", "white", "-border", String.valueOf(dpi / 3), "-attenuate", "0.3", "+noise", "Gaussian",
        "-background", "white", "-rotate", String.format(Locale.ROOT, "%.2f", degrees), "-flatten",
        "-colorspace", "Gray", "-depth", "8", out.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(out)) {
      throw new IOException("ImageMagick could not render " + out + ": " + said.strip());
    }
    return out;
  }

  /**
   * A PDF of two pages: the first with {@code typed} in its text layer, the second the scanned picture {@code scan}
   * alone (no text layer), placed at {@code dpi} as a scanner's PDF holds it.
   */
  public static Path pdf(Path out, String typed, Path scan, int dpi) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage first = new PDPage(PDRectangle.A4);
      doc.addPage(first);
      try (PDPageContentStream content = new PDPageContentStream(doc, first)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        content.newLineAtOffset(50, 780);
        content.showText(typed);
        content.endText();
      }
      PDPage second = new PDPage(PDRectangle.A4);
      doc.addPage(second);
      PDImageXObject image = PDImageXObject.createFromFile(scan.toString(), doc);
      float w = image.getWidth() * 72f / dpi, h = image.getHeight() * 72f / dpi;
      try (PDPageContentStream content = new PDPageContentStream(doc, second)) {
        content.drawImage(image, 0, PDRectangle.A4.getHeight() - h, w, h);
      }
      doc.save(out.toFile());
    }
    return out;
  }

  /** ImageMagick's caption of a text: it reads % as an escape and a leading @ as a file name. */
  private static String caption(String text) {
    return "caption:" + (text.startsWith("@") ? " " : "") + text.replace("%", "%%");
  }

  /**
   * A sample page: its language, the file it is named after, its letterhead's two columns (empty when it has none)
   * and its body.
   */
  public record Sample(String lang, String name, String left, String right, String body) {
    public Sample(String lang, String name, String body) { this(lang, name, "", "", body); }

    /** The page's text as typed: the letterhead's columns, then the body. */
    public String text() { return left.isEmpty() ? body : left + "\n" + right + "\n" + body; }
  }

  /**
   * Four pages of real text with citations from the project's {@code corpus/}: a Vietnamese directive's letterhead
   * (57-NQ/TW's, as its heading and first lines state it) over Vietnamese paragraphs, and a Russian, a French and a
   * Polish paragraph, each chosen by the citation it holds.
   */
  public static List<Sample> samples(Path corpus) throws IOException {
    String nq57 = paragraph(corpus.resolve("NQ57-NQ-TW_toan_van.md"), "ký ban hành Nghị quyết số 57-NQ/TW")
        .replace("**", "");
    String body = "NGHỊ QUYẾT\nvề đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia\n"
        + nq57 + "\n" + paragraph(corpus.resolve("000_3b03ef79f46259d1.txt"), "43- KL/TW");
    return List.of(
        new Sample("vi", "nq57-letterhead", "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 57-NQ/TW",
            "ĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 22 tháng 12 năm 2024", body),
        new Sample("ru", "001-ru", paragraph(corpus.resolve("001_95bb9a9cfe72fd45.txt"), "210-KH/TU")),
        new Sample("fr", "003-fr", paragraph(corpus.resolve("003_9c870309ebbbcf83.txt"), "décision n° 209")),
        new Sample("pl", "004-pl", paragraph(corpus.resolve("004_5d61ab061fae0b25.txt"), "16-QD/TW")));
  }

  /** The first line of {@code file} that holds {@code marker}. */
  public static String paragraph(Path file, String marker) throws IOException {
    return Files.readAllLines(file).stream().filter(l -> l.contains(marker)).findFirst()
        .orElseThrow(() -> new IOException(file + " has no line with " + marker)).strip();
  }
}
