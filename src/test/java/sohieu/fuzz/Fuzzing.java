package sohieu.fuzz;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What the fuzz targets (the {@code *FuzzTest} classes) share: the switch between replay and fuzzing, the linear-time
 * check, seeds from {@code corpus/} and {@code ../shared/data}, and a plain seeded-mutation loop for machines where
 * Jazzer's native driver cannot run.
 *
 * <p>Modes, both set by {@code scripts/fuzz}: {@code JAZZER_FUZZ=1} lets Jazzer fuzz one target;
 * {@code -Dsohieu.fuzz.mutate=<duration>} runs the mutation loop of each target for that long instead. Neither set
 * (the default build): the targets only replay their regression inputs, and time is not checked, since a loaded
 * machine would make that flaky.
 */
public final class Fuzzing {
  /** Jazzer is fuzzing (not replaying) in this JVM. */
  public static final boolean JAZZER = !System.getenv().getOrDefault("JAZZER_FUZZ", "").isEmpty();
  /** How long each target's mutation loop runs when asked for, else null. */
  public static final Duration MUTATE = duration(System.getProperty("sohieu.fuzz.mutate"));
  /**
   * A fuzz session (Jazzer or mutations) rather than the default build's replay. Time per input is checked only then:
   * a default run must never fail on a slow machine.
   */
  public static final boolean SESSION = JAZZER || MUTATE != null;

  /** Per input: a fixed allowance for JIT and GC plus 50 µs per char, some 50 times the slowest scan measured. */
  private static final long BASE_MILLIS = 250, NANOS_PER_CHAR = 50_000L;
  private static final Path SHARED = Path.of("..", "shared", "data");
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private Fuzzing() {}

