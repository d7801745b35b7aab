package sohieu.serve;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import sohieu.Limits;
import sohieu.analysis.LanguageAnalyzers;
import sohieu.search.Reports;
import sohieu.extract.ExtractionException;
import sohieu.pipeline.Article;
import sohieu.pipeline.ArticlePipeline;
import sohieu.refs.CitationRecognizer;
import sohieu.search.CiteProfile;
import sohieu.search.CiteResult;
import sohieu.search.Hit;
import sohieu.search.ReferenceRow;
import sohieu.search.SearchResult;
import sohieu.search.Searcher;
import sohieu.search.StoredArticle;

/**
 * The endpoints of the JSON API, each the core call of the CLI command of the same name with the same record as its
 * answer; parameters are checked here and a mistake becomes a 400 naming the parameter.
 */
final class Api {
  /** Most hits or citing articles in one answer. */
  static final int MAX_LIMIT = 100;
  /** Most rows of the references table in one answer: small rows, and the page sorts and filters them itself. */
  static final int MAX_REFS = 1_000;
  /** Largest text body {@code POST /api/scan} reads. */
  static final int MAX_SCAN_BYTES = 1 << 20;
  /** Longest a scan may take, as an ingest gives a file. */
  static final int SCAN_SECONDS = 10;
  /** The highlighter's marks around a match in a snippet (the search package's). */
  private static final String OPEN = "\u0002", CLOSE = "\u0003";

  private final CitationRecognizer recognizer;

  Api(CitationRecognizer recognizer) { this.recognizer = recognizer; }

  /**
   * {@code GET /api/search}: as {@code search --json}; {@code highlight=true} keeps the marks U+0002 ... U+0003,
   * {@code expand=true} lists every copy of a story as a hit (as {@code --expand}), {@code facets=true} adds the
   * counts of {@code search --facets} (language, month, outlet, reference type).
   */
  SearchResult search(Searcher s, Map<String, String> p) throws IOException {
    String q = required(p, "q");
    int limit = number(p, "limit", 10, 1, MAX_LIMIT), offset = number(p, "offset", 0, 0, Limits.RESULT_WINDOW - limit);
    String sort = p.getOrDefault("sort", "score");
    if (!sort.equals("score") && !sort.equals("date")) throw bad("sort takes score or date, not " + sort);
    SearchResult r = s.search(q, filter(p), limit, offset, sort.equals("date"), Boolean.parseBoolean(p.get("facets")),
        Boolean.parseBoolean(p.get("expand")));
    if (Boolean.parseBoolean(p.get("highlight"))) return r;
    return r.withHits(r.hits().stream().map(h -> h.withSnippets(h.snippets().stream().map(Api::plain).toList())).toList());
  }

  /** {@code GET /api/facets}: the counts of {@code stats} over what the same parameters of search match. */
  Object facets(Searcher s, Map<String, String> p) throws IOException {
    return s.facets(required(p, "q"), filter(p), number(p, "top", 20, 1, MAX_LIMIT));
  }

