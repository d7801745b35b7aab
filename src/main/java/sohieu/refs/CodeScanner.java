package sohieu.refs;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a full document number at a digit: the explicit-citation builder's grammar, written by hand over folded chars
 * with every loop bounded (no regex, no backtracking).
 *
 * <p>Accepted surface forms (spaces of up to 3 chars, one line break at most, may stand around every '-' and '/'):
 * <ul>
 *   <li>Party, {@code NUMBER-TYPE/ISSUER}: {@code 25-NQ/TW}, {@code 43- KL/TW}, {@code 101 – QĐ/TW}, {@code 26–NQ/TW},
 *       {@code 336- QD/BCSCLTW}, {@code 10-CT / TW}, {@code 16-qd/tw}, {@code 08-QĐi/TW}, {@code 57\-NQ/TW};
 *       TYPE must be a party type of types.tsv, ISSUER any 2-12 letters. Without the hyphen ({@code 47CT/TW}) only
 *       with a slash and a party body; spelled in Russian letters by sound ({@code 41-НК/ТВ}) only as translit.tsv
 *       lists.</li>
 *   <li>State with year, {@code NUMBER/YEAR/CODE}: {@code 10/2022/QH15}, {@code 15/2020/NĐ-CP}, {@code 320/2025/ND-CP},
 *       {@code 167/2013/ NĐ-CP}, {@code 181/2005/QĐ–TTg}, {@code 307/2005/qđ-ttg}, {@code 58/2016/QĐ-Ttg},
 *       {@code 120/2020/NĐ-СР} (Cyrillic С Р), {@code 52/2022/NQ-UBTVQH15}, {@code 04/2017/TT-BGDĐT},
 *       glued {@code 71/2011/NĐ-CPquy} (read as NĐ-CP). YEAR lies in grammar.tsv's code-years.</li>
 *   <li>State without year, {@code NUMBER/TYPE-ISSUER}: {@code 1234/QĐ-TTg}, {@code 45/NQ-CP}, {@code 2512 /QĐ-UBND};
 *       TYPE must be a known type; after the lead-in "số" any upper-case code of two parts also counts
 *       ({@code số 562/BKHCN-VCL}).</li>
 * </ul>
 * Canonical form: the number without leading zeros (but one-digit numbers padded to two, as printed), codes in their official spelling (codes.tsv, types.tsv,
 * issuers.tsv: D becomes Đ, TTG becomes TTg), no spaces. A party body's number (party-issuers.tsv) always takes the
 * party form, however written: {@code 36/NQ-TW}, {@code 36/NQ/TW}, {@code 57-NQ-TW}, {@code 09-NQ/TƯ} are
 * {@code 36-NQ/TW}, {@code 57-NQ/TW}, {@code 09-NQ/TW}; the state form stays for state issuers ({@code 45/NQ-CP}).
 */
final class CodeScanner {
  /** A full number found in the text. */
  /**
   * A full number found in the text. {@code needsContext}: a well-formed code the vocabulary cannot vouch for, which
   * counts only after a lead-in or a type word ("số 4521/TCT-DNL", "Công văn 31/CP"); {@code known}: every code in
   * it is in the vocabulary.
   */
  record Code(int start, int end, String canonical, String number, Integer year, String type, String issuer,
              boolean needsContext, boolean known) {
    Code(int start, int end, String canonical, String number, Integer year, String type, String issuer) {
      this(start, end, canonical, number, year, type, issuer, false, true);
    }
  }

  private static final int SPACE = 3;
  private static final int MAX_DIGITS = 6;
  private static final int MAX_SEGMENTS = 6;
  private static final int MAX_CODE = 16;

  private final Vocabulary vocab;

  CodeScanner(Vocabulary vocab) {
    this.vocab = vocab;
  }

  /** End of the digit run at p (bounded by the run itself). */
  static int digitsEnd(String t, int p) {
    int n = t.length();
    while (p < n && Chars.isDigit(t.charAt(p))) p++;
    return p;
  }

