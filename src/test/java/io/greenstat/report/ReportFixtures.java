package io.greenstat.report;

import io.greenstat.config.JobSettings;
import io.greenstat.config.SettingsLoader;
import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.ProvinceRollup.ProvinceRow;
import io.greenstat.metrics.Ratios;
import io.greenstat.metrics.RowAccounting;
import io.greenstat.metrics.SameSample;
import io.greenstat.metrics.Totals;
import io.greenstat.schema.IndustryCatalog;
import io.greenstat.schema.ProvinceCatalog;
import io.greenstat.schema.PublishedFigures;
import io.greenstat.schema.PublishedFigures.Figure;
import io.greenstat.schema.PublishedFigures.Kind;
import io.greenstat.schema.Targets;
import io.greenstat.trends.Analytics;
import io.greenstat.trends.ContributionRow;
import io.greenstat.trends.DecompositionRow;
import io.greenstat.trends.Deflators;
import io.greenstat.trends.TargetProgress;
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
    return full(
        SettingsLoader.defaults(),
        INPUT,
        accounting(Map.of("blank_required_value", 10L, "negative_value", 20L)),
        simpleRows(IndustryCatalog.ALL_NAME, D31),
        "Beijing",
        D31,
        "MWR, 2021 Water Resources Bulletin");
  }

  /**
   * {@link #simple()} with a script in group, division, province and source names and HTML specials
   * in the input path and a quarantine reason.
   */
  static ReportModel hostile() {
    return full(
        SettingsLoader.defaults(),
        "/data/\"&<>'x",
        accounting(Map.of("<b>bad</b>", 30L)),
        simpleRows(SCRIPT, SCRIPT),
        SCRIPT,
        SCRIPT,
        SCRIPT);
  }

  static final String SCRIPT = "<script>alert(1)</script>";

  /** The simple model with hand-built province rows, analytics and published figures. */
  static ReportModel full(
      JobSettings settings,
      String input,
      RowAccounting accounting,
      List<IndustryYear> rows,
      String provinceName,
      String divisionName,
      String waterSource) {
    return new ReportModel(
        VERSION,
        input,
        settings,
        accounting,
        rows,
        provinces(provinceName),
        analytics(divisionName),
        published(waterSource));
  }

  static ReportModel withBaseYear(String baseYear) {
    JobSettings settings =
        SettingsLoader.resolve(Map.of(), Map.of(), Map.of("spark.greenstat.baseYear", baseYear));
    return model(settings, INPUT, simpleRows(IndustryCatalog.ALL_NAME, D31));
  }

  /** {@link #simple()} as the older renderers saw it: no provinces, analytics or published. */
  static ReportModel bare() {
    return model(SettingsLoader.defaults(), INPUT, simpleRows(IndustryCatalog.ALL_NAME, D31));
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
    TreeMap<Integer, SameSample> allSame = new TreeMap<>();
    // Same sample, energy: 2021 0.57 / 0.60 (-5 %), 2022 0.564 / 0.60 (-6 %), 2023 0.48 / 0.50
    // (-4 %); water: 2021 and 2023 -2 %, 2022 -3 %.
    allSame.put(2021, sameSample(100, 57_000, 1.0e9, 2_940_000, 60_000, 1.0e9, 3_000_000));
    allSame.put(2022, sameSample(105, 56_400, 1.0e9, 2_910_000, 60_000, 1.0e9, 3_000_000));
    allSame.put(2023, sameSample(115, 60_000, 1.25e9, 2_940_000, 57_500, 1.15e9, 2_760_000));
    rows.addAll(series(GroupLevel.ALL, IndustryCatalog.ALL, allName, all, allSame));

    TreeMap<Integer, Totals> ei6 = new TreeMap<>();
    ei6.put(2020, totals(28, 1.9e9, 0.28e9, 47_600, 1_148_000));
    ei6.put(2022, totals(30, 2.0e9, 0.30e9, 48_000, 1_200_000));
    ei6.put(2023, totals(31, 2.1e9, 0.32e9, 46_400, 1_216_000));
    // EI6 2023 same sample: 1.44 / 1.60 = -10 %; so the rest: (60,000 - 43,200) / (125,000 -
    // 30,000) = 0.176842 against (57,500 - 44,800) / (115,000 - 28,000) = 0.145977.
    TreeMap<Integer, SameSample> ei6Same = new TreeMap<>();
    ei6Same.put(2023, sameSample(29, 43_200, 0.30e9, 1_100_000, 44_800, 0.28e9, 1_120_000));
    rows.addAll(
        series(GroupLevel.EI6, IndustryCatalog.EI6, IndustryCatalog.EI6_NAME, ei6, ei6Same));

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
    // Same sample 2023: 2.3 / 2.5 = -8 % (plain YoY: 2.3 / 2.5 too).
    TreeMap<Integer, SameSample> d31Same = new TreeMap<>();
    d31Same.put(2023, sameSample(11, 27_600, 0.12e9, 560_000, 28_750, 0.115e9, 575_000));
    rows.addAll(series(GroupLevel.DIVISION, "31", division31Name, d31, d31Same));
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

  static SameSample sameSample(
      long firms,
      double energy,
      double addedValue,
      double water,
      double priorEnergy,
      double priorAddedValue,
      double priorWater) {
    return new SameSample(
        firms, energy, addedValue, water, priorEnergy, priorAddedValue, priorWater);
  }

  /** The rows of one group, with intensities and YoY computed by the contract's rules. */
  static List<IndustryYear> series(
      GroupLevel level, String code, String name, NavigableMap<Integer, Totals> byYear) {
    return series(level, code, name, byYear, Map.of());
  }

  /** As {@link #series(GroupLevel, String, String, NavigableMap)}, with same-sample sums. */
  static List<IndustryYear> series(
      GroupLevel level,
      String code,
      String name,
      NavigableMap<Integer, Totals> byYear,
      Map<Integer, SameSample> sameSample) {
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
              Ratios.changePct(co2, co2Prev),
              sameSample.getOrDefault(year, SameSample.ZERO),
              sameSample.getOrDefault(year, SameSample.ZERO).energyIntensityChangePct(),
              sameSample.getOrDefault(year, SameSample.ZERO).waterIntensityChangePct()));
    }
    return out;
  }

  // ---- Provinces, analytics and published figures, by hand ----

  /**
   * Province rows of the simple model: ALL in 2022 and 2023 for three provinces, summing to the
   * national ALL rows, plus one division row that the province table must leave out. 2023 energy
   * intensity: 13 Hebei 0.90 (same sample 0.90 / 0.95, -5.26 %), 32 Jiangsu 0.34 (no same sample),
   * 11 {@code name11} 0.20 (same sample 0.20 / 0.21, -4.76 %).
   */
  static List<ProvinceRow> provinces(String name11) {
    List<ProvinceRow> out = new ArrayList<>();
    TreeMap<Integer, Totals> bj = new TreeMap<>();
    bj.put(2022, totals(18, 1.2e9, 0.29e9, 6_090, 464_000));
    bj.put(2023, totals(20, 1.3e9, 0.30e9, 6_000, 450_000));
    province(
        out,
        "11",
        name11,
        bj,
        Map.of(2023, sameSample(18, 5_700, 0.285e9, 430_000, 6_300, 0.30e9, 450_000)));
    TreeMap<Integer, Totals> he = new TreeMap<>();
    he.put(2022, totals(40, 2.0e9, 0.41e9, 38_950, 1_394_000));
    he.put(2023, totals(40, 2.1e9, 0.40e9, 36_000, 1_400_000));
    province(
        out,
        "13",
        "Hebei",
        he,
        Map.of(2023, sameSample(38, 34_200, 0.38e9, 1_330_000, 36_100, 0.38e9, 1_368_000)));
    TreeMap<Integer, Totals> js = new TreeMap<>();
    js.put(2022, totals(62, 2.9e9, 0.55e9, 19_960, 1_267_000));
    js.put(2023, totals(65, 3.0e9, 0.60e9, 20_400, 1_322_000));
    province(out, "32", "Jiangsu", js, Map.of());
    for (IndustryYear r :
        series(
            GroupLevel.DIVISION,
            "31",
            D31,
            new TreeMap<>(Map.of(2023, totals(9, 0.9e9, 0.1e9, 99_000, 10_000))))) {
      out.add(new ProvinceRow("13", "Hebei", r));
    }
    return out;
  }

  private static void province(
      List<ProvinceRow> out,
      String code,
      String name,
      TreeMap<Integer, Totals> byYear,
      Map<Integer, SameSample> same) {
    for (IndustryYear r :
        series(GroupLevel.ALL, IndustryCatalog.ALL, IndustryCatalog.ALL_NAME, byYear, same)) {
      out.add(new ProvinceRow(code, name, r));
    }
  }

  static final Targets.Target ENERGY_TARGET =
      new Targets.Target(Targets.ENERGY_INTENSITY, "ALL", 2020, 2025, -13.5, "MIIT plan, 2021");

  /**
   * Hand-made analytics of the simple model. Decomposition at current prices: yearly rows 2019→2020
   * … 2022→2023 with the ALL intensities 0.63, 0.60, 0.55, 0.52, 0.48 and D_str 0.99, 0.97, 1.01,
   * 0.98 (ΔI_str −0.0060, −0.0170, +0.0055, −0.0103), then chained 2019→2023 and 2020→2023; at
   * constant prices 2021→2022 and 2022→2023 only, 2019 and 2020 left out. Contributions 2022→2023:
   * 06 (−0.0020, −0.0010), 31 (−0.0050, −0.0250), 44 (−0.0033, −0.0037). Targets from the
   * same-sample rates of the ALL rows: energy −5, −6, −4 % (cumulative −14.272 %, on track), water
   * −2, −3, −2 % (−6.8412 %, off track), CO2 without rates.
   */
  /** Why the simple fixture's comparable water progress is empty. */
  static final String COMPARABLE_WATER_REASON =
      "no comparable-price rate for want of a price index: 2023: no price index for division 44"
          + " in 2023";

  static Analytics analytics(String name31) {
    DecompositionRow a = decomposition("current", 2019, 2020, 0.63, 0.60, 0.99, -0.0060);
    DecompositionRow b = decomposition("current", 2020, 2021, 0.60, 0.55, 0.97, -0.0170);
    DecompositionRow c = decomposition("current", 2021, 2022, 0.55, 0.52, 1.01, 0.0055);
    DecompositionRow d = decomposition("current", 2022, 2023, 0.52, 0.48, 0.98, -0.0103);
    List<DecompositionRow> rows =
        List.of(
            a,
            b,
            c,
            d,
            chain(List.of(a, b, c, d)),
            chain(List.of(b, c, d)),
            decomposition("constant", 2021, 2022, 0.55, 0.53, 1.00, 0.0),
            decomposition("constant", 2022, 2023, 0.53, 0.49, 0.985, -0.0075));
    List<ContributionRow> contributions =
        List.of(
            new ContributionRow(
                2022,
                2023,
                "current",
                "06",
                "Mining and Washing of Coal",
                -0.0020,
                -0.0010,
                null,
                null),
            new ContributionRow(2022, 2023, "current", "31", name31, -0.0050, -0.0250, null, null),
            new ContributionRow(
                2022,
                2023,
                "current",
                "44",
                "Production and Supply of Electric Power and Heat Power",
                -0.0033,
                -0.0037,
                null,
                null));
    TreeMap<Integer, String> leftOut = new TreeMap<>();
    leftOut.put(2019, "no price index for division 31 (" + name31 + ") in 2019");
    leftOut.put(2020, "no price index for division 44 in 2020");
    Targets.Target water =
        new Targets.Target(
            Targets.WATER_INTENSITY, "ALL", 2020, 2025, -16, "MIIT plan, 2021; " + name31);
    Targets.Target co2 =
        new Targets.Target(Targets.CO2_INTENSITY, "ALL", 2020, 2025, -18, "MIIT plan, 2021");
    Map<Integer, Double> noRates = new TreeMap<>();
    noRates.put(2021, null);
    noRates.put(2022, null);
    noRates.put(2023, null);
    List<TargetProgress> targets =
        List.of(
            TargetProgress.evaluate(
                ENERGY_TARGET, new TreeMap<>(Map.of(2021, -5.0, 2022, -6.0, 2023, -4.0)), 0.60),
            TargetProgress.evaluate(
                water, new TreeMap<>(Map.of(2021, -2.0, 2022, -3.0, 2023, -2.0)), 30.0),
            TargetProgress.evaluate(co2, noRates, null));
    // At comparable prices: energy chained from other rates; water empty for want of an index.
    Map<Integer, Double> waterComparable = new TreeMap<>();
    waterComparable.put(2021, -1.0);
    waterComparable.put(2022, -2.0);
    waterComparable.put(2023, null);
    TargetProgress waterEmpty = TargetProgress.evaluate(water, waterComparable, 30.0);
    List<TargetProgress> comparable =
        List.of(
            TargetProgress.evaluate(
                ENERGY_TARGET, new TreeMap<>(Map.of(2021, -4.0, 2022, -5.0, 2023, -3.0)), 0.60),
            new TargetProgress(
                water,
                waterEmpty.latestYear(),
                null,
                null,
                null,
                waterEmpty.pathChangePct(),
                null,
                30.0,
                null,
                waterEmpty.targetLevel(),
                COMPARABLE_WATER_REASON),
            TargetProgress.evaluate(co2, noRates, null));
    return new Analytics(rows, contributions, leftOut, targets, comparable);
  }

  /** A decomposition row with D_int and ΔI_int chosen so that both identities hold. */
  static DecompositionRow decomposition(
      String prices,
      int from,
      int to,
      double i0,
      double iT,
      double structureRatio,
      double structureChange) {
    double total = iT / i0;
    return new DecompositionRow(
        "ALL",
        prices,
        from,
        to,
        i0,
        iT,
        total,
        structureRatio,
        total / structureRatio,
        iT - i0,
        structureChange,
        (iT - i0) - structureChange);
  }

  /** Yearly rows chained: factors multiplied, changes added. */
  static DecompositionRow chain(List<DecompositionRow> links) {
    DecompositionRow first = links.get(0);
    DecompositionRow last = links.get(links.size() - 1);
    double str = 1;
    double strChange = 0;
    for (DecompositionRow r : links) {
      str *= r.structureRatio();
      strChange += r.structureChange();
    }
    return decomposition(
        first.prices(),
        first.fromYear(),
        last.toYear(),
        first.intensityFrom(),
        last.intensityTo(),
        str,
        strChange);
  }

  /**
   * Published figures for the simple model: official water levels 2020–2023, water rates 2021–2023,
   * the 2021 energy rate, the 13th-plan energy change (2016–2020, not covered by the years of the
   * model), a made-up water change 2021–2022 (covered) and a target.
   */
  static List<Figure> published(String waterSource) {
    String w = ReportPage.PUBLISHED_WATER;
    String e = ReportPage.PUBLISHED_ENERGY;
    return List.of(
        figure(e, 2016, 2020, -16, "pct", Kind.CUMULATIVE_PCT, "MIIT plan, 2021", "about"),
        figure(e, 2021, 2021, -5.6, "pct", Kind.YOY_PCT, "MIIT statistics, 2022", ""),
        figure(e, 2021, 2025, -13.5, "pct", Kind.TARGET_PCT, "MIIT plan, 2021", ""),
        figure(w, 2020, 2020, 32.9, "m3_per_10k_yuan", Kind.LEVEL, "MWR, 2020 bulletin", "all"),
        figure(w, 2021, 2021, 28.2, "m3_per_10k_yuan", Kind.LEVEL, waterSource, "all industry"),
        figure(w, 2021, 2021, -7.1, "pct", Kind.YOY_PCT, waterSource, "comparable prices"),
        figure(w, 2022, 2022, 24.1, "m3_per_10k_yuan", Kind.LEVEL, "MWR, 2022 bulletin", ""),
        figure(w, 2022, 2022, -10.8, "pct", Kind.YOY_PCT, "MWR, 2022 bulletin", ""),
        figure(w, 2023, 2023, 24.3, "m3_per_10k_yuan", Kind.LEVEL, "MWR, 2023 bulletin", ""),
        figure(w, 2023, 2023, -3.9, "pct", Kind.YOY_PCT, "MWR, 2023 bulletin", ""),
        figure(w, 2021, 2022, -17.2, "pct", Kind.CUMULATIVE_PCT, "fixture, made up", ""));
  }

  static Figure figure(
      String indicator,
      int first,
      int last,
      double value,
      String unit,
      Kind kind,
      String source,
      String note) {
    return new Figure(
        indicator,
        first == last ? Integer.toString(first) : first + "-" + last,
        first,
        last,
        value,
        unit,
        kind,
        source,
        note);
  }

  static SortedMap<String, Long> sorted(Map<String, Long> map) {
    return new TreeMap<>(map);
  }

  // ---- A realistic-looking sample for the sample page ----

  /**
   * Nine years (2016–2024) of made-up but plausible figures for every division 06–46, summed up to
   * sections, EI6 and ALL the way the pipeline does it, with same-sample sums, CO2 reported by part
   * of the firms, 31 provinces, the analytics computed from the rows (shipped targets and
   * illustrative deflators) and the shipped published figures. Deterministic (no random numbers).
   */
  static ReportModel sample() {
    JobSettings settings = SettingsLoader.defaults();
    IndustryCatalog catalog = IndustryCatalog.load();
    Map<String, TreeMap<Integer, Totals>> groups = new TreeMap<>();
    Map<String, TreeMap<Integer, SameSample>> same = new TreeMap<>();
    Map<String, GroupLevel> levels = new TreeMap<>();
    long aggregated = 0;
    List<IndustryCatalog.Division> divisions = catalog.divisions();
    for (int i = 0; i < divisions.size(); i++) {
      IndustryCatalog.Division d = divisions.get(i);
      double baseEnergy = baseEnergyIntensity(d.code(), i);
      double baseWater = baseWaterIntensity(d.code(), i);
      Totals prev = null;
      for (int year = 2016; year <= 2024; year++) {
        if (d.code().equals("12") && year < 2018) {
          continue; // a division with no above-size firms in the first years
        }
        int t = year - 2016;
        long firms = Math.round((1500 + (i * 733L % 9000)) * Math.pow(1.02, t));
        double growth = Math.pow(1.05, t) * (year == 2020 ? 0.96 : 1.0);
        // EI6 firms are larger: about 30 % of the added value and over 80 % of the energy.
        double scale = settings.energyIntensiveDivisions().contains(d.code()) ? 2.6 : 1.0;
        double av = scale * firms * 6.0e7 * growth * (1 + 0.1 * Math.sin(i + t));
        double energy =
            baseEnergy
                * av
                / Ratios.YUAN_PER_10K
                * Math.pow(0.965, t)
                * (1 + 0.02 * Math.cos(i * t));
        double water = 1.6 * baseWater * av / Ratios.YUAN_PER_10K * Math.pow(0.955, t);
        Totals tot =
            new Totals(
                firms,
                av * 4.1,
                av,
                energy,
                water,
                energy * 2.4 * 0.7,
                av * 0.7,
                Math.round(firms * 0.7));
        aggregated += firms;
        SameSample ss = SameSample.ZERO;
        if (prev != null) {
          // Survivors: 90 % of this year's values; their prior-year values differ a little from
          // 88 % of last year's, so the same-sample change differs from the plain one.
          double drift = 1 + 0.015 * Math.sin(3.0 * i + t);
          ss =
              new SameSample(
                  Math.round(firms * 0.9),
                  energy * 0.9,
                  av * 0.9,
                  water * 0.9,
                  prev.energyTce() * 0.88 * drift,
                  prev.addedValueYuan() * 0.88,
                  prev.waterM3() * 0.88 * (1 + 0.01 * Math.cos(i + t)));
        }
        prev = tot;
        add(groups, same, levels, GroupLevel.DIVISION, d.code(), year, tot, ss);
        add(groups, same, levels, GroupLevel.SECTION, d.section(), year, tot, ss);
        if (settings.energyIntensiveDivisions().contains(d.code())) {
          add(groups, same, levels, GroupLevel.EI6, IndustryCatalog.EI6, year, tot, ss);
        }
        add(groups, same, levels, GroupLevel.ALL, IndustryCatalog.ALL, year, tot, ss);
      }
    }
    List<IndustryYear> rows = new ArrayList<>();
    for (Map.Entry<String, TreeMap<Integer, Totals>> g : groups.entrySet()) {
      rows.addAll(
          series(
              levels.get(g.getKey()),
              g.getKey(),
              catalog.name(g.getKey()),
              g.getValue(),
              same.get(g.getKey())));
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
                    "missing_added_value_yuan",
                    quarantined / 2,
                    "negative_energy_tce",
                    quarantined / 3,
                    "unknown_province_code",
                    quarantined / 10,
                    "conflicting_duplicate",
                    quarantined - quarantined / 2 - quarantined / 3 - quarantined / 10)),
            duplicates,
            outOfScope,
            sorted(Map.of("not_industrial_division", outOfScope)),
            below,
            aggregated);
    Analytics analytics =
        Analytics.compute(
            rows, settings.baseYear(), Deflators.load(), Targets.load(), catalog::name);
    return new ReportModel(
        VERSION,
        "s3a://example-bucket/firm_year/",
        settings,
        a,
        rows,
        sampleProvinces(groups.get(IndustryCatalog.ALL), same.get(IndustryCatalog.ALL)),
        analytics,
        PublishedFigures.load());
  }

  /**
   * The national ALL sums split over the 31 provinces with fixed shares: added value and firms by
   * one weight, energy and water by others that drift a little from year to year, so that provinces
   * differ in level and change.
   */
  private static List<ProvinceRow> sampleProvinces(
      TreeMap<Integer, Totals> all, TreeMap<Integer, SameSample> allSame) {
    // The 31 mainland provinces (Taiwan, Hong Kong and Macao are outside the survey).
    List<String> codes =
        ProvinceCatalog.load().codes().stream().filter(c -> c.compareTo("71") < 0).toList();
    ProvinceCatalog names = ProvinceCatalog.load();
    int n = codes.size();
    double[] value = new double[n];
    double valueSum = 0;
    for (int j = 0; j < n; j++) {
      value[j] = 1 + (j * 37 % 11) / 2.5;
      valueSum += value[j];
    }
    Map<Integer, double[]> energyShare = new TreeMap<>();
    Map<Integer, double[]> waterShare = new TreeMap<>();
    for (int year : all.keySet()) {
      double[] e = new double[n];
      double[] w = new double[n];
      double es = 0;
      double ws = 0;
      for (int j = 0; j < n; j++) {
        e[j] = value[j] * (0.4 + (j * 53 % 17) / 8.0) * (1 + 0.04 * Math.sin(j + year));
        w[j] = value[j] * (0.5 + (j * 29 % 13) / 6.0) * (1 + 0.03 * Math.cos(2 * j + year));
        es += e[j];
        ws += w[j];
      }
      for (int j = 0; j < n; j++) {
        e[j] /= es;
        w[j] /= ws;
      }
      energyShare.put(year, e);
      waterShare.put(year, w);
    }
    List<ProvinceRow> out = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      double v = value[j] / valueSum;
      TreeMap<Integer, Totals> byYear = new TreeMap<>();
      TreeMap<Integer, SameSample> sameByYear = new TreeMap<>();
      for (Map.Entry<Integer, Totals> y : all.entrySet()) {
        Totals t = y.getValue();
        double e = energyShare.get(y.getKey())[j];
        double w = waterShare.get(y.getKey())[j];
        byYear.put(
            y.getKey(),
            new Totals(
                Math.round(t.firms() * v),
                t.revenueYuan() * v,
                t.addedValueYuan() * v,
                t.energyTce() * e,
                t.waterM3() * w,
                0,
                0,
                0));
        SameSample s = allSame.get(y.getKey());
        double[] ePrev = energyShare.get(y.getKey() - 1);
        if (s != null && s.firms() > 0 && ePrev != null) {
          sameByYear.put(
              y.getKey(),
              new SameSample(
                  Math.round(s.firms() * v),
                  s.energyTce() * e,
                  s.addedValueYuan() * v,
                  s.waterM3() * w,
                  s.priorEnergyTce() * ePrev[j],
                  s.priorAddedValueYuan() * v,
                  s.priorWaterM3() * waterShare.get(y.getKey() - 1)[j]));
        }
      }
      String code = codes.get(j);
      for (IndustryYear r :
          series(
              GroupLevel.ALL, IndustryCatalog.ALL, IndustryCatalog.ALL_NAME, byYear, sameByYear)) {
        out.add(new ProvinceRow(code, names.name(code), r));
      }
    }
    return out;
  }

  private static void add(
      Map<String, TreeMap<Integer, Totals>> groups,
      Map<String, TreeMap<Integer, SameSample>> same,
      Map<String, GroupLevel> levels,
      GroupLevel level,
      String code,
      int year,
      Totals t,
      SameSample s) {
    levels.put(code, level);
    groups.computeIfAbsent(code, c -> new TreeMap<>()).merge(year, t, Totals::plus);
    same.computeIfAbsent(code, c -> new TreeMap<>()).merge(year, s, SameSample::plus);
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
