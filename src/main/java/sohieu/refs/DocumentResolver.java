package sohieu.refs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard resolve stage: resolves each number phrase against the whole document, in this order.
 * <ol>
 *   <li>SHORT: a full number of that type and number anywhere in the document (the nearest before it, else the
 *       first after it: a headline's "Nghị quyết 41" before the body's 41-NQ/TW), or a partial form resolved by
 *       step 2.</li>
 *   <li>PARTIAL: the issuer its clause names, or that another phrase of its list names ("la Directive N°29 et la
 *       Conclusion N°76 du Politburo"): NUMBER-TYPE/ISSUER for a party type; a decree with its year ("Decree
 *       47/2021") is the Government's, 47/2021/NĐ-CP.</li>
 *   <li>PARTIAL with a lower confidence: the party body the document names nearest before it (or, for a headline,
 *       right after it), for the document types that body numbers (grammar: leadins.tsv has none of this; the
 *       types are those of party scope).</li>
 *   <li>Otherwise UNRESOLVED.</li>
 * </ol>
 */
public final class DocumentResolver implements Resolver {
  static final double KNOWN = 1.0;
  static final double UNKNOWN_CODE = 0.9;
  static final double SHORT = 0.8;
  static final double PARTIAL = 0.7;
  static final double DOCUMENT_ISSUER = 0.5;
  /** How far before a phrase the document's issuer is looked for, and after a headline's phrase. */
  private static final int ISSUER_REACH = 4000, HEADLINE = 300;
  /** Only the central bodies are told by the document: a local committee is named too often in passing. */
  private static final String CENTRAL = "TW";
  /**
   * The types a document's central body completes: its resolutions, conclusions, directives and regulations. A
   * "Quyết định số 15" or "Kế hoạch số 08" is issued by bodies of every level too often for a guess.
   */
  /**
   * The types a state body's name completes, NUMBER/TYPE-ISSUER: the Government's resolutions, the Prime Minister's
   * decisions and directives. Decrees carry a year; letters are numbered by unit (1850/TTg-CN), not CV.
   */
  private static final Map<String, java.util.Set<String>> STATE_PARTIAL_TYPES = Map.of(
      "CP", java.util.Set.of("NQ"), "TTg", java.util.Set.of("QĐ", "CT"), "UBND", java.util.Set.of("QĐ", "KH", "CT"));
  private static final java.util.Set<String> DOCUMENT_TYPES = java.util.Set.of("NQ", "KL", "CT", "QĐi");
  /** The most same-numbered citations a phrase looks at each way for a compatible one (keeps resolving linear). */
  private static final int SEARCH_STEPS = 64;
  private static final java.util.Comparator<Citation> BY_START = java.util.Comparator.comparingInt(Citation::start);

  private final Vocabulary vocab;
  private final Phrases phrases;

  public DocumentResolver(Vocabulary vocab) {
    this.vocab = vocab;
    this.phrases = new Phrases(vocab);
  }

  @Override
  public List<Citation> resolve(String t, List<Found> found) {
    Citation[] out = new Citation[found.size()];
    Map<String, List<Citation>> byNumber = new HashMap<>();
    for (int i = 0; i < out.length; i++) {
      if (found.get(i) instanceof Found.Code k) {
        out[i] = new Citation.Explicit(k.canonical(), t.substring(k.start(), k.end()), k.type(), k.issuer(), k.number(),
            k.year(), k.issued(), k.start(), k.end(), k.known() ? KNOWN : UNKNOWN_CODE,
            CitationRecognizer.sentence(t, k.start(), k.end()));
        if (k.type() != null) byNumber.computeIfAbsent(k.type() + " " + k.number(), x -> new ArrayList<>()).add(out[i]);
      }
    }
    Map<Integer, String> groupIssuer = new HashMap<>();
    for (Found f : found) {
      if (f instanceof Found.Phrase p && p.issuer() != null) groupIssuer.putIfAbsent(p.group(), p.issuer());
    }
    List<Citation> partials = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      if (!(found.get(i) instanceof Found.Phrase p)) continue;
      Found.Phrase q = p.issuer() == null && groupIssuer.containsKey(p.group()) ? p.withIssuer(groupIssuer.get(p.group())) : p;
      Citation full = nearest(byNumber, q);
      if (full != null) {
        out[i] = shortForm(t, q, full);
      } else if ((out[i] = partial(t, q, q.issuer(), PARTIAL)) != null) {
        partials.add(out[i]);
      }
    }
    for (Citation c : partials) byNumber.computeIfAbsent(c.type() + " " + c.number(), x -> new ArrayList<>()).add(c);
    if (!partials.isEmpty()) for (List<Citation> list : byNumber.values()) list.sort(BY_START);
    List<Phrases.Issuer> named = null;
    for (int i = 0; i < out.length; i++) {
      if (out[i] != null || !(found.get(i) instanceof Found.Phrase p)) continue;
      Citation full = nearest(byNumber, p);
      if (full != null) {
        out[i] = shortForm(t, p, full);
        continue;
      }
      if (mayTakeDocumentIssuer(p)) {
        if (named == null) named = centralBodies(t, found, out);
        String issuer = documentIssuer(t, p, named);
        if (issuer != null) out[i] = partial(t, p, issuer, DOCUMENT_ISSUER);
      }
      if (out[i] == null) {
        out[i] = new Citation.Unresolved(null, t.substring(p.start(), p.end()), p.types().get(0), null, p.number(),
            p.year(), null, p.start(), p.end(), 0, CitationRecognizer.sentence(t, p.start(), p.end()));
      }
    }
    return List.of(out);
  }

  /**
   * The full number (or resolved partial form) of the phrase's type, number and year, with a compatible issuer:
   * the nearest one before it, else the first after it; null when none.
   */
  private static Citation nearest(Map<String, List<Citation>> byNumber, Found.Phrase p) {
    Citation before = null, after = null;
    for (String type : p.types()) {
      List<Citation> list = byNumber.get(type + " " + p.number());
      if (list == null) continue;
      int at = firstAtOrAfter(list, p.start());
      for (int i = at - 1, seen = 0; i >= 0 && seen < SEARCH_STEPS; i--, seen++) {
        Citation c = list.get(i);
        if (compatible(c, p)) {
          if (before == null || c.start() > before.start()) before = c;
          break;
        }
      }
      for (int i = at, seen = 0; i < list.size() && seen < SEARCH_STEPS; i++, seen++) {
        Citation c = list.get(i);
        if (compatible(c, p)) {
          if (after == null || c.start() < after.start()) after = c;
          break;
        }
      }
    }
    return before != null ? before : after;
  }

  private static boolean compatible(Citation c, Found.Phrase p) {
    return (p.year() == null || p.year().equals(c.year())) && (p.issuer() == null || c.issuer() == null || p.issuer().equals(c.issuer()));
  }

  /** Index of the first citation of the list (sorted by start) that starts at or after {@code start}. */
  private static int firstAtOrAfter(List<Citation> list, int start) {
    int lo = 0, hi = list.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (list.get(mid).start() < start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private static Citation shortForm(String t, Found.Phrase p, Citation full) {
    return new Citation.Short(full.canonical(), t.substring(p.start(), p.end()), full.type(), full.issuer(), p.number(),
        full.year(), p.issued(), p.start(), p.end(), SHORT, CitationRecognizer.sentence(t, p.start(), p.end()));
  }

  /** The phrase completed with its issuer, or null when its type and issuer make no number. */
  private Citation partial(String t, Found.Phrase p, String issuer, double confidence) {
    String raw = t.substring(p.start(), p.end()), sentence = CitationRecognizer.sentence(t, p.start(), p.end());
    if (p.year() != null && p.types().contains("NĐ") && (issuer == null || issuer.equals("CP"))) {
      String canonical = CodeScanner.official(p.number()) + "/" + p.year() + "/NĐ-CP";
      return new Citation.Partial(canonical, raw, "NĐ", "CP", p.number(), p.year(), p.issued(), p.start(), p.end(),
          confidence, sentence);
    }
    if (issuer == null) return null;
    if (vocab.partyIssuer(issuer) == null) return statePartial(p, issuer, raw, sentence, confidence);
    for (String type : p.types()) {
      String scope = vocab.scope(type);
      if ("party".equals(scope) || "both".equals(scope)) {
        String canonical = CodeScanner.official(p.number()) + "-" + type + "/" + issuer;
        return new Citation.Partial(canonical, raw, type, issuer, p.number(), null, p.issued(), p.start(), p.end(),
            confidence, sentence);
      }
    }
    return null;
  }

  /**
   * "Nghị quyết 35 của Chính phủ" -> 35/NQ-CP, "Quyết định 1234 của Thủ tướng" -> 1234/QĐ-TTg: a state body numbers
   * NUMBER/TYPE-ISSUER. Never a decree without its year (decrees carry one).
   */
  private Citation statePartial(Found.Phrase p, String issuer, String raw, String sentence, double confidence) {
    for (String type : p.types()) {
      String scope = vocab.scope(type);
      if (!STATE_PARTIAL_TYPES.getOrDefault(issuer, java.util.Set.of()).contains(type)) continue;
      String canonical = CodeScanner.official(p.number()) + "/" + (p.year() == null ? "" : p.year() + "/") + type + "-" + issuer;
      return new Citation.Partial(canonical, raw, type, issuer, p.number(), p.year(), p.issued(), p.start(), p.end(),
          confidence, sentence);
    }
    return null;
  }

  /**
   * The party body the document names nearest before the phrase (the headline's or an earlier paragraph's
   * "Politburo", "Bộ Chính trị"), or for a phrase in the headline the first one after it.
   * {@code named} holds the central bodies the document names, read once when first needed.
   */
  private String documentIssuer(String t, Found.Phrase p, List<Phrases.Issuer> named) {
    int lo = 0, hi = named.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (named.get(mid).end() <= p.start()) lo = mid + 1;
      else hi = mid;
    }
    Phrases.Issuer before = lo > 0 ? named.get(lo - 1) : null;
    if (before != null && p.start() - before.end() <= ISSUER_REACH && (sameLine(t, before.end(), p.start()) || before.end() <= headlineEnd(t))) {
      return vocab.citesAs(before.code());
    }
    for (int i = lo; i < named.size(); i++) {
      Phrases.Issuer after = named.get(i);
      if (after.start() < p.end()) continue;
      return p.start() <= HEADLINE && after.start() - p.end() <= ISSUER_REACH ? vocab.citesAs(after.code()) : null;
    }
    return null;
  }

  private static boolean sameLine(String t, int from, int to) {
    for (int i = from; i < to; i++) if (t.charAt(i) == '\n') return false;
    return true;
  }

  /** End of the text's first line with words: its headline. */
  private static int headlineEnd(String t) {
    int s = 0;
    while (s < t.length() && s < HEADLINE && !Chars.isWordChar(t.charAt(s))) s++; // bounded: called per phrase
    for (int i = s; i < Math.min(t.length(), s + HEADLINE); i++) if (t.charAt(i) == '\n') return i;
    return Math.min(t.length(), s + HEADLINE);
  }

  /**
   * A phrase the document's central body may complete: with a number lead-in ("Resolution No. 68", "nghị quyết số
   * 68"), of a party type, or of a type of both scopes with a low number.
   */
  private boolean mayTakeDocumentIssuer(Found.Phrase p) {
    // "chỉ thị 42", "Đề án 06" name too much in passing; "Kế hoạch số 19 của Ban Chỉ đạo" names its own issuer
    if (p.year() != null || !p.leadIn() || p.elsewhere() || !DOCUMENT_TYPES.contains(p.types().get(0))) return false;
    return p.number().length() <= 3;
  }

  /**
   * The central party bodies the text names in the windows where unresolved phrases look for one (before each, and
   * after a headline's), in text order.
   */
  private List<Phrases.Issuer> centralBodies(String t, List<Found> found, Citation[] resolved) {
    List<Phrases.Issuer> out = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < resolved.length; i++) {
      if (resolved[i] != null || !(found.get(i) instanceof Found.Phrase p) || !mayTakeDocumentIssuer(p)) continue;
      int s = Math.max(from, p.start() - ISSUER_REACH);
      int e = p.start() <= HEADLINE ? Math.min(t.length(), p.end() + ISSUER_REACH) : p.start();
      if (e > s) from = read(t, s, e, out);
    }
    return out;
  }

  /** Adds the central bodies named in [s,e) to out; returns where reading stopped. */
  private int read(String t, int s, int e, List<Phrases.Issuer> out) {
    int w = s;
    while (w > 0 && w < t.length() && Chars.isWordChar(t.charAt(w - 1))) w++; // start at a word boundary
    while (w < e) {
      if (!Chars.isWordChar(t.charAt(w))) {
        w++;
        continue;
      }
      int we = Chars.wordEnd(t, w);
      if (we < 0) {
        while (w < e && Chars.isWordChar(t.charAt(w))) w++;
        continue;
      }
      if (vocab.mayStartIssuer(t.charAt(w)) && vocab.startsIssuer(Chars.key(t.substring(w, we)))) {
        Phrases.Issuer is = phrases.issuerAt(t, w);
        if (is != null && CENTRAL.equals(vocab.citesAs(is.code()))) {
          out.add(is);
          we = Math.max(we, is.end());
        }
      }
      w = we;
    }
    return Math.max(w, e);
  }
}
