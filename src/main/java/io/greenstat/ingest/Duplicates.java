package io.greenstat.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.greenstat.schema.Columns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The contract's duplicate rule, among rows that passed {@link RowValidation}: rows identical in
 * every contract column count once; rows sharing ({@code firm_id}, {@code year}) but differing
 * otherwise are all quarantined as {@code conflicting_duplicate}.
 *
 * <p>Input: the output of {@link RowValidation#withReason}. Output: the same columns, {@code
 * reason} set for conflicts, plus {@code fate} = {@code quarantined}, {@code duplicate} (an extra
 * copy) or {@code kept}.
 *
 * <p>One window over (firm_id, year) does it: a group is free of conflicts exactly when the
 * smallest and largest valid row (as a struct of all contract columns) are equal, which needs no
 * hashing and so cannot collide. Invalid rows ride along in the same window, so the input is
 * shuffled once.
 */
public final class Duplicates {
  private Duplicates() {}

  public static Dataset<Row> withFate(Dataset<Row> validated) {
    WindowSpec byKey = Window.partitionBy(Columns.FIRM_ID, Columns.YEAR);
    Column valid = col(Columns.REASON).isNull();
    Column contractRow =
        struct(
            Columns.CONTRACT_INPUT.stream()
                .map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new));
    Column validRow = when(valid, contractRow);
    Column conflicting =
        valid
            .and(count(validRow).over(byKey).gt(1))
            .and(not(min(validRow).over(byKey).eqNullSafe(max(validRow).over(byKey))));
    // Valid rows first, then a stable order, so the kept copy is the same every run.
    Column copyNumber =
        row_number()
            .over(
                byKey.orderBy(
                    col(Columns.REASON).isNotNull(), col(Columns.SOURCE_FILE), contractRow));
    return validated
        .withColumn(
            Columns.REASON,
            when(conflicting, lit(QuarantineReason.CONFLICTING_DUPLICATE))
                .otherwise(col(Columns.REASON)))
        .withColumn(
            Columns.FATE,
            when(col(Columns.REASON).isNotNull(), lit(RowFate.QUARANTINED.code()))
                .when(copyNumber.gt(1), lit(RowFate.DUPLICATE.code()))
                .otherwise(lit(RowFate.KEPT.code())));
  }
}
