package sohieu.cli;

import picocli.CommandLine.Option;

/** How a command prints its answer: a table for people, or JSON, JSON lines or CSV for scripts. */
final class OutputOptions {
  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  @Option(names = "--jsonl", description = "Print JSON lines, one record per line.")
  boolean jsonl;

  @Option(names = "--csv", description = "Print CSV with a header row.")
  boolean csv;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "Colour the table: auto (on a terminal, unless NO_COLOR is set), always, never.")
  String color;

  boolean table() { return !json && !jsonl && !csv; }

  boolean colorOn() {
    return switch (color) {
      case "always" -> true;
      case "never" -> false;
      default -> System.console() != null && System.getenv("NO_COLOR") == null;
    };
  }
}
