package io.greenstat.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.config.SettingsLoader;
import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.RowAccounting;
import io.greenstat.metrics.Totals;
import io.greenstat.schema.IndustryCatalog;
import io.greenstat.schema.ProvinceCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-computed fixtures for the reference implementation of the contract. */
class ContractReferenceTest {
  private static final double EPS = 1e-12;
  private static final double M = 1_000_000.0; // one million yuan
  private static final String FILE = "year=2020/part-0.parquet";
  private static final ReferenceParams DEFAULTS = ReferenceParams.defaults();

  // ---------------------------------------------------------------- fixtures

  /** Any row, field by field. */
  private static RawRow row(
      String firm,
      Integer year,
      String code,
      String province,
      Double revenue,
      Double addedValue,
      Double energy,
      Double water,
      Double co2) {
    return new RawRow(firm, year, code, province, revenue, addedValue, energy, water, co2, FILE);
  }

  /** A valid above-size firm (revenue 50 M yuan) in Beijing without CO2. */
  private static RawRow firm(
      String firm, int year, String code, double addedValue, double energy, double water) {
    return row(firm, year, code, "11", 50 * M, addedValue, energy, water, null);
  }

  /** A valid, above-size firm in division 31, 2020: the base of the quarantine cases. */
  private static RawRow good() {
    return row("F1", 2020, "31", "11", 50 * M, 10 * M, 500.0, 2_000.0, 1_000.0);
  }

  private static ReferenceResult run(List<RawRow> rows) {
    return ContractReference.compute(rows, DEFAULTS);
  }

  private static ReferenceResult run(RawRow... rows) {
    return run(List.of(rows));
  }

  private static void assertAccounting(
      RowAccounting a,
      long read,
      Map<String, Long> quarantine,
      long collapsed,
      Map<String, Long> outOfScope,
      long below,
      long aggregated) {
    assertEquals(read, a.rowsRead(), "rows read");
    assertEquals(quarantine, a.quarantineByReason(), "quarantine by reason");
    long q = quarantine.values().stream().mapToLong(Long::longValue).sum();
    assertEquals(q, a.rowsQuarantined(), "rows quarantined");
    assertEquals(collapsed, a.duplicatesCollapsed(), "duplicates collapsed");
    assertEquals(outOfScope, a.outOfScopeByReason(), "out of scope by reason");
    long o = outOfScope.values().stream().mapToLong(Long::longValue).sum();
    assertEquals(o, a.rowsOutOfScope(), "rows out of scope");
    assertEquals(below, a.rowsBelowThreshold(), "below threshold");
    assertEquals(aggregated, a.rowsAggregated(), "aggregated");
    assertTrue(a.balances(), "accounting identity");
  }

  // ---------------------------------------------------------------- intensities

  @Test
  void intensityIsARatioOfSumsNotAMeanOfFirmRatios() {
    // F1: VA 10 000 000 yuan = 1 000 × 10k, energy   500 tce → firm ratio 0.5
    // F2: VA 30 000 000 yuan = 3 000 × 10k, energy 3 500 tce → firm ratio 1.1667
    // ratio of sums: 4 000 / 4 000 = 1.0 (the mean of firm ratios would be 0.8333)
    // water: (2 000 + 9 000) / 4 000 = 2.75 m³ per 10k yuan
    // CO2 only from F1: 1 000 t / (10 000 000 / 10 000) = 1.0; F2 reports none
    RawRow f1 = row("F1", 2020, "31", "11", 50 * M, 10 * M, 500.0, 2_000.0, 1_000.0);
    RawRow f2 = row("F2", 2020, "31", "32", 80 * M, 30 * M, 3_500.0, 9_000.0, null);
    ReferenceResult r = run(f1, f2);

    Totals expected = new Totals(2, 130 * M, 40 * M, 4_000.0, 11_000.0, 1_000.0, 10 * M, 1);
    // 31 is in section C and in EI6: four groups, one year, the same totals
    assertEquals(4, r.industryYears().size());
    for (String code : List.of("ALL", "C", "EI6", "31")) {
      IndustryYear y = r.get(code, 2020);
      assertEquals(expected, y.totals(), code);
      assertEquals(1.0, y.energyIntensity(), EPS, code);
      assertEquals(2.75, y.waterIntensity(), EPS, code);
      assertEquals(1.0, y.co2Intensity(), EPS, code);
      assertNull(y.energyYoyPct(), code);
      assertNull(y.waterYoyPct(), code);
      assertNull(y.co2YoyPct(), code);
    }
    assertEquals(GroupLevel.DIVISION, r.get("31", 2020).level());
    assertEquals("Smelting and Pressing of Ferrous Metals", r.get("31", 2020).name());
  }

