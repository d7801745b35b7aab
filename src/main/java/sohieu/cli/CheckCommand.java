package sohieu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import sohieu.index.FailedFiles;
import sohieu.index.IndexBusyException;
import sohieu.index.IndexStore;

/** Runs Lucene's CheckIndex and reports the index's health in one line. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check the index with Lucene's CheckIndex and report its health in one line (read-only).",
    footer = {"", "Also lists the files that ingest could not index, with the reason (they are missing from the index).",
        "Exit codes: 0 healthy, 1 damaged or written by another schema (rebuild it), 2 no index or the index is busy.",
        "Example:",
        "  scripts/sohieu check"})
final class CheckCommand implements Callable<Integer> {
  @Mixin
  IndexOption index;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    IndexStore.Health health;
    try {
      health = IndexStore.check(index.index);
    } catch (IndexBusyException e) {
      throw new Main.UserError(e.getMessage() + "; check it when that ends");
    }
    PrintWriter out = spec.commandLine().getOut();
    String rebuild = "re-ingest into a new --index to rebuild; " + index.index;
    switch (health) {
      case IndexStore.Health.Healthy h -> {
        out.printf(Locale.ROOT, "ok: %d documents in %d segments, %s%n", h.documents(), h.segments(), index.index);
        missing(out);
      }
      case IndexStore.Health.Unreadable u ->
          out.printf(Locale.ROOT, "damaged: %s cannot be read (%s); %s%n", u.what(), u.reason(), rebuild);
      case IndexStore.Health.Broken b -> out.printf(Locale.ROOT, "damaged: %d of %d segments broken, %d documents would "
          + "be lost; %s%n", b.badSegments(), b.segments(), b.lostDocuments(), rebuild);
      case IndexStore.Health.Outdated o -> {
        out.println("outdated: " + o.mismatch());
        missing(out);
      }
    }
    out.flush();
    return health instanceof IndexStore.Health.Healthy ? Main.FOUND : Main.NOTHING;
  }

  /** The files the last ingests failed on: healthy as the index is, it lacks them. */
  private void missing(PrintWriter out) throws IOException {
    List<FailedFiles.Entry> failed = FailedFiles.read(index.index);
    if (failed.isEmpty()) return;
    out.println("missing: " + failed.size() + (failed.size() == 1 ? " file" : " files")
        + " failed at ingest and " + (failed.size() == 1 ? "is" : "are") + " not in the index:");
    for (FailedFiles.Entry e : failed) out.println("  " + e.path() + ": " + e.reason());
  }
}
