package sohieu.refs;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import sohieu.Limits;

/**
 * Recognizes a text that is an official document itself, from its header in the first {@value #HEAD_LINES} lines:
 * <pre>
 *   ĐẢNG CỘNG SẢN VIỆT NAM / CHÍNH PHỦ ...
 *   Số: 57-NQ/TW                         (a line holding only "Số" and one number)
 *   Hà Nội, ngày 22 tháng 12 năm 2024    (place and date)
 *   NGHỊ QUYẾT                           (the type in capitals)
 *   về đột phá phát triển ...            (the title; or "V/v ..." in a letter)
 * </pre>
 * The "Số" line and one of the other two are required. A text whose first line is a heading naming one number
 * ("# Nghị quyết số 57-NQ/TW", "## Công Văn Số 402-CV/VPĐU") counts too, with the issue date of the first
 * mention of that number in the text that states one.
 */
final class IdentityFinder {
  private static final int HEAD_LINES = 40;
  static final int HEAD_CHARS = 6000;
  private static final int PLACE_DATE_REACH = 400, PLACE_DATE_LINES = 10;
  private static final int SUBJECT_LINES = 4;
  /** Lines that open a document's preamble, address or first article, after its subject (leadins.tsv). */
  private final Pattern preamble;

  private final Vocabulary vocab;
  private final CodeScanner codes;
  private final DateReader dates;
  private final CitationRecognizer recognizer;

  IdentityFinder(Vocabulary vocab, CodeScanner codes, DateReader dates, CitationRecognizer recognizer) {
    this.vocab = vocab;
    this.codes = codes;
    this.dates = dates;
    this.recognizer = recognizer;
    this.preamble = preamble(vocab);
  }

  /** "Căn cứ ...", "Kính gửi ...", "Điều 1.", "Chương II": the words of the roles preamble and preamble-numbered. */
  private static Pattern preamble(Vocabulary vocab) {
    StringBuilder words = new StringBuilder(), numbered = new StringBuilder();
    for (String w : vocab.roleKeys("preamble")) words.append(words.isEmpty() ? "" : "|").append(Pattern.quote(w));
    for (String w : vocab.roleKeys("preamble-numbered")) numbered.append(numbered.isEmpty() ? "" : "|").append(Pattern.quote(w));
    String any = words.isEmpty() ? "(?!)" : "(?:" + words + ")(?![\\p{L}\\p{M}])";
    String counted = numbered.isEmpty() ? "(?!)" : "(?:" + numbered + ")\\s+[ivxlc\\d]+\\b";
    return Pattern.compile("(?iu)(?:" + any + "|" + counted + ")");
  }

  Optional<DocumentIdentity> find(String t) {
    Optional<DocumentIdentity> head = header(t);
    if (head.isEmpty() || head.get().issued() != null) return head;
    DocumentIdentity id = head.get();
    for (Citation c : recognizer.scan(t, Limits.CITATIONS_PER_FILE)) {
      if (c.canonical().equals(id.canonical()) && c.issued() != null) {
        return Optional.of(new DocumentIdentity(id.canonical(), id.type(), id.issuer(), id.number(), id.year(),
            c.issued(), id.title(), id.start(), id.end()));
      }
    }
    return head;
  }

  /** True when the number at p stands on a "Số:" line (a cheap test before reading the header). */
  boolean onNumberLine(String t, int p) {
    int s = p;
    while (s > 0 && p - s < 12 && t.charAt(s - 1) != '\n' && t.charAt(s - 1) != '|') s--;
    int[] b = content(t, s, p);
    return b[0] < b[1] && firstWord(t.substring(b[0], b[1]), "letterhead-number") > 0;
  }