  @Test
  void zeroAddedValueGivesNullIntensitiesAndYoyNeedsANonZeroPreviousIntensity() {
    // division 06 (section B), one firm F1:
    // 2020 VA 0           energy 100 water 50 → ΣVA = 0: energy, water, CO2 intensity null
    // 2021 VA 10 000 000  energy 100 water 50 → 100/1 000 = 0.1, 50/1 000 = 0.05;
    //      YoY null: the 2020 intensity is null
    // 2022 VA 10 000 000  energy   0 water  0 → 0.0 and 0.0; YoY (0/0.1 − 1)×100 = −100
    // 2023 VA 10 000 000  energy 100 water 50 → 0.1; YoY null: I_2022 = 0
    ReferenceResult r =
        run(
            firm("F1", 2020, "06", 0.0, 100.0, 50.0),
            firm("F1", 2021, "06", 10 * M, 100.0, 50.0),
            firm("F1", 2022, "06", 10 * M, 0.0, 0.0),
            firm("F1", 2023, "06", 10 * M, 100.0, 50.0));

    for (String code : List.of("06", "B", "ALL")) {
      IndustryYear y2020 = r.get(code, 2020);
      assertEquals(1, y2020.totals().firms());
      assertEquals(100.0, y2020.totals().energyTce());
      assertNull(y2020.energyIntensity());
      assertNull(y2020.waterIntensity());
      assertNull(y2020.co2Intensity());

      IndustryYear y2021 = r.get(code, 2021);
      assertEquals(0.1, y2021.energyIntensity(), EPS);
      assertEquals(0.05, y2021.waterIntensity(), EPS);
      assertNull(y2021.co2Intensity(), "no firm reports CO2");
      assertNull(y2021.energyYoyPct());
      assertNull(y2021.waterYoyPct());

      IndustryYear y2022 = r.get(code, 2022);
      assertEquals(0.0, y2022.energyIntensity());
      assertEquals(-100.0, y2022.energyYoyPct(), 1e-9);
      assertEquals(-100.0, y2022.waterYoyPct(), 1e-9);

      IndustryYear y2023 = r.get(code, 2023);
      assertEquals(0.1, y2023.energyIntensity(), EPS);
      assertNull(y2023.energyYoyPct());
      assertNull(y2023.waterYoyPct());
    }
    assertTrue(r.find("EI6", 2020).isEmpty(), "06 is not energy-intensive");
  }

  @Test
  void yoyComparesWithThePreviousYearAndIsNullWhenThatYearIsMissing() {
    // division 31:
    // 2020 VA 10 000 000 → 1 000 ×10k; energy 1 000 → 1.0; water 4 000 → 4.0; CO2 2 000 → 2.0
    // 2021 VA 20 000 000 → 2 000 ×10k; energy 1 800 → 0.9; water 10 000 → 5.0; CO2 3 000 → 1.5
    //      YoY energy (0.9/1.0 − 1)×100 = −10; water (5/4 − 1)×100 = +25; CO2 (1.5/2 − 1)×100 = −25
    // 2022 no rows
    // 2023 VA 10 000 000, energy 800 → 0.8; YoY null (no 2022 row)
    ReferenceResult r =
        run(
            row("F1", 2020, "31", "11", 50 * M, 10 * M, 1_000.0, 4_000.0, 2_000.0),
            row("F1", 2021, "31", "11", 50 * M, 20 * M, 1_800.0, 10_000.0, 3_000.0),
            row("F1", 2023, "31", "11", 50 * M, 10 * M, 800.0, 5_000.0, 900.0));

    IndustryYear y2020 = r.get("31", 2020);
    assertEquals(1.0, y2020.energyIntensity(), EPS);
    assertEquals(4.0, y2020.waterIntensity(), EPS);
    assertEquals(2.0, y2020.co2Intensity(), EPS);
    assertNull(y2020.energyYoyPct());

    IndustryYear y2021 = r.get("31", 2021);
    assertEquals(0.9, y2021.energyIntensity(), EPS);
    assertEquals(5.0, y2021.waterIntensity(), EPS);
    assertEquals(1.5, y2021.co2Intensity(), EPS);
    assertEquals(-10.0, y2021.energyYoyPct(), 1e-9);
    assertEquals(25.0, y2021.waterYoyPct(), 1e-9);
    assertEquals(-25.0, y2021.co2YoyPct(), 1e-9);

    assertTrue(r.find("31", 2022).isEmpty(), "no firms, no row");
    IndustryYear y2023 = r.get("31", 2023);
    assertEquals(0.8, y2023.energyIntensity(), EPS);
    assertNull(y2023.energyYoyPct());
    assertNull(y2023.waterYoyPct());
    assertNull(y2023.co2YoyPct());
    // the same for every level the firm belongs to
    assertEquals(-10.0, r.get("ALL", 2021).energyYoyPct(), 1e-9);
    assertEquals(-10.0, r.get("C", 2021).energyYoyPct(), 1e-9);
    assertEquals(-10.0, r.get("EI6", 2021).energyYoyPct(), 1e-9);
    assertNull(r.get("ALL", 2023).energyYoyPct());
  }

