package sohieu.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

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
   * A number of four characters or more (17/6, 2017, 126.821.490.000, 15/2020/NĐ-CP's 2020): shorter ones (article
   * and item numbers, 1 to 99) are in every text.
   */
  private static final Pattern NUMBER = Pattern.compile("\\d[\\d./-]*\\d");
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

  private static final Analyzer NUMBERS = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      Tokenizer numbers = new PatternTokenizer(NUMBER, 0);
      TokenStream long_ = new LengthFilter(numbers, 4, Integer.MAX_VALUE);
      // Twenty hash functions, not twenty buckets of one: a few numbers leave most buckets empty, and rotation would
      // fill them from one number that two unrelated texts share (a year).
      return new TokenStreamComponents(numbers, new MinHashFilter(long_, NUMBER_HASHES, 1, 1, false));
    }
  };

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
    return words(text) < MIN_WORDS ? List.of() : hashes(SHINGLES, text, HASHES);
  }

  /** The {@link #NUMBER_HASHES} minimum hashes of {@code text}'s numbers, or an empty list when it has too few. */
  public static List<String> numberSignature(String text) {
    Set<String> distinct = new HashSet<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find() && distinct.size() < MIN_NUMBERS) if (m.group().length() >= 4) distinct.add(m.group());
    return distinct.size() < MIN_NUMBERS ? List.of() : hashes(NUMBERS, text, NUMBER_HASHES);
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
