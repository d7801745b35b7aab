package sohieu.refs;

import java.util.List;

/**
 * Finds the vocabulary phrases around a number (type words before it, issuer words after it, lead-ins, connectors),
 * reading at most a few words of at most {@link Chars#MAX_WORD} chars each way.
 */
final class Phrases {
  /** A type phrase before a number: where it starts, the codes it may stand for, and an issuer named in between. */
  record TypeBefore(int start, List<String> codes, String issuerBetween) {}

  /** An issuer phrase: where it ends and its code. */
  record Issuer(int start, int end, String code) {}

  private static final int GAP = 3;
  private final Vocabulary vocab;
  /** ASCII chars that end some number lead-in key (before a ':' too): a token ending in another ASCII char is none. */
  private final boolean[] leadInLast = new boolean[128];

  Phrases(Vocabulary vocab) {
    this.vocab = vocab;
    for (String k : vocab.roleKeys("number")) {
      for (int i = k.length() - 1; i >= 0 && i >= k.length() - 2; i--) {
        char c = k.charAt(i);
        if (c < 128) leadInLast[c] = true;
      }
    }
  }

  /**
   * False when no number lead-in can end at e: its last char (or the one before a final ':') is ASCII and ends no
   * lead-in key. Exact: key() lower-cases ASCII one for one and leaves it last.
   */
  private boolean mayEndLeadIn(String t, int e) {
    char c = t.charAt(e - 1);
    if (c == ':' && e >= 2) c = t.charAt(e - 2);
    if (c >= 128 || c == '_' || Chars.isSpace(c)) return true; // key() drops separators: no shortcut then
    return leadInLast[Character.toLowerCase(c)];
  }

  /**
   * The type phrase that ends just before the number at {@code p}, through an optional lead-in:
   * "резолюции 25", "décision n° 209", "Nghị_quyết số 57", "uchwały nr 12", "Заключения Политбюро № 12".
   */
  TypeBefore typeBefore(String t, int p) {
    int b = backSpace(t, p);
    if (b == 0) return null;
    char c = t.charAt(b - 1);
    if (!Chars.isWordChar(c) && "№°º:.#".indexOf(c) < 0) return null; // cheap exit: "| 12", "(3", "5/"
    int q = leadInBefore(t, p);
    if (q < 0) q = b;
    int ws = Chars.wordStart(t, q);
    if (ws < 0 || !vocab.endsPhrase(Chars.key(t.substring(ws, q)))) return null;
    TypeBefore tb = typeEndingAt(t, q, null);
    if (tb != null) return tb;
    // "Постановление Политбюро № 36": an issuer between the type word and the number
    int[] words = wordsBack(t, q, vocab.maxIssuerWords());
    for (int k = words.length / 2; k >= 1; k--) {
      int s = words[2 * (k - 1)];
      List<String> iss = vocab.issuersOf(Chars.key(t.substring(s, q)));
      if (iss == null) continue;
      String code = vocab.citesAs(iss.get(0));
      if (code == null) continue;
      tb = typeEndingAt(t, backSpace(t, s), code);
      if (tb != null) return tb;
    }
    return null;
  }

  /** True when a number lead-in ("số", "№", "n°", "nr", "No.") stands right before p. */
  boolean hasLeadIn(String t, int p) {
    return leadInBefore(t, p) >= 0;
  }

  /** True when a form's name ("Mẫu số", "form No.", "formularz nr") stands before the number at p. */
  boolean formBefore(String t, int p) {
    int q = leadInBefore(t, p);
    if (q < 0) q = backSpace(t, p);
    int ws = Chars.wordStart(t, q);
    if (ws < 0) return false;
    // cheap exit: the word before starts no form's name nor ends one of two words ("biểu mẫu")
    if (!vocab.mayStartForm(t.charAt(ws)) && !vocab.mayStartForm(t.charAt(Math.max(0, backSpace(t, ws) - 1)))) return false;
    int[] words = wordsBack(t, q, 2);
    for (int k = words.length / 2; k >= 1; k--) {
      if (vocab.hasRole("form", Chars.key(t.substring(words[2 * (k - 1)], q)))) return true;
    }
    return false;
  }

