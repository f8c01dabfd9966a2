package io.greenstat.trends;

import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.Ratios;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Year-on-year change of each intensity, in percent: {@code (I_y / I_{y−1} − 1) × 100}, empty when
 * the group has no row for year − 1 or either intensity is empty. Pure function over the small
 * {@code industry_year} table; order is preserved.
 */
public final class YearOverYear {
  private YearOverYear() {}

  public static List<IndustryYear> apply(List<IndustryYear> rows) {
    Map<String, IndustryYear> byKey = new HashMap<>();
    for (IndustryYear r : rows) {
      byKey.put(key(r.level().name(), r.code(), r.year()), r);
    }
    List<IndustryYear> out = new ArrayList<>(rows.size());
    for (IndustryYear r : rows) {
      IndustryYear prev = byKey.get(key(r.level().name(), r.code(), r.year() - 1));
      out.add(
          new IndustryYear(
              r.level(),
              r.code(),
              r.name(),
              r.year(),
              r.totals(),
              r.energyIntensity(),
              r.waterIntensity(),
              r.co2Intensity(),
              prev == null ? null : Ratios.changePct(r.energyIntensity(), prev.energyIntensity()),
              prev == null ? null : Ratios.changePct(r.waterIntensity(), prev.waterIntensity()),
              prev == null ? null : Ratios.changePct(r.co2Intensity(), prev.co2Intensity()),
              r.sameSample(),
              r.energyYoySameSamplePct(),
              r.waterYoySameSamplePct(),
              r.comparable()));
    }
    return out;
  }

  private static String key(String level, String code, int year) {
    return level + "|" + code + "|" + year;
  }
}
