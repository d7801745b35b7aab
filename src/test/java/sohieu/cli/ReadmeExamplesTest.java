package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code $ scripts/sohieu ...} line of the README runs, against an index of the shipped corpus. */
class ReadmeExamplesTest {
  @TempDir Path tmp;

  @Test
  void everyExampleRuns() throws Exception {
    String index = tmp.resolve("index").toString();
    List<List<String>> examples = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("README.md"))) {
      if (line.startsWith("$ scripts/sohieu ")) examples.add(words(line.substring("$ scripts/sohieu ".length())));
    }
    assertTrue(examples.size() >= 10, "README examples: " + examples.size());
    for (List<String> args : examples) {
      List<String> full = new ArrayList<>(args);
      String cmd = args.get(0);
      if (!cmd.equals("scan") && !cmd.equals("completion")) full.addAll(List.of("--index", index));
      CliTest.Run r = CliTest.run(full.toArray(String[]::new));
      assertTrue(r.code() == 0 || r.code() == 1, args + " exited " + r.code() + ": " + r.err());
      assertFalse(r.err().contains("internal error"), args + ": " + r.err());
    }
  }

  /** Splits a command line as a POSIX shell would for these examples: spaces, single and double quotes. */
  private static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) quote = 0; else w.append(c);
      } else if (c == '\'' || c == '"') {
        quote = c;
        any = true;
      } else if (c == ' ') {
        if (any || !w.isEmpty()) out.add(w.toString());
        w.setLength(0);
        any = false;
      } else {
        w.append(c);
      }
    }
    if (any || !w.isEmpty()) out.add(w.toString());
    return out;
  }
}
