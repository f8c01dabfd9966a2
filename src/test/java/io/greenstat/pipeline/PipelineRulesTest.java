package io.greenstat.pipeline;

import static io.greenstat.FirmYearFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.CsvRead;
import io.greenstat.FirmYearFixture;
import io.greenstat.TestSpark;
import io.greenstat.config.JobSettings;
import io.greenstat.config.SettingsLoader;
import io.greenstat.ingest.InputRejectedException;
import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.IndustryYear;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One tiny named fixture per contract rule, run through the whole pipeline. */
class PipelineRulesTest {
  @TempDir Path tmp;

  private RunResult run(FirmYearFixture fixture) {
    return run(fixture, SettingsLoader.defaults());
  }

  /** These fixtures are mostly bad rows on purpose: the quality gate is switched off. */
  private RunResult runWithoutGate(FirmYearFixture fixture) {
    return run(
        fixture,
        SettingsLoader.resolve(
            Map.of(), Map.of(), Map.of("spark.greenstat.quality.maxQuarantinedShare", "1")));
  }

  private RunResult run(FirmYearFixture fixture, JobSettings settings) {
    Path in = fixture.writeTo(tmp.resolve("in"));
    return new IntensityPipeline(
            TestSpark.get(), new RunRequest(in.toString(), tmp.resolve("out").toString(), settings))
        .run();
  }

  private static IndustryYear find(RunResult r, GroupLevel level, String code, int year) {
    return r.industryYears().stream()
        .filter(x -> x.level() == level && x.code().equals(code) && x.year() == year)
        .findFirst()
        .orElse(null);
  }

  private List<Row> quarantine() {
    return TestSpark.get().read().parquet(tmp.resolve("out/quarantine").toString()).collectAsList();
  }

  @Test
  void thresholdBoundary_20MillionIsIn_oneCentLessIsOut() {
    RunResult r =
        run(
            new FirmYearFixture()
                .add(
                    row().firm("AT").revenue(20_000_000.00),
                    row().firm("BELOW").revenue(19_999_999.99)));
    assertEquals(1, r.accounting().rowsAggregated());
    assertEquals(1, r.accounting().rowsBelowThreshold());
    assertEquals(1, find(r, GroupLevel.ALL, "ALL", 2020).totals().firms());
  }

  @Test
  void strictComparisonSettingExcludesTheBoundary() {
    JobSettings strict =
        SettingsLoader.resolve(
            Map.of(), Map.of(), Map.of("spark.greenstat.threshold.comparison", ">"));
    RunResult r = run(new FirmYearFixture().add(row().revenue(20_000_000.00)), strict);
    assertEquals(0, r.accounting().rowsAggregated());
    assertEquals(1, r.accounting().rowsBelowThreshold());
  }

  @Test
  void intensityIsRatioOfSums_notMeanOfRatios() {
    // VA 10 M and 30 M yuan (1 000 and 3 000 × 10k yuan), energy 500 and 1 500 tce:
    // Σ energy / Σ VA = 2 000 / 4 000 = 0.5 tce per 10k yuan (both firms also 0.5 alone);
    // water 1 000 + 9 000 = 10 000 m³ / 4 000 = 2.5 (firm ratios 1.0 and 3.0, mean 2.0).
    RunResult r =
        run(
            new FirmYearFixture()
                .add(
                    row().firm("A").va(10_000_000.0).energy(500.0).water(1_000.0),
                    row().firm("B").va(30_000_000.0).energy(1_500.0).water(9_000.0)));
    IndustryYear steel = find(r, GroupLevel.DIVISION, "31", 2020);
    assertEquals(0.5, steel.energyIntensity(), 1e-12);
    assertEquals(2.5, steel.waterIntensity(), 1e-12);
    assertEquals(2, steel.totals().firms());
  }

