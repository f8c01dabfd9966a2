package io.greenstat.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenstat.CsvRead;
import io.greenstat.RandomFirmYears;
import io.greenstat.RawRowParquet;
import io.greenstat.TestSpark;
import io.greenstat.config.JobSettings;
import io.greenstat.config.SettingsLoader;
import io.greenstat.generate.GenerateJob;
import io.greenstat.generate.GeneratorOptions;
import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.reference.ContractReference;
import io.greenstat.reference.RawRow;
import io.greenstat.reference.ReferenceParams;
import io.greenstat.reference.ReferenceResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the synthetic national panel: with defects, every published cell equals the
 * plain-Java reference over the same rows; on a clean panel, the planted per-division trends of
 * {@code truth.json} are recovered.
 */
class GeneratedPanelTest {
  @TempDir Path tmp;

  private static List<RawRow> readRaw(Path dataset) {
    List<RawRow> rows = new ArrayList<>();
    for (Row r :
        TestSpark.get()
            .read()
            .option("pathGlobFilter", "*.parquet")
            .parquet(dataset.toString())
            .collectAsList()) {
      rows.add(
          new RawRow(
              r.getAs("firm_id"),
              r.getAs("year"),
              r.getAs("industry_code"),
              r.getAs("province_code"),
              r.getAs("revenue_yuan"),
              r.getAs("added_value_yuan"),
              r.getAs("energy_tce"),
              r.getAs("water_m3"),
              r.getAs("co2_t"),
              null));
    }
    return rows;
  }

  @Test
  void panelWithDefects_everyCellMatchesTheReference() throws Exception {
    Path in = tmp.resolve("panel");
    GenerateJob.run(
        TestSpark.get(), new GeneratorOptions(4_000, 2018, 2022, 99, 0.02), in.toString());
    List<RawRow> rows = readRaw(in);
    RunResult r =
        ReferenceCheck.runAndCompare(rows, in, tmp.resolve("out"), SettingsLoader.defaults());
    assertEquals(rows.size(), r.accounting().rowsRead());
    assertTrue(r.accounting().duplicatesCollapsed() > 0);
    assertTrue(r.accounting().quarantineByReason().containsKey("conflicting_duplicate"));
  }

  /**
   * The generator plants no unit errors (its defect classes are the contract's invalid rows), so
   * this test plants them in a clean panel ({@link RandomFirmYears#withUnitErrors}: energy × 1 000
   * or ÷ 10 000, added value ÷ 10 000, water × 1 000, in 4 % of the rows; about 10 % of the rows
   * are above the threshold) and measures recall (the planted, aggregated rows in division-years of
   * 20 firms or more are flagged as unit errors) and precision (clean aggregated rows, whose
   * previous year is clean too, are rarely flagged: never as unit errors, as jumps only where the
   * generator's own yearly variation reaches a factor of 10).
   */
  @Test
  void plantedUnitErrorsAreFlagged_cleanRowsRarely() throws Exception {
    Path clean = tmp.resolve("clean-for-flags");
    GenerateJob.run(
        TestSpark.get(), new GeneratorOptions(8_000, 2019, 2022, 21, 0.0), clean.toString());
    List<RawRow> original = readRaw(clean);
    List<RawRow> rows = RandomFirmYears.withUnitErrors(original, 22, 0.04);
    java.util.Set<String> planted = new java.util.HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      if (!rows.get(i).equals(original.get(i))) {
        planted.add(rows.get(i).firmId() + "|" + rows.get(i).year());
      }
    }
    Path in = RawRowParquet.writeWithSpark(tmp.resolve("planted"), rows, 4);
    Path out = tmp.resolve("out-flags");
    JobSettings settings = SettingsLoader.defaults();
    new IntensityPipeline(TestSpark.get(), new RunRequest(in.toString(), out.toString(), settings))
        .run();
    ReferenceResult expected = ContractReference.compute(rows, ReferenceParams.of(settings));
    ReferenceCheck.assertSameFlags(expected.flags(), out);

