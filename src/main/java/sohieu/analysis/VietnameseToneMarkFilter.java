package sohieu.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import sohieu.lang.VietnameseOrthography;

/**
 * Puts the tone mark of a Vietnamese syllable where one fixed convention wants it, so that both current spellings
 * of the same syllable give the same term: {@code hoà}/{@code hòa}, {@code thuỷ}/{@code thủy},
 * {@code khoẻ}/{@code khỏe}, {@code uỷ}/{@code ủy} (and misplaced marks such as {@code qúa} for {@code quá}).
 *
 * <p><b>Convention: the traditional ("old") placement</b>, the more frequent one in our Vietnamese data (about
 * 2,700 {@code hòa} to 3,500 {@code hoà}, but 1,250 {@code thủy} to 26 {@code thuỷ} and 690 {@code khỏe} to 110
 * {@code khoẻ}). The two conventions differ only in open syllables with the rhymes oa, oe, uy: the 1980s "new"
 * rules put the mark on the main vowel ({@code hoà, khoẻ, thuỷ}), the traditional rule on the first vowel
 * ({@code hòa, khỏe, thủy}). Rule table, applied to the vowel nucleus (the vowels after the initial consonant,
 * where the u of qu and the i of gi belong to the initial):
 * <ol>
 *   <li>one vowel: on it ({@code quả, gì, mắt});</li>
 *   <li>else a vowel with a quality mark (ă â ê ô ơ ư): on the last such ({@code người, việt, quyết, tuổi});</li>
 *   <li>else a final consonant follows: on the last vowel ({@code hoàng, hoạch, huỳnh});</li>
 *   <li>else three vowels: on the middle one ({@code ngoài, khuỷu, ngoẹo});</li>
 *   <li>else two vowels: on the first ({@code hòa, thủy, khỏe, của, mùa, hài}).</li>
 * </ol>
 *
 * <p>Expects NFC, lower-cased terms (place it after ICU normalization with case folding). A term that is not
 * exactly one Vietnamese syllable with one tone mark (loanwords, French {@code été}, numbers, citations) is left as is.
 */
public final class VietnameseToneMarkFilter extends TokenFilter {
  /** Vowel letters without tone, in table order. */
  static final String VOWELS = VietnameseOrthography.VOWELS;
  /** Vowels carrying a quality mark: rule 2. */
  private static final String QUALITY = VietnameseOrthography.QUALITY_VOWELS;
  private static final int TABLE_LIMIT = 0x1F00;
  /** TONED[vowel][tone]: the NFC character, tone 0 = no tone. */
  private static final char[][] TONED = new char[VOWELS.length()][6];
  /** For a char below TABLE_LIMIT: 0 if not a Vietnamese vowel, else 1 + vowel * 8 + tone. */
  private static final short[] CODE = new short[TABLE_LIMIT];
  private static final CharArraySet INITIALS = new CharArraySet(VietnameseOrthography.INITIALS, false);
  private static final CharArraySet FINALS = new CharArraySet(VietnameseOrthography.FINALS, false);
  private static final int MAX_SYLLABLE = 8;

  static {
    for (int v = 0; v < VOWELS.length(); v++) {
      char base = VOWELS.charAt(v);
      TONED[v][0] = base;
      CODE[base] = (short) (1 + v * 8);
      for (int t = 1; t <= 5; t++) {
        char composed = VietnameseOrthography.toned(base, t);
        if (composed >= TABLE_LIMIT) {
          throw new AssertionError("no precomposed form for " + base + " tone " + t + " below " + TABLE_LIMIT);
        }
        TONED[v][t] = composed;
        CODE[composed] = (short) (1 + v * 8 + t);
      }
    }
  }

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

  public VietnameseToneMarkFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    unify(termAtt.buffer(), termAtt.length());
    return true;
  }

  /** The syllable with its tone mark in the canonical place (for tests and for callers outside a token stream). */
  public static String canonical(String syllable) {
    char[] b = syllable.toCharArray();
    unify(b, b.length);
    return new String(b);
  }

  private static int code(char c) {
    return c < TABLE_LIMIT ? CODE[c] : 0;
  }

  private static boolean isVowel(char c) {
    return code(c) != 0;
  }

  private static int vowel(int code) {
    return (code - 1) >> 3;
  }

  private static int tone(int code) {
    return (code - 1) & 7;
  }

  /** Rewrites b[0..n) in place; true if it changed. */
  static boolean unify(char[] b, int n) {
    if (n == 0 || n > MAX_SYLLABLE) {
      return false;
    }
    int tone = 0;
    for (int k = 0; k < n; k++) {
      char c = b[k];
      int code = code(c);
      if (code != 0) {
        if (tone(code) != 0) {
          if (tone != 0) {
            return false; // two tones: not one syllable
          }
          tone = tone(code);
        }
      } else if (!((c >= 'a' && c <= 'z') || c == 'đ')) {
        return false;
      }
    }
    if (tone == 0) {
      return false;
    }
    int i = 0;
    while (i < n && !isVowel(b[i])) {
      i++;
    }
    if (i == n) {
      return false;
    }
    // qu and gi: the u / i belongs to the initial when another vowel follows
    // (the u / i may carry a misplaced mark, so compare its bare vowel)
    if (i == 1 && i + 1 < n && isVowel(b[i + 1])
        && ((b[0] == 'q' && VOWELS.charAt(vowel(code(b[1]))) == 'u')
            || (b[0] == 'g' && VOWELS.charAt(vowel(code(b[1]))) == 'i'))) {
      i = 2;
    } else if (!INITIALS.contains(b, 0, i)) {
      return false;
    }
    int j = i;
    while (j < n && isVowel(b[j])) {
      j++;
    }
    int nucleus = j - i;
    if (nucleus > 3 || !FINALS.contains(b, j, n - j)) {
      return false;
    }
    int target = -1;
    for (int k = i; k < j; k++) {
      if (QUALITY.indexOf(VOWELS.charAt(vowel(code(b[k])))) >= 0) {
        target = k; // rule 2: the last vowel with a quality mark
      }
    }
    if (nucleus == 1) {
      target = i;
    } else if (target < 0) {
      if (j < n) {
        target = j - 1;
      } else if (nucleus == 3) {
        target = i + 1;
      } else {
        target = i;
      }
    }
    boolean changed = false;
    for (int k = 0; k < j; k++) {
      int code = code(b[k]);
      if (code != 0) {
        char want = TONED[vowel(code)][k == target ? tone : 0];
        if (want != b[k]) {
          b[k] = want;
          changed = true;
        }
      }
    }
    return changed;
  }
}
