package sohieu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import sohieu.refs.Citation;
import sohieu.refs.CitationRecognizer;

/** The seed corpus (repository) and, when present, the shared Vietnamese data at ../shared/data/vi-dev. */
class RealTextTest {
  static final Path CORPUS = Path.of("corpus");
  static final Path VI_DEV = Path.of("..", "shared", "data", "vi-dev");

  static List<String> corpusLines() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(CORPUS)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) if (!line.isBlank()) out.add(line);
      }
    }
    return out;
  }

  @Test
  void everyCorpusCitationIsOneTokenInEveryField() throws IOException {
    List<String> lines = corpusLines();
    assertTrue(lines.size() > 50, "corpus lines: " + lines.size());
    int seen = 0;
    for (String lang : List.of("vi", "ru", "fr", "pl", "en", "und", "folded")) {
      Analyzer a = lang.equals("folded") ? LanguageAnalyzers.folded() : LanguageAnalyzers.forLanguage(lang);
      for (String line : lines) {
        List<TokenAssert.Tok> toks = TokenAssert.tokens(a, line);
        for (Citation c : CitationRecognizer.standard().scan(line)) {
          if (c.kind() != Citation.Kind.EXPLICIT) continue; // partial and short forms are words, found through ref:
          assertTrue(toks.contains(new TokenAssert.Tok(c.canonical(), c.start(), c.end(),
              toks.stream().filter(t -> t.start() == c.start()).findFirst().map(TokenAssert.Tok::posInc).orElse(-1),
              CitationTokenizer.TYPE, true)), lang + ": " + c + " in " + toks);
          seen++;
        }
      }
    }
    assertTrue(seen >= 7 * 10, "citations seen: " + seen);
  }

  @Test
  void vietnameseCaptionsMatchInNfdAndThroughFolding() throws IOException {
    Analyzer vi = LanguageAnalyzers.forLanguage("vi");
    Analyzer folded = LanguageAnalyzers.folded();
    int checked = 0;
    for (String line : corpusLines()) {
      if (!line.matches(".*[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ].*")) continue;
      assertEquals(TokenAssert.terms(vi, line), TokenAssert.terms(vi, Normalizer.normalize(line, Normalizer.Form.NFD)));
      String bare = String.join(" ", TokenAssert.terms(folded, line));
      assertEquals(TokenAssert.terms(folded, line), TokenAssert.terms(folded, bare.replace("đ", "d")));
      checked++;
    }
    assertTrue(checked >= 5, "Vietnamese caption lines: " + checked);
  }

  @Test
  void sharedVietnameseTextInBothTonePlacementsAndNfd() throws IOException {
    Path baomoi = VI_DEV.resolve("baomoi");
    if (!Files.isDirectory(baomoi)) {
      System.out.println("[skip] " + baomoi.toAbsolutePath() + " absent: shared Vietnamese data not checked");
      Assumptions.abort("shared data absent: " + baomoi.toAbsolutePath());
    }
    Analyzer vi = LanguageAnalyzers.forLanguage("vi");
    Analyzer folded = LanguageAnalyzers.folded();
    List<Path> files;
    try (Stream<Path> s = Files.list(baomoi)) {
      files = s.sorted().limit(60).toList();
    }
    long tokens = 0;
    for (Path p : files) {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      List<String> terms = TokenAssert.terms(vi, text);
      tokens += terms.size();
      assertEquals(terms, TokenAssert.terms(vi, Normalizer.normalize(text, Normalizer.Form.NFD)), p.toString());
      String newStyle = text.replace("òa", "oà").replace("óa", "oá").replace("ỏa", "oả").replace("õa", "oã")
          .replace("ọa", "oạ").replace("ủy", "uỷ").replace("ùy", "uỳ").replace("úy", "uý").replace("ũy", "uỹ")
          .replace("ụy", "uỵ").replace("ỏe", "oẻ").replace("òe", "oè").replace("óe", "oé");
      // the rewrite can only change open oa/oe/uy syllables, which the filter unifies back
      assertEquals(terms, TokenAssert.terms(vi, newStyle), p.toString());
      for (String t : TokenAssert.terms(folded, text)) {
        if (t.contains("/")) continue; // citations keep their canonical form
        assertFalse(t.chars().anyMatch(ch -> "àáảãạâăêôơưđ".indexOf(ch) >= 0), t + " in " + p);
      }
    }
    assertTrue(tokens > 10_000, "tokens: " + tokens);
  }
}
