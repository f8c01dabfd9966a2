package io.greenstat.report;

import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.ProvinceRollup.ProvinceRow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.spark.sql.types.DataTypes;

/**
 * The province tables: {@code province_year} (ALL, sections and EI6 by province and year) and
 * {@code province_division_year} (divisions by province and year). Their columns are {@code
 * province_code, province_name} followed by every column of {@code industry_year}.
 */
public final class ProvinceTables {
  private ProvinceTables() {}

  public static final List<TableColumn<ProvinceRow>> COLUMNS = columns();

  public static final Predicate<ProvinceRow> PROVINCE_YEAR =
      r -> r.row().level() != GroupLevel.DIVISION;
  public static final Predicate<ProvinceRow> PROVINCE_DIVISION_YEAR =
      r -> r.row().level() == GroupLevel.DIVISION;

  private static List<TableColumn<ProvinceRow>> columns() {
    List<TableColumn<ProvinceRow>> cols = new ArrayList<>();
    cols.add(new TableColumn<>("province_code", DataTypes.StringType, ProvinceRow::provinceCode));
    cols.add(new TableColumn<>("province_name", DataTypes.StringType, ProvinceRow::provinceName));
    for (var c : IndustryYearTable.COLUMNS) {
      cols.add(new TableColumn<>(c.name(), c.type(), r -> c.value().apply(r.row())));
    }
    return List.copyOf(cols);
  }
}
