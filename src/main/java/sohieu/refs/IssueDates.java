package sohieu.refs;

import java.time.LocalDate;

/**
 * Decides whether a date written near a mention is that document's own issue date; a wrong date is worse than none.
 *
 * <p>A date counts when it follows the mention with a date lead-in ("от 7 января 2019 года", "du 26 novembre 2019",
 * "z dnia 10 listopada 2022 roku", "ngày 5/1/2022", "of January 5, 2022") or an issuing verb ("adoptée le",
 * "uchwalona", "passed on", "ban hành ngày"), directly or after a comma; in parentheses ("57-NQ/TW (ngày
 * 22/12/2024)"); bare and numeric after one space ("1234/QĐ-TTg 05.01.2022"); or after the issuer phrase
 * ("Директива 24-CT/TW Секретариата ЦК от 4 июля 2023 года"). Then:
 * <ul>
 *   <li>after a comma, a plain date lead-in ("ngày", "du") counts only when the issuer, a quoted title or a
 *       continuation word follows the date; an issuing verb or "dated" counts as it stands;</li>
 *   <li>a number with a year ({@code 10/2022/QH15}) needs a date of that year;</li>
 *   <li>otherwise a date followed by the issuer in words, a quoted title or a continuation word ("của", "о", "sur")
 *       is the document's own;</li>
 *   <li>a date that ends the sentence right after a list of citations ("Nghị quyết 25-NQ/TW và Kết luận 43-KL/TW
 *       ngày 24/10/2023.") is the date of an event about the list (a meeting), not an issue date;</li>
 *   <li>any other date directly after a single citation is taken as its own.</li>
 * </ul>
 */
final class IssueDates {
  private final DateReader dates;
  private final Phrases phrases;
  private final Vocabulary vocab;

  IssueDates(Vocabulary vocab, DateReader dates, Phrases phrases) {
    this.vocab = vocab;
    this.dates = dates;
    this.phrases = phrases;
  }

  /**
   * A stated date and where it ends; {@code comma}: a comma stood before it; {@code verb}: an issuing verb or
   * "dated" introduced it.
   */
  record Stated(LocalDate date, int end, boolean comma, boolean verb) {}

  /** The date written directly after {@code end} (after a comma too when {@code comma}), without judging whose it is. */
  Stated after(String t, int end, boolean comma) {
    int n = t.length();
    int p = Chars.skipSpace(t, end, 3);
    if (p >= n) return null;
    boolean sawComma = false, paren = false;
    if (comma && t.charAt(p) == ',') {
      sawComma = true;
      p = Chars.skipSpace(t, p + 1, 2);
    } else if (t.charAt(p) == '(') {
      paren = true;
      p = Chars.skipSpace(t, p + 1, 2);
    }
    int q = phrases.roleAt(t, p, "issue-verb");
    boolean verb = q >= 0;
    if (!verb) q = phrases.roleAt(t, p, "date");
    DateReader.Date d = null;
    if (q >= 0) d = dates.read(t, Chars.skipSpace(t, q, 3), false);
    if (d == null && paren) d = dates.read(t, p, false);
    if (d == null && !paren && !sawComma && p == end + 1 && t.charAt(end) == ' ') d = dates.read(t, p, true);
    if (d == null) return null;
    int r = d.end();
    if (paren) {
      r = Chars.skipSpace(t, r, 2);
      if (r >= n || t.charAt(r) != ')') return null;
      r++;
    }
    return new Stated(d.date(), r, sawComma, verb);
  }

  /**
   * The issue date of the document cited at [start,end), or null. {@code year}: the year inside its number;
   * {@code prevEnd}: end of the citation before it in the text (-1 when none).
   */
  LocalDate issued(String t, int start, int end, Integer year, int prevEnd) {
    Stated s = after(t, end, true);
    if (s == null) {
      Phrases.Issuer is = phrases.issuerAfter(t, end);
      if (is != null) s = after(t, phrases.skipAside(t, is.end()), true);
    }
    return s == null ? null : judge(t, start, s, year, prevEnd);
  }

  /** Whether the stated date is the issue date of the document cited at {@code start}; see the class comment. */
  LocalDate judge(String t, int start, Stated s, Integer year, int prevEnd) {
    boolean followed = followedByDocumentWords(t, s.end());
    if (s.comma() && !s.verb() && !followed) return null;
    if (year != null) return s.date().getYear() == year ? s.date() : null;
    if (followed || s.verb()) return s.date();
    int n = t.length(), r = s.end(), q = r;
    boolean lineEnd = false;
    while (q < n && q - r < 3 && Chars.isSpace(t.charAt(q))) {
      if (t.charAt(q) == '\n') lineEnd = true;
      q++;
    }
    boolean sentenceEnd = lineEnd || q >= n || ".;!?…".indexOf(t.charAt(q)) >= 0;
    if (sentenceEnd && inList(t, start, prevEnd)) return null;
    return s.date();
  }

  /** The issuer in words, a quoted title or a continuation word ("của", "о", "sur") right after a date. */
  private boolean followedByDocumentWords(String t, int r) {
    int n = t.length(), q = r;
    while (q < n && q - r < 3 && Chars.isSpace(t.charAt(q))) {
      if (t.charAt(q) == '\n') return false;
      q++;
    }
    if (q >= n) return false;
    char c = t.charAt(q);
    if ("«“\"„‘'".indexOf(c) >= 0) return true;
    // "ngày 16-12-2016, của Thành ủy": a comma may stand before the issuer or a continuation word
    if (c == ',') q = Chars.skipSpace(t, q + 1, 2);
    return q < n && (phrases.issuerAfter(t, q) != null || phrases.roleAt(t, q, "continuation") >= 0);
  }

  /**
   * True when the citation at start is the last of a list: the one before it ends a coordinator away, in the same
   * sentence.
   */
  private boolean inList(String t, int start, int prevEnd) {
    if (prevEnd < 0 || start - prevEnd > 80 || start < prevEnd) return false;
    for (int i = prevEnd; i < start; i++) if (".!?…\n".indexOf(t.charAt(i)) >= 0) return false;
    int p = prevEnd;
    while (p < start && Chars.isSpace(t.charAt(p))) p++;
    if (p >= start) return false;
    char c = t.charAt(p);
    if (c == ',' || c == ';') return true;
    int e = Chars.wordEnd(t, p);
    return e > 0 && vocab.hasRole("coordinator", Chars.key(t.substring(p, e)));
  }
}
