package io.greenstat.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plausibility flags by the rules as stated (README "What happens with bad input", {@code
 * quality.PlausibilityFlags}), written again with loops and sorted lists: no Spark, no histogram
 * and none of the pipeline's code.
 *
 * <ul>
 *   <li>intensity = value / (added value / 10 000) in doubles, checked only for aggregated rows
 *       when value > 0, added value / 10 000 > 0 and the result is finite and > 0;
 *   <li>bin = floor(log10(intensity) × 100); the division-year median is the centre, (bin + 0.5) /
 *       100, of the bin of the value of rank ⌊(n + 1) / 2⌋ in ascending order; no median below
 *       minFirms values;
 *   <li>unit: d = log10(intensity) − median; k = 3 if |d| ≤ 3.5 else 4; flagged when ||d| − k| ≤
 *       tolerance; {@code _x1000}/{@code _x10000} for d > 0, {@code _div…} for d < 0;
 *   <li>jump: against the firm's valid unique record of the year before (any fate), when both
 *       intensities exist: now / before ≥ factor is up, before / now ≥ factor down; not when the
 *       year before is an aggregated row with a unit flag in the same indicator;
 *   <li>per indicator the unit flag wins; the row's reason is energy's flag, else water's.
 * </ul>
 */
final class ReferenceFlags {
  private ReferenceFlags() {}

  private static final String[] INDICATORS = {"energy", "water"};

  /** The flags of the aggregated rows, sorted by year, division, firm, indicator. */
  final List<ReferenceFlag> flags = new ArrayList<>();

  /** (firm, year) → the row's single reason (energy's flag first), for flagged rows only. */
  final Map<List<Object>, String> rowReason = new LinkedHashMap<>();

  static ReferenceFlags compute(
      List<RawRow> aggregated,
      Map<List<Object>, RawRow> validUniqueByFirmYear,
      double tolerance,
      double jumpFactor,
      int minFirms) {
    ReferenceFlags out = new ReferenceFlags();
    // ---- medians: every checked value of a (division, year, indicator), sorted ----
    Map<List<Object>, List<Double>> values = new HashMap<>();
    for (RawRow r : aggregated) {
      for (String ind : INDICATORS) {
        Double i = intensity(r, ind);
        if (i != null) {
          values
              .computeIfAbsent(List.of(division(r), r.year(), ind), k -> new ArrayList<>())
              .add(i);
        }
      }
    }
    Map<List<Object>, Double> medianLog10 = new HashMap<>();
    values.forEach(
        (key, vs) -> {
          if (vs.size() >= minFirms) {
            List<Double> sorted = new ArrayList<>(vs);
            Collections.sort(sorted);
            double m = sorted.get((sorted.size() + 1) / 2 - 1);
            long bin = (long) Math.floor(StrictMath.log10(m) * 100);
            medianLog10.put(key, (bin + 0.5) / 100);
          }
        });

    // ---- unit flags of every aggregated row ----
    Map<List<Object>, String[]> unit = new HashMap<>();
    for (RawRow r : aggregated) {
      String[] u = new String[INDICATORS.length];
      for (int x = 0; x < INDICATORS.length; x++) {
        Double i = intensity(r, INDICATORS[x]);
        Double m = medianLog10.get(List.of(division(r), r.year(), INDICATORS[x]));
        if (i == null || m == null) {
          continue;
        }
        double d = StrictMath.log10(i) - m;
        double ad = Math.abs(d);
        int k = ad <= 3.5 ? 3 : 4;
        if (Math.abs(ad - k) <= tolerance) {
          u[x] = "unit_" + INDICATORS[x] + (d > 0 ? "_x" : "_div") + (k == 3 ? "1000" : "10000");
        }
      }
      unit.put(List.of(r.firmId(), r.year()), u);
    }

    // ---- jumps, then one flag per indicator ----
    for (RawRow r : aggregated) {
      List<Object> key = List.of(r.firmId(), r.year());
      RawRow before = validUniqueByFirmYear.get(List.of(r.firmId(), r.year() - 1));
      String[] beforeUnit = unit.get(List.of(r.firmId(), r.year() - 1)); // null: not aggregated
      for (int x = 0; x < INDICATORS.length; x++) {
        String ind = INDICATORS[x];
        String flag = unit.get(key)[x];
        Double now = intensity(r, ind);
        if (flag == null && before != null && now != null) {
          Double then = intensity(before, ind);
          boolean explained = beforeUnit != null && beforeUnit[x] != null;
          if (then != null && !explained) {
            if (now / then >= jumpFactor) {
              flag = "jump_" + ind + "_up";
            } else if (then / now >= jumpFactor) {
              flag = "jump_" + ind + "_down";
            }
          }
        }
        if (flag != null) {
          out.flags.add(
              new ReferenceFlag(
                  r.firmId(),
                  r.year(),
                  division(r),
                  ind,
                  flag,
                  now,
                  medianLog10.get(List.of(division(r), r.year(), ind))));
          out.rowReason.putIfAbsent(key, flag); // energy is looked at first
        }
      }
    }
    out.flags.sort(
        Comparator.comparingInt(ReferenceFlag::year)
            .thenComparing(ReferenceFlag::division)
            .thenComparing(ReferenceFlag::firmId)
            .thenComparing(ReferenceFlag::indicator));
    return out;
  }

  private static String division(RawRow r) {
    return r.industryCode().substring(0, 2);
  }

  /** value / (added value / 10 000), or null when not checked. */
  static Double intensity(RawRow r, String indicator) {
    double value = indicator.equals("energy") ? r.energyTce() : r.waterM3();
    double perTenThousand = r.addedValueYuan() / 10_000.0;
    if (value <= 0 || perTenThousand <= 0) {
      return null;
    }
    double i = value / perTenThousand;
    return i > 0 && !Double.isInfinite(i) ? i : null;
  }
}
