package sohieu.refs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sohieu.Limits;

/**
 * Finds citations of Vietnamese party and state documents in vi, ru, fr, pl and en text, in three stages as eyecite
 * does: find (one pass over the text that stops only at digits, reading full numbers and number phrases, see
 * {@link Found}), model ({@link Citation}'s variants) and resolve (a {@link Resolver} over the whole document,
 * {@link DocumentResolver} by default). Thread-safe and reusable; the grammar's words live in the data files read by
 * {@link Vocabulary}.
 *
 * <ul>
 *   <li>EXPLICIT: a full number, see {@link CodeScanner} for every accepted spelling; a well-formed code the
 *       vocabulary does not know ({@code 4521/TCT-DNL}) counts where a lead-in or a type word makes it a document
 *       number, with a lower confidence. Its issue date per {@link IssueDates}.</li>
 *   <li>SHORT: a type word and a bare number standing for a full number anywhere in the same text with that type and
 *       number: "по реализации резолюции 25 и заключения 43" -> 25-NQ/TW, 43-KL/TW.</li>
 *   <li>PARTIAL: a type word, a bare number and the issuer in words, in the clause or named by the document: "la
 *       décision n° 209 du 26 novembre 2019 du Politburo" -> 209-QĐ/TW; "Заключения Политбюро № 12" -> 12-KL/TW;
 *       "wnioski 91 i 93 Biura Politycznego" -> 91-KL/TW, 93-KL/TW; "Decree 47/2021" -> 47/2021/NĐ-CP.</li>
 * </ul>
 * Never cited: "Кластера № 1", years, ranges "2021–2026", dates "24/10/2023", phone numbers, "Điều 8", numbers in
 * URLs, Roman-numeral congresses, "Nghị quyết Trung ương 4" (a plenum, not a number), form numbers ("Mẫu số
 * 01/GTGT"), EU acts, image file names.
 */
public final class CitationRecognizer {
  private static final int SENTENCE_REACH = Limits.SENTENCE_CHARS / 2;
  /** The most chars between two members of a list of numbers ("18, 19, 21 và 27", "N°29 et la Conclusion N°76"). */
  private static final int LIST_GAP = 40;

  private static final CitationRecognizer STANDARD = new CitationRecognizer(Vocabulary.standard());

  private final Vocabulary vocab;
  /** Last chars of the glued lead-ins, lower case. */
  private final String gluedLast;
  private final CodeScanner codes;
  private final Phrases phrases;
  private final IssueDates issueDates;
  private final IdentityFinder identities;
  private final Resolver resolver;

  /** A recognizer reading this vocabulary, resolving with {@link DocumentResolver}. */
  public CitationRecognizer(Vocabulary vocab) {
    this(vocab, null);
  }

  /** A recognizer reading this vocabulary, resolving with {@code resolver} (null: {@link DocumentResolver}). */
  public CitationRecognizer(Vocabulary vocab, Resolver resolver) {
    this.vocab = vocab;
    this.codes = new CodeScanner(vocab);
    this.phrases = new Phrases(vocab);
    StringBuilder last = new StringBuilder();
    for (String k : vocab.roleKeys("glued")) last.append(k.charAt(k.length() - 1));
    this.gluedLast = last.toString();
    DateReader dates = new DateReader(vocab);
    this.issueDates = new IssueDates(vocab, dates, phrases);
    this.identities = new IdentityFinder(vocab, codes, dates, this);
    this.resolver = resolver != null ? resolver : new DocumentResolver(vocab);
  }

  /** The recognizer built once from the shipped data files. */
  public static CitationRecognizer standard() {
    return STANDARD;
  }

  /** The vocabulary this recognizer reads (type and issuer words in five languages). */
  public Vocabulary vocabulary() {
    return vocab;
  }

  /** Every resolved citation in the text, sorted by start; never throws on any input (null reads as empty). */
  public List<Citation> scan(String text) {
    return scan(text, Integer.MAX_VALUE);
  }

