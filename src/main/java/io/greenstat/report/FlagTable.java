package io.greenstat.report;

import io.greenstat.quality.Flag;
import io.greenstat.quality.Indicator;
import io.greenstat.schema.Columns;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The columns of {@code tables/flags}: one row per firm-year and indicator with a plausibility
 * flag, sorted by year, division, firm and indicator. Intensities in tce or m³ per 10 000 yuan.
 */
public final class FlagTable {
  private FlagTable() {}

  public static final String NAME = "flags";

  public static final List<TableColumn<Flag>> COLUMNS =
      List.of(
          new TableColumn<>(Columns.YEAR, DataTypes.IntegerType, Flag::year),
          new TableColumn<>(Columns.DIVISION, DataTypes.StringType, Flag::division),
          new TableColumn<>(Columns.FIRM_ID, DataTypes.StringType, Flag::firmId),
          new TableColumn<>(Columns.INDICATOR, DataTypes.StringType, f -> f.indicator().code()),
          new TableColumn<>(Columns.REASON, DataTypes.StringType, Flag::reason),
          new TableColumn<>(Columns.INDUSTRY_CODE, DataTypes.StringType, Flag::industryCode),
          new TableColumn<>(Columns.PROVINCE_CODE, DataTypes.StringType, Flag::provinceCode),
          new TableColumn<>(Columns.FLAG_INTENSITY, DataTypes.DoubleType, Flag::intensity),
          new TableColumn<>(
              Columns.FLAG_DIVISION_MEDIAN, DataTypes.DoubleType, Flag::divisionMedian),
          new TableColumn<>(Columns.FLAG_DIVISION_FIRMS, DataTypes.LongType, Flag::divisionFirms),
          new TableColumn<>(
              Columns.FLAG_RATIO_TO_MEDIAN, DataTypes.DoubleType, Flag::ratioToMedian),
          new TableColumn<>(
              Columns.FLAG_PRIOR_INTENSITY, DataTypes.DoubleType, Flag::priorIntensity),
          new TableColumn<>(Columns.FLAG_RATIO_TO_PRIOR, DataTypes.DoubleType, Flag::ratioToPrior));

  /**
   * Reads back a row of the table's Parquet copy (an incremental run keeps the flags of the years
   * it does not rescan). Doubles read back to the same bits.
   */
  public static Flag fromRow(Row r) {
    String indicator = r.getAs(Columns.INDICATOR);
    Indicator i =
        java.util.Arrays.stream(Indicator.values())
            .filter(x -> x.code().equals(indicator))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("unknown indicator " + indicator));
    return new Flag(
        r.<Integer>getAs(Columns.YEAR),
        r.getAs(Columns.DIVISION),
        r.getAs(Columns.FIRM_ID),
        i,
        r.getAs(Columns.REASON),
        r.getAs(Columns.INDUSTRY_CODE),
        r.getAs(Columns.PROVINCE_CODE),
        r.<Double>getAs(Columns.FLAG_INTENSITY),
        r.getAs(Columns.FLAG_DIVISION_MEDIAN),
        r.getAs(Columns.FLAG_DIVISION_FIRMS),
        r.getAs(Columns.FLAG_RATIO_TO_MEDIAN),
        r.getAs(Columns.FLAG_PRIOR_INTENSITY),
        r.getAs(Columns.FLAG_RATIO_TO_PRIOR));
  }
}
