package sohieu.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A fast scorer for longer Latin-script text over vi, fr, pl, en: the sum of log probabilities of each word's letter
 * trigrams, read from Lingua's own trigram models (language-models/xx/trigrams.json inside the Lingua jar), kept in a
 * primitive open-addressing table. About what Lingua's low-accuracy mode computes, without its per-n-gram objects, so
 * one to two orders of magnitude faster. Immutable after construction, so thread-safe.
 */
final class TrigramScorer {
  static final List<String> LANGS = List.of("vi", "fr", "pl", "en");
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
    for (int l = 0; l < LANGS.size(); l++) {
      String res = "/language-models/" + LANGS.get(l) + "/trigrams.json";
      try (InputStream in = TrigramScorer.class.getResourceAsStream(res)) {
        if (in == null) throw new IllegalStateException(res + " is not on the class path (Lingua jar missing?)");
        read(new String(in.readAllBytes(), StandardCharsets.UTF_8), l);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Reads one model, {"language":"...","ngrams":{"num/den":"abc abd ...", ...}}, by hand: a tree parse with
   * split strings took seconds of a cold JVM; this takes milliseconds. Lingua's files have no escapes.
   */
  private void read(String json, int l) {
    int p = json.indexOf("\"ngrams\"");
    if (p < 0) throw new IllegalStateException("no ngrams in Lingua model " + LANGS.get(l));
    p = json.indexOf('{', p) + 1;
    while (true) {
      int k1 = json.indexOf('"', p);
      if (k1 < 0) break;
      int k2 = json.indexOf('"', k1 + 1);
      int slash = json.indexOf('/', k1);
      int v1 = json.indexOf('"', k2 + 1);
      int v2 = json.indexOf('"', v1 + 1);
      if (k2 < 0 || slash < 0 || slash > k2 || v1 < 0 || v2 < 0) throw new IllegalStateException("bad Lingua model " + LANGS.get(l));
      float lp = (float) Math.log((double) integer(json, k1 + 1, slash) / (double) integer(json, slash + 1, k2));
      for (int g = v1 + 1; g < v2; ) {
        int e = json.indexOf(' ', g);
        if (e < 0 || e > v2) e = v2;
        if (e - g == 3) {
          int slot = slot(key(json.charAt(g), json.charAt(g + 1), json.charAt(g + 2)), true);
          if (slot >= 0) logp[slot * LANGS.size() + l] = lp;
        }
        g = e + 1;
      }
      p = v2 + 1;
    }
  }

  private static long integer(String s, int p, int e) {
    long v = 0;
    for (int i = p; i < e; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') throw new IllegalStateException("bad number in Lingua model: " + s.substring(p, e));
      v = v * 10 + (c - '0');
    }
    return v;
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
