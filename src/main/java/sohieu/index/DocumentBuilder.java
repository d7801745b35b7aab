package sohieu.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import sohieu.analysis.LanguageAnalyzers;
import sohieu.analysis.NearDuplicates;
import sohieu.extract.ExtractedDocument;
import sohieu.lang.Paragraph;
import sohieu.pipeline.Article;
import sohieu.refs.Citation;
import sohieu.schema.DocumentFields;
import sohieu.schema.Fields;
import sohieu.schema.Mentions;

/**
 * Turns an {@link Article} into the Lucene document the index stores for it: which values it has, each written as
 * the schema says ({@link DocumentFields}). Any metadata may be missing (a citation whose type or issuer the
 * vocabulary does not know, a page with no title or outlet): what is known is indexed and the rest left out, never
 * the file refused.
 */
final class DocumentBuilder {
  private final FacetsConfig facets = Fields.facetsConfig();

  Document build(Article article) {
    try {
      return facets.build(fields(article));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The document of a file whose content is indexed under another path: its paths, size and the content's hash,
   * nothing searchable, so that it is kept and pruned like any file and shown beside the document it copies.
   */
  static Document copy(String path, String absolute, String hash, long size) {
    Document doc = new Document();
    DocumentFields.path(doc, path);
    DocumentFields.file(doc, absolute);
    DocumentFields.copyOf(doc, hash);
    DocumentFields.size(doc, size);
    return doc;
  }

  private static Document fields(Article article) throws IOException {
    ExtractedDocument d = article.document();
    Document doc = new Document();
    DocumentFields.path(doc, article.path());
    DocumentFields.hash(doc, article.hash());
    DocumentFields.size(doc, article.size());
    String text = d.text();
    DocumentFields.text(doc, text);
    String main = charsByLanguage(article.paragraphs()).entrySet().stream().max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey).orElse("und");
    DocumentFields.nearKeys(doc, NearDuplicates.keys(text, main));
    DocumentFields.paragraphs(doc, article.paragraphs());
    if (known(d.title())) DocumentFields.title(doc, d.title());
    if (known(d.sourceUrl())) DocumentFields.url(doc, d.sourceUrl());
    if (known(d.contentType())) DocumentFields.contentType(doc, d.contentType());
    if (known(d.outlet())) DocumentFields.outlet(doc, d.outlet());
    if (d.published() != null) DocumentFields.published(doc, d.published());
    Set<String> langs = new LinkedHashSet<>();
    for (Paragraph p : article.paragraphs()) {
      String para = text.substring(p.start(), p.end());
      doc.add(new TextField(LanguageAnalyzers.field(p.lang()), para, Field.Store.NO));
      langs.add(p.lang());
    }
    if (known(d.title()) && !text.contains(d.title())) {
      // Searchable without diacritics like the text: a Vietnamese or Polish document's title in its language's field,
      // which answers such words itself. Alone in the folded field, the few such titles made their words rare there
      // (RankingBench, held-out "hoi nghi APEC 2017": a page whose title alone held "hội" and "nghị" came first).
      String field = LanguageAnalyzers.foldedByExpansion(main) ? LanguageAnalyzers.field(main) : LanguageAnalyzers.FOLDED_FIELD;
      doc.add(new TextField(field, d.title(), Field.Store.NO));
    }
    for (String lang : langs) DocumentFields.language(doc, lang);
    Map<String, Integer> chars = charsByLanguage(article.paragraphs());
    int all = chars.values().stream().mapToInt(Integer::intValue).sum();
    for (var e : chars.entrySet()) DocumentFields.languageShare(doc, e.getKey(), all == 0 ? 0f : (float) e.getValue() / all);
    // A mention with no canonical number has nothing to be looked up by.
    List<Citation> citations = article.citations().stream().filter(c -> known(c.canonical())).toList();
    DocumentFields.mentions(doc, new Mentions.Card(article.path(), known(d.title()) ? d.title() : null,
        d.published() == null ? null : d.published().toString(), known(d.outlet()) ? d.outlet() : null,
        List.copyOf(langs), citations));
    Set<String> refs = new LinkedHashSet<>();
    if (known(article.selfRef())) {
      DocumentFields.selfRef(doc, article.selfRef());
      refs.add(article.selfRef());
      // Findable by its number even when its text never cites it; a heading that does is a mention already.
      if (citations.stream().noneMatch(c -> c.canonical().equals(article.selfRef()))) {
        DocumentFields.mention(doc, article.selfRef());
      }
    }
    Set<String> issued = new LinkedHashSet<>();
    for (Citation c : citations) {
      if (refs.add(c.canonical())) {
        // A law number with no type word, or a form code, has no type or issuer the vocabulary knows.
        if (known(c.type())) DocumentFields.referenceType(doc, c.type());
        if (known(c.issuer())) DocumentFields.referenceIssuer(doc, c.issuer());
      }
      DocumentFields.mention(doc, c.canonical());
      String stated = c.issued() == null ? null : Fields.issuedTerm(c.canonical(), c.issued());
      if (stated != null && issued.add(stated)) DocumentFields.issued(doc, stated);
    }
    if (!citations.isEmpty()) DocumentFields.refData(doc, citations);
    for (String ref : refs) DocumentFields.reference(doc, ref);
    return doc;
  }

  /** The characters of the text in each language of its paragraphs. */
  private static Map<String, Integer> charsByLanguage(List<Paragraph> paragraphs) {
    Map<String, Integer> chars = new LinkedHashMap<>();
    for (Paragraph p : paragraphs) chars.merge(p.lang(), p.end() - p.start(), Integer::sum);
    return chars;
  }

  /** A value worth indexing: a facet or a keyword of nothing would be refused, or findable by nothing. */
  private static boolean known(String s) { return s != null && !s.isBlank(); }
}
