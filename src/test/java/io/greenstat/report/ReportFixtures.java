package io.greenstat.report;

import io.greenstat.config.JobSettings;
import io.greenstat.config.SettingsLoader;
import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.Ratios;
import io.greenstat.metrics.RowAccounting;
import io.greenstat.metrics.Totals;
import io.greenstat.schema.IndustryCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/** Small hand-built report models for the renderer tests (no Spark). */
final class ReportFixtures {
  private ReportFixtures() {}

  static final String VERSION = "0.1.0-test";
  static final String INPUT = "/data/firm_year";
  static final String D31 = "Smelting and Pressing of Ferrous Metals";

  /**
   * The hand-computed model. {@code ALL} (tce, m³, yuan):
   *
   * <pre>
   * year firms revenue  added value energy  water     energy int. water int.
   * 2019  90   4.5e9    0.9e9       56,700  2,880,000 0.63        32
   * 2020 100   5.0e9    1.0e9       60,000  3,000,000 0.60        30
   * 2021 110   5.6e9    1.2e9       66,000  3,240,000 0.55        27
   * 2022 120   6.1e9    1.25e9      65,000  3,125,000 0.52        25
   * 2023 125   6.4e9    1.3e9       62,400  3,172,000 0.48        24.4
   * </pre>
   *
   * So in 2023: energy YoY −7.6923 %, water YoY −2.4 %, energy since 2020 −20 %, water since 2020
   * −18.6667 %. EI6 has 2020, 2022 and 2023 (no 2021, so its 2022 YoY is empty). Sections exist in
   * 2023 only; D has zero added value there, so its intensities are empty.
   */
  static ReportModel simple() {
    return model(SettingsLoader.defaults(), INPUT, simpleRows(IndustryCatalog.ALL_NAME, D31));
  }

  /** {@link #simple()} with a script in a group name and HTML specials in the input path. */
  static ReportModel hostile() {
    return new ReportModel(
        VERSION,
        "/data/\"&<>'x",
        SettingsLoader.defaults(),
        accounting(Map.of("<b>bad</b>", 30L)),
        simpleRows("<script>alert(1)</script>", "<script>alert(1)</script>"));
  }

  static ReportModel withBaseYear(String baseYear) {
    JobSettings settings =
        SettingsLoader.resolve(Map.of(), Map.of(), Map.of("spark.greenstat.baseYear", baseYear));
    return model(settings, INPUT, simpleRows(IndustryCatalog.ALL_NAME, D31));
  }

  static ReportModel empty() {
    RowAccounting a =
        new RowAccounting(1, 10, 0, new TreeMap<>(), 0, 10, sorted(Map.of("division", 10L)), 0, 0);
    return new ReportModel(VERSION, INPUT, SettingsLoader.defaults(), a, List.of());
  }

  static ReportModel model(JobSettings settings, String input, List<IndustryYear> rows) {
    return new ReportModel(
        VERSION,
        input,
        settings,
        accounting(Map.of("blank_required_value", 10L, "negative_value", 20L)),
        rows);
  }

  /** 1,000 rows read = 30 quarantined + 5 duplicates + 65 out of scope + 355 below + 545. */
  static RowAccounting accounting(Map<String, Long> quarantineByReason) {
    return new RowAccounting(
        3,
        1000,
        30,
        sorted(quarantineByReason),
        5,
        65,
        sorted(Map.of("division_out_of_scope", 60L, "year_out_of_range", 5L)),
        355,
        545);
  }