  @Test
  void sectionsEi6AndAllRollUpTheDivisions() {
    // 2020, one firm each:
    //   div  section EI6  VA (M yuan)  energy   water
    //   06   B        -     10          1 000    3 000
    //   25   C        x     20          4 000    2 000
    //   31   C        x     30          9 000    6 000
    //   39   C        -     40            400    1 000
    //   44   D        x     50         10 000    5 000
    //   46   D        -     10            100   20 000
    // B:   VA 10 M = 1 000 ×10k;  energy 1 000/1 000 = 1.0;        water 3 000/1 000 = 3.0
    // C:   VA 90 M = 9 000 ×10k;  energy 13 400/9 000 = 1.48889;   water 9 000/9 000 = 1.0
    // D:   VA 60 M = 6 000 ×10k;  energy 10 100/6 000 = 1.68333;   water 25 000/6 000 = 4.16667
    // EI6: VA 100 M = 10 000 ×10k; energy 23 000/10 000 = 2.3;     water 13 000/10 000 = 1.3
    // ALL: VA 160 M = 16 000 ×10k; energy 24 500/16 000 = 1.53125; water 37 000/16 000 = 2.3125
    // 2021: only 31 (VA 10 M, energy 1 000) → ALL, C, EI6, 31; no B, no D rows
    List<RawRow> rows =
        List.of(
            firm("A", 2020, "06", 10 * M, 1_000.0, 3_000.0),
            firm("B", 2020, "25", 20 * M, 4_000.0, 2_000.0),
            firm("C", 2020, "31", 30 * M, 9_000.0, 6_000.0),
            firm("D", 2020, "39", 40 * M, 400.0, 1_000.0),
            firm("E", 2020, "44", 50 * M, 10_000.0, 5_000.0),
            firm("F", 2020, "46", 10 * M, 100.0, 20_000.0),
            firm("C", 2021, "31", 10 * M, 1_000.0, 1_000.0));
    ReferenceResult r = run(rows);

    assertEquals(1, r.get("B", 2020).totals().firms());
    assertEquals(1.0, r.get("B", 2020).energyIntensity(), EPS);
    assertEquals(3.0, r.get("B", 2020).waterIntensity(), EPS);
    assertEquals(3, r.get("C", 2020).totals().firms());
    assertEquals(90 * M, r.get("C", 2020).totals().addedValueYuan());
    assertEquals(13_400.0 / 9_000.0, r.get("C", 2020).energyIntensity(), EPS);
    assertEquals(1.0, r.get("C", 2020).waterIntensity(), EPS);
    assertEquals(2, r.get("D", 2020).totals().firms());
    assertEquals(10_100.0 / 6_000.0, r.get("D", 2020).energyIntensity(), EPS);
    assertEquals(25_000.0 / 6_000.0, r.get("D", 2020).waterIntensity(), EPS);
    assertEquals(3, r.get("EI6", 2020).totals().firms());
    assertEquals(2.3, r.get("EI6", 2020).energyIntensity(), EPS);
    assertEquals(1.3, r.get("EI6", 2020).waterIntensity(), EPS);
    assertEquals(6, r.get("ALL", 2020).totals().firms());
    assertEquals(300 * M, r.get("ALL", 2020).totals().revenueYuan());
    assertEquals(1.53125, r.get("ALL", 2020).energyIntensity(), EPS);
    assertEquals(2.3125, r.get("ALL", 2020).waterIntensity(), EPS);

    // 2020: 1 ALL + 3 sections + 1 EI6 + 6 divisions; 2021: ALL, C, EI6, 31
    assertEquals(15, r.industryYears().size());
    assertTrue(r.find("B", 2021).isEmpty());
    assertTrue(r.find("D", 2021).isEmpty());
    assertEquals(1, r.get("EI6", 2021).totals().firms());

    // order: level, code, year
    List<String> order = new ArrayList<>();
    for (IndustryYear y : r.industryYears()) {
      order.add(y.code() + "/" + y.year());
    }
    assertEquals(
        List.of(
            "ALL/2020",
            "ALL/2021",
            "B/2020",
            "C/2020",
            "C/2021",
            "D/2020",
            "EI6/2020",
            "EI6/2021",
            "06/2020",
            "25/2020",
            "31/2020",
            "31/2021",
            "39/2020",
            "44/2020",
            "46/2020"),
        order);
    assertEquals("Manufacturing", r.get("C", 2020).name());
    assertEquals(IndustryCatalog.EI6_NAME, r.get("EI6", 2020).name());
    assertEquals(IndustryCatalog.ALL_NAME, r.get("ALL", 2020).name());
    assertEquals(GroupLevel.SECTION, r.get("D", 2020).level());
    assertEquals(GroupLevel.EI6, r.get("EI6", 2020).level());
    assertEquals(GroupLevel.ALL, r.get("ALL", 2020).level());

    // EI6 is configuration: with {39} only firm D (VA 40 M, energy 400 → 0.1)
    ReferenceResult custom = ContractReference.compute(rows, DEFAULTS.withEi6(Set.of("39")));
    assertEquals(1, custom.get("EI6", 2020).totals().firms());
    assertEquals(0.1, custom.get("EI6", 2020).energyIntensity(), EPS);
    assertTrue(custom.find("EI6", 2021).isEmpty());
  }

