package sohieu.extract;

import com.ibm.icu.text.Normalizer2;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.html.charsetdetector.StandardHtmlEncodingDetector;
import sohieu.lang.Language;
import sohieu.lang.VietnameseOrthography;

/**
 * Picks a text's encoding by reading the decoded text, not by trusting a statistical guess: a byte-order mark,
 * then an HTML meta charset, then valid UTF-8, then whichever legacy encoding of our languages (Cyrillic, Central
 * European, Western, Vietnamese including TCVN3 and VISCII) decodes the bytes into the most plausible words.
 */
public final class TextEncodingDetector implements EncodingDetector {
  private static final int SAMPLE = 64 * 1024;
  private static final int SCORED = 16 * 1024;
  private static final List<Charset> LEGACY = List.of(Charset.forName("windows-1252"), Charset.forName("windows-1250"),
      Charset.forName("ISO-8859-2"), Charset.forName("windows-1251"), Charset.forName("KOI8-R"),
      Charset.forName("IBM866"), Charset.forName("windows-1258"), LegacyCharsets.TCVN3, LegacyCharsets.VISCII, LegacyCharsets.VNI);
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  /** The Latin letters beyond ASCII of every language Sohieu knows. */
  private static final String LATIN_LETTERS = latinLetters();

  private final Charset forced;

  /** Detects the encoding, or always answers {@code forced} when it is not null. */
  public TextEncodingDetector(Charset forced) { this.forced = forced; }

  @Override
  public Charset detect(InputStream input, Metadata metadata) throws IOException {
    if (forced != null) return forced;
    if (input == null) return null;
    input.mark(SAMPLE);
    byte[] sample;
    try {
      sample = input.readNBytes(SAMPLE);
    } finally {
      input.reset();
    }
    return detect(sample);
  }