  /** The identity the header alone gives, its date from the place-and-date line only. */
  Optional<DocumentIdentity> header(String text) {
    int limit = Math.min(text.length(), HEAD_CHARS);
    // a table's cells read as lines ("| Số: 20-NQ/TW | Hà Nội, ngày 01 tháng 11 năm 2012 |"); offsets stay the same
    String head = text.substring(0, limit);
    String t = head.indexOf('|') < 0 ? head : head.replace('|', '\n');
    CodeScanner.Code number = null, heading = null;
    LocalDate placeDate = null;
    String capsType = null, title = null, vv = null;
    int lineNo = 0, firstContent = -1, afterType = -1, vvEnd;
    for (int s = 0; s < limit && lineNo < HEAD_LINES; lineNo++) {
      int e = t.indexOf('\n', s);
      if (e < 0 || e > limit) e = limit;
      int[] b = content(t, s, e);
      if (b[0] < b[1]) {
        String line = t.substring(b[0], b[1]);
        if (firstContent < 0) {
          firstContent = lineNo;
          heading = headingNumber(t, b[0], b[1]);
        }
        if (number == null) number = soLine(t, b[0], b[1]);
        if (placeDate == null) placeDate = placeDate(t, b[0], b[1]);
        if (capsType == null && (capsType = capsType(line)) != null) afterType = e + 1;
        if (vv == null && (vvEnd = firstWord(line, "subject")) > 0) vv = line.substring(vvEnd).strip();
      }
      s = e + 1;
    }
    CodeScanner.Code k = number != null && (placeDate != null || capsType != null) ? number : heading;
    if (k == null) return Optional.empty();
    LocalDate issued = k == number ? placeDate : null;
    if (afterType >= 0) title = subject(t, afterType);
    String ttl = title != null ? title : vv;
    String type = k.type() != null ? k.type() : capsType;
    return Optional.of(new DocumentIdentity(k.canonical(), type, k.issuer(), k.number(), k.year(), issued, ttl,
        k.start(), k.end()));
  }

  /**
   * The subject under the type line ("VỀ VIỆC PHÊ DUYỆT ...", "về đột phá phát triển ..."), joined when it is
   * wrapped over lines; null when the preamble ("Căn cứ ...") or an article follows the type directly.
   */
  private String subject(String t, int from) {
    StringBuilder out = new StringBuilder();
    Boolean caps = null;
    int lines = 0;
    for (int s = from; s < t.length() && lines < SUBJECT_LINES; ) {
      int e = t.indexOf('\n', s);
      if (e < 0) e = t.length();
      int[] b = content(t, s, e);
      s = e + 1;
      if (b[0] >= b[1]) {
        if (caps != null) break;
        continue;
      }
      String line = t.substring(b[0], b[1]);
      if (caps == null && preamble.matcher(line).lookingAt()) return null;
      // "NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ": the issuer completes the type, the subject comes after it.
      if (caps == null && line.startsWith("CỦA ") && isCaps(line)) continue;
      // A wrapped subject goes on in capitals, or in lower case; a capital after lower case starts the text.
      if (caps != null && (caps != isCaps(line) || !caps && !Character.isLowerCase(line.charAt(0))
          || preamble.matcher(line).lookingAt())) {
        break;
      }
      caps = isCaps(line);
      if (!out.isEmpty()) out.append(' ');
      out.append(line);
      lines++;
    }
    if (out.isEmpty()) return null;
    if (out.length() <= Limits.TITLE_CHARS) return out.toString();
    // A "line" longer than any title is a text without line breaks: keep its head, cut at a word.
    int cut = out.lastIndexOf(" ", Limits.TITLE_CHARS - 1);
    return out.substring(0, cut > Limits.TITLE_CHARS / 2 ? cut : Limits.TITLE_CHARS - 1) + "…";
  }

  /** The line without markdown decoration (#, *, _, >, |) and spaces at its ends. */
  private static int[] content(String t, int s, int e) {
    while (s < e && (Chars.isSpace(t.charAt(s)) || "#*>|_-".indexOf(t.charAt(s)) >= 0)) s++;
    while (e > s && (Chars.isSpace(t.charAt(e - 1)) || "#*>|_\\".indexOf(t.charAt(e - 1)) >= 0)) e--;
    return new int[] {s, e};
  }

