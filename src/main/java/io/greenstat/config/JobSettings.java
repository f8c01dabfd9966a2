package io.greenstat.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The typed, validated job settings of one run.
 *
 * @param thresholdRevenueYuan the above-size threshold on {@code revenue_yuan}
 * @param thresholdInclusive true for {@code >=} (NBS "and above"), false for {@code >}
 * @param years the reporting years kept, or empty for every year in the input
 * @param scopeDivisions 2-digit divisions counted as industry
 * @param energyIntensiveDivisions 2-digit divisions of the EI6 group
 * @param baseYear base year of "change since base year"
 * @param maxQuarantinedShare the quality gate, a share in [0, 1]
 * @param rowsPerQuarantineFile rows per quarantine Parquet file
 * @param co2DerivedTPerTce tCO2 per tce for firms without {@code co2_t}, or empty: no derivation
 * @param partitions partitions of the shuffle by firm
 * @param flags the plausibility checks' mode and thresholds
 * @param effective every setting's effective value as text, with where it came from
 */
public record JobSettings(
    double thresholdRevenueYuan,
    boolean thresholdInclusive,
    Optional<YearRange> years,
    SortedSet<String> scopeDivisions,
    SortedSet<String> energyIntensiveDivisions,
    int baseYear,
    double maxQuarantinedShare,
    long rowsPerQuarantineFile,
    Optional<Double> co2DerivedTPerTce,
    int partitions,
    Flags flags,
    Map<Setting, SettingValue> effective) {

  /** What happens to a flagged firm-year. */
  public enum FlagMode {
    /** Listed in {@code tables/flags} and the report, still aggregated. */
    FLAG,
    /** Listed, and quarantined with the flag as reason (not aggregated). */
    QUARANTINE
  }

  /**
   * The plausibility checks' settings.
   *
   * @param mode flag only, or quarantine as well
   * @param unitFactorTolerance log10 units: flagged when |log10(value / median)| is within this of
   *     3 or 4
   * @param jumpFactor flagged when value / previous year's value is at least this, or at most its
   *     inverse
   * @param minDivisionFirms fewest positive values a division-year needs to have a median
   */
  public record Flags(
      FlagMode mode, double unitFactorTolerance, double jumpFactor, int minDivisionFirms) {
    /** The defaults of {@link Setting}. */
    public static Flags defaults() {
      return new Flags(FlagMode.FLAG, 0.5, 10.0, 5);
    }

    public boolean quarantine() {
      return mode == FlagMode.QUARANTINE;
    }
  }

  /** An inclusive range of reporting years. */
  public record YearRange(int first, int last) {
    public boolean contains(int year) {
      return year >= first && year <= last;
    }

    @Override
    public String toString() {
      return first == last ? Integer.toString(first) : first + "-" + last;
    }
  }

  /** A setting's value and the layer it came from. */
  public record SettingValue(String value, Source source) {}

  /** The layers of the precedence chain, lowest first. */
  public enum Source {
    DEFAULT,
    CONF_FILE,
    SPARK_PROPERTIES,
    COMMAND_LINE
  }

  /** The rule as people read it, e.g. {@code revenue_yuan >= 20000000}. */
  public String thresholdRule() {
    return "revenue_yuan "
        + (thresholdInclusive ? ">=" : ">")
        + " "
        + new java.math.BigDecimal(Double.toString(thresholdRevenueYuan))
            .stripTrailingZeros()
            .toPlainString();
  }

  /** The settings as sorted key/value pairs, for the manifest. */
  public List<Map.Entry<String, SettingValue>> asEntries() {
    return effective.entrySet().stream()
        .map(e -> Map.entry(e.getKey().key(), e.getValue()))
        .sorted(Map.Entry.comparingByKey())
        .toList();
  }
}
