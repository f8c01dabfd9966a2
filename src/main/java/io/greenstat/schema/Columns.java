package io.greenstat.schema;

import java.util.List;

/**
 * Every column name greenstat reads or writes, in one place. Units are part of the names, as in the
 * contract: {@code _yuan} for yuan, {@code _tce} for tonnes of standard coal equivalent, {@code
 * _m3} for cubic metres, {@code _t} for tonnes.
 */
public final class Columns {
  private Columns() {}

  // ---- Input: firm-year records (CONTRACT §1) ----
  public static final String FIRM_ID = "firm_id";
  public static final String YEAR = "year";
  public static final String INDUSTRY_CODE = "industry_code";
  public static final String PROVINCE_CODE = "province_code";
  public static final String REVENUE_YUAN = "revenue_yuan";
  public static final String ADDED_VALUE_YUAN = "added_value_yuan";
  public static final String ENERGY_TCE = "energy_tce";
  public static final String WATER_M3 = "water_m3";
  public static final String CO2_T = "co2_t";

  /** Required text columns, in contract order. */
  public static final List<String> REQUIRED_TEXT = List.of(FIRM_ID, INDUSTRY_CODE, PROVINCE_CODE);

  /** Required numeric columns, in contract order; validated non-null, finite, non-negative. */
  public static final List<String> REQUIRED_NUMERIC =
      List.of(REVENUE_YUAN, ADDED_VALUE_YUAN, ENERGY_TCE, WATER_M3);

  /** Optional numeric columns; null is allowed, NaN/infinite/negative are not. */
  public static final List<String> OPTIONAL_NUMERIC = List.of(CO2_T);

  /** All contract input columns except {@code year}, which may come from a partition directory. */
  public static final List<String> CONTRACT_INPUT =
      List.of(
          FIRM_ID,
          YEAR,
          INDUSTRY_CODE,
          PROVINCE_CODE,
          REVENUE_YUAN,
          ADDED_VALUE_YUAN,
          ENERGY_TCE,
          WATER_M3,
          CO2_T);

  // ---- Derived during the run ----
  /** The 2-digit GB/T 4754 division: the first two characters of {@link #INDUSTRY_CODE}. */
  public static final String DIVISION = "division";

  /** Quarantine reason, a stable snake_case code (see {@code QuarantineReason}). */
  public static final String REASON = "reason";

  /** The file a row was read from (a URI string). */
  public static final String SOURCE_FILE = "source_file";

  /**
   * The year of the input partition directory ({@code year=YYYY}) a row was read from, null when
   * its file is not directly inside one. The unit of incremental runs.
   */
  public static final String SLICE_YEAR = "slice_year";

  /** What became of a row: one of {@code RowFate}'s codes. */
  public static final String FATE = "fate";

  // ---- Plausibility flags (io.greenstat.quality) ----
  /** A firm-year's energy intensity, tce per 10 000 yuan, where it is checked (else null). */
  public static final String FIRM_ENERGY_INTENSITY = "firm_energy_intensity";

  /** A firm-year's water intensity, m³ per 10 000 yuan, where it is checked (else null). */
  public static final String FIRM_WATER_INTENSITY = "firm_water_intensity";

  /** The indicator of a histogram or flag row: {@code energy} or {@code water}. */
  public static final String INDICATOR = "indicator";

  /** A histogram bin: floor(log10(intensity) × bins per decade). */
  public static final String LOG_BIN = "log10_bin";

  /** Firms (rows) counted in a histogram bin. */
  public static final String BIN_FIRMS = "firms";

  /** log10 of a division-year median intensity (the centre of its histogram bin). */
  public static final String MEDIAN_LOG10_ENERGY = "median_log10_energy";

  public static final String MEDIAN_LOG10_WATER = "median_log10_water";

  /** Firms behind a division-year median (those with a positive value). */
  public static final String MEDIAN_FIRMS_ENERGY = "median_firms_energy";

  public static final String MEDIAN_FIRMS_WATER = "median_firms_water";

  /** The firm's own previous-year intensity (from {@code prior_year}), where checkable. */
  public static final String PRIOR_ENERGY_INTENSITY = "prior_energy_intensity";

  public static final String PRIOR_WATER_INTENSITY = "prior_water_intensity";

  /** A firm-year's flag code for energy / water (unit before jump), null when plausible. */
  public static final String ENERGY_FLAG = "energy_flag";

  public static final String WATER_FLAG = "water_flag";

  // ---- Output table flags ----
  public static final String FLAG_INTENSITY = "intensity";
  public static final String FLAG_DIVISION_MEDIAN = "division_median";
  public static final String FLAG_DIVISION_FIRMS = "division_firms";
  public static final String FLAG_RATIO_TO_MEDIAN = "ratio_to_median";
  public static final String FLAG_PRIOR_INTENSITY = "prior_intensity";
  public static final String FLAG_RATIO_TO_PRIOR = "ratio_to_prior";

  // ---- Output table industry_year (CONTRACT §3) ----
  public static final String GROUP_CODE = "industry_code";
  public static final String GROUP_NAME = "industry_name";
  public static final String GROUP_LEVEL = "group_level";
  public static final String FIRMS = "firms";
  public static final String ENERGY_INTENSITY = "energy_intensity_tce_per_10k_yuan";
  public static final String WATER_INTENSITY = "water_intensity_m3_per_10k_yuan";
  public static final String ENERGY_INTENSITY_YOY = "energy_intensity_yoy_pct";
  public static final String WATER_INTENSITY_YOY = "water_intensity_yoy_pct";
  public static final String CO2_INTENSITY = "co2_intensity_t_per_10k_yuan";
  public static final String CO2_INTENSITY_YOY = "co2_intensity_yoy_pct";
  public static final String CO2_FIRMS_REPORTING = "co2_firms_reporting";
  public static final String CO2_FIRMS_DERIVED = "co2_firms_derived";
  public static final String SAME_SAMPLE_FIRMS = "same_sample_firms";
  public static final String ENERGY_INTENSITY_YOY_SAME_SAMPLE =
      "energy_intensity_yoy_same_sample_pct";
  public static final String WATER_INTENSITY_YOY_SAME_SAMPLE =
      "water_intensity_yoy_same_sample_pct";
}