    // Recall is measured on planted rows that are aggregated, in division-years of 20 firms or
    // more (a robust median); smaller ones are checked too but a few errors can move their median.
    Map<String, Long> firmsPerDivisionYear = new HashMap<>();
    expected
        .aggregated()
        .forEach(
            r ->
                firmsPerDivisionYear.merge(
                    r.industryCode().substring(0, 2) + "|" + r.year(), 1L, Long::sum));
    java.util.Set<String> flagged = new java.util.HashSet<>();
    java.util.Set<String> flaggedUnit = new java.util.HashSet<>();
    for (Map<String, String> f : CsvRead.read(out.resolve("tables/flags.csv"))) {
      String key = f.get("firm_id") + "|" + f.get("year");
      flagged.add(key);
      if (f.get("reason").startsWith("unit_")) {
        flaggedUnit.add(key);
      }
    }
    long checkedPlanted = 0;
    long found = 0;
    long cleanAggregated = 0;
    long cleanFlagged = 0;
    long cleanUnitFlagged = 0;
    for (RawRow r : expected.aggregated()) {
      String key = r.firmId() + "|" + r.year();
      String group = r.industryCode().substring(0, 2) + "|" + r.year();
      if (planted.contains(key)) {
        if (firmsPerDivisionYear.get(group) >= 20) {
          checkedPlanted++;
          found += flaggedUnit.contains(key) ? 1 : 0;
        }
      } else if (!planted.contains(r.firmId() + "|" + (r.year() - 1))) {
        // (a clean row after a planted one is compared with a wrong previous year: not counted)
        cleanAggregated++;
        cleanFlagged += flagged.contains(key) ? 1 : 0;
        cleanUnitFlagged += flaggedUnit.contains(key) ? 1 : 0;
      }
    }
    String summary =
        String.format(
            "planted and checked %d, flagged as unit errors %d; clean %d, flagged %d (unit %d)",
            checkedPlanted, found, cleanAggregated, cleanFlagged, cleanUnitFlagged);
    assertTrue(checkedPlanted >= 30, summary);
    assertTrue(found >= 0.95 * checkedPlanted, "recall: " + summary);
    assertTrue(cleanUnitFlagged <= 0.001 * cleanAggregated, "precision (unit): " + summary);
    assertTrue(cleanFlagged <= 0.01 * cleanAggregated, "precision (all): " + summary);
    System.out.println("GeneratedPanelTest flags: " + summary);
  }

  @Test
  void plantedDivisionTrendsAreRecovered() throws Exception {
    Path in = tmp.resolve("clean");
    int first = 2016;
    int last = 2023;
    GenerateJob.run(
        TestSpark.get(), new GeneratorOptions(12_000, first, last, 5, 0.0), in.toString());
    // Every firm counts (threshold 0), so each division has enough firms for a stable ratio.
    JobSettings all =
        SettingsLoader.resolve(
            Map.of(), Map.of(), Map.of("spark.greenstat.threshold.revenueYuan", "0"));
    RunResult r =
        new IntensityPipeline(
                TestSpark.get(), new RunRequest(in.toString(), tmp.resolve("out").toString(), all))
            .run();
    JsonNode truth =
        new ObjectMapper().readTree(in.resolve("truth.json").toFile()).get("divisions");

    Map<String, IndustryYear> byKey = new HashMap<>();
    for (IndustryYear y : r.industryYears()) {
      if (y.level() == GroupLevel.DIVISION) {
        byKey.put(y.code() + "/" + y.year(), y);
      }
    }
    int checked = 0;
    List<String> misses = new ArrayList<>();
    for (var it = truth.fields(); it.hasNext(); ) {
      var e = it.next();
      IndustryYear a = byKey.get(e.getKey() + "/" + first);
      IndustryYear b = byKey.get(e.getKey() + "/" + last);
      if (a == null || b == null || a.totals().firms() < 100 || b.totals().firms() < 100) {
        continue; // too few firms for a stable ratio of sums
      }
      checked++;
      double energy = Math.pow(b.energyIntensity() / a.energyIntensity(), 1.0 / (last - first)) - 1;
      double water = Math.pow(b.waterIntensity() / a.waterIntensity(), 1.0 / (last - first)) - 1;
      double plantedEnergy = e.getValue().get("energy_rate_per_year").asDouble();
      double plantedWater = e.getValue().get("water_rate_per_year").asDouble();
      if (Math.abs(energy - plantedEnergy) > 0.01 || Math.abs(water - plantedWater) > 0.01) {
        misses.add(
            String.format(
                "%s: energy %.4f vs planted %.4f, water %.4f vs %.4f",
                e.getKey(), energy, plantedEnergy, water, plantedWater));
      }
    }
    assertTrue(checked >= 15, "divisions with enough firms: " + checked);
    assertTrue(misses.isEmpty(), "recovered annual rates off by more than 1 pp: " + misses);
  }
}
