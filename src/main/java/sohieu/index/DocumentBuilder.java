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

/** Turns an {@link Article} into the Lucene document the index stores for it. */
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
    if (d.title() != null) doc.add(new StoredField(Fields.TITLE, d.title()));
    if (d.sourceUrl() != null) doc.add(new StoredField(Fields.URL, d.sourceUrl()));
    if (d.contentType() != null) doc.add(new StoredField(Fields.CONTENT_TYPE, d.contentType()));
    if (d.outlet() != null) {
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
    if (d.title() != null && !text.contains(d.title())) {
      doc.add(new TextField(LanguageAnalyzers.FOLDED_FIELD, d.title(), Field.Store.NO));
    }
    doc.add(new BinaryDocValuesField(Fields.MENTIONS, Mentions.encode(article, List.copyOf(langs))));
    for (String lang : langs) {
      doc.add(new StringField(Fields.LANG, lang, Field.Store.YES));
      doc.add(new SortedSetDocValuesField(Fields.LANG_DV, new BytesRef(lang)));
      doc.add(new SortedSetDocValuesFacetField(Fields.FACET_LANG, lang));
    }
    Set<String> refs = new LinkedHashSet<>();
    if (article.selfRef() != null) {
      doc.add(new StringField(Fields.SELF_REF, article.selfRef(), Field.Store.YES));
      refs.add(article.selfRef());
      // Findable by its number even when its text never cites it; a heading that does is a mention already.
      if (article.citations().stream().noneMatch(c -> c.canonical().equals(article.selfRef()))) {
        doc.add(new Field(Fields.REF, article.selfRef(), Fields.REF_MENTION));
      }
    }
    Set<String> issued = new LinkedHashSet<>();
    for (Citation c : article.citations()) {
      if (refs.add(c.canonical())) {
        doc.add(new StringField(Fields.REF_TYPE, c.type(), Field.Store.NO));
        doc.add(new StringField(Fields.REF_ISSUER, c.issuer(), Field.Store.NO));
      }
      doc.add(new Field(Fields.REF, c.canonical(), Fields.REF_MENTION));
      String statedDate = c.issued() == null ? null : c.canonical() + " " + c.issued();
      if (statedDate != null && issued.add(statedDate)) doc.add(new StringField(Fields.REF_ISSUED, statedDate, Field.Store.NO));
    }
    if (!article.citations().isEmpty()) doc.add(new BinaryDocValuesField(Fields.REF_DATA, RefData.encode(article.citations())));
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
}
