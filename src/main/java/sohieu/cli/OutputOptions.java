package sohieu.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** How a command prints its answer: a table for people, or one of JSON, JSON lines or CSV for scripts. */
final class OutputOptions {
  /** The machine formats, one at most: picocli refuses "--json --csv" in one line naming both. */
  static final class Format {
    @Option(names = "--json", required = true, description = "Print one JSON document.")
    boolean json;

    @Option(names = "--jsonl", required = true, description = "Print JSON lines, one record per line.")
    boolean jsonl;

    @Option(names = "--csv", required = true, description = "Print CSV with a header row.")
    boolean csv;
  }

  enum When { auto, always, never }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Format format;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "Colour the table: ${COMPLETION-CANDIDATES} (auto: on a terminal, unless NO_COLOR is set).")
  When color;

  boolean json() { return format != null && format.json; }

  boolean jsonl() { return format != null && format.jsonl; }

  boolean csv() { return format != null && format.csv; }

  boolean table() { return format == null; }

  boolean colorOn() {
    return switch (color) {
      case always -> true;
      case never -> false;
      case auto -> Terminal.console() && Terminal.env("NO_COLOR") == null;
    };
  }
}
