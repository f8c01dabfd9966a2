package io.greenstat.report;

import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.Ratios;
import io.greenstat.schema.Columns;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/** The columns of {@code tables/industry_year}, in file order (CONTRACT §3, plus CO2). */
public final class IndustryYearTable {
  private IndustryYearTable() {}

  public static final List<TableColumn<IndustryYear>> COLUMNS =
      List.of(
          new TableColumn<>(Columns.GROUP_CODE, DataTypes.StringType, IndustryYear::code),
          new TableColumn<>(Columns.GROUP_NAME, DataTypes.StringType, IndustryYear::name),
          new TableColumn<>(Columns.GROUP_LEVEL, DataTypes.StringType, r -> r.level().code()),
          new TableColumn<>(Columns.YEAR, DataTypes.IntegerType, IndustryYear::year),
          new TableColumn<>(Columns.FIRMS, DataTypes.LongType, r -> r.totals().firms()),
          sum(Columns.REVENUE_YUAN, r -> r.totals().revenueYuan()),
          sum(Columns.ADDED_VALUE_YUAN, r -> r.totals().addedValueYuan()),
          sum(Columns.ENERGY_TCE, r -> r.totals().energyTce()),
          sum(Columns.WATER_M3, r -> r.totals().waterM3()),
          sum(Columns.CO2_T, r -> r.totals().co2T()),
          new TableColumn<>(
              Columns.CO2_FIRMS_REPORTING, DataTypes.LongType, r -> r.totals().co2Firms()),
          new TableColumn<>(
              Columns.CO2_FIRMS_DERIVED, DataTypes.LongType, r -> r.totals().co2FirmsDerived()),
          new TableColumn<>(
              Columns.ENERGY_INTENSITY, DataTypes.DoubleType, IndustryYear::energyIntensity),
          new TableColumn<>(
              Columns.WATER_INTENSITY, DataTypes.DoubleType, IndustryYear::waterIntensity),
          new TableColumn<>(
              Columns.CO2_INTENSITY, DataTypes.DoubleType, IndustryYear::co2Intensity),
          new TableColumn<>(
              Columns.ENERGY_INTENSITY_YOY, DataTypes.DoubleType, IndustryYear::energyYoyPct),
          new TableColumn<>(
              Columns.WATER_INTENSITY_YOY, DataTypes.DoubleType, IndustryYear::waterYoyPct),
          new TableColumn<>(
              Columns.CO2_INTENSITY_YOY, DataTypes.DoubleType, IndustryYear::co2YoyPct),
          new TableColumn<>(
              Columns.SAME_SAMPLE_FIRMS, DataTypes.LongType, r -> r.sameSample().firms()),
          new TableColumn<>(
              Columns.ENERGY_INTENSITY_YOY_SAME_SAMPLE,
              DataTypes.DoubleType,
              IndustryYear::energyYoySameSamplePct),
          new TableColumn<>(
              Columns.WATER_INTENSITY_YOY_SAME_SAMPLE,
              DataTypes.DoubleType,
              IndustryYear::waterYoySameSamplePct),
          new TableColumn<>(
              "added_value_constant_yuan",
              DataTypes.DoubleType,
              r -> r.comparable().addedValueYuan()),
          new TableColumn<>(
              "energy_intensity_constant_tce_per_10k_yuan",
              DataTypes.DoubleType,
              r -> r.comparable().energyIntensity()),
          new TableColumn<>(
              "water_intensity_constant_m3_per_10k_yuan",
              DataTypes.DoubleType,
              r -> r.comparable().waterIntensity()),
          new TableColumn<>(
              "energy_intensity_yoy_comparable_pct",
              DataTypes.DoubleType,
              r -> r.comparable().energyYoyPct()),
          new TableColumn<>(
              "water_intensity_yoy_comparable_pct",
              DataTypes.DoubleType,
              r -> r.comparable().waterYoyPct()));

  /** A sum column: overflowed (non-finite) sums are written empty, never as Infinity. */
  private static TableColumn<IndustryYear> sum(
      String name, java.util.function.ToDoubleFunction<IndustryYear> f) {
    return new TableColumn<>(
        name, DataTypes.DoubleType, r -> Ratios.finiteOrNull(f.applyAsDouble(r)));
  }
}
