package io.greenstat.trends;

import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.schema.IndustryCatalog;
import io.greenstat.schema.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The trend analytics computed from the small {@code industry_year} table: the LMDI decomposition
 * of the ALL energy intensity at current prices and, where deflators cover every division of a
 * year, at constant prices; and progress towards the plan targets.
 *
 * <p>Targets are fed the ALL same-sample (同口径) year-on-year rates for energy and water (the NBS
 * basis, but at current prices: see the method notes) and the plain CO2 rates (CO2 is reported by
 * only some firms, so there is no same-sample CO2 series).
 *
 * @param decompositions rows of {@code tables/decomposition}, current prices first
 * @param contributions rows of {@code tables/decomposition_division}
 * @param constantPriceYearsLeftOut year → why it has no constant-price decomposition
 * @param targets progress towards each target of {@code conf/targets.csv}
 */
public record Analytics(
    List<DecompositionRow> decompositions,
    List<ContributionRow> contributions,
    SortedMap<Integer, String> constantPriceYearsLeftOut,
    List<TargetProgress> targets) {

  /** The series the targets are evaluated on, for the report's notes. */
  public static final String TARGET_SERIES =
      "same-sample year-on-year change at current prices (CO2: all reporting firms)";

  public static Analytics compute(
      List<IndustryYear> industryYears,
      int baseYear,
      Deflators deflators,
      Targets targets,
      Function<String, String> industryName) {
    List<DecompositionRow> rows = new ArrayList<>();
    List<ContributionRow> contributions = new ArrayList<>();
    Map<Integer, Map<String, double[]>> current = Lmdi.divisionTotals(industryYears);
    for (Decomposition d : Lmdi.series(current, baseYear)) {
      rows.add(DecompositionRow.of(d, Lmdi.CURRENT_PRICES));
      contributions.addAll(ContributionRow.of(d, Lmdi.CURRENT_PRICES, industryName));
    }
    Deflators.ConstantPrices constant = deflators.rebase(baseYear).constantPriceTotals(current);
    for (Decomposition d : Lmdi.series(constant.totals(), baseYear)) {
      rows.add(DecompositionRow.of(d, Lmdi.CONSTANT_PRICES));
      contributions.addAll(ContributionRow.of(d, Lmdi.CONSTANT_PRICES, industryName));
    }

    Map<String, Map<Integer, Double>> series = new TreeMap<>();
    Map<String, Double> baseLevels = new TreeMap<>();
    for (IndustryYear r : industryYears) {
      if (r.level() != GroupLevel.ALL || !r.code().equals(IndustryCatalog.ALL)) {
        continue;
      }
      put(series, Targets.ENERGY_INTENSITY, r.year(), r.energyYoySameSamplePct());
      put(series, Targets.WATER_INTENSITY, r.year(), r.waterYoySameSamplePct());
      put(series, Targets.CO2_INTENSITY, r.year(), r.co2YoyPct());
      if (r.year() == baseYear) {
        putLevel(baseLevels, Targets.ENERGY_INTENSITY, r.energyIntensity());
        putLevel(baseLevels, Targets.WATER_INTENSITY, r.waterIntensity());
        putLevel(baseLevels, Targets.CO2_INTENSITY, r.co2Intensity());
      }
    }
    return new Analytics(
        List.copyOf(rows),
        List.copyOf(contributions),
        constant.yearsLeftOut(),
        TargetProgress.evaluateAll(targets.all(), series, baseLevels));
  }

  private static void put(
      Map<String, Map<Integer, Double>> series, String indicator, int year, Double value) {
    // A year with an empty rate stays in the series: it makes the chained change empty.
    series.computeIfAbsent(indicator, k -> new TreeMap<>()).put(year, value);
  }

  private static void putLevel(Map<String, Double> levels, String indicator, Double value) {
    if (value != null) {
      levels.put(indicator, value);
    }
  }
}
