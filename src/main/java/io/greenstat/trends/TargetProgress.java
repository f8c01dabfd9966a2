package io.greenstat.trends;

import io.greenstat.schema.Targets.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Progress towards a plan target (DOMAIN §2.4), from year-on-year changes chained since the base
 * year: cumulative change = Π_{y = base+1}^{latest} (1 + r_y / 100) − 1, never the ratio of two
 * published levels (their price bases differ).
 *
 * <p>All changes are percentages: −5.6 means a 5.6 % reduction. Feed the rates the target is
 * defined on; for the NBS indicators that is the same-sample change at constant prices.
 *
 * @param target the target evaluated
 * @param latestYear the latest year in (base year, target year] that the series covers (a year with
 *     an empty rate counts, and then makes the cumulative change empty); null when there is none
 * @param cumulativeChangePct change from the base year to {@code latestYear}; null unless every
 *     year from base + 1 to {@code latestYear} has a rate
 * @param shareOfTargetPct {@code 100 × cumulative / target}: 41.5 means 41.5 % of the way there;
 *     above 100 means the target is exceeded
 * @param requiredAnnualChangePct the average yearly change still needed over the years left to
 *     reach the target exactly: {@code ((1 + target) / (1 + cumulative))^(1 / yearsLeft) − 1}; null
 *     when no year is left
 * @param pathChangePct the straight geometric path from base to target, at {@code latestYear}:
 *     {@code (1 + target)^((latest − base) / (targetYear − base)) − 1}
 * @param onTrack whether the cumulative change is at least as good as the path (at or below it for
 *     a reduction target, at or above for an increase); at the target year, whether the target was
 *     met; null when the cumulative change is empty
 * @param baseLevel the indicator's level in the base year, as given (null if not given)
 * @param latestLevel {@code baseLevel × (1 + cumulative)}, the level implied by the rates
 * @param targetLevel {@code baseLevel × (1 + target)}
 * @param reason why values are empty, in plain words; null when nothing is empty
 */
public record TargetProgress(
    Target target,
    Integer latestYear,
    Double cumulativeChangePct,
    Double shareOfTargetPct,
    Double requiredAnnualChangePct,
    Double pathChangePct,
    Boolean onTrack,
    Double baseLevel,
    Double latestLevel,
    Double targetLevel,
    String reason) {

  /** Tolerance for "at least as good as the path", so that rounding does not flip the verdict. */
  private static final double TOLERANCE = 1e-12;

  /**
   * Evaluates progress towards one target.
   *
   * @param target the target
   * @param yoyPct year → year-on-year change, percent; years may be missing and values null
   * @param baseLevel the indicator in the base year (any unit), or null
   */
  public static TargetProgress evaluate(
      Target target, Map<Integer, Double> yoyPct, Double baseLevel) {
    int base = target.baseYear();
    double goal = target.targetChangePct() / 100.0;
    Double targetLevel = baseLevel == null ? null : baseLevel * (1 + goal);
    Integer latest =
        yoyPct.keySet().stream()
            .filter(y -> y > base && y <= target.targetYear())
            .max(Integer::compare)
            .orElse(null);
    if (latest == null) {
      return new TargetProgress(
          target,
          null,
          null,
          null,
          null,
          null,
          null,
          baseLevel,
          null,
          targetLevel,
          "no year-on-year change after the base year " + base);
    }
    double path = Math.pow(1 + goal, (double) (latest - base) / (target.targetYear() - base)) - 1;
    List<Integer> missing = new ArrayList<>();
    double factor = 1;
    for (int y = base + 1; y <= latest; y++) {
      Double r = yoyPct.get(y);
      if (r == null || !Double.isFinite(r)) {
        missing.add(y);
      } else {
        factor *= 1 + r / 100.0;
      }
    }
    String reason = null;
    if (!missing.isEmpty()) {
      reason =
          "no year-on-year change for "
              + missing.stream().map(String::valueOf).collect(Collectors.joining(", "))
              + ": the change since "
              + base
              + " needs every year from "
              + (base + 1)
              + " to "
              + latest;
    } else if (!(factor > 0)) {
      reason = "the chained rates reach −100 % or below";
    }
    if (reason != null) {
      return new TargetProgress(
          target, latest, null, null, null, 100 * path, null, baseLevel, null, targetLevel, reason);
    }
    double cumulative = factor - 1;
    int yearsLeft = target.targetYear() - latest;
    Double required =
        yearsLeft > 0 ? 100 * (Math.pow((1 + goal) / factor, 1.0 / yearsLeft) - 1) : null;
    boolean onTrack = goal < 0 ? cumulative <= path + TOLERANCE : cumulative >= path - TOLERANCE;
    return new TargetProgress(
        target,
        latest,
        100 * cumulative,
        goal == 0 ? null : 100 * cumulative / goal,
        required,
        100 * path,
        onTrack,
        baseLevel,
        baseLevel == null ? null : baseLevel * factor,
        targetLevel,
        goal == 0 ? "a target of no change has no share" : null);
  }

  /**
   * Evaluates every target of a list for which a series is given.
   *
   * @param yoyPctByIndicator indicator → (year → year-on-year change, percent)
   * @param baseLevelByIndicator indicator → level in the target's base year (may lack entries)
   */
  public static List<TargetProgress> evaluateAll(
      List<Target> targets,
      Map<String, Map<Integer, Double>> yoyPctByIndicator,
      Map<String, Double> baseLevelByIndicator) {
    List<TargetProgress> out = new ArrayList<>();
    for (Target t : targets) {
      Map<Integer, Double> series = yoyPctByIndicator.get(t.indicator());
      if (series != null) {
        out.add(evaluate(t, new TreeMap<>(series), baseLevelByIndicator.get(t.indicator())));
      }
    }
    return out;
  }
}
