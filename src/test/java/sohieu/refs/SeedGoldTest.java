package sohieu.refs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every citation of the five seed articles in corpus/ (the repository's own fixtures), with kind, issue date and
 * the raw text, as checked by hand; and the same against the gold file (seed-citations.tsv, a copy of
 * ../shared/gold/seed-citations.tsv: the seeds ship in corpus/, so every clone checks it).
 */
final class SeedGoldTest {
  private static final CitationRecognizer R = CitationRecognizer.standard();
  private static final Path CORPUS = Paths.get("").toAbsolutePath().resolve("corpus");

  /** file -> expected "raw|canonical|kind|issued" in text order (issued "" when none). */
  private static final Map<String, List<String>> EXPECTED = new TreeMap<>(Map.of(
      "000_3b03ef79f46259d1.txt", List.of(
          "25-NQ/TW|25-NQ/TW|explicit|", "43- KL/TW|43-KL/TW|explicit|",
          "25-NQ/TW|25-NQ/TW|explicit|", "43-KL/TW|43-KL/TW|explicit|",
          "25-NQ/TW|25-NQ/TW|explicit|", "43-KL/TW|43-KL/TW|explicit|2019-01-07",
          "36-NQ/TW|36-NQ/TW|explicit|2004-03-26", "12-KL/TW|12-KL/TW|explicit|2021-08-12",
          "резолюции 25|25-NQ/TW|short|", "заключения 43|43-KL/TW|short|"),
      "001_95bb9a9cfe72fd45.txt", List.of(
          "210-KH/TU|210-KH/TU|explicit|2023-10-16", "12-CT/TW|12-CT/TW|explicit|2022-01-05"),
      "002_7ecb2339ddcb0247.txt", List.of(
          "12-KL/TW|12-KL/TW|explicit|2021-08-12", "12-CT/TW|12-CT/TW|explicit|2022-01-05",
          "25-CT/TW|25-CT/TW|explicit|2018-08-08"),
      "003_9c870309ebbbcf83.txt", List.of("décision n° 209|209-QĐ/TW|partial|2019-11-26"),
      "004_5d61ab061fae0b25.txt", List.of(
          "16-QD/TW|16-QĐ/TW|explicit|", "10/2022/QH15|10/2022/QH15|explicit|2022-11-10")));

  @Test
  void seedsInCorpusMatchTheHandCheckedTable() throws IOException {
    for (var e : EXPECTED.entrySet()) {
      String text = Files.readString(CORPUS.resolve(e.getKey()));
      assertEquals(e.getValue(), rows(text), e.getKey());
    }
  }

  @Test
  void goldFileMatches() throws IOException {
    Map<String, List<String>> want = new TreeMap<>();
    String gold;
    try (var in = SeedGoldTest.class.getResourceAsStream("seed-citations.tsv")) {
      gold = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    for (String line : gold.split("\n")) {
      if (line.startsWith("#") || line.isBlank()) continue;
      String[] c = (line + "\t\t\t\t\t\t").split("\t", -1);
      String file = c[0], raw = c[2], canon = c[3], kind = c[4], issued = c[5];
      String text = Files.readString(CORPUS.resolve(file));
      List<Citation> found = R.scan(text);
      if (kind.equals("negative") || kind.equals("informal")) {
        for (Citation x : found) assertTrue(!x.raw().equals(raw) && !x.sentence().isEmpty() && !raw.contains(x.raw()),
            file + ": " + kind + " row '" + raw + "' must not be cited, got " + x);
        continue;
      }
      want.computeIfAbsent(file, k -> new ArrayList<>()).add(raw + "|" + canon + "|" + kind + "|" + issued);
    }
    for (var e : want.entrySet()) assertEquals(e.getValue(), rows(Files.readString(CORPUS.resolve(e.getKey()))), e.getKey());
  }

  private static List<String> rows(String text) {
    List<String> got = new ArrayList<>();
    for (Citation c : R.scan(text)) {
      assertEquals(text.substring(c.start(), c.end()), c.raw());
      got.add(c.raw() + "|" + c.canonical() + "|" + c.kind().name().toLowerCase() + "|" + (c.issued() == null ? "" : c.issued()));
    }
    return got;
  }
}