  static List<IndustryYear> simpleRows(String allName, String division31Name) {
    List<IndustryYear> rows = new ArrayList<>();
    TreeMap<Integer, Totals> all = new TreeMap<>();
    all.put(2019, totals(90, 4.5e9, 0.9e9, 56_700, 2_880_000));
    all.put(2020, totals(100, 5.0e9, 1.0e9, 60_000, 3_000_000));
    all.put(2021, totals(110, 5.6e9, 1.2e9, 66_000, 3_240_000));
    all.put(2022, totals(120, 6.1e9, 1.25e9, 65_000, 3_125_000));
    all.put(2023, totals(125, 6.4e9, 1.3e9, 62_400, 3_172_000));
    rows.addAll(series(GroupLevel.ALL, IndustryCatalog.ALL, allName, all));

    TreeMap<Integer, Totals> ei6 = new TreeMap<>();
    ei6.put(2020, totals(28, 1.9e9, 0.28e9, 47_600, 1_148_000));
    ei6.put(2022, totals(30, 2.0e9, 0.30e9, 48_000, 1_200_000));
    ei6.put(2023, totals(31, 2.1e9, 0.32e9, 46_400, 1_216_000));
    rows.addAll(series(GroupLevel.EI6, IndustryCatalog.EI6, IndustryCatalog.EI6_NAME, ei6));

    rows.addAll(
        series(
            GroupLevel.SECTION,
            "B",
            "Mining",
            new TreeMap<>(Map.of(2023, totals(10, 0.5e9, 0.1e9, 5_000, 200_000)))));
    rows.addAll(
        series(
            GroupLevel.SECTION,
            "C",
            "Manufacturing",
            new TreeMap<>(Map.of(2023, totals(110, 5.5e9, 1.2e9, 52_400, 2_900_000)))));
    rows.addAll(
        series(
            GroupLevel.SECTION,
            "D",
            "Production and Supply of Electricity, Heat, Gas and Water",
            new TreeMap<>(Map.of(2023, totals(5, 0.4e9, 0, 5_000, 72_000)))));

    rows.addAll(
        series(
            GroupLevel.DIVISION,
            "06",
            "Mining and Washing of Coal",
            new TreeMap<>(Map.of(2023, totals(10, 0.5e9, 0.1e9, 5_000, 200_000)))));
    TreeMap<Integer, Totals> d31 = new TreeMap<>();
    d31.put(2022, totals(12, 1.0e9, 0.12e9, 30_000, 600_000));
    d31.put(2023, totals(12, 1.1e9, 0.13e9, 29_900, 610_000));
    rows.addAll(series(GroupLevel.DIVISION, "31", division31Name, d31));
    rows.addAll(
        series(
            GroupLevel.DIVISION,
            "44",
            "Production and Supply of Electric Power and Heat Power",
            new TreeMap<>(Map.of(2023, totals(5, 0.4e9, 0, 5_000, 72_000)))));
    return rows;
  }

  static Totals totals(long firms, double revenue, double addedValue, double energy, double water) {
    return new Totals(firms, revenue, addedValue, energy, water, 0, 0, 0);
  }

  /** The rows of one group, with intensities and YoY computed by the contract's rules. */
  static List<IndustryYear> series(
      GroupLevel level, String code, String name, NavigableMap<Integer, Totals> byYear) {
    List<IndustryYear> out = new ArrayList<>();
    for (Map.Entry<Integer, Totals> e : byYear.entrySet()) {
      int year = e.getKey();
      Totals t = e.getValue();
      Totals prev = byYear.get(year - 1);
      Double ei = Ratios.perTenThousandYuan(t.energyTce(), t.addedValueYuan());
      Double wi = Ratios.perTenThousandYuan(t.waterM3(), t.addedValueYuan());
      Double co2 = Ratios.perTenThousandYuan(t.co2T(), t.co2AddedValueYuan());
      Double eiPrev =
          prev == null ? null : Ratios.perTenThousandYuan(prev.energyTce(), prev.addedValueYuan());
      Double wiPrev =
          prev == null ? null : Ratios.perTenThousandYuan(prev.waterM3(), prev.addedValueYuan());
      Double co2Prev =
          prev == null ? null : Ratios.perTenThousandYuan(prev.co2T(), prev.co2AddedValueYuan());
      out.add(
          new IndustryYear(
              level,
              code,
              name,
              year,
              t,
              ei,
              wi,
              co2,
              Ratios.changePct(ei, eiPrev),
              Ratios.changePct(wi, wiPrev),
              Ratios.changePct(co2, co2Prev)));
    }
    return out;
  }

  static SortedMap<String, Long> sorted(Map<String, Long> map) {
    return new TreeMap<>(map);
  }

  // ---- A realistic-looking sample for the sample page ----

