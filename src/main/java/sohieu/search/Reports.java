package sohieu.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import sohieu.extract.ExtractedDocument;
import sohieu.lang.Paragraph;
import sohieu.pipeline.Article;
import sohieu.refs.Citation;
import sohieu.refs.DocumentIdentity;
import sohieu.refs.Citation.Kind;

/**
 * The JSON shapes of the commands whose answer is more than one record of the core: each shape written down once,
 * as a record Jackson serializes field by field in order (snake_case), matching the README's "JSON output"; the service's API answers with the same records.
 */
public final class Reports {
  private Reports() {}

  /**
   * {@code scan --json}: the article with the file name it was read under; {@code scanned} lists the pages OCR read
   * (their text spans, language, models, readings and time), empty for a file with text of its own.
   */
  public record Scan(String file, String title, LocalDate published, String outlet, String url, String contentType,
              String text, List<Paragraph> paragraphs, List<Citation> citations, DocumentIdentity identity, String cut,
              List<ExtractedDocument.ScannedPage> scanned) {
    public static Scan of(String file, Article a) {
      ExtractedDocument d = a.document();
      return new Scan(file, d.title(), d.published(), d.outlet(), d.sourceUrl(), d.contentType(), d.text(),
          a.paragraphs(), a.citations(), a.identity(), a.cut(), d.scanned());
    }
  }

  /**
   * {@code cite --json}: the same shape whether or not anything cites the document; {@code suggestions} are the
   * numbers in the index nearest to it when nothing does.
   */
  public record Cite(String canonical, long total, CiteProfile profile, List<CitingArticle> articles, List<String> suggestions) {}

  /** {@code cite --jsonl} and {@code --csv}: one mention with its article. */
  public record Mention(String canonical, String path, String title, String date, String outlet, boolean self, String raw,
                 Kind kind, LocalDate issued, int start, int end, String sentence, List<String> copies) {
    public static List<Mention> of(CiteResult result) {
      List<Mention> rows = new ArrayList<>();
      for (CitingArticle a : result.articles()) {
        for (Citation c : a.mentions()) {
          rows.add(new Mention(result.canonical(), a.path(), a.title(), a.date(), a.outlet(), a.self(), c.raw(), c.kind(),
              c.issued(), c.start(), c.end(), c.sentence(), a.copies()));
        }
      }
      return rows;
    }
  }

  /** {@code refs --json}. */
  public record Refs(List<ReferenceRow> references) {}

  /** A file and why it is not in the index: a failure, or a file left out of a folder. */
  public record FileReason(String path, String reason) {}

  /** A file identical to one already indexed. */
  public record Duplicate(String path, String sameAs) {}

  /** A file indexed with what a limit left out of it. */
  public record Cut(String path, String note) {}

  /** What one ingest run did, for its last JSON line. */
  public record IngestTotals(int added, int updated, int unchanged, int removed, int failed, int duplicates, int skipped,
                      boolean interrupted, long bytes, double seconds, double filesPerS, double mbPerS) {}

  /** The JSON lines of {@code ingest --json}, each one object named by what it reports. */
  public record FailedLine(FileReason failed) {}

  public record DuplicateLine(Duplicate duplicate) {}

  public record CutLine(Cut cut) {}

  public record SkippedLine(FileReason skipped) {}

  public record SummaryLine(IngestTotals summary) {}
}
