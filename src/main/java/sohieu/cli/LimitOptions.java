package sohieu.cli;

import picocli.CommandLine.Option;
import sohieu.Limits;

/** The per-file limits of {@link Limits} as options, shared by the commands that read files (ingest, scan). */
final class LimitOptions {
  @Option(names = Limits.TIMEOUT_OPTION, paramLabel = "SECONDS", defaultValue = "" + Limits.TIMEOUT_SECONDS,
      description = "Give up on a file after this long (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = Limits.FILE_MB_OPTION, paramLabel = "MB", defaultValue = "" + Limits.FILE_MB,
      description = "Refuse files larger than this (default ${DEFAULT-VALUE} MB).")
  int maxMegabytes;

  @Option(names = Limits.TEXT_CHARS_OPTION, paramLabel = "N", defaultValue = "" + Limits.TEXT_CHARS,
      description = "Refuse a file whose text runs past N characters, stopping its parser there (default ${DEFAULT-VALUE}).")
  int maxChars;

  @Option(names = Limits.CITATIONS_OPTION, paramLabel = "N", defaultValue = "" + Limits.CITATIONS_PER_FILE,
      description = "Keep at most N citations of one file, saying so when there are more (default ${DEFAULT-VALUE}).")
  int maxCitations;

  @Option(names = Limits.OCR_PAGES_OPTION, paramLabel = "N", defaultValue = "" + Limits.OCR_PAGES,
      description = "Read at most N scanned pages of one file by OCR, saying so when there are more (default ${DEFAULT-VALUE}).")
  int ocrPages;

  @Option(names = Limits.OCR_PAGE_TIMEOUT_OPTION, paramLabel = "SECONDS", defaultValue = "" + Limits.OCR_PAGE_SECONDS,
      description = "Give up on a scanned page after this long; each page read also gives its file this much more "
          + "time than --timeout (default ${DEFAULT-VALUE}).")
  int ocrPageSeconds;

  /** Refuses values that would make every file fail, in one line naming the option. */
  void check() {
    Main.atLeast(Limits.TIMEOUT_OPTION, timeoutSeconds, 1);
    Main.atLeast(Limits.FILE_MB_OPTION, maxMegabytes, 1);
    Main.atLeast(Limits.TEXT_CHARS_OPTION, maxChars, 1);
    Main.atLeast(Limits.CITATIONS_OPTION, maxCitations, 1);
    Main.atLeast(Limits.OCR_PAGES_OPTION, ocrPages, 0);
    Main.atLeast(Limits.OCR_PAGE_TIMEOUT_OPTION, ocrPageSeconds, 1);
  }
}
