package sohieu.refs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sohieu.Limits;

/**
 * Finds citations of Vietnamese party and state documents in vi, ru, fr, pl and en text: one pass over the text that
 * stops only at digits, three builders (explicit, partial, short) and a resolver of short forms against the full
 * citations before them. Thread-safe and reusable; the grammar's words live in the data files read by
 * {@link Vocabulary}.
 *
 * <ul>
 *   <li>EXPLICIT (confidence {@value #EXPLICIT}): a full number, see {@link CodeScanner} for every accepted spelling;
 *       its issue date per {@link IssueDates}.</li>
 *   <li>SHORT ({@value #SHORT}): a type word and a bare number standing for a full citation earlier in the same
 *       text with that type and number: "по реализации резолюции 25 и заключения 43" -> 25-NQ/TW, 43-KL/TW;
 *       "Nghị quyết 57" -> 57-NQ/TW.</li>
 *   <li>PARTIAL ({@value #PARTIAL}): a type word, a bare number and the issuer in words, with no earlier full
 *       citation: "la décision n° 209 du 26 novembre 2019 du Politburo" -> 209-QĐ/TW;
 *       "Заключения Политбюро № 12" -> 12-KL/TW; "Chỉ thị số 05 của Ban Bí thư" -> 5-CT/TW.</li>
 * </ul>
 * Never cited: "Кластера № 1", years, ranges "2021–2026", dates "24/10/2023", phone numbers, "Điều 8", numbers in
 * URLs, Roman-numeral congresses, "Nghị quyết Trung ương 4" (a plenum, not a number).
 */
public final class CitationRecognizer {
  static final double EXPLICIT = 1.0;
  static final double SHORT = 0.8;
  static final double PARTIAL = 0.7;
  private static final int SENTENCE_REACH = Limits.SENTENCE_CHARS / 2;

  private static final CitationRecognizer STANDARD = new CitationRecognizer(Vocabulary.standard());

  private final Vocabulary vocab;
  /** Last chars of the glued lead-ins, lower case. */
  private final String gluedLast;
  private final CodeScanner codes;
  private final Phrases phrases;
  private final IssueDates issueDates;
  private final IdentityFinder identities;

  private CitationRecognizer(Vocabulary vocab) {
    this.vocab = vocab;
    this.codes = new CodeScanner(vocab);
    this.phrases = new Phrases(vocab);
    StringBuilder last = new StringBuilder();
    for (String k : vocab.roleKeys("glued")) last.append(k.charAt(k.length() - 1));
    this.gluedLast = last.toString();
    DateReader dates = new DateReader(vocab);
    this.issueDates = new IssueDates(vocab, dates, phrases);
    this.identities = new IdentityFinder(vocab, codes, dates, this);
  }

  /** The recognizer built once from the shipped data files. */
  public static CitationRecognizer standard() {
    return STANDARD;
  }

  /** The vocabulary this recognizer reads (type and issuer words in five languages). */
  public Vocabulary vocabulary() {
    return vocab;
  }

  /** Every citation in the text, sorted by start; never throws on any input (null reads as empty). */
  public List<Citation> scan(String text) {
    return scan(text, Integer.MAX_VALUE);
  }

  /**
   * The first {@code max} citations of {@link #scan(String)}: a text made of numbers holds millions, each with its
   * sentence. Ask for one more than you keep to learn whether the text holds more.
   */
  public List<Citation> scan(String text, int max) {
    if (text == null || text.isEmpty() || max <= 0) return List.of();
    List<Citation> out = new ArrayList<>();
    Map<String, Citation> lastFull = new HashMap<>();
    for (int i = nextNumber(text, 0), next; i >= 0 && out.size() < max; i = nextNumber(text, next)) {
      int de = CodeScanner.digitsEnd(text, i);
      boolean glued = !boundaryBefore(text, i);
      int prevEnd = out.isEmpty() ? -1 : out.get(out.size() - 1).end();
      CodeScanner.Code k = explicitAt(text, i);
      if (k != null) {
        Citation c = explicit(text, k, prevEnd);
        out.add(c);
        if (c.type() != null) lastFull.put(c.type() + " " + c.number(), c);
        next = k.end();
        continue;
      }
      if (!glued && de - i <= 5 && bareAfter(text, de)) {
        Citation c = bare(text, i, de, lastFull, prevEnd);
        if (c != null && !inUrl(text, i)) {
          out.add(c);
          if (c.kind() == Citation.Kind.PARTIAL) lastFull.put(c.type() + " " + c.number(), c);
        }
      }
      next = de;
    }
    return out;
  }

