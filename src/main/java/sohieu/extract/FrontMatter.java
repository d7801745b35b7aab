package sohieu.extract;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metadata a Markdown file's front matter states, read from its keys as {@link MarkdownText} normalizes them. */
final class FrontMatter {
  /** When the text was published or issued ("ngay-ban-hanh"); "modified", "lastedit" and "ngay-hieu-luc" are not that. */
  private static final List<String> PUBLISHED = List.of("date", "published", "pubdate", "publishdate", "publishedat",
      "ngaybanhanh", "issued");
  private static final List<String> OUTLET = List.of("outlet", "publisher", "sitename", "site", "source");
  private static final List<String> URL = List.of("url", "link", "canonical", "canonicalurl", "source", "sourceurl",
      "originalurl");
  /** "vanban.chinhphu.vn (chưa index); luatvietnam.vn": the first site named. */
  private static final Pattern FIRST_NAME = Pattern.compile("^([^;,(]+)");

  private final Map<String, String> keys;

  FrontMatter(Map<String, String> keys) { this.keys = keys; }

  String title() { return keys.get("title"); }

  LocalDate published() {
    for (String k : PUBLISHED) {
      LocalDate d = PageMetadata.parse(keys.get(k));
      if (d != null) return d;
    }
    return null;
  }

  /** The outlet named by a key, or the site of a source address. */
  String outlet() {
    for (String k : OUTLET) {
      String v = keys.get(k);
      if (v == null) continue;
      if (v.startsWith("http://") || v.startsWith("https://")) {
        String host = host(v);
        if (host != null) return host;
        continue;
      }
      Matcher m = FIRST_NAME.matcher(v);
      if (m.find() && !m.group(1).isBlank()) return m.group(1).strip();
    }
    return null;
  }

  String url() {
    for (String k : URL) {
      String v = keys.get(k);
      if (v != null && (v.startsWith("http://") || v.startsWith("https://"))) return v;
    }
    return null;
  }

  /** The site of an address, without "www.", or null. */
  static String host(String url) {
    if (url == null) return null;
    try {
      String host = URI.create(url.replace(" ", "%20")).getHost();
      return host == null ? null : host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
