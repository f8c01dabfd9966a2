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
 * <p>Output rows carry sums, intensities and the same-sample change (which needs only the row's own
 * same-sample sums); the plain year-on-year columns are left empty for {@code trends.YearOverYear}
 * to fill. A (group, year) appears only when it has at least one firm.
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
    // level -> code -> year -> sums
    Map<GroupLevel, Map<String, Map<Integer, Cell>>> groups = new TreeMap<>();
    for (Tally t : tallies) {
      if (t.fate() != RowFate.AGGREGATED) {
        continue;
      }
      Cell cell = new Cell(t.totals(), t.sameSample());
      add(groups, GroupLevel.DIVISION, t.division(), t.year(), cell);
      catalog
          .division(t.division())
          .ifPresent(d -> add(groups, GroupLevel.SECTION, d.section(), t.year(), cell));
      if (energyIntensive.contains(t.division())) {
        add(groups, GroupLevel.EI6, IndustryCatalog.EI6, t.year(), cell);
      }
      add(groups, GroupLevel.ALL, IndustryCatalog.ALL, t.year(), cell);
    }
    List<IndustryYear> rows = new ArrayList<>();
    groups.forEach(
        (level, byCode) ->
            byCode.forEach(
                (code, byYear) ->
                    byYear.forEach(
                        (year, cell) ->
                            rows.add(
                                row(
                                    level,
                                    code,
                                    catalog.name(code),
                                    year,
                                    cell.totals(),
                                    cell.sameSample())))));
    rows.sort(ORDER);
    return rows;
  }

  /** A row with intensities computed from its sums (ratios of sums, per 10 000 yuan). */
  public static IndustryYear row(
      GroupLevel level, String code, String name, int year, Totals totals, SameSample sameSample) {
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
        null,
        sameSample,
        sameSample.energyIntensityChangePct(),
        sameSample.waterIntensityChangePct());
  }

  /** The sums of one group and year. */
  private record Cell(Totals totals, SameSample sameSample) {
    Cell plus(Cell o) {
      return new Cell(totals.plus(o.totals), sameSample.plus(o.sameSample));
    }
  }

  private static void add(
      Map<GroupLevel, Map<String, Map<Integer, Cell>>> groups,
      GroupLevel level,
      String code,
      int year,
      Cell cell) {
    groups
        .computeIfAbsent(level, l -> new TreeMap<>())
        .computeIfAbsent(code, c -> new TreeMap<>())
        .merge(year, cell, Cell::plus);
  }
}