  /**
   * The code whose number starts at {@code p} (a digit not preceded by a digit), or null. A state code without year
   * that the vocabulary cannot vouch for comes back with {@code needsContext}.
   * {@code lenient} (for user spellings) drops the checks of what follows the code and of the type's presence.
   */
  Code read(String t, int p, boolean lenient) {
    int de = digitsEnd(t, p);
    if (de - p > MAX_DIGITS) return null;
    String number = number(t, p, de);
    // "2074a/QĐ-TTTT": a number with a letter added, written before the slash
    if (de + 1 < t.length() && t.charAt(de) >= 'a' && t.charAt(de) <= 'z' && Chars.fold(t.charAt(de + 1)) == '/') {
      number += t.charAt(de);
      de++;
    }
    int q = Chars.skipSpace(t, de, SPACE);
    int dash = Chars.dashAt(t, q);
    if (dash > 0) {
      int s = Chars.skipSpace(t, dash, SPACE);
      Code c = party(t, p, number, s, lenient, false);
      return c != null ? c : issuerOnly(t, p, number, s, lenient);
    }
    if (q < t.length() && Chars.fold(t.charAt(q)) == '/') return state(t, p, number, Chars.skipSpace(t, q + 1, SPACE), lenient);
    // "47CT/TW": the writer left out the hyphen; read only as a party type, a slash and a party body
    if (q == de && q < t.length() && Chars.isCodeLetter(Chars.fold(t.charAt(q)))) return party(t, p, number, q, lenient, true);
    return null;
  }

  /**
   * "Nghị định 330-CP", "Quyết định 119-HĐBT": the old numbering, a number and its issuer's code alone. Only a known
   * issuer, and only where a type word makes it a document number.
   */
  private Code issuerOnly(String t, int start, String number, int q, boolean lenient) {
    int e = segmentEnd(t, q, true);
    if (e < 0 || e - q < 2 || !isUpper(t, q, e) || !latinEnough(t, q, e) || !boundaryAfter(t, e)) return null;
    if (e < t.length() && (Chars.fold(t.charAt(e)) == '/' || Chars.fold(t.charAt(e)) == '-')) return null;
    String code = spell(t, q, e);
    if (!vocab.isIssuer(code) || vocab.partyIssuer(code) != null) return null;
    return new Code(start, e, number + "-" + code, number, null, null, code, !lenient, true);
  }

  private Code party(String t, int start, String number, int q, boolean lenient, boolean noHyphen) {
    int te = lettersEnd(t, q);
    if (te < 0 || te - q < 2 || te - q > 5) return null;
    if (!noHyphen && isCyrillic(t, q, te)) {
      Code c = transliterated(t, start, number, q, te, lenient);
      if (c != null) return c;
    }
    String type = spell(t, q, te);
    String scope = vocab.scope(type);
    if (scope == null || scope.equals("state") || scope.equals("word")) return null;
    int s = Chars.skipSpace(t, te, SPACE);
    boolean slash = s < t.length() && Chars.fold(t.charAt(s)) == '/';
    int dash = slash ? -1 : Chars.dashAt(t, s);
    if (!slash && dash < 0) return null;
    int is = Chars.skipSpace(t, slash ? s + 1 : dash, SPACE);
    int ie = segmentEnd(t, is, false); // "7-NQ/HĐND12": a body's term may follow its code
    if (ie < 0 || ie - is < 2 || !latinEnough(t, q, ie)) return null;
    if (!lenient && !boundaryAfter(t, ie)) return null;
    String issuer = spell(t, is, ie);
    // "06-HD/TC-TW": a body's code written in two parts, the second a party body
    if (slash && vocab.spelling(issuer) == null && ie + 2 < t.length() && Chars.fold(t.charAt(ie)) == '-') {
      int ne = segmentEnd(t, ie + 1, true);
      if (ne > ie + 2 && vocab.partyIssuer(spell(t, ie + 1, ne)) != null && (lenient || boundaryAfter(t, ne))) {
        issuer = issuer + spell(t, ie + 1, ne);
        ie = ne;
      }
    }
    String party = vocab.partyIssuer(issuer);
    if (!slash && party == null) return null; // "57-NQ-TW" is a party number only with a party body after the dash
    if (noHyphen && (!slash || party == null)) return null;
    if (party != null) issuer = party;
    boolean known = party != null || vocab.spelling(issuer.replaceFirst("\\d+$", "")) != null;
    return new Code(start, ie, official(number) + "-" + type + "/" + issuer, number, null, type, issuer, false, known);
  }

