package sohieu.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import sohieu.analysis.LanguageAnalyzers;
import sohieu.extract.ExtractedDocument;
import sohieu.lang.Paragraph;
import sohieu.refs.Citation;
import sohieu.pipeline.Article;

/**
 * Turns an {@link Article} into the Lucene document the index stores for it. Any metadata may be missing (a
 * citation whose type or issuer the vocabulary does not know, a page with no title or outlet): what is known is
 * indexed and the rest left out, never the file refused.
 */
final class DocumentBuilder {
  private final FacetsConfig facets = Fields.facetsConfig();

  Document build(Article article) {
    ExtractedDocument d = article.document();
    Document doc = new Document();
    doc.add(new StringField(Fields.PATH, article.path(), Field.Store.YES));
    doc.add(new StringField(Fields.HASH, article.hash(), Field.Store.YES));
    doc.add(new StoredField(Fields.SIZE, article.size()));
    String text = d.text();
    doc.add(new StoredField(Fields.TEXT, text));
    doc.add(new StoredField(Fields.PARAGRAPHS, Paragraphs.encode(article.paragraphs())));
    if (known(d.title())) doc.add(new StoredField(Fields.TITLE, d.title()));
    if (known(d.sourceUrl())) doc.add(new StoredField(Fields.URL, d.sourceUrl()));
    if (known(d.contentType())) doc.add(new StoredField(Fields.CONTENT_TYPE, d.contentType()));
    if (known(d.outlet())) {
      doc.add(new StringField(Fields.OUTLET, d.outlet(), Field.Store.YES));
      doc.add(new SortedSetDocValuesFacetField(Fields.FACET_OUTLET, d.outlet()));
    }
    if (d.published() != null) {
      long day = d.published().toEpochDay();
      doc.add(new StoredField(Fields.DATE, d.published().toString()));
      doc.add(new LongPoint(Fields.DATE_DAY, day));
      doc.add(new NumericDocValuesField(Fields.DATE_DAY, day));
      doc.add(new SortedSetDocValuesFacetField(Fields.FACET_MONTH, d.published().toString().substring(0, 7)));
    }
    Set<String> langs = new LinkedHashSet<>();
    for (Paragraph p : article.paragraphs()) {
      String para = text.substring(p.start(), p.end());
      doc.add(new TextField(LanguageAnalyzers.field(p.lang()), para, Field.Store.NO));
      if (LanguageAnalyzers.needsFoldedCopy(p.lang())) {
        doc.add(new TextField(LanguageAnalyzers.FOLDED_FIELD, para, Field.Store.NO));
      }
      langs.add(p.lang());
    }
    if (known(d.title()) && !text.contains(d.title())) {
      doc.add(new TextField(LanguageAnalyzers.FOLDED_FIELD, d.title(), Field.Store.NO));
    }
    doc.add(new BinaryDocValuesField(Fields.MENTIONS, Mentions.encode(article, List.copyOf(langs))));
    for (String lang : langs) {
      doc.add(new StringField(Fields.LANG, lang, Field.Store.YES));
      doc.add(new SortedSetDocValuesField(Fields.LANG_DV, new BytesRef(lang)));
      doc.add(new SortedSetDocValuesFacetField(Fields.FACET_LANG, lang));
    }
    List<Citation> citations = article.citations().stream().filter(c -> known(c.canonical())).toList();
    Set<String> refs = new LinkedHashSet<>();
    if (known(article.selfRef())) {
      doc.add(new StringField(Fields.SELF_REF, article.selfRef(), Field.Store.YES));
      refs.add(article.selfRef());
      // Findable by its number even when its text never cites it; a heading that does is a mention already.
      if (citations.stream().noneMatch(c -> c.canonical().equals(article.selfRef()))) {
        doc.add(new Field(Fields.REF, article.selfRef(), Fields.REF_MENTION));
      }
    }
    Set<String> issued = new LinkedHashSet<>();
    for (Citation c : citations) {
      if (refs.add(c.canonical())) {
        // A law number with no type word, or a form code, has no type or issuer the vocabulary knows.
        if (known(c.type())) doc.add(new StringField(Fields.REF_TYPE, c.type(), Field.Store.NO));
        if (known(c.issuer())) doc.add(new StringField(Fields.REF_ISSUER, c.issuer(), Field.Store.NO));
      }
      doc.add(new Field(Fields.REF, c.canonical(), Fields.REF_MENTION));
      String statedDate = c.issued() == null ? null : c.canonical() + " " + c.issued();
      if (statedDate != null && issued.add(statedDate)) doc.add(new StringField(Fields.REF_ISSUED, statedDate, Field.Store.NO));
    }
    if (!citations.isEmpty()) doc.add(new BinaryDocValuesField(Fields.REF_DATA, RefData.encode(citations)));
    for (String ref : refs) {
      doc.add(new StoredField(Fields.REF, ref));
      doc.add(new SortedSetDocValuesFacetField(Fields.FACET_REF, ref));
    }
    try {
      return facets.build(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A value worth indexing: a facet or a keyword of nothing would be refused, or findable by nothing. */
  private static boolean known(String s) { return s != null && !s.isBlank(); }
}
