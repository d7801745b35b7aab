package sohieu.extract;

import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.html.IdentityHtmlMapper;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import sohieu.Limits;
import org.xml.sax.SAXException;

/** Extracts an article's text and metadata from any file Tika can parse; thread-safe. */
public final class Extractor {
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  private static final Set<String> PLAIN_TEXT = Set.of("txt", "text");
  private static final Set<String> MARKDOWN = Set.of("md", "markdown");
  private static final Set<String> HTML = Set.of("html", "htm", "xhtml", "shtml");
  /**
   * DOCX and PPTX read as a stream of events, not loaded whole: a small file can inflate to gigabytes of XML, which
   * only a streaming read can stop at the text limit before it fills memory.
   */
  private static final OfficeParserConfig OFFICE = new OfficeParserConfig();

  static {
    OFFICE.setUseSAXDocxExtractor(true);
    OFFICE.setUseSAXPptxExtractor(true);
  }

  private final Parser parser = new AutoDetectParser();
  private final Parser htmlParser = new JSoupParser();
  private final EncodingDetector encodingDetector;
  private final int maxMegabytes;
  private final int maxChars;

  /** An extractor that detects each text file's encoding. */
  public Extractor() { this(null); }

  /** An extractor that reads text files in {@code charset}, or detects it when null. */
  public Extractor(Charset charset) { this(charset, Limits.FILE_MB, Limits.TEXT_CHARS); }

  /** As {@link #Extractor(Charset)}, refusing files over {@code maxMegabytes} and texts over {@code maxChars}. */
  public Extractor(Charset charset, int maxMegabytes, int maxChars) {
    this.encodingDetector = new TextEncodingDetector(charset);
    this.maxMegabytes = maxMegabytes;
    this.maxChars = maxChars;
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

  public ExtractedDocument extract(Path file) throws ExtractionException {
    try {
      String refused = tooLarge(Files.size(file));
      if (refused != null) throw new ExtractionException(refused);
    } catch (IOException e) {
      throw new ExtractionException("cannot read: " + oneLine(e), e);
    }
    try (InputStream in = TikaInputStream.get(file)) {
      return extract(in, file.getFileName().toString());
    } catch (IOException e) {
      throw new ExtractionException("cannot read: " + oneLine(e), e);
    }
  }

  public ExtractedDocument extract(InputStream in, String name) throws ExtractionException {
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
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
    ArticleTextHandler handler = new ArticleTextHandler(maxChars);
    try {
      (HTML.contains(ext) ? htmlParser : parser).parse(in, handler, metadata, context);
    } catch (EncryptedDocumentException e) {
      throw new ExtractionException("encrypted document", e);
    } catch (TikaException | SAXException | IOException | RuntimeException e) {
      if (WriteLimitReachedException.isWriteLimitReached(e)) throw tooMuchText();
      throw new ExtractionException("cannot parse: " + oneLine(e), e);
    }
    ArticleCleaner.Cleaned cleaned = clean(handler.text());
    String title = firstNonBlank(metadata.get("og:title"), metadata.get(TikaCoreProperties.TITLE), cleaned.title());
    if (handler.itemDatePublished() != null) metadata.set("datePublished", handler.itemDatePublished());
    LocalDate published = firstNonNull(PageMetadata.published(metadata), cleaned.published());
    String url = firstNonBlank(metadata.get("og:url"), cleaned.sourceUrl());
    String outlet = firstNonBlank(PageMetadata.outlet(metadata), cleaned.outlet(), FrontMatter.host(url));
    String type = metadata.get(Metadata.CONTENT_TYPE);
    return new ExtractedDocument(cleaned.text(), title == null ? null : Titles.shorten(NFC.normalize(title)), published,
        outlet, url, type == null ? null : type.replaceFirst(";.*", ""));
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
    return NFC.normalize(raw.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' '));
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