  /**
   * Nine years (2016–2024) of made-up but plausible figures for every division 06–46, summed up to
   * sections, EI6 and ALL the way the pipeline does it. Deterministic (no random numbers).
   */
  static ReportModel sample() {
    JobSettings settings = SettingsLoader.defaults();
    IndustryCatalog catalog = IndustryCatalog.load();
    Map<String, TreeMap<Integer, Totals>> groups = new TreeMap<>();
    Map<String, GroupLevel> levels = new TreeMap<>();
    long aggregated = 0;
    List<IndustryCatalog.Division> divisions = catalog.divisions();
    for (int i = 0; i < divisions.size(); i++) {
      IndustryCatalog.Division d = divisions.get(i);
      double baseEnergy = baseEnergyIntensity(d.code(), i);
      double baseWater = baseWaterIntensity(d.code(), i);
      for (int year = 2016; year <= 2024; year++) {
        if (d.code().equals("12") && year < 2018) {
          continue; // a division with no above-size firms in the first years
        }
        int t = year - 2016;
        long firms = Math.round((1500 + (i * 733L % 9000)) * Math.pow(1.02, t));
        double growth = Math.pow(1.05, t) * (year == 2020 ? 0.96 : 1.0);
        double av = firms * 6.0e7 * growth * (1 + 0.1 * Math.sin(i + t));
        double energy =
            baseEnergy
                * av
                / Ratios.YUAN_PER_10K
                * Math.pow(0.965, t)
                * (1 + 0.02 * Math.cos(i * t));
        double water = baseWater * av / Ratios.YUAN_PER_10K * Math.pow(0.955, t);
        Totals tot = totals(firms, av * 4.1, av, energy, water);
        aggregated += firms;
        add(groups, levels, GroupLevel.DIVISION, d.code(), year, tot);
        add(groups, levels, GroupLevel.SECTION, d.section(), year, tot);
        if (settings.energyIntensiveDivisions().contains(d.code())) {
          add(groups, levels, GroupLevel.EI6, IndustryCatalog.EI6, year, tot);
        }
        add(groups, levels, GroupLevel.ALL, IndustryCatalog.ALL, year, tot);
      }
    }
    List<IndustryYear> rows = new ArrayList<>();
    for (Map.Entry<String, TreeMap<Integer, Totals>> g : groups.entrySet()) {
      rows.addAll(
          series(levels.get(g.getKey()), g.getKey(), catalog.name(g.getKey()), g.getValue()));
    }
    rows.sort(
        Comparator.comparing(IndustryYear::level)
            .thenComparing(IndustryYear::code)
            .thenComparingInt(IndustryYear::year));
    long quarantined = aggregated / 97;
    long duplicates = aggregated / 1013;
    long outOfScope = aggregated / 23;
    long below = aggregated / 3;
    RowAccounting a =
        new RowAccounting(
            36,
            quarantined + duplicates + outOfScope + below + aggregated,
            quarantined,
            sorted(
                Map.of(
                    "blank_required_value",
                    quarantined / 2,
                    "negative_value",
                    quarantined / 3,
                    "conflicting_duplicate",
                    quarantined - quarantined / 2 - quarantined / 3)),
            duplicates,
            outOfScope,
            sorted(Map.of("division_out_of_scope", outOfScope)),
            below,
            aggregated);
    return new ReportModel(VERSION, "s3a://example-bucket/firm_year/", settings, a, rows);
  }

  private static void add(
      Map<String, TreeMap<Integer, Totals>> groups,
      Map<String, GroupLevel> levels,
      GroupLevel level,
      String code,
      int year,
      Totals t) {
    levels.put(code, level);
    groups.computeIfAbsent(code, c -> new TreeMap<>()).merge(year, t, Totals::plus);
  }

  private static double baseEnergyIntensity(String code, int i) {
    return switch (code) {
      case "25" -> 1.2;
      case "26" -> 1.5;
      case "30" -> 2.0;
      case "31" -> 2.6;
      case "32" -> 0.9;
      case "44" -> 1.3;
      default -> 0.08 + (i * 37 % 20) / 100.0;
    };
  }

  private static double baseWaterIntensity(String code, int i) {
    return switch (code) {
      case "44" -> 120.0;
      case "26" -> 45.0;
      case "22" -> 60.0;
      case "31" -> 30.0;
      default -> 4.0 + (i * 53 % 25);
    };
  }
}