  static Charset detect(byte[] b) throws IOException {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) return StandardCharsets.UTF_8;
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) return StandardCharsets.UTF_16LE;
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) return StandardCharsets.UTF_16BE;
    Charset utf16 = utf16WithoutBom(b);
    if (utf16 != null) return utf16;
    // Scrapers re-save pages as UTF-8 and keep their old meta tag: valid UTF-8 beyond ASCII is UTF-8 whatever it says.
    boolean utf8 = validUtf8(b);
    if (utf8 && hasNonAscii(b)) return StandardCharsets.UTF_8;
    Charset declared = new StandardHtmlEncodingDetector().detect(new ByteArrayInputStream(b), new Metadata());
    if (declared != null) return declared;
    if (utf8) return StandardCharsets.UTF_8;
    // 16 KB of text tell the encodings apart; scoring more only costs time on large or binary files.
    byte[] head = b.length > SCORED ? java.util.Arrays.copyOf(b, SCORED) : b;
    Charset best = LEGACY.get(0);
    long bestScore = Long.MIN_VALUE;
    for (Charset cs : LEGACY) {
      String decoded = new String(head, cs), composed = NFC.normalize(decoded);
      // Marks that compose with their letter are the signature of the encodings that write them apart (VNI, 1258).
      long score = plausibility(composed) + 2L * (decoded.length() - composed.length());
      if (score > bestScore) {
        bestScore = score;
        best = cs;
      }
    }
    return best;
  }

  /** How much a decoded text looks like words of our five languages: letters score, signs of mis-decoding cost. */
  static long plausibility(String text) {
    long score = 0;
    int wordStart = -1, tonesInWord = 0, latin = 0, cyrillic = 0;
    boolean lowerSeen = false;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (Character.isLetter(c)) {
        if (wordStart < 0) {
          wordStart = i;
          tonesInWord = latin = cyrillic = 0;
          lowerSeen = false;
        }
        if (c >= 0x400 && c <= 0x4ff) cyrillic++; else latin++;
        char lower = Character.toLowerCase(c);
        score += known(lower) ? 1 : -3;
        if (Character.isUpperCase(c) && lowerSeen) score -= 3;
        if (Character.isLowerCase(c)) lowerSeen = true;
        if (VietnameseOrthography.LETTERS.indexOf(lower) >= 0 && VietnameseOrthography.hasTone(lower) && ++tonesInWord > 1) score -= 3;
      } else {
        if (wordStart >= 0 && latin > 0 && cyrillic > 0) score -= 3L * (latin + cyrillic); // "Considйrant"
        if (wordStart >= 0 && cyrillic == 0) score -= notVietnamese(text.substring(wordStart, i)); // "Ủuvre"
        wordStart = -1;
        if (Character.getType(c) == Character.NON_SPACING_MARK) score -= 3;
        else if (suspicious(c)) score -= 5;
      }
    }
    return score;
  }

  /** A penalty for a word that uses letters only Vietnamese writes but is no Vietnamese syllable. */
  private static int notVietnamese(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    boolean vietnameseOnly = false;
    for (int i = 0; i < lower.length() && !vietnameseOnly; i++) {
      vietnameseOnly = VietnameseOrthography.ONLY_LETTERS.indexOf(lower.charAt(i)) >= 0;
    }
    if (!vietnameseOnly) return 0;
    return VietnameseOrthography.isSyllable(lower) ? 0 : 2 * word.length();
  }

  private static boolean known(char lower) {
    if (lower < 0x80) return true;
    if (lower >= 0x430 && lower <= 0x44f || lower == 'ё') return true;
    return LATIN_LETTERS.indexOf(lower) >= 0;
  }

  private static String latinLetters() {
    StringBuilder b = new StringBuilder();
    for (Language l : Language.values()) if (l.script() == Language.Script.LATIN) b.append(l.letters());
    return b.toString();
  }

  /** Signs and controls that legacy text in our languages does not contain, but mis-decoded text does. */
  private static boolean suspicious(char c) {
    if (c == '\uFFFD') return true;
    if (c < 0x20) return c != '\n' && c != '\r' && c != '\t' && c != '\f';
    if (c >= 0x80 && c <= 0x9F) return true;
    if (c >= 0xA0 && c <= 0xBF) return "\u00a0«»°§·".indexOf(c) < 0;
    if (c == '×' || c == '÷') return true;
    return c >= 0x2500 && c <= 0x259F; // box drawing, what Cyrillic code pages decode to in the wrong table
  }

  private static boolean validUtf8(byte[] b) {
    int end = b.length;
    // A sample cut in the middle of a multi-byte sequence is still UTF-8.
    for (int k = 0; k < 3 && end > 0 && (b[end - 1] & 0xC0) == 0x80; k++) end--;
    if (end > 0 && (b[end - 1] & 0xC0) == 0xC0) end--;
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, end));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean hasNonAscii(byte[] b) {
    for (byte x : b) if (x < 0) return true;
    return false;
  }

  /**
   * UTF-16 without a mark: in every other position one byte value below 0x20 dominates (the high byte of Latin,
   * Cyrillic or Vietnamese code points: 0x00, 0x04, 0x1E), while the other positions vary.
   */
  private static Charset utf16WithoutBom(byte[] b) {
    int n = Math.min(b.length, 8192) & ~1;
    if (n < 16) return null;
    int[][] counts = new int[2][256];
    for (int i = 0; i < n; i++) counts[i & 1][b[i] & 0xff]++;
    int pairs = n / 2;
    for (int parity = 0; parity < 2; parity++) {
      int top = argmax(counts[parity]), other = argmax(counts[1 - parity]);
      if (top < 0x20 && counts[parity][top] > pairs * 0.5 && counts[1 - parity][other] < pairs * 0.3) {
        return parity == 0 ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
      }
    }
    return null;
  }

  private static int argmax(int[] counts) {
    int best = 0;
    for (int i = 1; i < counts.length; i++) if (counts[i] > counts[best]) best = i;
    return best;
  }

  @Override
  public String toString() { return "TextEncodingDetector" + (forced == null ? "" : "(" + forced.name().toLowerCase(Locale.ROOT) + ")"); }
}
