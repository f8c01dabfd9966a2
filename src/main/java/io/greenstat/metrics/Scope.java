package io.greenstat.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.greenstat.config.JobSettings;
import io.greenstat.ingest.RowFate;
import io.greenstat.schema.Columns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Industrial scope and the above-designated-size threshold, applied per firm-year.
 *
 * <p>Input: the output of {@code Duplicates.withFate}. Output: the same columns; rows whose fate
 * was {@code kept} become {@code out_of_scope} (with {@code reason} {@value #YEAR_OUTSIDE_RANGE} or
 * {@value #NOT_INDUSTRIAL}), {@code below_threshold} or {@code aggregated}.
 */
public final class Scope {
  private Scope() {}

  public static final String YEAR_OUTSIDE_RANGE = "year_outside_range";
  public static final String NOT_INDUSTRIAL = "not_industrial_division";

  public static Dataset<Row> classify(Dataset<Row> rows, JobSettings settings) {
    Column kept = col(Columns.FATE).equalTo(RowFate.KEPT.code());
    Column outsideYears =
        settings
            .years()
            .map(r -> col(Columns.YEAR).between(r.first(), r.last()).unary_$bang())
            .orElse(lit(false));
    Column notIndustrial =
        col(Columns.DIVISION).isin(settings.scopeDivisions().toArray()).unary_$bang();
    Column revenue = col(Columns.REVENUE_YUAN);
    Column above =
        settings.thresholdInclusive()
            ? revenue.geq(settings.thresholdRevenueYuan())
            : revenue.gt(settings.thresholdRevenueYuan());
    Column fate =
        when(kept.unary_$bang(), col(Columns.FATE))
            .when(outsideYears.or(notIndustrial), lit(RowFate.OUT_OF_SCOPE.code()))
            .when(above, lit(RowFate.AGGREGATED.code()))
            .otherwise(lit(RowFate.BELOW_THRESHOLD.code()));
    Column reason =
        when(kept.and(outsideYears), lit(YEAR_OUTSIDE_RANGE))
            .when(kept.and(notIndustrial), lit(NOT_INDUSTRIAL))
            .otherwise(col(Columns.REASON));
    return rows.withColumn(Columns.REASON, reason).withColumn(Columns.FATE, fate);
  }
}