  @Test
  void groupAndClassCodesRollIntoTheirDivision() {
    // "31", "311", "3110": all division 31; VA 10 M each → 3 000 ×10k;
    // energy 100 + 200 + 300 = 600 → 600/3 000 = 0.2
    ReferenceResult r =
        run(
            firm("A", 2020, "31", 10 * M, 100.0, 0.0),
            firm("B", 2020, "311", 10 * M, 200.0, 0.0),
            firm("C", 2020, "3110", 10 * M, 300.0, 0.0));
    assertEquals(3, r.get("31", 2020).totals().firms());
    assertEquals(0.2, r.get("31", 2020).energyIntensity(), EPS);
    assertEquals(0.0, r.get("31", 2020).waterIntensity());
    assertTrue(r.find("311", 2020).isEmpty());
    assertTrue(r.find("3110", 2020).isEmpty());
    assertEquals(1, r.level(GroupLevel.DIVISION).size());
  }

  // ---------------------------------------------------------------- threshold

  @Test
  void thresholdBoundaryIsInclusiveByDefault() {
    RawRow at = row("AT", 2020, "31", "11", 20_000_000.00, 10 * M, 100.0, 100.0, null);
    RawRow under = row("UNDER", 2020, "31", "11", 19_999_999.99, 10 * M, 100.0, 100.0, null);

    ReferenceResult r = run(at, under);
    assertAccounting(r.accounting(), 2, Map.of(), 0, Map.of(), 1, 1);
    assertEquals(List.of(at), r.aggregated());
    assertEquals(1, r.get("31", 2020).totals().firms());
    assertEquals(20 * M, r.get("31", 2020).totals().revenueYuan());

    // "> 20 000 000": the boundary row is below too, and no group has a firm
    ReferenceResult strict =
        ContractReference.compute(List.of(at, under), DEFAULTS.withThreshold(20 * M, false));
    assertAccounting(strict.accounting(), 2, Map.of(), 0, Map.of(), 2, 0);
    assertTrue(strict.industryYears().isEmpty());

    // the pre-2011 threshold of 5 M: both above
    ReferenceResult old =
        ContractReference.compute(List.of(at, under), DEFAULTS.withThreshold(5 * M, true));
    assertEquals(2, old.get("31", 2020).totals().firms());
  }

  // ---------------------------------------------------------------- quarantine

