package sohieu.extract;

import com.ibm.icu.text.Normalizer2;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;
import sohieu.lang.Language;
import sohieu.lang.LanguageIdentifier;

/**
 * Reads a scanned page with Tesseract through Tika's parser, choosing the page's model per page: Tesseract's script
 * detection (page segmentation mode 0, no text read) tells Cyrillic, which only Russian writes here, from Latin; a
 * Latin page is read with the Vietnamese model, whose alphabet holds the most diacritics, and the language
 * identifier reads that text; a French, Polish or English page is read a second time with its own model. So a
 * Vietnamese page, the common scan, costs one reading, and no page runs every model. Thread-safe.
 */
public final class Ocr {
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  private static final Pattern WRAPPED_LINE = Pattern.compile("(?<=\\S)[ \\t]*\\n(?=[ \\t]*\\S)");
  /** The first reading's model: the language most scans are in, and the Latin alphabet with the most marks. */
  private static final Language FIRST = Language.VI;

  private final TesseractOCRParser parser = new TesseractOCRParser();
  private final boolean available;
  private final int pageSeconds;

  /** Tesseract as Debian installs it; {@code pageSeconds} bounds each run of it on a page. */
  public Ocr(int pageSeconds) {
    this.pageSeconds = pageSeconds;
    boolean found;
    try {
      parser.setPreloadLangs(true); // lists the installed models, which the check below needs
      parser.initialize(java.util.Map.of());
      found = parser.hasTesseract() && parser.getLangs().containsAll(java.util.List.of("vie", "rus", "eng", "fra", "pol"));
    } catch (TikaConfigException | RuntimeException e) {
      found = false;
    }
    this.available = found;
  }

  /** Whether Tesseract and the five languages' models are installed. */
  public boolean available() { return available; }

  /** Why a scan cannot be read here: one line for a file's report. */
  public static final String MISSING = "a scan without a text layer, and Tesseract is not installed (Debian: apt-get install "
      + "tesseract-ocr tesseract-ocr-vie tesseract-ocr-rus tesseract-ocr-fra tesseract-ocr-pol tesseract-ocr-eng)";

  /**
   * One page's text and the model that read it.
   *
   * @param text    NFC, lines of a paragraph joined, paragraphs separated by a blank line
   * @param lang    the page's language as identified (vi, ru, fr, pl, en or und)
   * @param models  Tesseract's models of the reading kept
   * @param passes  how many readings the page took (the script detection not counted)
   * @param millis  time spent on the page, script detection included
   */
  public record Page(String text, String lang, String models, int passes, long millis) {}

  /** Reads one page image (PNG, JPEG, TIFF: what Tesseract reads). */
  public Page read(byte[] image) throws ExtractionException {
    long started = System.nanoTime();
    Language lang;
    String first = null;
    int passes = 0;
    if (cyrillic(image)) {
      lang = Language.RU;
    } else {
      first = run(image, FIRST.ocrModels(), "3");
      passes++;
      lang = Language.of(LanguageIdentifier.standard().identify(first));
      if (lang == Language.UND || lang == Language.RU) lang = FIRST; // Latin letters the identifier could not place
    }
    String text = first;
    if (lang != FIRST || text == null) {
      text = run(image, lang.ocrModels(), "3");
      passes++;
    }
    String cleaned = clean(text, lang);
    return new Page(cleaned, LanguageIdentifier.standard().identify(cleaned), lang.ocrModels(), passes,
        (System.nanoTime() - started) / 1_000_000);
  }

  /** Tesseract's script detection; a page it cannot judge (too little text) counts as Latin. */
  private boolean cyrillic(byte[] image) {
    Metadata metadata = new Metadata();
    try {
      parse(image, "osd", "0", metadata);
    } catch (ExtractionException e) {
      return false;
    }
    return "Cyrillic".equalsIgnoreCase(metadata.get(TesseractOCRParser.PSM0_SCRIPT));
  }

  private String run(byte[] image, String models, String pageSegMode) throws ExtractionException {
    return parse(image, models, pageSegMode, new Metadata());
  }

  private String parse(byte[] image, String models, String pageSegMode, Metadata metadata) throws ExtractionException {
    TesseractOCRConfig config = new TesseractOCRConfig();
    config.setLanguage(models);
    config.setPageSegMode(pageSegMode);
    config.setTimeoutSeconds(pageSeconds);
    config.setMaxFileSizeToOcr(Long.MAX_VALUE);
    ParseContext context = new ParseContext();
    context.set(TesseractOCRConfig.class, config);
    BodyContentHandler handler = new BodyContentHandler(-1);
    try (TikaInputStream in = TikaInputStream.get(new ByteArrayInputStream(image))) {
      parser.parse(in, handler, metadata, context);
    } catch (IOException | SAXException | TikaException e) {
      String why = Extractor.oneLine(e);
      if (why.toLowerCase(Locale.ROOT).contains("timeout")) {
        throw new ExtractionException("OCR of a page took longer than " + pageSeconds + " s (" + sohieu.Limits.OCR_PAGE_TIMEOUT_OPTION + " allows longer)", e);
      }
      throw new ExtractionException("OCR failed: " + why, e);
    }
    return handler.toString();
  }

  /**
   * NFC (Tesseract writes some marks combining), lines wrapped inside a paragraph joined with a space (a paragraph
   * is one line to the rest of the pipeline), and the Icelandic eth that the Vietnamese model reads for a capital
   * Đ (Ð, U+00D0, which no language here writes) made Đ on a Vietnamese page.
   */
  static String clean(String raw, Language lang) {
    String text = NFC.normalize(raw.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n').replace('\u00a0', ' '));
    if (lang == Language.VI) text = text.replace('\u00d0', 'Đ').replace('\u00f0', 'đ');
    return WRAPPED_LINE.matcher(text.strip()).replaceAll(" ");
  }
}
