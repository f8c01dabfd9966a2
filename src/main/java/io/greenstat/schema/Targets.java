package io.greenstat.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * National plan targets for the intensity indicators, from {@code conf/targets.csv} (columns {@code
 * indicator, scope, base_year, target_year, target_change_pct, source}). The shipped table holds
 * the 14th Five-Year Plan industrial targets, 2025 against 2020 (DOMAIN §2.4).
 */
public final class Targets {
  /** The energy intensity indicator ({@code energy_intensity_tce_per_10k_yuan}). */
  public static final String ENERGY_INTENSITY = "energy_intensity";

  /** The water intensity indicator ({@code water_intensity_m3_per_10k_yuan}). */
  public static final String WATER_INTENSITY = "water_intensity";

  /** The CO2 intensity indicator ({@code co2_intensity_t_per_10k_yuan}). */
  public static final String CO2_INTENSITY = "co2_intensity";

  /**
   * A target: the indicator should change by {@code targetChangePct} percent from {@code baseYear}
   * to {@code targetYear} (negative for a reduction).
   *
   * @param indicator {@link #ENERGY_INTENSITY}, {@link #WATER_INTENSITY} or {@link #CO2_INTENSITY}
   * @param scope the {@code industry_year} group the target applies to, e.g. {@code ALL}
   * @param baseYear the year the change is measured from
   * @param targetYear the year by which the change is due
   * @param targetChangePct the change, percent (−13.5 means a 13.5 % reduction)
   * @param source the document that sets the target
   */
  public record Target(
      String indicator,
      String scope,
      int baseYear,
      int targetYear,
      double targetChangePct,
      String source) {
    public Target {
      if (targetYear <= baseYear) {
        throw new IllegalArgumentException(
            indicator + ": target year " + targetYear + " is not after base year " + baseYear);
      }
      if (!(targetChangePct > -100) || !Double.isFinite(targetChangePct)) {
        throw new IllegalArgumentException(indicator + ": target change " + targetChangePct);
      }
    }
  }

  private final List<Target> targets;

  private Targets(List<Target> targets) {
    this.targets = List.copyOf(targets);
  }

  /** Loads the table shipped in the jar. */
  public static Targets load() {
    List<Target> out = new ArrayList<>();
    for (Map<String, String> row : ReferenceTable.load("targets.csv")) {
      out.add(
          new Target(
              row.get("indicator"),
              row.get("scope"),
              Integer.parseInt(row.get("base_year")),
              Integer.parseInt(row.get("target_year")),
              Double.parseDouble(row.get("target_change_pct")),
              row.get("source")));
    }
    return new Targets(out);
  }

  /** Every target, in file order. */
  public List<Target> all() {
    return targets;
  }

  /** The first target for an indicator and scope. */
  public Optional<Target> find(String indicator, String scope) {
    return targets.stream()
        .filter(t -> t.indicator().equals(indicator) && t.scope().equals(scope))
        .findFirst();
  }
}
