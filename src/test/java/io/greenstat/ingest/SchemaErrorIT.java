package io.greenstat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.Launcher;
import io.greenstat.RandomFirmYears;
import io.greenstat.RawRowParquet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema error through {@code jobs/greenstat}: exit code 3 and one clear line naming the file,
 * the column and the type found, with no stack trace unless {@code --verbose}; nothing published.
 */
class SchemaErrorIT {
  @TempDir Path tmp;

  @Test
  void aStringEnergyColumnInOneFile_exitsThreeWithOneLine() throws Exception {
    Path input = tmp.resolve("in");
    RawRowParquet.writeFile(
        input.resolve("year=2020/part-0.parquet"), RandomFirmYears.batch(4, 40, 2020, 2020, 0));
    Path bad = input.resolve("year=2021/part-0.parquet");
    RawRowParquet.writeFile(
        bad,
        MessageTypeParser.parseMessageType(
            RawRowParquet.SCHEMA
                .toString()
                .replace("optional double energy_tce", "optional binary energy_tce (STRING)")),
        RandomFirmYears.batch(4, 40, 2021, 2021, 0));
    Path out = tmp.resolve("out");

    Launcher.Outcome o = run(input, out, false);
    assertEquals(3, o.exitCode(), o::toString);
    o.assertNoStackTrace();
    String line = o.errorLine();
    assertTrue(line.startsWith("greenstat: input rejected: file "), line);
    assertTrue(line.contains(bad.toString()), line);
    assertTrue(line.contains("column 'energy_tce' has type BINARY (STRING)"), line);
    assertTrue(line.contains("expected a number"), line);
    assertTrue(Files.notExists(out), "nothing published");

    Launcher.Outcome verbose = run(input, out, true);
    assertEquals(3, verbose.exitCode(), verbose::toString);
    assertTrue(verbose.stderr().contains("\tat "), "--verbose prints the stack trace");
    assertFalse(verbose.stdout().contains("\tat "), "stdout carries no stack trace");
    assertTrue(Files.notExists(out), "nothing published");
  }

  private Launcher.Outcome run(Path input, Path out, boolean verbose) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--driver-memory",
                "1g",
                "--conf",
                "spark.ui.enabled=false",
                "run",
                "--input",
                input.toString(),
                "--output",
                out.toString()));
    if (verbose) {
      args.add("--verbose");
    }
    return Launcher.run(tmp, Map.of(), args.toArray(String[]::new));
  }
}
