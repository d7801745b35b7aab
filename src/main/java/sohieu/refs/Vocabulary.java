package sohieu.refs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of the citation grammar in vi, ru, fr, pl and en, read from the TSV files in
 * {@code src/main/resources/sohieu/refs/} (types.tsv, issuers.tsv, party-issuers.tsv, months.tsv, leadins.tsv,
 * codes.tsv, translit.tsv, grammar.tsv) so that a linguist can extend them without touching Java. The loader
 * rejects a bad row (wrong column count, unknown role, scope or language, a month out of range) with its file and line.
 * A recognizer is given its vocabulary ({@link CitationRecognizer#CitationRecognizer(Vocabulary)}): tests may load
 * another one from a folder with {@link #load(Path)}. Immutable and thread-safe.
 */
public final class Vocabulary {
  /** The languages the data files cover. */
  public static final List<String> LANGS = sohieu.lang.Language.CODES;
  /** The roles leadins.tsv may give a word (see that file's header). */
  static final Set<String> ROLES = Set.of("number", "glued", "date", "issue-verb", "year-tail", "connector",
      "continuation", "coordinator", "article", "term", "form", "foreign-code", "file-extension", "letterhead-number",
      "letterhead-date", "month-word", "year-word", "subject", "preamble", "preamble-numbered");
  private static final Set<String> SCOPES = Set.of("party", "state", "both", "word");

  private static final Vocabulary STANDARD = new Vocabulary(file -> Vocabulary.class.getResourceAsStream(file),
      "sohieu/refs/");

  /** A bad row in a data file, named by file and line. */
  public static final class BadRowException extends IllegalArgumentException {
    BadRowException(String where, String what) {
      super(where + ": " + what);
    }
  }

  /** Opens one data file by name, or returns null when it is absent. */
  private interface Source {
    InputStream open(String file) throws IOException;
  }

  /** A type or issuer form: the codes it may stand for, in file order. */
  record Term(List<String> codes, int words) {}

  private final Map<String, Map<String, List<String>>> typeForms = new LinkedHashMap<>();
  private final Map<String, Map<String, List<String>>> issuerForms = new LinkedHashMap<>();
  private final Map<String, String> typeScope = new HashMap<>();
  private final Map<String, String> citesAs = new HashMap<>();
  private final Map<String, String> partyIssuers = new HashMap<>();
  private final Map<String, List<String>> typeByKey = new HashMap<>();
  private final Map<String, List<String>> issuerByKey = new HashMap<>();
  private final Map<String, Integer> monthByKey = new HashMap<>();
  private final Map<String, Set<String>> roles = new HashMap<>();
  private final Map<String, String> spelling = new HashMap<>();
  private final Map<String, String> transliteration = new HashMap<>();
  private final Set<String> lastWords = new java.util.HashSet<>();
  private final Set<String> issuerFirstWords = new java.util.HashSet<>();
  private final Map<String, Set<String>> roleFirstWords = new HashMap<>();
  private String issuerFirstChars = "";
  private String formChars = "";
  private int maxTypeWords = 1, maxIssuerWords = 1, maxRoleWords = 1;
  private int codeYearMin, codeYearMax, dateYearMin, dateYearMax;
  private final Source source;
  private final String origin;

  private Vocabulary(Source source, String origin) {
    this.source = source;
    this.origin = origin;
    for (String[] r : rows("types.tsv", 4, 4)) {
      check(SCOPES.contains(r[1]), "types.tsv", r, "unknown scope '" + r[1] + "' (party, state, both or word)");
      checkLang("types.tsv", r, r[2]);
      put(typeForms, r[0], r[2], r[3]);
      typeScope.putIfAbsent(r[0], r[1]);
      maxTypeWords = Math.max(maxTypeWords, index(typeByKey, r[0], r[3]));
      lastWords(r[3]);
      spelling.putIfAbsent(codeKey(r[0]), r[0]);
    }
    for (String[] r : rows("issuers.tsv", 4, 4)) {
      checkLang("issuers.tsv", r, r[2]);
      put(issuerForms, r[0], r[2], r[3]);
      if (!r[1].isBlank()) citesAs.putIfAbsent(r[0], r[1]);
      maxIssuerWords = Math.max(maxIssuerWords, index(issuerByKey, r[0], r[3]));
      for (String f : r[3].split("\\|")) if (!f.isBlank()) issuerFirstWords.add(Chars.key(f).split(" ")[0]);
      lastWords(r[3]);
      spelling.putIfAbsent(codeKey(r[0]), r[0]);
    }
    StringBuilder firstChars = new StringBuilder();
    for (String w : issuerFirstWords) if (firstChars.indexOf(w.substring(0, 1)) < 0) firstChars.append(w.charAt(0));
    issuerFirstChars = firstChars.toString();
    for (String[] r : rows("codes.tsv", 1, 2)) spelling.putIfAbsent(codeKey(r[0]), r[0]);
    for (String[] r : rows("translit.tsv", 2, 2)) transliteration.put(r[0].toUpperCase(java.util.Locale.ROOT), r[1]);
    for (String[] r : rows("party-issuers.tsv", 1, 2)) partyIssuers.put(r[0], r[1].isBlank() ? r[0] : r[1]);
    for (String[] r : rows("months.tsv", 3, 3)) {
      checkLang("months.tsv", r, r[0]);
      check(r[1].matches("[1-9]|1[0-2]"), "months.tsv", r, "month '" + r[1] + "' is not 1-12");
      for (String f : r[2].split("\\|")) if (!f.isBlank()) monthByKey.put(Chars.key(f), Integer.parseInt(r[1]));
    }
    Map<String, int[]> windows = new HashMap<>();
    for (String[] r : rows("grammar.tsv", 2, 3)) {
      check(r[1].matches("\\d{4}-\\d{4}"), "grammar.tsv", r, "'" + r[1] + "' is no year window (YYYY-YYYY)");
      windows.put(r[0], new int[] {Integer.parseInt(r[1].substring(0, 4)), Integer.parseInt(r[1].substring(5))});
    }
    int[] code = window(windows, "code-years"), date = window(windows, "date-years");
    codeYearMin = code[0];
    codeYearMax = code[1];
    dateYearMin = date[0];
    dateYearMax = date[1];
    StringBuilder forms = new StringBuilder();
    for (String[] r : rows("leadins.tsv", 3, 3)) {
      if (r[0].equals("form")) for (String w : r[2].split("[| ]")) if (!w.isBlank()) forms.append(Chars.key(w).charAt(0));
      check(ROLES.contains(r[0]), "leadins.tsv", r, "unknown role '" + r[0] + "'");
      checkLang("leadins.tsv", r, r[1]);
      for (String f : r[2].split("\\|")) {
        if (f.isBlank()) continue;
        String k = Chars.key(f);
        roles.computeIfAbsent(r[0], x -> new java.util.HashSet<>()).add(k);
        roleFirstWords.computeIfAbsent(r[0], x -> new java.util.HashSet<>()).add(k.split(" ")[0]);
        maxRoleWords = Math.max(maxRoleWords, k.split(" ").length);
      }
    }
    formChars = forms.toString();
  }

  /** The vocabulary built from the data files shipped with the library. */
  public static Vocabulary standard() {
    return STANDARD;
  }

  /** The vocabulary of the data files in {@code dir} (the same file names as the shipped ones). */
  public static Vocabulary load(Path dir) {
    return new Vocabulary(file -> {
      Path f = dir.resolve(file);
      return Files.exists(f) ? Files.newInputStream(f) : null;
    }, dir + "/");
  }

  /** True for a year a document number may carry ({@code 15/2020/NĐ-CP}; grammar.tsv code-years). */
  boolean codeYear(int year) {
    return year >= codeYearMin && year <= codeYearMax;
  }

  /** True for a year a stated date may have (grammar.tsv date-years). */
  boolean dateYear(int year) {
    return year >= dateYearMin && year <= dateYearMax;
  }

  private static int[] window(Map<String, int[]> windows, String key) {
    int[] w = windows.get(key);
    if (w == null) throw new BadRowException("grammar.tsv", "no row '" + key + "'");
    return w;
  }

  /**
   * The type's name in a language: {@code typeName("NQ", "ru")} is "постановление", {@code ("QD", "vi")} is
   * "Quyết định". Falls back to English, then Vietnamese; null for an unknown code.
   */
  public String typeName(String typeCode, String lang) {
    return name(typeForms, typeCode, lang);
  }

  /** The issuer's name in a language: {@code issuerName("BCT", "fr")} is "Bureau politique"; fallbacks as {@link #typeName}. */
  public String issuerName(String issuerCode, String lang) {
    if (issuerCode == null) return null;
    String n = name(issuerForms, issuerCode, lang);
    if (n == null) n = name(issuerForms, issuerCode.replaceFirst("\\d+$", ""), lang); // QH15 -> QH
    return n;
  }

  /** Every surface form of a type in a language, display name first (empty when none). */
  public List<String> typeForms(String typeCode, String lang) {
    return forms(typeForms, typeCode, lang);
  }

  /** Every surface form of an issuer in a language, display name first (empty when none). */
  public List<String> issuerForms(String issuerCode, String lang) {
    return forms(issuerForms, issuerCode, lang);
  }

  /** The official spelling of a code typed in any case or with D for Đ ("qd" -> "QĐ", "ttg" -> "TTg"), else null. */
  public String spelling(String code) {
    return code == null ? null : spelling.get(codeKey(code));
  }

  /** The code a Russian text spells by sound ("НК" -> "NQ", "ТВ" -> "TW"; translit.tsv), else null. */
  String transliteration(String cyrillic) {
    return transliteration.get(cyrillic.toUpperCase(java.util.Locale.ROOT));
  }

  /** True when some type or issuer phrase ends with this word (a cheap filter before phrase lookups). */
  boolean endsPhrase(String wordKey) {
    return lastWords.contains(wordKey);
  }

  /** True when some issuer phrase starts with a word that starts with this char, in lower case (a cheaper filter). */
  boolean mayStartIssuer(char c) {
    return issuerFirstChars.indexOf(Character.toLowerCase(c)) >= 0;
  }

  /** True when some form's name ("mẫu", "biểu mẫu", "form") holds a word that starts with this char (a cheap filter). */
  boolean mayStartForm(char c) {
    return formChars.indexOf(Character.toLowerCase(c)) >= 0;
  }

  /** True when some phrase of {@code role} starts with this word (a cheap filter before phrase lookups). */
  boolean startsRole(String role, String wordKey) {
    Set<String> s = roleFirstWords.get(role);
    return s != null && s.contains(wordKey);
  }

  /** True when some issuer phrase starts with this word (a cheap filter before phrase lookups). */
  boolean startsIssuer(String wordKey) {
    return issuerFirstWords.contains(wordKey);
  }

  private void lastWords(String forms) {
    for (String f : forms.split("\\|")) {
      if (f.isBlank()) continue;
      String k = Chars.key(f);
      lastWords.add(k.substring(k.lastIndexOf(' ') + 1));
    }
  }

  /** True for an issuer code of issuers.tsv in any case or with D for Đ ("CP", "ttg"). */
  boolean isIssuer(String code) {
    String s = spelling(code);
    return s != null && issuerForms.containsKey(s);
  }

  /** party, state, both or word for a known type code; null otherwise. */
  String scope(String typeCode) {
    return typeScope.get(typeCode);
  }

  /**
   * The issuer as a party number writes it when {@code issuerCode} (official spelling) is a party body, whose numbers
   * are always NUMBER-TYPE/ISSUER ("TƯ" -> "TW"); null for any other issuer.
   */
  public String partyIssuer(String issuerCode) {
    return issuerCode == null ? null : partyIssuers.get(issuerCode);
  }

  /** The issuer code a bare number takes when this issuer is named beside it (Politburo -> TW), or null. */
  String citesAs(String issuerCode) {
    return citesAs.get(issuerCode);
  }

  List<String> typesOf(String phraseKey) {
    return typeByKey.get(phraseKey);
  }

  List<String> issuersOf(String phraseKey) {
    return issuerByKey.get(phraseKey);
  }

  Integer month(String key) {
    return monthByKey.get(key);
  }

  boolean hasRole(String role, String key) {
    Set<String> s = roles.get(role);
    return s != null && s.contains(key);
  }

  /** Every key of a role (empty when none). */
  Set<String> roleKeys(String role) {
    return roles.getOrDefault(role, Set.of());
  }

  int maxTypeWords() {
    return maxTypeWords;
  }

  int maxIssuerWords() {
    return maxIssuerWords;
  }

  int maxRoleWords() {
    return maxRoleWords;
  }

  /** Upper case with Đ read as D: the key under which a code's spellings meet. */
  static String codeKey(String code) {
    StringBuilder b = new StringBuilder(code.length());
    for (int i = 0; i < code.length(); i++) {
      char c = Chars.fold(code.charAt(i));
      b.append(c == 'Đ' ? 'D' : c);
    }
    return b.toString();
  }

  private String canonicalCode(Map<String, Map<String, List<String>>> table, String code) {
    if (table.containsKey(code)) return code;
    String s = spelling(code);
    return s != null && table.containsKey(s) ? s : null;
  }

  private String name(Map<String, Map<String, List<String>>> table, String code, String lang) {
    List<String> f = forms(table, code, lang);
    if (f.isEmpty()) f = forms(table, code, "en");
    if (f.isEmpty()) f = forms(table, code, "vi");
    return f.isEmpty() ? null : f.get(0);
  }

  private List<String> forms(Map<String, Map<String, List<String>>> table, String code, String lang) {
    if (code == null) return List.of();
    String c = canonicalCode(table, code);
    if (c == null) return List.of();
    List<String> f = table.get(c).get(lang == null ? "" : lang.toLowerCase(java.util.Locale.ROOT));
    return f == null ? List.of() : Collections.unmodifiableList(f);
  }

  private static void put(Map<String, Map<String, List<String>>> table, String code, String lang, String forms) {
    List<String> list = table.computeIfAbsent(code, x -> new LinkedHashMap<>()).computeIfAbsent(lang, x -> new ArrayList<>());
    for (String f : forms.split("\\|")) if (!f.isBlank()) list.add(f.strip());
  }

  /** Indexes every form under its key; returns the most words a form has. */
  private static int index(Map<String, List<String>> byKey, String code, String forms) {
    int max = 1;
    for (String f : forms.split("\\|")) {
      if (f.isBlank()) continue;
      String k = Chars.key(f);
      List<String> codes = byKey.computeIfAbsent(k, x -> new ArrayList<>(2));
      if (!codes.contains(code)) codes.add(code);
      max = Math.max(max, k.split(" ").length);
    }
    return max;
  }

  /** The rows of a data file, each padded to {@code max} cells; a row of fewer than {@code min} or more than {@code max} is refused. */
  private List<String[]> rows(String file, int min, int max) {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = source.open(file)) {
      if (in == null) throw new BadRowException(origin + file, "missing");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int lineNo = 0;
      for (String line; (line = r.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] cells = line.split("\t", -1);
        if (cells.length < min || cells.length > max) {
          throw new BadRowException(origin + file + ":" + lineNo, cells.length + " columns, expected "
              + (min == max ? String.valueOf(min) : min + " to " + max));
        }
        String[] row = new String[max + 1];
        for (int i = 0; i < max; i++) row[i] = i < cells.length ? java.text.Normalizer.normalize(cells[i].strip(), java.text.Normalizer.Form.NFC) : "";
        row[max] = origin + file + ":" + lineNo;
        out.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void check(boolean ok, String file, String[] row, String what) {
    if (!ok) throw new BadRowException(row[row.length - 1], what);
  }

  private static void checkLang(String file, String[] row, String lang) {
    check(LANGS.contains(lang), file, row, "unknown language '" + lang + "' (" + String.join(", ", LANGS) + ")");
  }
}
