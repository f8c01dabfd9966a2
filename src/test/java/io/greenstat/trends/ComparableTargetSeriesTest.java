package io.greenstat.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.GroupRollup;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.SameSample;
import io.greenstat.metrics.Totals;
import io.greenstat.schema.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Target progress at comparable prices, on a fixture computed by hand: steel (31) and food (13),
 * 2020–2022, steel prices +10 % a year, food prices flat then +5 %. Every figure below is written
 * out from the fixture's numbers, not from the code.
 */
class ComparableTargetSeriesTest {
  private static final double M = 1_000_000.0;

  // Same-sample sums {energy tce, VA yuan, prior energy, prior VA} per division and year. Water =
  // energy × 10, so the water rates equal the energy rates.
  // 2021 steel: 90 tce on 110 M (current) against the same firms' 100 tce on 100 M in 2020.
  // 2021 food: 50 on 50 M against 50 on 50 M.
  // 2022 steel: 81 on 121 M against 90 on 110 M; food: 52.5 on 52.5 M against 50 on 50 M.
  private static final Map<String, double[]> SAME =
      Map.of(
          "31/2021", new double[] {90, 110 * M, 100, 100 * M},
          "13/2021", new double[] {50, 50 * M, 50, 50 * M},
          "31/2022", new double[] {81, 121 * M, 90, 110 * M},
          "13/2022", new double[] {52.5, 52.5 * M, 50, 50 * M});

  // All firms' totals {VA, energy, CO2, VA of CO2 firms} per division and year.
  private static final Map<String, double[]> ALL_FIRMS =
      Map.of(
          "31/2020", new double[] {100 * M, 100, 270, 100 * M},
          "13/2020", new double[] {50 * M, 50, 100, 50 * M},
          "31/2021", new double[] {110 * M, 90, 250, 110 * M},
          "13/2021", new double[] {50 * M, 50, 100, 50 * M},
          "31/2022", new double[] {121 * M, 81, 230, 121 * M},
          "13/2022", new double[] {52.5 * M, 52.5, 105, 52.5 * M});

  private static Deflators prices(boolean foodIn2022) {
    Map<Integer, Double> food =
        foodIn2022
            ? Map.of(2020, 100.0, 2021, 100.0, 2022, 105.0)
            : Map.of(2020, 100.0, 2021, 100.0);
    return Deflators.of(
        Map.of("31", Map.of(2020, 100.0, 2021, 110.0, 2022, 121.0), "13", food), 2020);
  }

  /** Division rows plus the ALL row (the sum of the two) for each year. */
  private static List<IndustryYear> rows() {
    List<IndustryYear> rows = new ArrayList<>();
    for (int y = 2020; y <= 2022; y++) {
      Totals sum = Totals.ZERO;
      SameSample sumSame = SameSample.ZERO;
      for (String d : List.of("31", "13")) {
        double[] t = ALL_FIRMS.get(d + "/" + y);
        Totals totals = new Totals(10, 2 * t[0], t[0], t[1], 10 * t[1], t[2], t[3], 10);
        double[] s = SAME.getOrDefault(d + "/" + y, new double[4]);
        SameSample same =
            new SameSample(y == 2020 ? 0 : 10, s[0], s[1], 10 * s[0], s[2], s[3], 10 * s[2]);
        rows.add(GroupRollup.row(GroupLevel.DIVISION, d, d, y, totals, same));
        sum = sum.plus(totals);
        sumSame = sumSame.plus(same);
      }
      rows.add(GroupRollup.row(GroupLevel.ALL, "ALL", "All", y, sum, sumSame));
    }
    return rows;
  }

