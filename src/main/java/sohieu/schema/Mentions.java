package sohieu.schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.util.BytesRef;
import sohieu.refs.Citation;

/**
 * The codec of {@link Fields#MENTIONS}: a document's citation mentions with their sentences, and what a citation
 * list shows of the document (path, title, date, outlet, languages), kept as binary doc values: `cite` reads no
 * stored text, so a lookup stays fast however long the articles are.
 *
 * <p>Format byte, then deflated: the card's path, a flag byte, title, date and outlet when present, the languages;
 * the sentences, each once however many mentions it holds; the mentions, each its canonical number first (so that a
 * lookup compares it as bytes and passes over the others undecoded), a flag byte, what is present of raw text, kind,
 * type, issuer, number, year and issue date (epoch day), then start, end, confidence and its sentence (1-based, 0 for
 * none).
 */
public final class Mentions {
  /** What `cite` and `show` need of one document. */
  public record Card(String path, String title, String date, String outlet, List<String> languages,
                     List<Citation> mentions) {}

  static final byte FORMAT = 1;

  private static final int TITLE = 1, DATE = 2, OUTLET = 4;
  private static final int RAW = 1, KIND = 2, TYPE = 4, ISSUER = 8, NUMBER = 16, YEAR = 32, ISSUED = 64;

  private Mentions() {}

  /** The card as deflated bytes; its mentions must all have a canonical number, the key a lookup reads them by. */
  public static BytesRef encode(Card card) throws IOException {
    BytesOutput out = new BytesOutput(256 + 64 * card.mentions().size());
    out.writeString(card.path());
    out.writeByte((byte) (Codec.flag(card.title(), TITLE) | Codec.flag(card.date(), DATE) | Codec.flag(card.outlet(), OUTLET)));
    Codec.writeIfPresent(out, card.title());
    Codec.writeIfPresent(out, card.date());
    Codec.writeIfPresent(out, card.outlet());
    out.writeVInt(card.languages().size());
    for (String lang : card.languages()) out.writeString(lang);
    List<String> sentences = new ArrayList<>();
    int[] sentenceOf = new int[card.mentions().size()];
    for (int i = 0; i < sentenceOf.length; i++) {
      String s = card.mentions().get(i).sentence();
      if (s == null) continue;
      int at = sentences.indexOf(s);
      if (at < 0) {
        at = sentences.size();
        sentences.add(s);
      }
      sentenceOf[i] = at + 1;
    }
    out.writeVInt(sentences.size());
    for (String s : sentences) out.writeString(s);
    out.writeVInt(sentenceOf.length);
    for (int i = 0; i < sentenceOf.length; i++) {
      Citation c = card.mentions().get(i);
      out.writeString(c.canonical());
      out.writeByte((byte) (Codec.flag(c.raw(), RAW) | Codec.flag(c.kind(), KIND) | Codec.flag(c.type(), TYPE)
          | Codec.flag(c.issuer(), ISSUER) | Codec.flag(c.number(), NUMBER) | Codec.flag(c.year(), YEAR)
          | Codec.flag(c.issued(), ISSUED)));
      Codec.writeIfPresent(out, c.raw());
      if (c.kind() != null) out.writeString(c.kind().name());
      Codec.writeIfPresent(out, c.type());
      Codec.writeIfPresent(out, c.issuer());
      Codec.writeIfPresent(out, c.number());
      if (c.year() != null) out.writeZInt(c.year());
      if (c.issued() != null) out.writeZLong(c.issued().toEpochDay());
      out.writeVInt(c.start());
      out.writeVInt(c.end());
      out.writeLong(Double.doubleToLongBits(c.confidence()));
      out.writeVInt(sentenceOf[i]);
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
    String[] sentences = new String[sentenceAt.length];
    byte[] wanted = canonical == null ? null : canonical.getBytes(StandardCharsets.UTF_8);
    int n = in.readVInt();
    List<Citation> mentions = new ArrayList<>(canonical == null ? n : 4);
    for (int i = 0; i < n; i++) {
      int length = in.readVInt(), at = in.getPosition();
      in.skipBytes(length);
      if (wanted != null && !Arrays.equals(raw, at, at + length, wanted, 0, wanted.length)) {
        skipMention(in);
        continue;
      }
      String c = wanted != null ? canonical : new String(raw, at, length, StandardCharsets.UTF_8);
      int f = in.readByte();
      String text = Codec.readIf(in, f, RAW), kind = Codec.readIf(in, f, KIND), type = Codec.readIf(in, f, TYPE),
          issuer = Codec.readIf(in, f, ISSUER), number = Codec.readIf(in, f, NUMBER);
      Integer year = (f & YEAR) == 0 ? null : in.readZInt();
      LocalDate issued = (f & ISSUED) == 0 ? null : LocalDate.ofEpochDay(in.readZLong());
      int start = in.readVInt(), end = in.readVInt();
      double confidence = Double.longBitsToDouble(in.readLong());
      int sentence = in.readVInt();
      if (sentence > sentenceAt.length) throw new CorruptIndexException("mention of sentence " + sentence + " of " + sentenceAt.length, Fields.MENTIONS);
      mentions.add(Citation.of(kind == null ? null : Citation.Kind.valueOf(kind), c, text, type, issuer, number, year,
          issued, start, end, confidence, sentence == 0 ? null : sentence(raw, sentenceAt, sentences, sentence - 1)));
    }
    return new Card(path, title, date, outlet, List.of(languages), mentions);
  }

  /** Passes over a mention's fields after its canonical number. */
  private static void skipMention(ByteArrayDataInput in) throws IOException {
    int f = in.readByte();
    Codec.skipIf(in, f, RAW);
    Codec.skipIf(in, f, KIND);
    Codec.skipIf(in, f, TYPE);
    Codec.skipIf(in, f, ISSUER);
    Codec.skipIf(in, f, NUMBER);
    if ((f & YEAR) != 0) in.readZInt();
    if ((f & ISSUED) != 0) in.readZLong();
    in.readVInt();
    in.readVInt();
    in.skipBytes(Long.BYTES);
    in.readVInt();
  }

  /** The sentence at index {@code i}, decoded the first time a kept mention asks for it. */
  private static String sentence(byte[] raw, int[] at, String[] sentences, int i) throws IOException {
    if (sentences[i] == null) sentences[i] = new ByteArrayDataInput(raw, at[i], raw.length - at[i]).readString();
    return sentences[i];
  }

  private static BytesRef deflate(BytesRef raw) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
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
