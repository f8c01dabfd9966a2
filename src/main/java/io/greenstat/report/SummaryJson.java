package io.greenstat.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.RowAccounting;
import io.greenstat.schema.Columns;
import io.greenstat.schema.IndustryCatalog;
import io.greenstat.trends.Analytics;
import io.greenstat.trends.TargetProgress;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders {@code summary.json}: the headline figures for machines. Keys are sorted, the layout is
 * pretty-printed with {@code \n} line ends, and a missing value (no row, empty ratio) is JSON
 * {@code null}, never NaN or Infinity; so the same model always gives the same bytes.
 *
 * <pre>
 * {
 *   "base_year" : 2020,
 *   "groups" : {
 *     "ALL" : { "added_value_yuan" : ..., "energy_intensity_tce_per_10k_yuan" : ..., ... },
 *     "B" : {...}, "C" : {...}, "D" : {...}, "EI6" : {...}
 *   },
 *   "latest_year" : 2023,
 *   "program_version" : "0.1.0",
 *   "rows_aggregated" : ..., "rows_quarantined" : ..., "rows_read" : ...,
 *   "targets" : {
 *     "energy_intensity" : { "base_year" : 2020, "comparable_cumulative_change_pct" : -9.8,
 *       "comparable_latest_year" : 2023, "comparable_on_track" : true, ... (comparable_* as in
 *       tables/targets), "cumulative_change_pct" : -14.27,
 *       "latest_year" : 2023, "on_track" : true, "reason" : null,
 *       "required_annual_change_pct" : 0.45, "scope" : "ALL", "series" : "...",
 *       "share_of_target_pct" : 105.7, "target_change_pct" : -13.5, "target_year" : 2025 },
 *     "water_intensity" : {...}, "co2_intensity" : {...}
 *   },
 *   "threshold_rule" : "revenue_yuan &gt;= 20000000"
 * }
 * </pre>
 *
 * <p>Each group also carries its same-sample (同口径) year-on-year changes and the number of
 * same-sample firms ({@code energy_intensity_yoy_same_sample_pct}, {@code
 * water_intensity_yoy_same_sample_pct}, {@code same_sample_firms}).
 *
 * <p>Groups are {@code ALL}, {@code EI6} and the sections ({@code B}, {@code C}, {@code D} always,
 * plus any other section in the model), each in the latest year (the latest year with an {@code
 * ALL} row). A group without a row in that year has null in every field.
 */
public final class SummaryJson {
  private SummaryJson() {}

  public static final String LATEST_YEAR = "latest_year";
  public static final String BASE_YEAR = "base_year";
  public static final String THRESHOLD_RULE = "threshold_rule";
  public static final String PROGRAM_VERSION = "program_version";
  public static final String GROUPS = "groups";
  public static final String ROWS_READ = "rows_read";
  public static final String ROWS_AGGREGATED = "rows_aggregated";
  public static final String ROWS_QUARANTINED = "rows_quarantined";
  public static final String ENERGY_CHANGE_SINCE_BASE = "energy_intensity_change_since_base_pct";
  public static final String WATER_CHANGE_SINCE_BASE = "water_intensity_change_since_base_pct";
  public static final String TARGETS = "targets";

  /** Prefix of a target's figures at comparable prices. */
  public static final String COMPARABLE = "comparable_";

  public static final String CUMULATIVE_CHANGE = "cumulative_change_pct";
  public static final String SHARE_OF_TARGET = "share_of_target_pct";
  public static final String REQUIRED_ANNUAL_CHANGE = "required_annual_change_pct";
  public static final String ON_TRACK = "on_track";
  public static final String TARGET_CHANGE = "target_change_pct";
  public static final String TARGET_BASE_YEAR = "base_year";
  public static final String TARGET_YEAR = "target_year";
  public static final String TARGET_SCOPE = "scope";
  public static final String SERIES = "series";
  public static final String REASON = "reason";