  /**
   * The next digit run at or after {@code i} that starts at a word boundary or right after a glued lead-in
   * ("nr112-KH/TU", "số15/2020/NĐ-CP"; only a full code may follow one), or -1.
   */
  private int nextNumber(String t, int i) {
    int n = t.length();
    while (i < n) {
      if (!Chars.isDigit(t.charAt(i))) {
        i++;
      } else if (boundaryBefore(t, i) || gluedLeadIn(t, i)) {
        return i;
      } else {
        i = CodeScanner.digitsEnd(t, i);
      }
    }
    return -1;
  }

  /** The full number read at {@code i} when it stands there as a citation (with a lead-in where its form needs one). */
  private CodeScanner.Code explicitAt(String t, int i) {
    CodeScanner.Code k = codes.read(t, i, false);
    if (k == null || (k.needsLeadIn() && !phrases.hasLeadIn(t, i)) || mailAfter(t, k.end()) || inUrl(t, i)) return null;
    return cutShort(t, k);
  }

  /** A letter word glued to the number is a number lead-in written without its space (leadins.tsv, role glued). */
  private boolean gluedLeadIn(String t, int i) {
    if (i == 0 || !Chars.isWordChar(t.charAt(i - 1))) return false;
    char c = t.charAt(i - 1);
    // cheap exit before any word is built: the last char ends no glued lead-in (a combining mark may end "số")
    if (Character.getType(c) != Character.NON_SPACING_MARK && gluedLast.indexOf(Character.toLowerCase(c)) < 0) return false;
    int ws = Chars.wordStart(t, i);
    return ws >= 0 && i - ws <= 4 && vocab.roleKeys("glued").contains(Chars.key(t.substring(ws, i)));
  }

  /**
   * "Decree No. 24/2024/ND", "Nghị định số 24/2024/NĐ": a decree number whose writer dropped the issuer. Only the
   * Government issues decrees (NĐ-CP), so a decree type word before the number completes it; without one it stays as
   * written.
   */
  private CodeScanner.Code cutShort(String t, CodeScanner.Code k) {
    if (k.year() == null || k.type() != null || !"NĐ".equals(k.issuer())) return k;
    Phrases.TypeBefore tb = phrases.typeBefore(t, k.start());
    if (tb == null || !tb.codes().contains("NĐ")) return k;
    return new CodeScanner.Code(k.start(), k.end(), k.canonical() + "-CP", k.number(), k.year(), "NĐ", "CP", false);
  }

  /** An explicit citation's span and canonical form, without the rest of a {@link Citation}. */
  public record Mention(int start, int end, String canonical) {}

  /**
   * The EXPLICIT citations of {@link #scan} alone (same spans, same canonical forms, in text order, never overlapping),
   * without type look-ups, issue dates, sentences or short and partial forms: what a tokenizer needs, at a fraction
   * of the cost.
   */
  public List<Mention> explicitMentions(String text) {
    if (text == null || text.isEmpty()) return List.of();
    List<Mention> out = null;
    for (int i = nextNumber(text, 0), next; i >= 0; i = nextNumber(text, next)) {
      CodeScanner.Code k = explicitAt(text, i);
      if (k == null) {
        next = CodeScanner.digitsEnd(text, i);
        continue;
      }
      if (out == null) out = new ArrayList<>();
      out.add(new Mention(k.start(), k.end(), k.canonical()));
      next = k.end();
    }
    return out == null ? List.of() : out;
  }