  /** {@code GET /api/cite}: as {@code cite --json}, the newest {@code limit} citing articles; 404 when none. */
  Reports.Cite cite(Searcher s, Map<String, String> p) throws IOException {
    String typed = required(p, "ref");
    String canonical = recognizer.canonicalize(typed)
        .orElseThrow(() -> bad("'" + clip(typed) + "' is not a document number (e.g. 12-CT/TW, 15/2020/NĐ-CP)"));
    CiteResult result = s.cite(canonical, number(p, "limit", 20, 1, MAX_LIMIT));
    if (result.articles().isEmpty()) {
      List<String> near = s.nearMisses(canonical);
      throw new ApiException(404, "no citations of " + canonical + (near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?"));
    }
    CiteProfile profile = s.profile(canonical, number(p, "cocited", 20, 1, MAX_LIMIT));
    return new Reports.Cite(canonical, result.total(), profile, result.articles(), List.of());
  }

  /** {@code GET /api/refs}: as {@code refs --json}, most cited first, at most {@code limit} rows. */
  Reports.Refs refs(Searcher s, Map<String, String> p) throws IOException {
    LocalDate since = null;
    if (p.containsKey("since")) {
      try {
        since = LocalDate.parse(p.get("since"));
      } catch (DateTimeParseException e) {
        throw bad("since takes a date as YYYY-MM-DD, not " + clip(p.get("since")));
      }
    }
    List<ReferenceRow> rows = s.refs(code(p.get("type")), issuerCode(p.get("issuer")), since,
        number(p, "min_articles", 1, 1, Integer.MAX_VALUE));
    return new Reports.Refs(rows.subList(0, Math.min(rows.size(), number(p, "limit", MAX_REFS, 1, MAX_REFS))));
  }

  /** {@code GET /api/docs/{id}}: as {@code show --json}, for an id exactly as search and cite give it. */
  StoredArticle document(Searcher s, String id) throws IOException {
    // Ids are the paths the index stores, looked up in the index and never opened as files; still, a name that
    // climbs out of a folder or starts at the root is no id search or cite gives.
    if (id.isEmpty() || id.startsWith("/") || id.startsWith("\\") || id.indexOf('\0') >= 0
        || List.of(id.split("[/\\\\]")).contains("..")) {
      throw bad("'" + clip(id) + "' is not a document id (give a path as search and cite return it)");
    }
    Optional<StoredArticle> found;
    try {
      found = s.show(id);
    } catch (Searcher.AmbiguousPath e) {
      found = Optional.empty();
    }
    // Exactly the id: show() also takes ends of paths, which are for people typing, not for links.
    return found.filter(a -> a.path().equals(id) || a.copies().contains(id)).orElseThrow(() -> new ApiException(404, "no document " + clip(id)));
  }

  /** The names of a document type and an issuer in English and Vietnamese (null when unknown), for the page. */
  record Names(String type, String issuer, String typeVi, String issuerVi) {}

  /** {@code GET /api/names?type=&issuer=}: the words for the codes of a reference, as {@code cite} prints them. */
  Names names(Map<String, String> p) {
    var words = recognizer.vocabulary();
    String type = p.get("type"), issuer = p.get("issuer");
    return new Names(words.typeName(type, "en"), words.issuerName(issuer, "en"), words.typeName(type, "vi"),
        words.issuerName(issuer, "vi"));
  }

  /** {@code GET /api/stats}. */
  Object stats(Searcher s, Map<String, String> p) throws IOException {
    return s.stats(number(p, "top", 20, 1, MAX_LIMIT));
  }

  /** {@code POST /api/scan}: as {@code scan - --json}, on a text body of at most {@link #MAX_SCAN_BYTES}. */
  Reports.Scan scan(InputStream body) throws Exception {
    byte[] bytes = body.readNBytes(MAX_SCAN_BYTES + 1);
    if (bytes.length > MAX_SCAN_BYTES) throw new ApiException(413, "the body is larger than " + MAX_SCAN_BYTES + " bytes");
    if (bytes.length == 0) throw bad("the body is empty: send the text to scan");
    // A scan that outlives its answer still runs to its end (extraction does not stop on interrupt): at most one per
    // core at a time, others are told to come back.
    if (!SCANS.tryAcquire()) throw new ApiException(503, "busy scanning other texts: try again shortly");
    FutureTask<Article> task = new FutureTask<>(() -> {
      try {
        return ArticlePipeline.standard().read(new java.io.ByteArrayInputStream(bytes), "request");
      } finally {
        SCANS.release();
      }
    });
    Thread.ofVirtual().name("scan").start(task);
    try {
      return Reports.Scan.of("request", task.get(SCAN_SECONDS, TimeUnit.SECONDS));
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new ApiException(503, "the scan took longer than " + SCAN_SECONDS + " s");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ExtractionException x) throw bad(x.getMessage());
      throw e;
    }
  }

  private static final java.util.concurrent.Semaphore SCANS = new java.util.concurrent.Semaphore(
      Runtime.getRuntime().availableProcessors());

  /** The filters of search and facets as the query language's own fields, as {@code search --lang --from --to}. */
  private static String filter(Map<String, String> p) {
    List<String> filters = new ArrayList<>();
    String lang = p.get("lang");
    if (lang != null) {
      if (!LanguageAnalyzers.LANGUAGES.contains(lang)) throw bad("lang takes " + String.join(", ", LanguageAnalyzers.LANGUAGES) + ", not " + clip(lang));
      filters.add("+lang:" + lang);
    }
    String from = date(p, "from"), to = date(p, "to");
    if (from != null || to != null) filters.add("+date:[" + (from == null ? "*" : from) + " TO " + (to == null ? "*" : to) + "]");
    return filters.isEmpty() ? null : String.join(" ", filters);
  }

  private static String date(Map<String, String> p, String name) {
    String v = p.get(name);
    if (v != null && !v.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) throw bad(name + " takes a date YYYY, YYYY-MM or YYYY-MM-DD, not " + clip(v));
    return v;
  }

  /** A party body's code as its numbers are stored ("TƯ" is TW), as {@code refs --issuer}. */
  private String issuerCode(String s) {
    String code = code(s);
    String party = code == null ? null : recognizer.vocabulary().partyIssuer(code);
    return party != null ? party : code;
  }

  /** Codes as the recognizer writes them ("qd" is "QĐ"), as {@code refs --type}. */
  private String code(String s) {
    if (s == null || s.isEmpty()) return null;
    String official = recognizer.vocabulary().spelling(s);
    return official != null ? official : s;
  }

  private static String required(Map<String, String> p, String name) {
    String v = p.get(name);
    if (v == null || v.isBlank()) throw bad("the parameter " + name + " is missing");
    return v;
  }

  private static int number(Map<String, String> p, String name, int fallback, int min, int max) {
    String v = p.get(name);
    if (v == null) return fallback;
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException e) {
      // said below, with the range
    }
    throw bad(name + " takes a whole number from " + min + " to " + max + ", not " + clip(v));
  }

  private static String plain(String snippet) { return snippet.replace(OPEN, "").replace(CLOSE, ""); }

  private static String clip(String s) { return s.length() <= 80 ? s : s.substring(0, 80) + "…"; }

  static ApiException bad(String message) { return new ApiException(400, message); }
}