  private static final ObjectWriter WRITER =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build()
          .writer(
              new DefaultPrettyPrinter()
                  .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  /** Renders the summary of {@code model}, ending with a newline. */
  public static String render(ReportModel model) {
    Objects.requireNonNull(model, "model");
    try {
      return WRITER.writeValueAsString(tree(model)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The summary as nested maps (sorted when written). */
  static Map<String, Object> tree(ReportModel model) {
    ReportIndex index = new ReportIndex(model.industryYears());
    OptionalInt latest = index.latestYear();
    int baseYear = model.settings().baseYear();

    Map<String, Object> root = new TreeMap<>();
    root.put(LATEST_YEAR, latest.isPresent() ? latest.getAsInt() : null);
    root.put(BASE_YEAR, baseYear);
    root.put(THRESHOLD_RULE, model.settings().thresholdRule());
    root.put(PROGRAM_VERSION, model.programVersion());
    RowAccounting a = model.accounting();
    root.put(ROWS_READ, a == null ? null : a.rowsRead());
    root.put(ROWS_AGGREGATED, a == null ? null : a.rowsAggregated());
    root.put(ROWS_QUARANTINED, a == null ? null : a.rowsQuarantined());

    SortedSet<String> codes = new TreeSet<>();
    codes.add(IndustryCatalog.ALL);
    codes.add(IndustryCatalog.EI6);
    codes.addAll(List.of("B", "C", "D"));
    codes.addAll(index.codes(GroupLevel.SECTION));
    Map<String, Object> groups = new TreeMap<>();
    for (String code : codes) {
      IndustryYear row =
          latest.isPresent() ? index.get(code, latest.getAsInt()).orElse(null) : null;
      groups.put(code, group(index, row, baseYear));
    }
    root.put(GROUPS, groups);
    root.put(TARGETS, targets(model));
    return root;
  }

  private static Map<String, Object> group(ReportIndex index, IndustryYear row, int baseYear) {
    Map<String, Object> g = new LinkedHashMap<>();
    boolean has = row != null;
    g.put(Columns.GROUP_NAME, has ? row.name() : null);
    g.put(Columns.FIRMS, has ? row.totals().firms() : null);
    g.put(Columns.REVENUE_YUAN, has ? number(row.totals().revenueYuan()) : null);
    g.put(Columns.ADDED_VALUE_YUAN, has ? number(row.totals().addedValueYuan()) : null);
    g.put(Columns.ENERGY_TCE, has ? number(row.totals().energyTce()) : null);
    g.put(Columns.WATER_M3, has ? number(row.totals().waterM3()) : null);
    g.put(Columns.ENERGY_INTENSITY, has ? number(row.energyIntensity()) : null);
    g.put(Columns.WATER_INTENSITY, has ? number(row.waterIntensity()) : null);
    g.put(Columns.ENERGY_INTENSITY_YOY, has ? number(row.energyYoyPct()) : null);
    g.put(Columns.WATER_INTENSITY_YOY, has ? number(row.waterYoyPct()) : null);
    g.put(
        Columns.ENERGY_INTENSITY_YOY_SAME_SAMPLE,
        has ? number(row.energyYoySameSamplePct()) : null);
    g.put(
        Columns.WATER_INTENSITY_YOY_SAME_SAMPLE, has ? number(row.waterYoySameSamplePct()) : null);
    g.put(
        Columns.SAME_SAMPLE_FIRMS,
        has && row.sameSample() != null ? row.sameSample().firms() : null);
    g.put(
        ENERGY_CHANGE_SINCE_BASE,
        has
            ? number(
                index.changeSince(row.code(), baseYear, row.year(), IndustryYear::energyIntensity))
            : null);
    g.put(
        WATER_CHANGE_SINCE_BASE,
        has
            ? number(
                index.changeSince(row.code(), baseYear, row.year(), IndustryYear::waterIntensity))
            : null);
    return g;
  }

  /**
   * Progress towards each target, keyed by indicator (the first target of each indicator, in the
   * order of {@code conf/targets.csv}); an empty object when there is none.
   */
  private static Map<String, Object> targets(ReportModel model) {
    Map<String, Object> out = new TreeMap<>();
    Analytics analytics = model.analytics();
    if (analytics == null) {
      return out;
    }
    for (TargetProgress p : analytics.targets()) {
      if (p == null || p.target() == null || out.containsKey(p.target().indicator())) {
        continue;
      }
      Map<String, Object> t = new TreeMap<>();
      t.put(TARGET_SCOPE, p.target().scope());
      t.put(TARGET_BASE_YEAR, p.target().baseYear());
      t.put(TARGET_YEAR, p.target().targetYear());
      t.put(TARGET_CHANGE, number(p.target().targetChangePct()));
      t.put(LATEST_YEAR, p.latestYear());
      t.put(CUMULATIVE_CHANGE, number(p.cumulativeChangePct()));
      t.put(SHARE_OF_TARGET, number(p.shareOfTargetPct()));
      t.put(REQUIRED_ANNUAL_CHANGE, number(p.requiredAnnualChangePct()));
      t.put(ON_TRACK, p.onTrack());
      t.put(SERIES, Analytics.TARGET_SERIES);
      t.put(REASON, p.reason());
      // The same at comparable prices, keyed as the comparable_* columns of tables/targets.
      analytics
          .comparable(p)
          .ifPresent(
              c -> {
                t.put(COMPARABLE + LATEST_YEAR, c.latestYear());
                t.put(COMPARABLE + CUMULATIVE_CHANGE, number(c.cumulativeChangePct()));
                t.put(COMPARABLE + SHARE_OF_TARGET, number(c.shareOfTargetPct()));
                t.put(COMPARABLE + REQUIRED_ANNUAL_CHANGE, number(c.requiredAnnualChangePct()));
                t.put(COMPARABLE + ON_TRACK, c.onTrack());
                t.put(COMPARABLE + SERIES, Analytics.COMPARABLE_TARGET_SERIES);
                t.put(COMPARABLE + REASON, c.reason());
              });
      out.put(p.target().indicator(), t);
    }
    return out;
  }

  /**
   * A double as written: null unless finite; otherwise its shortest decimal form, written plain (no
   * exponent), which parses back to the same double.
   */
  private static BigDecimal number(Double v) {
    if (v == null || !Double.isFinite(v)) {
      return null;
    }
    return new BigDecimal(Double.toString(v == 0 ? 0.0 : v));
  }
}
