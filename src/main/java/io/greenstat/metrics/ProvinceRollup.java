package io.greenstat.metrics;

import io.greenstat.ingest.RowFate;
import io.greenstat.schema.IndustryCatalog;
import io.greenstat.schema.ProvinceCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The group roll-up of {@link GroupRollup}, once per province: the tallies are already split by
 * province, so this is the same small driver-side computation on each province's cells.
 */
public final class ProvinceRollup {
  private ProvinceRollup() {}

  /** One {@code industry_year}-style row of one province. */
  public record ProvinceRow(String provinceCode, String provinceName, IndustryYear row) {}

  /**
   * Rolls up every province. {@code trends} adds the year-on-year columns to one province's rows
   * (the caller passes {@code YearOverYear::apply}; metrics does not depend on trends).
   */
  public static List<ProvinceRow> rollUp(
      List<Tally> tallies,
      IndustryCatalog industries,
      ProvinceCatalog provinces,
      Set<String> energyIntensive,
      UnaryOperator<List<IndustryYear>> trends) {
    Map<String, List<Tally>> byProvince = new TreeMap<>();
    for (Tally t : tallies) {
      if (t.fate() == RowFate.AGGREGATED) {
        byProvince.computeIfAbsent(t.province(), p -> new ArrayList<>()).add(t);
      }
    }
    List<ProvinceRow> out = new ArrayList<>();
    byProvince.forEach(
        (province, cells) -> {
          for (IndustryYear r :
              trends.apply(GroupRollup.rollUp(cells, industries, energyIntensive))) {
            out.add(new ProvinceRow(province, provinces.name(province), r));
          }
        });
    return out;
  }
}
