package io.greenstat.quality;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log10;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import io.greenstat.config.JobSettings;
import io.greenstat.ingest.RowFate;
import io.greenstat.metrics.PriorYear;
import io.greenstat.schema.Columns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Plausibility flags: firm-years whose energy or water intensity looks like a unit error (about 10³
 * or 10⁴ times, or 1/10³ or 1/10⁴ of, the division-year median) or jumps by the jump factor against
 * the firm's own previous year. Flags are listed, never silently fixed; in quarantine mode the
 * flagged rows are quarantined too. Codes: {@link FlagReason}.
 *
 * <p>Checked: aggregated rows (in scope, above the threshold) with a positive value and positive
 * added value (see {@link Indicator#intensity}); a zero value is not a unit error. Steps, each a
 * pure {@code Dataset<Row> → Dataset<Row>} of built-in functions over the classified rows of {@link
 * PriorYear#attach}:
 *
 * <ol>
 *   <li>{@link #withIntensities}: the checked intensities of the row and of its prior-year record;
 *   <li>{@link #histogram}: counts per division, year, indicator and log10 bin (a second, small
 *       job; the driver takes the medians from it, {@link DivisionMedians});
 *   <li>{@link #flag}: the flag codes, by a broadcast join with the medians and a window over the
 *       firm (the frame is already partitioned by firm, so no shuffle); in quarantine mode, the
 *       flagged rows' fate and reason, and the same-sample rule below.
 * </ol>
 *
 * <p>A jump is not flagged when the firm's previous-year row is itself flagged as a unit error in
 * the same indicator: that row's flag already explains the jump back to normal.
 *
 * <p>Quarantine mode and same-sample (同口径): a quarantined flagged row is no longer a valid record,
 * so, like any quarantined row, it is not the prior-year record of the firm's next year: that
 * year's row loses its {@code prior_year} and leaves the same-sample pairs. Flags themselves are
 * the same in both modes (the medians and jumps are computed before anything is quarantined).
 */
public final class PlausibilityFlags {
  private PlausibilityFlags() {}

  /** Histogram bins per decade of intensity: a bin is 0.01 wide in log10 units (2.3 %). */
  public static final int BINS_PER_DECADE = 100;

  private static final String PRIOR_UNIT_PREFIX = "prior_unit_flag_";
  private static final String PRIOR_FLAGGED = "prior_flagged";

  /**
   * Adds {@code firm_energy_intensity}, {@code firm_water_intensity} (the row's, aggregated rows
   * only) and {@code prior_energy_intensity}, {@code prior_water_intensity} (of its {@code
   * prior_year} record), each null where not checked.
   */
  public static Dataset<Row> withIntensities(Dataset<Row> classified) {
    Column aggregated = col(Columns.FATE).equalTo(RowFate.AGGREGATED.code());
    Dataset<Row> out = classified;
    for (Indicator i : Indicator.values()) {
      out =
          out.withColumn(
                  ownColumn(i),
                  when(aggregated, intensity(col(i.valueColumn()), col(Columns.ADDED_VALUE_YUAN))))
              .withColumn(
                  priorColumn(i),
                  intensity(
                      col(PriorYear.PRIOR + "." + i.valueColumn()),
                      col(PriorYear.PRIOR + "." + Columns.ADDED_VALUE_YUAN)));
    }
    return out;
  }

  /**
   * Input: the output of {@link #withIntensities}. Output: {@code division, year, indicator,
   * log10_bin, firms}, one row per occupied bin; {@code firms} is a count, so the result does not
   * depend on the order of the rows.
   */
  public static Dataset<Row> histogram(Dataset<Row> withIntensities) {
    Dataset<Row> bins = null;
    for (Indicator i : Indicator.values()) {
      Column value = col(ownColumn(i));
      Dataset<Row> one =
          withIntensities
              .filter(value.isNotNull())
              .select(
                  col(Columns.DIVISION),
                  col(Columns.YEAR),
                  lit(i.code()).as(Columns.INDICATOR),
                  floor(log10(value).multiply(BINS_PER_DECADE)).as(Columns.LOG_BIN));
      bins = bins == null ? one : bins.unionByName(one);
    }
    return bins.groupBy(Columns.DIVISION, Columns.YEAR, Columns.INDICATOR, Columns.LOG_BIN)
        .agg(count(lit(1)).as(Columns.BIN_FIRMS));
  }

  /**
   * Input: the output of {@link #withIntensities}, and the medians ({@link DivisionMedians#SCHEMA},
   * a few thousand rows, broadcast). Output: the same columns plus the medians' columns and {@code
   * energy_flag}, {@code water_flag} (a {@link FlagReason} code or null); in quarantine mode a
   * flagged row's {@code fate} is {@code quarantined} with the flag as {@code reason} (energy's
   * first), and rows whose prior-year record was flagged lose their {@code prior_year}.
   */
  public static Dataset<Row> flag(
      Dataset<Row> withIntensities, Dataset<Row> medians, JobSettings.Flags settings) {
    String mDivision = "median_" + Columns.DIVISION;
    String mYear = "median_" + Columns.YEAR;
    Dataset<Row> m =
        medians
            .withColumnRenamed(Columns.DIVISION, mDivision)
            .withColumnRenamed(Columns.YEAR, mYear);
    Dataset<Row> joined =
        withIntensities
            .join(
                broadcast(m),
                col(Columns.DIVISION)
                    .equalTo(col(mDivision))
                    .and(col(Columns.YEAR).equalTo(col(mYear))),
                "left_outer")
            .drop(mDivision, mYear);

    Column aggregated = col(Columns.FATE).equalTo(RowFate.AGGREGATED.code());
    // One valid, unique row per firm and year: a range frame of exactly one year back finds the
    // previous year's row, as in PriorYear.
    WindowSpec yearBefore =
        Window.partitionBy(Columns.FIRM_ID).orderBy(col(Columns.YEAR)).rangeBetween(-1, -1);
    Dataset<Row> units = joined;
    for (Indicator i : Indicator.values()) {
      units = units.withColumn(unitColumn(i), unitFlag(i, settings.unitFactorTolerance()));
    }
    // Both indicators' window expressions in one projection: Spark evaluates them in one Window
    // operator, one walk over each firm's rows.
    List<Column> withPriorUnits = new ArrayList<>();
    withPriorUnits.add(col("*"));
    for (Indicator i : Indicator.values()) {
      withPriorUnits.add(
          max(when(aggregated, col(unitColumn(i))))
              .over(yearBefore)
              .as(PRIOR_UNIT_PREFIX + i.code()));
    }
    units = units.select(withPriorUnits.toArray(Column[]::new));
    Dataset<Row> flagged = units;
    for (Indicator i : Indicator.values()) {
      flagged =
          flagged.withColumn(
              flagColumn(i),
              coalesce(
                  col(unitColumn(i)),
                  when(
                      col(PRIOR_UNIT_PREFIX + i.code()).isNull(),
                      jumpFlag(i, settings.jumpFactor()))));
    }
    for (Indicator i : Indicator.values()) {
      flagged = flagged.drop(unitColumn(i), PRIOR_UNIT_PREFIX + i.code());
    }
    if (!settings.quarantine()) {
      return flagged;
    }
    Column isFlagged = col(Columns.ENERGY_FLAG).isNotNull().or(col(Columns.WATER_FLAG).isNotNull());
    Column reason = coalesce(col(Columns.ENERGY_FLAG), col(Columns.WATER_FLAG));
    return flagged
        .withColumn(PRIOR_FLAGGED, max(when(aggregated.and(isFlagged), lit(1))).over(yearBefore))
        .withColumn(
            PriorYear.PRIOR,
            when(isFlagged.or(col(PRIOR_FLAGGED).isNotNull()), lit(null))
                .otherwise(col(PriorYear.PRIOR)))
        .withColumn(Columns.REASON, when(isFlagged, reason).otherwise(col(Columns.REASON)))
        .withColumn(
            Columns.FATE,
            when(isFlagged, lit(RowFate.QUARANTINED.code())).otherwise(col(Columns.FATE)))
        .drop(PRIOR_FLAGGED);
  }

  /** The column holding a row's own checked intensity. */
  public static String ownColumn(Indicator i) {
    return i == Indicator.ENERGY ? Columns.FIRM_ENERGY_INTENSITY : Columns.FIRM_WATER_INTENSITY;
  }

  /** The column holding the prior-year record's checked intensity. */
  public static String priorColumn(Indicator i) {
    return i == Indicator.ENERGY ? Columns.PRIOR_ENERGY_INTENSITY : Columns.PRIOR_WATER_INTENSITY;
  }

  /** The column holding the flag code of an indicator. */
  public static String flagColumn(Indicator i) {
    return i == Indicator.ENERGY ? Columns.ENERGY_FLAG : Columns.WATER_FLAG;
  }

  /** The median columns of an indicator: log10 of the median, firms behind it. */
  public static String medianLog10Column(Indicator i) {
    return i == Indicator.ENERGY ? Columns.MEDIAN_LOG10_ENERGY : Columns.MEDIAN_LOG10_WATER;
  }

  public static String medianFirmsColumn(Indicator i) {
    return i == Indicator.ENERGY ? Columns.MEDIAN_FIRMS_ENERGY : Columns.MEDIAN_FIRMS_WATER;
  }

  private static String unitColumn(Indicator i) {
    return "unit_flag_" + i.code();
  }

  /** {@link Indicator#intensity} as a column: value / (added value / 10 000), or null. */
  static Column intensity(Column value, Column addedValueYuan) {
    Column tenThousands = addedValueYuan.divide(10_000.0);
    // The guard comes first (CASE WHEN evaluates only the branch taken), so no division by zero.
    Column i = when(value.gt(0).and(tenThousands.gt(0)), value.divide(tenThousands));
    return when(i.gt(0).and(i.lt(Double.POSITIVE_INFINITY)), i);
  }

  /**
   * d = log10(intensity) − log10(median); the nearer of k = 3, 4 to |d| (3 up to 3.5); flagged when
   * ||d| − k| ≤ tolerance, with {@code _x} for d > 0 and {@code _div} for d < 0. Null when the row
   * or its division-year has nothing to compare (the median exists only with enough firms).
   */
  private static Column unitFlag(Indicator i, double tolerance) {
    Column d = log10(col(ownColumn(i))).minus(col(medianLog10Column(i)));
    Column ad = abs(d);
    Column k = when(ad.leq(3.5), lit(3)).otherwise(lit(4));
    Column near = abs(ad.minus(k)).leq(tolerance);
    Column up = d.gt(0);
    return when(
            near.and(k.equalTo(3)),
            when(up, lit(FlagReason.unit(i, 3, true))).otherwise(lit(FlagReason.unit(i, 3, false))))
        .when(
            near.and(k.equalTo(4)),
            when(up, lit(FlagReason.unit(i, 4, true)))
                .otherwise(lit(FlagReason.unit(i, 4, false))));
  }

  /** Up when intensity / prior ≥ factor, down when prior / intensity ≥ factor; else null. */
  private static Column jumpFlag(Indicator i, double factor) {
    Column now = col(ownColumn(i));
    Column before = col(priorColumn(i));
    return when(now.divide(before).geq(factor), lit(FlagReason.jump(i, true)))
        .when(before.divide(now).geq(factor), lit(FlagReason.jump(i, false)));
  }
}