  @Test
  void eachQuarantineReason() {
    RunResult r =
        runWithoutGate(
            new FirmYearFixture()
                .add(
                    row().firm(null),
                    row().firm("  "),
                    row().firm("\t"),
                    row().firm("Y").year(null),
                    row().firm("C").code(null),
                    row().firm("P").province(""),
                    row().firm("R").revenue(null),
                    row().firm("V").va(null),
                    row().firm("E").energy(null),
                    row().firm("W").water(null),
                    row().firm("NE").energy(Double.NaN),
                    row().firm("IW").water(Double.POSITIVE_INFINITY),
                    row().firm("IR").revenue(Double.NEGATIVE_INFINITY),
                    row().firm("NC").co2(Double.NaN),
                    row().firm("-R").revenue(-1.0),
                    row().firm("-V").va(-1.0),
                    row().firm("-E").energy(-0.001),
                    row().firm("-W").water(-5.0),
                    row().firm("-C").co2(-1.0),
                    row().firm("M1").code("3a1"),
                    row().firm("M2").code(" 31"),
                    row().firm("M3").code("31101"),
                    row().firm("M4").code("3"),
                    row().firm("M5").code("３１"),
                    row().firm("U1").code("99"),
                    row().firm("U2").code("0012"),
                    row().firm("PR").province("99"),
                    row().firm("P1").province("1"),
                    row().firm("OK")));
    Map<String, Long> expected =
        Map.ofEntries(
            Map.entry("missing_firm_id", 3L),
            Map.entry("missing_year", 1L),
            Map.entry("missing_industry_code", 1L),
            Map.entry("missing_province_code", 1L),
            Map.entry("missing_revenue_yuan", 1L),
            Map.entry("missing_added_value_yuan", 1L),
            Map.entry("missing_energy_tce", 1L),
            Map.entry("missing_water_m3", 1L),
            Map.entry("not_finite_energy_tce", 1L),
            Map.entry("not_finite_water_m3", 1L),
            Map.entry("not_finite_revenue_yuan", 1L),
            Map.entry("not_finite_co2_t", 1L),
            Map.entry("negative_revenue_yuan", 1L),
            Map.entry("negative_added_value_yuan", 1L),
            Map.entry("negative_energy_tce", 1L),
            Map.entry("negative_water_m3", 1L),
            Map.entry("negative_co2_t", 1L),
            Map.entry("malformed_industry_code", 5L),
            Map.entry("unknown_industry_code", 2L),
            Map.entry("unknown_province_code", 2L));
    assertEquals(expected, r.accounting().quarantineByReason());
    assertEquals(28, r.accounting().rowsQuarantined());
    assertEquals(1, r.accounting().rowsAggregated());
    assertTrue(r.accounting().balances());

    List<Row> q = quarantine();
    assertEquals(28, q.size());
    Row m2 = q.stream().filter(x -> "M2".equals(x.getAs("firm_id"))).findFirst().orElseThrow();
    assertEquals("malformed_industry_code", m2.getAs("reason"));
    assertEquals(" 31", m2.getAs("industry_code"), "original value kept");
    assertTrue(m2.<String>getAs("source_file").endsWith(".parquet"));
  }

  @Test
  void exactDuplicatesCountOnce_conflictingOnesAreAllQuarantined() {
    RunResult r =
        runWithoutGate(
            new FirmYearFixture()
                .add(
                    row().firm("SAME"),
                    row().firm("SAME"),
                    row().firm("SAME"),
                    row().firm("CONFLICT").energy(500.0),
                    row().firm("CONFLICT").energy(500.0),
                    row().firm("CONFLICT").energy(501.0),
                    row().firm("OTHER-YEAR").year(2020),
                    row().firm("OTHER-YEAR").year(2021)));
    assertEquals(2, r.accounting().duplicatesCollapsed());
    assertEquals(Map.of("conflicting_duplicate", 3L), r.accounting().quarantineByReason());
    assertEquals(3, r.accounting().rowsAggregated(), "SAME once, OTHER-YEAR twice");
    assertEquals(2, find(r, GroupLevel.ALL, "ALL", 2020).totals().firms());
  }

  @Test
  void duplicateWithNullCo2OnBothCopiesIsExact() {
    RunResult r = run(new FirmYearFixture().add(row().co2(null), row().co2(null)));
    assertEquals(1, r.accounting().duplicatesCollapsed());
    assertEquals(0, r.accounting().rowsQuarantined());
  }

