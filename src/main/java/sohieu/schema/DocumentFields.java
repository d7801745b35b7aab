package sohieu.schema;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import sohieu.lang.Paragraph;
import sohieu.refs.Citation;

/**
 * How each value of an article becomes fields of its Lucene document: one method per value, writing every form the
 * readers need (stored, searchable, doc values, facet), so that a value is written one way in one place and a new
 * one is a method here beside its name in {@link Fields}. What an article has, and so which methods to call, is
 * the document builder's business.
 */
public final class DocumentFields {
  private DocumentFields() {}

  /** The file's path as given to ingest: the key, stored. */
  public static void path(Document doc, String path) { doc.add(new StringField(Fields.PATH, path, Field.Store.YES)); }

  /**
   * The file's absolute path when ingested, after {@link #path}: stored only when the path was given otherwise (read
   * it with {@link Fields#file}), as an absolute path given to ingest would be stored twice.
   */
  public static void file(Document doc, String absolute) {
    doc.add(new StringField(Fields.FILE, absolute, absolute.equals(doc.get(Fields.PATH)) ? Field.Store.NO : Field.Store.YES));
  }

  /** The content hash, stored and searchable, by which an unchanged or identical file is recognized. */
  public static void hash(Document doc, String hash) {
    doc.add(new StringField(Fields.HASH, Fields.hashBytes(hash), Field.Store.YES));
  }

  /** The hash of the indexed content a file is a copy of, stored and searchable: the copy's document has its paths and this. */
  public static void copyOf(Document doc, String hash) {
    doc.add(new StringField(Fields.COPY_OF, Fields.hashBytes(hash), Field.Store.YES));
  }

  public static void size(Document doc, long size) { doc.add(new StoredField(Fields.SIZE, size)); }

  /**
   * The near-duplicate band keys of the text ({@link NearKeys}), one doc value read for each hit; not searchable,
   * since nothing looks a group up by its key (its terms were 2% of the index's size).
   */
  public static void nearKeys(Document doc, List<String> keys) throws IOException {
    if (!keys.isEmpty()) doc.add(new BinaryDocValuesField(Fields.NEAR, NearKeys.encode(keys)));
  }

  /** The whole extracted text, stored only: each paragraph is searched in its language's field. */
  public static void text(Document doc, String text) { doc.add(new StoredField(Fields.TEXT, text)); }

  public static void paragraphs(Document doc, List<Paragraph> paragraphs) throws IOException {
    doc.add(new StoredField(Fields.PARAGRAPHS, Paragraphs.encode(paragraphs)));
  }

  public static void title(Document doc, String title) { doc.add(new StoredField(Fields.TITLE, title)); }

  public static void url(Document doc, String url) { doc.add(new StoredField(Fields.URL, url)); }

  public static void contentType(Document doc, String type) { doc.add(new StoredField(Fields.CONTENT_TYPE, type)); }

  /** The outlet: stored, searchable with outlet:, and a facet. */
  public static void outlet(Document doc, String outlet) {
    doc.add(new StringField(Fields.OUTLET, outlet, Field.Store.YES));
    doc.add(new SortedSetDocValuesFacetField(Fields.FACET_OUTLET, outlet));
  }

  /** The publication date: stored as ISO, its epoch day as a point (ranges) and doc value (sorting), its month as a facet. */
  public static void published(Document doc, LocalDate date) {
    long day = date.toEpochDay();
    doc.add(new StoredField(Fields.DATE, date.toString()));
    doc.add(new LongPoint(Fields.DATE_DAY, day));
    doc.add(new NumericDocValuesField(Fields.DATE_DAY, day));
    doc.add(new SortedSetDocValuesFacetField(Fields.FACET_MONTH, Fields.month(date)));
  }

  /** One language of the document (each once): stored, searchable with lang:, a doc value for reference tables, a facet. */
  public static void language(Document doc, String lang) {
    doc.add(new StringField(Fields.LANG, lang, Field.Store.YES));
    doc.add(new SortedSetDocValuesField(Fields.LANG_DV, new BytesRef(lang)));
    doc.add(new SortedSetDocValuesFacetField(Fields.FACET_LANG, lang));
  }

  /** The share (0 to 1) of the document's characters in one of its languages. */
  public static void languageShare(Document doc, String lang, float share) {
    doc.add(new org.apache.lucene.document.FloatDocValuesField(Fields.share(lang), share));
  }

  /** The canonical number of the document itself, when the file is the directive's own text. */
  public static void selfRef(Document doc, String canonical) {
    doc.add(new StringField(Fields.SELF_REF, canonical, Field.Store.YES));
  }

  /**
   * One reference the document carries (each once): a facet. Not stored: a hit lists its references from
   * {@link Fields#REF_DATA} and {@link Fields#SELF_REF}.
   */
  public static void reference(Document doc, String canonical) {
    doc.add(new SortedSetDocValuesFacetField(Fields.FACET_REF, canonical));
  }

  /** One mention of a reference: a term per mention, so that the term's frequency counts them. */
  public static void mention(Document doc, String canonical) {
    doc.add(new Field(Fields.REF, canonical, Fields.REF_MENTION));
  }

  /** A reference's type code, searchable with type: and a facet (each once). */
  public static void referenceType(Document doc, String type) {
    doc.add(new StringField(Fields.REF_TYPE, type, Field.Store.NO));
    doc.add(new SortedSetDocValuesFacetField(Fields.FACET_TYPE, type));
  }

  /** A reference's issuer code, searchable with issuer: (each once). */
  public static void referenceIssuer(Document doc, String issuer) {
    doc.add(new StringField(Fields.REF_ISSUER, issuer, Field.Store.NO));
  }

  /** An issue date the document states for a reference, as its {@link Fields#issuedTerm} (each pair once). */
  public static void issued(Document doc, String issuedTerm) {
    doc.add(new StringField(Fields.REF_ISSUED, issuedTerm, Field.Store.NO));
  }

  /** The references in brief (see {@link RefData}); {@code citations} all have a canonical number. */
  public static void refData(Document doc, List<Citation> citations) throws IOException {
    doc.add(new BinaryDocValuesField(Fields.REF_DATA, RefData.encode(citations)));
  }

  /** The card and mentions `cite` and `show` read (see {@link Mentions}). */
  public static void mentions(Document doc, Mentions.Card card) throws IOException {
    doc.add(new BinaryDocValuesField(Fields.MENTIONS, Mentions.encode(card)));
  }
}
