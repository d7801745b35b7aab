package sohieu.analysis;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Writes every token (term, offsets, position increment, type) of every analyzer over the bench texts (corpus/ lines
 * and paragraphs, ../shared/data/vi-dev paragraphs, ../shared/data/langid/dev.tsv lines, and their NFD forms), for
 * comparing two revisions of the analyzers: the files must be identical.
 * Run: {@code java -cp ... sohieu.analysis.AnalyzerDump out.tsv}
 */
public final class AnalyzerDump {
  private AnalyzerDump() {}

  public static void main(String[] args) throws IOException {
    List<String> texts = new ArrayList<>();
    Path root = Path.of(".");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root.resolve("corpus"))) { files.addAll(s.filter(Files::isRegularFile).sorted().toList()); }
    Path viDev = root.resolve("../shared/data/vi-dev");
    if (Files.isDirectory(viDev)) try (Stream<Path> s = Files.walk(viDev)) { files.addAll(s.filter(Files::isRegularFile).sorted().limit(300).toList()); }
    for (Path p : files) {
      String t = Files.readString(p, StandardCharsets.UTF_8);
      for (String para : t.split("\n\\s*\n")) if (!para.isBlank()) texts.add(para);
    }
    Path dev = root.resolve("../shared/data/langid/dev.tsv");
    if (Files.isRegularFile(dev)) for (String line : Files.readAllLines(dev)) { String[] f = line.split("\t", 3); if (f.length == 3) texts.add(f[2]); }
    int n = texts.size();
    for (int i = 0; i < n; i += 7) texts.add(java.text.Normalizer.normalize(texts.get(i), java.text.Normalizer.Form.NFD));
    texts.add("ＡＢＣ ﬁnance Straße ǅemal x\u00ADy e\u0301te\u0301 ﬀ Ⅻ ² ½ ſ ΣΑΣ İstanbul 15／2020／NĐ-CP 25-ＮＱ/TW");
    try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[0]))) {
      for (String lang : List.of("vi", "ru", "fr", "pl", "en", "und", "folded")) {
        Analyzer a = lang.equals("folded") ? LanguageAnalyzers.folded() : LanguageAnalyzers.forLanguage(lang);
        for (int i = 0; i < texts.size(); i++) {
          try (TokenStream ts = a.tokenStream("f", texts.get(i))) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute o = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute pi = ts.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute ty = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            StringBuilder b = new StringBuilder();
            while (ts.incrementToken()) b.append(t).append(' ').append(o.startOffset()).append(' ').append(o.endOffset()).append(' ').append(pi.getPositionIncrement()).append(' ').append(ty.type()).append('|');
            ts.end();
            b.append("END ").append(o.endOffset()).append(' ').append(pi.getPositionIncrement());
            w.write(lang + "\t" + i + "\t" + b + "\n");
          }
          if (lang.equals("vi") || lang.equals("folded")) {
            w.write(lang + "\tnorm\t" + i + "\t" + (texts.get(i).length() < 30 ? a.normalize("f", texts.get(i)).utf8ToString() : "") + "\n");
          }
        }
      }
    }
  }
}
