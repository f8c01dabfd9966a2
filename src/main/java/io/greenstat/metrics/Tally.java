package io.greenstat.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.greenstat.ingest.RowFate;
import io.greenstat.schema.Columns;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The one aggregation over classified rows: row counts per fate and reason, and for aggregated rows
 * the sums per division × province × year. The result has a few thousand rows at most (41 divisions
 * × 34 provinces × years), so everything after it runs on the driver.
 *
 * @param fate the rows' fate
 * @param reason quarantine or out-of-scope reason, null otherwise
 * @param division 2-digit division (aggregated rows only)
 * @param province province code (aggregated rows only)
 * @param year reporting year (aggregated rows only)
 * @param rows rows in this cell
 * @param totals sums (aggregated rows only; zero otherwise)
 * @param sameSample sums over the aggregated rows whose firm has a valid record in year − 1
 */
public record Tally(
    RowFate fate,
    String reason,
    String division,
    String province,
    Integer year,
    long rows,
    Totals totals,
    SameSample sameSample) {

  static final String ROWS = "rows";
  static final String CO2_ADDED_VALUE = "co2_added_value_yuan";
  static final String SS_FIRMS = "same_sample_firms";
  static final String SS_ENERGY = "same_sample_energy_tce";
  static final String SS_ADDED_VALUE = "same_sample_added_value_yuan";
  static final String SS_WATER = "same_sample_water_m3";
  static final String SS_PRIOR_ENERGY = "same_sample_prior_energy_tce";
  static final String SS_PRIOR_ADDED_VALUE = "same_sample_prior_added_value_yuan";
  static final String SS_PRIOR_WATER = "same_sample_prior_water_m3";

  /**
   * Input: classified rows (columns {@code fate, reason, division, province_code, year}, the
   * numeric input columns and {@code prior_year} of {@link PriorYear}). Output: one row per cell
   * with {@code rows} and the sums, in yuan, tce, m³ and t, and the same-sample sums.
   *
   * @param co2DerivedTPerTce when present, a firm without {@code co2_t} counts with {@code
   *     energy_tce × factor} tonnes of CO2 (counted in {@code co2_firms_derived})
   */
  public static Dataset<Row> aggregate(
      Dataset<Row> classified, Optional<Double> co2DerivedTPerTce) {
    Column aggregated = col(Columns.FATE).equalTo(RowFate.AGGREGATED.code());
    Column reported = col(Columns.CO2_T);
    Column co2 =
        co2DerivedTPerTce
            .map(f -> coalesce(reported, col(Columns.ENERGY_TCE).multiply(f)))
            .orElse(reported);
    return classified
        .select(
            col(Columns.FATE),
            col(Columns.REASON),
            when(aggregated, col(Columns.DIVISION)).as(Columns.DIVISION),
            when(aggregated, col(Columns.PROVINCE_CODE)).as(Columns.PROVINCE_CODE),
            when(aggregated, col(Columns.YEAR)).as(Columns.YEAR),
            col(Columns.REVENUE_YUAN),
            col(Columns.ADDED_VALUE_YUAN),
            col(Columns.ENERGY_TCE),
            col(Columns.WATER_M3),
            co2.as(Columns.CO2_T),
            reported.isNull().and(co2.isNotNull()).as("co2_is_derived"),
            col(PriorYear.PRIOR),
            aggregated.as("is_aggregated"))
        .groupBy(
            Columns.FATE, Columns.REASON, Columns.DIVISION, Columns.PROVINCE_CODE, Columns.YEAR)
        .agg(
            count(lit(1)).as(ROWS),
            sumIf(Columns.REVENUE_YUAN),
            sumIf(Columns.ADDED_VALUE_YUAN),
            sumIf(Columns.ENERGY_TCE),
            sumIf(Columns.WATER_M3),
            sumIf(Columns.CO2_T),
            sum(when(
                    col("is_aggregated").and(col(Columns.CO2_T).isNotNull()),
                    col(Columns.ADDED_VALUE_YUAN)))
                .as(CO2_ADDED_VALUE),
            count(
                    when(
                        col("is_aggregated").and(col("co2_is_derived").unary_$bang()),
                        col(Columns.CO2_T)))
                .as(Columns.CO2_FIRMS_REPORTING),
            count(when(col("is_aggregated").and(col("co2_is_derived")), lit(1)))
                .as(Columns.CO2_FIRMS_DERIVED),
            count(col(PriorYear.PRIOR)).as(SS_FIRMS),
            sameSampleSum(col(Columns.ENERGY_TCE), SS_ENERGY),
            sameSampleSum(col(Columns.ADDED_VALUE_YUAN), SS_ADDED_VALUE),
            sameSampleSum(col(Columns.WATER_M3), SS_WATER),
            sum(col(PriorYear.PRIOR + "." + Columns.ENERGY_TCE)).as(SS_PRIOR_ENERGY),
            sum(col(PriorYear.PRIOR + "." + Columns.ADDED_VALUE_YUAN)).as(SS_PRIOR_ADDED_VALUE),
            sum(col(PriorYear.PRIOR + "." + Columns.WATER_M3)).as(SS_PRIOR_WATER));
  }

  private static Column sameSampleSum(Column value, String name) {
    return sum(when(col(PriorYear.PRIOR).isNotNull(), value)).as(name);
  }

  private static Column sumIf(String column) {
    return sum(when(col("is_aggregated"), col(column))).as(column);
  }

  /** Reads a row of {@link #aggregate}'s output. */
  public static Tally fromRow(Row r) {
    RowFate fate = RowFate.of(r.getAs(Columns.FATE));
    long rows = r.<Long>getAs(ROWS);
    Totals totals =
        fate == RowFate.AGGREGATED
            ? new Totals(
                rows,
                orZero(r.getAs(Columns.REVENUE_YUAN)),
                orZero(r.getAs(Columns.ADDED_VALUE_YUAN)),
                orZero(r.getAs(Columns.ENERGY_TCE)),
                orZero(r.getAs(Columns.WATER_M3)),
                orZero(r.getAs(Columns.CO2_T)),
                orZero(r.getAs(CO2_ADDED_VALUE)),
                r.<Long>getAs(Columns.CO2_FIRMS_REPORTING),
                r.<Long>getAs(Columns.CO2_FIRMS_DERIVED))
            : Totals.ZERO;
    SameSample sameSample =
        fate == RowFate.AGGREGATED
            ? new SameSample(
                r.<Long>getAs(SS_FIRMS),
                orZero(r.getAs(SS_ENERGY)),
                orZero(r.getAs(SS_ADDED_VALUE)),
                orZero(r.getAs(SS_WATER)),
                orZero(r.getAs(SS_PRIOR_ENERGY)),
                orZero(r.getAs(SS_PRIOR_ADDED_VALUE)),
                orZero(r.getAs(SS_PRIOR_WATER)))
            : SameSample.ZERO;
    return new Tally(
        fate,
        r.getAs(Columns.REASON),
        r.getAs(Columns.DIVISION),
        r.getAs(Columns.PROVINCE_CODE),
        r.getAs(Columns.YEAR),
        rows,
        totals,
        sameSample);
  }

  private static double orZero(Double d) {
    return d == null ? 0.0 : d;
  }
}
