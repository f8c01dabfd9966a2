package io.greenstat.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.greenstat.ingest.RowFate;
import io.greenstat.schema.Columns;
import java.util.List;
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
 */
public record Tally(
    RowFate fate,
    String reason,
    String division,
    String province,
    Integer year,
    long rows,
    Totals totals) {

  static final String ROWS = "rows";
  static final String CO2_ADDED_VALUE = "co2_added_value_yuan";

  /**
   * Input: classified rows (columns {@code fate, reason, division, province_code, year} and the
   * numeric input columns). Output: one row per cell with {@code rows}, {@code firms} and the sums,
   * in yuan, tce, m³ and t.
   */
  public static Dataset<Row> aggregate(Dataset<Row> classified) {
    Column aggregated = col(Columns.FATE).equalTo(RowFate.AGGREGATED.code());
    Column co2 = col(Columns.CO2_T);
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
            co2,
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
            sum(when(col("is_aggregated").and(co2.isNotNull()), col(Columns.ADDED_VALUE_YUAN)))
                .as(CO2_ADDED_VALUE),
            count(when(col("is_aggregated"), co2)).as(Columns.CO2_FIRMS_REPORTING));
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
                r.<Long>getAs(Columns.CO2_FIRMS_REPORTING))
            : Totals.ZERO;
    return new Tally(
        fate,
        r.getAs(Columns.REASON),
        r.getAs(Columns.DIVISION),
        r.getAs(Columns.PROVINCE_CODE),
        r.getAs(Columns.YEAR),
        rows,
        totals);
  }

  /** The columns of {@link #aggregate}'s output, for callers that union it with other frames. */
  public static List<String> columns() {
    return List.of(
        Columns.FATE,
        Columns.REASON,
        Columns.DIVISION,
        Columns.PROVINCE_CODE,
        Columns.YEAR,
        ROWS,
        Columns.REVENUE_YUAN,
        Columns.ADDED_VALUE_YUAN,
        Columns.ENERGY_TCE,
        Columns.WATER_M3,
        Columns.CO2_T,
        CO2_ADDED_VALUE,
        Columns.CO2_FIRMS_REPORTING);
  }

  private static double orZero(Double d) {
    return d == null ? 0.0 : d;
  }
}