  /**
   * The canonical form of a citation typed by a user ("16-qd/tw", "43- KL/TW", "15/2020/nd-cp", "số 1234/qđ-ttg"),
   * if the whole input is one document number. Quotes, brackets and a sentence's punctuation copied with it
   * ("57-NQ/TW.", "(57-NQ/TW),") are dropped.
   */
  public Optional<String> canonicalize(String userSpelling) {
    if (userSpelling == null) return Optional.empty();
    String s = unwrap(userSpelling);
    int p = 0;
    while (p < s.length() && !Chars.isDigit(s.charAt(p))) p++;
    if (p >= s.length() || p > 40) return Optional.empty();
    String head = s.substring(0, p).strip();
    if (!head.isEmpty() && !phrases.hasLeadIn(s, p) && phrases.typeBefore(s, p) == null) return Optional.empty();
    CodeScanner.Code k = codes.read(s, p, true);
    if (k == null || !s.substring(k.end()).strip().isEmpty()) return Optional.empty();
    return Optional.of(k.canonical());
  }

  private static final String OPENERS = "\"'«“‘([", CLOSERS = ".,;:!?\"'»”’)]";

  /** The input without surrounding spaces, opening quotes and brackets, and closing ones or punctuation. */
  private static String unwrap(String s) {
    int b = 0, e = s.length();
    while (b < e && (Chars.isSpace(s.charAt(b)) || OPENERS.indexOf(s.charAt(b)) >= 0)) b++;
    while (e > b && (Chars.isSpace(s.charAt(e - 1)) || CLOSERS.indexOf(s.charAt(e - 1)) >= 0)) e--;
    return s.substring(b, e);
  }

  /** The document the text is itself, when it opens with an official header; see {@link IdentityFinder}. */
  public Optional<DocumentIdentity> identify(String text) {
    if (text == null || text.isEmpty()) return Optional.empty();
    return identities.find(text);
  }

  private Citation explicit(String t, CodeScanner.Code k, int prevEnd) {
    String type = k.type();
    if (type == null) {
      Phrases.TypeBefore tb = phrases.typeBefore(t, k.start());
      if (tb != null) type = tb.codes().get(0);
    }
    LocalDate issued = issueDates.issued(t, k.start(), k.end(), k.year(), prevEnd);
    return new Citation(k.canonical(), t.substring(k.start(), k.end()), Citation.Kind.EXPLICIT, type, k.issuer(),
        k.number(), k.year(), issued, k.start(), k.end(), EXPLICIT, sentence(t, k.start(), k.end()));
  }

  /** A bare number after a type word: a short form when a full citation before it matches, else maybe partial. */
  private Citation bare(String t, int s, int e, Map<String, Citation> lastFull, int prevEnd) {
    Phrases.TypeBefore tb = phrases.typeBefore(t, s);
    if (tb == null) return null;
    String number = CodeScanner.number(t, s, e);
    Citation full = null;
    for (String code : tb.codes()) {
      Citation c = lastFull.get(code + " " + number);
      if (c != null && (full == null || c.start() > full.start())) full = c;
    }
    if (full != null) {
      return new Citation(full.canonical(), t.substring(tb.start(), e), Citation.Kind.SHORT, full.type(),
          full.issuer(), number, full.year(), null, tb.start(), e, SHORT, sentence(t, tb.start(), e));
    }
    String type = null;
    for (String code : tb.codes()) {
      String scope = vocab.scope(code);
      if ("party".equals(scope) || "both".equals(scope)) {
        type = code;
        break;
      }
    }
    if (type == null) return null;
    String issuer = tb.issuerBetween();
    IssueDates.Stated stated = issueDates.after(t, e);
    if (issuer != null && !phrases.hasLeadIn(t, s)) return null; // "Nghị quyết Trung ương 4" names a plenum
    if (issuer == null) {
      Phrases.Issuer is = phrases.issuerAfter(t, stated != null ? stated.end() : e);
      if (is == null) return null;
      issuer = vocab.citesAs(is.code());
      if (issuer == null) return null;
    }
    LocalDate issued = issueDates.issued(t, tb.start(), e, null, prevEnd);
    return new Citation(CodeScanner.official(number) + "-" + type + "/" + issuer, t.substring(tb.start(), e), Citation.Kind.PARTIAL, type,
        issuer, number, null, issued, tb.start(), e, PARTIAL, sentence(t, tb.start(), e));
  }

