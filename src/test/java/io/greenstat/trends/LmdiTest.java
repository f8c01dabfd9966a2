package io.greenstat.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.trends.DivisionContribution.Rule;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LmdiTest {
  /** Yuan per 10 000 yuan: the tests write added value in 10k yuan and pass yuan. */
  private static final double TENK = 10_000.0;

  /** {energy tce, added value given in 10k yuan} as the {energy, yuan} array Lmdi takes. */
  private static double[] ey(double energyTce, double addedValue10kYuan) {
    return new double[] {energyTce, addedValue10kYuan * TENK};
  }

  private static Map<String, double[]> year(Object... codeAndValues) {
    Map<String, double[]> m = new LinkedHashMap<>();
    for (int i = 0; i < codeAndValues.length; i += 2) {
      m.put((String) codeAndValues[i], (double[]) codeAndValues[i + 1]);
    }
    return m;
  }

  private static DivisionContribution term(Decomposition d, String division) {
    return d.contributions().stream()
        .filter(c -> c.division().equals(division))
        .findFirst()
        .orElseThrow();
  }

  // ---------------------------------------------------------------------------------------------
  // The worked example of DOMAIN §5.3

  @Test
  void workedExampleOfDomainNotes() {
    // Two divisions. Year 0: Y = (50, 50), E = (100, 10); year T: Y = (40, 60), E = (76, 9).
    // Y in 10k yuan, so I^0 = 110 / 100 = 1.10 and I^T = 85 / 100 = 0.85 tce per 10k yuan.
    Decomposition d =
        Lmdi.decompose(
            2020, year("31", ey(100, 50), "39", ey(10, 50)),
            2021, year("31", ey(76, 40), "39", ey(9, 60)));

    // Hand arithmetic, following DOMAIN §5.3 term by term:
    // V_i = E_i / Y: (1.00, 0.10) -> (0.76, 0.09); S: 0.5 -> 0.4, 0.5 -> 0.6;
    // I_i: 2.0 -> 1.9, 0.2 -> 0.15.
    double l1 = (0.76 - 1.00) / (Math.log(0.76) - Math.log(1.00)); // L(0.76, 1.00) = 0.874518
    double l2 = (0.09 - 0.10) / (Math.log(0.09) - Math.log(0.10)); // L(0.09, 0.10) = 0.094912
    double lAgg = (0.85 - 1.10) / (Math.log(0.85) - Math.log(1.10)); // L(0.85, 1.10) = 0.969635
    double structureChange = l1 * Math.log(0.4 / 0.5) + l2 * Math.log(0.6 / 0.5);
    double intensityChange = l1 * Math.log(1.9 / 2.0) + l2 * Math.log(0.15 / 0.2);
    double dStr = Math.exp(structureChange / lAgg);
    double dInt = Math.exp(intensityChange / lAgg);
    // The hand arithmetic reproduces the domain notes' six-digit figures.
    assertEquals(0.874518, l1, 1e-6);
    assertEquals(0.094912, l2, 1e-6);
    assertEquals(0.969635, lAgg, 1e-6);
    assertEquals(0.832429, dStr, 1e-6);
    assertEquals(0.928281, dInt, 1e-6);

    assertEquals(1.10, d.intensityFrom(), 1e-12);
    assertEquals(0.85, d.intensityTo(), 1e-12);
    assertEquals(0.85 / 1.10, d.totalRatio(), 1e-12);
    assertEquals(0.772727, d.totalRatio(), 1e-6);
    assertEquals(0.832429, d.structureRatio(), 1e-6);
    assertEquals(0.928281, d.intensityRatio(), 1e-6);
    assertEquals(dStr, d.structureRatio(), 1e-12);
    assertEquals(dInt, d.intensityRatio(), 1e-12);
    assertEquals(-0.25, d.totalChange(), 1e-12);
    assertEquals(structureChange, d.structureChange(), 1e-12);
    assertEquals(intensityChange, d.intensityChange(), 1e-12);

    // Identities, relative 1e-12.
    assertEquals(1.0, d.structureRatio() * d.intensityRatio() / d.totalRatio(), 1e-12);
    assertEquals(d.totalChange(), d.structureChange() + d.intensityChange(), 1e-12 * 1.10);

    // Per-division terms.
    DivisionContribution c31 = term(d, "31");
    assertEquals(Rule.REGULAR, c31.rule());
    assertEquals(1.00, c31.vFrom(), 1e-12);
    assertEquals(0.76, c31.vTo(), 1e-12);
    assertEquals(l1 / lAgg, c31.weight(), 1e-12);
    assertEquals(l1 * Math.log(0.8), c31.structureChange(), 1e-12);
    assertEquals(l1 * Math.log(0.95), c31.intensityChange(), 1e-12);
    assertEquals(l1 / lAgg * Math.log(0.8), c31.structureLogTerm(), 1e-12);
    assertEquals(l2 / lAgg * Math.log(0.75), term(d, "39").intensityLogTerm(), 1e-12);
    assertTrue(d.notes().isEmpty());
    assertTrue(d.skippedDivisions().isEmpty());
    assertFalse(d.chained());
  }

  @Test
  void logarithmicMean() {
    assertEquals(2.0, Lmdi.logMean(2.0, 2.0));
    assertEquals(0.0, Lmdi.logMean(0.0, 3.0));
    assertEquals(0.0, Lmdi.logMean(3.0, 0.0));
    assertEquals((4.0 - 1.0) / Math.log(4.0), Lmdi.logMean(4.0, 1.0), 1e-15);
    assertEquals(Lmdi.logMean(1.0, 4.0), Lmdi.logMean(4.0, 1.0));
    // Close arguments: L(a, b) ≈ (a + b) / 2 − (a − b)² / (12 (a + b) / 2) to second order.
    double a = 1.0 + 1e-9;
    double b = 1.0;
    assertEquals((a + b) / 2, Lmdi.logMean(a, b), 1e-15);
    // Between the geometric and the arithmetic mean.
    double l = Lmdi.logMean(0.3, 7.0);
    assertTrue(l > Math.sqrt(0.3 * 7.0) && l < (0.3 + 7.0) / 2);
    assertThrows(IllegalArgumentException.class, () -> Lmdi.logMean(-1, 1));
  }

  // ---------------------------------------------------------------------------------------------
  // Zero values: analytical limits (DOMAIN §5.4)

  @Test
  void divisionAppearingGoesToStructure() {
    // Year 0: only 31 (E 100, Y 50). Year T: 31 (E 80, Y 50), 39 appears (E 20, Y 50).
    // I^0 = 2, I^T = 1. V_31: 2 -> 0.8, V_39: 0 -> 0.2. S_31: 1 -> 0.5, I_31: 2 -> 1.6.
    Decomposition d =
        Lmdi.decompose(
            2020, year("31", ey(100, 50)), 2021, year("31", ey(80, 50), "39", ey(20, 50)));
    double l = (0.8 - 2.0) / (Math.log(0.8) - Math.log(2.0));
    DivisionContribution c39 = term(d, "39");
    assertEquals(Rule.DIVISION_APPEARS, c39.rule());
    assertEquals(0.2, c39.structureChange(), 1e-15); // the whole V^T to structure
    assertEquals(0.0, c39.intensityChange());
    assertEquals(0.0, c39.weight()); // L(0.2, 0) = 0
    assertEquals(l * Math.log(0.5) + 0.2, d.structureChange(), 1e-12);
    assertEquals(l * Math.log(0.8), d.intensityChange(), 1e-12);
    assertEquals(-1.0, d.totalChange(), 1e-12);
    double lAgg = (1.0 - 2.0) / (Math.log(1.0) - Math.log(2.0));
    assertEquals(Math.exp((l * Math.log(0.5) + 0.2) / lAgg), d.structureRatio(), 1e-12);
    assertEquals(Math.exp(l * Math.log(0.8) / lAgg), d.intensityRatio(), 1e-12);
    assertIdentities(d);
  }

  @Test
  void divisionDisappearingGoesToStructure() {
    // The previous case backwards: 39 disappears; every term changes sign.
    Decomposition forward =
        Lmdi.decompose(
            2020, year("31", ey(100, 50)), 2021, year("31", ey(80, 50), "39", ey(20, 50)));
    Decomposition d =
        Lmdi.decompose(
            2021,
            year("31", ey(80, 50), "39", ey(20, 50)),
            2022,
            year("31", ey(100, 50), "39", ey(0, 0)));
    assertEquals(Rule.DIVISION_DISAPPEARS, term(d, "39").rule());
    assertEquals(-0.2, term(d, "39").structureChange(), 1e-15);
    assertEquals(-forward.structureChange(), d.structureChange(), 1e-12);
    assertEquals(-forward.intensityChange(), d.intensityChange(), 1e-12);
    assertEquals(1 / forward.structureRatio(), d.structureRatio(), 1e-12);
    assertIdentities(d);
  }

  @Test
  void energyAppearingOrDisappearingGoesToIntensity() {
    // 31: E 100, Y 50 both years. 39: Y 50 both years, E 0 -> 10.
    // I^0 = 100/100 = 1, I^T = 110/100 = 1.1; V_39: 0 -> 0.1 (all intensity); 31 unchanged.
    Decomposition d =
        Lmdi.decompose(
            2020, year("31", ey(100, 50), "39", ey(0, 50)),
            2021, year("31", ey(100, 50), "39", ey(10, 50)));
    assertEquals(Rule.ENERGY_APPEARS, term(d, "39").rule());
    assertEquals(0.1, term(d, "39").intensityChange(), 1e-15);
    assertEquals(0.0, term(d, "39").structureChange());
    assertEquals(0.0, d.structureChange(), 1e-15);
    assertEquals(0.1, d.intensityChange(), 1e-12);
    assertEquals(1.0, d.structureRatio(), 1e-15);
    assertEquals(1.1, d.intensityRatio(), 1e-12);

    Decomposition back =
        Lmdi.decompose(
            2021, year("31", ey(100, 50), "39", ey(10, 50)),
            2022, year("31", ey(100, 50), "39", ey(0, 50)));
    assertEquals(Rule.ENERGY_DISAPPEARS, term(back, "39").rule());
    assertEquals(-0.1, back.intensityChange(), 1e-12);
    assertEquals(1 / 1.1, back.intensityRatio(), 1e-12);
    assertIdentities(back);
  }

  @Test
  void noEnergyInEitherYearContributesNothing() {
    Decomposition d =
        Lmdi.decompose(
            2020, year("31", ey(100, 50), "46", ey(0, 10)),
            2021, year("31", ey(100, 50), "46", ey(0, 30)));
    DivisionContribution c = term(d, "46");
    assertEquals(Rule.NO_ENERGY, c.rule());
    assertEquals(0.0, c.structureChange());
    assertEquals(0.0, c.intensityChange());
    // 31's share falls from 50/60 to 50/80 at constant intensity: all structure.
    assertEquals(0.0, d.intensityChange(), 1e-15);
    assertEquals(d.totalRatio(), d.structureRatio(), 1e-12);
  }

  @Test
  void divisionWithoutAddedValueOrEnergyIsSkipped() {
    Decomposition d =
        Lmdi.decompose(
            2020, year("31", ey(100, 50), "12", ey(0, 0), "13", ey(0, -1)),
            2021, year("31", ey(90, 50), "12", ey(0, 0)));
    assertEquals(List.of("12", "13"), d.skippedDivisions());
    assertEquals(List.of("31"), d.contributions().stream().map(c -> c.division()).toList());
    assertEquals(2.0, d.intensityFrom(), 1e-12);
    assertEquals(1.8, d.intensityTo(), 1e-12);
    assertTrue(d.notes().isEmpty(), d.notes().toString());
    assertIdentities(d);
  }

  @Test
  void energyWithoutAddedValueInBothYearsIsIntensityByConvention() {
    // 07 reports 5 then 8 tce with no added value: kept, so that I is ΣE / ΣY over everything.
    Decomposition d =
        Lmdi.decompose(
            2020, year("31", ey(100, 50), "07", ey(5, 0)),
            2021, year("31", ey(90, 50), "07", ey(8, 0)));
    assertEquals(List.of(), d.skippedDivisions());
    assertEquals(2.1, d.intensityFrom(), 1e-12);
    assertEquals(1.96, d.intensityTo(), 1e-12);
    DivisionContribution c07 = term(d, "07");
    assertEquals(Rule.ENERGY_WITHOUT_VALUE, c07.rule());
    assertEquals(0.16 - 0.10, c07.intensityChange(), 1e-15);
    assertEquals(0.0, c07.structureChange());
    assertTrue(d.notes().stream().anyMatch(n -> n.contains("division 07")), d.notes().toString());
    assertIdentities(d);
  }

  @Test
  void smallValueSubstitutionConvergesToTheAnalyticalLimit() {
    // The small-value strategy (replace 0 by δ) tends to the analytical limit as δ -> 0, slowly
    // (the error falls like 1 / ln(1/δ)): an independent check of the limit's direction.
    Map<String, double[]> t = year("31", ey(80, 50), "39", ey(20, 50));
    Decomposition limit = Lmdi.decompose(2020, year("31", ey(100, 50)), 2021, t);
    double previousError = Double.MAX_VALUE;
    for (double delta : new double[] {1e-10, 1e-50, 1e-150, 1e-290}) {
      // 39 in year 0 with a tiny added value and twice the intensity it has in year T.
      Decomposition sv =
          Lmdi.decompose(2020, year("31", ey(100, 50), "39", ey(0.8 * delta, delta)), 2021, t);
      assertEquals(Rule.REGULAR, term(sv, "39").rule());
      double error = Math.abs(sv.structureChange() - limit.structureChange());
      assertTrue(error < previousError, "δ = " + delta + ": " + error);
      previousError = error;
    }
    assertTrue(previousError < 0.01 * 0.2, "error " + previousError);
  }

  @Test
  void energyReportedWithoutAddedValueIsStructureByConvention() {
    // 39 has 5 tce but no added value in year 0, then Y 50 and E 20: the split is undefined there.
    Decomposition d =
        Lmdi.decompose(
            2020, year("31", ey(100, 50), "39", ey(5, 0)),
            2021, year("31", ey(80, 50), "39", ey(20, 50)));
    assertEquals(Rule.DIVISION_APPEARS, term(d, "39").rule());
    assertEquals(0.2 - 0.1, term(d, "39").structureChange(), 1e-15); // V: 5/50 -> 20/100
    assertTrue(d.notes().stream().anyMatch(n -> n.contains("energy but no added value in 2020")));
    assertEquals(2.1, d.intensityFrom(), 1e-12);
    assertIdentities(d);
  }

  // ---------------------------------------------------------------------------------------------
  // Undefined results: nulls, never NaN

  @Test
  void noEnergyInYearZeroLeavesTheRatiosEmpty() {
    Decomposition d = Lmdi.decompose(2020, year("31", ey(0, 50)), 2021, year("31", ey(10, 50)));
    assertEquals(0.0, d.intensityFrom());
    assertEquals(0.2, d.intensityTo(), 1e-15);
    assertNull(d.totalRatio());
    assertNull(d.structureRatio());
    assertNull(d.intensityRatio());
    assertEquals(0.2, d.totalChange(), 1e-15);
    assertEquals(0.2, d.intensityChange(), 1e-15);
    assertEquals(0.0, d.structureChange());
    assertNull(term(d, "31").weight());
    assertNull(term(d, "31").structureLogTerm());
    assertTrue(d.additiveDefined());
    assertFalse(d.multiplicativeDefined());
    assertFalse(d.notes().isEmpty());
  }

  @Test
  void noEnergyInYearTGivesARatioOfZeroButNoFactors() {
    Decomposition d = Lmdi.decompose(2020, year("31", ey(10, 50)), 2021, year("31", ey(0, 50)));
    assertEquals(0.0, d.totalRatio());
    assertNull(d.structureRatio());
    assertEquals(-0.2, d.intensityChange(), 1e-15);
  }

  @Test
  void noAddedValueInAYearLeavesEverythingEmpty() {
    Decomposition d = Lmdi.decompose(2020, year("31", ey(10, 50)), 2021, Map.of());
    assertEquals(0.2, d.intensityFrom(), 1e-15);
    assertNull(d.intensityTo());
    assertNull(d.totalChange());
    assertNull(d.totalRatio());
    assertTrue(d.contributions().isEmpty());
    assertTrue(
        d.notes().contains("no added value in 2021: intensity undefined"), d.notes().toString());

    Decomposition none = Lmdi.decompose(2020, Map.of(), 2021, Map.of());
    assertNull(none.intensityFrom());
    assertNull(none.structureChange());
  }

  @Test
  void negativeOrNonFiniteValuesMakeTheResultUndefined() {
    Decomposition negative =
        Lmdi.decompose(
            2020,
            year("31", ey(10, 50), "39", ey(1, -5)),
            2021,
            year("31", ey(9, 50), "39", ey(1, 5)));
    assertNull(negative.intensityFrom());
    assertNull(negative.structureRatio());
    assertTrue(negative.notes().get(0).contains("division 39, 2020: negative added value"));

    Decomposition infinite =
        Lmdi.decompose(
            2020, year("31", ey(Double.POSITIVE_INFINITY, 50)), 2021, year("31", ey(9, 50)));
    assertNull(infinite.totalChange());
    assertFalse(infinite.notes().isEmpty());

    // Negative added value in both years: skipped like zero (no share in either year).
    Decomposition skipped =
        Lmdi.decompose(
            2020,
            year("31", ey(10, 50), "39", ey(0, -5)),
            2021,
            year("31", ey(9, 50), "39", ey(0, -1)));
    assertEquals(List.of("39"), skipped.skippedDivisions());
    assertNotNull(skipped.structureRatio());

    assertThrows(
        IllegalArgumentException.class,
        () -> Lmdi.decompose(2020, Map.of("31", new double[] {1}), 2021, Map.of()));
  }

  // ---------------------------------------------------------------------------------------------
  // Properties on random inputs

  /**
   * Random division totals with every zero pattern: absent, appearing, zero energy, tiny changes.
   */
  private static List<Map<String, double[]>> randomPair(Random rnd) {
    int n = 1 + rnd.nextInt(41);
    List<Map<String, double[]>> pair = List.of(new TreeMap<>(), new TreeMap<>());
    for (int i = 0; i < n; i++) {
      String code = String.format("%02d", 6 + i);
      double va = Math.pow(10, 4 + 8 * rnd.nextDouble()); // yuan
      double intensity = Math.pow(10, -2 + 3 * rnd.nextDouble()); // tce per 10k yuan
      boolean near = rnd.nextInt(10) == 0; // year T nearly equal to year 0
      for (int t = 0; t < 2; t++) {
        double y = va;
        double e = intensity * va / TENK;
        if (t == 1) {
          double drift = near ? 1e-9 : 0.5;
          y *= Math.exp(drift * rnd.nextGaussian());
          e = intensity * Math.exp(drift * rnd.nextGaussian()) * y / TENK;
        }
        int pattern = rnd.nextInt(40);
        if (pattern == 0) {
          continue; // absent
        } else if (pattern == 1) {
          y = 0;
          e = 0;
        } else if (pattern == 2) {
          e = 0; // added value without energy
        } else if (pattern == 3) {
          y = 0; // energy without added value
        }
        pair.get(t).put(code, new double[] {e, y});
      }
    }
    return pair;
  }

  @Test
  void identitiesHoldOnRandomInputsWithZeros() {
    Random rnd = new Random(20_240_611L);
    int multiplicative = 0;
    int withLimits = 0;
    for (int k = 0; k < 5_000; k++) {
      List<Map<String, double[]>> p = randomPair(rnd);
      Decomposition d = Lmdi.decompose(2020, p.get(0), 2021, p.get(1));
      if (!d.additiveDefined()) {
        continue;
      }
      assertIdentities(d);
      if (d.multiplicativeDefined()) {
        multiplicative++;
      }
      if (d.contributions().stream().anyMatch(c -> c.rule() != Rule.REGULAR)) {
        withLimits++;
      }
      // I^0 and I^T are ratios of sums over the divisions with added value in either year.
      double[] sums = new double[4];
      for (String code : d.contributions().stream().map(c -> c.division()).toList()) {
        double[] a = p.get(0).getOrDefault(code, new double[2]);
        double[] b = p.get(1).getOrDefault(code, new double[2]);
        sums[0] += a[0];
        sums[1] += a[1];
        sums[2] += b[0];
        sums[3] += b[1];
      }
      assertEquals(sums[0] / (sums[1] / TENK), d.intensityFrom(), 1e-12 * d.intensityFrom());
      assertEquals(sums[2] / (sums[3] / TENK), d.intensityTo(), 1e-12 * d.intensityTo());

      // Time reversal: every effect changes sign (additive) or inverts (multiplicative).
      Decomposition r = Lmdi.decompose(2021, p.get(1), 2020, p.get(0));
      double scale = scale(d);
      assertEquals(-d.structureChange(), r.structureChange(), 1e-12 * scale);
      assertEquals(-d.intensityChange(), r.intensityChange(), 1e-12 * scale);
      if (d.multiplicativeDefined()) {
        assertEquals(1.0, d.structureRatio() * r.structureRatio(), 1e-12);
        assertEquals(1.0, d.intensityRatio() * r.intensityRatio(), 1e-12);
      }
    }
    assertTrue(multiplicative > 4_000, "multiplicative cases: " + multiplicative);
    assertTrue(withLimits > 1_000, "cases with zero values: " + withLimits);
  }

  @Test
  void ratiosDoNotDependOnUnits() {
    Random rnd = new Random(7);
    for (int k = 0; k < 200; k++) {
      List<Map<String, double[]>> p = randomPair(rnd);
      Decomposition d = Lmdi.decompose(2020, p.get(0), 2021, p.get(1));
      if (!d.multiplicativeDefined()) {
        continue;
      }
      // Energy in kgce and added value in 10k yuan: the ratios are the same; changes scale.
      Decomposition scaled = Lmdi.decompose(2020, rescale(p.get(0)), 2021, rescale(p.get(1)));
      assertEquals(d.structureRatio(), scaled.structureRatio(), 1e-12 * d.structureRatio());
      assertEquals(d.intensityRatio(), scaled.intensityRatio(), 1e-12 * d.intensityRatio());
      assertEquals(
          d.structureChange() * 1000 * TENK, scaled.structureChange(), 1e-9 * scale(scaled));
    }
  }

  private static Map<String, double[]> rescale(Map<String, double[]> m) {
    Map<String, double[]> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, new double[] {v[0] * 1000, v[1] / TENK}));
    return out;
  }

  @Test
  void pureStructureAndPureIntensityChanges() {
    // Division intensities 3.0 and 0.1 unchanged, shares move: D_int = 1, ΔI_int = 0.
    Decomposition structure =
        Lmdi.decompose(
            2020, year("31", ey(150, 50), "39", ey(5, 50)),
            2021, year("31", ey(90, 30), "39", ey(7, 70)));
    assertEquals(1.0, structure.intensityRatio(), 1e-15);
    assertEquals(0.0, structure.intensityChange(), 1e-15);
    assertEquals(structure.totalRatio(), structure.structureRatio(), 1e-15);
    // Shares fixed, intensities move: D_str = 1.
    Decomposition intensity =
        Lmdi.decompose(
            2020, year("31", ey(150, 50), "39", ey(5, 50)),
            2021, year("31", ey(120, 50), "39", ey(6, 50)));
    assertEquals(1.0, intensity.structureRatio(), 1e-15);
    assertEquals(0.0, intensity.structureChange(), 1e-15);
  }

  /** Largest magnitude involved: the identities are checked relative to it. */
  private static double scale(Decomposition d) {
    double s = Math.max(Math.abs(d.intensityFrom()), Math.abs(d.intensityTo()));
    for (DivisionContribution c : d.contributions()) {
      s = Math.max(s, Math.abs(c.structureChange()) + Math.abs(c.intensityChange()));
    }
    return s;
  }

  static void assertIdentities(Decomposition d) {
    double scale = scale(d);
    assertEquals(d.intensityTo() - d.intensityFrom(), d.totalChange(), 1e-12 * scale);
    assertEquals(
        d.totalChange(), d.structureChange() + d.intensityChange(), 1e-12 * scale, d.toString());
    double sumStr = d.contributions().stream().mapToDouble(c -> c.structureChange()).sum();
    double sumInt = d.contributions().stream().mapToDouble(c -> c.intensityChange()).sum();
    assertEquals(d.structureChange(), sumStr, 1e-12 * scale);
    assertEquals(d.intensityChange(), sumInt, 1e-12 * scale);
    if (d.multiplicativeDefined()) {
      assertEquals(d.intensityTo() / d.intensityFrom(), d.totalRatio(), 1e-12 * d.totalRatio());
      assertEquals(
          1.0, d.structureRatio() * d.intensityRatio() / d.totalRatio(), 1e-12, d.toString());
      // Each ratio is exp(Σ log-terms), and ln D = ΔI / L(I^T, I^0) (Ang 2005).
      if (!d.chained()) {
        double lAgg = Lmdi.logMean(d.intensityTo(), d.intensityFrom());
        assertEquals(Math.log(d.structureRatio()), d.structureChange() / lAgg, 1e-12);
        assertEquals(Math.log(d.intensityRatio()), d.intensityChange() / lAgg, 1e-12);
      }
      double lnStr = d.contributions().stream().mapToDouble(c -> c.structureLogTerm()).sum();
      double lnInt = d.contributions().stream().mapToDouble(c -> c.intensityLogTerm()).sum();
      assertEquals(Math.log(d.structureRatio()), lnStr, 1e-12);
      assertEquals(Math.log(d.intensityRatio()), lnInt, 1e-12);
    }
    for (Double v :
        new Double[] {
          d.intensityFrom(), d.intensityTo(), d.totalRatio(), d.structureRatio(),
          d.intensityRatio(), d.totalChange(), d.structureChange(), d.intensityChange()
        }) {
      assertTrue(v == null || Double.isFinite(v));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Chaining and series

  private static Map<Integer, Map<String, double[]>> randomSeries(Random rnd, int first, int last) {
    Map<Integer, Map<String, double[]>> out = new TreeMap<>();
    List<Map<String, double[]>> p = randomPair(rnd);
    Map<String, double[]> current = p.get(0);
    for (int y = first; y <= last; y++) {
      out.put(y, current);
      Map<String, double[]> next = new TreeMap<>();
      for (Map.Entry<String, double[]> e : current.entrySet()) {
        double[] v = e.getValue();
        next.put(
            e.getKey(),
            new double[] {
              v[0] * Math.exp(0.1 * rnd.nextGaussian()), v[1] * Math.exp(0.1 * rnd.nextGaussian())
            });
      }
      if (y % 3 == 0) {
        next.put("46", new double[] {rnd.nextDouble() * 1000, 0}); // 46 comes and goes
      }
      current = next;
    }
    return out;
  }

  @Test
  void chainMultipliesFactorsAndAddsChanges() {
    Map<String, double[]> y0 = year("31", ey(100, 50), "39", ey(10, 50));
    Map<String, double[]> y1 = year("31", ey(76, 40), "39", ey(9, 60));
    Map<String, double[]> y2 = year("31", ey(70, 35), "39", ey(9, 70), "44", ey(30, 5));
    Decomposition a = Lmdi.decompose(2020, y0, 2021, y1);
    Decomposition b = Lmdi.decompose(2021, y1, 2022, y2);
    Decomposition c = Lmdi.chain(List.of(a, b));
    assertTrue(c.chained());
    assertEquals(2020, c.fromYear());
    assertEquals(2022, c.toYear());
    assertEquals(a.structureRatio() * b.structureRatio(), c.structureRatio(), 1e-15);
    assertEquals(a.intensityRatio() * b.intensityRatio(), c.intensityRatio(), 1e-15);
    assertEquals(a.structureChange() + b.structureChange(), c.structureChange(), 1e-15);
    assertEquals(a.intensityFrom(), c.intensityFrom());
    assertEquals(b.intensityTo(), c.intensityTo());
    assertEquals(c.intensityTo() / c.intensityFrom(), c.totalRatio(), 1e-12);
    assertIdentities(c);
    DivisionContribution c44 = term(c, "44"); // appears in the second link only
    assertEquals(Rule.CHAINED, c44.rule());
    assertEquals(term(b, "44").structureChange(), c44.structureChange());
    assertEquals(0.0, c44.vFrom());
    assertEquals(
        term(a, "31").intensityLogTerm() + term(b, "31").intensityLogTerm(),
        term(c, "31").intensityLogTerm(),
        1e-15);

    assertSame(a, Lmdi.chain(List.of(a)));
    assertThrows(IllegalArgumentException.class, () -> Lmdi.chain(List.of()));
    assertThrows(IllegalArgumentException.class, () -> Lmdi.chain(List.of(b, a)));
  }

  @Test
  void chainIsUndefinedWhenALinkIs() {
    Decomposition a = Lmdi.decompose(2020, year("31", ey(1, 5)), 2021, year("31", ey(0, 5)));
    Decomposition b = Lmdi.decompose(2021, year("31", ey(0, 5)), 2022, year("31", ey(2, 5)));
    Decomposition c = Lmdi.chain(List.of(a, b));
    assertNull(c.structureRatio());
    assertNull(c.totalRatio());
    assertEquals(a.totalChange() + b.totalChange(), c.totalChange(), 1e-15);

    Decomposition none = Lmdi.decompose(2022, year("31", ey(2, 5)), 2023, Map.of());
    Decomposition d = Lmdi.chain(List.of(b, none));
    assertNull(d.totalChange());
    assertTrue(d.contributions().isEmpty());
    assertTrue(d.notes().stream().anyMatch(n -> n.contains("2022→2023 is undefined")));
  }

  @Test
  void seriesHasYearlyRowsThenChainedPlanPeriodsBaseAndFirstToLast() {
    Map<Integer, Map<String, double[]>> totals = randomSeries(new Random(3), 2015, 2025);
    List<Decomposition> all = Lmdi.series(totals, 2018);
    List<String> spans =
        all.stream().map(d -> d.fromYear() + "-" + d.toYear() + (d.chained() ? "c" : "")).toList();
    assertEquals(
        List.of(
            "2015-2016",
            "2016-2017",
            "2017-2018",
            "2018-2019",
            "2019-2020",
            "2020-2021",
            "2021-2022",
            "2022-2023",
            "2023-2024",
            "2024-2025",
            "2015-2020c",
            "2015-2025c",
            "2018-2025c",
            "2020-2025c"),
        spans);
    for (Decomposition d : all) {
      if (d.additiveDefined()) {
        assertIdentities(d);
      }
    }
    // Without a base year, and with the base year equal to a plan-period start: no duplicates.
    assertEquals(13, Lmdi.series(totals).size());
    assertEquals(13, Lmdi.series(totals, 2020).size());
    assertEquals(13, Lmdi.series(totals, 2015).size());
  }

  @Test
  void seriesChainsOnlyCompleteSpans() {
    Map<Integer, Map<String, double[]>> totals = randomSeries(new Random(4), 2015, 2025);
    totals.remove(2018);
    List<String> spans =
        Lmdi.series(totals, 2016).stream().map(d -> d.fromYear() + "-" + d.toYear()).toList();
    assertEquals(
        List.of(
            "2015-2016",
            "2016-2017",
            "2019-2020",
            "2020-2021",
            "2021-2022",
            "2022-2023",
            "2023-2024",
            "2024-2025",
            "2020-2025"),
        spans);
    assertEquals(List.of(), Lmdi.series(Map.of()));
    assertEquals(List.of(), Lmdi.series(Map.of(2020, year("31", ey(1, 1)))));
  }

  @Test
  void chainedSeriesHoldsTheIdentitiesOnRandomInputs() {
    Random rnd = new Random(11);
    for (int k = 0; k < 300; k++) {
      Map<Integer, Map<String, double[]>> totals = randomSeries(rnd, 2014, 2024);
      for (Decomposition d : Lmdi.series(totals, 2020)) {
        if (d.additiveDefined()) {
          assertIdentities(d);
        }
      }
    }
  }
}
