package io.greenstat.report;

import io.greenstat.schema.Columns;
import io.greenstat.trends.ContributionRow;
import io.greenstat.trends.DecompositionRow;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/**
 * The columns of {@code tables/decomposition} (CONTRACT §4) and of its per-division companion
 * {@code tables/decomposition_division}, in file order. Intensities and changes in tce per 10 000
 * yuan; ratios are pure numbers.
 */
public final class DecompositionTable {
  private DecompositionTable() {}

  /** Table name under {@code tables/}. */
  public static final String NAME = "decomposition";

  /** Table name of the per-division companion under {@code tables/}. */
  public static final String CONTRIBUTIONS_NAME = "decomposition_division";

  public static final String GROUP = "group";
  public static final String PRICES = "prices";
  public static final String FROM_YEAR = "from_year";
  public static final String TO_YEAR = "to_year";
  public static final String INTENSITY_FROM = "intensity_from";
  public static final String INTENSITY_TO = "intensity_to";
  public static final String TOTAL_RATIO = "total_ratio";
  public static final String STRUCTURE_RATIO = "structure_ratio";
  public static final String INTENSITY_RATIO = "intensity_ratio";
  public static final String TOTAL_CHANGE = "total_change";
  public static final String STRUCTURE_CHANGE = "structure_change";
  public static final String INTENSITY_CHANGE = "intensity_change";
  public static final String STRUCTURE_LOG_TERM = "structure_log_term";
  public static final String INTENSITY_LOG_TERM = "intensity_log_term";

  /** {@code tables/decomposition}: exactly the CONTRACT §4 columns. */
  public static final List<TableColumn<DecompositionRow>> COLUMNS =
      List.of(
          new TableColumn<>(GROUP, DataTypes.StringType, DecompositionRow::group),
          new TableColumn<>(PRICES, DataTypes.StringType, DecompositionRow::prices),
          new TableColumn<>(FROM_YEAR, DataTypes.IntegerType, DecompositionRow::fromYear),
          new TableColumn<>(TO_YEAR, DataTypes.IntegerType, DecompositionRow::toYear),
          new TableColumn<>(INTENSITY_FROM, DataTypes.DoubleType, DecompositionRow::intensityFrom),
          new TableColumn<>(INTENSITY_TO, DataTypes.DoubleType, DecompositionRow::intensityTo),
          new TableColumn<>(TOTAL_RATIO, DataTypes.DoubleType, DecompositionRow::totalRatio),
          new TableColumn<>(
              STRUCTURE_RATIO, DataTypes.DoubleType, DecompositionRow::structureRatio),
          new TableColumn<>(
              INTENSITY_RATIO, DataTypes.DoubleType, DecompositionRow::intensityRatio),
          new TableColumn<>(TOTAL_CHANGE, DataTypes.DoubleType, DecompositionRow::totalChange),
          new TableColumn<>(
              STRUCTURE_CHANGE, DataTypes.DoubleType, DecompositionRow::structureChange),
          new TableColumn<>(
              INTENSITY_CHANGE, DataTypes.DoubleType, DecompositionRow::intensityChange));

  /** {@code tables/decomposition_division}: per-division terms of each decomposition row. */
  public static final List<TableColumn<ContributionRow>> CONTRIBUTIONS =
      List.of(
          new TableColumn<>(FROM_YEAR, DataTypes.IntegerType, ContributionRow::fromYear),
          new TableColumn<>(TO_YEAR, DataTypes.IntegerType, ContributionRow::toYear),
          new TableColumn<>(PRICES, DataTypes.StringType, ContributionRow::prices),
          new TableColumn<>(Columns.DIVISION, DataTypes.StringType, ContributionRow::division),
          new TableColumn<>(
              Columns.GROUP_NAME, DataTypes.StringType, ContributionRow::industryName),
          new TableColumn<>(
              STRUCTURE_CHANGE, DataTypes.DoubleType, ContributionRow::structureChange),
          new TableColumn<>(
              INTENSITY_CHANGE, DataTypes.DoubleType, ContributionRow::intensityChange),
          new TableColumn<>(
              STRUCTURE_LOG_TERM, DataTypes.DoubleType, ContributionRow::structureLogTerm),
          new TableColumn<>(
              INTENSITY_LOG_TERM, DataTypes.DoubleType, ContributionRow::intensityLogTerm));
}