  /**
   * The first {@code max} citations of {@link #scan(String)}: a text made of numbers holds millions, each with its
   * sentence. Ask for one more than you keep to learn whether the text holds more.
   */
  public List<Citation> scan(String text, int max) {
    List<Citation> out = new ArrayList<>();
    for (Citation c : find(text, max, null)) {
      if (c.kind() != Citation.Kind.UNRESOLVED && out.size() < max) out.add(c);
    }
    return out;
  }

  /** A span of a text that OCR read from a scan: its numbers may hold a scan's misreadings. */
  public record Scanned(int start, int end) {}

  /** How much a citation is trusted less when its number was read through a scan's misreadings. */
  static final double MISREAD = 0.85;

  /**
   * As {@link #scan(String, int)}, for a text whose {@code scanned} spans OCR read: there, a number shaped like a
   * document number but misread by the scan (15/2O20/NÐ-CP, l2-CT/TW, 57 NQ/TW with the hyphen lost at a line end,
   * 15/2020/N Đ-CP) is read as the number it shows ({@link OcrReading}). Such a reading counts only as a full number
   * all of whose codes the vocabulary knows, with its confidence times
   * {@value #MISREAD}; a misread short or partial form is left out, never guessed. Short forms resolve only against
   * full numbers that count: one resolved against a misread number alone (none typed the same) is trusted
   * {@value #MISREAD} times less too. Offsets, raw and sentence are the text's own.
   */
  public List<Citation> scan(String text, int max, List<Scanned> scanned) {
    if (text == null || scanned == null || scanned.isEmpty()) return scan(text, max);
    OcrReading.Read read = OcrReading.read(text, scanned);
    if (read.changed().isEmpty()) return scan(text, max);
    List<Citation> found = find(read.text(), max, read);
    Set<String> typed = new HashSet<>(), misread = new HashSet<>();
    for (Citation c : found) {
      if (c.kind() == Citation.Kind.EXPLICIT) (read.changedIn(c.start(), c.end()) ? misread : typed).add(c.canonical());
    }
    List<Citation> out = new ArrayList<>();
    for (Citation c : found) {
      if (out.size() >= max) break;
      if (c.kind() == Citation.Kind.UNRESOLVED) continue;
      double confidence = c.confidence();
      if (read.changedIn(c.start(), c.end())) {
        // only a full number all of whose codes the vocabulary knows: a misread unknown code is noise, not a lead
        if (c.kind() != Citation.Kind.EXPLICIT || confidence < 1.0) continue;
        confidence *= MISREAD;
      } else if (c.kind() == Citation.Kind.SHORT && misread.contains(c.canonical()) && !typed.contains(c.canonical())) {
        confidence *= MISREAD;
      }
      int s = read.start(c.start()), e = read.end(c.end());
      out.add(Citation.of(c.kind(), c.canonical(), text.substring(s, e), c.type(), c.issuer(), c.number(), c.year(),
          c.issued(), s, e, confidence, sentence(text, s, e)));
    }
    return out;
  }

  /**
   * As {@link #identify(String)}, reading the letterhead's number through a scan's misreadings (see
   * {@link #scan(String, int, List)}): a number so read names the document only when all its codes are known.
   */
  public Optional<DocumentIdentity> identify(String text, List<Scanned> scanned) {
    if (text == null || scanned == null || scanned.isEmpty()) return identify(text);
    OcrReading.Read read = OcrReading.read(text, scanned);
    if (read.changed().isEmpty()) return identify(text);
    Optional<DocumentIdentity> found = identify(read.text());
    if (found.isPresent() && read.changedIn(found.get().start(), found.get().end())) {
      CodeScanner.Code k = codes.read(read.text().substring(0, found.get().end()), found.get().start(), true);
      if (k == null || !k.known()) return identify(text);
    }
    return found.map(id -> new DocumentIdentity(id.canonical(), id.type(), id.issuer(), id.number(),
        id.year(), id.issued(), id.title(), read.start(id.start()), read.end(id.end())));
  }

