package io.greenstat.trends;

import io.greenstat.metrics.ComparablePrices;
import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.Ratios;
import io.greenstat.schema.IndustryCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills the constant-price columns of {@code industry_year}: each division's added value is
 * deflated with its own price index (constant yuan = current yuan / (P(d, y) / P(d, base))), groups
 * sum their divisions' deflated values, and intensities and year-on-year changes follow at
 * comparable prices. A group whose divisions are not all covered by the price table in a year gets
 * empty constant-price figures for that year. Pure function over the small table; order kept.
 */
public final class ComparablePriceStep {
  private ComparablePriceStep() {}

  /**
   * @param rows one table's rows (the whole of {@code industry_year}, or one province's rows)
   * @param deflators price indices, rebased to the base year wanted
   */
  public static List<IndustryYear> apply(
      List<IndustryYear> rows,
      Deflators deflators,
      IndustryCatalog catalog,
      Set<String> energyIntensive) {
    // year -> division -> constant-price added value (null: no index)
    Map<Integer, Map<String, Double>> divisions = new HashMap<>();
    for (IndustryYear r : rows) {
      if (r.level() == GroupLevel.DIVISION) {
        divisions
            .computeIfAbsent(r.year(), y -> new HashMap<>())
            .put(r.code(), constantYuan(r, deflators));
      }
    }
    Map<String, Double[]> constant = new HashMap<>(); // key -> {VA, energy I, water I}
    for (IndustryYear r : rows) {
      Double va =
          groupValue(r, divisions.getOrDefault(r.year(), Map.of()), catalog, energyIntensive);
      constant.put(
          key(r, r.year()),
          new Double[] {
            va,
            va == null ? null : Ratios.perTenThousandYuan(r.totals().energyTce(), va),
            va == null ? null : Ratios.perTenThousandYuan(r.totals().waterM3(), va)
          });
    }
    List<IndustryYear> out = new ArrayList<>(rows.size());
    for (IndustryYear r : rows) {
      Double[] now = constant.get(key(r, r.year()));
      Double[] before = constant.get(key(r, r.year() - 1));
      out.add(
          r.withComparable(
              new ComparablePrices(
                  now[0],
                  now[1],
                  now[2],
                  before == null ? null : Ratios.changePct(now[1], before[1]),
                  before == null ? null : Ratios.changePct(now[2], before[2]))));
    }
    return out;
  }

  /** A division's deflated added value; null without a price index or when the sum overflowed. */
  private static Double constantYuan(IndustryYear division, Deflators deflators) {
    double current = division.totals().addedValueYuan();
    if (!Double.isFinite(current)) {
      return null;
    }
    return deflators.constantPriceYuan(division.code(), division.year(), current).orElse(null);
  }

  private static Double groupValue(
      IndustryYear r,
      Map<String, Double> divisionValues,
      IndustryCatalog catalog,
      Set<String> energyIntensive) {
    double sum = 0;
    boolean any = false;
    for (Map.Entry<String, Double> d : divisionValues.entrySet()) {
      if (!member(r, d.getKey(), catalog, energyIntensive)) {
        continue;
      }
      if (d.getValue() == null) {
        return null; // one division without a price index empties the group
      }
      sum += d.getValue();
      any = true;
    }
    return any ? sum : null;
  }

  private static boolean member(
      IndustryYear r, String division, IndustryCatalog catalog, Set<String> energyIntensive) {
    return switch (r.level()) {
      case DIVISION -> r.code().equals(division);
      case SECTION ->
          catalog.division(division).map(d -> d.section().equals(r.code())).orElse(false);
      case EI6 -> energyIntensive.contains(division);
      case ALL -> true;
    };
  }

  private static String key(IndustryYear r, int year) {
    return r.level() + "|" + r.code() + "|" + year;
  }
}
