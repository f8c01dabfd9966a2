package io.greenstat.metrics;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.spark_partition_id;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.greenstat.ingest.RowFate;
import io.greenstat.schema.Columns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The one aggregation over classified rows: row counts per fate and reason, and for aggregated rows
 * the sums per division × province × year. The result has a few thousand rows at most (41 divisions
 * × 34 provinces × years), so everything after it runs on the driver.
 *
 * <p>Every cell is also split by {@code slice_year}, the input partition the rows came from, so an
 * incremental run can replace one partition's cells and keep the others.
 *
 * <p>The sums are added in a fixed order, so a cell's sums are the same bits whichever other rows
 * the run reads and however Spark schedules it: each task adds its rows in the order of the firm
 * window's sort (the input is hash-partitioned by {@code firm_id} into a fixed number of
 * partitions), and the per-partition sums are then added in partition order. Spark's own final
 * aggregation would add them in shuffle-fetch order, which varies from run to run in the last bit.
 *
 * @param fate the rows' fate
 * @param reason quarantine or out-of-scope reason, null otherwise
 * @param division 2-digit division (aggregated rows only)
 * @param province province code (aggregated rows only)
 * @param year reporting year (aggregated rows only)
 * @param slice the input partition year ({@code year=YYYY} directory), null when none
 * @param rows rows in this cell
 * @param rowsOffSlice rows whose year is not their partition's year
 * @param totals sums (aggregated rows only; zero otherwise)
 * @param sameSample sums over the aggregated rows whose firm has a valid record in year − 1
 */
