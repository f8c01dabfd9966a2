package io.greenstat.report;

import io.greenstat.trends.Analytics;
import io.greenstat.trends.TargetProgress;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/** The columns of {@code tables/targets}: progress towards each plan target. */
public final class TargetTable {
  private TargetTable() {}

  public static final String NAME = "targets";

  public static final List<TableColumn<TargetProgress>> COLUMNS =
      List.of(
          new TableColumn<>("indicator", DataTypes.StringType, p -> p.target().indicator()),
          new TableColumn<>("scope", DataTypes.StringType, p -> p.target().scope()),
          new TableColumn<>("base_year", DataTypes.IntegerType, p -> p.target().baseYear()),
          new TableColumn<>("target_year", DataTypes.IntegerType, p -> p.target().targetYear()),
          new TableColumn<>(
              "target_change_pct", DataTypes.DoubleType, p -> p.target().targetChangePct()),
          new TableColumn<>("series", DataTypes.StringType, p -> Analytics.TARGET_SERIES),
          new TableColumn<>("latest_year", DataTypes.IntegerType, TargetProgress::latestYear),
          new TableColumn<>(
              "cumulative_change_pct", DataTypes.DoubleType, TargetProgress::cumulativeChangePct),
          new TableColumn<>(
              "share_of_target_pct", DataTypes.DoubleType, TargetProgress::shareOfTargetPct),
          new TableColumn<>(
              "required_annual_change_pct",
              DataTypes.DoubleType,
              TargetProgress::requiredAnnualChangePct),
          new TableColumn<>("path_change_pct", DataTypes.DoubleType, TargetProgress::pathChangePct),
          new TableColumn<>("on_track", DataTypes.BooleanType, TargetProgress::onTrack),
          new TableColumn<>("base_level", DataTypes.DoubleType, TargetProgress::baseLevel),
          new TableColumn<>("latest_level", DataTypes.DoubleType, TargetProgress::latestLevel),
          new TableColumn<>("reason", DataTypes.StringType, TargetProgress::reason),
          new TableColumn<>("source", DataTypes.StringType, p -> p.target().source()));
}
