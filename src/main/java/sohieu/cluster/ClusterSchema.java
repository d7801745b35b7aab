package sohieu.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sohieu.analysis.LanguageAnalyzers;
import sohieu.cluster.plugin.SohieuPlugin;
import sohieu.extract.ExtractedDocument;
import sohieu.lang.Paragraph;
import sohieu.pipeline.Article;
import sohieu.refs.Citation;
import sohieu.schema.Fields;

/**
 * The local schema ({@link Fields}, {@link LanguageAnalyzers}) as an OpenSearch index template and documents: the
 * same field names, one text field per language analyzed by the plugin's analyzer of that language, the folded
 * field, reference keywords, the mentions as nested objects, dates, outlet and language keywords. A document's id
 * is its content hash.
 */
public final class ClusterSchema {
  /** The index (and template) name when none is given. */
  public static final String DEFAULT_INDEX = "sohieu";
  public static final String MENTIONS = "mentions";

  private ClusterSchema() {}

  /** The body of {@code PUT _index_template/NAME} for indices named {@code index}. */
  public static Map<String, Object> template(String index, int shards, int replicas) {
    Map<String, Object> props = new LinkedHashMap<>();
    for (String f : List.of(Fields.PATH, Fields.FILE, Fields.HASH, Fields.OUTLET, Fields.CONTENT_TYPE, Fields.LANG,
        Fields.REF, Fields.REF_TYPE, Fields.REF_ISSUER, Fields.REF_ISSUED, Fields.SELF_REF)) {
      props.put(f, Map.of("type", "keyword"));
    }
    props.put(Fields.URL, Map.of("type", "keyword", "index", false));
    props.put(Fields.SIZE, Map.of("type", "long"));
    props.put(Fields.DATE, Map.of("type", "date", "format", "strict_date"));
    props.put(Fields.TITLE, Map.of("type", "text", "analyzer", SohieuPlugin.FOLDED));
    // Stored in _source for display and snippets; searched through the language fields
    props.put(Fields.TEXT, Map.of("type", "text", "index", false));
    props.put(Fields.PARAGRAPHS, Map.of("type", "object", "enabled", false));
    for (String lang : LanguageAnalyzers.LANGUAGES) {
      props.put(LanguageAnalyzers.field(lang), Map.of("type", "text", "analyzer", SohieuPlugin.analyzerName(lang),
          "index_options", "offsets"));
    }
    props.put(LanguageAnalyzers.FOLDED_FIELD, Map.of("type", "text", "analyzer", SohieuPlugin.FOLDED,
        "index_options", "offsets"));
    Map<String, Object> mention = new LinkedHashMap<>();
    for (String f : List.of("canonical", "kind", "type", "issuer", "number")) mention.put(f, Map.of("type", "keyword"));
    mention.put("raw", Map.of("type", "keyword", "index", false));
    mention.put("year", Map.of("type", "integer"));
    mention.put("issued", Map.of("type", "date", "format", "strict_date"));
    mention.put("start", Map.of("type", "integer", "index", false));
    mention.put("end", Map.of("type", "integer", "index", false));
    mention.put("confidence", Map.of("type", "float", "index", false));
    mention.put("sentence", Map.of("type", "text", "index", false));
    // Every mention's month, for the timeline's date histogram
    mention.put("published", Map.of("type", "date", "format", "strict_date"));
    props.put(MENTIONS, Map.of("type", "nested", "properties", mention));
    return Map.of("index_patterns", List.of(index),
        "template", Map.of(
            "settings", Map.of("number_of_shards", shards, "number_of_replicas", replicas),
            "mappings", Map.of("dynamic", "strict", "properties", props)));
  }