  private TypeBefore typeEndingAt(String t, int q, String issuer) {
    int[] words = wordsBack(t, q, vocab.maxTypeWords());
    for (int k = words.length / 2; k >= 1; k--) {
      int s = words[2 * (k - 1)];
      List<String> codes = vocab.typesOf(Chars.key(t.substring(s, q)));
      if (codes != null) return new TypeBefore(s, codes, issuer);
    }
    return null;
  }

  /** Start of a number lead-in ending (after spaces) at p, moved back over the spaces before it; -1 when none. */
  private int leadInBefore(String t, int p) {
    int e = backSpace(t, p);
    int s = e;
    while (s > 0 && e - s < 12 && !Chars.isSpace(t.charAt(s - 1)) && !Chars.isDigit(t.charAt(s - 1))) s--;
    if (s == e || e - s >= 12) return -1;
    if (!mayEndLeadIn(t, e)) return -1;
    String tok = Chars.key(t.substring(s, e));
    if (vocab.hasRole("number", tok)) return backSpace(t, s);
    if (tok.endsWith(":") && vocab.hasRole("number", tok.substring(0, tok.length() - 1))) return backSpace(t, s);
    if (s > 0 && Chars.isWordSep(t.charAt(s - 1))) {
      int ws = Chars.wordStart(t, backSpace(t, s));
      if (ws >= 0 && vocab.hasRole("number", Chars.key(t.substring(ws, e)))) return backSpace(t, ws);
    }
    return -1;
  }

  /** Start of the number lead-in before p ("№", "số", "n°"), moved back over the spaces before it; p when none. */
  int leadInStart(String t, int p) {
    int q = leadInBefore(t, p);
    return q < 0 ? p : q;
  }

  /** "Politburo's Conclusion No. 93": the issuer in the possessive that ends just before {@code start}, or null. */
  Issuer possessiveBefore(String t, int start) {
    int b = backSpace(t, start);
    if (b < 3 || Character.toLowerCase(t.charAt(b - 1)) != 's' || (t.charAt(b - 2) != '\'' && t.charAt(b - 2) != '’')) return null;
    int q = b - 2;
    int[] words = wordsBack(t, q, vocab.maxIssuerWords());
    for (int k = words.length / 2; k >= 1; k--) {
      int s = words[2 * (k - 1)];
      List<String> iss = vocab.issuersOf(Chars.key(t.substring(s, q)));
      if (iss != null) return new Issuer(s, q, iss.get(0));
    }
    return null;
  }

  /**
   * p moved past what may stand between an issuer and its date: a short parenthesis ("(XIIe mandat)", "(khóa
   * XII)") or a term ("khóa XIII").
   */
  int skipAside(String t, int p) {
    int q = Chars.skipSpace(t, p, GAP);
    if (q < t.length() && t.charAt(q) == '(') {
      for (int c = q + 1; c < t.length() && c - q <= 40 && t.charAt(c) != '\n' && t.charAt(c) != '('; c++) {
        if (t.charAt(c) == ')') return c + 1;
      }
      return p;
    }
    int e = roleAt(t, q, "term");
    if (e < 0) return p;
    int o = ordinalEnd(t, Chars.skipSpace(t, e, GAP));
    return o > 0 ? o : p;
  }

  /** End of an ordinal or Roman numeral at p ("13th", "XIIe", "XIII", "12-го", "13."), or -1. */
  static int ordinalEnd(String t, int p) {
    int n = t.length(), q = p;
    while (q < n && q - p < 3 && Chars.isDigit(t.charAt(q))) q++;
    if (q > p) {
      int s = q;
      if (q < n && (t.charAt(q) == '-' || t.charAt(q) == '.')) q++;
      int e = q;
      while (e < n && e - q < 4 && Character.isLetter(t.charAt(e))) e++;
      if (e < n && Chars.isWordChar(t.charAt(e))) return -1;
      return e > q ? e : (q > s && t.charAt(s) == '.' ? q : -1);
    }
    while (q < n && q - p < 6 && "IVXLC".indexOf(t.charAt(q)) >= 0) q++;
    if (q == p) return -1;
    int e = q;
    while (e < n && e - q < 3 && Character.isLowerCase(t.charAt(e))) e++; // "XIIe", "XIIIème"
    return e < n && Chars.isWordChar(t.charAt(e)) ? -1 : e;
  }

