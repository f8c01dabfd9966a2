package io.greenstat.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;

import io.greenstat.ingest.RowFate;
import io.greenstat.metrics.Tally;
import io.greenstat.schema.Columns;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Everything the run needs from the input rows, as one small frame from one scan: the {@link Tally}
 * cells (counts and sums) and the quarantined rows (in the struct column {@value
 * #QUARANTINED_ROW}). Both branches share the duplicate window's shuffle, which Spark reuses, so
 * the input files are read once; the caller persists the result and runs two actions on it.
 */
final class OnePass {
  static final String QUARANTINED_ROW = "quarantined_row";

  /** The quarantine's columns: the input's canonical columns, the reason and the source file. */
  static final List<String> QUARANTINE_COLUMNS =
      Stream.concat(Columns.CONTRACT_INPUT.stream(), Stream.of(Columns.REASON, Columns.SOURCE_FILE))
          .toList();

  private OnePass() {}

  static Dataset<Row> build(Dataset<Row> classified, Optional<Double> co2DerivedTPerTce) {
    Dataset<Row> tallies = Tally.aggregate(classified, co2DerivedTPerTce);
    // The struct carries slice_year too: an incremental run keeps only some partitions' rows, and
    // both branches must need the same input columns, or Spark cannot reuse the shuffle by firm.
    Dataset<Row> quarantined =
        classified
            .filter(col(Columns.FATE).equalTo(RowFate.QUARANTINED.code()))
            .select(
                struct(
                        Stream.concat(QUARANTINE_COLUMNS.stream(), Stream.of(Columns.SLICE_YEAR))
                            .map(c -> col(c))
                            .toArray(Column[]::new))
                    .as(QUARANTINED_ROW));
    return tallies.unionByName(quarantined, true);
  }

  static Dataset<Row> tallies(Dataset<Row> onePass) {
    return onePass.filter(col(QUARANTINED_ROW).isNull()).drop(QUARANTINED_ROW);
  }

  /** The quarantined rows: {@link #QUARANTINE_COLUMNS} and {@code slice_year}. */
  static Dataset<Row> quarantinedRows(Dataset<Row> onePass) {
    return onePass
        .filter(col(QUARANTINED_ROW).isNotNull())
        .select(
            Stream.concat(QUARANTINE_COLUMNS.stream(), Stream.of(Columns.SLICE_YEAR))
                .map(c -> col(QUARANTINED_ROW + "." + c).as(c))
                .toArray(Column[]::new));
  }
}
