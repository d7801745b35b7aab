package sohieu.refs;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads one calendar date at a position, with bounded loops and the month names of months.tsv.
 *
 * <p>Accepted forms: {@code 5/1/2022}, {@code 05.01.2022}, {@code 25-1-2017} (day first, same separator twice);
 * {@code 5 tháng 1 năm 2022}; {@code 7 января 2019 года}, {@code 26 novembre 2019}, {@code 1er mai 2020},
 * {@code 10 listopada 2022 roku}, {@code 5 January 2022}; {@code January 5, 2022}. Years within grammar.tsv's date-years; the words of a Vietnamese date from leadins.tsv.
 */
final class DateReader {
  /** A date and the offset just past it (past "года"/"roku"/"г." when written). */
  record Date(LocalDate date, int end) {}

  private final Vocabulary vocab;

  DateReader(Vocabulary vocab) {
    this.vocab = vocab;
  }

  /** The date starting exactly at p, or null. {@code numericOnly} admits only the all-digit forms. */
  Date read(String t, int p, boolean numericOnly) {
    int n = t.length();
    if (p >= n) return null;
    if (Chars.isDigit(t.charAt(p))) {
      int de = CodeScanner.digitsEnd(t, p);
      if (de - p > 2) return null;
      int day = num(t, p, de);
      if (de < n && isSep(t.charAt(de))) {
        char sep = Chars.fold(t.charAt(de));
        int me = CodeScanner.digitsEnd(t, de + 1);
        if (me - de - 1 < 1 || me - de - 1 > 2 || me >= n || Chars.fold(t.charAt(me)) != sep) return null;
        int ye = CodeScanner.digitsEnd(t, me + 1);
        // a lower-case word glued to the year by a scraper ("12/6/2025của") still ends it
        if (ye - me - 1 != 4 || (ye < n && ((Chars.isLetterOrDigit(t.charAt(ye)) && !Character.isLowerCase(t.charAt(ye)))
            || (t.charAt(ye) == sep && ye + 1 < n && Chars.isDigit(t.charAt(ye + 1)))))) return null;
        return date(num(t, me + 1, ye), num(t, de + 1, me), day, tail(t, ye));
      }
      if (numericOnly) return null;
      int q = de;
      if (q + 2 <= n && t.regionMatches(true, q, "er", 0, 2) && (q + 2 == n || !Chars.isWordChar(t.charAt(q + 2)))) q += 2;
      q = Chars.skipSpace(t, q, 2);
      int we = Chars.wordEnd(t, q);
      if (we < 0) return null;
      String w = Chars.key(t.substring(q, we));
      if (vocab.hasRole("month-word", w)) {
        int ms = Chars.skipSpace(t, we, 2), me = CodeScanner.digitsEnd(t, ms);
        if (me - ms < 1 || me - ms > 2) return null;
        int ns = Chars.skipSpace(t, me, 2), ne = Chars.wordEnd(t, ns);
        if (ne < 0 || !vocab.hasRole("year-word", Chars.key(t.substring(ns, ne)))) return null;
        int ys = Chars.skipSpace(t, ne, 2), ye = CodeScanner.digitsEnd(t, ys);
        if (ye - ys != 4) return null;
        return date(num(t, ys, ye), num(t, ms, me), day, ye);
      }
      int after = we;
      Integer month = vocab.month(w);
      if (month == null && we < n && t.charAt(we) == '.') {
        month = vocab.month(w + ".");
        after = we + 1;
      }
      if (month == null) return null;
      int ys = Chars.skipSpace(t, after, 2), ye = CodeScanner.digitsEnd(t, ys);
      if (ye - ys != 4 || (ye < n && Chars.isLetterOrDigit(t.charAt(ye)))) return null;
      return date(num(t, ys, ye), month, day, tail(t, ye));
    }
    if (numericOnly) return null;
    int we = Chars.wordEnd(t, p);
    if (we < 0) return null;
    Integer month = vocab.month(Chars.key(t.substring(p, we)));
    if (month == null) return null;
    int ds = Chars.skipSpace(t, we, 2), de = CodeScanner.digitsEnd(t, ds);
    if (de - ds < 1 || de - ds > 2) return null;
    int q = de;
    if (q < n && t.charAt(q) == ',') q++;
    int ys = Chars.skipSpace(t, q, 2), ye = CodeScanner.digitsEnd(t, ys);
    if (ye - ys != 4 || (ye < n && Chars.isLetterOrDigit(t.charAt(ye)))) return null;
    return date(num(t, ys, ye), month, num(t, ds, de), ye);
  }

  /** Past a year's tail word ("года", "г.", "roku", "r.") when one follows. */
  private int tail(String t, int ye) {
    int q = Chars.skipSpace(t, ye, 2), we = Chars.wordEnd(t, q);
    if (we < 0) return ye;
    String w = Chars.key(t.substring(q, we));
    if (we < t.length() && t.charAt(we) == '.' && vocab.hasRole("year-tail", w + ".")) return we + 1;
    return vocab.hasRole("year-tail", w) && !vocab.hasRole("year-word", w) ? we : ye;
  }

  private static boolean isSep(char c) {
    char f = Chars.fold(c);
    return f == '/' || f == '-' || f == '.';
  }

  private static int num(String t, int p, int e) {
    int v = 0;
    for (int i = p; i < e; i++) v = v * 10 + Chars.digit(t.charAt(i));
    return v;
  }

  private Date date(int y, int m, int d, int end) {
    if (!vocab.dateYear(y)) return null;
    try {
      return new Date(LocalDate.of(y, m, d), end);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
