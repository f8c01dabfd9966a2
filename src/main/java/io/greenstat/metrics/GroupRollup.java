package io.greenstat.metrics;

import io.greenstat.ingest.RowFate;
import io.greenstat.schema.IndustryCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rolls the division × province × year sums up to the four group levels of {@code industry_year}:
 * each division, each section (B, C, D), EI6 and ALL. Plain Java on the driver: the input is a few
 * thousand cells, and sums of sums equal the sums over firms, so nothing is rescanned.
 *
 * <p>Output rows carry sums and intensities; the year-on-year columns are left empty for {@code
 * trends.YearOverYear} to fill. A (group, year) appears only when it has at least one firm.
 */
public final class GroupRollup {
  private GroupRollup() {}

  /** Group sort order: level, then code, then year. */
  public static final Comparator<IndustryYear> ORDER =
      Comparator.comparing(IndustryYear::level)
          .thenComparing(IndustryYear::code)
          .thenComparingInt(IndustryYear::year);

  public static List<IndustryYear> rollUp(
      List<Tally> tallies, IndustryCatalog catalog, Set<String> energyIntensive) {
    // (level, code) -> year -> totals
    Map<GroupLevel, Map<String, Map<Integer, Totals>>> groups = new TreeMap<>();
    for (Tally t : tallies) {
      if (t.fate() != RowFate.AGGREGATED) {
        continue;
      }
      add(groups, GroupLevel.DIVISION, t.division(), t.year(), t.totals());
      catalog
          .division(t.division())
          .ifPresent(d -> add(groups, GroupLevel.SECTION, d.section(), t.year(), t.totals()));
      if (energyIntensive.contains(t.division())) {
        add(groups, GroupLevel.EI6, IndustryCatalog.EI6, t.year(), t.totals());
      }
      add(groups, GroupLevel.ALL, IndustryCatalog.ALL, t.year(), t.totals());
    }
    List<IndustryYear> rows = new ArrayList<>();
    groups.forEach(
        (level, byCode) ->
            byCode.forEach(
                (code, byYear) ->
                    byYear.forEach(
                        (year, totals) ->
                            rows.add(row(level, code, catalog.name(code), year, totals)))));
    rows.sort(ORDER);
    return rows;
  }

  /** A row with intensities computed from its sums (ratios of sums, per 10 000 yuan). */
  public static IndustryYear row(
      GroupLevel level, String code, String name, int year, Totals totals) {
    return new IndustryYear(
        level,
        code,
        name,
        year,
        totals,
        Ratios.perTenThousandYuan(totals.energyTce(), totals.addedValueYuan()),
        Ratios.perTenThousandYuan(totals.waterM3(), totals.addedValueYuan()),
        Ratios.perTenThousandYuan(totals.co2T(), totals.co2AddedValueYuan()),
        null,
        null,
        null);
  }

  private static void add(
      Map<GroupLevel, Map<String, Map<Integer, Totals>>> groups,
      GroupLevel level,
      String code,
      int year,
      Totals totals) {
    groups
        .computeIfAbsent(level, l -> new TreeMap<>())
        .computeIfAbsent(code, c -> new TreeMap<>())
        .merge(year, totals, Totals::plus);
  }
}
