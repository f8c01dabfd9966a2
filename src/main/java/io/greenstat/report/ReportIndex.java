package io.greenstat.report;

import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.Ratios;
import io.greenstat.schema.IndustryCatalog;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The {@code industry_year} rows of a {@link ReportModel}, indexed by group code and year in a
 * stable order (level, code, year), whatever order the model's list is in. Shared by the HTML and
 * JSON renderers so that both show the same headline figures.
 */
final class ReportIndex {
  private final Map<String, NavigableMap<Integer, IndustryYear>> byCode = new TreeMap<>();
  private final Map<GroupLevel, SortedSet<String>> codesByLevel = new EnumMap<>(GroupLevel.class);

  ReportIndex(List<IndustryYear> rows) {
    for (GroupLevel level : GroupLevel.values()) {
      codesByLevel.put(level, new TreeSet<>());
    }
    for (IndustryYear row : rows == null ? List.<IndustryYear>of() : rows) {
      if (row == null || row.code() == null || row.level() == null) {
        continue;
      }
      byCode.computeIfAbsent(row.code(), c -> new TreeMap<>()).put(row.year(), row);
      codesByLevel.get(row.level()).add(row.code());
    }
  }

  /** Group codes of one level, sorted. */
  SortedSet<String> codes(GroupLevel level) {
    return Collections.unmodifiableSortedSet(codesByLevel.get(level));
  }

  /** The rows of one group by year, ascending; empty when the group has none. */
  NavigableMap<Integer, IndustryYear> years(String code) {
    NavigableMap<Integer, IndustryYear> m = byCode.get(code);
    return m == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(m);
  }

  Optional<IndustryYear> get(String code, int year) {
    return Optional.ofNullable(years(code).get(year));
  }

  /** The latest year that has an {@code ALL} row: the year of the headline figures. */
  OptionalInt latestYear() {
    NavigableMap<Integer, IndustryYear> all = byCode.get(IndustryCatalog.ALL);
    return all == null || all.isEmpty() ? OptionalInt.empty() : OptionalInt.of(all.lastKey());
  }

  /**
   * Percent change of an intensity of group {@code code} from {@code baseYear} to {@code year}:
   * null when either year has no row or an empty intensity (or the base intensity is zero).
   */
  Double changeSince(
      String code, int baseYear, int year, Function<IndustryYear, Double> intensity) {
    Optional<IndustryYear> now = get(code, year);
    Optional<IndustryYear> base = get(code, baseYear);
    if (now.isEmpty() || base.isEmpty()) {
      return null;
    }
    return Ratios.changePct(intensity.apply(now.get()), intensity.apply(base.get()));
  }
}
