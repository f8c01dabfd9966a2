package io.greenstat.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.CsvRead;
import io.greenstat.FirmYearFixture;
import io.greenstat.RandomFirmYears;
import io.greenstat.TestSpark;
import io.greenstat.config.JobSettings;
import io.greenstat.config.SettingsLoader;
import io.greenstat.reference.RawRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark pipeline against the plain-Java reference implementation, on random batches with every
 * defect class: same accounting, same quarantined rows and reasons, same table cell by cell.
 */
class DifferentialTest {
  @TempDir Path tmp;

  @Test
  void randomBatchWithDefects_matchesTheReference() throws Exception {
    List<RawRow> rows =
        RandomFirmYears.withUnitErrors(RandomFirmYears.batch(7, 1500, 2018, 2022, 0.15), 8, 0.01);
    JobSettings settings =
        SettingsLoader.resolve(
            Map.of(), Map.of(), Map.of("spark.greenstat.quality.maxQuarantinedShare", "1"));
    check(rows, settings);
    List<String> reasons =
        CsvRead.read(tmp.resolve("out/tables/flags.csv")).stream()
            .map(f -> f.get("reason"))
            .toList();
    assertTrue(reasons.stream().anyMatch(x -> x.startsWith("unit_energy_")), "" + reasons);
    assertTrue(reasons.stream().anyMatch(x -> x.startsWith("unit_water_")), "" + reasons);
    assertTrue(reasons.stream().anyMatch(x -> x.startsWith("jump_")), "" + reasons);
  }

  @Test
  void quarantineModeWithUnitErrors_matchesTheReference() throws Exception {
    List<RawRow> rows =
        RandomFirmYears.withUnitErrors(RandomFirmYears.batch(13, 1200, 2018, 2022, 0.05), 14, 0.02);
    JobSettings settings =
        SettingsLoader.resolve(
            Map.of(),
            Map.of(),
            Map.of(
                "spark.greenstat.quality.maxQuarantinedShare", "1",
                "spark.greenstat.flags.mode", "quarantine",
                "spark.greenstat.flags.unitFactorTolerance", "0.4",
                "spark.greenstat.flags.jumpFactor", "8"));
    RunResult r = check(rows, settings);
    assertTrue(
        r.accounting().quarantineByReason().keySet().stream().anyMatch(k -> k.startsWith("unit_")),
        "unit errors quarantined: " + r.accounting().quarantineByReason());
  }

  @Test
  void otherSettings_matchTheReference() throws Exception {
    List<RawRow> rows = RandomFirmYears.batch(11, 800, 2016, 2023, 0.05);
    JobSettings settings =
        SettingsLoader.resolve(
            Map.of(),
            Map.of(),
            Map.of(
                "spark.greenstat.quality.maxQuarantinedShare", "1",
                "spark.greenstat.threshold.revenueYuan", "5000000",
                "spark.greenstat.threshold.comparison", ">",
                "spark.greenstat.years", "2017-2022",
                "spark.greenstat.energyIntensive.divisions", "06,25,26,30,31,44"));
    check(rows, settings);
  }

  private RunResult check(List<RawRow> rows, JobSettings settings) throws Exception {
    Path in = tmp.resolve("in");
    List<Row> sparkRows = new ArrayList<>();
    for (RawRow r : rows) {
      sparkRows.add(r.toSparkRow());
    }
    // Hive-partitioned by year, several files per year, as national datasets arrive.
    TestSpark.get()
        .createDataFrame(sparkRows, FirmYearFixture.SCHEMA)
        .repartition(3)
        .write()
        .partitionBy("year")
        .parquet(in.toString());
    return ReferenceCheck.runAndCompare(rows, in, tmp.resolve("out"), settings);
  }
}
