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
 * <p>Targets are fed the ALL same-sample (同口径) year-on-year rates for energy and water at current
 * prices and the plain CO2 rates (CO2 is reported by only some firms, so there is no same-sample
 * CO2 series); and, as {@link #comparableTargets}, the same rates at comparable prices, the NBS
 * basis ({@link ComparableTargetSeries}).
 *
 * @param decompositions rows of {@code tables/decomposition}, current prices first
 * @param contributions rows of {@code tables/decomposition_division}
 * @param constantPriceYearsLeftOut year → why it has no constant-price decomposition
 * @param targets progress towards each target of {@code conf/targets.csv}, at current prices
 * @param comparableTargets the same targets at comparable prices ({@link ComparableTargetSeries}),
 *     one per entry of {@code targets} and in the same order; empty when not computed
 */
public record Analytics(
    List<DecompositionRow> decompositions,
    List<ContributionRow> contributions,
    SortedMap<Integer, String> constantPriceYearsLeftOut,
    List<TargetProgress> targets,
    List<TargetProgress> comparableTargets) {

  /** Analytics without comparable-price target progress. */
  public Analytics(
      List<DecompositionRow> decompositions,
      List<ContributionRow> contributions,
      SortedMap<Integer, String> constantPriceYearsLeftOut,
      List<TargetProgress> targets) {
    this(decompositions, contributions, constantPriceYearsLeftOut, targets, List.of());
  }

  /** The comparable-price progress of a current-price entry of {@link #targets}, if computed. */
  public java.util.Optional<TargetProgress> comparable(TargetProgress current) {
    int i = targets.indexOf(current);
    return i >= 0 && i < comparableTargets.size()
        ? java.util.Optional.of(comparableTargets.get(i))
        : java.util.Optional.empty();
  }

  /** The series the targets are evaluated on, for the report's notes. */
  public static final String TARGET_SERIES =
      "same-sample year-on-year change at current prices (CO2: all reporting firms)";

  /** The series the comparable-price target progress is evaluated on. */
  public static final String COMPARABLE_TARGET_SERIES =
      "same-sample year-on-year change at comparable prices, each division's added value deflated"
          + " with conf/deflators.csv (CO2: all reporting firms)";

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
    List<TargetProgress> progress = TargetProgress.evaluateAll(targets.all(), series, baseLevels);
    return new Analytics(
        List.copyOf(rows),
        List.copyOf(contributions),
        constant.yearsLeftOut(),
        progress,
        comparableTargets(industryYears, baseYear, deflators, baseLevels, progress));
  }

  /**
   * Progress towards the same targets on {@link ComparableTargetSeries}: one entry per entry of
   * {@code current}. The base levels are the current-price ones: in the base year constant prices
   * of that year are its current prices. An empty cumulative change gets the price-index reasons of
   * the years it needed.
   */
  private static List<TargetProgress> comparableTargets(
      List<IndustryYear> industryYears,
      int baseYear,
      Deflators deflators,
      Map<String, Double> baseLevels,
      List<TargetProgress> current) {
    ComparableTargetSeries.Result comparable =
        ComparableTargetSeries.compute(industryYears, deflators.rebase(baseYear));
    List<TargetProgress> out = new ArrayList<>();
    for (TargetProgress p : current) {
      String indicator = p.target().indicator();
      TargetProgress c =
          TargetProgress.evaluate(
              p.target(),
              new TreeMap<>(comparable.yoyPct().getOrDefault(indicator, Map.of())),
              baseLevels.get(indicator));
      out.add(withPriceIndexReasons(c, comparable.whyMissing()));
    }
    return List.copyOf(out);
  }

  private static TargetProgress withPriceIndexReasons(
      TargetProgress p, SortedMap<Integer, String> whyMissing) {
    if (p.cumulativeChangePct() != null || p.latestYear() == null) {
      return p;
    }
    List<String> reasons = new ArrayList<>();
    for (int y = p.target().baseYear() + 1; y <= p.latestYear(); y++) {
      if (whyMissing.containsKey(y)) {
        reasons.add(y + ": " + whyMissing.get(y));
      }
    }
    if (reasons.isEmpty()) {
      return p;
    }
    return new TargetProgress(
        p.target(),
        p.latestYear(),
        p.cumulativeChangePct(),
        p.shareOfTargetPct(),
        p.requiredAnnualChangePct(),
        p.pathChangePct(),
        p.onTrack(),
        p.baseLevel(),
        p.latestLevel(),
        p.targetLevel(),
        (p.reason() == null ? "" : p.reason() + "; ")
            + "no comparable-price rate for want of a price index: "
            + String.join("; ", reasons));
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
