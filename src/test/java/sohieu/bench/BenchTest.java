package sohieu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's own logic: scripts/bench's options and rg's pattern for a reference. */
class BenchTest {
  @Test
  void optionsAsScriptsBenchTakesThem() {
    Bench.Options o = Bench.Options.parse(new String[] {"--docs", "2000,10000", "--large", "--no-pipeline", "--seed", "7",
        "--reuse-index", "1000000", "--against", "v0.1"});
    assertEquals(List.of(2000, 10000, 100000, 1000000), o.sizes());
    assertEquals(7, o.seed());
    assertEquals(List.of(1000000), o.reuse());
    assertFalse(o.pipeline());
    assertEquals("v0.1", o.against());
    Bench.Options d = Bench.Options.parse(new String[0]);
    assertEquals(List.of(10000), d.sizes());
    assertEquals(100000, d.pipelineMax());
    assertEquals("HEAD~1", d.against());
    assertEquals("unknown argument --bogus", assertThrows(Bench.Usage.class, () -> Bench.Options.parse(new String[] {"--bogus"})).getMessage());
    assertEquals("--docs needs a value", assertThrows(Bench.Usage.class, () -> Bench.Options.parse(new String[] {"--docs"})).getMessage());
  }

  @Test
  void rgPatternToleratesSpacingDashesAndD() {
    assertEquals("(?i)(?-u:\\b)16\\s*[-–—]\\s*q[dđ]\\s*/\\s*tw(?-u:\\b)", CiteBench.regex("16-QĐ/TW"));
    assertEquals("(?i)(?-u:\\b)210\\s*[-–—]\\s*kh\\s*/\\s*tu(?-u:\\b)", CiteBench.regex("210-KH/TU"));
  }
}