  /** The source of an article's document, as {@link sohieu.index.DocumentBuilder} writes it locally. */
  public static Map<String, Object> document(Article article, Path file) {
    ExtractedDocument d = article.document();
    Map<String, Object> doc = new LinkedHashMap<>();
    String text = d.text();
    doc.put(Fields.PATH, article.path());
    doc.put(Fields.FILE, file.toAbsolutePath().normalize().toString());
    doc.put(Fields.HASH, article.hash());
    doc.put(Fields.SIZE, article.size());
    if (known(d.title())) doc.put(Fields.TITLE, d.title());
    if (known(d.sourceUrl())) doc.put(Fields.URL, d.sourceUrl());
    if (known(d.contentType())) doc.put(Fields.CONTENT_TYPE, d.contentType());
    if (known(d.outlet())) doc.put(Fields.OUTLET, d.outlet());
    String published = d.published() == null ? null : d.published().toString();
    if (published != null) doc.put(Fields.DATE, published);
    doc.put(Fields.TEXT, text);
    List<Map<String, Object>> paragraphs = new ArrayList<>();
    Map<String, List<String>> byLang = new LinkedHashMap<>();
    Set<String> langs = new LinkedHashSet<>();
    for (Paragraph p : article.paragraphs()) {
      paragraphs.add(Map.of("start", p.start(), "end", p.end(), "lang", p.lang()));
      String para = text.substring(p.start(), p.end());
      byLang.computeIfAbsent(LanguageAnalyzers.field(p.lang()), k -> new ArrayList<>()).add(para);
      if (LanguageAnalyzers.needsFoldedCopy(p.lang())) {
        byLang.computeIfAbsent(LanguageAnalyzers.FOLDED_FIELD, k -> new ArrayList<>()).add(para);
      }
      langs.add(p.lang());
    }
    if (known(d.title()) && !text.contains(d.title())) {
      byLang.computeIfAbsent(LanguageAnalyzers.FOLDED_FIELD, k -> new ArrayList<>()).add(d.title());
    }
    doc.put(Fields.PARAGRAPHS, paragraphs);
    doc.putAll(byLang);
    doc.put(Fields.LANG, List.copyOf(langs));
    List<Citation> citations = article.citations().stream().filter(c -> known(c.canonical())).toList();
    Set<String> refs = new LinkedHashSet<>(), types = new LinkedHashSet<>(), issuers = new LinkedHashSet<>(),
        issued = new LinkedHashSet<>();
    if (known(article.selfRef())) {
      doc.put(Fields.SELF_REF, article.selfRef());
      refs.add(article.selfRef());
    }
    List<Map<String, Object>> mentions = new ArrayList<>();
    for (Citation c : citations) {
      if (refs.add(c.canonical())) {
        if (known(c.type())) types.add(c.type());
        if (known(c.issuer())) issuers.add(c.issuer());
      }
      if (c.issued() != null) issued.add(Fields.issuedTerm(c.canonical(), c.issued()));
      Map<String, Object> m = mention(c);
      if (published != null) m.put("published", published);
      mentions.add(m);
    }
    doc.put(Fields.REF, List.copyOf(refs));
    doc.put(Fields.REF_TYPE, List.copyOf(types));
    doc.put(Fields.REF_ISSUER, List.copyOf(issuers));
    doc.put(Fields.REF_ISSUED, List.copyOf(issued));
    doc.put(MENTIONS, mentions);
    return doc;
  }

  /** A mention as the sohieu_citations processor writes it. */
  public static Map<String, Object> mention(Citation c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("canonical", c.canonical());
    m.put("raw", c.raw());
    m.put("kind", c.kind().name());
    m.put("type", c.type());
    m.put("issuer", c.issuer());
    m.put("number", c.number());
    m.put("year", c.year());
    m.put("issued", c.issued() == null ? null : c.issued().toString());
    m.put("start", c.start());
    m.put("end", c.end());
    m.put("confidence", c.confidence());
    m.put("sentence", c.sentence());
    return m;
  }

  private static boolean known(String s) {
    return s != null && !s.isBlank();
  }
}
