package sohieu.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index} option shared by every command that reads or writes an index. */
final class IndexOption {
  @Option(names = "--index", paramLabel = "DIR", defaultValue = "${env:SOHIEU_INDEX:-index}",
      description = "Index folder (default: $SOHIEU_INDEX or ./index; now ${DEFAULT-VALUE}).")
  Path index;
}
