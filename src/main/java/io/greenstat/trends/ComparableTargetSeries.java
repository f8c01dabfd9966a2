package io.greenstat.trends;

import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.Ratios;
import io.greenstat.metrics.SameSample;
import io.greenstat.schema.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The year-on-year rates the targets are judged on at comparable (constant) prices, the NBS basis
 * (DOMAIN §1.2, §2.4): for the {@code ALL} group, built from the division rows of {@code
 * industry_year}. Pure function over the small table.
 *
 * <ul>
 *   <li>energy and water: the same-sample (同口径) change with each division's added value deflated by
 *       its own price index: r_y = (ΣE_y / ΣY_y^c) / (ΣE'_{y−1} / ΣY'^c_{y−1}) − 1, where Σ runs
 *       over divisions, E, Y are the same-sample sums of year y and E', Y' the same firms' values
 *       of y − 1, and Y^c = Y / (P(d, y) / P(d, base)), Y'^c = Y' / (P(d, y − 1) / P(d, base)). The
 *       base cancels, so only the price change from y − 1 to y matters. A firm that changed
 *       division is deflated with its year-y division's index in both years (the same-sample sums
 *       are kept by the year-y division).
 *   <li>CO2: the change of Σ CO2 / Σ constant-price added value of the firms with reported or
 *       derived CO2, all such firms in each year (there is no same-sample CO2 series).
 * </ul>
 *
 * <p>A rate is empty when a division with added value in the sums has no price index for a year
 * needed; {@link Result#whyMissing} then says which. Units: rates in percent.
 */
public final class ComparableTargetSeries {
  private ComparableTargetSeries() {}

  /**
   * @param yoyPct indicator ({@link Targets#ENERGY_INTENSITY}, …) → year → change, percent (null:
   *     empty)
   * @param whyMissing year → why its comparable rates are empty for want of a price index
   */
  public record Result(
      Map<String, Map<Integer, Double>> yoyPct, SortedMap<Integer, String> whyMissing) {}

  /**
   * @param industryYears the {@code industry_year} rows (only divisions are read)
   * @param deflators division price indices (any base year)
   */
  public static Result compute(List<IndustryYear> industryYears, Deflators deflators) {
    // year -> division -> row
    SortedMap<Integer, SortedMap<String, IndustryYear>> divisions = new TreeMap<>();
    for (IndustryYear r : industryYears) {
      if (r.level() == GroupLevel.DIVISION) {
        divisions.computeIfAbsent(r.year(), y -> new TreeMap<>()).put(r.code(), r);
      }
    }
    Map<String, Map<Integer, Double>> series = new TreeMap<>();
    SortedMap<Integer, String> why = new TreeMap<>();
    for (Map.Entry<Integer, SortedMap<String, IndustryYear>> e : divisions.entrySet()) {
      int y = e.getKey();
      List<String> reasons = new ArrayList<>();
      double energy = 0;
      double water = 0;
      double va = 0;
      double priorEnergy = 0;
      double priorWater = 0;
      double priorVa = 0;
      boolean complete = true;
      for (IndustryYear d : e.getValue().values()) {
        SameSample s = d.sameSample();
        Double now = deflate(s.addedValueYuan(), d.code(), y, deflators, reasons);
        Double before = deflate(s.priorAddedValueYuan(), d.code(), y - 1, deflators, reasons);
        if (now == null || before == null) {
          complete = false;
          continue;
        }
        energy += s.energyTce();
        water += s.waterM3();
        va += now;
        priorEnergy += s.priorEnergyTce();
        priorWater += s.priorWaterM3();
        priorVa += before;
      }
      put(
          series,
          Targets.ENERGY_INTENSITY,
          y,
          complete ? change(energy, va, priorEnergy, priorVa) : null);
      put(
          series,
          Targets.WATER_INTENSITY,
          y,
          complete ? change(water, va, priorWater, priorVa) : null);

      SortedMap<String, IndustryYear> prior = divisions.get(y - 1);
      Double co2 = null;
      if (prior != null) {
        Double[] a = co2Constant(e.getValue(), y, deflators, reasons);
        Double[] b = co2Constant(prior, y - 1, deflators, reasons);
        if (a != null && b != null) {
          co2 =
              Ratios.changePct(
                  Ratios.perTenThousandYuan(a[0], a[1]), Ratios.perTenThousandYuan(b[0], b[1]));
        }
      }
      put(series, Targets.CO2_INTENSITY, y, co2);
      if (!reasons.isEmpty()) {
        why.put(y, String.join("; ", reasons.stream().distinct().toList()));
      }
    }
    return new Result(series, why);
  }

  /** Σ CO2 (t) and Σ constant-price added value (yuan) of the CO2 firms; null if not deflatable. */
  private static Double[] co2Constant(
      Map<String, IndustryYear> divisions, int year, Deflators deflators, List<String> reasons) {
    double co2 = 0;
    double va = 0;
    boolean complete = true;
    for (IndustryYear d : divisions.values()) {
      Double c = deflate(d.totals().co2AddedValueYuan(), d.code(), year, deflators, reasons);
      if (c == null) {
        complete = false;
        continue;
      }
      co2 += d.totals().co2T();
      va += c;
    }
    return complete ? new Double[] {co2, va} : null;
  }

  /**
   * Current-price yuan at constant prices; 0 stays 0 without an index (nothing to deflate); null
   * (and a reason added) when there is value but no index, or the value is not finite.
   */
  private static Double deflate(
      double yuan, String division, int year, Deflators deflators, List<String> reasons) {
    if (yuan == 0) {
      return 0.0;
    }
    if (!Double.isFinite(yuan)) {
      return null;
    }
    OptionalDouble f = deflators.factor(division, year);
    if (f.isEmpty()) {
      deflators.whyMissing(division, year).ifPresent(reasons::add);
      return null;
    }
    return yuan / f.getAsDouble();
  }

  private static Double change(double num, double va, double priorNum, double priorVa) {
    return Ratios.changePct(
        Ratios.perTenThousandYuan(num, va), Ratios.perTenThousandYuan(priorNum, priorVa));
  }

  private static void put(
      Map<String, Map<Integer, Double>> series, String indicator, int year, Double value) {
    // A year with an empty rate stays in the series: it makes the chained change empty.
    series.computeIfAbsent(indicator, k -> new TreeMap<>()).put(year, value);
  }
}
