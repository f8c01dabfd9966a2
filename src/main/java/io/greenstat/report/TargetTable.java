package io.greenstat.report;

import io.greenstat.trends.Analytics;
import io.greenstat.trends.TargetProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.types.DataTypes;

/**
 * The columns of {@code tables/targets}: progress towards each plan target, first at current prices
 * (the columns since the first release), then the same figures at comparable prices ({@code
 * comparable_*}, empty where a price index is missing; {@code comparable_reason} says why).
 */
public final class TargetTable {
  private TargetTable() {}

  public static final String NAME = "targets";

  /**
   * One row: a target's progress on both price bases.
   *
   * @param current at current prices
   * @param comparable at comparable prices; null when not computed
   */
  public record Row(TargetProgress current, TargetProgress comparable) {}

  /** The rows of the table: each target of {@link Analytics#targets} with its comparable twin. */
  public static List<Row> rows(Analytics analytics) {
    List<Row> rows = new ArrayList<>();
    for (TargetProgress p : analytics.targets()) {
      rows.add(new Row(p, analytics.comparable(p).orElse(null)));
    }
    return rows;
  }

  public static final List<TableColumn<Row>> COLUMNS =
      List.of(
          current("indicator", DataTypes.StringType, p -> p.target().indicator()),
          current("scope", DataTypes.StringType, p -> p.target().scope()),
          current("base_year", DataTypes.IntegerType, p -> p.target().baseYear()),
          current("target_year", DataTypes.IntegerType, p -> p.target().targetYear()),
          current("target_change_pct", DataTypes.DoubleType, p -> p.target().targetChangePct()),
          current("series", DataTypes.StringType, p -> Analytics.TARGET_SERIES),
          current("latest_year", DataTypes.IntegerType, TargetProgress::latestYear),
          current(
              "cumulative_change_pct", DataTypes.DoubleType, TargetProgress::cumulativeChangePct),
          current("share_of_target_pct", DataTypes.DoubleType, TargetProgress::shareOfTargetPct),
          current(
              "required_annual_change_pct",
              DataTypes.DoubleType,
              TargetProgress::requiredAnnualChangePct),
          current("path_change_pct", DataTypes.DoubleType, TargetProgress::pathChangePct),
          current("on_track", DataTypes.BooleanType, TargetProgress::onTrack),
          current("base_level", DataTypes.DoubleType, TargetProgress::baseLevel),
          current("latest_level", DataTypes.DoubleType, TargetProgress::latestLevel),
          current("reason", DataTypes.StringType, TargetProgress::reason),
          current("source", DataTypes.StringType, p -> p.target().source()),
          comparable(
              "comparable_series", DataTypes.StringType, p -> Analytics.COMPARABLE_TARGET_SERIES),
          comparable("comparable_latest_year", DataTypes.IntegerType, TargetProgress::latestYear),
          comparable(
              "comparable_cumulative_change_pct",
              DataTypes.DoubleType,
              TargetProgress::cumulativeChangePct),
          comparable(
              "comparable_share_of_target_pct",
              DataTypes.DoubleType,
              TargetProgress::shareOfTargetPct),
          comparable(
              "comparable_required_annual_change_pct",
              DataTypes.DoubleType,
              TargetProgress::requiredAnnualChangePct),
          comparable("comparable_on_track", DataTypes.BooleanType, TargetProgress::onTrack),
          comparable("comparable_latest_level", DataTypes.DoubleType, TargetProgress::latestLevel),
          comparable("comparable_reason", DataTypes.StringType, TargetProgress::reason));

  private static TableColumn<Row> current(
      String name, org.apache.spark.sql.types.DataType type, Function<TargetProgress, ?> value) {
    return new TableColumn<>(name, type, r -> value.apply(r.current()));
  }

  /** A comparable-price column: empty when the comparable progress was not computed. */
  private static TableColumn<Row> comparable(
      String name, org.apache.spark.sql.types.DataType type, Function<TargetProgress, ?> value) {
    return new TableColumn<>(
        name, type, r -> r.comparable() == null ? null : value.apply(r.comparable()));
  }
}
