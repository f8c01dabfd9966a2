package io.greenstat.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.GroupRollup;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.SameSample;
import io.greenstat.metrics.Totals;
import io.greenstat.schema.IndustryCatalog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Constant-price columns, computed by hand on two or three divisions. */
class ComparablePriceStepTest {
  private static final double M = 1_000_000.0;
  private static final IndustryCatalog CATALOG = IndustryCatalog.load();
  private static final Set<String> EI6 = Set.of("25", "26", "30", "31", "32", "44");

  private static IndustryYear row(GroupLevel level, String code, int year, double va, double e) {
    return GroupRollup.row(
        level, code, code, year, new Totals(1, 2 * va, va, e, e, 0, 0, 0), SameSample.ZERO);
  }

  private static IndustryYear find(List<IndustryYear> rows, String code, int year) {
    return rows.stream()
        .filter(r -> r.code().equals(code) && r.year() == year)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void deflatesEachDivisionAndSumsGroups() {
    // Steel prices +10 % in 2021, food flat; base 2020.
    // 2021 steel: 110 M / 1.1 = 100 M constant; energy 100 → 100 / 10 000 = 0.01 (current: 0.00909)
    // 2021 food: 50 M constant, energy 50 → 0.01. ALL 2021: 150 / 15 000 = 0.01.
    // 2020 steel 100 M, energy 100 → 0.01; food 50 M, 50 → 0.01; ALL 0.01. Comparable YoY 0 %.
    Deflators d =
        Deflators.of(
            Map.of("31", Map.of(2020, 100.0, 2021, 110.0), "13", Map.of(2020, 100.0, 2021, 100.0)),
            2020);
    List<IndustryYear> rows =
        List.of(
            row(GroupLevel.ALL, "ALL", 2020, 150 * M, 150),
            row(GroupLevel.ALL, "ALL", 2021, 160 * M, 150),
            row(GroupLevel.DIVISION, "31", 2020, 100 * M, 100),
            row(GroupLevel.DIVISION, "31", 2021, 110 * M, 100),
            row(GroupLevel.DIVISION, "13", 2020, 50 * M, 50),
            row(GroupLevel.DIVISION, "13", 2021, 50 * M, 50));
    List<IndustryYear> out = ComparablePriceStep.apply(rows, d, CATALOG, EI6);
    assertEquals(100 * M, find(out, "31", 2021).comparable().addedValueYuan(), 1e-6);
    assertEquals(0.01, find(out, "31", 2021).comparable().energyIntensity(), 1e-15);
    assertEquals(150 * M, find(out, "ALL", 2021).comparable().addedValueYuan(), 1e-6);
    assertEquals(0.01, find(out, "ALL", 2021).comparable().energyIntensity(), 1e-15);
    assertEquals(0.0, find(out, "ALL", 2021).comparable().energyYoyPct(), 1e-12);
    assertNull(find(out, "ALL", 2020).comparable().energyYoyPct(), "no 2019");
  }

  @Test
  void aDivisionWithoutPriceIndexEmptiesItsGroups() {
    Deflators d = Deflators.of(Map.of("31", Map.of(2020, 100.0)), 2020);
    List<IndustryYear> rows =
        List.of(
            row(GroupLevel.ALL, "ALL", 2020, 150 * M, 150),
            row(GroupLevel.DIVISION, "31", 2020, 100 * M, 100),
            row(GroupLevel.DIVISION, "13", 2020, 50 * M, 50));
    List<IndustryYear> out = ComparablePriceStep.apply(rows, d, CATALOG, EI6);
    assertEquals(100 * M, find(out, "31", 2020).comparable().addedValueYuan(), 1e-6);
    assertNull(find(out, "13", 2020).comparable().addedValueYuan());
    assertNull(find(out, "ALL", 2020).comparable().energyIntensity());
  }
}
