package sohieu.schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.BytesRef;
import sohieu.refs.Citation;

/**
 * The codec of {@link Fields#MENTIONS}: a document's citation mentions with their sentences, and what a citation
 * list shows of the document (path, title, date, outlet, languages), kept as binary doc values: `cite` reads no
 * stored text, so a lookup stays fast however long the articles are.
 *
 * <p>Format byte, then deflated with a preset dictionary ({@code mentions.dict}, see {@link #DICTIONARY}): the card's
 * path, a flag byte, title, date and outlet when present, the languages; the sentences, each once however many
 * mentions it holds; the canonical numbers, each once (so that a lookup compares each as bytes once, and passes over
 * the mentions of a card that lacks it); then the mentions in text order, each its canonical number's index, a flag
 * VInt (kind in the low two bits, then what is present), its raw text as an offset into its sentence (or as text when
 * the sentence does not hold it), type, issuer, number and year as spans of the canonical number (or as text), the
 * issue date (epoch day), its start as a step from the previous mention's and its length, the confidence when not 1,
 * and its sentence (1-based, 0 for none). What a mention shares with its sentence and its number is so written once;
 * with the dictionary, cards are 16% smaller on the bench's generated files and 18% on ../shared/data than in format
 * 1.
 */
public final class Mentions {
  /** What `cite` and `show` need of one document. */
  public record Card(String path, String title, String date, String outlet, List<String> languages,
                     List<Citation> mentions) {}

  static final byte FORMAT = 2;

  private static final int TITLE = 1, DATE = 2, OUTLET = 4;
  private static final int KIND_BITS = 3, RAW_AT = 4, RAW = 8, TYPE = 16, ISSUER = 32, NUMBER = 64, YEAR = 128,
      ISSUED = 256, CONFIDENCE = 512;
  private static final Citation.Kind[] KINDS = Citation.Kind.values();

  /**
   * The preset dictionary of the deflated cards: the words of the citation grammar, which the sentences around
   * citations are dense in: the forms of months.tsv, leadins.tsv, issuers.tsv and types.tsv as they stood when this
   * format was made, a row a line, the Vietnamese rows last (deflate refers to near bytes more cheaply, and most
   * cards are Vietnamese). Frozen with the format: a card inflates only with the dictionary it was deflated with,
   * whatever the vocabulary becomes.
   */
  private static final byte[] DICTIONARY = dictionary();

  private Mentions() {}

  /** The card as deflated bytes; its mentions must all have a canonical number, the key a lookup reads them by. */
  public static BytesRef encode(Card card) throws IOException {
    List<Citation> mentions = card.mentions();
    BytesOutput out = new BytesOutput(256 + 64 * mentions.size());
    out.writeString(card.path());
    out.writeByte((byte) (Codec.flag(card.title(), TITLE) | Codec.flag(card.date(), DATE) | Codec.flag(card.outlet(), OUTLET)));
    Codec.writeIfPresent(out, card.title());
    Codec.writeIfPresent(out, card.date());
    Codec.writeIfPresent(out, card.outlet());
    out.writeVInt(card.languages().size());
    for (String lang : card.languages()) out.writeString(lang);
    Map<String, Integer> sentences = new LinkedHashMap<>(), canonicals = new LinkedHashMap<>();
    for (Citation c : mentions) {
      if (c.sentence() != null) sentences.putIfAbsent(c.sentence(), sentences.size());
      canonicals.putIfAbsent(c.canonical(), canonicals.size());
    }
    out.writeVInt(sentences.size());
    for (String s : sentences.keySet()) out.writeString(s);
    out.writeVInt(canonicals.size());
    for (String c : canonicals.keySet()) out.writeString(c);
    out.writeVInt(mentions.size());
    int previousStart = 0;
    for (Citation c : mentions) {
      String canonical = c.canonical(), sentence = c.sentence(), year = c.year() == null ? null : c.year().toString();
      int rawAt = c.raw() == null || sentence == null || c.raw().length() != c.end() - c.start() ? -1 : sentence.indexOf(c.raw());
      out.writeVInt(canonicals.get(canonical));
      out.writeVInt(c.kind().ordinal() | (rawAt >= 0 ? RAW_AT : Codec.flag(c.raw(), RAW)) | Codec.flag(c.type(), TYPE)
          | Codec.flag(c.issuer(), ISSUER) | Codec.flag(c.number(), NUMBER) | Codec.flag(year, YEAR)
          | Codec.flag(c.issued(), ISSUED) | (c.confidence() == 1.0 ? 0 : CONFIDENCE));
      if (rawAt >= 0) out.writeVInt(rawAt);
      else Codec.writeIfPresent(out, c.raw());
      for (String part : new String[] {c.type(), c.issuer(), c.number(), year}) {
        if (part != null) Codec.writePart(out, part, canonical);
      }
      if (c.issued() != null) out.writeZLong(c.issued().toEpochDay());
      out.writeZInt(c.start() - previousStart);
      out.writeVInt(c.end() - c.start());
      previousStart = c.start();
      if (c.confidence() != 1.0) out.writeLong(Double.doubleToLongBits(c.confidence()));
      out.writeVInt(sentence == null ? 0 : sentences.get(sentence) + 1);
    }
    return deflate(out.written());
  }

