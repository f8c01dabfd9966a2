package io.greenstat.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.Launcher;
import io.greenstat.RandomFirmYears;
import io.greenstat.RawRowParquet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output paths a run refuses, through {@code jobs/greenstat}: exit code 2 with one line saying why,
 * no stack trace, and nothing touched.
 */
class OutputPathSafetyIT {
  @TempDir Path tmp;
  private Path input;

  @BeforeEach
  void writeInput() {
    input = tmp.resolve("in");
    RawRowParquet.writeFile(
        input.resolve("part-0.parquet"), RandomFirmYears.batch(5, 50, 2020, 2021, 0.0));
  }

  private Launcher.Outcome run(String output) throws Exception {
    return Launcher.run(
        tmp,
        "--driver-memory",
        "1g",
        "--conf",
        "spark.ui.enabled=false",
        "run",
        "--input",
        input.toString(),
        "--output",
        output);
  }

  private static String refused(Launcher.Outcome o) {
    assertEquals(2, o.exitCode(), o::toString);
    o.assertNoStackTrace();
    String line = o.errorLine();
    assertTrue(line.startsWith("greenstat: configuration error: "), line);
    return line;
  }

  @Test
  void aNonEmptyDirectoryWithoutManifestIsNotReplaced() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("thesis"));
    Files.writeString(out.resolve("chapter1.tex"), "years of work");
    String line = refused(run(out.toString()));
    assertTrue(line.contains("refusing to replace " + out), line);
    assertTrue(line.contains("no _MANIFEST.json"), line);
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(List.of(out.resolve("chapter1.tex")), s.toList());
    }
    assertEquals("years of work", Files.readString(out.resolve("chapter1.tex")));
    try (Stream<Path> s = Files.list(tmp)) {
      assertTrue(
          s.noneMatch(p -> p.getFileName().toString().startsWith(".thesis.")),
          "no staging directory left");
    }
  }

  @Test
  void theRootTheHomeDirectoryAndTheInputAreRefused() throws Exception {
    assertTrue(refused(run("/")).contains("root"));
    assertTrue(refused(run(System.getProperty("user.home"))).contains("home directory"));
    assertTrue(refused(run(input.toString())).contains("overlaps input"));
    assertTrue(refused(run(input.resolve("out").toString())).contains("overlaps input"));
    assertTrue(Files.notExists(input.resolve("out")));
  }
}
