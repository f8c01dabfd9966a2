package io.greenstat.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.schema.Targets;
import io.greenstat.schema.Targets.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetProgressTest {
  private static final Target ENERGY =
      new Target("energy_intensity", "ALL", 2020, 2025, -13.5, "x");

  @Test
  void shippedTargetsAreThe14thPlanIndustrialTargets() {
    Targets targets = Targets.load();
    assertEquals(3, targets.all().size());
    Target energy = targets.find(Targets.ENERGY_INTENSITY, "ALL").orElseThrow();
    assertEquals(2020, energy.baseYear());
    assertEquals(2025, energy.targetYear());
    assertEquals(-13.5, energy.targetChangePct());
    assertEquals(
        -16.0, targets.find(Targets.WATER_INTENSITY, "ALL").orElseThrow().targetChangePct());
    assertEquals(-18.0, targets.find(Targets.CO2_INTENSITY, "ALL").orElseThrow().targetChangePct());
    for (Target t : targets.all()) {
      assertTrue(t.source().contains("《“十四五”工业绿色发展规划》(MIIT, 2021-12-03)"), t.source());
    }
    assertTrue(targets.find(Targets.ENERGY_INTENSITY, "EI6").isEmpty());
  }

  @Test
  void oneYearOfMinus5point6IsAbout41PercentOfTheEnergyTarget() {
    TargetProgress p = TargetProgress.evaluate(ENERGY, Map.of(2021, -5.6), 1.0);
    assertEquals(2021, p.latestYear());
    // cumulative = 0.944 − 1 = −5.6 %
    assertEquals(-5.6, p.cumulativeChangePct(), 1e-12);
    // share = −5.6 / −13.5 = 0.414815 → 41.48 %
    assertEquals(41.481481, p.shareOfTargetPct(), 1e-6);
    // still required over 4 years: (0.865 / 0.944)^(1/4) − 1 = 0.916314^0.25 − 1 = −2.1612 %/yr
    assertEquals(-2.161220, p.requiredAnnualChangePct(), 1e-6);
    // straight path at 2021: 0.865^(1/5) − 1 = −2.8589 %; −5.6 is below it: on track
    assertEquals(-2.858854, p.pathChangePct(), 1e-6);
    assertTrue(p.onTrack());
    // levels: base 1.0 → latest 0.944, target 0.865
    assertEquals(0.944, p.latestLevel(), 1e-12);
    assertEquals(0.865, p.targetLevel(), 1e-12);
    assertNull(p.reason());
  }

  @Test
  void slowProgressIsOffTrack() {
    TargetProgress p = TargetProgress.evaluate(ENERGY, Map.of(2021, -1.0, 2022, -1.0), null);
    // cumulative: 0.99 × 0.99 − 1 = −1.99 %; share 1.99 / 13.5 = 14.74 %
    assertEquals(-1.99, p.cumulativeChangePct(), 1e-12);
    assertEquals(14.740741, p.shareOfTargetPct(), 1e-6);
    // path at 2022: 0.865^(2/5) − 1 = −5.636 %: −1.99 is above it
    assertEquals(-5.635978, p.pathChangePct(), 1e-6);
    assertFalse(p.onTrack());
    // required over 3 years: (0.865 / 0.9801)^(1/3) − 1 = −4.0787 %/yr
    assertEquals(-4.078659, p.requiredAnnualChangePct(), 1e-6);
    assertNull(p.latestLevel());
    assertNull(p.targetLevel());
  }

  @Test
  void publishedWaterRatesAlreadyExceedTheWaterTarget() {
    // MWR bulletins, comparable prices: 2021 −7.1, 2022 −10.8, 2023 −3.9, 2024 −5.3 (DOMAIN §2.3)
    Target water = Targets.load().find(Targets.WATER_INTENSITY, "ALL").orElseThrow();
    TargetProgress p =
        TargetProgress.evaluate(
            water, Map.of(2021, -7.1, 2022, -10.8, 2023, -3.9, 2024, -5.3), 32.9);
    // 0.929 × 0.892 × 0.961 × 0.947 = 0.754143 → −24.59 %; share 24.59 / 16 = 153.7 %
    assertEquals(-24.585660, p.cumulativeChangePct(), 1e-6);
    assertEquals(153.660375, p.shareOfTargetPct(), 1e-6);
    // one year left: 0.84 / 0.754143 − 1 = +11.38 %: it may even rise and still meet the target
    assertEquals(11.384652, p.requiredAnnualChangePct(), 1e-6);
    assertEquals(-13.019194, p.pathChangePct(), 1e-6); // 0.84^(4/5) − 1
    assertTrue(p.onTrack());
    // 32.9 m³ × 0.754143 = 24.81 m³ implied at comparable prices (published 2024 level is current)
    assertEquals(24.811318, p.latestLevel(), 1e-6);
    assertEquals(27.636, p.targetLevel(), 1e-9);
  }

  @Test
  void atTheTargetYearOnTrackMeansMet() {
    Map<Integer, Double> rates = Map.of(2021, -3.0, 2022, -3.0, 2023, -3.0, 2024, -3.0, 2025, -3.0);
    TargetProgress p = TargetProgress.evaluate(ENERGY, rates, null);
    // 0.97^5 − 1 = −14.127 %: target −13.5 % met
    assertEquals(-14.126597, p.cumulativeChangePct(), 1e-6);
    assertNull(p.requiredAnnualChangePct());
    assertEquals(-13.5, p.pathChangePct(), 1e-12);
    assertTrue(p.onTrack());
    Map<Integer, Double> slow = new HashMap<>(rates);
    slow.put(2025, 0.0); // 0.97^4 − 1 = −11.47 %: missed
    assertFalse(TargetProgress.evaluate(ENERGY, slow, null).onTrack());
    // Years after the target year are ignored.
    slow.put(2026, -50.0);
    assertEquals(2025, TargetProgress.evaluate(ENERGY, slow, null).latestYear());
  }

  @Test
  void aGapLeavesTheCumulativeChangeEmptyAndSaysWhy() {
    Map<Integer, Double> rates = new HashMap<>(Map.of(2021, -5.6, 2023, -2.0, 2024, -1.0));
    rates.put(2022, null);
    TargetProgress p = TargetProgress.evaluate(ENERGY, rates, 0.9);
    assertEquals(2024, p.latestYear());
    assertNull(p.cumulativeChangePct());
    assertNull(p.shareOfTargetPct());
    assertNull(p.requiredAnnualChangePct());
    assertNull(p.onTrack());
    assertEquals(
        "no year-on-year change for 2022: the change since 2020 needs every year from 2021 to 2024",
        p.reason());
    rates.remove(2022);
    assertTrue(TargetProgress.evaluate(ENERGY, rates, null).reason().contains("for 2022:"));

    TargetProgress none = TargetProgress.evaluate(ENERGY, Map.of(2019, -2.0, 2020, -1.0), null);
    assertNull(none.latestYear());
    assertEquals("no year-on-year change after the base year 2020", none.reason());
  }

  @Test
  void anIncreaseTargetIsOnTrackAbovePath() {
    Target reuse = new Target("reuse_rate", "ALL", 2020, 2025, 1.2, "x");
    assertTrue(TargetProgress.evaluate(reuse, Map.of(2021, 0.5), null).onTrack());
    assertFalse(TargetProgress.evaluate(reuse, Map.of(2021, 0.1), null).onTrack());
  }

  @Test
  void evaluateAllTakesTheTargetsWithASeries() {
    List<TargetProgress> all =
        TargetProgress.evaluateAll(
            Targets.load().all(),
            Map.of("energy_intensity", Map.of(2021, -5.6)),
            Map.of("energy_intensity", 0.6));
    assertEquals(1, all.size());
    assertEquals(0.6 * 0.865, all.get(0).targetLevel(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> new Target("x", "ALL", 2020, 2020, -1, "x"));
  }
}