  @Test
  void sameSampleRatesAtComparablePricesByHand() {
    ComparableTargetSeries.Result r = ComparableTargetSeries.compute(rows(), prices(true));
    Map<Integer, Double> energy = r.yoyPct().get(Targets.ENERGY_INTENSITY);
    assertNull(energy.get(2020), "no prior year");
    // 2021: steel 110 M / 1.1 = 100 M, food 50 M: 140 tce on 150 M against 150 tce on 150 M
    // → 140 / 150 − 1 = −6.6667 % (at current prices it is (140/16 000)/(150/15 000) − 1 = −12.5 %)
    assertEquals(-6.666667, energy.get(2021), 1e-6);
    // 2022: steel 121 M / 1.21 = 100 M, food 52.5 M / 1.05 = 50 M; prior steel 110 M / 1.1, food 50
    // M: 133.5 on 150 M against 140 on 150 M → 133.5 / 140 − 1 = −4.642857 %
    assertEquals(-4.642857, energy.get(2022), 1e-6);
    assertEquals(-4.642857, r.yoyPct().get(Targets.WATER_INTENSITY).get(2022), 1e-6);
    // CO2, all CO2 firms: 2021 350 t on 100 + 50 M constant; 2020 370 t on 150 M → −5.405405 %
    assertEquals(-5.405405, r.yoyPct().get(Targets.CO2_INTENSITY).get(2021), 1e-6);
    assertTrue(r.whyMissing().isEmpty());

    // Through Analytics with the shipped targets (energy −13.5 % 2020 → 2025):
    Analytics a = Analytics.compute(rows(), 2020, prices(true), Targets.load(), c -> c);
    TargetProgress current = target(a.targets(), Targets.ENERGY_INTENSITY);
    TargetProgress comparable = a.comparable(current).orElseThrow();
    // current prices: 2021 −12.5 %, 2022 (133.5 / 173.5 M) / (140 / 160 M) − 1 = −12.0626 %,
    // chained 0.875 × 0.879374 − 1 = −23.0548 %: the price rise of steel counted as efficiency
    assertEquals(-23.054755, current.cumulativeChangePct(), 1e-6);
    // comparable: (140 / 150) × (133.5 / 140) − 1 = 133.5 / 150 − 1 = −11 %
    assertEquals(2022, comparable.latestYear());
    assertEquals(-11.0, comparable.cumulativeChangePct(), 1e-9);
    // share 11 / 13.5 = 81.4815 %; still needed: (0.865 / 0.89)^(1/3) − 1 = −0.945236 % a year
    assertEquals(81.481481, comparable.shareOfTargetPct(), 1e-6);
    assertEquals(-0.945236, comparable.requiredAnnualChangePct(), 1e-6);
    // straight path at 2022: 0.865^(2/5) − 1 = −5.635978 %; −11 % is better: on track
    assertEquals(-5.635978, comparable.pathChangePct(), 1e-6);
    assertTrue(comparable.onTrack());
    assertNull(comparable.reason());
  }

  @Test
  void aMissingPriceIndexEmptiesTheComparableFigureAndSaysWhy() {
    ComparableTargetSeries.Result r = ComparableTargetSeries.compute(rows(), prices(false));
    assertEquals(-6.666667, r.yoyPct().get(Targets.ENERGY_INTENSITY).get(2021), 1e-6);
    assertNull(r.yoyPct().get(Targets.ENERGY_INTENSITY).get(2022));
    assertNull(r.yoyPct().get(Targets.CO2_INTENSITY).get(2022));
    assertTrue(r.whyMissing().get(2022).contains("division 13"), r.whyMissing().toString());
    assertFalse(r.whyMissing().containsKey(2021));

    Analytics a = Analytics.compute(rows(), 2020, prices(false), Targets.load(), c -> c);
    TargetProgress current = target(a.targets(), Targets.ENERGY_INTENSITY);
    TargetProgress comparable = a.comparable(current).orElseThrow();
    assertTrue(current.cumulativeChangePct() != null, "current prices need no index");
    assertNull(comparable.cumulativeChangePct());
    assertNull(comparable.onTrack());
    assertTrue(comparable.reason().contains("price index"), comparable.reason());
    assertTrue(
        comparable.reason().contains("2022: no price index for division 13"), comparable.reason());
  }

  private static TargetProgress target(List<TargetProgress> list, String indicator) {
    return list.stream()
        .filter(p -> p.target().indicator().equals(indicator))
        .findFirst()
        .orElseThrow();
  }
}