  static Stream<Arguments> invalidRows() {
    RawRow g = good();
    return Stream.of(
        // 1. missing, in column order
        Arguments.of(with(g, "firm", null), "missing_firm_id"),
        Arguments.of(with(g, "firm", ""), "missing_firm_id"),
        Arguments.of(with(g, "firm", "  \t"), "missing_firm_id"),
        Arguments.of(with(g, "year", null), "missing_year"),
        Arguments.of(with(g, "code", null), "missing_industry_code"),
        Arguments.of(with(g, "code", " "), "missing_industry_code"),
        Arguments.of(with(g, "province", null), "missing_province_code"),
        Arguments.of(with(g, "province", ""), "missing_province_code"),
        Arguments.of(with(g, "revenue", null), "missing_revenue_yuan"),
        Arguments.of(with(g, "va", null), "missing_added_value_yuan"),
        Arguments.of(with(g, "energy", null), "missing_energy_tce"),
        Arguments.of(with(g, "water", null), "missing_water_m3"),
        // 2. not finite
        Arguments.of(with(g, "revenue", Double.NaN), "not_finite_revenue_yuan"),
        Arguments.of(with(g, "va", Double.POSITIVE_INFINITY), "not_finite_added_value_yuan"),
        Arguments.of(with(g, "energy", Double.NEGATIVE_INFINITY), "not_finite_energy_tce"),
        Arguments.of(with(g, "water", Double.NaN), "not_finite_water_m3"),
        Arguments.of(with(g, "co2", Double.NaN), "not_finite_co2_t"),
        // 3. negative
        Arguments.of(with(g, "revenue", -1.0), "negative_revenue_yuan"),
        Arguments.of(with(g, "va", -0.01), "negative_added_value_yuan"),
        Arguments.of(with(g, "energy", -1e-9), "negative_energy_tce"),
        Arguments.of(with(g, "water", -5.0), "negative_water_m3"),
        Arguments.of(with(g, "co2", -1.0), "negative_co2_t"),
        // 4. malformed industry code: 2 to 4 ASCII digits, untrimmed
        Arguments.of(with(g, "code", "3"), "malformed_industry_code"),
        Arguments.of(with(g, "code", "31101"), "malformed_industry_code"),
        Arguments.of(with(g, "code", " 31"), "malformed_industry_code"),
        Arguments.of(with(g, "code", "31 "), "malformed_industry_code"),
        Arguments.of(with(g, "code", "3a"), "malformed_industry_code"),
        Arguments.of(with(g, "code", "C31"), "malformed_industry_code"),
        Arguments.of(with(g, "code", "-31"), "malformed_industry_code"),
        Arguments.of(with(g, "code", "\uFF13\uFF11"), "malformed_industry_code"), // fullwidth ３１
        Arguments.of(with(g, "code", "\u0663\u0661"), "malformed_industry_code"), // Arabic-Indic
        // 5. unknown division
        Arguments.of(with(g, "code", "00"), "unknown_industry_code"),
        Arguments.of(with(g, "code", "98"), "unknown_industry_code"),
        Arguments.of(with(g, "code", "99"), "unknown_industry_code"),
        Arguments.of(with(g, "code", "0011"), "unknown_industry_code"),
        Arguments.of(with(g, "code", "9901"), "unknown_industry_code"),
        // 6. unknown province: exact match
        Arguments.of(with(g, "province", "10"), "unknown_province_code"),
        Arguments.of(with(g, "province", "99"), "unknown_province_code"),
        Arguments.of(with(g, "province", "1"), "unknown_province_code"),
        Arguments.of(with(g, "province", "11 "), "unknown_province_code"),
        Arguments.of(with(g, "province", "110000"), "unknown_province_code"),
        // precedence: the first failing reason wins
        Arguments.of(with(with(g, "firm", null), "revenue", Double.NaN), "missing_firm_id"),
        Arguments.of(with(with(g, "revenue", Double.NaN), "water", null), "missing_water_m3"),
        Arguments.of(with(with(g, "revenue", Double.NaN), "va", -1.0), "not_finite_revenue_yuan"),
        Arguments.of(with(with(g, "co2", Double.NaN), "revenue", -1.0), "not_finite_co2_t"),
        Arguments.of(with(with(g, "energy", -1.0), "water", -1.0), "negative_energy_tce"),
        Arguments.of(with(with(g, "co2", -1.0), "code", "x"), "negative_co2_t"),
        Arguments.of(with(with(g, "code", "3x"), "province", "99"), "malformed_industry_code"),
        Arguments.of(with(with(g, "code", "98"), "province", "99"), "unknown_industry_code"));
  }

  @ParameterizedTest
  @MethodSource("invalidRows")
  void eachInvalidRowIsQuarantinedWithItsFirstFailingReason(RawRow bad, String reason) {
    assertEquals(reason, ContractReference.validationReason(bad, ProvinceCatalog.load().codes()));
    ReferenceResult r = run(bad, good());
    assertEquals(List.of(new QuarantinedRow(bad, reason)), r.quarantined());
    // the invalid copy of F1 2020 does not make the good one a duplicate
    assertAccounting(r.accounting(), 2, Map.of(reason, 1L), 0, Map.of(), 0, 1);
  }

  @Test
  void negativeZeroAndNullCo2AreValid() {
    RawRow zeros = row("Z", 2020, "31", "11", 50 * M, 10 * M, -0.0, -0.0, -0.0);
    RawRow noCo2 = row("N", 2020, "31", "11", 50 * M, 10 * M, 100.0, 100.0, null);
    RawRow zeroRevenue = row("R", 2020, "31", "11", -0.0, 10 * M, 100.0, 100.0, null);
    ReferenceResult r = run(zeros, noCo2, zeroRevenue);
    // -0.0 revenue is valid but below the threshold
    assertAccounting(r.accounting(), 3, Map.of(), 0, Map.of(), 1, 2);
    IndustryYear y = r.get("31", 2020);
    assertEquals(2, y.totals().firms());
    assertEquals(1, y.totals().co2Firms());
    // CO2: 0 t over 10 M yuan → 0.0; energy 100 / (20 M / 10k = 2 000) = 0.05
    assertEquals(0.0, y.co2Intensity(), EPS);
    assertEquals(0.05, y.energyIntensity(), EPS);
  }

