package sohieu.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import sohieu.index.Faults;

/** The {@code sohieu} command: finds citations of Vietnamese documents in the world's press. */
@Command(name = "sohieu", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Search engine for citations of Vietnamese party and state documents in news in Vietnamese,",
        "Russian, French, Polish and English."},
    subcommands = {IngestCommand.class, SearchCommand.class, CiteCommand.class, RefsCommand.class, ShowCommand.class, ScanCommand.class,
        StatsCommand.class, ClusterCommand.class, CheckCommand.class, ServeCommand.class, DemoCommand.class, CompletionCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 found, 1 nothing found, 2 usage or input error.",
        "Examples:", "  scripts/sohieu demo", "  scripts/sohieu ingest --exclude SOURCES.md corpus/", "  scripts/sohieu cite 12-CT/TW",
        "  scripts/sohieu search \"nghi quyet\""})
public final class Main {
  static final int FOUND = 0;
  static final int NOTHING = 1;
  static final int ERROR = 2;

  /**
   * The commands a lookup names first, built alone: reading the annotations of every command costs a short-lived
   * process a tenth of a second, and `sohieu cite ...` needs only its own. Help, version, completion and man pages
   * use the whole tree of {@link #commandLine()}.
   */
  private static Object lookup(String name) {
    // A switch, not a map of constructor references: each lambda costs a cold start milliseconds to link.
    return switch (name) {
      case "cite" -> new CiteCommand();
      case "search" -> new SearchCommand();
      case "show" -> new ShowCommand();
      case "refs" -> new RefsCommand();
      case "stats" -> new StatsCommand();
      case "scan" -> new ScanCommand();
      default -> null;
    };
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    return run(commandLine(args), args);
  }

  /** Runs {@code args} writing to {@code out} and {@code err} instead of the standard streams (for tests, embedding). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(commandLine(args).setOut(out).setErr(err), args);
  }

  /** As {@link #run(PrintWriter, PrintWriter, String...)}, asking {@code defaults} first for the options' defaults. */
  static int run(PrintWriter out, PrintWriter err, CommandLine.IDefaultValueProvider defaults, String... args) {
    return run(commandLine(args).setOut(out).setErr(err).setDefaultValueProvider(defaults), args);
  }

  private static int run(CommandLine cmd, String... args) {
    int code = cmd.execute(args);
    cmd.getOut().flush();
    cmd.getErr().flush();
    return code;
  }

  /** The command line that will run {@code args}: the lookup they name alone, or else the whole tree. */
  static CommandLine commandLine(String... args) {
    Object lookup = args.length > 0 ? lookup(args[0]) : null;
    if (lookup == null) return commandLine();
    CommandLine root = new CommandLine(CommandLine.Model.CommandSpec.create().name("sohieu"));
    root.addSubcommand(lookup);
    return handled(root);
  }

  /** Library logging would clutter a command-line tool's output; Sohieu reports what matters itself. */
  static void quietLibraries() {
    for (java.util.logging.Logger logger : QUIET) logger.setLevel(java.util.logging.Level.OFF);
  }

  /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
  private static final java.util.logging.Logger[] QUIET = {
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization"),
      java.util.logging.Logger.getLogger("org.apache.pdfbox")};

  static {
    quietLibraries();
  }

  /** The whole command tree, with Sohieu's handling of errors. */
  static CommandLine commandLine() {
    return handled(new CommandLine(new Main()));
  }

  private static CommandLine handled(CommandLine cmd) {
    cmd.setOut(new StandardStream(System.out));
    cmd.setErr(new StandardStream(System.err));
    Errors errors = new Errors();
    cmd.setExecutionExceptionHandler(errors);
    cmd.setParameterExceptionHandler(errors);
    return cmd;
  }

