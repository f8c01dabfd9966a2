package io.greenstat.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every job setting greenstat knows, as a {@code spark.greenstat.*} key so that {@code spark-submit
 * --conf} and {@code --properties-file} can set it. Defaults and help text live here and nowhere
 * else.
 */
public enum Setting {
  THRESHOLD_REVENUE_YUAN(
      "spark.greenstat.threshold.revenueYuan",
      "20000000",
      "Above-designated-size threshold on revenue_yuan (NBS rule since 2011: 20 million yuan)."),
  THRESHOLD_COMPARISON(
      "spark.greenstat.threshold.comparison",
      ">=",
      "How revenue_yuan is compared with the threshold: '>=' (NBS: 'and above') or '>'."),
  YEARS(
      "spark.greenstat.years",
      "",
      "Reporting years kept, e.g. '2015-2024' or '2023'; rows of other years count as out of"
          + " scope. Empty: every year in the input."),
  SCOPE_DIVISIONS(
      "spark.greenstat.scope.divisions",
      "06-46",
      "GB/T 4754 divisions counted as industry (sections B, C, D), as ranges or codes: '06-46'."),
  ENERGY_INTENSIVE_DIVISIONS(
      "spark.greenstat.energyIntensive.divisions",
      "25,26,30,31,32,44",
      "Divisions of the EI6 group (NBS six energy-intensive industries); some provinces use"
          + " variants."),
  BASE_YEAR(
      "spark.greenstat.baseYear",
      "2020",
      "Base year for 'change since base year' (the 14th Five-Year Plan base is 2020)."),
  MAX_QUARANTINED_SHARE(
      "spark.greenstat.quality.maxQuarantinedShare",
      "0.05",
      "Largest share of input rows that may be quarantined; above it the run exits 3 and"
          + " publishes nothing."),
  CO2_DERIVED_T_PER_TCE(
      "spark.greenstat.co2.derivedTPerTce",
      "2.66",
      "tCO2 per tce used to derive CO2 for firms that do not report co2_t (raw coal: 1.9003"
          + " kgCO2/kg / 0.7143 kgce/kg, DOMAIN §4.2); empty: do not derive."),
  ROWS_PER_QUARANTINE_FILE(
      "spark.greenstat.quarantine.rowsPerFile",
      "1000000",
      "Rows per quarantine Parquet file (the file count follows from it, so output is"
          + " reproducible)."),
  PARTITIONS(
      "spark.greenstat.partitions",
      "32",
      "Partitions of the one shuffle by firm_id. Fixed, not adaptive, so that every sum is added"
          + " in the same order whatever else the run reads (byte-identical incremental runs);"
          + " about 2-3x the cluster's task slots. A change makes the next run a full one."),
  FLAGS_MODE(
      "spark.greenstat.flags.mode",
      "flag",
      "What happens to a firm-year with an implausible intensity (a likely unit error or a"
          + " tenfold jump): 'flag' lists it in tables/flags and the report and still aggregates"
          + " it; 'quarantine' also moves it to quarantine/ with the flag as reason."),
  FLAGS_UNIT_FACTOR_TOLERANCE(
      "spark.greenstat.flags.unitFactorTolerance",
      "0.5",
      "How near, in log10 units, a firm's intensity must be to 10^3 or 10^4 times (or 1/10^3,"
          + " 1/10^4 of) its division-year median to be flagged as a unit error; 0 < t <= 1."),
  FLAGS_JUMP_FACTOR(
      "spark.greenstat.flags.jumpFactor",
      "10",
      "A firm's intensity this many times higher, or lower, than its own previous year's is"
          + " flagged as a jump; > 1."),
  FLAGS_MIN_DIVISION_FIRMS(
      "spark.greenstat.flags.minDivisionFirms",
      "5",
      "Fewest firms with a positive value a division-year needs before its firms are compared"
          + " with its median (a median of one or two firms says nothing); >= 1.");

  public static final String PREFIX = "spark.greenstat.";

  private final String key;
  private final String defaultValue;
  private final String help;

  Setting(String key, String defaultValue, String help) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.help = help;
  }

  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String help() {
    return help;
  }

  public static Optional<Setting> byKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }
}