  // ---------------------------------------------------------------- duplicates

  @Test
  void exactDuplicatesCountOnceWhateverTheirSourceFile() {
    // three identical copies from three files → one firm, two collapsed
    RawRow a = good();
    ReferenceResult r = run(a, a.fromFile("b.parquet"), a.fromFile("c.parquet"));
    assertAccounting(r.accounting(), 3, Map.of(), 2, Map.of(), 0, 1);
    assertEquals(3, r.accounting().inputFiles());
    IndustryYear y = r.get("31", 2020);
    assertEquals(1, y.totals().firms());
    assertEquals(10 * M, y.totals().addedValueYuan());
    assertEquals(500.0, y.totals().energyTce());
    // 500 / 1 000 = 0.5
    assertEquals(0.5, y.energyIntensity(), EPS);
  }

  @Test
  void theSameObjectTwiceIsAnExactDuplicate() {
    RawRow a = good();
    ReferenceResult r = run(a, a);
    assertAccounting(r.accounting(), 2, Map.of(), 1, Map.of(), 0, 1);
    assertEquals(1, r.get("31", 2020).totals().firms());
  }

  @Test
  void rowsSharingFirmAndYearButDifferingAreAllQuarantined() {
    RawRow a = good();
    RawRow b = with(a, "revenue", 60 * M);
    ReferenceResult r = run(a, b);
    assertAccounting(r.accounting(), 2, Map.of("conflicting_duplicate", 2L), 0, Map.of(), 0, 0);
    assertEquals(
        List.of(
            new QuarantinedRow(a, "conflicting_duplicate"),
            new QuarantinedRow(b, "conflicting_duplicate")),
        r.quarantined());
    assertTrue(r.industryYears().isEmpty());
  }

  @Test
  void aConflictWhereOneCopyIsDuplicatedExactlyQuarantinesAllThree() {
    RawRow x = good();
    RawRow y = with(x, "energy", 501.0);
    ReferenceResult r = run(x, x.fromFile("other.parquet"), y);
    assertAccounting(r.accounting(), 3, Map.of("conflicting_duplicate", 3L), 0, Map.of(), 0, 0);
  }

  @Test
  void everyContractColumnTakesPartInTheComparison() {
    RawRow a = good();
    List<RawRow> variants =
        List.of(
            with(a, "code", "3110"),
            with(a, "province", "12"),
            with(a, "revenue", 51 * M),
            with(a, "va", 11 * M),
            with(a, "energy", 499.0),
            with(a, "water", 2_001.0),
            with(a, "co2", 999.0),
            with(a, "co2", null));
    for (RawRow v : variants) {
      ReferenceResult r = run(a, v);
      assertEquals(
          Map.of("conflicting_duplicate", 2L), r.accounting().quarantineByReason(), "" + v);
    }
  }

  @Test
  void nullEqualsNullAndMinusZeroEqualsZeroInTheComparison() {
    RawRow noCo2 = with(good(), "co2", null);
    ReferenceResult r = run(noCo2, noCo2.fromFile("b.parquet"));
    assertAccounting(r.accounting(), 2, Map.of(), 1, Map.of(), 0, 1);

    // numbers compare by value (as in Spark grouping): -0.0 and 0.0 are the same value
    RawRow zero = with(good(), "co2", 0.0);
    RawRow minusZero = with(good(), "co2", -0.0);
    ReferenceResult z = run(zero, minusZero);
    assertAccounting(z.accounting(), 2, Map.of(), 1, Map.of(), 0, 1);
  }

  @Test
  void theSameFirmInAnotherYearOrAnotherFirmInTheSameYearIsNoDuplicate() {
    RawRow a = good();
    RawRow nextYear = with(a, "year", 2021);
    RawRow otherFirm = with(a, "firm", "F2");
    // firm ids are compared as they are: "F1 " is another firm than "F1"
    RawRow paddedId = with(a, "firm", "F1 ");
    ReferenceResult r = run(a, nextYear, otherFirm, paddedId);
    assertAccounting(r.accounting(), 4, Map.of(), 0, Map.of(), 0, 4);
    assertEquals(3, r.get("31", 2020).totals().firms());
    assertEquals(1, r.get("31", 2021).totals().firms());
  }

