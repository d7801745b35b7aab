package sohieu.lang;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

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

  private final long[] keys;
  private final float[] logp; // keys.length * LANGS.size()
  private final int mask;

  TrigramScorer() {
    int cap = 1 << 18;
    keys = new long[cap];
    logp = new float[cap * LANGS.size()];
    Arrays.fill(logp, UNSEEN);
    mask = cap - 1;
    ObjectMapper json = new ObjectMapper();
    for (int l = 0; l < LANGS.size(); l++) {
      String res = "/language-models/" + LANGS.get(l) + "/trigrams.json";
      try (InputStream in = TrigramScorer.class.getResourceAsStream(res)) {
        if (in == null) throw new IllegalStateException(res + " is not on the class path (Lingua jar missing?)");
        JsonNode ngrams = json.readTree(in).get("ngrams");
        for (Iterator<Map.Entry<String, JsonNode>> it = ngrams.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          String frac = e.getKey();
          int slash = frac.indexOf('/');
          float lp = (float) Math.log(Double.parseDouble(frac.substring(0, slash)) / Double.parseDouble(frac.substring(slash + 1)));
          for (String g : e.getValue().asText().split(" ")) {
            if (g.length() != 3) continue;
            int slot = slot(key(g.charAt(0), g.charAt(1), g.charAt(2)), true);
            if (slot >= 0) logp[slot * LANGS.size() + l] = lp;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
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
