package sohieu.cli;

import picocli.CommandLine.Option;

/**
 * {@code --no-serve}, which scripts/sohieu reads: a lookup is answered by a serve running on the same index when
 * there is one (see {@link ServedCommand}), unless this is given. The command itself answers alike either way.
 */
final class NoServeOption {
  @Option(names = "--no-serve", description = "Answer in this process even when `sohieu serve` runs on the index "
      + "(as SOHIEU_SERVE=off does).")
  boolean noServe;
}