  @Test
  void duplicatesAreResolvedBeforeScopeAndThreshold() {
    // a conflict between an in-scope and an out-of-scope copy is still a conflict;
    // exact copies below the threshold collapse, then one is counted below threshold
    RawRow a = good();
    RawRow agriculture = with(a, "code", "01");
    RawRow small = with(with(a, "firm", "S"), "revenue", 1 * M);
    ReferenceResult r = run(a, agriculture, small, small);
    assertAccounting(r.accounting(), 4, Map.of("conflicting_duplicate", 2L), 1, Map.of(), 1, 0);
  }

  // ---------------------------------------------------------------- scope

  @Test
  void validRowsOutsideTheIndustrialDivisionsAreOutOfScope() {
    // 01 agriculture, 05 agricultural services, 47 construction, 97 international
    // organisations, 0511 a class of 05: valid, above size, out of scope; 06 and 46 are in
    // (scope is checked before the threshold: the small 01 row is out of scope too)
    ReferenceResult r =
        run(
            firm("A", 2020, "01", 10 * M, 1.0, 1.0),
            firm("B", 2020, "05", 10 * M, 1.0, 1.0),
            firm("C", 2020, "47", 10 * M, 1.0, 1.0),
            firm("D", 2020, "97", 10 * M, 1.0, 1.0),
            firm("E", 2020, "0511", 10 * M, 1.0, 1.0),
            row("G", 2020, "01", "11", 1.0, 1.0, 1.0, 1.0, null),
            firm("H", 2020, "06", 10 * M, 1.0, 1.0),
            firm("I", 2020, "46", 10 * M, 1.0, 1.0));
    assertAccounting(r.accounting(), 8, Map.of(), 0, Map.of("not_industrial_division", 6L), 0, 2);
    assertEquals(2, r.get("ALL", 2020).totals().firms());
    assertEquals(
        List.of("06", "46"),
        r.level(GroupLevel.DIVISION).stream().map(IndustryYear::code).toList());
  }

  @Test
  void scopeIsConfiguration() {
    ReferenceResult r =
        ContractReference.compute(
            List.of(
                firm("A", 2020, "31", 10 * M, 1.0, 1.0), firm("B", 2020, "32", 10 * M, 1.0, 1.0)),
            DEFAULTS.withScope(Set.of("31")));
    assertAccounting(r.accounting(), 2, Map.of(), 0, Map.of("not_industrial_division", 1L), 0, 1);
    assertEquals(1, r.get("EI6", 2020).totals().firms());
  }

  @Test
  void yearsOutsideTheConfiguredRangeAreOutOfScopeBeforeTheDivisionIsChecked() {
    List<RawRow> rows =
        List.of(
            firm("A", 2019, "31", 10 * M, 1.0, 1.0),
            firm("A", 2020, "31", 10 * M, 1.0, 1.0),
            firm("A", 2021, "31", 10 * M, 1.0, 1.0),
            firm("A", 2022, "01", 10 * M, 1.0, 1.0), // both outside: the year is reported
            firm("B", 2021, "01", 10 * M, 1.0, 1.0));
    ReferenceResult r = ContractReference.compute(rows, DEFAULTS.withYears(2020, 2021));
    assertAccounting(
        r.accounting(),
        5,
        Map.of(),
        0,
        Map.of("year_outside_range", 2L, "not_industrial_division", 1L),
        0,
        2);
    assertTrue(r.find("ALL", 2019).isEmpty());
    // 2020 is the first year kept: its YoY is null even though 2019 had data
    assertNull(r.get("31", 2020).energyYoyPct());
    assertEquals(0.0, r.get("31", 2021).energyYoyPct(), 1e-9);

    // an open upper bound
    ReferenceResult open = ContractReference.compute(rows, DEFAULTS.withYears(2021, null));
    assertEquals(
        Map.of("year_outside_range", 2L, "not_industrial_division", 2L),
        open.accounting().outOfScopeByReason());
  }

  // ---------------------------------------------------------------- accounting