  /**
   * The issuer phrase starting at p after at most two connector words ("du", "of the", "của") and one ordinal
   * ("of the 13th Central Committee"), or null.
   */
  Issuer issuerAfter(String t, int p) {
    int q = Chars.skipSpace(t, p, GAP);
    boolean ordinal = false;
    for (int hop = 0; hop <= 3; hop++) {
      int we = Chars.wordEnd(t, q);
      if (we > 0) {
        // cheap exit: the first word starts no issuer and no connector
        String first = Chars.key(t.substring(q, we));
        if (!vocab.startsIssuer(first) && !vocab.startsRole("connector", first) && (hop == 0 || ordinal || ordinalEnd(t, q) < 0)) {
          return null;
        }
      } else if (hop == 0 || ordinal) {
        return null;
      }
      Issuer is = issuerAt(t, q);
      if (is != null) return is;
      int next = roleAt(t, q, "connector");
      if (next < 0 && !ordinal && hop > 0) {
        next = ordinalEnd(t, q);
        ordinal = true;
      }
      if (next < 0) return null;
      q = Chars.skipSpace(t, next, GAP);
    }
    return null;
  }

  /** The longest issuer phrase starting at p, or null. */
  Issuer issuerAt(String t, int p) {
    int[] words = wordsForward(t, p, vocab.maxIssuerWords());
    for (int k = words.length / 2; k >= 1; k--) {
      int e = words[2 * k - 1];
      List<String> iss = vocab.issuersOf(Chars.key(t.substring(p, e)));
      if (iss != null) return new Issuer(p, e, iss.get(0));
    }
    return null;
  }

  /** The longest phrase of {@code role} starting at p; its end, or -1. */
  int roleAt(String t, int p, String role) {
    int[] words = wordsForward(t, p, vocab.maxRoleWords());
    for (int k = words.length / 2; k >= 1; k--) {
      int e = words[2 * k - 1];
      if (vocab.hasRole(role, Chars.key(t.substring(p, e)))) return e;
    }
    return -1;
  }

  /** Starts and ends of up to {@code max} words from p, separated by spaces or '_' only. */
  static int[] wordsForward(String t, int p, int max) {
    int[] out = new int[2 * max];
    int k = 0, q = p;
    while (k < max) {
      int e = Chars.wordEnd(t, q);
      if (e < 0) break;
      out[2 * k] = q;
      out[2 * k + 1] = e;
      k++;
      int s = e, gap = 0;
      while (s < t.length() && gap < GAP && Chars.isWordSep(t.charAt(s))) {
        s++;
        gap++;
      }
      if (s == e) break;
      q = s;
    }
    return java.util.Arrays.copyOf(out, 2 * k);
  }

  /**
   * Starts (and ends) of up to {@code max} words ending at e, nearest first, separated by spaces or '_' only:
   * result[2i] is the start of the phrase made of the i+1 nearest words, result[2i+1] the start of that word.
   */
  static int[] wordsBack(String t, int e, int max) {
    int[] out = new int[2 * max];
    int k = 0, q = e;
    while (k < max) {
      int s = Chars.wordStart(t, q);
      if (s < 0) break;
      out[2 * k] = s;
      out[2 * k + 1] = s;
      k++;
      int b = s, gap = 0;
      while (b > 0 && gap < GAP && Chars.isWordSep(t.charAt(b - 1))) {
        b--;
        gap++;
      }
      if (b == s) break;
      q = b;
    }
    return java.util.Arrays.copyOf(out, 2 * k);
  }

  /** p moved back over at most three spaces. */
  static int backSpace(String t, int p) {
    int k = 0;
    while (p > 0 && k < GAP && Chars.isWordSep(t.charAt(p - 1))) {
      p--;
      k++;
    }
    return p;
  }
}
