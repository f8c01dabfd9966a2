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
import java.util.TreeMap;
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
      rows.add(RawRow.of(r));
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

  /**
   * A planted structural shift is recovered by the LMDI decomposition: the energy-intensive
   * divisions' added value falls by 10 % a year against the others' (so their share of added value
   * falls), while each division's energy intensity follows its planted trend. The expected
   * structure and intensity effects are computed here, by hand, from {@code truth.json} only (the
   * expected division shares of added value per year and the planted intensities base × (1 +
   * rate)^t) with the LMDI-I formulas of DOMAIN §5.3, and compared with {@code
   * tables/decomposition.csv} at current prices: every yearly row and every chained row.
   */
  @Test
  void plantedStructuralShiftIsRecoveredByTheDecomposition() throws Exception {
    Path in = tmp.resolve("shifted");
    int first = 2015;
    int last = 2022;
    GenerateJob.run(
        TestSpark.get(), new GeneratorOptions(6_000, first, last, 3, 0.0, -0.10), in.toString());
    // Every firm counts (threshold 0): the expected shares of truth.json are over all firms.
    JobSettings all =
        SettingsLoader.resolve(
            Map.of(), Map.of(), Map.of("spark.greenstat.threshold.revenueYuan", "0"));
    Path out = tmp.resolve("shifted-out");
    new IntensityPipeline(TestSpark.get(), new RunRequest(in.toString(), out.toString(), all))
        .run();

    JsonNode truth = new ObjectMapper().readTree(in.resolve("truth.json").toFile());
    // year -> division -> {share S_d, intensity I_d in tce per 10 000 yuan}, from the truth only
    Map<Integer, Map<String, double[]>> planted = new TreeMap<>();
    for (int y = first; y <= last; y++) {
      JsonNode shares = truth.get("structure_shift").get("expected_va_share_by_year").get("" + y);
      Map<String, double[]> year = new TreeMap<>();
      for (var it = truth.get("divisions").fields(); it.hasNext(); ) {
        var d = it.next();
        double intensity =
            d.getValue().get("energy_intensity_tce_per_10k_yuan").asDouble()
                * Math.pow(1 + d.getValue().get("energy_rate_per_year").asDouble(), y - first);
        year.put(d.getKey(), new double[] {shares.get(d.getKey()).asDouble(), intensity});
      }
      planted.put(y, year);
    }

    List<String> misses = new ArrayList<>();
    int checked = 0;
    for (Map<String, String> row : CsvRead.read(out.resolve("tables/decomposition.csv"))) {
      if (!row.get("prices").equals("current")) {
        continue; // the generator plants no price change: constant prices are another question
      }
      int from = Integer.parseInt(row.get("from_year"));
      int to = Integer.parseInt(row.get("to_year"));
      // Chained rows multiply the yearly factors: so does the expectation.
      double str = 1;
      double inten = 1;
      for (int y = from; y < to; y++) {
        double[] e = expectedLmdi(planted.get(y), planted.get(y + 1));
        str *= e[0];
        inten *= e[1];
      }
      double gotStr = Double.parseDouble(row.get("structure_ratio"));
      double gotInt = Double.parseDouble(row.get("intensity_ratio"));
      // Tolerances, on ln(recovered / planted), from sampling noise: over 6 seeds × 7 yearly rows
      // of this panel (6 000 firms, 2015-2022, shift -10 %) the yearly deviation had a standard
      // deviation of 0.018 for the structure effect (a few large firms' revenue noise and growth
      // move whole divisions' shares) and 0.0031 for the intensity effect (the firm factors
      // average out within a division); the 7-year chains 0.038 and 0.0033. A chain over k years
      // adds k yearly deviations: at most σ·√k if they are independent (they partly cancel).
      // Allowed: 4 σ √k. Swapping the two effects fails: the planted effects over 2015→2022
      // differ by ln(0.778 / 0.646) = 0.19 against an intensity tolerance of 0.033.
      double k = Math.sqrt(to - from);
      double strTol = 4 * 0.018 * k;
      double intTol = 4 * 0.0031 * k;
      System.out.printf(
          "GeneratedPanelTest: %d→%d structure %.4f (planted %.4f), intensity %.4f (planted"
              + " %.4f)%n",
          from, to, gotStr, str, gotInt, inten);
      if (Math.abs(Math.log(gotStr / str)) > strTol
          || Math.abs(Math.log(gotInt / inten)) > intTol) {
        misses.add(
            String.format(
                "%d→%d: structure %.4f vs planted %.4f, intensity %.4f vs planted %.4f",
                from, to, gotStr, str, gotInt, inten));
      }
      if (from == first && to == last) {
        // The test can fail: the planted effects are told apart by far more than the tolerance.
        assertTrue(Math.abs(Math.log(str / inten)) > 4 * intTol, "planted effects too alike");
        assertTrue(Math.abs(Math.log(str)) > 2 * strTol, "planted structure effect too small");
      }
      checked++;
    }
    assertEquals((last - first) + 3, checked, "yearly rows plus 3 chained rows at current prices");
    assertTrue(misses.isEmpty(), "decomposition off the planted split: " + misses);

    // The same output's targets table: the current-price columns as before, then the comparable
    // ones, filled (the shipped price indices cover 2015-2025).
    List<Map<String, String>> targets = CsvRead.read(out.resolve("tables/targets.csv"));
    List<String> header = new ArrayList<>(targets.get(0).keySet());
    assertEquals(
        List.of(
            "indicator",
            "scope",
            "base_year",
            "target_year",
            "target_change_pct",
            "series",
            "latest_year",
            "cumulative_change_pct",
            "share_of_target_pct",
            "required_annual_change_pct",
            "path_change_pct",
            "on_track",
            "base_level",
            "latest_level",
            "reason",
            "source"),
        header.subList(0, 16));
    assertEquals("comparable_series", header.get(16));
    Map<String, String> energy = targets.get(0);
    assertEquals("energy_intensity", energy.get("indicator"));
    assertEquals("2022", energy.get("comparable_latest_year"));
    assertTrue(!energy.get("comparable_cumulative_change_pct").isEmpty(), energy.toString());
    assertEquals("", energy.get("comparable_reason"));
  }

  /**
   * LMDI-I by hand (Ang 2005; DOMAIN §5.3) for the ALL energy intensity I = Σ_d S_d I_d between two
   * years, from the planted division shares S_d and intensities I_d (tce per 10 000 yuan): w_d =
   * L(S_d^T I_d^T, S_d^0 I_d^0) / L(I^T, I^0), D_str = exp Σ w_d ln(S_d^T / S_d^0), D_int = exp Σ
   * w_d ln(I_d^T / I_d^0). Every planted share and intensity is positive, so no zero rule is
   * needed.
   *
   * @return {D_str, D_int}
   */
  private static double[] expectedLmdi(Map<String, double[]> y0, Map<String, double[]> yT) {
    double i0 = 0;
    double iT = 0;
    for (String d : y0.keySet()) {
      i0 += y0.get(d)[0] * y0.get(d)[1];
      iT += yT.get(d)[0] * yT.get(d)[1];
    }
    double lnStr = 0;
    double lnInt = 0;
    for (String d : y0.keySet()) {
      double[] a = y0.get(d);
      double[] b = yT.get(d);
      double w = logMean(b[0] * b[1], a[0] * a[1]) / logMean(iT, i0);
      lnStr += w * Math.log(b[0] / a[0]);
      lnInt += w * Math.log(b[1] / a[1]);
    }
    return new double[] {Math.exp(lnStr), Math.exp(lnInt)};
  }

  private static double logMean(double a, double b) {
    return a == b ? a : (a - b) / (Math.log(a) - Math.log(b));
  }
}