  @Test
  void everyRowHasExactlyOneFate() {
    RawRow a = row("A", 2020, "31", "11", 50 * M, 10 * M, 500.0, 2_000.0, null);
    RawRow b = row("B", 2020, "06", "14", 30 * M, 20 * M, 1_500.0, 1_000.0, null);
    RawRow small = row("S", 2020, "31", "11", 1 * M, 1 * M, 1.0, 1.0, null);
    RawRow c1 = row("C", 2020, "44", "44", 50 * M, 1 * M, 1.0, 1.0, null);
    RawRow c2 = with(c1, "water", 2.0);
    RawRow noYear = with(with(a, "firm", "Y"), "year", null);
    RawRow badProvince = with(with(a, "firm", "P"), "province", "00");
    RawRow farm = with(with(a, "firm", "FARM"), "code", "0111");
    List<RawRow> rows =
        List.of(
            a,
            noYear,
            a.fromFile("year=2020/part-1.parquet"),
            c1,
            b,
            small,
            badProvince,
            a.fromFile("year=2020/part-2.parquet"),
            farm,
            c2);
    ReferenceResult r = run(rows);
    // 10 read = 4 quarantined (2 conflicting, 1 missing year, 1 province)
    //         + 2 collapsed (copies of A) + 1 out of scope + 1 below + 2 aggregated (A, B)
    assertAccounting(
        r.accounting(),
        10,
        Map.of("conflicting_duplicate", 2L, "missing_year", 1L, "unknown_province_code", 1L),
        2,
        Map.of("not_industrial_division", 1L),
        1,
        2);
    assertEquals(3, r.accounting().inputFiles());
    // quarantined rows come in input order
    assertEquals(
        List.of(
            new QuarantinedRow(noYear, "missing_year"),
            new QuarantinedRow(c1, "conflicting_duplicate"),
            new QuarantinedRow(badProvince, "unknown_province_code"),
            new QuarantinedRow(c2, "conflicting_duplicate")),
        r.quarantined());
    assertEquals(List.of(a, b), r.aggregated());
    // ALL 2020: VA 30 M = 3 000 ×10k; energy 2 000 → 0.6667; water 3 000 → 1.0
    assertEquals(2_000.0 / 3_000.0, r.get("ALL", 2020).energyIntensity(), EPS);
    assertEquals(1.0, r.get("ALL", 2020).waterIntensity(), EPS);
  }

  @Test
  void emptyInputGivesZerosAndNoRows() {
    ReferenceResult r = run(List.of());
    assertAccounting(r.accounting(), 0, Map.of(), 0, Map.of(), 0, 0);
    assertTrue(r.industryYears().isEmpty());
    assertEquals(0.0, r.accounting().quarantinedShare());
  }

  @Test
  void defaultParametersMatchTheDefaultJobSettings() {
    assertEquals(DEFAULTS.withCo2Factor(2.66), ReferenceParams.of(SettingsLoader.defaults()));
  }

  // ---------------------------------------------------------------- helpers

  /** A copy of a row with one field replaced: firm, year, code, province, revenue, va, … */
  @Test
  void sameSample_usesTheCurrentFirmsBothYears() {
    // 2019: A above size (E 500, VA 10 M); B below the threshold (revenue 10 M, E 300, VA 10 M).
    // 2020: A (E 450, VA 10 M), B now above (E 500, VA 20 M), C new (E 1 000, VA 10 M).
    // Same sample 2020 = {A, B}: now 950 / 3 000 (10k yuan); before 800 / 2 000.
    // Change = (950 × 2 000) / (3 000 × 800) − 1 = 1 900 000 / 2 400 000 − 1 = −20.8333… %.
    // Plain YoY: 2020 all three 1 950 / 4 000 = 0.4875; 2019 only A 0.5 → −2.5 %.
    ReferenceResult r =
        run(
            firm("A", 2019, "31", 10 * M, 500.0, 1.0),
            row("B", 2019, "31", "11", 10 * M, 10 * M, 300.0, 1.0, null),
            firm("A", 2020, "31", 10 * M, 450.0, 1.0),
            firm("B", 2020, "31", 20 * M, 500.0, 1.0),
            firm("C", 2020, "31", 10 * M, 1_000.0, 1.0));
    IndustryYear y2020 = r.get("31", 2020);
    assertEquals(2, y2020.sameSample().firms());
    assertEquals(-100.0 / 4.8, y2020.energyYoySameSamplePct(), 1e-9);
    assertEquals(-2.5, y2020.energyYoyPct(), 1e-9);
    assertNull(r.get("31", 2019).energyYoySameSamplePct());
  }

  private static RawRow with(RawRow r, String field, Object value) {
    return new RawRow(
        field.equals("firm") ? (String) value : r.firmId(),
        field.equals("year") ? (Integer) value : r.year(),
        field.equals("code") ? (String) value : r.industryCode(),
        field.equals("province") ? (String) value : r.provinceCode(),
        field.equals("revenue") ? (Double) value : r.revenueYuan(),
        field.equals("va") ? (Double) value : r.addedValueYuan(),
        field.equals("energy") ? (Double) value : r.energyTce(),
        field.equals("water") ? (Double) value : r.waterM3(),
        field.equals("co2") ? (Double) value : r.co2T(),
        r.sourceFile());
  }
}
