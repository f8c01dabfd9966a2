package io.greenstat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.TestSpark;
import io.greenstat.config.SettingsLoader;
import io.greenstat.pipeline.IntensityPipeline;
import io.greenstat.pipeline.RunRequest;
import io.greenstat.pipeline.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input-level outcomes of the contract: what stops a run before any output (exit code 3), and
 * what is accepted. Each dataset is written by Spark SQL with the exact physical types of the case.
 */
class InputRejectionTest {
  @TempDir Path tmp;

  private static final String GOOD_ROW =
      "'F1' AS firm_id, '3110' AS industry_code, '11' AS province_code,"
          + " 5.0E7 AS revenue_yuan, 1.0E7 AS added_value_yuan, 500.0 AS energy_tce,"
          + " 2000.0 AS water_m3";

  private void write(Path dir, String selectList) {
    TestSpark.get().sql("SELECT " + selectList).coalesce(1).write().parquet(dir.toString());
  }

  private RunResult run(Path input) {
    return new IntensityPipeline(
            TestSpark.get(),
            new RunRequest(
                input.toString(), tmp.resolve("out").toString(), SettingsLoader.defaults()))
        .run();
  }

  private InputRejectedException rejected(Path input) {
    InputRejectedException e = assertThrows(InputRejectedException.class, () -> run(input));
    assertTrue(Files.notExists(tmp.resolve("out")), "nothing is published");
    return e;
  }

  private static Path dataFile(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
  }

  @Test
  void missingRequiredColumn_namesFileAndColumn() throws IOException {
    Path in = tmp.resolve("in/year=2020");
    write(in, GOOD_ROW.replace(", 2000.0 AS water_m3", ""));
    String msg = rejected(tmp.resolve("in")).getMessage();
    assertTrue(msg.contains("missing required column 'water_m3'"), msg);
    assertTrue(msg.contains(dataFile(in).getFileName().toString()), msg);
  }

  @Test
  void stringWhereANumberBelongs_inOneFileOnly() {
    write(tmp.resolve("in/year=2020"), GOOD_ROW);
    write(
        tmp.resolve("in/year=2021"),
        GOOD_ROW.replace("500.0 AS energy_tce", "'500' AS energy_tce"));
    String msg = rejected(tmp.resolve("in")).getMessage();
    assertTrue(msg.contains("year=2021"), msg);
    assertTrue(msg.contains("'energy_tce' has type BINARY (STRING)"), msg);
    assertTrue(msg.contains("expected a number"), msg);
  }

  @Test
  void intInOneYearAndDoubleAndDecimalInOthers_areWidened() {
    write(
        tmp.resolve("in/year=2019"),
        GOOD_ROW.replace("500.0 AS energy_tce", "CAST(500 AS INT) AS energy_tce"));
    write(
        tmp.resolve("in/year=2020"),
        GOOD_ROW.replace(
            "5.0E7 AS revenue_yuan", "CAST(20000000.00 AS DECIMAL(14,2)) AS revenue_yuan"));
    write(
        tmp.resolve("in/year=2021"),
        GOOD_ROW.replace("2000.0 AS water_m3", "CAST(2000 AS BIGINT) AS water_m3"));
    RunResult r = run(tmp.resolve("in"));
    assertEquals(3, r.accounting().rowsAggregated());
    assertEquals(3, r.accounting().inputFiles());
  }

  @Test
  void yearColumnInsideTheFileIsUsed() {
    write(tmp.resolve("flat"), GOOD_ROW + ", 2018 AS year");
    RunResult r = run(tmp.resolve("flat"));
    assertEquals(2018, r.industryYears().get(0).year());
  }

  @Test
  void noYearAnywhere_isRejected() {
    write(tmp.resolve("flat"), GOOD_ROW);
    String msg = rejected(tmp.resolve("flat")).getMessage();
    assertTrue(msg.contains("missing required column 'year'"), msg);
  }

  @Test
  void truncatedFile_isRejectedNamingIt() throws IOException {
    write(tmp.resolve("in/year=2020"), GOOD_ROW);
    Path f = dataFile(tmp.resolve("in"));
    byte[] bytes = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    String msg = rejected(tmp.resolve("in")).getMessage();
    assertTrue(msg.contains("unreadable Parquet file"), msg);
    assertTrue(msg.contains(f.getFileName().toString()), msg);
  }

  @Test
  void garbageWithParquetName_isRejected() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("in/year=2020"));
    Files.writeString(dir.resolve("part-0.parquet"), "this is not parquet at all");
    assertTrue(rejected(tmp.resolve("in")).getMessage().contains("part-0.parquet"));
  }

  @Test
  void nonParquetFilesInTheTree_areIgnored() throws IOException {
    write(tmp.resolve("in/year=2020"), GOOD_ROW);
    Files.writeString(tmp.resolve("in/README"), "data from the provinces\n");
    Files.writeString(tmp.resolve("in/notes.txt"), "more notes\n");
    Files.writeString(tmp.resolve("in/_SUCCESS"), "");
    Files.writeString(tmp.resolve("in/year=2020/.part.crc"), "crc");
    RunResult r = run(tmp.resolve("in"));
    assertEquals(1, r.accounting().rowsRead());
    assertEquals(1, r.accounting().inputFiles());
  }

  @Test
  void emptyDirectory_isRejected() throws IOException {
    Files.createDirectories(tmp.resolve("empty"));
    assertTrue(rejected(tmp.resolve("empty")).getMessage().contains("no Parquet data files"));
  }

  @Test
  void missingPath_isRejected() {
    assertTrue(rejected(tmp.resolve("nope")).getMessage().startsWith("input path does not exist"));
  }

  @Test
  void filesWithNoRows_areRejected() {
    write(tmp.resolve("in/year=2020"), GOOD_ROW + " WHERE 1 = 0");
    assertTrue(rejected(tmp.resolve("in")).getMessage().contains("no rows"));
  }
}