  private Code state(String t, int start, String number, int q, boolean lenient) {
    Integer year = null;
    if (q < t.length() && Chars.isDigit(t.charAt(q))) {
      int ye = digitsEnd(t, q);
      if (ye - q != 4) return null;
      int y = Integer.parseInt(ascii(t, q, ye));
      if (!vocab.codeYear(y)) return null;
      int s = Chars.skipSpace(t, ye, SPACE);
      if (s >= t.length() || Chars.fold(t.charAt(s)) != '/') return null;
      year = y;
      q = Chars.skipSpace(t, s + 1, SPACE);
    }
    List<String> segs = new ArrayList<>(3);
    boolean upper = true;
    int end = -1, p = q;
    for (int k = 0; k < MAX_SEGMENTS; k++) {
      int se = segmentEnd(t, p, false);
      if (se < 0) break;
      String seg = spell(t, p, se);
      if (!Chars.isCodeLetter(Chars.fold(t.charAt(p)))) break;
      segs.add(seg);
      upper &= isUpper(t, p, se) || seg.equals(t.substring(p, se));
      end = se;
      int d = Chars.dashAt(t, Chars.skipSpace(t, se, 1));
      // "05/2025/NQ.CP": a '.' between a type and a known issuer stands for the dash ("TTr.SYT" stays as written)
      if (d < 0 && k == 0 && se + 1 < t.length() && t.charAt(se) == '.' && vocab.scope(seg) != null
          && issuerAt(t, se + 1)) d = se + 1;
      // "06/2008/TTLT/BCA-VKSNDTC", "36/NQ/TW": a slash after a type code stands for the dash
      if (d < 0 && k == 0 && se < t.length() && t.charAt(se) == '/' && vocab.scope(seg) != null
          && (year != null || partyIssuerAt(t, se + 1) || issuerAt(t, se + 1))) d = se + 1;
      if (d < 0) break;
      int next = Chars.skipSpace(t, d, 1);
      if (next >= t.length() || !Chars.isCodeLetter(Chars.fold(t.charAt(next)))) break;
      // "NĐ-CP — quy định": prose after a spaced dash, not a code ("ubnd-th" typed in lower case is one)
      int ne = lettersEnd(t, next);
      if ((next > d || d - 1 > se) && ne > next && !isUpper(t, next, ne) && vocab.spelling(ascii(t, next, ne)) == null) break;
      if (next == d && d - 1 == se && ne > next && isLower(t, next, ne) && !lenient && vocab.spelling(ascii(t, next, ne)) == null
          && ne - next > 3) break; // "NĐ-CP-quyđịnh": a glued word
      p = next;
    }
    if (segs.isEmpty() || !latinEnough(t, q, end)) return null;
    if (!lenient && !boundaryAfter(t, end)) return null;
    if (year != null || segs.size() == 1) unglue(segs); // "121/2003/NĐCP", "160/QĐBYT"
    for (int k = 0; k < segs.size(); k++) {
      String seg = segs.get(k);
      // "BGD&ĐT" is the official BGDĐT; "BNN&PTNT" is spelled with its '&'
      if (seg.indexOf('&') > 0 && vocab.spelling(seg) == null && vocab.spelling(seg.replace("&", "")) != null) {
        segs.set(k, vocab.spelling(seg.replace("&", "")));
      }
    }
    String first = segs.get(0);
    String scope = vocab.scope(first);
    if (segs.size() == 2 && scope != null && !scope.equals("state") && !scope.equals("word")) {
      String party = vocab.partyIssuer(segs.get(1));
      if (party != null) return new Code(start, end, official(number) + "-" + first + "/" + party, number, year, first, party);
    }
    boolean typed = scope != null && !scope.equals("word") && segs.size() >= 2;
    boolean known = true;
    for (String seg : segs) known &= vocab.spelling(seg.replaceFirst("\\d+$", "")) != null;
    if (vocab.hasRole("foreign-code", Chars.key(segs.get(segs.size() - 1)))) return null; // "2022/2065/EU"
    boolean needsContext = false;
    if (year == null) {
      if (segs.size() == 1 && !vocab.isIssuer(first)) return null; // "31/CP"; not "17/QĐ"
      if (!typed && !lenient) {
        if (!upper) return null;
        // "31/CP", "117/TTg": one known code; "4521/TCT-DNL": codes the vocabulary does not know
        needsContext = segs.size() == 1 || !anyKnown(segs);
      }
    } else {
      if (first.length() < 2 && segs.size() < 2) return null;
      if (!typed && vocab.spelling(first.replaceFirst("\\d+$", "")) == null && !upper && !lenient) return null;
    }
    String code = String.join("-", segs);
    String type = typed ? first : null;
    String issuer = typed ? String.join("-", segs.subList(1, segs.size())) : code;
    String canonical = official(number) + "/" + (year == null ? "" : year + "/") + code;
    return new Code(start, end, canonical, number, year, type, issuer, needsContext, known);
  }

