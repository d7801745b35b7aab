package sohieu.pipeline;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import sohieu.Limits;
import sohieu.extract.ExtractedDocument;
import sohieu.extract.ExtractionException;
import sohieu.extract.Extractor;
import sohieu.lang.Paragraph;
import sohieu.lang.ParagraphSegmenter;
import sohieu.refs.Citation;
import sohieu.refs.CitationRecognizer;
import sohieu.refs.DocumentIdentity;

/**
 * The one way from a file to an {@link Article}: extract, paragraphs and their languages, citations (within the
 * citation limit), and the directive's own identity over its page furniture. Ingest and scan both run it, so what
 * one prints the other indexes. Thread-safe.
 */
public final class ArticlePipeline {
  private final Extractor extractor;
  private final int maxCitations;
  private final ParagraphSegmenter segmenter = ParagraphSegmenter.standard();
  private final CitationRecognizer recognizer = CitationRecognizer.standard();

  /** Text files read in {@code charset} (detected when null), within the given per-file limits ({@link Limits}). */
  public ArticlePipeline(Charset charset, int maxMegabytes, int maxChars, int maxCitations) {
    this(charset, maxMegabytes, maxChars, maxCitations, Limits.OCR_PAGES, Limits.OCR_PAGE_SECONDS);
  }

  /** As above, reading at most {@code ocrPages} scanned pages a file by OCR, each within {@code ocrPageSeconds}. */
  public ArticlePipeline(Charset charset, int maxMegabytes, int maxChars, int maxCitations, int ocrPages,
                         int ocrPageSeconds) {
    this.extractor = new Extractor(charset, maxMegabytes, maxChars, ocrPages, ocrPageSeconds);
    this.maxCitations = maxCitations;
  }

  /** Detected encodings and the default limits. */
  public static ArticlePipeline standard() {
    return new ArticlePipeline(null, Limits.FILE_MB, Limits.TEXT_CHARS, Limits.CITATIONS_PER_FILE);
  }

  /** Why a file of {@code bytes} is refused for its size, or null: asked before anything reads the file. */
  public String tooLarge(long bytes) { return extractor.tooLarge(bytes); }

  /** The first step alone, so that a caller may decide between hashing and extracting whether to go on. */
  public ExtractedDocument extract(Path file) throws ExtractionException { return extractor.extract(file); }

  /** As {@link #extract(Path)}, telling {@code pages} of each scanned page OCR reads. */
  public ExtractedDocument extract(Path file, Extractor.PageListener pages) throws ExtractionException {
    return extractor.extract(file, pages);
  }

  /** The whole pipeline on a file: {@code path} is the name the article is kept under. */
  public Article read(Path file, String path) throws ExtractionException, IOException {
    return read(file, path, Extractor.PageListener.NONE);
  }

  /** As {@link #read(Path, String)}, telling {@code pages} of each scanned page OCR reads. */
  public Article read(Path file, String path, Extractor.PageListener pages) throws ExtractionException, IOException {
    long size = Files.size(file);
    String refused = tooLarge(size);
    if (refused != null) throw new ExtractionException(refused);
    return analyze(path, sha256(file), size, extract(file, pages));
  }

  /** The whole pipeline on a stream (standard input), hashed and counted as it is read; {@code name} names it. */
  public Article read(InputStream in, String name) throws ExtractionException, IOException {
    return read(in, name, Extractor.PageListener.NONE);
  }

  /** As {@link #read(InputStream, String)}, telling {@code pages} of each scanned page OCR reads. */
  public Article read(InputStream in, String name, Extractor.PageListener pages) throws ExtractionException, IOException {
    Counting counting = new Counting(in);
    DigestInputStream digesting = new DigestInputStream(counting, digest());
    // Buffered above the digest: a parser's mark and reset must not feed the digest the same bytes twice.
    InputStream buffered = new BufferedInputStream(digesting);
    ExtractedDocument extracted = extractor.extract(buffered, name, pages);
    buffered.transferTo(OutputStream.nullOutputStream()); // a parser may stop before the end; the hash may not
    return analyze(name, HexFormat.of().formatHex(digesting.getMessageDigest().digest()), counting.count, extracted);
  }

  /** The steps after extraction: paragraphs and languages, citations, and the document's own identity. */
  public Article analyze(String path, String hash, long size, ExtractedDocument extracted) {
    String text = extracted.text();
    List<CitationRecognizer.Scanned> scanned = extracted.scanned().stream()
        .map(p -> new CitationRecognizer.Scanned(p.start(), p.end())).toList();
    // One past the limit tells whether the limit cut anything.
    List<Citation> citations = recognizer.scan(text, (int) Math.min(Integer.MAX_VALUE, maxCitations + 1L), scanned);
    String cut = extracted.unread();
    if (citations.size() > maxCitations) {
      citations = citations.subList(0, maxCitations);
      cut = cut == null ? Limits.citationsCut(maxCitations) : cut + "; " + Limits.citationsCut(maxCitations);
    }
    // A scan's letterhead is on its first page read by OCR: the number, place and date, and issuer are read there.
    Optional<DocumentIdentity> identity = recognizer.identify(text, scanned);
    ExtractedDocument document = extracted;
    if (identity.isPresent()) {
      // The directive's own text: its number, title and signing date describe the file better than page furniture.
      DocumentIdentity id = identity.get();
      document = new ExtractedDocument(text, id.title() != null ? id.title() : extracted.title(),
          id.issued() != null ? id.issued() : extracted.published(), extracted.outlet(), extracted.sourceUrl(),
          extracted.contentType(), extracted.scanned(), extracted.unread());
    }
    return new Article(path, hash, size, document, paragraphs(text, extracted.scanned()), citations,
        identity.orElse(null), cut);
  }

  /** The paragraphs and their languages, those inside a page OCR read marked so. */
  private List<Paragraph> paragraphs(String text, List<ExtractedDocument.ScannedPage> scanned) {
    List<Paragraph> paragraphs = segmenter.segment(text);
    if (scanned.isEmpty()) return paragraphs;
    List<Paragraph> out = new ArrayList<>(paragraphs.size());
    for (Paragraph p : paragraphs) {
      boolean ocr = scanned.stream().anyMatch(s -> p.start() >= s.start() && p.end() <= s.end());
      out.add(ocr ? p.scanned() : p);
    }
    return out;
  }

  /** SHA-256 of the file's bytes, hex: the content key that tells an unchanged or duplicate file. */
  public static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = digest();
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
      return HexFormat.of().formatHex(digest.digest());
    }
  }

  /** Whether {@code file} is a regular file whose content has {@code hash}: false when it is gone, changed or unreadable. */
  public static boolean stillHolds(Path file, String hash) {
    try {
      return Files.isRegularFile(file) && hash.equals(sha256(file));
    } catch (IOException e) {
      return false;
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counts the bytes read through it: a stream has no size to ask first. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) { super(in); }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) count++;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) count += n;
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