  @Test
  void classCodesRollIntoTheirDivision_outOfScopeCodesAreCountedNotErrors() {
    RunResult r =
        run(
            new FirmYearFixture()
                .add(
                    row().firm("G3").code("311"),
                    row().firm("C4").code("3120"),
                    row().firm("D2").code("31"),
                    row().firm("AGRI").code("0111"),
                    row().firm("TRADE").code("51"),
                    row().firm("MINE").code("0610")));
    assertEquals(3, find(r, GroupLevel.DIVISION, "31", 2020).totals().firms());
    assertEquals(1, find(r, GroupLevel.DIVISION, "06", 2020).totals().firms());
    assertEquals(Map.of("not_industrial_division", 2L), r.accounting().outOfScopeByReason());
    assertEquals(0, r.accounting().rowsQuarantined());
    assertEquals(4, find(r, GroupLevel.ALL, "ALL", 2020).totals().firms());
    assertEquals(3, find(r, GroupLevel.SECTION, "C", 2020).totals().firms());
    assertEquals(1, find(r, GroupLevel.SECTION, "B", 2020).totals().firms());
    assertEquals(3, find(r, GroupLevel.EI6, "EI6", 2020).totals().firms());
  }

  @Test
  void groupWithZeroAddedValueHasEmptyIntensities() {
    RunResult r =
        run(
            new FirmYearFixture()
                .add(
                    row().firm("Z1").code("4610").va(0.0).year(2020),
                    row().firm("Z1").code("4610").va(0.0).year(2021)));
    IndustryYear water = find(r, GroupLevel.DIVISION, "46", 2021);
    assertNull(water.energyIntensity());
    assertNull(water.waterIntensity());
    assertNull(water.energyYoyPct());
  }

  @Test
  void yearOnYear_emptyWithoutThePreviousYear() throws Exception {
    // 2019: 500 / 1 000 = 0.5; 2020: 450 / 1 000 = 0.45 → −10 %; 2022 has no 2021 → empty.
    RunResult r =
        run(
            new FirmYearFixture()
                .add(
                    row().year(2019).energy(500.0),
                    row().year(2020).energy(450.0),
                    row().year(2022).energy(400.0)));
    assertNull(find(r, GroupLevel.ALL, "ALL", 2019).energyYoyPct());
    assertEquals(-10.0, find(r, GroupLevel.ALL, "ALL", 2020).energyYoyPct(), 1e-9);
    assertNull(find(r, GroupLevel.ALL, "ALL", 2022).energyYoyPct());
    String csv = Files.readString(tmp.resolve("out/tables/industry_year.csv"));
    assertTrue(csv.startsWith("industry_code,industry_name,"), csv);
    assertTrue(Files.exists(tmp.resolve("out/_SUCCESS")));
    assertTrue(Files.exists(tmp.resolve("out/_MANIFEST.json")));
  }

  @Test
  void yearRangeSettingPutsOtherYearsOutOfScope() {
    JobSettings years =
        SettingsLoader.resolve(Map.of(), Map.of(), Map.of("spark.greenstat.years", "2020-2021"));
    RunResult r =
        run(
            new FirmYearFixture()
                .add(row().year(2019), row().year(2020), row().year(2021), row().year(2022)),
            years);
    assertEquals(Map.of("year_outside_range", 2L), r.accounting().outOfScopeByReason());
    assertEquals(
        List.of(2020, 2021),
        r.industryYears().stream()
            .filter(x -> x.level() == GroupLevel.ALL)
            .map(IndustryYear::year)
            .collect(Collectors.toList()));
  }

  @Test
  void sameSampleYoy_comparesTheCurrentFirmsInBothYears() {
    // The fixture of ContractReferenceTest.sameSample_usesTheCurrentFirmsBothYears:
    // same sample 2020 = {A, B}: (950 / 3 000) / (800 / 2 000) − 1 = −20.8333… %; plain −2.5 %.
    RunResult r =
        run(
            new FirmYearFixture()
                .add(
                    row().firm("A").year(2019).energy(500.0),
                    row().firm("B").year(2019).revenue(10_000_000.0).energy(300.0),
                    row().firm("A").year(2020).energy(450.0),
                    row().firm("B").year(2020).va(20_000_000.0).energy(500.0),
                    row().firm("C").year(2020).energy(1_000.0)));
    IndustryYear all2020 = find(r, GroupLevel.ALL, "ALL", 2020);
    assertEquals(2, all2020.sameSample().firms());
    assertEquals(-100.0 / 4.8, all2020.energyYoySameSamplePct(), 1e-9);
    assertEquals(-2.5, all2020.energyYoyPct(), 1e-9);
    assertNull(find(r, GroupLevel.ALL, "ALL", 2019).energyYoySameSamplePct());
  }