  private boolean anyKnown(List<String> segs) {
    for (String seg : segs) if (vocab.spelling(seg.replaceFirst("\\d+$", "")) != null) return true;
    return false;
  }

  /**
   * "121/2003/NĐCP", "07/2022/QĐUBND", "06/2013/TTLTBCA-BQP": a first segment that is no code but a known type glued to
   * a known code is split in two, so that the number has the key of its spelling with the dash.
   */
  private void unglue(List<String> segs) {
    String seg = segs.get(0);
    if (vocab.spelling(seg) != null) return;
    for (int i = 2; i <= seg.length() - 2; i++) {
      String type = vocab.spelling(seg.substring(0, i)), rest = vocab.spelling(seg.substring(i));
      String scope = type == null ? null : vocab.scope(type);
      if (rest != null && scope != null && !scope.equals("word")) {
        segs.set(0, rest);
        segs.add(0, type);
        return;
      }
    }
  }

  /**
   * "41-НК/ТВ": a party number whose codes a Russian text spelled by sound (translit.tsv); both codes must be Cyrillic
   * and known there, so that Cyrillic words and half-Cyrillic look-alikes ("25-НQ/ТW") are not read this way.
   */
  private Code transliterated(String t, int start, String number, int q, int te, boolean lenient) {
    String type = vocab.transliteration(t.substring(q, te));
    int s = Chars.skipSpace(t, te, SPACE);
    if (type == null || s >= t.length() || Chars.fold(t.charAt(s)) != '/') return null;
    int is = Chars.skipSpace(t, s + 1, SPACE), ie = is;
    while (ie < t.length() && ie - is <= MAX_CODE && Character.UnicodeBlock.of(t.charAt(ie)) == Character.UnicodeBlock.CYRILLIC) ie++;
    if (ie == is) return null;
    String body = vocab.transliteration(t.substring(is, ie));
    String party = body == null ? null : vocab.partyIssuer(body);
    String scope = vocab.scope(type);
    if (party == null || scope == null || scope.equals("state") || scope.equals("word")) return null;
    if (!lenient && !boundaryAfter(t, ie)) return null;
    return new Code(start, ie, official(number) + "-" + type + "/" + party, number, null, type, party);
  }

  private static boolean isCyrillic(String t, int p, int e) {
    for (int i = p; i < e; i++) if (Character.UnicodeBlock.of(t.charAt(i)) != Character.UnicodeBlock.CYRILLIC) return false;
    return true;
  }

  /** Two or more capitals or a mixed-case code at [p,e) ("NQ", "TTg"): what a code looks like, known or not. */
  static boolean isCode(String t, int p, int e) {
    int upper = 0;
    for (int i = p; i < e; i++) if (Character.isUpperCase(t.charAt(i))) upper++;
    return upper >= 2 && upper * 2 > e - p;
  }

  /** A known issuer's code starts at p ("TTg" in "472/QĐ/TTg"). */
  private boolean issuerAt(String t, int p) {
    int e = segmentEnd(t, p, true);
    return e > p && vocab.isIssuer(spell(t, p, e));
  }