  public static Card decode(BytesRef bytes) throws IOException {
    return decode(bytes, null);
  }

  /**
   * The card with only the mentions of {@code canonical} (all of them when null): the other mentions are passed
   * over without being decoded, and only the sentences of the kept ones become text.
   */
  public static Card decode(BytesRef bytes, String canonical) throws IOException {
    Codec.check(bytes, FORMAT, Fields.MENTIONS);
    byte[] raw = inflate(bytes);
    ByteArrayDataInput in = new ByteArrayDataInput(raw);
    String path = in.readString();
    int flags = in.readByte();
    String title = Codec.readIf(in, flags, TITLE), date = Codec.readIf(in, flags, DATE), outlet = Codec.readIf(in, flags, OUTLET);
    String[] languages = new String[in.readVInt()];
    for (int i = 0; i < languages.length; i++) languages[i] = in.readString();
    int[] sentenceAt = new int[in.readVInt()];
    for (int i = 0; i < sentenceAt.length; i++) {
      sentenceAt[i] = in.getPosition();
      Codec.skipString(in);
    }
    String[] canonicals = new String[in.readVInt()];
    byte[] wanted = canonical == null ? null : canonical.getBytes(StandardCharsets.UTF_8);
    int wantedIndex = -1;
    for (int i = 0; i < canonicals.length; i++) {
      int length = in.readVInt(), at = in.getPosition();
      in.skipBytes(length);
      if (wanted == null) canonicals[i] = new String(raw, at, length, StandardCharsets.UTF_8);
      else if (Arrays.equals(raw, at, at + length, wanted, 0, wanted.length)) {
        canonicals[i] = canonical;
        wantedIndex = i;
      }
    }
    if (wanted != null && wantedIndex < 0) return new Card(path, title, date, outlet, List.of(languages), List.of());
    String[] sentences = new String[sentenceAt.length];
    int n = in.readVInt(), start = 0;
    List<Citation> mentions = new ArrayList<>(canonical == null ? n : 4);
    for (int i = 0; i < n; i++) {
      int index = in.readVInt(), f = in.readVInt();
      if (index >= canonicals.length) {
        throw new CorruptIndexException("mention of number " + index + " of " + canonicals.length, Fields.MENTIONS);
      }
      if (wanted != null && index != wantedIndex) {
        start += skipMention(in, f);
        continue;
      }
      String c = canonicals[index];
      int rawAt = (f & RAW_AT) == 0 ? -1 : in.readVInt();
      String text = Codec.readIf(in, f, RAW);
      String type = part(in, f, TYPE, c), issuer = part(in, f, ISSUER, c), number = part(in, f, NUMBER, c),
          year = part(in, f, YEAR, c);
      LocalDate issued = (f & ISSUED) == 0 ? null : LocalDate.ofEpochDay(in.readZLong());
      start += in.readZInt();
      int end = start + in.readVInt();
      double confidence = (f & CONFIDENCE) == 0 ? 1.0 : Double.longBitsToDouble(in.readLong());
      int s = in.readVInt();
      if (s > sentenceAt.length) {
        throw new CorruptIndexException("mention of sentence " + s + " of " + sentenceAt.length, Fields.MENTIONS);
      }
      String sentence = s == 0 ? null : sentence(raw, sentenceAt, sentences, s - 1);
      if (rawAt >= 0) {
        if (sentence == null || end < start || rawAt + end - start > sentence.length()) {
          throw new CorruptIndexException("raw text past its sentence", Fields.MENTIONS);
        }
        text = sentence.substring(rawAt, rawAt + end - start);
      }
      mentions.add(Citation.of(KINDS[f & KIND_BITS], c, text, type, issuer, number,
          year == null ? null : Integer.valueOf(year), issued, start, end, confidence, sentence));
    }
    return new Card(path, title, date, outlet, List.of(languages), mentions);
  }

