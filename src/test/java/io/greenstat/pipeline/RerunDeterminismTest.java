package io.greenstat.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.FirmYearFixture;
import io.greenstat.RandomFirmYears;
import io.greenstat.RawRowParquet;
import io.greenstat.TestSpark;
import io.greenstat.config.JobSettings;
import io.greenstat.config.SettingsLoader;
import io.greenstat.reference.RawRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs of the same input with the same settings publish byte-identical tables (CSV and
 * Parquet), quarantine, summary.json and report.html; only _MANIFEST.json (wall-clock times) may
 * differ. The second run replaces the first in the same output directory, as a scheduler does.
 */
class RerunDeterminismTest {
  @TempDir Path tmp;

  /** Every file under {@code dir}: relative path → SHA-256 of its bytes. */
  static Map<String, String> digests(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(dir.relativize(p).toString(), sha256(Files.readAllBytes(p)));
      }
    }
    return m;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> withoutManifest(Map<String, String> files) {
    Map<String, String> m = new TreeMap<>(files);
    m.remove("_MANIFEST.json");
    m.remove("._MANIFEST.json.crc");
    return m;
  }

  @Test
  void sameInputTwice_givesTheSameBytesExceptTheManifest() throws IOException {
    List<RawRow> rows = RandomFirmYears.batch(3, 400, 2019, 2022, 0.04);
    Path in = tmp.resolve("in");
    // Partitioned by year, several files per year, so that file order and task order matter.
    TestSpark.get()
        .createDataFrame(RawRowParquet.sparkRows(rows), FirmYearFixture.SCHEMA)
        .repartition(3)
        .write()
        .partitionBy("year")
        .parquet(in.toString());
    JobSettings settings =
        SettingsLoader.resolve(
            Map.of(), Map.of(), Map.of("spark.greenstat.quarantine.rowsPerFile", "7"));
    Path out = tmp.resolve("out");

    RunResult first =
        new IntensityPipeline(
                TestSpark.get(), new RunRequest(in.toString(), out.toString(), settings))
            .run();
    Map<String, String> before = digests(out);
    new IntensityPipeline(TestSpark.get(), new RunRequest(in.toString(), out.toString(), settings))
        .run();
    Map<String, String> after = digests(out);

    assertTrue(first.accounting().rowsQuarantined() > 14, "several quarantine files");
    for (String expected :
        new String[] {
          "tables/industry_year.csv",
          "tables/industry_year/part-00000.snappy.parquet",
          "quarantine/part-00000.snappy.parquet",
          "quarantine/part-00001.snappy.parquet",
          "report.html",
          "summary.json",
          "_SUCCESS"
        }) {
      assertTrue(before.containsKey(expected), () -> expected + " in " + before.keySet());
    }
    assertEquals(withoutManifest(before), withoutManifest(after));
  }
}
