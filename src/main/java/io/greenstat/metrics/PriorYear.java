package io.greenstat.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.greenstat.ingest.RowFate;
import io.greenstat.schema.Columns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Attaches to each aggregated firm-year the same firm's valid record of the year before, for the
 * NBS same-sample (同口径) year-on-year change.
 *
 * <p>Input: the output of {@link Scope#classify}. Output: the same columns plus {@value #PRIOR}, a
 * struct of {@code energy_tce, added_value_yuan, water_m3} of year y − 1, null when the row is not
 * aggregated or the firm has no valid, unique record in year y − 1. "Valid" means the record passed
 * validation and the duplicate rule; it may have been below the threshold or outside the industrial
 * divisions in y − 1 (NBS restates the prior year for the current year's firms).
 *
 * <p>The window is partitioned by firm only; when the caller has already hash-partitioned by {@code
 * firm_id}, Spark reuses that shuffle for both this window and the duplicate window.
 */
public final class PriorYear {
  private PriorYear() {}

  public static final String PRIOR = "prior_year";

  public static Dataset<Row> attach(Dataset<Row> classified) {
    Column fate = col(Columns.FATE);
    Column validUnique =
        fate.isin(
            RowFate.AGGREGATED.code(), RowFate.BELOW_THRESHOLD.code(), RowFate.OUT_OF_SCOPE.code());
    Column values =
        struct(
            col(Columns.ENERGY_TCE).as(Columns.ENERGY_TCE),
            col(Columns.ADDED_VALUE_YUAN).as(Columns.ADDED_VALUE_YUAN),
            col(Columns.WATER_M3).as(Columns.WATER_M3));
    // A range frame of exactly one year back: at most one valid, unique row per firm and year.
    Column prior =
        max(when(validUnique, values))
            .over(
                Window.partitionBy(Columns.FIRM_ID)
                    .orderBy(col(Columns.YEAR))
                    .rangeBetween(-1, -1));
    return classified.withColumn(PRIOR, when(fate.equalTo(RowFate.AGGREGATED.code()), prior));
  }
}
