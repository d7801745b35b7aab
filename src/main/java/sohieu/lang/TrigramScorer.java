package sohieu.lang;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A fast scorer for longer Latin-script text over the Latin-script rows of {@link Language} (vi, fr, pl, en): the
 * sum of log probabilities of each word's letter trigrams, read from Lingua's own trigram models
 * (language-models/xx/trigrams.json inside the Lingua jar), kept in a primitive open-addressing table. About what
 * Lingua's low-accuracy mode computes, without its per-n-gram objects, so one to two orders of magnitude faster.
 * Immutable after construction, so thread-safe.
 */
final class TrigramScorer {
  static final List<String> LANGS = Language.codes(Language.modelled(Language.Script.LATIN));
  /** Log probability charged to a trigram a language's model lacks. */
  static final float UNSEEN = (float) Math.log(1e-5);

  /** The one shared table, read on the first {@link java.util.function.Supplier#get()}. */
  static java.util.function.Supplier<TrigramScorer> lazyShared() { return Shared::get; }

  private static final class Shared {
    static final TrigramScorer TABLE = new TrigramScorer();

    static TrigramScorer get() { return TABLE; }
  }

  private final long[] keys;
  private final float[] logp; // keys.length * LANGS.size()
  private final int mask;

  TrigramScorer() {
    int cap = 1 << 18;
    keys = new long[cap];
    logp = new float[cap * LANGS.size()];
    Arrays.fill(logp, UNSEEN);
    mask = cap - 1;
    List<Language> rows = Language.modelled(Language.Script.LATIN);
    JsonFactory json = new JsonFactory();
    for (int l = 0; l < rows.size(); l++) {
      String res = "/language-models/" + rows.get(l).code() + "/trigrams.json";
      try (InputStream in = TrigramScorer.class.getResourceAsStream(res)) {
        if (in == null) throw new IllegalStateException(res + " is not on the class path (Lingua jar missing?)");
        read(json, in, l);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Reads one model, {"language":"...","ngrams":{"num/den":"abc abd ...", ...}}, with Jackson's streaming parser:
   * the space-separated trigrams are read from the parser's own buffer, so the four models cost about 0.3 s of CPU
   * on a cold JVM, not the seconds a tree of split strings took (a hand parser of the same files took 0.1 s, but
   * read whatever JSON Lingua might write as if it had no escapes).
   */
  private void read(JsonFactory json, InputStream in, int l) throws IOException {
    // decoded in one go (the JDK's intrinsic), then parsed from chars: on a cold JVM a fifth faster than Jackson's
    // byte-by-byte UTF-8 path
    try (JsonParser p = json.createParser(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalStateException("bad Lingua model " + LANGS.get(l));
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (!field.equals("ngrams") || value != JsonToken.START_OBJECT) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String fraction = p.currentName();
          int slash = fraction.indexOf('/');
          if (slash < 0 || p.nextToken() != JsonToken.VALUE_STRING) throw new IllegalStateException("bad Lingua model " + LANGS.get(l));
          float lp = (float) Math.log((double) Long.parseLong(fraction, 0, slash, 10)
              / Long.parseLong(fraction, slash + 1, fraction.length(), 10));
          char[] text = p.getTextCharacters();
          int from = p.getTextOffset(), to = from + p.getTextLength();
          for (int g = from; g < to; ) {
            int e = g;
            while (e < to && text[e] != ' ') e++;
            if (e - g == 3) {
              int slot = slot(key(text[g], text[g + 1], text[g + 2]), true);
              if (slot >= 0) logp[slot * LANGS.size() + l] = lp;
            }
            g = e + 1;
          }
        }
      }
    }
  }

  /** How many trigrams {@link #score} would score in {@code text}, without the table. */
  static int count(CharSequence text) {
    int n = text.length(), count = 0, run = 0;
    for (int i = 0; i < n; i++) {
      if (!Character.isLetter(text.charAt(i))) { run = 0; continue; }
      if (run >= 2) count++;
      run++;
    }
    return count;
  }

  private static long key(char a, char b, char c) { return ((long) a << 32) | ((long) b << 16) | c | (1L << 48); }

  private int slot(long k, boolean insert) {
    int h = (int) (k ^ (k >>> 29) ^ (k >>> 17)) * 0x9E3779B9;
    int i = (h ^ (h >>> 15)) & mask;
    while (true) {
      long v = keys[i];
      if (v == k) return i;
      if (v == 0) {
        if (!insert) return -1;
        keys[i] = k;
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Adds to {@code scores} (one per LANGS entry) the log probabilities of the letter trigrams inside the words of
   * {@code text} (lower-cased; NFC expected); returns how many trigrams were scored.
   */
  int score(CharSequence text, double[] scores) {
    int n = text.length(), count = 0;
    char a = 0, b = 0;
    int run = 0;
    int langs = LANGS.size();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (!Character.isLetter(c)) { run = 0; continue; }
      c = Character.toLowerCase(c);
      if (run >= 2) {
        int s = slot(key(a, b, c), false);
        if (s >= 0) {
          int base = s * langs;
          for (int l = 0; l < langs; l++) scores[l] += logp[base + l];
        } else {
          for (int l = 0; l < langs; l++) scores[l] += UNSEEN;
        }
        count++;
      }
      a = b; b = c; run++;
    }
    return count;
  }
}
