package sohieu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohieu.cli.CliTest.Run;
import sohieu.schema.SchemaVersion;

/** Every command on an index of another schema says so in one line, with how to rebuild, and never "internal error". */
class SchemaVersionCliTest {
  @TempDir Path tmp;

  @Test
  void everyCommandOnAnIndexOfTheSchemaBeforeVersionsSaysHowToRebuild() throws Exception {
    Path from = Path.of(SchemaVersionCliTest.class.getResource("/sohieu/schema/index-v1").toURI());
    Path index = Files.createDirectories(tmp.resolve("old"));
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) Files.copy(f, index.resolve(f.getFileName()));
    }
    Path doc = Files.writeString(tmp.resolve("a.txt"), "Thực hiện Chỉ thị số 12-CT/TW của Ban Bí thư.\n");
    String line = "index " + index + " was written by schema 1, this is " + SchemaVersion.CURRENT
        + ": run `sohieu ingest --index NEW-FOLDER PATH...` to rebuild it from its files";
    for (List<String> args : List.of(List.of("search", "Politburo"), List.of("cite", "16-QD/TW"), List.of("refs"),
        List.of("stats"), List.of("show", "004"), List.of("ingest", doc.toString()))) {
      String[] argv = Stream.concat(args.stream(), Stream.of("--index", index.toString())).toArray(String[]::new);
      Run r = CliTest.run(argv);
      assertEquals(Main.ERROR, r.code(), args + ": " + r.out() + r.err());
      assertEquals("sohieu " + args.get(0) + ": " + line + "\n", r.err(), args.toString());
      assertEquals("", r.out(), args.toString());
    }
    Run check = CliTest.run("check", "--index", index.toString());
    assertEquals(Main.NOTHING, check.code(), check.out() + check.err());
    assertEquals("outdated: " + line + "\n", check.out());
    assertFalse(check.err().contains("internal error"), check.err());

    // The rebuild the line asks for runs as written.
    Path rebuilt = tmp.resolve("new");
    Run ingest = CliTest.run("ingest", "--index", rebuilt.toString(), doc.toString());
    assertEquals(0, ingest.code(), ingest.err());
    Run cite = CliTest.run("cite", "12-CT/TW", "--index", rebuilt.toString());
    assertEquals(0, cite.code(), cite.err());
    assertTrue(cite.out().startsWith("12-CT/TW  cited by 1 article"), cite.out());
  }
}