public record Tally(
    RowFate fate,
    String reason,
    String division,
    String province,
    Integer year,
    Integer slice,
    long rows,
    long rowsOffSlice,
    Totals totals,
    SameSample sameSample) {

  static final String ROWS = "rows";
  static final String ROWS_OFF_SLICE = "rows_off_slice";
  static final String CO2_ADDED_VALUE = "co2_added_value_yuan";
  static final String SS_FIRMS = "same_sample_firms";
  static final String SS_ENERGY = "same_sample_energy_tce";
  static final String SS_ADDED_VALUE = "same_sample_added_value_yuan";
  static final String SS_WATER = "same_sample_water_m3";
  static final String SS_PRIOR_ENERGY = "same_sample_prior_energy_tce";
  static final String SS_PRIOR_ADDED_VALUE = "same_sample_prior_added_value_yuan";
  static final String SS_PRIOR_WATER = "same_sample_prior_water_m3";

  /** The cell key, in the canonical order of {@link #CANONICAL_ORDER}. */
  static final List<String> KEY =
      List.of(
          Columns.FATE,
          Columns.REASON,
          Columns.DIVISION,
          Columns.PROVINCE_CODE,
          Columns.YEAR,
          Columns.SLICE_YEAR);

  private static final List<String> COUNTS =
      List.of(
          ROWS, ROWS_OFF_SLICE, Columns.CO2_FIRMS_REPORTING, Columns.CO2_FIRMS_DERIVED, SS_FIRMS);

  private static final List<String> SUMS =
      List.of(
          Columns.REVENUE_YUAN,
          Columns.ADDED_VALUE_YUAN,
          Columns.ENERGY_TCE,
          Columns.WATER_M3,
          Columns.CO2_T,
          CO2_ADDED_VALUE,
          SS_ENERGY,
          SS_ADDED_VALUE,
          SS_WATER,
          SS_PRIOR_ENERGY,
          SS_PRIOR_ADDED_VALUE,
          SS_PRIOR_WATER);

  private static final String PARTITION = "partition";
  private static final String PARTS = "parts";

  /** A total order of cells (nulls first), so driver-side sums over cells are reproducible. */
  public static final Comparator<Tally> CANONICAL_ORDER =
      Comparator.comparing((Tally t) -> t.fate().code())
          .thenComparing(Tally::reason, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Tally::division, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Tally::province, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Tally::year, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Tally::slice, Comparator.nullsFirst(Comparator.naturalOrder()));

  /**
   * Input: classified rows (columns {@code fate, reason, division, province_code, year,
   * slice_year}, the numeric input columns and {@code prior_year} of {@link PriorYear}), still in
   * the partitions of the shuffle by firm. Output: one row per cell with {@code rows}, {@code
   * rows_off_slice} and the sums, in yuan, tce, m³ and t, and the same-sample sums.
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
    Dataset<Row> cells =
        classified.select(
            col(Columns.FATE),
            col(Columns.REASON),
            when(aggregated, col(Columns.DIVISION)).as(Columns.DIVISION),
            when(aggregated, col(Columns.PROVINCE_CODE)).as(Columns.PROVINCE_CODE),
            when(aggregated, col(Columns.YEAR)).as(Columns.YEAR),
            col(Columns.SLICE_YEAR),
            col(Columns.YEAR).notEqual(col(Columns.SLICE_YEAR)).as("off_slice"),
            col(Columns.REVENUE_YUAN),
            col(Columns.ADDED_VALUE_YUAN),
            col(Columns.ENERGY_TCE),
            col(Columns.WATER_M3),
            co2.as(Columns.CO2_T),
            reported.isNull().and(co2.isNotNull()).as("co2_is_derived"),
            col(PriorYear.PRIOR),
            aggregated.as("is_aggregated"),
            // Evaluated in the task that read the firm shuffle's partition: its index.
            spark_partition_id().as(PARTITION));
    Column[] perPartitionKey =
        Stream.concat(KEY.stream(), Stream.of(PARTITION)).map(c -> col(c)).toArray(Column[]::new);
    // One group per (cell, partition): its partial sum is computed by one task, in row order.
    Dataset<Row> perPartition =
        cells
            .groupBy(perPartitionKey)
            .agg(
                count(lit(1)).as(ROWS),
                count(when(col("off_slice"), lit(1))).as(ROWS_OFF_SLICE),
                count(
                        when(
                            col("is_aggregated").and(col("co2_is_derived").unary_$bang()),
                            col(Columns.CO2_T)))
                    .as(Columns.CO2_FIRMS_REPORTING),
                count(when(col("is_aggregated").and(col("co2_is_derived")), lit(1)))
                    .as(Columns.CO2_FIRMS_DERIVED),
                count(col(PriorYear.PRIOR)).as(SS_FIRMS),
                sumIf(Columns.REVENUE_YUAN),
                sumIf(Columns.ADDED_VALUE_YUAN),
                sumIf(Columns.ENERGY_TCE),
                sumIf(Columns.WATER_M3),
                sumIf(Columns.CO2_T),
                sum(when(
                        col("is_aggregated").and(col(Columns.CO2_T).isNotNull()),
                        col(Columns.ADDED_VALUE_YUAN)))
                    .as(CO2_ADDED_VALUE),
                sameSampleSum(col(Columns.ENERGY_TCE), SS_ENERGY),
                sameSampleSum(col(Columns.ADDED_VALUE_YUAN), SS_ADDED_VALUE),
                sameSampleSum(col(Columns.WATER_M3), SS_WATER),
                sum(col(PriorYear.PRIOR + "." + Columns.ENERGY_TCE)).as(SS_PRIOR_ENERGY),
                sum(col(PriorYear.PRIOR + "." + Columns.ADDED_VALUE_YUAN)).as(SS_PRIOR_ADDED_VALUE),
                sum(col(PriorYear.PRIOR + "." + Columns.WATER_M3)).as(SS_PRIOR_WATER));

    List<Column> cellAggregates = new ArrayList<>();
    for (String c : COUNTS) {
      cellAggregates.add(sum(col(c)).as(c));
    }
    Column[] parts =
        Stream.concat(Stream.of(PARTITION), SUMS.stream()).map(c -> col(c)).toArray(Column[]::new);
    // Sorted by partition first: the struct's first field is the partition index, unique per cell.
    cellAggregates.add(array_sort(collect_list(struct(parts))).as(PARTS));
    Dataset<Row> byCell =
        perPartition
            .groupBy(KEY.stream().map(c -> col(c)).toArray(Column[]::new))
            .agg(
                cellAggregates.get(0),
                cellAggregates.subList(1, cellAggregates.size()).toArray(Column[]::new));
    List<Column> out = new ArrayList<>();
    KEY.forEach(c -> out.add(col(c)));
    COUNTS.forEach(c -> out.add(col(c)));
    for (String c : SUMS) {
      out.add(
          org.apache
              .spark
              .sql
              .functions
              .aggregate(
                  col(PARTS),
                  lit(null).cast(DataTypes.DoubleType),
                  (acc, part) -> addNullable(acc, part.getField(c)))
              .as(c));
    }
    return byCell.select(out.toArray(Column[]::new));
  }

  /** {@code a + b} where a null term is left out, and null + null is null (like SQL sum). */
  private static Column addNullable(Column a, Column b) {
    return when(a.isNull(), b).when(b.isNull(), a).otherwise(a.plus(b));
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
        r.getAs(Columns.SLICE_YEAR),
        rows,
        r.<Long>getAs(ROWS_OFF_SLICE),
        totals,
        sameSample);
  }

  private static double orZero(Double d) {
    return d == null ? 0.0 : d;
  }
}
