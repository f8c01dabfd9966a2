package io.greenstat.reference;

import io.greenstat.config.JobSettings;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings the contract's rules depend on.
 *
 * @param thresholdYuan the above-size threshold on {@code revenue_yuan}
 * @param inclusive true for {@code revenue >= threshold}, false for {@code >}
 * @param scopeDivisions 2-digit divisions counted as industry
 * @param ei6Divisions 2-digit divisions of the EI6 group
 * @param firstYear first reporting year kept, or null for no lower bound
 * @param lastYear last reporting year kept, or null for no upper bound
 * @param co2DerivedTPerTce tCO2 per tce for rows without co2_t, or null: no derivation
 * @param flags plausibility checks: mode and thresholds
 */
public record ReferenceParams(
    double thresholdYuan,
    boolean inclusive,
    Set<String> scopeDivisions,
    Set<String> ei6Divisions,
    Integer firstYear,
    Integer lastYear,
    Double co2DerivedTPerTce,
    JobSettings.Flags flags) {

  public ReferenceParams {
    scopeDivisions = Set.copyOf(scopeDivisions);
    ei6Divisions = Set.copyOf(ei6Divisions);
  }

  /** Parameters with the default plausibility checks. */
  public ReferenceParams(
      double thresholdYuan,
      boolean inclusive,
      Set<String> scopeDivisions,
      Set<String> ei6Divisions,
      Integer firstYear,
      Integer lastYear,
      Double co2DerivedTPerTce) {
    this(
        thresholdYuan,
        inclusive,
        scopeDivisions,
        ei6Divisions,
        firstYear,
        lastYear,
        co2DerivedTPerTce,
        JobSettings.Flags.defaults());
  }

  public ReferenceParams withFlags(JobSettings.Flags f) {
    return new ReferenceParams(
        thresholdYuan,
        inclusive,
        scopeDivisions,
        ei6Divisions,
        firstYear,
        lastYear,
        co2DerivedTPerTce,
        f);
  }

  /** Parameters without CO2 derivation. */
  public ReferenceParams(
      double thresholdYuan,
      boolean inclusive,
      Set<String> scopeDivisions,
      Set<String> ei6Divisions,
      Integer firstYear,
      Integer lastYear) {
    this(thresholdYuan, inclusive, scopeDivisions, ei6Divisions, firstYear, lastYear, null);
  }

  public ReferenceParams withCo2Factor(Double tPerTce) {
    return new ReferenceParams(
        thresholdYuan, inclusive, scopeDivisions, ei6Divisions, firstYear, lastYear, tPerTce);
  }

  /** The contract defaults: {@code revenue_yuan >= 20000000}, 06–46, NBS EI6, every year. */
  public static ReferenceParams defaults() {
    Set<String> scope = new TreeSet<>();
    for (int d = 6; d <= 46; d++) {
      scope.add(String.format("%02d", d));
    }
    return new ReferenceParams(
        20_000_000.0, true, scope, Set.of("25", "26", "30", "31", "32", "44"), null, null);
  }

  /** The same parameters as a run's effective settings. */
  public static ReferenceParams of(JobSettings s) {
    return new ReferenceParams(
        s.thresholdRevenueYuan(),
        s.thresholdInclusive(),
        s.scopeDivisions(),
        s.energyIntensiveDivisions(),
        s.years().map(JobSettings.YearRange::first).orElse(null),
        s.years().map(JobSettings.YearRange::last).orElse(null),
        s.co2DerivedTPerTce().orElse(null),
        s.flags());
  }

  public ReferenceParams withThreshold(double yuan, boolean inclusive) {
    return new ReferenceParams(yuan, inclusive, scopeDivisions, ei6Divisions, firstYear, lastYear);
  }

  public ReferenceParams withYears(Integer first, Integer last) {
    return new ReferenceParams(thresholdYuan, inclusive, scopeDivisions, ei6Divisions, first, last);
  }

  public ReferenceParams withScope(Set<String> scope) {
    return new ReferenceParams(thresholdYuan, inclusive, scope, ei6Divisions, firstYear, lastYear);
  }

  public ReferenceParams withEi6(Set<String> ei6) {
    return new ReferenceParams(thresholdYuan, inclusive, scopeDivisions, ei6, firstYear, lastYear);
  }
}
