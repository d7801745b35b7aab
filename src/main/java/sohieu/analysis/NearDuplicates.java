package sohieu.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.StringHelper;

/**
 * The signatures by which copies of one story are found: MinHash (Lucene's {@link MinHashFilter}) over the text's
 * word shingles, and over its numbers, each cut into bands for locality-sensitive hashing; two texts that share a
 * band key are taken for the same story. The words find syndicated copies and a page crawled twice with other
 * navigation around it (texts that share most of their five-word shingles). The numbers (dates, figures, document
 * numbers: what a translation or another outlet's rewrite of the same report keeps) find the same story told in
 * other words or another language; measured on ../shared/data by {@code NearDuplicateBench}.
 */
public final class NearDuplicates {
  /** Words per shingle: five is the usual length for news text (fewer make unrelated texts on one topic meet). */
  static final int SHINGLE = 5;
  /** Minimum hashes of the words: one per bucket. */
  static final int HASHES = 64;
  /**
   * Rows per band of the words: with 64 hashes in 8 bands of 8, two texts meet with probability 1-(1-J^8)^8: 0.04 at
   * a Jaccard similarity J of their shingles of 0.5, 0.47 at 0.7, 0.88 at 0.8, 0.999 at 0.9.
   */
  static final int ROWS = 8;
  /**
   * Texts shorter than this many words leave buckets empty (which rotation fills from a neighbour, so that two texts
   * would meet on one shared shingle) and have too few shingles to tell a copy from a shared phrase.
   */
  static final int MIN_WORDS = 200;
  /**
   * A number is a run of digits and . / - from a digit to a digit, of four characters or more (17/6, 2017,
   * 126.821.490.000, 15/2020/NĐ-CP's 2020): shorter ones (article and item numbers, 1 to 99) are in every text.
   */
  static final int NUMBER_LENGTH = 4;
  /** Minimum hashes of the numbers, in bands of {@link #NUMBER_ROWS}: 1-(1-J^5)^4 is 0.12 at 0.5, 0.52 at 0.7, 0.96 at 0.9. */
  static final int NUMBER_HASHES = 20;
  static final int NUMBER_ROWS = 5;
  /** Fewer distinct numbers than this say too little to tell one story from another. */
  static final int MIN_NUMBERS = 8;

