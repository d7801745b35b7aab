package sohieu.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Writes a deterministic corpus of realistic articles (about 5 KB, HTML and TXT) built from the shipped corpus's
 * sentences in every language, with citations drawn from a Zipf distribution over a few thousand document numbers
 * in varied spellings, and the truth (canonical citations per file) beside it in {@code truth.tsv}.
 *
 * <p>Usage: {@code CorpusGenerator OUT_DIR DOCS [SEED]}
 */
public final class CorpusGenerator {
  /** Changes whenever the same seed would give other files; cached corpora carry it in their folder name. */
  public static final int VERSION = 2;
  private static final String[] TYPES = {"NQ", "KL", "CT", "QĐ", "KH", "HD", "TB", "QC"};
  private static final String[] ISSUERS = {"TW", "TW", "TW", "TU", "BCT", "BBT", "ĐU"};
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
  private static final Pattern EXISTING_REF = Pattern.compile("\\d+\\s*-\\s*[A-ZĐ]{2}/[A-Z]{2}");

  private final SplittableRandom random;
  private final Map<String, List<String>> sentences;
  private final String[] refs;
  private final double[] zipf;

  CorpusGenerator(Map<String, List<String>> sentences, long seed, int distinctRefs) {
    this.random = new SplittableRandom(seed);
    this.sentences = sentences;
    this.refs = new String[distinctRefs];
    this.zipf = new double[distinctRefs];
    SplittableRandom r = new SplittableRandom(seed ^ 0x5eed);
    double sum = 0;
    for (int i = 0; i < distinctRefs; i++) {
      refs[i] = (1 + r.nextInt(400)) + "-" + TYPES[r.nextInt(TYPES.length)] + "/" + ISSUERS[r.nextInt(ISSUERS.length)];
      sum += 1.0 / (i + 1);
      zipf[i] = sum;
    }
    for (int i = 0; i < distinctRefs; i++) zipf[i] /= sum;
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int docs = Integer.parseInt(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    generate(Path.of("corpus"), out, docs, seed);
  }

  /** Generates {@code docs} articles into {@code out} from the sentences of the files in {@code corpus}. */
  public static void generate(Path corpus, Path out, int docs, long seed) throws IOException {
    CorpusGenerator g = new CorpusGenerator(sentencesByLanguage(corpus), seed, 3000);
    Files.createDirectories(out);
    try (Writer truth = Files.newBufferedWriter(out.resolve("truth.tsv"), StandardCharsets.UTF_8)) {
      truth.write("# file\tcanonical citations (space-separated)\n");
      for (int i = 0; i < docs; i++) {
        Path dir = out.resolve(String.format("%03d", i / 1000));
        Files.createDirectories(dir);
        boolean html = i % 2 == 0;
        String name = String.format("a%07d.%s", i, html ? "html" : "txt");
        List<String> cited = new ArrayList<>();
        String body = g.article(cited, html);
        Files.writeString(dir.resolve(name), body, StandardCharsets.UTF_8);
        truth.write(out.relativize(dir.resolve(name)) + "\t" + String.join(" ", cited) + "\n");
      }
    }
  }

  private String article(List<String> cited, boolean html) {
    List<String> langs = new ArrayList<>(sentences.keySet());
    String lang = langs.get(random.nextInt(langs.size()));
    List<String> pool = sentences.get(lang);
    StringBuilder text = new StringBuilder();
    List<String> paragraphs = new ArrayList<>();
    String title = pool.get(random.nextInt(pool.size()));
    int size = 0;
    while (size < 4800) {
      StringBuilder para = new StringBuilder();
      for (int s = 0; s < 3 + random.nextInt(3); s++) {
        para.append(pool.get(random.nextInt(pool.size()))).append(' ');
        if (random.nextInt(4) == 0) {
          String ref = refs[pick()];
          cited.add(ref);
          para.append(spelling(ref, lang)).append(". ");
        }
      }
      paragraphs.add(para.toString().strip());
      size += para.length();
      if (!lang.equals("vi") && sentences.containsKey("vi") && random.nextInt(6) == 0) {
        List<String> vi = sentences.get("vi");
        paragraphs.add(vi.get(random.nextInt(vi.size())));
      }
    }
    if (html) {
      text.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(escape(title))
          .append("</title><meta property=\"article:published_time\" content=\"")
          .append(String.format("20%02d-%02d-%02d", 17 + random.nextInt(8), 1 + random.nextInt(12), 1 + random.nextInt(28)))
          .append("\"></head><body><nav><a href=\"/\">Home</a> <a href=\"/politics\">Politics</a></nav><article><h1>")
          .append(escape(title)).append("</h1>\n");
      for (String p : paragraphs) text.append("<p>").append(escape(p).replace("\u00A0", "&nbsp;")).append("</p>\n");
      text.append("</article><footer>© Outlet</footer></body></html>\n");
    } else {
      text.append(title).append("\n\n");
      for (String p : paragraphs) text.append(p).append("\n\n");
    }
    return text.toString();
  }

  /** One of the spellings the press uses for a canonical party number. */
  private String spelling(String canonical, String lang) {
    String lead = switch (lang) {
      case "ru" -> "Постановление № ";
      case "fr" -> "la résolution n° ";
      case "pl" -> "uchwała nr ";
      default -> "Nghị quyết số ";
    };
    // Mostly the four common variants and the canonical form; rarely what a CMS leaves in: a no-break space after
    // the hyphen (written &nbsp; in HTML) or a soft hyphen in place of the hyphen.
    String s = switch (random.nextInt(20) / 4) {
      case 0 -> canonical.replace("-", "- ");
      case 1 -> canonical.replace("Đ", "D");
      case 2 -> canonical.toLowerCase();
      case 3 -> canonical.replace("-", "–");
      default -> switch (random.nextInt(4)) {
        case 0 -> canonical.replace("-", "-\u00A0");
        case 1 -> canonical.replace("-", "\u00AD");
        default -> canonical;
      };
    };
    return lead + s;
  }

  private int pick() {
    double u = random.nextDouble();
    int lo = 0, hi = zipf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (zipf[mid] < u) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** Sentences of the corpus files by the script or letters of each paragraph, citations taken out. */
  static Map<String, List<String>> sentencesByLanguage(Path corpus) throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (var files = Files.list(corpus)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        for (String para : Files.readString(f).split("\n")) {
          if (para.length() < 60) continue;
          String lang = guess(para);
          for (String s : SENTENCE_END.split(para)) {
            if (s.length() < 30 || EXISTING_REF.matcher(s).find()) continue;
            out.computeIfAbsent(lang, k -> new ArrayList<>()).add(s.strip());
          }
        }
      }
    }
    return out;
  }

  private static String guess(String para) {
    if (para.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC)) return "ru";
    if (para.chars().anyMatch(c -> "ăơưđạảấầậắằặẹẻẽếềệịọỏốồổộớờởợụủứừửữự".indexOf(c) >= 0)) return "vi";
    if (para.chars().anyMatch(c -> "ąęłńśźż".indexOf(c) >= 0)) return "pl";
    return "fr";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
