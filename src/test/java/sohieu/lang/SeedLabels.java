package sohieu.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads src/test/resources/sohieu/lang/seed-paragraphs.tsv and resolves each (file, line) in corpus/. */
final class SeedLabels {
  record Label(String file, int line, String lang, String text) {}

  static List<Label> load(Path projectRoot) throws IOException {
    List<Label> out = new ArrayList<>();
    Map<String, List<String>> files = new HashMap<>();
    try (InputStream in = SeedLabels.class.getResourceAsStream("seed-paragraphs.tsv")) {
      if (in == null) throw new IOException("seed-paragraphs.tsv is not on the class path");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#") || line.startsWith("file\t") || line.isBlank()) continue;
        String[] f = line.split("\t");
        List<String> lines = files.get(f[0]);
        if (lines == null) {
          lines = Files.readAllLines(projectRoot.resolve("corpus").resolve(f[0]), StandardCharsets.UTF_8);
          files.put(f[0], lines);
        }
        int n = Integer.parseInt(f[1]);
        String text = lines.get(n - 1).strip();
        if (text.length() != Integer.parseInt(f[3]))
          throw new IOException(f[0] + ":" + n + " is " + text.length() + " chars, the label says " + f[3] + ": corpus changed?");
        out.add(new Label(f[0], n, f[2], text));
      }
    }
    return out;
  }
}