  /** Reports errors in one line: a user's mistake plainly, anything else as internal (with a trace on SOHIEU_DEBUG). */
  private static final class Errors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
      PrintWriter err = commandLine.getErr();
      String fault;
      if (e instanceof IllegalArgumentException || e instanceof UserError) {
        err.println("sohieu " + commandLine.getCommandName() + ": " + e.getMessage());
      } else if ((fault = fault(e, commandLine)) != null) {
        err.println("sohieu " + commandLine.getCommandName() + ": " + fault);
        if (Terminal.env("SOHIEU_DEBUG") != null) e.printStackTrace(err);
      } else {
        err.println("sohieu " + commandLine.getCommandName() + ": internal error: " + e);
        if (Terminal.env("SOHIEU_DEBUG") != null) e.printStackTrace(err);
      }
      err.flush();
      return ERROR;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
      PrintWriter err = e.getCommandLine().getErr();
      CommandLine cmd = e.getCommandLine();
      boolean unknownCommand = e instanceof CommandLine.UnmatchedArgumentException u && !cmd.getSubcommands().isEmpty()
          && !u.getUnmatched().isEmpty() && args.length > 0 && u.getUnmatched().get(0).equals(args[0]);
      err.println("sohieu: " + (unknownCommand ? "'" + args[0] + "' is not a command" : e.getMessage().replaceFirst("^Error: ", "")));
      if (e instanceof CommandLine.UnmatchedArgumentException u) CommandLine.UnmatchedArgumentException.printSuggestions(u, err);
      err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      err.flush();
      return ERROR;
    }
  }

  /**
   * A fault of the disk or the index in one line that says what to do, or null for anything else (a bug): a damaged
   * index, a folder or file without permission, a full disk.
   */
  static String fault(Throwable e, CommandLine commandLine) {
    CommandLine.Model.CommandSpec mixin = commandLine.getCommandSpec().mixins().get("index");
    Path index = mixin != null && mixin.userObject() instanceof IndexOption o ? o.index : null;
    return fault(e, index, commandLine.getCommandName().equals("ingest"));
  }

  /** As {@link #fault(Throwable, CommandLine)}, for a command on {@code index} (null if none) that may write it. */
  static String fault(Throwable e, Path index, boolean writes) {
    if (!(e instanceof java.io.IOException) && Faults.cause(e, java.io.IOException.class) == null) return null;
    java.nio.file.NoSuchFileException gone = Faults.cause(e, java.nio.file.NoSuchFileException.class);
    // A file of the index gone from under it (deleted by hand, or lost with a disk): the index is damaged.
    boolean lost = index != null && gone != null && gone.getFile() != null
        && index.toAbsolutePath().normalize().equals(Path.of(gone.getFile()).toAbsolutePath().normalize().getParent());
    if (index != null && (lost || Faults.damagedIndex(e))) {
      String file = lost ? Path.of(gone.getFile()).getFileName().toString() : Faults.damagedFile(e);
      return "index " + index + " is damaged" + (file == null ? "" : " (" + file + " unreadable)")
          + ": run `sohieu check --index " + index + "` for details; re-ingest into a new --index to rebuild";
    }
    if (Faults.diskFull(e)) {
      return "the disk is full" + (index == null ? "" : " (writing " + index + ")")
          + ": free some space and run the same command again" + (writes ? "; what was committed is kept" : "");
    }
    java.nio.file.AccessDeniedException denied = Faults.cause(e, java.nio.file.AccessDeniedException.class);
    if (denied != null) {
      Path file = denied.getFile() == null ? null : Path.of(denied.getFile());
      if (index != null && file != null && inIndex(file, index)) {
        return writes ? "cannot write to the index folder " + index + " (permission denied: " + file
            + "); give --index a folder you can write"
            : "cannot read the index " + index + " (permission denied: " + file + ")";
      }
      return (file == null ? "" : file + ": ") + "permission denied";
    }
    java.nio.file.FileSystemException fs = Faults.cause(e, java.nio.file.FileSystemException.class);
    String what = Faults.describe(Faults.cause(e, java.io.IOException.class));
    if (fs != null && fs.getFile() != null) return fs.getFile() + ": " + what;
    return what;
  }

  /** True when {@code file} is the index folder, lies in it, or is a folder above it that creating it needs. */
  private static boolean inIndex(Path file, Path index) {
    Path f = file.toAbsolutePath().normalize(), i = index.toAbsolutePath().normalize();
    return f.startsWith(i) || i.startsWith(f);
  }

  /** {@code value} of a numeric option, or a user error naming the option when it is below {@code min}. */
  static int atLeast(String option, int value, int min) {
    if (value < min) throw new UserError(option + " must be at least " + min + ", not " + value);
    return value;
  }

  /**
   * The process's standard output or error as a command's writer, in the stream's own encoding (as
   * {@code System.out} itself writes); a table asks the terminal's width only of these.
   */
  static final class StandardStream extends PrintWriter {
    StandardStream(java.io.PrintStream stream) {
      this(stream, stream.charset());
    }

    /** The standard output or error of a client process a serve runs a command for. */
    StandardStream(java.io.OutputStream stream, java.nio.charset.Charset charset) {
      super(new java.io.OutputStreamWriter(stream, charset), true);
    }
  }

  /** A mistake of the user's, reported in one line without a stack trace. */
  static final class UserError extends RuntimeException {
    UserError(String message) { super(message); }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"sohieu " + (v == null ? "dev" : v) + " (Lucene " + org.apache.lucene.util.Version.LATEST
          + ", Java " + Runtime.version() + ")"};
    }
  }
}
