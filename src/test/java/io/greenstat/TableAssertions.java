package io.greenstat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.RowAccounting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Compares the published {@code industry_year.csv} with expected rows cell by cell, with messages
 * that name the group, year and column; numbers to a relative tolerance.
 */
public final class TableAssertions {
  private TableAssertions() {}

  /** Expected cell values of an {@code industry_year} row, by column name. */
  public static Map<String, Object> expectedCells(IndustryYear r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("industry_code", r.code());
    m.put("industry_name", r.name());
    m.put("group_level", r.level().code());
    m.put("year", (long) r.year());
    m.put("firms", r.totals().firms());
    m.put("revenue_yuan", r.totals().revenueYuan());
    m.put("added_value_yuan", r.totals().addedValueYuan());
    m.put("energy_tce", r.totals().energyTce());
    m.put("water_m3", r.totals().waterM3());
    m.put("co2_t", r.totals().co2T());
    m.put("co2_firms_reporting", r.totals().co2Firms());
    m.put("co2_firms_derived", r.totals().co2FirmsDerived());
    m.put("energy_intensity_tce_per_10k_yuan", r.energyIntensity());
    m.put("water_intensity_m3_per_10k_yuan", r.waterIntensity());
    m.put("co2_intensity_t_per_10k_yuan", r.co2Intensity());
    m.put("energy_intensity_yoy_pct", r.energyYoyPct());
    m.put("water_intensity_yoy_pct", r.waterYoyPct());
    m.put("co2_intensity_yoy_pct", r.co2YoyPct());
    m.put("same_sample_firms", r.sameSample().firms());
    m.put("energy_intensity_yoy_same_sample_pct", r.energyYoySameSamplePct());
    m.put("water_intensity_yoy_same_sample_pct", r.waterYoySameSamplePct());
    return m;
  }

  /**
   * Asserts that {@code csv} holds exactly the {@code expected} rows (matched by level, code and
   * year), every cell equal: text exactly, whole numbers exactly, other numbers to {@code relTol}
   * relative (or 1e-9 absolute for percentages near zero), empty exactly where expected is null.
   */
  public static void assertIndustryYearCsv(
      List<IndustryYear> expected, List<Map<String, String>> csv, double relTol) {
    assertIndustryYearCsv(Map.of("", expected), csv, relTol);
  }

  /**
   * The same for a province table: expected rows per province code, matched to the CSV's {@code
   * province_code} column (the empty key matches a table without that column).
   */
  public static void assertIndustryYearCsv(
      Map<String, List<IndustryYear>> expectedByProvince,
      List<Map<String, String>> csv,
      double relTol) {
    Function<Map<String, String>, String> key =
        m ->
            m.getOrDefault("province_code", "")
                + "/"
                + m.get("group_level")
                + "/"
                + m.get("industry_code")
                + "/"
                + m.get("year");
    Map<String, Map<String, String>> actualByKey = new LinkedHashMap<>();
    for (Map<String, String> row : csv) {
      actualByKey.put(key.apply(row), row);
    }
    List<String> problems = new ArrayList<>();
    List<Map.Entry<String, IndustryYear>> expected = new ArrayList<>();
    expectedByProvince.forEach((p, rows) -> rows.forEach(r -> expected.add(Map.entry(p, r))));
    for (Map.Entry<String, IndustryYear> pe : expected) {
      IndustryYear e = pe.getValue();
      Map<String, Object> cells = expectedCells(e);
      String k = pe.getKey() + "/" + cells.get("group_level") + "/" + e.code() + "/" + e.year();
      Map<String, String> actual = actualByKey.remove(k);
      if (actual == null) {
        problems.add("missing row " + k);
        continue;
      }
      for (Map.Entry<String, Object> c : cells.entrySet()) {
        String got = actual.get(c.getKey());
        if (got == null) {
          problems.add(k + ": no column " + c.getKey());
        } else if (!cellMatches(c.getValue(), got, relTol)) {
          problems.add(
              k + " " + c.getKey() + ": expected " + c.getValue() + " but was '" + got + "'");
        }
      }
    }
    actualByKey.keySet().forEach(k -> problems.add("unexpected row " + k));
    if (!problems.isEmpty()) {
      fail(
          problems.size()
              + " cell(s) differ, first ones:\n  "
              + String.join("\n  ", problems.subList(0, Math.min(20, problems.size()))));
    }
  }

  static boolean cellMatches(Object expected, String actual, double relTol) {
    if (expected == null) {
      return actual.isEmpty();
    }
    if (expected instanceof String s) {
      return s.equals(actual);
    }
    if (expected instanceof Long l) {
      return actual.equals(Long.toString(l));
    }
    double e = ((Number) expected).doubleValue();
    if (actual.isEmpty()) {
      return false;
    }
    double a = Double.parseDouble(actual);
    return Math.abs(a - e) <= Math.max(relTol * Math.abs(e), 1e-9);
  }

  /** Asserts every count of the accounting except the number of input files. */
  public static void assertSameAccounting(RowAccounting expected, RowAccounting actual) {
    assertEquals(expected.rowsRead(), actual.rowsRead(), "rows_read");
    assertEquals(
        expected.quarantineByReason(), actual.quarantineByReason(), "quarantine_by_reason");
    assertEquals(expected.rowsQuarantined(), actual.rowsQuarantined(), "rows_quarantined");
    assertEquals(
        expected.duplicatesCollapsed(), actual.duplicatesCollapsed(), "duplicates_collapsed");
    assertEquals(
        expected.outOfScopeByReason(), actual.outOfScopeByReason(), "out_of_scope_by_reason");
    assertEquals(expected.rowsOutOfScope(), actual.rowsOutOfScope(), "rows_out_of_scope");
    assertEquals(
        expected.rowsBelowThreshold(), actual.rowsBelowThreshold(), "rows_below_threshold");
    assertEquals(expected.rowsAggregated(), actual.rowsAggregated(), "rows_aggregated");
  }
}