  /** A party body's code starts at p ("TW" in "36/NQ/TW"). */
  private boolean partyIssuerAt(String t, int p) {
    int e = segmentEnd(t, p, true);
    return e > p && vocab.partyIssuer(spell(t, p, e)) != null;
  }

  /**
   * End of one code segment at p: letters (with Cyrillic look-alikes), then at most two digits (QH15).
   * A run glued to a following lower-case word keeps only its known or upper-case head ("CPquy" -> "CP").
   */
  private int segmentEnd(String t, int p, boolean lettersOnly) {
    int le = lettersEnd(t, p);
    if (le < 0) return -1;
    if (le - p > MAX_CODE) return -1;
    int e = le;
    if (!lettersOnly) {
      int de = digitsEnd(t, le);
      if (le - p >= 2 ? de - le <= 2 : de - le <= 3 && de > le) e = de; // QH15; a unit such as C81, C06, P3
      // "TCBC&CT", "BNN&PTNT", "TTr.SYT": units joined inside one segment ("NQ.CP" is NQ-CP: see state())
      for (int k = 0; k < 2 && e + 2 < t.length() && (t.charAt(e) == '&' || t.charAt(e) == '.'); k++) {
        if (t.charAt(e) == '.' && vocab.scope(spell(t, p, e)) != null && issuerAt(t, e + 1)) break;
        int je = lettersEnd(t, e + 1);
        if (je - e - 1 < 2 || !isUpper(t, e + 1, je) || (je < t.length() && Chars.isWordChar(t.charAt(je)))) break;
        e = je;
      }
    }
    return e;
  }

  /**
   * End of a letter run that is a code, or -1. Official codes may hold a few lower-case letters ("TTg", "HNg", "QĐi",
   * "GDTrH", "QLĐTh"), kept whole: a code is never cut short. A run glued to the next word keeps its head: before a
   * capitalised word ("TTgNgười" -> "TTg"), else the longest official mixed-case spelling ("TTgvề" -> "TTg"), else its
   * upper-case head of two letters or more ("CPquy" -> "CP", "TWvề" -> "TW").
   */
  private int lettersEnd(String t, int p) {
    int n = t.length(), e = p;
    while (e < n && e - p <= MAX_CODE && Chars.isCodeLetter(Chars.fold(t.charAt(e)))) e++;
    if (e == p) return -1;
    boolean glued = e < n && Chars.isWordChar(t.charAt(e));
    if (!glued && (isUpper(t, p, e) || isLower(t, p, e) || vocab.spelling(ascii(t, p, e)) != null)) return e;
    for (int k = p + 2; k + 1 < e; k++) { // "TTgNgười", "HNgThông": a capitalised word glued on
      if (Character.isUpperCase(t.charAt(k)) && Character.isLowerCase(t.charAt(k - 1)) && Character.isLowerCase(t.charAt(k + 1))) {
        return k;
      }
    }
    int u = p;
    while (u < e && !Character.isLowerCase(t.charAt(u))) u++;
    if (!glued && u - p >= 1 && fewPlainLower(t, p, e)) return e; // "HNg", "GDTrH", "Cp"
    for (int k = e - 1; k > u; k--) {
      String s = vocab.spelling(ascii(t, p, k));
      if (s != null && s.equals(t.substring(p, k)) && Character.isLowerCase(t.charAt(k))) return k;
    }
    // "CPNguoi", "UBNDNgười": a capitalised word glued to a known code; "BNNPTNTngày" keeps its T
    if (u - p >= 3 && u < n && Character.isLowerCase(t.charAt(u)) && vocab.spelling(ascii(t, p, u - 1)) != null
        && vocab.spelling(ascii(t, p, u)) == null) return u - 1;
    return u - p >= 2 && u < n && Character.isLowerCase(t.charAt(u)) ? u : -1;
  }

  /** At most two lower-case letters, ASCII only, none two in a row: a code's, never a word's ("về", "quy"). */
  private static boolean fewPlainLower(String t, int p, int e) {
    int lower = 0;
    for (int i = p; i < e; i++) {
      char c = t.charAt(i);
      if (!Character.isLowerCase(c)) continue;
      if (c < 'a' || c > 'z' || ++lower > 2 || (i > p && Character.isLowerCase(t.charAt(i - 1)) && i - 1 > p
          && Character.isLowerCase(t.charAt(i - 2)))) return false;
    }
    return true;
  }