  /** "Số: 03/NQ-CP", "Số 402-CV/VPĐU": the number of a line that holds nothing else. */
  private CodeScanner.Code soLine(String t, int s, int e) {
    int p = e - s < 4 ? -1 : firstWord(t.substring(s, e), "letterhead-number");
    if (p < 0) return null;
    p += s;
    if (p < e && t.charAt(p) == ':') p++;
    p = Chars.skipSpace(t, p, 3);
    if (p >= e || !Chars.isDigit(t.charAt(p))) return null;
    CodeScanner.Code k = codes.read(t.substring(0, e), p, true);
    return k != null && k.end() == e ? k : null;
  }

  /** A heading made of a type word, an optional "số" and one number: "Nghị quyết số 57-NQ/TW". */
  private CodeScanner.Code headingNumber(String t, int s, int e) {
    int p = s;
    while (p < e && !Chars.isDigit(t.charAt(p))) p++;
    if (p >= e || p == s || p - s > 40) return null;
    String sub = t.substring(0, e);
    CodeScanner.Code k = codes.read(sub, p, true);
    if (k == null || k.end() != e) return null;
    int q = Phrases.backSpace(sub, p);
    if (q >= 2 && sub.regionMatches(true, q - 2, "số", 0, 2)) q = Phrases.backSpace(sub, q - 2);
    int[] words = Phrases.wordsBack(sub, q, vocab.maxTypeWords());
    for (int w = words.length / 2; w >= 1; w--) {
      int ws = words[2 * (w - 1)];
      if (ws == s && vocab.typesOf(Chars.key(sub.substring(ws, q))) != null) return k;
    }
    return null;
  }

  /**
   * The date of a place-and-date line within the few lines after {@code from} (the end of a "Số:" number), table cells
   * read as lines and a date wrapped over two lines joined: a directive's letterhead anywhere in a text, also one
   * appended after another document.
   */
  LocalDate placeDateAfter(String text, int from) {
    String w = text.substring(from, Math.min(text.length(), from + PLACE_DATE_REACH)).replace('|', '\n');
    int lines = 0;
    for (int s = 0; s < w.length() && lines < PLACE_DATE_LINES; lines++) {
      int e = w.indexOf('\n', s);
      if (e < 0) e = w.length();
      int[] b = content(w, s, e);
      if (b[0] < b[1]) {
        LocalDate d = placeDate(w, b[0], Math.min(w.length(), b[1] + 40));
        if (d != null) return d;
      }
      s = e + 1;
    }
    return null;
  }

  /** "Hà Nội, ngày 22 tháng 12 năm 2024": a short place name, a comma, "ngày" and the date, nothing after. */
  private LocalDate placeDate(String t, int s, int e) {
    int c = t.indexOf(',', s);
    if (c < 0 || c >= e || c - s > 40 || t.lastIndexOf('\n', c) >= s) return null;
    int p = Chars.skipSpace(t, c + 1, 3);
    int w = Chars.wordEnd(t, p);
    if (w < 0 || w > e || !vocab.hasRole("letterhead-date", Chars.key(t.substring(p, w)))) return null;
    DateReader.Date d = dates.read(t.substring(0, e), Chars.skipSpace(t, w, 3), false);
    return d != null ? d.date() : null;
  }

  /** End of the line's first word ("Số", "V/v") when it has {@code role}, else -1. */
  private int firstWord(String line, String role) {
    int e = 0;
    while (e < line.length() && e < 8 && !Chars.isSpace(line.charAt(e)) && line.charAt(e) != ':' && !Chars.isDigit(line.charAt(e))) e++;
    return e > 0 && vocab.hasRole(role, Chars.key(line.substring(0, e))) ? e : -1;
  }

  /** The type code when the line is a type's Vietnamese name in capitals ("NGHỊ QUYẾT", "QUYẾT ĐỊNH"). */
  private String capsType(String line) {
    if (!isCaps(line)) return null;
    var codes = vocab.typesOf(Chars.key(line));
    return codes == null ? null : codes.get(0);
  }

  private static boolean isCaps(String line) {
    boolean letter = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isLowerCase(c)) return false;
      letter |= Character.isLetter(c);
    }
    return letter;
  }
}
