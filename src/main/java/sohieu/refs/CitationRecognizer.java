package sohieu.refs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds citations of Vietnamese party and state documents in text (first version: explicit numbers only). */
public final class CitationRecognizer {
  private static final String DASH = "[-‐‑–—−]";
  private static final Pattern PARTY = Pattern.compile(
      "(?<![\\p{L}\\p{N}/])(\\d{1,4})\\s*" + DASH + "\\s*([\\p{L}]{2,4})\\s*/\\s*([\\p{L}]{2,8})(?![\\p{L}\\p{N}])");
  private static final Pattern STATE = Pattern.compile(
      "(?<![\\p{L}\\p{N}/])(\\d{1,5})\\s*/\\s*(?:(\\d{4})\\s*/\\s*)?([\\p{L}]{2,8}(?:\\d{1,2})?(?:\\s*" + DASH + "\\s*[\\p{L}]{2,10}\\d{0,2})?)(?![\\p{L}\\p{N}])");

  private CitationRecognizer() {}

  public static CitationRecognizer standard() { return new CitationRecognizer(); }

  public List<Citation> scan(String text) {
    List<Citation> out = new ArrayList<>();
    Matcher m = PARTY.matcher(text);
    while (m.find()) {
      String type = fold(m.group(2)), issuer = fold(m.group(3));
      String number = strip(m.group(1));
      out.add(new Citation(number + "-" + type + "/" + issuer, m.group(), Citation.Kind.EXPLICIT, type, issuer,
          number, null, null, m.start(), m.end(), 1.0, sentence(text, m.start(), m.end())));
    }
    return out;
  }

  /** The canonical form of a citation typed by a user, if the recognizer accepts it as one. */
  public Optional<String> canonicalize(String spelling) {
    return scan(spelling.strip()).stream().findFirst().map(Citation::canonical);
  }

  private static String strip(String digits) {
    String s = digits.replaceFirst("^0+(?=\\d)", "");
    return s;
  }

  private static String fold(String code) {
    return code.toUpperCase(Locale.ROOT).replace("QD", "QĐ").replace("ND", "NĐ");
  }

  static String sentence(String text, int start, int end) {
    int s = start;
    while (s > 0 && text.charAt(s - 1) != '\n' && !(text.charAt(s - 1) == ' ' && s > 1 && ".!?".indexOf(text.charAt(s - 2)) >= 0)) s--;
    int e = end;
    while (e < text.length() && text.charAt(e) != '\n' && ".!?".indexOf(text.charAt(e)) < 0) e++;
    if (e < text.length() && text.charAt(e) != '\n') e++;
    return text.substring(s, e).strip();
  }
}
