package sohieu.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import sohieu.refs.CitationRecognizer;
import sohieu.search.Searcher;

/** The {@code --index} option shared by every command that reads or writes an index. */
final class IndexOption {
  /** The default, from the environment (a serve reads the client's instead: {@link ServedCommand}). */
  static final String DEFAULT = "${env:SOHIEU_INDEX:-index}";

  @Option(names = "--index", paramLabel = "DIR", defaultValue = DEFAULT,
      description = "Index folder (default: $SOHIEU_INDEX or ./index; now ${DEFAULT-VALUE}).")
  Path index;

  /**
   * A searcher of the index for one command, done with when closed: opened here, or, when a serve runs the command
   * for a client, the serve's own, lent ({@link ServedCommand}). {@code oneLookup}: opened for a process that answers
   * one lookup and exits (see {@link Searcher#openForOneLookup}).
   */
  Opened open(CitationRecognizer recognizer, boolean oneLookup) throws IOException {
    if (ServedCommand.SERVED.isBound()) return ServedCommand.SERVED.get().lend(index);
    Searcher searcher = oneLookup ? Searcher.openForOneLookup(index, recognizer) : Searcher.open(index, recognizer);
    return new Opened(searcher, searcher);
  }

  /** A searcher and what closing it does: close it, or give a lent one back. */
  record Opened(Searcher searcher, Closeable done) implements Closeable {
    @Override
    public void close() throws IOException { done.close(); }
  }
}
