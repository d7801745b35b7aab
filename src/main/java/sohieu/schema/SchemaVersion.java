package sohieu.schema;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The version of the index's schema, kept in the user data of every commit: a reader of another schema would take
 * one value for another or fail deep in a lookup, so every command that opens an index compares it first and says,
 * in one line, how to rebuild. Any change to a field, its type or a codec raises {@link #CURRENT}.
 */
public final class SchemaVersion {
  /**
   * 2: binary values on Lucene's DataOutput with a format byte, the version in the commit. 1: the hand-made text
   * formats, no version recorded.
   */
  // 12: mention cards with a preset dictionary, each number once, a mention's text and parts as places in its
  // sentence and number (Mentions format 2), a reference's type and issuer as places in its number (RefData format 2);
  // the absolute path stored only when the path was given otherwise;
  // 11: content hashes as their bytes, not hex (Fields.hashBytes), references no longer stored (a hit reads them from
  // ref_data);
  // 10: paragraph spans as gaps and lengths, a language only where it changes (Paragraphs format 3);
  // 9: Vietnamese words split by the standard tokenizer instead of ICU's (form blanks "____" are no terms any more),
  // near-duplicate keys one binary doc value per document;
  // 8: Polish paragraphs no longer copied into the folded field either; 7: Vietnamese paragraphs no longer copied into
  // the folded field; 6: near-duplicate keys and the facets only as doc values, no terms (Lucene refuses a field whose index options
  // change, so a schema 5 index cannot take new documents); 5: a paragraph says whether OCR read it; 4: copies of a
  // content as documents of their own, near-duplicate band keys; 3: the reference-type facet
  public static final int CURRENT = 12;
  /** The key of the version in a commit's user data. */
  static final String KEY = "sohieu.schema";
  /** What an index that records no version was written by. */
  private static final int UNRECORDED = 1;

  private SchemaVersion() {}

  /** The version a commit's user data records: 1 when it records none, -1 when it records something unreadable. */
  public static int of(Map<String, String> userData) {
    String v = userData.get(KEY);
    if (v == null) return UNRECORDED;
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** {@code userData} with this schema's version in it, for the next commit. */
  public static Map<String, String> stamp(Map<String, String> userData) {
    Map<String, String> data = new HashMap<>(userData);
    data.put(KEY, Integer.toString(CURRENT));
    return data;
  }

  /** Throws {@link SchemaMismatchException} unless the commit of the index at {@code index} is of this schema. */
  public static void require(Map<String, String> userData, Path index) {
    String mismatch = mismatch(userData, index);
    if (mismatch != null) throw new SchemaMismatchException(mismatch);
  }

  /** The one line that says the index at {@code index} is of another schema and how to rebuild it, or null. */
  public static String mismatch(Map<String, String> userData, Path index) {
    int found = of(userData);
    if (found == CURRENT) return null;
    return "index " + index + " was written by " + (found < 0 ? "an unknown schema" : "schema " + found) + ", this is "
        + CURRENT + ": run `sohieu ingest --index NEW-FOLDER PATH...` to rebuild it from its files"
        + (found > CURRENT ? ", or use the newer sohieu that wrote it" : "");
  }
}
