package io.greenstat.reference;

import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.RowAccounting;
import io.greenstat.metrics.SameSample;
import io.greenstat.metrics.Totals;
import io.greenstat.schema.IndustryCatalog;
import io.greenstat.schema.ProvinceCatalog;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A second, deliberately plain implementation of the contract's rules (CONTRACT §2–3): loops, maps
 * and exact {@link BigDecimal} sums, no Spark and none of the pipeline's code. Tests use it as the
 * oracle for the pipeline's accounting, quarantine and {@code industry_year} table.
 *
 * <p>Each row gets exactly one fate, decided in this order: quarantine (first failing check), exact
 * duplicate collapsed or conflicting duplicate (quarantine), out of scope (year range, then
 * division), below threshold, aggregated; in flag mode {@code quarantine}, an aggregated row with a
 * plausibility flag ({@link ReferenceFlags}) is quarantined with the flag as reason.
 *
 * <p>Choices the contract leaves open, made here explicitly:
 *
 * <ul>
 *   <li>"blank" means {@link String#isBlank()} (only whitespace, Unicode whitespace included);
 *   <li>duplicate keys and comparisons use the raw strings (no trimming); numbers compare by
 *       numeric value, so {@code -0.0} equals {@code 0.0}; null equals null;
 *   <li>sums are exact (BigDecimal) and converted to double once; ratios are computed to 34
 *       significant digits and then converted, so they may differ from a double pipeline in the
 *       last bits: compare with a tolerance.
 * </ul>
 */
public final class ContractReference {
  private ContractReference() {}

  public static final String MISSING_FIRM_ID = "missing_firm_id";
  public static final String MISSING_YEAR = "missing_year";
  public static final String MISSING_INDUSTRY_CODE = "missing_industry_code";
  public static final String MISSING_PROVINCE_CODE = "missing_province_code";
  public static final String MALFORMED_INDUSTRY_CODE = "malformed_industry_code";
  public static final String UNKNOWN_INDUSTRY_CODE = "unknown_industry_code";
  public static final String UNKNOWN_PROVINCE_CODE = "unknown_province_code";
  public static final String CONFLICTING_DUPLICATE = "conflicting_duplicate";
  public static final String YEAR_OUTSIDE_RANGE = "year_outside_range";
  public static final String NOT_INDUSTRIAL_DIVISION = "not_industrial_division";

  private static final MathContext MC = MathContext.DECIMAL128;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Runs the rules with the province codes of {@code conf/provinces.csv}. */
  public static ReferenceResult compute(List<RawRow> rows, ReferenceParams params) {
    return compute(rows, params, ProvinceCatalog.load().codes());
  }

  /** Runs the rules with the given parameters (see {@link ReferenceParams}). */
  public static ReferenceResult compute(
      List<RawRow> rows,
      double threshold,
      boolean inclusive,
      Set<String> scopeDivisions,
      Set<String> ei6Divisions,
      Integer firstYear,
      Integer lastYear) {
    return compute(
        rows,
        new ReferenceParams(
            threshold, inclusive, scopeDivisions, ei6Divisions, firstYear, lastYear));
  }

  /** Runs the rules with an explicit set of valid province codes. */
  public static ReferenceResult compute(
      List<RawRow> rows, ReferenceParams params, Set<String> provinceCodes) {
    // ---- 1–6: validation, first failing reason (reasons[i] null = valid) ----
    String[] reasons = new String[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      reasons[i] = validationReason(rows.get(i), provinceCodes);
    }

    // ---- duplicates among valid rows, by (firm_id, year); rows tracked by input index ----
    Map<List<Object>, List<Integer>> byKey = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      if (reasons[i] == null) {
        RawRow r = rows.get(i);
        byKey.computeIfAbsent(List.of(r.firmId(), r.year()), k -> new ArrayList<>()).add(i);
      }
    }
    boolean[] kept = new boolean[rows.size()];
    long duplicatesCollapsed = 0;
    for (List<Integer> group : byKey.values()) {
      RawRow first = rows.get(group.get(0));
      boolean allSame = true;
      for (int i : group) {
        if (!sameContractValues(first, rows.get(i))) {
          allSame = false;
        }
      }
      if (allSame) {
        kept[group.get(0)] = true;
        duplicatesCollapsed += group.size() - 1;
      } else {
        for (int i : group) {
          reasons[i] = CONFLICTING_DUPLICATE;
        }
      }
    }
    List<QuarantinedRow> quarantined = new ArrayList<>();
    List<RawRow> unique = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (reasons[i] != null) {
        quarantined.add(new QuarantinedRow(rows.get(i), reasons[i]));
      } else if (kept[i]) {
        unique.add(rows.get(i));
      }
    }

    // ---- scope, then threshold ----
    SortedMap<String, Long> outOfScopeByReason = new TreeMap<>();
    long belowThreshold = 0;
    List<RawRow> aggregated = new ArrayList<>();
    for (RawRow r : unique) {
      int year = r.year();
      boolean yearOut =
          (params.firstYear() != null && year < params.firstYear())
              || (params.lastYear() != null && year > params.lastYear());
      String division = r.industryCode().substring(0, 2);
      if (yearOut) {
        outOfScopeByReason.merge(YEAR_OUTSIDE_RANGE, 1L, Long::sum);
      } else if (!params.scopeDivisions().contains(division)) {
        outOfScopeByReason.merge(NOT_INDUSTRIAL_DIVISION, 1L, Long::sum);
      } else {
        double revenue = r.revenueYuan();
        boolean above =
            params.inclusive()
                ? revenue >= params.thresholdYuan()
                : revenue > params.thresholdYuan();
        if (above) {
          aggregated.add(r);
        } else {
          belowThreshold++;
        }
      }
    }

    // ---- plausibility flags (ReferenceFlags); in quarantine mode flagged rows are quarantined
    // ----
    Map<List<Object>, RawRow> validUnique = new HashMap<>();
    for (RawRow r : unique) {
      validUnique.put(List.of(r.firmId(), r.year()), r);
    }
    ReferenceFlags flags =
        ReferenceFlags.compute(
            aggregated,
            validUnique,
            params.flags().unitFactorTolerance(),
            params.flags().jumpFactor(),
            params.flags().minDivisionFirms());
    if (params.flags().quarantine()) {
      List<RawRow> stillAggregated = new ArrayList<>();
      for (RawRow r : aggregated) {
        String reason = flags.rowReason.get(List.of(r.firmId(), r.year()));
        if (reason == null) {
          stillAggregated.add(r);
        } else {
          quarantined.add(new QuarantinedRow(r, reason));
        }
      }
      aggregated = stillAggregated;
    }

    // ---- accounting ----
    SortedMap<String, Long> quarantineByReason = new TreeMap<>();
    for (QuarantinedRow q : quarantined) {
      quarantineByReason.merge(q.reason(), 1L, Long::sum);
    }
    long outOfScope = 0;
    for (long n : outOfScopeByReason.values()) {
      outOfScope += n;
    }
    Set<String> files = new HashSet<>();
    for (RawRow r : rows) {
      if (r.sourceFile() != null) {
        files.add(r.sourceFile());
      }
    }
    RowAccounting accounting =
        new RowAccounting(
            files.size(),
            rows.size(),
            quarantined.size(),
            quarantineByReason,
            duplicatesCollapsed,
            outOfScope,
            outOfScopeByReason,
            belowThreshold,
            aggregated.size());
    long fates =
        quarantined.size() + duplicatesCollapsed + outOfScope + belowThreshold + aggregated.size();
    if (fates != rows.size()) {
      throw new IllegalStateException(
          "row accounting does not balance: read " + rows.size() + ", fates " + fates);
    }

    // ---- same-sample (同口径): each unique valid record by (firm, year), whatever its scope ----
    // In quarantine mode a flagged row is quarantined, so it is no valid prior-year record either.
    Map<List<Object>, RawRow> uniqueByFirmYear = new HashMap<>();
    for (RawRow r : unique) {
      List<Object> key = List.of(r.firmId(), r.year());
      if (!(params.flags().quarantine() && flags.rowReason.containsKey(key))) {
        uniqueByFirmYear.put(key, r);
      }
    }
    List<IndustryYear> table =
        industryYear(
            aggregated, params.ei6Divisions(), uniqueByFirmYear, params.co2DerivedTPerTce());
    Map<String, List<RawRow>> aggregatedByProvince = new TreeMap<>();
    for (RawRow r : aggregated) {
      aggregatedByProvince.computeIfAbsent(r.provinceCode(), p -> new ArrayList<>()).add(r);
    }
    Map<String, List<IndustryYear>> byProvince = new TreeMap<>();
    aggregatedByProvince.forEach(
        (p, rs) ->
            byProvince.put(
                p,
                industryYear(
                    rs, params.ei6Divisions(), uniqueByFirmYear, params.co2DerivedTPerTce())));
    return new ReferenceResult(
        accounting,
        table,
        List.copyOf(quarantined),
        List.copyOf(aggregated),
        byProvince,
        List.copyOf(flags.flags));
  }

  /**
   * The first failing validation check of a row (rules 1–6), or null when the row is valid.
   * Duplicates are not checked here.
   */
  public static String validationReason(RawRow r, Set<String> provinceCodes) {
    // 1. missing values, in column order
    if (r.firmId() == null || r.firmId().isBlank()) {
      return MISSING_FIRM_ID;
    }
    if (r.year() == null) {
      return MISSING_YEAR;
    }
    if (r.industryCode() == null || r.industryCode().isBlank()) {
      return MISSING_INDUSTRY_CODE;
    }
    if (r.provinceCode() == null || r.provinceCode().isBlank()) {
      return MISSING_PROVINCE_CODE;
    }
    String[] required = {"revenue_yuan", "added_value_yuan", "energy_tce", "water_m3"};
    Double[] requiredValues = {r.revenueYuan(), r.addedValueYuan(), r.energyTce(), r.waterM3()};
    for (int i = 0; i < required.length; i++) {
      if (requiredValues[i] == null) {
        return "missing_" + required[i];
      }
    }
    // 2. not finite, then 3. negative; co2_t may be null
    String[] numeric = {"revenue_yuan", "added_value_yuan", "energy_tce", "water_m3", "co2_t"};
    Double[] values = {r.revenueYuan(), r.addedValueYuan(), r.energyTce(), r.waterM3(), r.co2T()};
    for (int i = 0; i < numeric.length; i++) {
      if (values[i] != null && (values[i].isNaN() || values[i].isInfinite())) {
        return "not_finite_" + numeric[i];
      }
    }
    for (int i = 0; i < numeric.length; i++) {
      if (values[i] != null && values[i] < 0) { // -0.0 < 0 is false
        return "negative_" + numeric[i];
      }
    }
    // 4. malformed industry code: exactly 2 to 4 ASCII digits, nothing else
    String code = r.industryCode();
    boolean wellFormed = code.length() >= 2 && code.length() <= 4;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        wellFormed = false;
      }
    }
    if (!wellFormed) {
      return MALFORMED_INDUSTRY_CODE;
    }
    // 5. GB/T 4754-2017 divisions are 01–97
    int division = Integer.parseInt(code.substring(0, 2));
    if (division < 1 || division > 97) {
      return UNKNOWN_INDUSTRY_CODE;
    }
    // 6. province: exact string match
    if (!provinceCodes.contains(r.provinceCode())) {
      return UNKNOWN_PROVINCE_CODE;
    }
    return null;
  }

  /** The section of a division by GB/T 4754-2017: B 06–12, C 13–43, D 44–46, else null. */
  public static String sectionOf(String division) {
    int d = Integer.parseInt(division);
    if (d >= 6 && d <= 12) {
      return "B";
    }
    if (d >= 13 && d <= 43) {
      return "C";
    }
    if (d >= 44 && d <= 46) {
      return "D";
    }
    return null;
  }

  // ---------------------------------------------------------------- aggregation

  private record Key(GroupLevel level, String code, int year) {}

  /** Exact running sums of one group in one year. */
  private static final class Acc {
    final Set<String> firms = new HashSet<>();
    long rows;
    BigDecimal revenue = BigDecimal.ZERO;
    BigDecimal addedValue = BigDecimal.ZERO;
    BigDecimal energy = BigDecimal.ZERO;
    BigDecimal water = BigDecimal.ZERO;
    BigDecimal co2 = BigDecimal.ZERO;
    BigDecimal co2AddedValue = BigDecimal.ZERO;
    long co2Firms;
    long sameSampleFirms;
    BigDecimal ssEnergy = BigDecimal.ZERO;
    BigDecimal ssAddedValue = BigDecimal.ZERO;
    BigDecimal ssWater = BigDecimal.ZERO;
    BigDecimal ssPriorEnergy = BigDecimal.ZERO;
    BigDecimal ssPriorAddedValue = BigDecimal.ZERO;
    BigDecimal ssPriorWater = BigDecimal.ZERO;

    void addSameSample(RawRow now, RawRow prior) {
      sameSampleFirms++;
      ssEnergy = ssEnergy.add(new BigDecimal(now.energyTce()));
      ssAddedValue = ssAddedValue.add(new BigDecimal(now.addedValueYuan()));
      ssWater = ssWater.add(new BigDecimal(now.waterM3()));
      ssPriorEnergy = ssPriorEnergy.add(new BigDecimal(prior.energyTce()));
      ssPriorAddedValue = ssPriorAddedValue.add(new BigDecimal(prior.addedValueYuan()));
      ssPriorWater = ssPriorWater.add(new BigDecimal(prior.waterM3()));
    }

    long co2FirmsDerived;

    /** Adds a firm-year; {@code co2Factor} (or null) derives CO2 where the row has none. */
    void add(RawRow r, Double co2Factor) {
      firms.add(r.firmId());
      rows++;
      revenue = revenue.add(new BigDecimal(r.revenueYuan()));
      addedValue = addedValue.add(new BigDecimal(r.addedValueYuan()));
      energy = energy.add(new BigDecimal(r.energyTce()));
      water = water.add(new BigDecimal(r.waterM3()));
      if (r.co2T() != null) {
        co2 = co2.add(new BigDecimal(r.co2T()));
        co2AddedValue = co2AddedValue.add(new BigDecimal(r.addedValueYuan()));
        co2Firms++;
      } else if (co2Factor != null) {
        co2 = co2.add(new BigDecimal(r.energyTce() * co2Factor));
        co2AddedValue = co2AddedValue.add(new BigDecimal(r.addedValueYuan()));
        co2FirmsDerived++;
      }
    }
  }

  private static List<IndustryYear> industryYear(
      List<RawRow> aggregated,
      Set<String> ei6,
      Map<List<Object>, RawRow> uniqueByFirmYear,
      Double co2Factor) {
    Map<Key, Acc> groups = new HashMap<>();
    for (RawRow r : aggregated) {
      String division = r.industryCode().substring(0, 2);
      int year = r.year();
      List<Key> keys = new ArrayList<>();
      keys.add(new Key(GroupLevel.ALL, IndustryCatalog.ALL, year));
      String section = sectionOf(division);
      if (section != null) {
        keys.add(new Key(GroupLevel.SECTION, section, year));
      }
      if (ei6.contains(division)) {
        keys.add(new Key(GroupLevel.EI6, IndustryCatalog.EI6, year));
      }
      keys.add(new Key(GroupLevel.DIVISION, division, year));
      RawRow prior = uniqueByFirmYear.get(List.of(r.firmId(), year - 1));
      for (Key k : keys) {
        Acc acc = groups.computeIfAbsent(k, x -> new Acc());
        acc.add(r, co2Factor);
        if (prior != null) {
          acc.addSameSample(r, prior);
        }
      }
    }

    IndustryCatalog catalog = IndustryCatalog.load();
    List<Key> keys = new ArrayList<>(groups.keySet());
    keys.sort(
        Comparator.comparing(Key::level).thenComparing(Key::code).thenComparingInt(Key::year));
    List<IndustryYear> out = new ArrayList<>();
    for (Key k : keys) {
      Acc a = groups.get(k);
      if (a.firms.size() != a.rows) {
        throw new IllegalStateException("a firm counted twice in " + k);
      }
      Double energyI = perTenThousand(a.energy, a.addedValue);
      Double waterI = perTenThousand(a.water, a.addedValue);
      Double co2I = perTenThousand(a.co2, a.co2AddedValue);
      Double energyYoy = null;
      Double waterYoy = null;
      Double co2Yoy = null;
      Acc before = groups.get(new Key(k.level(), k.code(), k.year() - 1));
      if (before != null) {
        energyYoy = changePct(energyI, perTenThousand(before.energy, before.addedValue));
        waterYoy = changePct(waterI, perTenThousand(before.water, before.addedValue));
        co2Yoy = changePct(co2I, perTenThousand(before.co2, before.co2AddedValue));
      }
      Totals totals =
          new Totals(
              a.firms.size(),
              a.revenue.doubleValue(),
              a.addedValue.doubleValue(),
              a.energy.doubleValue(),
              a.water.doubleValue(),
              a.co2.doubleValue(),
              a.co2AddedValue.doubleValue(),
              a.co2Firms,
              a.co2FirmsDerived);
      out.add(
          new IndustryYear(
              k.level(),
              k.code(),
              catalog.name(k.code()),
              k.year(),
              totals,
              energyI,
              waterI,
              co2I,
              energyYoy,
              waterYoy,
              co2Yoy,
              new SameSample(
                  a.sameSampleFirms,
                  a.ssEnergy.doubleValue(),
                  a.ssAddedValue.doubleValue(),
                  a.ssWater.doubleValue(),
                  a.ssPriorEnergy.doubleValue(),
                  a.ssPriorAddedValue.doubleValue(),
                  a.ssPriorWater.doubleValue()),
              changePct(
                  perTenThousand(a.ssEnergy, a.ssAddedValue),
                  perTenThousand(a.ssPriorEnergy, a.ssPriorAddedValue)),
              changePct(
                  perTenThousand(a.ssWater, a.ssAddedValue),
                  perTenThousand(a.ssPriorWater, a.ssPriorAddedValue))));
    }
    return out;
  }

  /**
   * {@code sum / (addedValueYuan / 10 000)}; null when the added value is zero or either sum is not
   * finite as a double, or the result is not finite.
   */
  static Double perTenThousand(BigDecimal sum, BigDecimal addedValueYuan) {
    double num = sum.doubleValue();
    double den = addedValueYuan.doubleValue();
    if (addedValueYuan.signum() == 0 || !Double.isFinite(num) || !Double.isFinite(den)) {
      return null;
    }
    double r = sum.divide(addedValueYuan.movePointLeft(4), MC).doubleValue();
    return Double.isFinite(r) ? r : null;
  }

  /** {@code (now / before − 1) × 100}; null when either is null or before is 0. */
  static Double changePct(Double now, Double before) {
    if (now == null || before == null || before == 0.0) {
      return null;
    }
    BigDecimal ratio = new BigDecimal(now).divide(new BigDecimal(before), MC);
    double pct = ratio.subtract(BigDecimal.ONE).multiply(HUNDRED).doubleValue();
    return Double.isFinite(pct) ? pct : null;
  }

  // ---------------------------------------------------------------- helpers

  /** Equal in every contract column (not the source file); numbers by value, null = null. */
  static boolean sameContractValues(RawRow a, RawRow b) {
    return Objects.equals(a.firmId(), b.firmId())
        && Objects.equals(a.year(), b.year())
        && Objects.equals(a.industryCode(), b.industryCode())
        && Objects.equals(a.provinceCode(), b.provinceCode())
        && sameNumber(a.revenueYuan(), b.revenueYuan())
        && sameNumber(a.addedValueYuan(), b.addedValueYuan())
        && sameNumber(a.energyTce(), b.energyTce())
        && sameNumber(a.waterM3(), b.waterM3())
        && sameNumber(a.co2T(), b.co2T());
  }

  private static boolean sameNumber(Double a, Double b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    return a.doubleValue() == b.doubleValue();
  }
}