  /** The part of {@code canonical} written when {@code flag} is set in {@code flags}, else null. */
  private static String part(ByteArrayDataInput in, int flags, int flag, String canonical) throws IOException {
    return (flags & flag) == 0 ? null : Codec.readPart(in, canonical, Fields.MENTIONS);
  }

  /** Passes over a mention's fields after its flags; returns its step from the previous mention's start. */
  private static int skipMention(ByteArrayDataInput in, int f) throws IOException {
    if ((f & RAW_AT) != 0) in.readVInt();
    Codec.skipIf(in, f, RAW);
    for (int part : new int[] {TYPE, ISSUER, NUMBER, YEAR}) {
      if ((f & part) != 0) Codec.skipPart(in);
    }
    if ((f & ISSUED) != 0) in.readZLong();
    int step = in.readZInt();
    in.readVInt();
    if ((f & CONFIDENCE) != 0) in.skipBytes(Long.BYTES);
    in.readVInt();
    return step;
  }

  /** The sentence at index {@code i}, decoded the first time a kept mention asks for it. */
  private static String sentence(byte[] raw, int[] at, String[] sentences, int i) throws IOException {
    if (sentences[i] == null) sentences[i] = new ByteArrayDataInput(raw, at[i], raw.length - at[i]).readString();
    return sentences[i];
  }

  private static byte[] dictionary() {
    try (InputStream in = Mentions.class.getResourceAsStream("mentions.dict")) {
      if (in == null) throw new IllegalStateException("sohieu/schema/mentions.dict is missing from the class path");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BytesRef deflate(BytesRef raw) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      deflater.setDictionary(DICTIONARY);
      deflater.setInput(raw.bytes, raw.offset, raw.length);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 16);
      out.write(FORMAT);
      byte[] buffer = new byte[4096];
      while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
      return new BytesRef(out.toByteArray());
    } finally {
      deflater.end();
    }
  }

  /**
   * Inflaters ready for use: making one sets up zlib's state outside the heap, a tenth of a lookup's time in a
   * service that reads twenty cards per request (a thread-local would not do: the service runs each request on a new
   * virtual thread).
   */
  private static final java.util.concurrent.ConcurrentLinkedQueue<Inflater> INFLATERS = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private static final int MAX_IDLE_INFLATERS = 4 * Runtime.getRuntime().availableProcessors();

  /** The bytes past the format byte, inflated. */
  private static byte[] inflate(BytesRef bytes) throws CorruptIndexException {
    Inflater pooled = INFLATERS.poll();
    Inflater inflater = pooled != null ? pooled : new Inflater(true);
    boolean reusable = false;
    try {
      inflater.setDictionary(DICTIONARY);  // raw deflate names no dictionary: it is set before the first byte
      inflater.setInput(bytes.bytes, bytes.offset + 1, bytes.length - 1);
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 3);
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
        out.write(buffer, 0, n);
      }
      reusable = true;
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new CorruptIndexException("mentions that do not inflate: " + e.getMessage(), Fields.MENTIONS, e);
    } finally {
      if (reusable && INFLATERS.size() < MAX_IDLE_INFLATERS) {
        inflater.reset();
        INFLATERS.offer(inflater);
      } else {
        inflater.end();
      }
    }
  }
}
