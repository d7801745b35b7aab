package sohieu.schema;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The names of the index's fields, the facet configuration that goes with them, and the few values composed of
 * two parts; {@link DocumentFields} says how each is written, the codecs ({@link Paragraphs}, {@link Mentions},
 * {@link RefData}) what the binary ones hold. The text fields, one per language, are named by the analyzers.
 */
public final class Fields {
  /** Unique key: the file's path as given to ingest (relative stays relative), as every command shows it. */
  public static final String PATH = "path";
  /** The file's absolute path when it was ingested: finds it again when given in another spelling, or from elsewhere. */
  public static final String FILE = "file";
  /** The stored {@link #FILE} of a document read with its {@link #PATH}: the path itself when that was absolute. */
  public static String file(Document stored) {
    String file = stored.get(FILE);
    return file != null ? file : stored.get(PATH);
  }

  /** The content hash of an indexed document (a copy's content is under {@link #COPY_OF} instead). */
  public static final String HASH = "hash";
  /**
   * The content hash of a file identical to one indexed under another path: such a copy is a document of its paths
   * and this alone (no text, no facets), so that every path of a content is kept, pruned and shown with its document.
   */
  public static final String COPY_OF = "copy_of";
  public static final String SIZE = "size";
  public static final String TITLE = "title";
  public static final String OUTLET = "outlet";
  public static final String URL = "url";
  public static final String CONTENT_TYPE = "content_type";
  /** ISO publication date (stored), with a point field and doc values on the epoch day for ranges and sorting. */
  public static final String DATE = "date";
  public static final String DATE_DAY = "date_day";
  /** Languages of the document's paragraphs, each once. */
  public static final String LANG = "lang";
  /**
   * Canonical citations the document carries: stored once each, indexed once per mention, so that a term's
   * frequency in a document is the number of times the document cites it.
   */
  public static final String REF = "ref";
  /** "CANONICAL ISSUE-DATE" for every issue date the document states for a reference, each pair once. */
  public static final String REF_ISSUED = "ref_issued";
  public static final String REF_TYPE = "ref_type";
  public static final String REF_ISSUER = "ref_issuer";
  /** The canonical number of the document itself when the file is the directive's own text. */
  public static final String SELF_REF = "self_ref";
  /** The whole extracted text, stored for display and snippets. */
  public static final String TEXT = "text";
  /** Paragraph spans and languages, stored in binary (see {@link Paragraphs}). */
  public static final String PARAGRAPHS = "paragraphs";
  /** Per document, its references in brief as binary doc values (see {@link RefData}). */
  public static final String REF_DATA = "ref_data";
  /** Per document, its languages as sorted-set doc values, for reference tables. */
  public static final String LANG_DV = "lang_dv";
  /** Every citation mention with its sentence, and the document's card, as binary doc values (see {@link Mentions}). */
  public static final String MENTIONS = "mentions";

  /**
   * The near-duplicate band keys of the document's text (see {@code NearDuplicates}) as sorted-set doc values:
   * documents that share one are copies of one story, collapsed into the best of them in a search.
   */
  public static final String NEAR = "near";

  /**
   * The share of the document's text in a language ("share_en"), a float doc value per language it has: a word
   * found in a language's field weighs by it, so that a translation's few English fragments (short, and so favoured by
   * length normalization) do not outrank the English text itself.
   */
  public static String share(String lang) { return "share_" + lang; }

  /** Facet dimensions (sorted-set doc values, no taxonomy index). */
  public static final String FACET_LANG = "f_lang";
  public static final String FACET_REF = "f_ref";
  public static final String FACET_OUTLET = "f_outlet";
  public static final String FACET_MONTH = "f_month";
  /** The type codes of the references a document carries, each once: counts by reference type for a query. */
  public static final String FACET_TYPE = "f_type";

  /** How {@link #REF} is indexed: one untokenized term per mention, with frequencies, not stored. */
  public static final FieldType REF_MENTION;
  static {
    FieldType t = new FieldType();
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    t.setTokenized(false);
    t.setOmitNorms(true);
    t.freeze();
    REF_MENTION = t;
  }

  /**
   * Newest first by publication day, undated documents last, as `cite` and `search --sort date` list them. Saying
   * where the undated go (rather than letting them count as day 0) lets Lucene skip, through the day's points, the
   * matches that cannot make the page. (Keeping the index itself in this order would make a lookup stop after one
   * page per segment, but it cost a fifth of the ingest speed.)
   */
  public static final Sort NEWEST_FIRST;
  static {
    SortField day = new SortField(DATE_DAY, SortField.Type.LONG, true);
    day.setMissingValue(Long.MIN_VALUE);
    NEWEST_FIRST = new Sort(day);
  }

  private Fields() {}

  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(FACET_LANG, true);
    config.setMultiValued(FACET_REF, true);
    config.setMultiValued(FACET_TYPE, true);
    // Counts only: nothing drills down by term, and the drill-down terms were 0.2% of the index's size.
    for (String dim : List.of(FACET_LANG, FACET_REF, FACET_OUTLET, FACET_MONTH, FACET_TYPE)) {
      config.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.NONE);
    }
    return config;
  }

  /**
   * A content hash (hex, as {@code ArticlePipeline.sha256} gives it) as {@link #HASH} and {@link #COPY_OF} keep it:
   * its bytes, half the size of the hex, which compresses with nothing (a tenth of the stored fields beside the text).
   */
  public static BytesRef hashBytes(String hex) { return new BytesRef(HexFormat.of().parseHex(hex)); }

  /** The hex of a hash as {@link #hashBytes} keeps it; null for none. */
  public static String hashHex(BytesRef bytes) {
    return bytes == null ? null : HexFormat.of().formatHex(bytes.bytes, bytes.offset, bytes.offset + bytes.length);
  }

  /** The term of {@code field} ({@link #HASH} or {@link #COPY_OF}) for the hash {@code hex}. */
  public static Term hashTerm(String field, String hex) { return new Term(field, hashBytes(hex)); }

  /** Every copy's document (see {@link #COPY_OF}). */
  public static Query copies() { return TermRangeQuery.newStringRange(COPY_OF, null, null, true, true); }

  /** The {@link #REF_ISSUED} term saying that a document states {@code issued} as the issue date of {@code canonical}. */
  public static String issuedTerm(String canonical, LocalDate issued) { return canonical + " " + issued; }

  /** What every {@link #REF_ISSUED} term of {@code canonical} starts with. */
  public static BytesRef issuedPrefix(String canonical) { return new BytesRef(canonical + " "); }

  /** The ISO date of a {@link #REF_ISSUED} term of {@code canonical}. */
  public static String issuedDate(BytesRef term, String canonical) {
    // The prefix's length in characters: its byte length counts Đ twice.
    return term.utf8ToString().substring(canonical.length() + 1);
  }

  /** The {@link #FACET_MONTH} label of a publication date: "2023-12". */
  public static String month(LocalDate published) { return published.toString().substring(0, 7); }
}
