package io.greenstat.pipeline;

import static io.greenstat.FirmYearFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.CsvRead;
import io.greenstat.FirmYearFixture;
import io.greenstat.TestSpark;
import io.greenstat.config.SettingsLoader;
import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.IndustryYear;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values so large that their sums (or ratios) overflow a double: no Infinity or NaN may reach any
 * output. An overflowed sum is published empty, and so is every ratio built on it.
 */
class OverflowTest {
  @TempDir Path tmp;

  @Test
  void overflowingSumsAndRatiosNeverReachTheOutputs() throws IOException {
    FirmYearFixture f =
        new FirmYearFixture()
            .add(
                // 31 (EI6, C) in 2021: energy, water and CO2 sums overflow (2 × 1e308).
                row().firm("E1").year(2021).energy(1e308).water(1e308).co2(1e308),
                row().firm("E2").year(2021).energy(1e308).water(1e308).co2(1e308),
                // 44 (D) in 2022: the added value sum overflows, so every ratio is empty.
                row().firm("V1").year(2022).code("4411").va(1e308),
                row().firm("V2").year(2022).code("4411").va(1e308),
                // 13 in 2022: the revenue sum overflows.
                row().firm("R1").year(2022).code("1310").revenue(1e308),
                row().firm("R2").year(2022).code("1310").revenue(1e308),
                // 06 (B): tiny intensity in 2020, ordinary in 2021: the year-on-year change,
                // (2000 / 1e-303 − 1) × 100, overflows although both intensities are finite.
                row().firm("M1").year(2020).code("0610").va(1e7).energy(1e-300),
                row().firm("M1").year(2021).code("0610").va(1e7).energy(2e6));
    Path in = f.writeTo(tmp.resolve("in"));
    Path out = tmp.resolve("out");
    RunResult r =
        new IntensityPipeline(
                TestSpark.get(),
                new RunRequest(in.toString(), out.toString(), SettingsLoader.defaults()))
            .run();
    assertEquals(8, r.accounting().rowsAggregated());

    // In the result: overflowed sums give empty ratios; the B change is empty, not infinite.
    IndustryYear steel = find(r, GroupLevel.DIVISION, "31", 2021);
    assertNull(steel.energyIntensity());
    assertNull(steel.waterIntensity());
    assertNull(steel.co2Intensity());
    IndustryYear power = find(r, GroupLevel.DIVISION, "44", 2022);
    assertNull(power.energyIntensity());
    assertNull(power.waterIntensity());
    IndustryYear mining = find(r, GroupLevel.DIVISION, "06", 2021);
    assertEquals(2000.0, mining.energyIntensity(), 1e-9);
    assertNull(mining.energyYoyPct(), "an overflowing change is empty");
    for (IndustryYear row : r.industryYears()) {
      for (Double v :
          new Double[] {
            row.energyIntensity(), row.waterIntensity(), row.co2Intensity(),
            row.energyYoyPct(), row.waterYoyPct(), row.co2YoyPct()
          }) {
        assertTrue(v == null || Double.isFinite(v), () -> "non-finite ratio in " + row);
      }
    }

    // CSV: overflowed sums are empty cells; no cell is Infinity or NaN.
    List<Map<String, String>> csv = CsvRead.read(out.resolve("tables/industry_year.csv"));
    Map<String, String> csvSteel =
        csv.stream()
            .filter(m -> m.get("industry_code").equals("31") && m.get("year").equals("2021"))
            .findFirst()
            .orElseThrow();
    assertEquals("", csvSteel.get("energy_tce"));
    assertEquals("", csvSteel.get("energy_intensity_tce_per_10k_yuan"));
    for (Map<String, String> row : csv) {
      for (String cell : row.values()) {
        assertFalse(
            cell.contains("Infinity") || cell.contains("NaN"),
            () -> "CSV cell " + cell + " " + row);
      }
    }

    // Parquet: the table and the quarantine hold only finite numbers or nulls.
    assertAllFinite(out.resolve("tables/industry_year"));
    assertAllFinite(out.resolve("quarantine"));

    // summary.json and report.html: no Infinity or NaN token, and finite SVG coordinates.
    String summary = Files.readString(out.resolve("summary.json"));
    assertFalse(summary.contains("Infinity") || summary.contains("NaN"), summary);
    String html = Files.readString(out.resolve("report.html"));
    assertFalse(html.contains("Infinity"), "report.html shows Infinity");
    assertFalse(html.replace("infinite or NaN", "").contains("NaN"), "report.html shows NaN");
    assertFalse(html.contains("\u221e"), "report.html shows ∞");
    Matcher coords = Pattern.compile(" (?:x|y|x1|x2|y1|y2|cx|cy)=\"([^\"]*)\"").matcher(html);
    int checked = 0;
    while (coords.find()) {
      assertTrue(Double.isFinite(Double.parseDouble(coords.group(1))), coords.group());
      checked++;
    }
    assertTrue(checked > 0, "the report has charts");
  }

  private static IndustryYear find(RunResult r, GroupLevel level, String code, int year) {
    return r.industryYears().stream()
        .filter(x -> x.level() == level && x.code().equals(code) && x.year() == year)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + code + " " + year));
  }

  private static void assertAllFinite(Path parquetDir) {
    var df = TestSpark.get().read().parquet(parquetDir.toString());
    List<String> doubles = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      if (f.dataType().equals(DataTypes.DoubleType)) {
        doubles.add(f.name());
      }
    }
    for (Row row : df.collectAsList()) {
      for (String c : doubles) {
        Double v = row.getAs(c);
        assertTrue(v == null || Double.isFinite(v), () -> parquetDir + ": " + c + " = " + v);
      }
    }
  }
}
