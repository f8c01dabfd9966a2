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
 * Everything the run needs from the input rows, as one small frame: the {@link Tally} cells (counts
 * and sums), the quarantined rows (in the struct column {@value #QUARANTINED_ROW}) and the
 * firm-years with a plausibility flag (in {@value #FLAGGED_ROW}). The three branches read the same
 * persisted, flagged frame, so the input files are read once; the caller persists the result and
 * runs two actions on it (the tallies and flagged rows, then the quarantine write).
 */
final class OnePass {
  static final String QUARANTINED_ROW = "quarantined_row";
  static final String FLAGGED_ROW = "flagged_row";

  /** What a flagged firm-year carries to the driver (see {@code quality.FlagTable}). */
  static final List<String> FLAGGED_COLUMNS =
      List.of(
          Columns.FIRM_ID,
          Columns.YEAR,
          Columns.DIVISION,
          Columns.INDUSTRY_CODE,
          Columns.PROVINCE_CODE,
          Columns.FIRM_ENERGY_INTENSITY,
          Columns.FIRM_WATER_INTENSITY,
          Columns.PRIOR_ENERGY_INTENSITY,
          Columns.PRIOR_WATER_INTENSITY,
          Columns.MEDIAN_LOG10_ENERGY,
          Columns.MEDIAN_FIRMS_ENERGY,
          Columns.MEDIAN_LOG10_WATER,
          Columns.MEDIAN_FIRMS_WATER,
          Columns.ENERGY_FLAG,
          Columns.WATER_FLAG);

  /** The quarantine's columns: the input's canonical columns, the reason and the source file. */
  static final List<String> QUARANTINE_COLUMNS =
      Stream.concat(Columns.CONTRACT_INPUT.stream(), Stream.of(Columns.REASON, Columns.SOURCE_FILE))
          .toList();

  private OnePass() {}

  /**
   * Input: the output of {@code PlausibilityFlags.flag} (classified rows with flag columns).
   * Output: tally rows, quarantined rows and flagged rows, told apart by which struct is non-null.
   */
  static Dataset<Row> build(Dataset<Row> flagged, Optional<Double> co2DerivedTPerTce) {
    Dataset<Row> tallies = Tally.aggregate(flagged, co2DerivedTPerTce);
    // The struct carries slice_year too: an incremental run keeps only some partitions' rows.
    Dataset<Row> quarantined =
        flagged
            .filter(col(Columns.FATE).equalTo(RowFate.QUARANTINED.code()))
            .select(
                struct(
                        Stream.concat(QUARANTINE_COLUMNS.stream(), Stream.of(Columns.SLICE_YEAR))
                            .map(c -> col(c))
                            .toArray(Column[]::new))
                    .as(QUARANTINED_ROW));
    Dataset<Row> flaggedRows =
        flagged
            .filter(col(Columns.ENERGY_FLAG).isNotNull().or(col(Columns.WATER_FLAG).isNotNull()))
            .select(
                struct(FLAGGED_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new))
                    .as(FLAGGED_ROW));
    return tallies.unionByName(quarantined, true).unionByName(flaggedRows, true);
  }

  static Dataset<Row> tallies(Dataset<Row> onePass) {
    return onePass
        .filter(col(QUARANTINED_ROW).isNull().and(col(FLAGGED_ROW).isNull()))
        .drop(QUARANTINED_ROW, FLAGGED_ROW);
  }

  static Dataset<Row> flaggedRows(Dataset<Row> onePass) {
    return onePass.filter(col(FLAGGED_ROW).isNotNull()).select(FLAGGED_ROW + ".*");
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