  private static final Analyzer SHINGLES = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      Tokenizer words = new StandardTokenizer();
      ShingleFilter shingles = new ShingleFilter(new LowerCaseFilter(words), SHINGLE, SHINGLE);
      shingles.setOutputUnigrams(false);
      return new TokenStreamComponents(words, new MinHashFilter(shingles, 1, HASHES, 1, true));
    }
  };


  /** The words the shingles are made of, as {@link #SHINGLES} reads them. */
  private static final Analyzer WORDS = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      Tokenizer words = new StandardTokenizer();
      return new TokenStreamComponents(words, new LowerCaseFilter(words));
    }
  };

  /**
   * MinHashFilter's hash functions: the 128-bit hash of a token is mixed with the one of the function's number (a
   * big-endian int); the words use the first, the numbers all {@link #NUMBER_HASHES}.
   */
  private static final long[][] FUNCTIONS = new long[NUMBER_HASHES][];

  static {
    for (int i = 0; i < NUMBER_HASHES; i++) {
      FUNCTIONS[i] = StringHelper.murmurhash3_x64_128(new byte[] {0, 0, (byte) (i >> 8), (byte) i}, 0, 4, 0);
    }
  }
  /** MinHashFilter's bucket width over the top 32 bits of a hash. */
  private static final long BUCKET = (1L << 32) / HASHES;

  private static final HexFormat HEX = HexFormat.of();

  private NearDuplicates() {}

  /**
   * Every band key of {@code text}: of its words ({@code w0:...}) unless it is too short, and of its numbers
   * ({@code n0:...@vi}) unless it has too few. A number key carries the text's main {@code language}: numbers alone
   * join unrelated reports of one session in one language, so they are to join texts across languages only.
   */
  public static List<String> keys(String text, String language) {
    List<String> keys = new ArrayList<>(bands("w", signature(text), ROWS));
    for (String key : bands("n", numberSignature(text), NUMBER_ROWS)) keys.add(key + "@" + language);
    return keys;
  }

  /** Whether a key of {@link #keys} is one of the numbers. */
  public static boolean isNumberKey(String key) { return key.startsWith("n"); }

  /** A number key without its language: what two texts in different languages share. */
  public static String withoutLanguage(String key) { return key.substring(0, key.lastIndexOf('@')); }

  /** The language of a number key. */
  public static String language(String key) { return key.substring(key.lastIndexOf('@') + 1); }

  /** The {@link #HASHES} minimum hashes of {@code text}'s shingles, or an empty list for a text too short to compare. */
  public static List<String> signature(String text) {
    if (words(text) < MIN_WORDS) return List.of();
    List<String> hashes = shingleHashes(text);
    return hashes != null ? hashes : hashes(SHINGLES, text, HASHES);
  }

  /**
   * The values {@link #SHINGLES} gives (MinHashFilter's 64 buckets with rotation over ShingleFilter's five-word
   * shingles), computed from the words without those filters: they copied every token's attributes into each
   * shingle, re-encoded each shingle through a charset encoder and kept the minima in tree sets (13% of ingest's CPU
   * samples on vi-dev; {@link #keys} over its files takes a third of the time this way). Null for a text whose words have a gap (a token too long for the
   * tokenizer: ShingleFilter fills it in) or a lone surrogate (which the encoder replaces): the filters take those.
   */
  private static List<String> shingleHashes(String text) {
    long[] high = new long[HASHES], low = new long[HASHES];
    boolean[] filled = new boolean[HASHES];
    // The last five words in UTF-16LE, as MinHashFilter hashes them, each encoded once
    byte[][] window = new byte[SHINGLE][32];
    int[] sizes = new int[SHINGLE];
    byte[] bytes = new byte[256];
    int words = 0;
    try (TokenStream ts = WORDS.tokenStream("", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute gap = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (gap.getPositionIncrement() != 1) return null;
        int slot = words++ % SHINGLE;
        char[] chars = term.buffer();
        int n = term.length();
        if (window[slot].length < 2 * n) window[slot] = new byte[4 * n];
        for (int c = 0; c < n; c++) {
          char ch = chars[c];
          if (Character.isHighSurrogate(ch) ? c + 1 == n || !Character.isLowSurrogate(chars[c + 1])
              : Character.isLowSurrogate(ch) && (c == 0 || !Character.isHighSurrogate(chars[c - 1]))) return null;
          utf16le(ch, window[slot], 2 * c);
        }
        sizes[slot] = 2 * n;
        if (words < SHINGLE) continue;
        // The shingle: the words joined by a space
        int length = 0;
        for (int i = 0; i < SHINGLE; i++) {
          int w = (words + i) % SHINGLE;
          if (bytes.length < length + sizes[w] + 2) bytes = Arrays.copyOf(bytes, 2 * (length + sizes[w] + 2));
          if (i > 0) length = utf16le(' ', bytes, length);
          System.arraycopy(window[w], 0, bytes, length, sizes[w]);
          length += sizes[w];
        }
        long[] h = StringHelper.murmurhash3_x64_128(bytes, 0, length, 0);
        long h1 = h[0] * 37 + FUNCTIONS[0][0], h2 = h[1] * 37 + FUNCTIONS[0][1];
        int bucket = (int) ((h2 >>> 32) / BUCKET);
        if (!filled[bucket] || less(h2, h1, high[bucket], low[bucket])) {
          filled[bucket] = true;
          high[bucket] = h2;
          low[bucket] = h1;
        }
      }
      ts.end();
      if (gap.getPositionIncrement() != 0) return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a string reader does not fail
    }
    if (words < SHINGLE) return List.of();
    // An empty bucket takes the minimum of the next bucket that has one, as the filter's rotation does.
    List<String> hashes = new ArrayList<>(HASHES);
    for (int b = 0; b < HASHES; b++) {
      int from = b;
      while (!filled[from]) from = (from + 1) % HASHES;
      hashes.add(HEX.toHexDigits(high[from]) + HEX.toHexDigits(low[from]));
    }
    return hashes;
  }

  /** MinHashFilter's order of hashes: unsigned, the high half first. */
  private static boolean less(long high, long low, long thanHigh, long thanLow) {
    int c = Long.compareUnsigned(high, thanHigh);
    return c < 0 || c == 0 && Long.compareUnsigned(low, thanLow) < 0;
  }

  private static boolean asciiDigit(char c) { return c >= '0' && c <= '9'; }

  private static int utf16le(char c, byte[] into, int at) {
    into[at] = (byte) c;
    into[at + 1] = (byte) (c >> 8);
    return at + 2;
  }

  /**
   * The {@link #NUMBER_HASHES} minimum hashes of {@code text}'s numbers of four characters or more, or an empty list
   * when it has too few: the values of MinHashFilter with that many hash functions of one bucket each, computed
   * directly (the filter encoded each number once per function). Twenty hash functions, not twenty buckets of one: a
   * few numbers leave most buckets empty, and rotation would fill them from one number that two unrelated texts
   * share (a year).
   */
  public static List<String> numberSignature(String text) {
    long[] high = new long[NUMBER_HASHES], low = new long[NUMBER_HASHES];
    boolean any = false;
    Set<String> distinct = new HashSet<>();
    byte[] bytes = new byte[64];
    for (int start = 0, n = text.length(); start < n; start++) {
      if (!asciiDigit(text.charAt(start))) continue;
      // The match of NUMBER here: the longest run of digits and . / - that ends on a digit
      int last = start, end = start + 1;
      for (char c; end < n && (asciiDigit(c = text.charAt(end)) || c == '.' || c == '/' || c == '-'); end++) {
        if (asciiDigit(c)) last = end;
      }
      int length = last + 1 - start;
      int from = start;
      start = end - 1;
      if (length < NUMBER_LENGTH) continue;
      if (distinct.size() < MIN_NUMBERS) distinct.add(text.substring(from, from + length));
      if (bytes.length < 2 * length) bytes = new byte[2 * length];
      for (int c = 0; c < length; c++) utf16le(text.charAt(from + c), bytes, 2 * c);
      long[] h = StringHelper.murmurhash3_x64_128(bytes, 0, 2 * length, 0);
      for (int i = 0; i < NUMBER_HASHES; i++) {
        long h1 = h[0] * 37 + FUNCTIONS[i][0], h2 = h[1] * 37 + FUNCTIONS[i][1];
        if (!any || less(h2, h1, high[i], low[i])) {
          high[i] = h2;
          low[i] = h1;
        }
      }
      any = true;
    }
    if (distinct.size() < MIN_NUMBERS) return List.of();
    List<String> hashes = new ArrayList<>(NUMBER_HASHES);
    // The filter's term: the function's number, the high half and the top 32 bits of the low half
    for (int i = 0; i < NUMBER_HASHES; i++) {
      hashes.add(HEX.toHexDigits(i) + HEX.toHexDigits(high[i]) + HEX.toHexDigits((int) (low[i] >>> 32)));
    }
    return hashes;
  }

  private static List<String> hashes(Analyzer analyzer, String text, int count) {
    List<String> hashes = new ArrayList<>(count);
    try (TokenStream ts = analyzer.tokenStream("", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) hashes.add(hex(term));
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a string reader does not fail
    }
    return hashes.size() == count ? hashes : List.of();
  }

  /** The band keys of a signature: its kind, the band's number and a 64-bit FNV-1a hash of the band's rows. */
  private static List<String> bands(String kind, List<String> signature, int rows) {
    List<String> keys = new ArrayList<>();
    for (int band = 0; band + rows <= signature.size(); band += rows) {
      long h = 0xcbf29ce484222325L;
      for (String row : signature.subList(band, band + rows)) {
        for (int i = 0; i < row.length(); i++) h = (h ^ row.charAt(i)) * 0x100000001b3L;
      }
      keys.add(kind + band / rows + ":" + Long.toHexString(h));
    }
    return keys;
  }

  /** The share of equal hashes of two signatures: an estimate of their texts' Jaccard similarity. */
  public static double similarity(List<String> a, List<String> b) {
    if (a.isEmpty() || a.size() != b.size()) return 0;
    int same = 0;
    for (int i = 0; i < a.size(); i++) if (a.get(i).equals(b.get(i))) same++;
    return (double) same / a.size();
  }

  private static int words(String text) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < text.length() && n < MIN_WORDS; i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      if (letter && !in) n++;
      in = letter;
    }
    return n;
  }

  /** A hash term as hex: its chars are 16-bit slices of the hash, not text (some are lone surrogates). */
  private static String hex(CharTermAttribute term) {
    StringBuilder sb = new StringBuilder(term.length() * 4);
    for (int i = 0; i < term.length(); i++) sb.append(HEX.toHexDigits(term.charAt(i)));
    return sb.toString();
  }
}