  /**
   * After a code: no letter or digit may follow (the code would be part of a longer word), except a lower-case word
   * glued to an upper-case code ("NĐ-CPquy định", "TWvề"), which real text has.
   */
  private static boolean boundaryAfter(String t, int e) {
    if (e >= t.length()) return true;
    char c = t.charAt(e);
    if (Character.isLowerCase(c) && e > 0 && Character.isUpperCase(t.charAt(e - 1))) return true;
    // "QĐ-TTgNgười ký": a capitalised word glued to a code that ends in lower case
    if (Character.isUpperCase(c) && e > 0 && Character.isLowerCase(t.charAt(e - 1)) && e + 1 < t.length()
        && Character.isLowerCase(t.charAt(e + 1))) return true;
    if (Chars.isLetterOrDigit(c)) return false;
    return !(c == '/' && e + 1 < t.length() && Chars.isLetterOrDigit(t.charAt(e + 1)));
  }

  /** At least one genuinely Latin letter in a code, so that all-Cyrillic words are never read as codes. */
  private static boolean latinEnough(String t, int p, int e) {
    for (int i = p; i < e; i++) if (!Chars.isLookAlike(t.charAt(i)) && Chars.isCodeLetter(Chars.fold(t.charAt(i)))) return true;
    return false;
  }

  private static boolean isUpper(String t, int p, int e) {
    for (int i = p; i < e; i++) if (Character.isLowerCase(t.charAt(i))) return false;
    return true;
  }

  private static boolean isLower(String t, int p, int e) {
    for (int i = p; i < e; i++) if (Character.isUpperCase(t.charAt(i))) return false;
    return true;
  }

  /** Folded text (upper case, Latin, Đ kept). */
  private static String ascii(String t, int p, int e) {
    StringBuilder b = new StringBuilder(e - p);
    for (int i = p; i < e; i++) b.append(Chars.isDigit(t.charAt(i)) ? (char) ('0' + Chars.digit(t.charAt(i))) : Chars.fold(t.charAt(i)));
    return b.toString();
  }

  /** Official spelling of the code at [p,e): the data's spelling when compatible (D may become Đ, never back). */
  String spell(String t, int p, int e) {
    String folded = ascii(t, p, e);
    int d = folded.length();
    while (d > 0 && Character.isDigit(folded.charAt(d - 1))) d--;
    String letters = folded.substring(0, d), digits = folded.substring(d);
    String s = vocab.spelling(letters);
    if (s == null || s.length() != letters.length()) return isUpper(t, p, e) || isLower(t, p, e) ? folded : keepCase(t, p, e);
    for (int i = 0; i < letters.length(); i++) if (letters.charAt(i) == 'Đ' && Chars.fold(s.charAt(i)) != 'Đ') return folded;
    return s + digits;
  }

  /** A code the vocabulary does not know, in mixed case as written ("HNg"), with look-alikes and digits folded. */
  private static String keepCase(String t, int p, int e) {
    StringBuilder b = new StringBuilder(e - p);
    for (int i = p; i < e; i++) {
      char c = t.charAt(i);
      char f = Chars.isDigit(c) ? (char) ('0' + Chars.digit(c)) : Chars.fold(c);
      b.append(Character.isLowerCase(c) ? Character.toLowerCase(f) : f);
    }
    return b.toString();
  }

  /** The number as official texts print it: one-digit numbers with a leading zero (02-HD/TW, 04/2017/TT-BGDĐT). */
  static String official(String number) {
    return number.length() == 1 ? "0" + number : number;
  }

  /** The number without leading zeros, as ASCII digits. */
  static String number(String t, int p, int e) {
    StringBuilder b = new StringBuilder(e - p);
    for (int i = p; i < e; i++) {
      int d = Chars.digit(t.charAt(i));
      if (b.length() == 0 && d == 0 && i < e - 1) continue;
      b.append((char) ('0' + d));
    }
    return b.toString();
  }
}