  /** Every citation in the text, the {@link Citation.Unresolved} number phrases included. */
  public List<Citation> find(String text) {
    return find(text, Integer.MAX_VALUE, null);
  }

  /**
   * Citations until {@code max} of them are resolved: the find stage reads at most {@code limit} items, and reads
   * again with a larger limit while unresolved phrases kept the count short. With {@code ocr}, the text as a scan
   * was read, whose misread full numbers with a code the vocabulary does not know are dropped before resolving: they
   * count for nothing, so no short form may resolve against them.
   */
  private List<Citation> find(String text, int max, OcrReading.Read ocr) {
    if (text == null || text.isEmpty() || max <= 0) return List.of();
    for (int limit = max; ; limit = limit > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : limit * 2) {
      List<Found> found = read(text, limit);
      if (found.isEmpty()) return List.of();
      List<Citation> out = resolver.resolve(text, ocr == null ? found : found.stream()
          .filter(f -> !(f instanceof Found.Code k) || k.known() || !ocr.changedIn(k.start(), k.end())).toList());
      if (found.size() < limit || limit == Integer.MAX_VALUE
          || out.stream().filter(c -> c.kind() != Citation.Kind.UNRESOLVED).count() >= max) {
        return letterheadDate(text, out);
      }
    }
  }