  /** A number may start here: not glued to a word, not the tail of a path, a decimal or a date. */
  private static boolean boundaryBefore(String t, int i) {
    if (i == 0) return true;
    char p = t.charAt(i - 1);
    if (Chars.isLetterOrDigit(p) || p == '\\' || p == '_' || Chars.fold(p) == '/') return false;
    if ((p == '.' || p == ',' || p == ':' || Chars.fold(p) == '-') && i >= 2) {
      char pp = t.charAt(i - 2);
      if (Chars.isDigit(pp) || Chars.fold(pp) == '/' || (Chars.fold(p) == '-' && Chars.isLetterOrDigit(pp))) return false;
    }
    return true;
  }

  /** What follows a bare number: a space or punctuation, not a decimal, percent, code or word. */
  private static boolean bareAfter(String t, int e) {
    if (e >= t.length()) return true;
    char c = t.charAt(e);
    if (Chars.isLetterOrDigit(c) || c == '%' || c == '°' || Chars.fold(c) == '/' || Chars.fold(c) == '-') return false;
    return !((c == '.' || c == ',') && e + 1 < t.length() && Chars.isDigit(t.charAt(e + 1)));
  }

  /** The number is inside a URL or e-mail address (the token it belongs to has "://", "www." or '@'). */
  private static boolean inUrl(String t, int i) {
    for (int s = i - 1; s >= 0 && i - s < 300 && !Chars.isSpace(t.charAt(s)); s--) {
      char c = t.charAt(s);
      if (c == '@') return true;
      if (c == ':' && t.startsWith("//", s + 1)) return true;
      if ((c == 'w' || c == 'W') && t.regionMatches(true, s, "www.", 0, 4)) return true;
    }
    return false;
  }

  /** An '@' right after a code: the "code" is the local part of an e-mail address. */
  private static boolean mailAfter(String t, int e) {
    return e < t.length() && t.charAt(e) == '@';
  }

  /** The sentence that holds [start,end), at most {@value #SENTENCE_REACH} chars each way. */
  public static String sentence(String t, int start, int end) {
    int s = start, limit = Math.max(0, start - SENTENCE_REACH);
    while (s > limit) {
      char c = t.charAt(s - 1);
      if (c == '\n') break;
      if (Chars.isSpace(c) && s >= 2 && isStop(t.charAt(s - 2)) && !abbreviation(t, s - 2)) break;
      s--;
    }
    int e = end, elimit = Math.min(t.length(), end + SENTENCE_REACH);
    while (e < elimit) {
      char c = t.charAt(e);
      if (c == '\n') break;
      if (isStop(c) && (e + 1 >= t.length() || Chars.isSpace(t.charAt(e + 1))) && !abbreviation(t, e)) {
        e++;
        break;
      }
      e++;
    }
    return t.substring(s, e).strip();
  }

  private static boolean isStop(char c) {
    return c == '.' || c == '!' || c == '?' || c == '…';
  }

  /** A '.' at p ends an abbreviation of one or two letters ("No.", "Nr.", "n.", "tr.", "г."), not a sentence. */
  private static boolean abbreviation(String t, int p) {
    if (t.charAt(p) != '.') return false;
    int s = Chars.wordStart(t, p);
    return s >= 0 && p - s <= 2;
  }
}
