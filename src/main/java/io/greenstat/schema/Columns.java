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