  /** The find stage: full numbers and number phrases in text order, at most {@code max} of them. */
  private List<Found> read(String t, int max) {
    List<Found> out = new ArrayList<>();
    int groups = 0;
    for (int i = nextNumber(t, 0), next; i >= 0 && out.size() < max; i = nextNumber(t, next)) {
      int de = CodeScanner.digitsEnd(t, i);
      boolean glued = !boundaryBefore(t, i);
      int prevEnd = out.isEmpty() ? -1 : out.get(out.size() - 1).end();
      CodeScanner.Code k = explicitAt(t, i);
      if (k != null) {
        out.add(code(t, k, prevEnd));
        next = k.end();
        continue;
      }
      next = de;
      if ((glued && !gluedType(t, i)) || de - i > 5 || inUrl(t, i)) continue;
      int ye = yearAfter(t, de);
      if (ye < 0 && !bareAfter(t, de)) continue;
      Found.Phrase prev = !out.isEmpty() && out.get(out.size() - 1) instanceof Found.Phrase ph ? ph : null;
      Found.Phrase p = phrase(t, i, de, ye, prev, prevEnd, groups);
      if (p == null) continue;
      if (p.group() == groups) groups++;
      out.add(p);
      if (ye > 0) next = ye;
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
      } else if (boundaryBefore(t, i) || gluedLeadIn(t, i) || gluedType(t, i)) {
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
    if (k == null || mailAfter(t, k.end()) || inUrl(t, i) || fileName(t, k.end())) return null;
    if (k.needsContext() && !phrases.hasLeadIn(t, i) && phrases.typeBefore(t, i) == null) return null;
    if (phrases.formBefore(t, i)) return null; // "Mẫu số 01/GTGT": a form's number, not a document's
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

  /** "NQ71", "QĐ1234": a type's abbreviation in capitals glued to a bare number. */
  private boolean gluedType(String t, int i) {
    if (i < 2 || !Character.isUpperCase(t.charAt(i - 1))) return false;
    int ws = Chars.wordStart(t, i);
    if (ws < 0 || i - ws > 3 || i - ws < 2) return false;
    for (int k = ws; k < i; k++) if (!Character.isUpperCase(t.charAt(k))) return false;
    return vocab.typesOf(Chars.key(t.substring(ws, i))) != null;
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
    return new CodeScanner.Code(k.start(), k.end(), k.canonical() + "-CP", k.number(), k.year(), "NĐ", "CP");
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

  private Found.Code code(String t, CodeScanner.Code k, int prevEnd) {
    String type = k.type();
    if (type == null) {
      Phrases.TypeBefore tb = phrases.typeBefore(t, k.start());
      if (tb != null) type = tb.codes().get(0);
    }
    LocalDate issued = issueDates.issued(t, k.start(), k.end(), k.year(), prevEnd);
    return new Found.Code(k.start(), k.end(), k.canonical(), type, k.issuer(), k.number(), k.year(), k.known(), issued);
  }

  /**
   * A type word and the bare number [s,e) (with a year up to {@code ye} when positive), or a number joined by a
   * coordinator to the phrase before it ("wnioski 91 i 93", "18, 19, 21 và 27"), which shares its type; null when
   * neither.
   */
  private Found.Phrase phrase(String t, int s, int e, int ye, Found.Phrase prev, int prevEnd, int groups) {
    Phrases.TypeBefore tb = phrases.typeBefore(t, s);
    if (tb == null && prev == null) return null;
    boolean leadIn = phrases.hasLeadIn(t, s);
    int end = ye > 0 ? ye : e;
    Integer year = ye > 0 ? Integer.valueOf(CodeScanner.number(t, e + 1, ye)) : null;
    List<String> types;
    int start, group;
    if (tb != null) {
      if (tb.issuerBetween() != null && !leadIn) return null; // "Nghị quyết Trung ương 4" names a plenum
      types = tb.codes();
      start = tb.start();
      group = prev != null && linked(t, prevEnd, start) ? prev.group() : groups;
    } else if (prev != null && linked(t, prevEnd, leadIn ? phrases.leadInStart(t, s) : s)) {
      types = prev.types();
      start = s;
      group = prev.group();
    } else {
      return null;
    }
    if (phrases.formBefore(t, s)) return null;
    String number = CodeScanner.number(t, s, e);
    Clause clause = clause(t, end, year);
    String issuer = tb != null ? tb.issuerBetween() : null;
    if (issuer == null && clause.issuer() != null) issuer = vocab.citesAs(clause.issuer());
    if (issuer == null) issuer = issuerBefore(t, start);
    return new Found.Phrase(start, end, types, number, year, issuer, clause.issued(), leadIn, clause.elsewhere(), group);
  }

  /** "Politburo's Conclusion No. 93": an issuer named in the possessive before the type word. */
  private String issuerBefore(String t, int start) {
    Phrases.Issuer is = phrases.possessiveBefore(t, start);
    return is == null ? null : vocab.citesAs(is.code());
  }

  /**
   * What the clause after a number phrase says: the issuer it names, the issue date it states, and whether it names an
   * issuer or a code the vocabulary cannot map.
   */
  private record Clause(String issuer, LocalDate issued, boolean elsewhere) {}

  /**
   * Reads past a number phrase: an optional stated date (", dated May 9, 2024", "du 22 mars 2018", "z dnia
   * 12 lipca 2024 r."), the issuer phrase ("of the Politburo", "Biura Politycznego", "của Ban Chấp hành Trung ương"),
   * then a date after the issuer ("Секретариата ЦК от 4 июля 2023 года", "(XIIe mandat) du 3 juin 2017").
   */
  private Clause clause(String t, int e, Integer year) {
    IssueDates.Stated stated = issueDates.after(t, e, true);
    int q = stated != null ? stated.end() : e;
    Phrases.Issuer is = phrases.issuerAfter(t, skipComma(t, q));
    LocalDate issued = stated != null ? issueDates.judge(t, e, stated, year, -1) : null;
    if (is != null && issued == null) {
      IssueDates.Stated late = issueDates.after(t, phrases.skipAside(t, is.end()), true);
      if (late != null) issued = issueDates.judge(t, e, late, year, -1);
    }
    boolean elsewhere = is != null ? vocab.citesAs(is.code()) == null : namesOther(t, skipComma(t, q));
    return new Clause(is == null ? null : is.code(), issued, elsewhere);
  }

  /**
   * "của Ban Chỉ đạo", "do Thanh tra tỉnh", "of the Provincial Council": a connector and a capitalised word; or a code,
   * a sign or a dash right after the number ("514 NQ/TVQH", "100 - TTg", "125 %").
   */
  private boolean namesOther(String t, int p) {
    int q = Chars.skipSpace(t, p, 3);
    if (q >= t.length()) return false;
    char c = t.charAt(q);
    if (c == '%' || c == '/' || Chars.fold(c) == '-') return true;
    int we = Chars.wordEnd(t, q);
    if (we < 0) return false;
    if (we - q >= 2 && CodeScanner.isCode(t, q, we)) return true;
    for (int k = Math.min(vocab.maxRoleWords(), 3); k >= 1; k--) {
      int[] words = Phrases.wordsForward(t, q, k);
      if (words.length / 2 < k) continue;
      int e = words[2 * k - 1];
      if (vocab.hasRole("connector", Chars.key(t.substring(q, e)))) {
        int n = Chars.skipSpace(t, e, 3);
        return n < t.length() && Character.isUpperCase(t.charAt(n));
      }
    }
    return false;
  }

  private static int skipComma(String t, int p) {
    int q = Chars.skipSpace(t, p, 2);
    return q < t.length() && t.charAt(q) == ',' ? Chars.skipSpace(t, q + 1, 2) : p;
  }

  /** True when only a coordinator (",", "và", "i", "et la", "and the") stands between {@code prevEnd} and {@code s}. */
  private boolean linked(String t, int prevEnd, int s) {
    if (prevEnd < 0 || s <= prevEnd || s - prevEnd > LIST_GAP) return false;
    String between = Chars.key(t.substring(prevEnd, s));
    if (between.isEmpty()) return s - prevEnd <= 2 && t.charAt(prevEnd) != '\n' && t.charAt(s - 1) != '\n'; // "Nghị quyết 70 71 72"
    if (between.equals(",") || between.equals(";")) return true;
    String w = between.startsWith(",") ? between.substring(1).strip() : between;
    int sp = w.indexOf(' ');
    String first = sp < 0 ? w : w.substring(0, sp);
    if (!vocab.hasRole("coordinator", first)) return false;
    return sp < 0 || vocab.hasRole("article", w.substring(sp + 1));
  }

  /** End of "/2021" after a bare number ("Nghị định 73/2025"), when a year of the code window follows alone, else -1. */
  private int yearAfter(String t, int de) {
    if (de + 5 > t.length() || Chars.fold(t.charAt(de)) != '/') return -1;
    int ye = CodeScanner.digitsEnd(t, de + 1);
    if (ye - de - 1 != 4) return -1;
    int y = Integer.parseInt(CodeScanner.number(t, de + 1, ye));
    if (!vocab.codeYear(y)) return -1;
    return bareAfter(t, ye) ? ye : -1;
  }

  /**
   * "Số: 57-NQ/TW ... Hà Nội, ngày 22 tháng 12 năm 2024": a directive's own number on its letterhead takes the date of
   * the place-and-date line beside it, or else of the text's header.
   */
  private List<Citation> letterheadDate(String t, List<Citation> out) {
    List<Citation> dated = out;
    DocumentIdentity header = null;
    boolean headerRead = false;
    for (int i = 0; i < out.size(); i++) {
      Citation c = out.get(i);
      if (c.kind() != Citation.Kind.EXPLICIT || c.issued() != null || !identities.onNumberLine(t, c.start())) continue;
      LocalDate date = identities.placeDateAfter(t, c.end());
      if (date == null && c.start() <= IdentityFinder.HEAD_CHARS) {
        if (!headerRead) {
          header = identities.header(t).orElse(null);
          headerRead = true;
        }
        if (header != null && header.start() == c.start()) date = header.issued();
      }
      if (date == null) continue;
      if (dated == out) dated = new ArrayList<>(out);
      dated.set(i, c.withIssued(date));
    }
    return dated;
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

  /** ".jpg", ".png" right after a code: the "code" is an image's file name. */
  private boolean fileName(String t, int e) {
    if (e + 1 >= t.length() || t.charAt(e) != '.') return false;
    int we = Chars.wordEnd(t, e + 1);
    return we > 0 && we - e <= 6 && vocab.hasRole("file-extension", Chars.key(t.substring(e + 1, we)));
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
