package sohieu;

/**
 * Every bound on the work one input can cause, in one place: a hostile or broken file or query must cost a bounded
 * time and memory and be named, never exhaust the machine. It sits at the root of the packages and depends on
 * nothing, so that every stage of the pipeline, from {@code refs} to the command line, reads the same numbers.
 * The README's "Limits" table lists them with the option that changes each; keep the two in step.
 */
public final class Limits {
  private Limits() {}

  /** Largest file read, in MB (option {@code --max-size}): no article is larger, and a bigger one would crowd out a batch. */
  public static final int FILE_MB = 64;
  /** Most characters of extracted text (option {@code --max-chars}), enforced while the parser writes. */
  public static final int TEXT_CHARS = 20_000_000;
  /** Most citations kept per file (option {@code --max-citations}); those past it are dropped, and that is said. */
  public static final int CITATIONS_PER_FILE = 10_000;
  /** Seconds one file may take to extract and analyze (option {@code --timeout}). */
  public static final int TIMEOUT_SECONDS = 60;
  /** Most scanned pages read by OCR in one file (option {@code --ocr-pages}); the rest are said, not read. */
  public static final int OCR_PAGES = 20;
  /**
   * Seconds Tesseract may take on one page (option {@code --ocr-page-timeout}); each page read also gives its file
   * this much more time than {@link #TIMEOUT_SECONDS}, so a long scan is bounded per page, not cut at a minute.
   */
  public static final int OCR_PAGE_SECONDS = 120;
  /** Longest title kept: enough for any headline; a longer one is a paragraph standing in for a missing title. */
  public static final int TITLE_CHARS = 200;
  /** Most characters of a mention's sentence, half before and half after the mention. */
  public static final int SENTENCE_CHARS = 800;
  /** Longest query accepted, in characters. */
  public static final int QUERY_CHARS = 1_000;
  /** Deepest nesting of parentheses in a query. */
  public static final int QUERY_DEPTH = 32;
  /** Deepest page of results: {@code --offset} plus {@code --limit} may not pass it. */
  public static final int RESULT_WINDOW = 10_000;

  /** What a file's report says when {@link #CITATIONS_PER_FILE} (or its option) dropped citations. */
  public static String citationsCut(int max) {
    return "more than " + String.format(java.util.Locale.ROOT, "%,d", max) + " citations; only the first "
        + String.format(java.util.Locale.ROOT, "%,d", max) + " are kept (" + CITATIONS_OPTION + " raises the limit)";
  }

  /** The options that change the limits above, so that every message names the same one. */
  public static final String FILE_MB_OPTION = "--max-size";
  public static final String TEXT_CHARS_OPTION = "--max-chars";
  public static final String CITATIONS_OPTION = "--max-citations";
  public static final String TIMEOUT_OPTION = "--timeout";
  public static final String OCR_PAGES_OPTION = "--ocr-pages";
  public static final String OCR_PAGE_TIMEOUT_OPTION = "--ocr-page-timeout";
}