  @Test
  void decomposition_recoversTheWorkedExample() throws Exception {
    // DOMAIN §5.3: two divisions, year 0 Y = (50, 50), E = (100, 10); year T Y = (40, 60),
    // E = (76, 9) → D_str = 0.832429, D_int = 0.928281 (Python double precision, in DOMAIN).
    // Added value in millions of yuan here; ratios do not depend on the unit.
    double m = 1_000_000.0;
    run(
        new FirmYearFixture()
            .add(
                row().firm("STEEL").year(2020).code("31").va(50 * m).energy(100.0),
                row().firm("FOOD").year(2020).code("13").va(50 * m).energy(10.0),
                row().firm("STEEL").year(2021).code("31").va(40 * m).energy(76.0),
                row().firm("FOOD").year(2021).code("13").va(60 * m).energy(9.0)));
    Map<String, String> current =
        CsvRead.read(tmp.resolve("out/tables/decomposition.csv")).stream()
            .filter(m2 -> m2.get("prices").equals("current"))
            .findFirst()
            .orElseThrow();
    assertEquals("ALL", current.get("group"));
    assertEquals("2020", current.get("from_year"));
    assertEquals("2021", current.get("to_year"));
    assertEquals(0.832429, Double.parseDouble(current.get("structure_ratio")), 1e-6);
    assertEquals(0.928281, Double.parseDouble(current.get("intensity_ratio")), 1e-6);
    assertEquals(85.0 / 110.0, Double.parseDouble(current.get("total_ratio")), 1e-12);
    double total = Double.parseDouble(current.get("total_change"));
    double sum =
        Double.parseDouble(current.get("structure_change"))
            + Double.parseDouble(current.get("intensity_change"));
    assertEquals(total, sum, 1e-12 * Math.abs(Double.parseDouble(current.get("intensity_from"))));
  }

  @Test
  void co2IsDerivedFromEnergyWhereNotReported_andCountedAsDerived() {
    // R reports 100 t; D reports none, energy 500 tce × 2.66 = 1 330 t (derived).
    // Σ CO2 = 1 430 t over Σ VA 20 M yuan = 2 000 × 10k yuan → 0.715 t per 10k yuan.
    FirmYearFixture f =
        new FirmYearFixture().add(row().firm("R").co2(100.0), row().firm("D").energy(500.0));
    IndustryYear all = find(run(f), GroupLevel.ALL, "ALL", 2020);
    assertEquals(1_430.0, all.totals().co2T(), 1e-9);
    assertEquals(1, all.totals().co2Firms());
    assertEquals(1, all.totals().co2FirmsDerived());
    assertEquals(0.715, all.co2Intensity(), 1e-12);
  }

  @Test
  void co2DerivationCanBeSwitchedOff() {
    // Only R's 100 t over R's 1 000 × 10k yuan → 0.1.
    JobSettings off =
        SettingsLoader.resolve(
            Map.of(), Map.of(), Map.of("spark.greenstat.co2.derivedTPerTce", ""));
    FirmYearFixture f =
        new FirmYearFixture().add(row().firm("R").co2(100.0), row().firm("D").energy(500.0));
    IndustryYear all = find(run(f, off), GroupLevel.ALL, "ALL", 2020);
    assertEquals(100.0, all.totals().co2T(), 1e-9);
    assertEquals(0, all.totals().co2FirmsDerived());
    assertEquals(0.1, all.co2Intensity(), 1e-12);
  }

  @Test
  void qualityGateRejectsTooManyBadRows_andPublishesNothing() {
    FirmYearFixture f = new FirmYearFixture().add(row().firm("OK"), row().firm("BAD").water(-1.0));
    InputRejectedException e = assertThrows(InputRejectedException.class, () -> run(f));
    assertTrue(e.getMessage().contains("maxQuarantinedShare"), e.getMessage());
    assertTrue(Files.notExists(tmp.resolve("out")));
  }
}