  /** The input as text: malformed UTF-8 becomes U+FFFD, as a text file read by the extractor would. */
  public static String text(byte[] data) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(data)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new AssertionError(e); // REPLACE never throws
    }
  }

  /**
   * Runs {@code work} on an input of {@code length} chars; in a fuzz session fails when it takes longer than the
   * linear bound three times in a row. Time is the thread's CPU time, so that other processes on a shared machine do
   * not count; the best of three rules out a class loaded and instrumented on first use.
   */
  public static void linear(int length, Runnable work) {
    linear(length, BASE_MILLIS, work);
  }

  /** As {@link #linear(int, Runnable)} with a fixed allowance of {@code baseMillis} (a search costs more than a scan). */
  public static void linear(int length, long baseMillis, Runnable work) {
    if (!SESSION) {
      work.run();
      return;
    }
    long bound = baseMillis * 1_000_000L + NANOS_PER_CHAR * length, best = Long.MAX_VALUE;
    for (int attempt = 0; attempt < 3 && best > bound; attempt++) {
      long t0 = CPU.getCurrentThreadCpuTime();
      work.run();
      best = Math.min(best, CPU.getCurrentThreadCpuTime() - t0);
    }
    if (best > bound) {
      fail("not linear: " + best / 1_000_000 + " ms of CPU on " + length + " chars, bound " + bound / 1_000_000 + " ms");
    }
  }

  /**
   * Seed texts: the files of {@code corpus/}, then up to {@code perFolder} files of each folder of
   * {@code ../shared/data} that holds text (read where they are, never copied into the project), each cut to
   * {@code maxChars}. Without {@code ../shared/data} only the corpus seeds, and a line on standard error says so.
   */
  public static List<String> seeds(int perFolder, int maxChars) {
    List<String> out = new ArrayList<>();
    for (Path f : files(Path.of("corpus"), Integer.MAX_VALUE)) out.add(head(f, maxChars));
    if (!Files.isDirectory(SHARED)) {
      System.err.println("fuzz seeds: " + SHARED + " is absent, seeding from corpus/ only");
      return out;
    }
    for (String folder : List.of("vi-dev/tvpl", "vi-dev/baomoi", "vi-dev/party", "vi-dev/phapdien", "formats/txt",
        "formats/legacy_encodings")) {
      for (Path f : files(SHARED.resolve(folder), perFolder)) out.add(head(f, maxChars));
    }
    return out;
  }

  /** Lines of {@code ../shared/data/vi-dev/candidate-refs.tsv} (citations in context), or none when it is absent. */
  public static List<String> candidateLines(int max) {
    Path tsv = SHARED.resolve("vi-dev/candidate-refs.tsv");
    if (!Files.isRegularFile(tsv)) return List.of();
    try (Stream<String> lines = Files.lines(tsv)) {
      return lines.skip(1).limit(max).map(l -> l.replace('\t', ' ')).toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }

  /**
   * In a Jazzer session, writes the seeds into the target's generated corpus (under {@code jazzer.internal.basedir},
   * which scripts/fuzz points outside the project) so that fuzzing starts from real text; does nothing otherwise.
   */
  public static void seedJazzer(Class<?> target, String method, Supplier<List<String>> seedTexts) throws IOException {
    if (!JAZZER) return;
    List<String> seeds = seedTexts.get();
    Path dir = Path.of(System.getProperty("jazzer.internal.basedir", "."), ".cifuzz-corpus", target.getName(), method);
    Files.createDirectories(dir);
    for (int i = 0; i < seeds.size(); i++) {
      Files.writeString(dir.resolve(String.format(java.util.Locale.ROOT, "seed-%04d", i)), seeds.get(i));
    }
  }

  /**
   * Seeded random mutations of {@code seeds} through {@code target} for {@link #MUTATE}, from a fresh seed printed so
   * that a failure can be replayed with {@code -Dsohieu.fuzz.seed}; a failing input is written to
   * {@code -Dsohieu.fuzz.dir} (scripts/fuzz's folder) before the error goes on. Skipped unless
   * {@code -Dsohieu.fuzz.mutate} is set.
   */
  public static void mutate(String name, Supplier<List<String>> seedTexts, Consumer<byte[]> target) throws IOException {
    assumeTrue(MUTATE != null, "seeded mutations run under scripts/fuzz --mutate");
    List<String> seeds = seedTexts.get();
    long seed = Long.getLong("sohieu.fuzz.seed", System.nanoTime());
    Random random = new Random(seed);
    long deadline = System.nanoTime() + MUTATE.toNanos();
    long runs = 0;
    for (; System.nanoTime() < deadline; runs++) {
      byte[] input = Mutator.mutate(random, seeds);
      try {
        target.accept(input);
      } catch (Throwable t) {
        Path dir = Files.createDirectories(Path.of(System.getProperty("sohieu.fuzz.dir", "target/fuzz-failures"), name));
        Path saved = dir.resolve("mutation-" + seed + "-" + runs);
        Files.write(saved, input);
        throw new AssertionError(name + ": input " + runs + " of seed " + seed + " failed, saved as " + saved, t);
      }
    }
    System.err.println("fuzz " + name + ": " + runs + " mutations in " + MUTATE + ", seed " + seed);
  }

  private static List<Path> files(Path dir, int max) {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().limit(max).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String head(Path f, int maxChars) {
    try {
      String s = text(Files.readAllBytes(f));
      return s.length() <= maxChars ? s : s.substring(0, maxChars);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Duration duration(String s) {
    if (s == null || s.isBlank()) return null;
    char unit = s.charAt(s.length() - 1);
    long n = Long.parseLong(Character.isDigit(unit) ? s : s.substring(0, s.length() - 1));
    return switch (unit) {
      case 'h' -> Duration.ofHours(n);
      case 'm' -> Duration.ofMinutes(n);
      default -> Duration.ofSeconds(n);
    };
  }

  /** Byte-level mutations in the spirit of libFuzzer's: flips, inserts, deletes, repeats, splices of two seeds. */
  static final class Mutator {
    /** Fragments that steer mutations towards the grammar: separators, look-alike letters, lead-ins, query syntax. */
    private static final String[] TOKENS = {"-NQ/TW", "/QĐ-TTg", "/2020/NĐ-CP", "-", "–", "/", " ", "\n", "số ",
        "Số: ", "Nghị quyết ", "ngày 22 tháng 12 năm 2024", "№ ", "n° ", "С", "Р", "Đ", "đ", "\u0301", "\uFEFF",
        "\u200B", "(", ")", "\"", "*", ":", "ref:", "date:[2023 TO *]", "AND ", "NOT ", "~", "^", "\\", "http://", "@",
        "Hà Nội, ", "\uD83D\uDE00", "\uD800", "1", "2025", "99999999999"};

    static byte[] mutate(Random r, List<String> seeds) {
      StringBuilder s = new StringBuilder(seeds.get(r.nextInt(seeds.size())));
      for (int n = 1 + r.nextInt(8); n > 0; n--) {
        int at = s.isEmpty() ? 0 : r.nextInt(s.length() + 1);
        switch (r.nextInt(6)) {
          case 0 -> s.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
          case 1 -> { if (at < s.length()) s.deleteCharAt(at); }
          case 2 -> { if (at < s.length()) s.setCharAt(at, (char) r.nextInt(0x3000)); }
          case 3 -> {
            int len = Math.min(s.length() - at, 1 + r.nextInt(40));
            String piece = s.substring(at, at + len);
            s.insert(at, piece.repeat(1 + r.nextInt(50)));
          }
          case 4 -> {
            String other = seeds.get(r.nextInt(seeds.size()));
            int from = other.isEmpty() ? 0 : r.nextInt(other.length());
            s.insert(at, other, from, Math.min(other.length(), from + 1 + r.nextInt(200)));
          }
          default -> s.setLength(Math.min(s.length(), at));
        }
      }
      return s.toString().getBytes(StandardCharsets.UTF_8);
    }
  }
}
