package sohieu.extract;

import com.ibm.icu.text.Normalizer2;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import java.util.Set;
import org.apache.tika.detect.CompositeDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.detect.MagicDetector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.html.IdentityHtmlMapper;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import sohieu.Limits;
import org.xml.sax.SAXException;

/** Extracts an article's text and metadata from any file Tika can parse; thread-safe. */
public final class Extractor {
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  private static final Set<String> PLAIN_TEXT = Set.of("txt", "text");
  private static final Set<String> MARKDOWN = Set.of("md", "markdown");
  private static final Set<String> HTML = Set.of("html", "htm", "xhtml", "shtml");
  /** Pictures of pages: what Tesseract reads (a TIFF of several pages is read whole, as one). */
  private static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "tif", "tiff");
  /** A PDF page is rendered at this resolution for OCR: Tesseract reads body text best at 300 dpi. */
  private static final int RENDER_DPI = 300;
  /** A PDF page with fewer letters than this in its text layer is a scan (a page number or a stamp is not text). */
  private static final int SCAN_LETTERS = 20;
  /**
   * DOCX and PPTX read as a stream of events, not loaded whole: a small file can inflate to gigabytes of XML, which
   * only a streaming read can stop at the text limit before it fills memory.
   */
  private static final OfficeParserConfig OFFICE = new OfficeParserConfig();

  /**
   * Tika's parsers would run Tesseract on their own on every picture inside a document and on PDF pages, with one
   * model for all: scans are read here instead, page by page with the page's model ({@link Ocr}), and pictures
   * inside an article (photos, logos) are not read at all.
   */
  private static final TesseractOCRConfig NO_TIKA_OCR = new TesseractOCRConfig();
  private static final PDFParserConfig PDF = new PDFParserConfig();

  static {
    OFFICE.setUseSAXDocxExtractor(true);
    OFFICE.setUseSAXPptxExtractor(true);
    NO_TIKA_OCR.setSkipOcr(true);
    PDF.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
  }

  /**
   * The pictures Tesseract reads, known by their first bytes (the magic of Tika's own type table). Tika's full
   * detector would try every type it knows, parsing XML roots and lower-casing HTML for each: a sixth of an ingest's
   * CPU on generated HTML, for files that are almost never pictures.
   */
  private static final Detector PICTURES = new CompositeDetector(
      new MagicDetector(MediaType.image("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
      new MagicDetector(MediaType.image("jpeg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}),
      new MagicDetector(MediaType.image("tiff"), new byte[] {'I', 'I', '*', 0}),
      new MagicDetector(MediaType.image("tiff"), new byte[] {'M', 'M', 0, '*'}));

  private final Parser parser = new AutoDetectParser();
  private final Parser htmlParser = new JSoupParser();
  private final EncodingDetector encodingDetector;
  private final int maxMegabytes;
  private final int maxChars;
  private final int ocrPages;
  private final int ocrPageSeconds;
  /** Made on the first scan: looking for Tesseract starts a process, which files with text never need. */
  private volatile Ocr ocr;

  /** An extractor that detects each text file's encoding. */
  public Extractor() { this(null); }

  /** An extractor that reads text files in {@code charset}, or detects it when null. */
  public Extractor(Charset charset) { this(charset, Limits.FILE_MB, Limits.TEXT_CHARS); }

  /** As {@link #Extractor(Charset)}, refusing files over {@code maxMegabytes} and texts over {@code maxChars}. */
  public Extractor(Charset charset, int maxMegabytes, int maxChars) {
    this(charset, maxMegabytes, maxChars, Limits.OCR_PAGES, Limits.OCR_PAGE_SECONDS);
  }

  /** As {@link #Extractor(Charset, int, int)}, reading at most {@code ocrPages} scanned pages a file, each within {@code ocrPageSeconds}. */
  public Extractor(Charset charset, int maxMegabytes, int maxChars, int ocrPages, int ocrPageSeconds) {
    this.encodingDetector = new TextEncodingDetector(charset);
    this.maxMegabytes = maxMegabytes;
    this.maxChars = maxChars;
    this.ocrPages = ocrPages;
    this.ocrPageSeconds = ocrPageSeconds;
  }

  /** Hears of each scanned page as OCR finishes it (from the extracting thread). */
  @FunctionalInterface
  public interface PageListener {
    /** Page {@code done} of the {@code pages} this file's OCR reads. */
    void pageRead(int done, int pages);

    PageListener NONE = (done, pages) -> {};
  }

  /** This extractor reading scans with {@code ocr}, for tests of a machine without Tesseract. */
  Extractor withOcr(Ocr ocr) {
    this.ocr = ocr;
    return this;
  }

  private Ocr ocr() {
    Ocr o = ocr;
    if (o == null) ocr = o = new Ocr(ocrPageSeconds);
    return o;
  }

  /** Why a file of {@code bytes} is refused for its size, or null when it is not too large. */
  public String tooLarge(long bytes) {
    if (bytes <= ((long) maxMegabytes << 20)) return null;
    return "too large: " + (bytes >> 20) + " MB (the limit is " + maxMegabytes + " MB; " + Limits.FILE_MB_OPTION + " raises it)";
  }

  private ExtractionException tooMuchText() {
    return new ExtractionException("too much text: more than " + String.format(Locale.ROOT, "%,d", maxChars)
        + " characters (" + Limits.TEXT_CHARS_OPTION + " raises the limit)");
  }

  public ExtractedDocument extract(Path file) throws ExtractionException { return extract(file, PageListener.NONE); }

  /** As {@link #extract(Path)}, telling {@code pages} of each scanned page read. */
  public ExtractedDocument extract(Path file, PageListener pages) throws ExtractionException {
    try {
      String refused = tooLarge(Files.size(file));
      if (refused != null) throw new ExtractionException(refused);
    } catch (IOException e) {
      throw new ExtractionException("cannot read: " + oneLine(e), e);
    }
    try (InputStream in = TikaInputStream.get(file)) {
      return extract(in, file.getFileName().toString(), pages);
    } catch (IOException e) {
      throw new ExtractionException("cannot read: " + oneLine(e), e);
    }
  }

  public ExtractedDocument extract(InputStream in, String name) throws ExtractionException {
    return extract(in, name, PageListener.NONE);
  }

  /** As {@link #extract(InputStream, String)}, telling {@code pages} of each scanned page read. */
  public ExtractedDocument extract(InputStream in, String name, PageListener pages) throws ExtractionException {
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    if (IMAGES.contains(ext)) return image(in, imageType(ext), pages);
    // Plain text needs no parser, only its encoding; skipping Tika's type and CSV sniffing halves its cost.
    if (PLAIN_TEXT.contains(ext)) return plainText(in, false);
    if (MARKDOWN.contains(ext)) return plainText(in, true);
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    ParseContext context = new ParseContext();
    context.set(HtmlMapper.class, IdentityHtmlMapper.INSTANCE);
    context.set(Parser.class, parser);
    context.set(EncodingDetector.class, encodingDetector);
    context.set(OfficeParserConfig.class, OFFICE);
    context.set(TesseractOCRConfig.class, NO_TIKA_OCR);
    context.set(PDFParserConfig.class, PDF);
    ArticleTextHandler handler = new ArticleTextHandler(maxChars);
    // A picture under another name (standard input, a photo sent to the service) is known by its bytes.
    String picture = picture(in, metadata);
    if (picture != null) return image(in, picture, pages);
    try {
      (HTML.contains(ext) ? htmlParser : parser).parse(in, handler, metadata, context);
    } catch (EncryptedDocumentException e) {
      throw new ExtractionException("encrypted document", e);
    } catch (TikaException | SAXException | IOException | RuntimeException e) {
      if (WriteLimitReachedException.isWriteLimitReached(e)) throw tooMuchText();
      throw new ExtractionException("cannot parse: " + oneLine(e), e);
    }
    String type = metadata.get(Metadata.CONTENT_TYPE);
    if (type != null && type.startsWith("application/pdf")) {
      ExtractedDocument scan = scannedPdf(in, handler.pages(), metadata, pages);
      if (scan != null) return scan;
    }
    ArticleCleaner.Cleaned cleaned = clean(handler.text());
    String title = firstNonBlank(metadata.get("og:title"), metadata.get(TikaCoreProperties.TITLE), cleaned.title());
    if (handler.itemDatePublished() != null) metadata.set("datePublished", handler.itemDatePublished());
    LocalDate published = firstNonNull(PageMetadata.published(metadata), cleaned.published());
    String url = firstNonBlank(metadata.get("og:url"), cleaned.sourceUrl());
    String outlet = firstNonBlank(PageMetadata.outlet(metadata), cleaned.outlet(), FrontMatter.host(url));
    return new ExtractedDocument(cleaned.text(), title == null ? null : Titles.shorten(NFC.normalize(title)), published,
        outlet, url, type == null ? null : type.replaceFirst(";.*", ""));
  }

  private static String imageType(String ext) {
    return "image/" + switch (ext) {
      case "jpg", "jpeg" -> "jpeg";
      case "tif", "tiff" -> "tiff";
      default -> "png";
    };
  }

  /** The media type of a picture Tesseract reads when the stream holds one (read with mark and reset), else null. */
  private String picture(InputStream in, Metadata metadata) {
    if (!in.markSupported()) return null;
    try {
      MediaType type = PICTURES.detect(in, metadata);
      return MediaType.OCTET_STREAM.equals(type) ? null : type.getBaseType().toString();
    } catch (IOException e) {
      return null;
    }
  }

  /** A picture of a page, read by OCR as one page. */
  private ExtractedDocument image(InputStream in, String type, PageListener pages) throws ExtractionException {
    if (ocrPages < 1) throw new ExtractionException("a scan, and " + Limits.OCR_PAGES_OPTION + " 0 reads no page of one");
    if (!ocr().available()) throw new ExtractionException(Ocr.MISSING);
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new ExtractionException("cannot read: " + oneLine(e), e);
    }
    Ocr.Page page = ocr().read(bytes);
    pages.pageRead(1, 1);
    if (page.text().length() > maxChars) throw tooMuchText();
    return new ExtractedDocument(page.text(), null, null, null, null, type,
        List.of(new ExtractedDocument.ScannedPage(0, page.text().length(), 1, page.lang(), page.models(), page.passes(),
            page.millis())), null);
  }

  /**
   * A PDF some of whose pages have no text layer, or one that is not text (a font without its character map gives
   * replacement and private-use characters): those pages are rendered and read by OCR, up to the page limit, and
   * the text is the pages in order. Null when every page has text of its own. Without Tesseract, a PDF with no text
   * at all fails naming the reason; one with some text keeps it and says which pages went unread.
   */
  private ExtractedDocument scannedPdf(InputStream in, List<String> pageTexts, Metadata metadata, PageListener pages)
      throws ExtractionException {
    List<Integer> blank = new ArrayList<>();
    for (int i = 0; i < pageTexts.size(); i++) if (!hasText(pageTexts.get(i))) blank.add(i);
    if (blank.isEmpty()) return null;
    TikaInputStream tis = TikaInputStream.cast(in);
    if (tis == null) return null;
    StringBuilder text = new StringBuilder();
    List<ExtractedDocument.ScannedPage> scanned = new ArrayList<>();
    String unread;
    try (PDDocument pdf = Loader.loadPDF(tis.getPath().toFile())) {
      if (pdf.getNumberOfPages() != pageTexts.size()) return null; // pages Tika and PDFBox count apart: the text layer stands
      // A page without text and without a picture is blank, not a scan.
      List<Integer> scans = new ArrayList<>();
      for (int i : blank) if (hasPicture(pdf.getPage(i).getResources(), 2)) scans.add(i);
      if (scans.isEmpty()) return null;
      if (!ocr().available()) {
        if (blank.size() == pageTexts.size()) throw new ExtractionException(Ocr.MISSING);
        return null;
      }
      List<Integer> read = scans.subList(0, Math.min(scans.size(), ocrPages));
      unread = scans.size() > read.size()
          ? (scans.size() - read.size()) + " of " + scans.size() + " scanned pages were not read (the limit is " + ocrPages
              + " pages; " + Limits.OCR_PAGES_OPTION + " raises it)"
          : null;
      PDFRenderer renderer = new PDFRenderer(pdf);
      int done = 0;
      for (int i = 0; i < pageTexts.size(); i++) {
        if (!text.isEmpty()) text.append("\n\n");
        if (!read.contains(i)) {
          text.append(normalize(pageTexts.get(i)).strip());
          continue;
        }
        if (Thread.currentThread().isInterrupted()) throw new ExtractionException("interrupted");
        BufferedImage image = renderer.renderImageWithDPI(i, RENDER_DPI, ImageType.GRAY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Ocr.Page page = ocr().read(png.toByteArray());
        int start = text.length();
        text.append(page.text());
        if (text.length() > maxChars) throw tooMuchText();
        scanned.add(new ExtractedDocument.ScannedPage(start, text.length(), i + 1, page.lang(), page.models(),
            page.passes(), page.millis()));
        pages.pageRead(++done, read.size());
      }
    } catch (IOException e) {
      throw new ExtractionException("cannot render a scanned page: " + oneLine(e), e);
    }
    String title = firstNonBlank(metadata.get(TikaCoreProperties.TITLE));
    return new ExtractedDocument(text.toString(), title == null ? null : Titles.shorten(NFC.normalize(title)),
        PageMetadata.published(metadata), PageMetadata.outlet(metadata), null, "application/pdf", scanned, unread);
  }

  /** Whether resources hold a picture, directly or in a form they draw ({@code depth} levels of forms down). */
  private static boolean hasPicture(PDResources resources, int depth) throws IOException {
    if (resources == null) return false;
    for (COSName name : resources.getXObjectNames()) {
      if (resources.isImageXObject(name)) return true;
      if (depth > 0 && resources.getXObject(name) instanceof PDFormXObject form && hasPicture(form.getResources(), depth - 1)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a page's text layer is text: enough letters, and not mostly characters no font maps to a letter. */
  private static boolean hasText(String page) {
    int letters = 0, broken = 0;
    for (int i = 0; i < page.length(); ) {
      int c = page.codePointAt(i);
      i += Character.charCount(c);
      int type = Character.getType(c);
      if (Character.isLetter(c)) letters++;
      if (c == 0xFFFD || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
          || (type == Character.CONTROL && !Character.isWhitespace(c))) broken++;
    }
    return letters >= SCAN_LETTERS && broken * 3 < letters;
  }

  private ExtractedDocument plainText(InputStream in, boolean markdown) throws ExtractionException {
    try {
      InputStream buffered = in.markSupported() ? in : new java.io.BufferedInputStream(in);
      Charset charset = encodingDetector.detect(buffered, new Metadata());
      String text = readText(new java.io.InputStreamReader(buffered, charset));
      if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
      if (text.indexOf('\u0000') >= 0) throw new ExtractionException("not text: binary data in a text file");
      if (markdown) return markdown(normalize(text));
      ArticleCleaner.Cleaned cleaned = ArticleCleaner.clean(normalize(text));
      return new ExtractedDocument(cleaned.text(), Titles.shorten(cleaned.title()), cleaned.published(),
          firstNonBlank(cleaned.outlet(), FrontMatter.host(cleaned.sourceUrl())), cleaned.sourceUrl(), "text/plain");
    } catch (IOException e) {
      throw new ExtractionException("cannot read: " + oneLine(e), e);
    }
  }

  /** The whole text, read no further than one character past the limit (standard input has no size to check first). */
  private String readText(java.io.Reader reader) throws IOException, ExtractionException {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[1 << 16];
    // One more than the limit: a BOM the caller strips must not count against it.
    for (int n; (n = reader.read(buffer)) > 0; ) {
      if (text.length() + n > maxChars + 1L) throw tooMuchText();
      text.append(buffer, 0, n);
    }
    if (text.length() > maxChars && text.charAt(0) != '\uFEFF') throw tooMuchText();
    return text.toString();
  }

  private static ArticleCleaner.Cleaned clean(String raw) {
    return ArticleCleaner.clean(normalize(raw));
  }

  private static String normalize(String raw) {
    // Looked for first: String.indexOf is vectorized, String.replace(char, char) on non-Latin-1 text walks it char by char.
    String text = raw.indexOf('\r') < 0 ? raw : raw.replace("\r\n", "\n").replace('\r', '\n');
    if (text.indexOf('\u00a0') >= 0) text = text.replace('\u00a0', ' ');
    return NFC.normalize(text);
  }

  /**
   * Markdown: the front matter's title, date and source come first, then the first real heading, then what the
   * text's furniture and letterhead say.
   */
  private static ExtractedDocument markdown(String raw) {
    MarkdownText.Result md = MarkdownText.convert(raw);
    ArticleCleaner.Cleaned cleaned = ArticleCleaner.clean(md.text());
    FrontMatter front = new FrontMatter(md.frontMatter());
    String title = firstNonBlank(front.title(), Titles.fromHeadings(md.headings()), cleaned.title());
    String url = firstNonBlank(front.url(), cleaned.sourceUrl());
    return new ExtractedDocument(cleaned.text(), Titles.shorten(title), firstNonNull(front.published(), cleaned.published()),
        firstNonBlank(front.outlet(), cleaned.outlet(), FrontMatter.host(url)), url, "text/markdown");
  }

  static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return msg.replaceAll("\\s+", " ").strip();
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) if (v != null) return v;
    return null;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) if (v != null && !v.isBlank()) return v.strip();
    return null;
  }
}
