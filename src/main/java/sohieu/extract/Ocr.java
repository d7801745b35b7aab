package sohieu.extract;

import com.ibm.icu.text.Normalizer2;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
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
  /** The first reading's model: the language most scans are in, and the Latin alphabet with the most marks. */
  private static final Language FIRST = Language.VI;

  private final TesseractOCRParser parser = new TesseractOCRParser();
  private final boolean available;
  private final int pageSeconds;

  /** Tesseract as Debian installs it; {@code pageSeconds} bounds each run of it on a page. */
  public Ocr(int pageSeconds) { this(pageSeconds, null); }

  /** Tesseract in the folder {@code tesseractPath} (null: on the PATH), for tests of a machine without it. */
  Ocr(int pageSeconds, String tesseractPath) {
    this.pageSeconds = pageSeconds;
    if (tesseractPath != null) parser.setTesseractPath(tesseractPath);
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
   * @param firstMillis  of those, the first look: the script detection and, on a Latin page, the Vietnamese reading
   * @param rereadMillis of those, the second looks at single number-shaped words
   */
  public record Page(String text, String lang, String models, int passes, long millis, long firstMillis,
                     long rereadMillis) {}

  /** Reads one page image (PNG, JPEG, TIFF: what Tesseract reads). */
  public Page read(byte[] image) throws ExtractionException {
    long started = System.nanoTime();
    Language lang = null;
    Reading first = null, reading = null;
    int passes = 0;
    if (cyrillic(image)) {
      reading = reading(image, Language.RU.ocrModels(), "3");
      passes++;
      // Script detection can take a page of few words for Cyrillic: its reading tells
      if (Language.of(LanguageIdentifier.standard().identify(reading.text())) == Language.RU) lang = Language.RU;
    }
    if (lang == null) {
      first = reading(image, FIRST.ocrModels(), "3");
      passes++;
      lang = Language.of(LanguageIdentifier.standard().identify(first.text()));
      if (lang == Language.UND || lang == Language.RU) lang = FIRST; // Latin letters the identifier could not place
      reading = first;
    }
    long firstDone = System.nanoTime();
    if (lang != FIRST && lang != Language.RU) {
      reading = reading(image, lang.ocrModels(), "3");
      passes++;
    }
    long rereadStarted = System.nanoTime();
    String text = clean(reread(image, reading, lang.ocrModels()), lang);
    long done = System.nanoTime();
    return new Page(text, LanguageIdentifier.standard().identify(text), lang.ocrModels(), passes,
        (done - started) / 1_000_000, (firstDone - started) / 1_000_000, (done - rereadStarted) / 1_000_000);
  }

  /**
   * A reading of a page: its words with their boxes and confidence, in lines and paragraphs. Its text joins a line
   * to the next of its paragraph when the line runs on to the paragraph's right edge (a wrapped line); a line that
   * ends short of it (a heading, a paragraph's last line) ends there, so that the rest of the pipeline sees a
   * paragraph per line. A wide gap inside a line is a column's edge: Tesseract reads a letterhead's two columns
   * ("BAN CHẤP HÀNH TRUNG ƯƠNG" beside "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 57-NQ/TW" beside "Hà Nội, ngày ...") as one
   * line, which is broken there, so that the letterhead reads line by line as typed.
   */
  private record Reading(List<Word> words) {
    String text() {
      java.util.Map<Integer, Integer> lineEnd = new java.util.HashMap<>(), lineStart = new java.util.HashMap<>();
      java.util.Map<Integer, Integer> paraEnd = new java.util.HashMap<>(), height = new java.util.HashMap<>();
      java.util.Set<Integer> columned = new java.util.HashSet<>();
      Word last = null;
      for (Word w : words) {
        lineEnd.merge(w.line(), w.x1(), Math::max);
        lineStart.merge(w.line(), w.x0(), Math::min);
        paraEnd.merge(w.paragraph(), w.x1(), Math::max);
        height.merge(w.line(), w.y1() - w.y0(), Math::max);
        last = w;
      }
      last = null;
      for (Word w : words) {
        if (last != null && last.line() == w.line() && columnGap(last, w, height.get(w.line()))) columned.add(w.line());
        last = w;
      }
      StringBuilder b = new StringBuilder();
      Word prev = null;
      for (Word w : words) {
        if (prev != null) {
          if (prev.paragraph() != w.paragraph()) {
            b.append("\n\n");
          } else if (prev.line() != w.line()) {
            int width = paraEnd.get(prev.paragraph()) - lineStart.get(prev.line());
            boolean wrapped = !columned.contains(prev.line()) && !columned.contains(w.line()) && width > 0
                && paraEnd.get(prev.paragraph()) - lineEnd.get(prev.line()) < width * WRAP_SLACK;
            b.append(wrapped ? " " : "\n");
          } else {
            b.append(columnGap(prev, w, height.get(w.line())) ? "\n" : " ");
          }
        }
        b.append(w.text());
        prev = w;
      }
      return b.toString();
    }

    /** Words of a line farther apart than a few of its heights: two columns. */
    private static boolean columnGap(Word left, Word right, int lineHeight) {
      return lineHeight > 0 && right.x0() - left.x1() > COLUMN_GAP * lineHeight;
    }
  }

  /** A gap between two words of a line wider than this many line heights is the edge of a column. */
  private static final int COLUMN_GAP = 3;

  /** A line ending within this share of its paragraph's width from the right edge was wrapped there. */
  private static final double WRAP_SLACK = 0.12;

  /** One word of a reading; {@code x0 y0 x1 y1} its box in pixels, {@code confidence} Tesseract's, 0 to 100. */
  private record Word(String text, int paragraph, int line, int x0, int y0, int x1, int y1, int confidence) {
    Word withText(String t) { return new Word(t, paragraph, line, x0, y0, x1, y1, confidence); }
  }

  /** A word shaped like a document number: digits, then a dash or slash, then letters. */
  private static final Pattern NUMBER_SHAPED = Pattern.compile("\\d[^\\s]*[-–/][^\\s]*\\p{L}");
  private static final Pattern CYRILLIC_LETTER = Pattern.compile("\\p{IsCyrillic}");
  /** Below this confidence a number-shaped word is read again on its own. */
  private static final int UNSURE = 90;

  /**
   * Where it matters, a second look: a word shaped like a document number that the page's reading is unsure of, or
   * that holds Cyrillic letters (a Russian page's model reads a Latin code's KH/TU as КН/ТО), is cut out and read
   * again on its own as one line, where no neighbouring words pull the model towards the page's language. The new
   * reading replaces the word when Tesseract is surer of it.
   */
  private String reread(byte[] image, Reading reading, String models) throws ExtractionException {
    java.awt.image.BufferedImage page = null;
    List<Word> words = new java.util.ArrayList<>(reading.words());
    for (int i = 0; i < words.size(); i++) {
      Word w = words.get(i);
      if (!NUMBER_SHAPED.matcher(w.text()).find()) continue;
      if (w.confidence() >= UNSURE && !CYRILLIC_LETTER.matcher(w.text()).find()) continue;
      try {
        if (page == null) page = javax.imageio.ImageIO.read(new ByteArrayInputStream(image));
        if (page == null) break;
        int pad = Math.max(4, (w.y1() - w.y0()) / 3);
        int x = Math.max(0, w.x0() - pad), y = Math.max(0, w.y0() - pad);
        int width = Math.min(page.getWidth(), w.x1() + pad) - x, height = Math.min(page.getHeight(), w.y1() + pad) - y;
        if (width <= 0 || height <= 0) continue;
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(page.getSubimage(x, y, width, height), "png", png);
        List<Word> again = reading(png.toByteArray(), models, "7").words();
        if (again.isEmpty()) continue;
        String text = String.join(" ", again.stream().map(Word::text).toList());
        int confidence = again.stream().mapToInt(Word::confidence).min().orElse(0);
        if (confidence > w.confidence() && NUMBER_SHAPED.matcher(text).find()) words.set(i, w.withText(text.replace(" ", "")));
      } catch (IOException | RuntimeException e) {
        // a picture Java cannot decode or crop keeps the page's reading
      }
    }
    return new Reading(words).text();
  }

  /** A reading of the image in hOCR, Tesseract's words with their boxes, through Tika's parser. */
  private Reading reading(byte[] image, String models, String pageSegMode) throws ExtractionException {
    HocrWords words = new HocrWords();
    parse(image, models, pageSegMode, new Metadata(), words, TesseractOCRConfig.OUTPUT_TYPE.HOCR);
    return new Reading(words.words);
  }

  /** Collects the words of Tesseract's hOCR (ocr_par, ocr_line, ocrx_word with "bbox x0 y0 x1 y1; x_wconf N"). */
  private static final class HocrWords extends org.xml.sax.helpers.DefaultHandler {
    private static final Pattern BOX = Pattern.compile("bbox (\\d+) (\\d+) (\\d+) (\\d+)(?:.*x_wconf (\\d+))?");
    final List<Word> words = new java.util.ArrayList<>();
    private int paragraph, line;
    private StringBuilder word;
    private Matcher box;

    @Override
    public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes atts) {
      String cls = atts.getValue("class");
      if (cls == null) return;
      switch (cls) {
        case "ocr_par" -> paragraph++;
        case "ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat" -> line++;
        case "ocrx_word" -> {
          Matcher m = BOX.matcher(atts.getValue("title") == null ? "" : atts.getValue("title"));
          box = m.find() ? m : null;
          word = new StringBuilder();
        }
        default -> { }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (word != null) word.append(ch, start, length);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      if (word == null || !"span".equals(localName.isEmpty() ? qName : localName)) return;
      String text = word.toString().strip();
      if (!text.isEmpty()) {
        words.add(box == null ? new Word(text, paragraph, line, 0, 0, 0, 0, 0)
            : new Word(text, paragraph, line, Integer.parseInt(box.group(1)), Integer.parseInt(box.group(2)),
                Integer.parseInt(box.group(3)), Integer.parseInt(box.group(4)),
                box.group(5) == null ? 0 : Integer.parseInt(box.group(5))));
      }
      word = null;
    }
  }

  /** Tesseract's script detection; a page it cannot judge (too little text) counts as Latin. */
  private boolean cyrillic(byte[] image) {
    Metadata metadata = new Metadata();
    try {
      parse(image, "osd", "0", metadata, new org.xml.sax.helpers.DefaultHandler(), TesseractOCRConfig.OUTPUT_TYPE.TXT);
    } catch (ExtractionException e) {
      return false;
    }
    return "Cyrillic".equalsIgnoreCase(metadata.get(TesseractOCRParser.PSM0_SCRIPT));
  }

  private void parse(byte[] image, String models, String pageSegMode, Metadata metadata,
                     org.xml.sax.ContentHandler handler, TesseractOCRConfig.OUTPUT_TYPE output) throws ExtractionException {
    TesseractOCRConfig config = new TesseractOCRConfig();
    config.setOutputType(output);
    config.setLanguage(models);
    config.setPageSegMode(pageSegMode);
    config.setTimeoutSeconds(pageSeconds);
    config.setMaxFileSizeToOcr(Long.MAX_VALUE);
    ParseContext context = new ParseContext();
    context.set(TesseractOCRConfig.class, config);
    try (TikaInputStream in = TikaInputStream.get(new ByteArrayInputStream(image))) {
      parser.parse(in, handler, metadata, context);
    } catch (IOException | SAXException | TikaException e) {
      String why = Extractor.oneLine(e);
      if (why.toLowerCase(Locale.ROOT).contains("timeout")) {
        throw new ExtractionException("OCR of a page took longer than " + pageSeconds + " s (" + sohieu.Limits.OCR_PAGE_TIMEOUT_OPTION + " allows longer)", e);
      }
      throw new ExtractionException("OCR failed: " + why, e);
    }
  }

  /**
   * NFC (Tesseract writes some marks combining), and the Icelandic eth that the Vietnamese model reads for a capital
   * Đ (Ð, U+00D0, which no language here writes) made Đ on a Vietnamese page.
   */
  static String clean(String raw, Language lang) {
    String text = NFC.normalize(raw.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n').replace('\u00a0', ' '));
    if (lang == Language.VI) text = text.replace('\u00d0', 'Đ').replace('\u00f0', 'đ');
    return text.strip();
  }
}
