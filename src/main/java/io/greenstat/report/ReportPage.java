package io.greenstat.report;

import static io.greenstat.report.HtmlReport.DASH;
import static io.greenstat.report.HtmlReport.count;
import static io.greenstat.report.HtmlReport.escape;
import static io.greenstat.report.HtmlReport.fixed;
import static io.greenstat.report.HtmlReport.intensity;
import static io.greenstat.report.HtmlReport.percent;
import static io.greenstat.report.HtmlReport.ratio;
import static io.greenstat.report.HtmlReport.share;
import static io.greenstat.report.HtmlReport.signed;
import static io.greenstat.report.HtmlReport.sum;

import io.greenstat.config.JobSettings;
import io.greenstat.config.Setting;
import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.ProvinceRollup.ProvinceRow;
import io.greenstat.metrics.Ratios;
import io.greenstat.metrics.RowAccounting;
import io.greenstat.metrics.SameSample;
import io.greenstat.quality.Flag;
import io.greenstat.quality.FlagReason;
import io.greenstat.quality.FlagSummary;
import io.greenstat.schema.Columns;
import io.greenstat.schema.IndustryCatalog;
import io.greenstat.schema.PublishedFigures;
import io.greenstat.schema.PublishedFigures.Figure;
import io.greenstat.schema.Targets;
import io.greenstat.trends.Analytics;
import io.greenstat.trends.ContributionRow;
import io.greenstat.trends.DecompositionRow;
import io.greenstat.trends.Lmdi;
import io.greenstat.trends.TargetProgress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One rendering of {@code report.html}: the model, its index, and the growing page. See {@link
 * HtmlReport} for the rules the page keeps (self-contained, deterministic, escaped).
 */
final class ReportPage {
  /** The {@code conf/published.csv} indicator comparable with the ALL energy intensity. */
  static final String PUBLISHED_ENERGY = "above_size_industry_energy_intensity";

  /** The {@code conf/published.csv} indicator comparable with the ALL water intensity. */
  static final String PUBLISHED_WATER = "industrial_water_intensity";

  private static final String ENERGY_COLOR = "#b5542a";
  private static final String WATER_COLOR = "#1f6fb2";
  private static final String REST_COLOR = "#3f7f8c";
  private static final String PATH_COLOR = "#5a4a8a";
  private static final String OFFICIAL_COLOR = "#1d232a";
  private static final String STRUCTURE_COLOR = "#d39a2c";
  private static final String INTENSITY_COLOR = "#3f7f8c";
  private static final String ENERGY_UNIT = "tce per 10,000 yuan";
  private static final String WATER_UNIT = "m\u00b3 per 10,000 yuan";

  private final ReportModel model;
  private final JobSettings settings;
  private final ReportIndex index;
  private final Analytics analytics;
  private final List<ProvinceRow> provinces;
  private final List<Figure> published;
  private final StringBuilder out = new StringBuilder(256 * 1024);

  ReportPage(ReportModel model) {
    this.model = model;
    this.settings = model.settings();
    this.index = new ReportIndex(model.industryYears());
    this.analytics =
        model.analytics() == null
            ? new Analytics(List.of(), List.of(), new TreeMap<>(), List.of())
            : model.analytics();
    this.provinces = model.provinces() == null ? List.of() : model.provinces();
    this.published = model.published() == null ? List.of() : model.published();
  }

  String render() {
    NavigableMap<Integer, IndustryYear> all = index.years(IndustryCatalog.ALL);
    String span = all.isEmpty() ? "" : yearSpan(all.firstKey(), all.lastKey());
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n");
    out.append("<meta charset=\"utf-8\">\n");
    out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.append(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
            + " style-src 'unsafe-inline'\">\n");
    out.append("<meta name=\"generator\" content=\"greenstat ")
        .append(escape(model.programVersion()))
        .append("\">\n");
    out.append("<title>Energy and water intensity of above-size industry");
    if (!span.isEmpty()) {
      out.append(", ").append(span);
    }
    out.append("</title>\n<style>\n").append(HtmlReport.CSS).append("</style>\n</head>\n<body>\n");

    out.append("<header>\n<h1>Energy and water intensity of above-size industry</h1>\n");
    out.append("<p class=\"meta\">");
    if (!span.isEmpty()) {
      out.append("Years ").append(span).append(" \u00b7 ");
    }
    out.append("greenstat ").append(escape(model.programVersion()));
    out.append(" \u00b7 input <code>").append(escape(model.inputPath())).append("</code></p>\n");
    out.append("<nav>")
        .append("<a href=\"#headline\">Headline</a>")
        .append("<a href=\"#trend\">National trend</a>")
        .append("<a href=\"#divisions\">Divisions</a>")
        .append("<a href=\"#ei6\">EI6 and the rest</a>")
        .append("<a href=\"#decomposition\">Decomposition</a>")
        .append("<a href=\"#provinces\">Provinces</a>")
        .append("<a href=\"#quality\">Data quality</a>")
        .append("<a href=\"#notes\">Method notes</a>")
        .append("<a href=\"#tables\">Tables</a>")
        .append("</nav>\n</header>\n<main>\n");

    headline();
    trend();
    divisions();
    ei6();
    decomposition();
    provinceSection();
    quality();
    notes();
    tables();

    out.append("</main>\n<footer>\n<p>Produced by greenstat ")
        .append(escape(model.programVersion()))
        .append(" from <code>")
        .append(escape(model.inputPath()))
        .append("</code>. This page is self-contained: it loads nothing from the network.");
    out.append(" Run times are in <code>_MANIFEST.json</code>.</p>\n</footer>\n");
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  // ---- 1. Headline figures and target progress ----

  private void headline() {
    out.append("<section id=\"headline\">\n");
    OptionalInt latest = index.latestYear();
    if (latest.isEmpty()) {
      out.append("<h2>Headline figures</h2>\n");
      out.append(
          "<p>No above-size firm-year was aggregated, so there are no figures to show."
              + " See the data quality section below for where the rows went.</p>\n");
      targets();
      out.append("</section>\n");
      return;
    }
    int year = latest.getAsInt();
    int base = settings.baseYear();
    IndustryYear row = index.get(IndustryCatalog.ALL, year).orElseThrow();
    boolean baseHasData = index.get(IndustryCatalog.ALL, base).isPresent();
    out.append("<h2>Headline figures, ")
        .append(year)
        .append(": ")
        .append(escape(nameOf(row)))
        .append("</h2>\n");
    leadSentence(row);
    out.append("<div class=\"cards\">\n");
    intensityCard(
        "Energy intensity",
        "tce of energy per 10,000 yuan of added value",
        row,
        IndustryYear::energyIntensity,
        IndustryYear::energyYoyPct,
        IndustryYear::energyYoySameSamplePct,
        base);
    intensityCard(
        "Water intensity",
        "m\u00b3 of water per 10,000 yuan of added value",
        row,
        IndustryYear::waterIntensity,
        IndustryYear::waterYoyPct,
        IndustryYear::waterYoySameSamplePct,
        base);
    out.append("<div class=\"card\"><h3>Firms counted</h3>\n<div class=\"big\">")
        .append(count(row.totals().firms()))
        .append("</div>\n<div class=\"unit\">above-size firms in ")
        .append(year)
        .append("</div>\n<dl>");
    IndustryYear prev = index.get(IndustryCatalog.ALL, year - 1).orElse(null);
    out.append("<dt>in ").append(year - 1).append("</dt><dd>");
    if (prev == null) {
      out.append(dash("no data for " + (year - 1)));
    } else {
      out.append(count(prev.totals().firms()));
    }
    out.append("</dd><dt>Same sample</dt><dd>")
        .append(sameSampleFirms(row))
        .append("</dd><dt>Added value</dt><dd>")
        .append(sum(row.totals().addedValueYuan() / 10_000.0))
        .append(" \u00d7 10,000 yuan</dd></dl>\n</div>\n");
    out.append("</div>\n");
    if (!baseHasData) {
      out.append("<p class=\"meta\">No change since the base year is shown: the base year ")
          .append(base)
          .append(" (setting <code>")
          .append(escape(Setting.BASE_YEAR.key()))
          .append("</code>) has no data.</p>\n");
    }
    targets();
    out.append("</section>\n");
  }

  private void leadSentence(IndustryYear row) {
    Double ei = row.energyIntensity();
    Double wi = row.waterIntensity();
    if (ei == null && wi == null) {
      return;
    }
    out.append("<p class=\"lead\">In ").append(row.year()).append(", above-size industry used ");
    List<String> parts = new ArrayList<>();
    if (ei != null) {
      parts.add("<strong>" + intensity(ei) + " tce</strong> of energy");
    }
    if (wi != null) {
      parts.add("<strong>" + intensity(wi) + " m\u00b3</strong> of water");
    }
    out.append(String.join(" and ", parts)).append(" per 10,000 yuan of added value.");
    if (row.energyYoyPct() != null || row.energyYoySameSamplePct() != null) {
      out.append(" Energy intensity changed by ");
      List<String> changes = new ArrayList<>();
      if (row.energyYoyPct() != null) {
        changes.add(percent(row.energyYoyPct()) + " over all firms counted in both years");
      }
      if (row.energyYoySameSamplePct() != null) {
        changes.add(percent(row.energyYoySameSamplePct()) + " for the same firms in both years");
      }
      out.append(String.join(" and ", changes)).append('.');
    }
    out.append("</p>\n");
  }

  private void intensityCard(
      String title,
      String unit,
      IndustryYear row,
      Function<IndustryYear, Double> value,
      Function<IndustryYear, Double> yoy,
      Function<IndustryYear, Double> sameSampleYoy,
      int base) {
    int year = row.year();
    out.append("<div class=\"card\"><h3>").append(title).append("</h3>\n<div class=\"big\">");
    out.append(intensityCell(value.apply(row))).append("</div>\n");
    out.append("<div class=\"unit\">").append(unit).append("</div>\n<dl>");
    out.append("<dt>YoY, all firms</dt><dd>")
        .append(yoyCell(IndustryCatalog.ALL, year, yoy.apply(row)))
        .append("</dd>");
    out.append("<dt>YoY, same sample</dt><dd>")
        .append(sameSampleCell(row, sameSampleYoy.apply(row)))
        .append("</dd>");
    out.append("<dt>Since ").append(base).append(" (base year)</dt><dd>");
    Double since = index.changeSince(IndustryCatalog.ALL, base, year, value);
    if (since != null) {
      out.append(percent(since));
    } else if (index.get(IndustryCatalog.ALL, base).isEmpty()) {
      out.append(dash("empty: the base year " + base + " has no data"));
    } else {
      out.append(dash("empty: the " + base + " or " + year + " intensity is empty or zero"));
    }
    out.append("</dd></dl>\n</div>\n");
  }

  private void targets() {
    List<TargetProgress> progress = analytics.targets();
    out.append("<h3 id=\"targets\">Progress towards the plan targets</h3>\n");
    if (progress.isEmpty()) {
      out.append(
          "<p class=\"meta\">No target progress is available for this run (no target of"
              + " <code>conf/targets.csv</code> has a series to evaluate).</p>\n");
      return;
    }
    Footnotes fn = new Footnotes("tsrc");
    out.append("<div class=\"cards\">\n");
    for (TargetProgress p : progress) {
      Targets.Target t = p.target();
      boolean atTargetYear = p.latestYear() != null && p.latestYear() == t.targetYear();
      out.append("<div class=\"card target\" data-indicator=\"")
          .append(escape(t.indicator()))
          .append("\"><h3>")
          .append(escape(indicatorLabel(t.indicator())))
          .append(": ")
          .append(targetPct(t.targetChangePct()))
          .append(" by ")
          .append(t.targetYear())
          .append(" against ")
          .append(t.baseYear())
          .append(fn.ref(t.source()))
          .append("</h3>\n<div class=\"big\">");
      if (p.cumulativeChangePct() != null) {
        out.append(percent(p.cumulativeChangePct()));
      } else {
        out.append(dash(p.reason() == null ? "empty" : "empty: " + p.reason()));
      }
      out.append("</div>\n<div class=\"unit\">change ");
      if (p.latestYear() != null) {
        out.append(t.baseYear()).append("\u2013").append(p.latestYear());
      } else {
        out.append("since ").append(t.baseYear());
      }
      if (!"ALL".equals(t.scope())) {
        out.append(", scope ").append(escape(t.scope()));
      }
      out.append("</div>\n");
      Double pathShare =
          p.pathChangePct() == null || t.targetChangePct() == 0
              ? null
              : 100 * p.pathChangePct() / t.targetChangePct();
      SvgCharts.meter(
          out,
          p.shareOfTargetPct(),
          pathShare,
          Boolean.FALSE.equals(p.onTrack()) ? SvgCharts.UP : SvgCharts.DOWN,
          "Share of the target achieved: "
              + (p.shareOfTargetPct() == null ? "empty" : share(p.shareOfTargetPct()))
              + (pathShare == null ? "" : "; the straight path is at " + share(pathShare)));
      out.append("<dl><dt>Share of target achieved</dt><dd>")
          .append(
              p.shareOfTargetPct() == null
                  ? dash(p.reason() == null ? "empty" : "empty: " + p.reason())
                  : share(p.shareOfTargetPct()))
          .append("</dd>");
      if (p.latestYear() != null) {
        out.append("<dt>Straight path at ")
            .append(p.latestYear())
            .append("</dt><dd>")
            .append(p.pathChangePct() == null ? dash("empty") : percent(p.pathChangePct()))
            .append("</dd>");
      }
      // Past a reduction target (or an increase target), any change up to the "required" one still
      // meets it: then it is an allowance, not a need.
      boolean exceeded =
          p.requiredAnnualChangePct() != null
              && (t.targetChangePct() < 0
                  ? p.requiredAnnualChangePct() > 0
                  : p.requiredAnnualChangePct() < 0);
      out.append(exceeded ? "<dt>Allowed per year to " : "<dt>Needed per year to ")
          .append(t.targetYear())
          .append("</dt><dd>");
      if (p.requiredAnnualChangePct() != null) {
        out.append(percent(p.requiredAnnualChangePct())).append(" a year");
      } else if (atTargetYear) {
        out.append(dash("the target year has been reached"));
      } else {
        out.append(dash(p.reason() == null ? "empty" : "empty: " + p.reason()));
      }
      out.append("</dd></dl>\n<p>");
      if (p.onTrack() == null) {
        out.append("<span class=\"badge na\">No verdict</span>");
      } else if (atTargetYear) {
        out.append(
            p.onTrack()
                ? "<span class=\"badge on\">Target met</span>"
                : "<span class=\"badge off\">Target missed</span>");
      } else {
        out.append(
            p.onTrack()
                ? "<span class=\"badge on\">On track</span>"
                : "<span class=\"badge off\">Off track</span>");
      }
      if (exceeded) {
        out.append(" <span class=\"meta\">target already exceeded</span>");
      }
      if (p.reason() != null) {
        out.append(" <span class=\"meta\">").append(escape(p.reason())).append("</span>");
      }
      out.append("</p>\n");
      analytics.comparable(p).ifPresent(c -> comparableTarget(c, atTargetYear));
      out.append("</div>\n");
    }
    out.append("</div>\n");
    out.append("<p class=\"meta\">Based on: ")
        .append(escape(Analytics.TARGET_SERIES))
        .append(", chained since the base year: \u03a0(1 + r/100) \u2212 1. On track means at")
        .append(" least as good as the straight geometric path from the base year to the target")
        .append(
            " (the dashed tick on the bar). <strong>At comparable prices</strong>, the basis the national")
        .append(" targets are defined on: ")
        .append(escape(Analytics.COMPARABLE_TARGET_SERIES))
        .append("; the shipped price indices are ILLUSTRATIVE, so are these figures. The water")
        .append(" and CO2 targets cover all industry, so this is an indication, not the official")
        .append(" assessment.</p>\n");
    fn.render("Targets as set by");
  }

  /**
   * One line under a target card: the progress at comparable prices (the NBS basis), or why it is
   * empty (a missing price index, named).
   */
  private void comparableTarget(TargetProgress c, boolean atTargetYear) {
    out.append("<p class=\"comparable\" data-price-basis=\"comparable\">At comparable prices: ");
    if (c.cumulativeChangePct() == null) {
      out.append(dash(c.reason() == null ? "empty" : "empty: " + c.reason()));
      out.append("</p>\n");
      return;
    }
    out.append("<strong>").append(percent(c.cumulativeChangePct())).append("</strong> since ");
    out.append(c.target().baseYear()).append(", ");
    out.append(c.shareOfTargetPct() == null ? "no share" : share(c.shareOfTargetPct()));
    out.append(" of the target");
    if (c.requiredAnnualChangePct() != null) {
      out.append(", ").append(percent(c.requiredAnnualChangePct())).append(" a year to ");
      out.append(c.target().targetYear());
    }
    out.append(" ");
    if (c.onTrack() == null) {
      out.append("<span class=\"badge na\">No verdict</span>");
    } else if (atTargetYear) {
      out.append(
          c.onTrack()
              ? "<span class=\"badge on\">Target met</span>"
              : "<span class=\"badge off\">Target missed</span>");
    } else {
      out.append(
          c.onTrack()
              ? "<span class=\"badge on\">On track</span>"
              : "<span class=\"badge off\">Off track</span>");
    }
    if (c.reason() != null) {
      out.append(" <span class=\"meta\">").append(escape(c.reason())).append("</span>");
    }
    out.append("</p>\n");
  }

  // ---- 2. National trend, target path, official figures ----

  private void trend() {
    out.append("<section id=\"trend\">\n<h2>National trend and the target path</h2>\n");
    NavigableMap<Integer, IndustryYear> all = index.years(IndustryCatalog.ALL);
    if (all.isEmpty()) {
      out.append("<p>No data to chart.</p>\n</section>\n");
      return;
    }
    out.append(
        "<p>Computed: the ratio of sums over the above-size firms in the input, at current"
            + " prices. Official: figures published by NBS, MIIT and the Ministry of Water"
            + " Resources (sources numbered below). The official water figures cover <em>all"
            + " industry</em>, not only firms above designated size, and the official rates are"
            + " same-sample changes at comparable prices, so the two are comparable in direction"
            + " and size, not to the decimal.</p>\n");
    Footnotes fn = new Footnotes("src");
    out.append("<div class=\"charts\">\n");
    trendChart(
        "energy",
        "Energy intensity",
        ENERGY_UNIT,
        ENERGY_COLOR,
        IndustryYear::energyIntensity,
        IndustryYear::energyYoyPct,
        IndustryYear::energyYoySameSamplePct,
        target(Targets.ENERGY_INTENSITY),
        PUBLISHED_ENERGY,
        fn);
    trendChart(
        "water",
        "Water intensity",
        WATER_UNIT,
        WATER_COLOR,
        IndustryYear::waterIntensity,
        IndustryYear::waterYoyPct,
        IndustryYear::waterYoySameSamplePct,
        target(Targets.WATER_INTENSITY),
        PUBLISHED_WATER,
        fn);
    out.append("</div>\n");
    out.append(
        "<p class=\"meta\">Each year counts the firms above designated size in that year."
            + " Hover over a point for its value and year-on-year change.</p>\n");
    yoyComparison(all, fn);
    periodComparison(fn);
    fn.render("Sources of the official figures");
    out.append("</section>\n");
  }

  private Optional<TargetProgress> target(String indicator) {
    return analytics.targets().stream()
        .filter(
            p ->
                p.target().indicator().equals(indicator)
                    && IndustryCatalog.ALL.equals(p.target().scope()))
        .findFirst();
  }

  private void trendChart(
      String key,
      String title,
      String unit,
      String color,
      Function<IndustryYear, Double> value,
      Function<IndustryYear, Double> yoy,
      Function<IndustryYear, Double> sameSampleYoy,
      Optional<TargetProgress> target,
      String officialIndicator,
      Footnotes fn) {
    NavigableMap<Integer, IndustryYear> all = index.years(IndustryCatalog.ALL);
    int first = all.firstKey();
    int last = all.lastKey();
    List<SvgCharts.Series> series = new ArrayList<>();

    // The target path, and the base level carried forward by the rates the target is judged on.
    TargetProgress p = target.orElse(null);
    boolean path =
        p != null
            && p.baseLevel() != null
            && p.baseLevel() > 0
            && p.target().baseYear() >= first
            && p.target().baseYear() <= last;
    if (path) {
      Targets.Target t = p.target();
      last = Math.max(last, t.targetYear());
      double goal = t.targetChangePct() / 100;
      List<SvgCharts.Point> points = new ArrayList<>();
      for (int y = t.baseYear(); y <= t.targetYear(); y++) {
        double change =
            Math.pow(1 + goal, (double) (y - t.baseYear()) / (t.targetYear() - t.baseYear())) - 1;
        double level = p.baseLevel() * (1 + change);
        points.add(
            new SvgCharts.Point(
                y,
                level,
                y
                    + ": target path "
                    + intensity(level)
                    + " "
                    + unit
                    + " ("
                    + percent(100 * change)
                    + " since "
                    + t.baseYear()
                    + ")"));
      }
      series.add(
          new SvgCharts.Series(
              key + "-path",
              "Target path: "
                  + targetPct(t.targetChangePct())
                  + " from "
                  + t.baseYear()
                  + " to "
                  + t.targetYear()
                  + " (straight geometric path)",
              PATH_COLOR,
              SvgCharts.Style.PATH,
              points));
      List<SvgCharts.Point> chained = new ArrayList<>();
      double factor = 1;
      chained.add(
          new SvgCharts.Point(
              t.baseYear(),
              p.baseLevel(),
              t.baseYear() + ": base level " + intensity(p.baseLevel()) + " " + unit));
      for (int y = t.baseYear() + 1; y <= Math.min(t.targetYear(), all.lastKey()); y++) {
        Double r = index.get(IndustryCatalog.ALL, y).map(sameSampleYoy).orElse(null);
        if (r == null) {
          break;
        }
        factor *= 1 + r / 100;
        double level = p.baseLevel() * factor;
        chained.add(
            new SvgCharts.Point(
                y,
                level,
                y
                    + ": "
                    + intensity(level)
                    + " "
                    + unit
                    + ", the "
                    + t.baseYear()
                    + " level carried forward by the same-sample rates ("
                    + percent(100 * (factor - 1))
                    + " since "
                    + t.baseYear()
                    + ")"));
      }
      if (chained.size() > 1) {
        series.add(
            new SvgCharts.Series(
                key + "-chained",
                "Base-year level \u00d7 chained same-sample YoY (what the target is judged on)",
                ENERGY_COLOR.equals(color) ? "#6e2a0c" : "#0b3a66",
                SvgCharts.Style.CHAINED,
                chained));
      }
    }

    // Official levels, where published.
    List<SvgCharts.Point> official = new ArrayList<>();
    for (Figure f : published) {
      if (f.indicator().equals(officialIndicator)
          && f.kind() == PublishedFigures.Kind.LEVEL
          && f.firstYear() == f.lastYear()
          && f.firstYear() >= first
          && f.firstYear() <= last) {
        int n = fn.number(f);
        official.add(
            new SvgCharts.Point(
                f.firstYear(),
                f.value(),
                f.firstYear()
                    + ": "
                    + fixed("%,.1f", f.value())
                    + " "
                    + unit
                    + ", official"
                    + (f.note() == null || f.note().isEmpty() ? "" : " (" + f.note() + ")")
                    + " [source "
                    + n
                    + "]"));
      }
    }
    if (!official.isEmpty()) {
      series.add(
          new SvgCharts.Series(
              key + "-official",
              "Official level, published (all industry; sources below)",
              OFFICIAL_COLOR,
              SvgCharts.Style.OFFICIAL,
              official));
    }

    // The computed series, on top.
    List<SvgCharts.Point> computed = new ArrayList<>();
    List<Integer> missing = new ArrayList<>();
    for (int y = all.firstKey(); y <= all.lastKey(); y++) {
      IndustryYear row = all.get(y);
      Double v = row == null ? null : value.apply(row);
      if (v == null) {
        missing.add(y);
        continue;
      }
      Double change = yoy.apply(row);
      Double ss = sameSampleYoy.apply(row);
      computed.add(
          new SvgCharts.Point(
              y,
              v,
              y
                  + ": "
                  + intensity(v)
                  + " "
                  + unit
                  + "; year on year "
                  + (change == null ? "n/a" : percent(change))
                  + (ss == null ? "" : "; same sample " + percent(ss))));
    }
    series.add(
        new SvgCharts.Series(
            key, "Computed: above-size firms in the input", color, SvgCharts.Style.MAIN, computed));

    StringBuilder note = new StringBuilder();
    if (!missing.isEmpty()) {
      note.append("<p class=\"meta\">No value (no data, or zero added value) for ")
          .append(String.join(", ", missing.stream().map(String::valueOf).toList()))
          .append(".</p>\n");
    }
    if (official.isEmpty()) {
      note.append("<p class=\"meta\">No official level to compare with")
          .append(
              PUBLISHED_ENERGY.equals(officialIndicator)
                  ? ": the sources checked publish rates of change only (table below).</p>\n"
                  : " in these years.</p>\n");
    }
    SvgCharts.line(
        out,
        new SvgCharts.LineChart(
            "chart-" + key,
            title + ", " + unit,
            unit,
            title
                + " of all industry above designated size in "
                + unit
                + ", "
                + yearSpan(all.firstKey(), all.lastKey())
                + (path ? ", with the target path" : "")
                + (official.isEmpty() ? "" : " and the official figures")
                + ".",
            first,
            last,
            true,
            "",
            settings.baseYear(),
            "base " + settings.baseYear(),
            series),
        note.toString());
  }

  private void yoyComparison(NavigableMap<Integer, IndustryYear> all, Footnotes fn) {
    SortedSet<Integer> years = new java.util.TreeSet<>();
    for (int y : all.keySet()) {
      if (y > all.firstKey()) {
        years.add(y);
      }
    }
    Map<Integer, Figure> officialEnergy = officialRates(PUBLISHED_ENERGY);
    Map<Integer, Figure> officialWater = officialRates(PUBLISHED_WATER);
    for (int y : officialEnergy.keySet()) {
      if (y > all.firstKey() && y <= all.lastKey()) {
        years.add(y);
      }
    }
    for (int y : officialWater.keySet()) {
      if (y > all.firstKey() && y <= all.lastKey()) {
        years.add(y);
      }
    }
    out.append("<h3 id=\"yoy\">Year-on-year change: computed and official</h3>\n");
    if (years.isEmpty()) {
      out.append("<p class=\"meta\">One year of data: no year-on-year change.</p>\n");
      return;
    }
    out.append("<div class=\"tablewrap\"><table class=\"yoy\">\n<thead>")
        .append("<tr class=\"over\"><th></th><th colspan=\"3\">Energy intensity</th>")
        .append("<th colspan=\"3\">Water intensity</th></tr>\n<tr>")
        .append("<th class=\"l\" scope=\"col\">Year</th>")
        .append("<th scope=\"col\">Computed<br><span class=\"u\">all firms</span></th>")
        .append("<th scope=\"col\">Computed<br><span class=\"u\">same sample</span></th>")
        .append("<th scope=\"col\">Official<br><span class=\"u\">above-size industry</span></th>")
        .append("<th scope=\"col\">Computed<br><span class=\"u\">all firms</span></th>")
        .append("<th scope=\"col\">Computed<br><span class=\"u\">same sample</span></th>")
        .append("<th scope=\"col\">Official<br><span class=\"u\">all industry</span></th>")
        .append("</tr></thead>\n<tbody>\n");
    for (int y : years) {
      IndustryYear r = all.get(y);
      out.append("<tr><th class=\"l\" scope=\"row\">").append(y).append("</th>");
      out.append(td(r == null ? dash("no data for " + y) : yoyCell("ALL", y, r.energyYoyPct())));
      out.append(
          td(r == null ? dash("no data for " + y) : sameSampleCell(r, r.energyYoySameSamplePct())));
      out.append(td(officialCell(officialEnergy.get(y), fn)));
      out.append(td(r == null ? dash("no data for " + y) : yoyCell("ALL", y, r.waterYoyPct())));
      out.append(
          td(r == null ? dash("no data for " + y) : sameSampleCell(r, r.waterYoySameSamplePct())));
      out.append(td(officialCell(officialWater.get(y), fn)));
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table></div>\n");
  }

  private Map<Integer, Figure> officialRates(String indicator) {
    Map<Integer, Figure> m = new TreeMap<>();
    for (Figure f : published) {
      if (f.indicator().equals(indicator)
          && f.kind() == PublishedFigures.Kind.YOY_PCT
          && f.firstYear() == f.lastYear()) {
        m.putIfAbsent(f.firstYear(), f);
      }
    }
    return m;
  }

  private String officialCell(Figure f, Footnotes fn) {
    if (f == null) {
      return dash("no official figure for this year in conf/published.csv");
    }
    return publishedPct(f.value()) + fn.ref(f);
  }

  private void periodComparison(Footnotes fn) {
    List<Figure> periods = new ArrayList<>();
    for (Figure f : published) {
      if ((f.indicator().equals(PUBLISHED_ENERGY) || f.indicator().equals(PUBLISHED_WATER))
          && f.kind() == PublishedFigures.Kind.CUMULATIVE_PCT) {
        periods.add(f);
      }
    }
    if (periods.isEmpty()) {
      return;
    }
    out.append("<h3 id=\"periods\">Change over plan periods: computed and official</h3>\n")
        .append("<div class=\"tablewrap\"><table>\n<thead><tr>")
        .append("<th class=\"l\" scope=\"col\">Indicator</th>")
        .append("<th class=\"l\" scope=\"col\">Period</th>")
        .append("<th scope=\"col\">Official</th>")
        .append(
            "<th scope=\"col\">Computed<br><span class=\"u\">ratio of the two levels</span></th>")
        .append(
            "<th scope=\"col\">Computed<br><span class=\"u\">chained same-sample YoY</span></th>")
        .append("</tr></thead>\n<tbody>\n");
    for (Figure f : periods) {
      boolean energy = f.indicator().equals(PUBLISHED_ENERGY);
      Function<IndustryYear, Double> level =
          energy ? IndustryYear::energyIntensity : IndustryYear::waterIntensity;
      Function<IndustryYear, Double> ss =
          energy ? IndustryYear::energyYoySameSamplePct : IndustryYear::waterYoySameSamplePct;
      int from = f.fromYear();
      int to = f.lastYear();
      out.append("<tr><td class=\"l\">")
          .append(energy ? "Energy intensity" : "Water intensity")
          .append("</td><td class=\"l\">")
          .append(escape(f.period()))
          .append(" <span class=\"meta\">(")
          .append(to)
          .append(" against ")
          .append(from)
          .append(")</span></td>");
      out.append(td(publishedPct(f.value()) + fn.ref(f)));
      Double ratioChange = index.changeSince(IndustryCatalog.ALL, from, to, level);
      String why = coverage(from, to);
      out.append(
          td(
              ratioChange != null
                  ? percent(ratioChange)
                  : dash(why != null ? why : "empty: an intensity is empty")));
      Double chained = chainedSameSample(from, to, ss);
      out.append(
          td(
              chained != null
                  ? percent(chained)
                  : dash(why != null ? why : "empty: a year has no same-sample change")));
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table></div>\n");
  }

  /** Why the span from..to is not covered by the ALL rows, or null when both ends are. */
  private String coverage(int from, int to) {
    List<Integer> missing = new ArrayList<>();
    if (index.get(IndustryCatalog.ALL, from).isEmpty()) {
      missing.add(from);
    }
    if (index.get(IndustryCatalog.ALL, to).isEmpty()) {
      missing.add(to);
    }
    return missing.isEmpty()
        ? null
        : "empty: no data for "
            + String.join(" or ", missing.stream().map(String::valueOf).toList());
  }

  private Double chainedSameSample(int from, int to, Function<IndustryYear, Double> ss) {
    if (to <= from) {
      return null;
    }
    double factor = 1;
    for (int y = from + 1; y <= to; y++) {
      Double r = index.get(IndustryCatalog.ALL, y).map(ss).orElse(null);
      if (r == null) {
        return null;
      }
      factor *= 1 + r / 100;
    }
    return 100 * (factor - 1);
  }

  // ---- 3. Divisions ranked by change ----

  private record Ranked(IndustryYear row, Double change, boolean sameSample) {}

  private void divisions() {
    out.append("<section id=\"divisions\">\n");
    OptionalInt latest = index.latestYear();
    List<Ranked> ranked = new ArrayList<>();
    if (latest.isPresent()) {
      for (String code : index.codes(GroupLevel.DIVISION)) {
        index
            .get(code, latest.getAsInt())
            .ifPresent(
                r -> {
                  Double ss = r.energyYoySameSamplePct();
                  ranked.add(new Ranked(r, ss != null ? ss : r.energyYoyPct(), ss != null));
                });
      }
    }
    if (ranked.isEmpty()) {
      out.append("<h2>Divisions ranked by change</h2>\n<p>No division rows")
          .append(latest.isPresent() ? " in " + latest.getAsInt() : "")
          .append(".</p>\n</section>\n");
      return;
    }
    int year = latest.getAsInt();
    ranked.sort(
        Comparator.comparing((Ranked k) -> k.change() == null)
            .thenComparing(k -> k.change() == null ? 0.0 : k.change())
            .thenComparing(k -> k.row().code()));
    IndustryYear all = index.get(IndustryCatalog.ALL, year).orElseThrow();
    long fell = ranked.stream().filter(k -> k.change() != null && k.change() < 0).count();
    long rose = ranked.stream().filter(k -> k.change() != null && k.change() > 0).count();
    out.append("<h2>Divisions ranked by change in energy intensity, ")
        .append(year - 1)
        .append("\u2013")
        .append(year)
        .append("</h2>\n");
    out.append("<p>")
        .append(ranked.size())
        .append(ranked.size() == 1 ? " division" : " divisions")
        .append(" with above-size firms in ")
        .append(year)
        .append(": energy intensity fell in ")
        .append(fell)
        .append(" and rose in ")
        .append(rose)
        .append(". The change is the same-sample change where the division has firms with a")
        .append(" record in both years, else the plain change (lighter bar).</p>\n");
    List<SvgCharts.Bar> bars = new ArrayList<>();
    int longest = 0;
    for (Ranked k : ranked) {
      IndustryYear r = k.row();
      String label = r.code() + " " + nameOf(r);
      longest = Math.max(longest, label.length());
      bars.add(
          new SvgCharts.Bar(
              r.code(),
              label,
              k.change(),
              k.change() == null ? "no change figure" : percent(k.change()),
              label
                  + ": "
                  + (r.energyIntensity() == null ? "n/a" : intensity(r.energyIntensity()))
                  + " "
                  + ENERGY_UNIT
                  + " in "
                  + year
                  + "; YoY all firms "
                  + (r.energyYoyPct() == null ? "n/a" : percent(r.energyYoyPct()))
                  + "; same sample "
                  + (r.energyYoySameSamplePct() == null
                      ? "n/a"
                      : percent(r.energyYoySameSamplePct())),
              k.change() != null && k.change() > 0 ? SvgCharts.UP : SvgCharts.DOWN,
              !k.sameSample()));
    }
    String legend =
        "<ul class=\"legend\"><li>"
            + SvgCharts.swatch(SvgCharts.DOWN)
            + "intensity fell</li><li>"
            + SvgCharts.swatch(SvgCharts.UP)
            + "intensity rose</li><li>"
            + SvgCharts.swatch("#9cc5b2")
            + "lighter: plain YoY (no same-sample figure)</li></ul>\n";
    SvgCharts.hbars(
        out,
        new SvgCharts.HBarChart(
            "chart-divisions",
            "Change in energy intensity by division, " + (year - 1) + "\u2013" + year,
            "Change in energy intensity, percent",
            "Divisions sorted by the change of their energy intensity from "
                + (year - 1)
                + " to "
                + year
                + ", largest fall first.",
            "%",
            Math.min(46, Math.max(10, longest)),
            bars),
        legend);

    out.append("<div class=\"tablewrap\"><table class=\"rank\">\n<thead><tr>")
        .append("<th scope=\"col\">#</th>")
        .append("<th class=\"l\" scope=\"col\">Code</th>")
        .append("<th class=\"l\" scope=\"col\">Division</th>")
        .append(
            "<th scope=\"col\">Energy intensity<br><span class=\"u\">tce / 10,000 yuan</span></th>")
        .append("<th scope=\"col\">YoY<br><span class=\"u\">all firms</span></th>")
        .append("<th scope=\"col\">YoY<br><span class=\"u\">same sample</span></th>")
        .append("<th scope=\"col\">Share of energy</th>")
        .append("<th scope=\"col\">Share of added value</th>")
        .append("</tr></thead>\n<tbody>\n");
    int rank = 0;
    for (Ranked k : ranked) {
      IndustryYear r = k.row();
      out.append("<tr data-code=\"").append(escape(r.code())).append("\">");
      out.append(td(k.change() == null ? "" : Integer.toString(++rank)));
      out.append("<td class=\"l\"><code>").append(escape(r.code())).append("</code></td>");
      out.append("<td class=\"l\">").append(escape(nameOf(r)));
      if (settings.energyIntensiveDivisions().contains(r.code())) {
        out.append("<span class=\"tag\">EI6</span>");
      }
      out.append("</td>");
      out.append(td(intensityCell(r.energyIntensity())));
      out.append(td(yoyCell(r.code(), year, r.energyYoyPct())));
      out.append(td(sameSampleCell(r, r.energyYoySameSamplePct())));
      out.append(td(shareCell(r.totals().energyTce(), all.totals().energyTce())));
      out.append(td(shareCell(r.totals().addedValueYuan(), all.totals().addedValueYuan())));
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table></div>\n</section>\n");
  }

  // ---- 4. EI6 against the rest ----

  /** One year of EI6 and the rest of industry (ALL minus EI6). */
  private record Split(
      int year,
      IndustryYear ei6,
      IndustryYear all,
      Double restIntensity,
      Double restSameSamplePct,
      Double energyShare,
      Double valueShare) {}

  private void ei6() {
    out.append("<section id=\"ei6\">\n<h2>The six energy-intensive industries and the rest</h2>\n");
    NavigableMap<Integer, Split> splits = new TreeMap<>();
    for (Map.Entry<Integer, IndustryYear> e : index.years(IndustryCatalog.ALL).entrySet()) {
      IndustryYear ei6 = index.get(IndustryCatalog.EI6, e.getKey()).orElse(null);
      if (ei6 == null) {
        continue;
      }
      IndustryYear all = e.getValue();
      double restE = all.totals().energyTce() - ei6.totals().energyTce();
      double restY = all.totals().addedValueYuan() - ei6.totals().addedValueYuan();
      SameSample a = all.sameSample() == null ? SameSample.ZERO : all.sameSample();
      SameSample b = ei6.sameSample() == null ? SameSample.ZERO : ei6.sameSample();
      Double restSs =
          a.firms() - b.firms() <= 0
              ? null
              : Ratios.changePct(
                  positive(
                      Ratios.perTenThousandYuan(
                          a.energyTce() - b.energyTce(), a.addedValueYuan() - b.addedValueYuan()),
                      a.addedValueYuan() - b.addedValueYuan()),
                  positive(
                      Ratios.perTenThousandYuan(
                          a.priorEnergyTce() - b.priorEnergyTce(),
                          a.priorAddedValueYuan() - b.priorAddedValueYuan()),
                      a.priorAddedValueYuan() - b.priorAddedValueYuan()));
      splits.put(
          e.getKey(),
          new Split(
              e.getKey(),
              ei6,
              all,
              positive(Ratios.perTenThousandYuan(restE, restY), restY),
              restSs,
              pct(Ratios.divide(ei6.totals().energyTce(), all.totals().energyTce())),
              pct(Ratios.divide(ei6.totals().addedValueYuan(), all.totals().addedValueYuan()))));
    }
    String divisions = String.join(", ", settings.energyIntensiveDivisions());
    out.append("<p>EI6 = divisions ")
        .append(escape(divisions))
        .append(" (petroleum and coking, chemicals, non-metallic minerals, ferrous and")
        .append(" non-ferrous metals, power and heat). The rest = ALL minus EI6: the sums of")
        .append(" the other divisions in scope.</p>\n");
    if (splits.isEmpty()) {
      out.append("<p class=\"meta\">No year has both an ALL and an EI6 row.</p>\n</section>\n");
      return;
    }
    Split latest = splits.lastEntry().getValue();
    if (latest.energyShare() != null && latest.valueShare() != null) {
      out.append("<p class=\"lead\">In ")
          .append(latest.year())
          .append(", EI6 used <strong>")
          .append(share(latest.energyShare()))
          .append("</strong> of the energy and produced <strong>")
          .append(share(latest.valueShare()))
          .append("</strong> of the added value");
      Double ratio =
          latest.ei6().energyIntensity() == null || latest.restIntensity() == null
              ? null
              : Ratios.divide(latest.ei6().energyIntensity(), latest.restIntensity());
      if (ratio != null) {
        out.append("; its energy intensity was <strong>")
            .append(fixed("%.1f", ratio))
            .append(" times</strong> that of the rest");
      }
      out.append(".</p>\n");
    }

    // Index chart: each series relative to a common year.
    Integer indexYear = null;
    if (splits.containsKey(settings.baseYear()) && indexable(splits.get(settings.baseYear()))) {
      indexYear = settings.baseYear();
    } else {
      for (Split s : splits.values()) {
        if (indexable(s)) {
          indexYear = s.year();
          break;
        }
      }
    }
    out.append("<div class=\"charts\">\n");
    if (indexYear != null) {
      Split b = splits.get(indexYear);
      List<SvgCharts.Point> ei6Points = new ArrayList<>();
      List<SvgCharts.Point> restPoints = new ArrayList<>();
      List<SvgCharts.Point> allPoints = new ArrayList<>();
      for (Split s : splits.values()) {
        addIndex(ei6Points, s.year(), s.ei6().energyIntensity(), b.ei6().energyIntensity(), "EI6");
        addIndex(restPoints, s.year(), s.restIntensity(), b.restIntensity(), "Rest of industry");
        addIndex(allPoints, s.year(), s.all().energyIntensity(), b.all().energyIntensity(), "ALL");
      }
      SvgCharts.line(
          out,
          new SvgCharts.LineChart(
              "chart-ei6-index",
              "Energy intensity, index " + indexYear + " = 100",
              "index, " + indexYear + " = 100",
              "Energy intensity of EI6, the rest of industry and ALL as an index, "
                  + indexYear
                  + " = 100.",
              splits.firstKey(),
              splits.lastKey(),
              false,
              "",
              indexYear,
              "= 100",
              List.of(
                  new SvgCharts.Series(
                      "all", "ALL", "#8a939c", SvgCharts.Style.SECONDARY, allPoints),
                  new SvgCharts.Series(
                      "rest", "Rest of industry", REST_COLOR, SvgCharts.Style.MAIN, restPoints),
                  new SvgCharts.Series(
                      "ei6", "EI6", ENERGY_COLOR, SvgCharts.Style.MAIN, ei6Points))),
          "");
    }
    List<SvgCharts.Point> energyShare = new ArrayList<>();
    List<SvgCharts.Point> valueShare = new ArrayList<>();
    for (Split s : splits.values()) {
      if (s.energyShare() != null) {
        energyShare.add(
            new SvgCharts.Point(
                s.year(),
                s.energyShare(),
                s.year() + ": EI6 share of energy " + share(s.energyShare())));
      }
      if (s.valueShare() != null) {
        valueShare.add(
            new SvgCharts.Point(
                s.year(),
                s.valueShare(),
                s.year() + ": EI6 share of added value " + share(s.valueShare())));
      }
    }
    SvgCharts.line(
        out,
        new SvgCharts.LineChart(
            "chart-ei6-share",
            "EI6 share of all industry, percent",
            "percent of ALL",
            "The share of EI6 in the energy use and in the added value of all industry above"
                + " designated size.",
            splits.firstKey(),
            splits.lastKey(),
            true,
            "%",
            null,
            null,
            List.of(
                new SvgCharts.Series(
                    "ei6-energy-share",
                    "Share of energy",
                    ENERGY_COLOR,
                    SvgCharts.Style.MAIN,
                    energyShare),
                new SvgCharts.Series(
                    "ei6-value-share",
                    "Share of added value",
                    "#6d7d2b",
                    SvgCharts.Style.MAIN,
                    valueShare))),
        "");
    out.append("</div>\n");

    out.append("<div class=\"tablewrap\"><table>\n<thead>")
        .append("<tr class=\"over\"><th></th><th colspan=\"3\">EI6</th>")
        .append(
            "<th colspan=\"3\">Rest of industry</th><th colspan=\"2\">EI6 share</th></tr>\n<tr>")
        .append("<th class=\"l\" scope=\"col\">Year</th>")
        .append(
            "<th scope=\"col\">Energy intensity<br><span class=\"u\">tce / 10,000 yuan</span></th>")
        .append("<th scope=\"col\">YoY<br><span class=\"u\">all firms</span></th>")
        .append("<th scope=\"col\">YoY<br><span class=\"u\">same sample</span></th>")
        .append(
            "<th scope=\"col\">Energy intensity<br><span class=\"u\">tce / 10,000 yuan</span></th>")
        .append("<th scope=\"col\">YoY<br><span class=\"u\">all firms</span></th>")
        .append("<th scope=\"col\">YoY<br><span class=\"u\">same sample</span></th>")
        .append("<th scope=\"col\">of energy</th>")
        .append("<th scope=\"col\">of added value</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (Split s : splits.values()) {
      Split prev = splits.get(s.year() - 1);
      Double restYoy =
          prev == null ? null : Ratios.changePct(s.restIntensity(), prev.restIntensity());
      out.append("<tr><th class=\"l\" scope=\"row\">").append(s.year()).append("</th>");
      out.append(td(intensityCell(s.ei6().energyIntensity())));
      out.append(td(yoyCell(IndustryCatalog.EI6, s.year(), s.ei6().energyYoyPct())));
      out.append(td(sameSampleCell(s.ei6(), s.ei6().energyYoySameSamplePct())));
      out.append(td(intensityCell(s.restIntensity())));
      out.append(
          td(
              restYoy != null
                  ? percent(restYoy)
                  : prev == null
                      ? dash("empty: no ALL and EI6 rows for " + (s.year() - 1))
                      : dash("empty: an intensity of the rest is empty")));
      out.append(
          td(
              s.restSameSamplePct() != null
                  ? percent(s.restSameSamplePct())
                  : dash("empty: no same-sample firms outside EI6, or no added value")));
      out.append(
          td(s.energyShare() == null ? dash("empty: no energy in ALL") : share(s.energyShare())));
      out.append(
          td(
              s.valueShare() == null
                  ? dash("empty: no added value in ALL")
                  : share(s.valueShare())));
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table></div>\n</section>\n");
  }

  private static boolean indexable(Split s) {
    return s.ei6().energyIntensity() != null
        && s.ei6().energyIntensity() > 0
        && s.restIntensity() != null
        && s.restIntensity() > 0
        && s.all().energyIntensity() != null
        && s.all().energyIntensity() > 0;
  }

  private static void addIndex(
      List<SvgCharts.Point> points, int year, Double value, Double base, String name) {
    if (value == null || base == null || !(base > 0)) {
      return;
    }
    double v = 100 * value / base;
    points.add(
        new SvgCharts.Point(
            year,
            v,
            year
                + ": "
                + name
                + " "
                + fixed("%.1f", v)
                + " ("
                + intensity(value)
                + " "
                + ENERGY_UNIT
                + ")"));
  }

  private static Double positive(Double ratio, double denominator) {
    return denominator > 0 ? ratio : null;
  }

  private static Double pct(Double fraction) {
    return fraction == null ? null : 100 * fraction;
  }

  // ---- 5. Decomposition ----

  private void decomposition() {
    out.append("<section id=\"decomposition\">\n")
        .append("<h2>Structure or efficiency: decomposition of the energy intensity change</h2>\n");
    List<DecompositionRow> rows = analytics.decompositions();
    if (rows.isEmpty()) {
      out.append(
          "<p>No decomposition: it needs division rows for at least two consecutive years.</p>\n");
      leftOut();
      out.append("</section>\n");
      return;
    }
    out.append(
        "<p>The change of the ALL energy intensity is split over the divisions (LMDI-I) into a"
            + " <strong>structure effect</strong>, added value shifting between divisions of"
            + " different intensity, and an <strong>intensity effect</strong>, energy per added"
            + " value changing within the divisions. Multiplicative: I<sub>T</sub> /"
            + " I<sub>0</sub> = D<sub>str</sub> \u00d7 D<sub>int</sub>; additive: \u0394I ="
            + " \u0394I<sub>str</sub> + \u0394I<sub>int</sub>, in tce per 10,000 yuan."
            + " Highlighted rows are chained over several years (factors multiplied, changes"
            + " added): the plan periods, the base year to the latest year, and the whole"
            + " span.</p>\n");
    List<DecompositionRow> current =
        rows.stream().filter(r -> Lmdi.CURRENT_PRICES.equals(r.prices())).toList();
    List<DecompositionRow> constant =
        rows.stream().filter(r -> Lmdi.CONSTANT_PRICES.equals(r.prices())).toList();

    List<SvgCharts.Group> groups = new ArrayList<>();
    for (DecompositionRow r : current) {
      if (r.toYear() - r.fromYear() != 1) {
        continue;
      }
      groups.add(
          new SvgCharts.Group(
              Integer.toString(r.toYear()),
              java.util.Arrays.asList(r.structureChange(), r.intensityChange()),
              r.totalChange(),
              r.fromYear()
                  + "\u2192"
                  + r.toYear()
                  + ": total "
                  + signedOrNa(r.totalChange())
                  + " = structure "
                  + signedOrNa(r.structureChange())
                  + " + intensity "
                  + signedOrNa(r.intensityChange())
                  + " "
                  + ENERGY_UNIT
                  + "; D_str "
                  + ratioOrNa(r.structureRatio())
                  + ", D_int "
                  + ratioOrNa(r.intensityRatio())));
    }
    if (!groups.isEmpty()) {
      SvgCharts.vbars(
          out,
          new SvgCharts.VBarChart(
              "chart-decomposition",
              "Yearly change of the ALL energy intensity by effect, current prices",
              ENERGY_UNIT,
              "For each year, the structure effect and the intensity effect of the change of"
                  + " the ALL energy intensity from the year before, and their total.",
              List.of("Structure effect \u0394I_str", "Intensity effect \u0394I_int"),
              List.of(STRUCTURE_COLOR, INTENSITY_COLOR),
              "Total change \u0394I",
              groups));
    }
    decompositionTable("At current prices", "dec-current", current);
    if (!constant.isEmpty()) {
      decompositionTable(
          "At constant prices (illustrative deflators, see the method notes)",
          "dec-constant",
          constant);
    }
    leftOut();
    contributions();
    out.append("</section>\n");
  }

  private void leftOut() {
    SortedMap<Integer, String> left = analytics.constantPriceYearsLeftOut();
    if (left == null || left.isEmpty()) {
      return;
    }
    boolean none =
        analytics.decompositions().stream().noneMatch(r -> Lmdi.CONSTANT_PRICES.equals(r.prices()));
    out.append("<p id=\"constant-missing\">")
        .append(
            none
                ? "There is no constant-price decomposition"
                : "Constant-price figures are missing for some years")
        .append(
            ": added value can be deflated only where <code>conf/deflators.csv</code> has a"
                + " price index for every division of the year. Years left out:</p>\n<ul>\n");
    for (Map.Entry<Integer, String> e : left.entrySet()) {
      out.append("<li>")
          .append(e.getKey())
          .append(": ")
          .append(escape(e.getValue()))
          .append("</li>\n");
    }
    out.append("</ul>\n");
  }

  private void decompositionTable(String title, String id, List<DecompositionRow> rows) {
    out.append("<h3 id=\"").append(id).append("\">").append(escape(title)).append("</h3>\n");
    out.append("<div class=\"tablewrap\"><table class=\"decomp\">\n<thead><tr>")
        .append("<th class=\"l\" scope=\"col\">Period</th>")
        .append("<th scope=\"col\">I<sub>0</sub><br><span class=\"u\">from</span></th>")
        .append("<th scope=\"col\">I<sub>T</sub><br><span class=\"u\">to</span></th>")
        .append("<th scope=\"col\">I<sub>T</sub> / I<sub>0</sub></th>")
        .append("<th scope=\"col\">D<sub>str</sub><br><span class=\"u\">structure</span></th>")
        .append("<th scope=\"col\">D<sub>int</sub><br><span class=\"u\">intensity</span></th>")
        .append("<th scope=\"col\">\u0394I<br><span class=\"u\">total</span></th>")
        .append(
            "<th scope=\"col\">\u0394I<sub>str</sub><br><span class=\"u\">structure</span></th>")
        .append(
            "<th scope=\"col\">\u0394I<sub>int</sub><br><span class=\"u\">intensity</span></th>")
        .append("</tr></thead>\n<tbody>\n");
    for (DecompositionRow r : rows) {
      boolean chained = r.toYear() - r.fromYear() > 1;
      out.append(chained ? "<tr class=\"chained\">" : "<tr>");
      out.append("<th class=\"l\" scope=\"row\">")
          .append(r.fromYear())
          .append("\u2192")
          .append(r.toYear());
      if (chained) {
        out.append("<span class=\"tag\">").append(escape(spanName(r))).append("</span>");
      }
      out.append("</th>");
      out.append(td(intensityCell(r.intensityFrom())));
      out.append(td(intensityCell(r.intensityTo())));
      out.append(td(ratioCell(r.totalRatio())));
      out.append(td(ratioCell(r.structureRatio())));
      out.append(td(ratioCell(r.intensityRatio())));
      out.append(td(changeCell(r.totalChange())));
      out.append(td(changeCell(r.structureChange())));
      out.append(td(changeCell(r.intensityChange())));
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table></div>\n");
  }

  private String spanName(DecompositionRow r) {
    for (Lmdi.Span s : Lmdi.PLAN_PERIODS) {
      if (s.fromYear() == r.fromYear() && s.toYear() == r.toYear()) {
        return s.name();
      }
    }
    if (r.fromYear() == settings.baseYear()) {
      return "chained: base year to latest";
    }
    return "chained: whole span";
  }

  private void contributions() {
    DecompositionRow latest = null;
    for (DecompositionRow r : analytics.decompositions()) {
      if (Lmdi.CURRENT_PRICES.equals(r.prices())
          && r.toYear() - r.fromYear() == 1
          && (latest == null || r.toYear() > latest.toYear())) {
        latest = r;
      }
    }
    if (latest == null) {
      return;
    }
    final DecompositionRow row = latest;
    List<ContributionRow> terms =
        new ArrayList<>(
            analytics.contributions().stream()
                .filter(
                    c ->
                        Lmdi.CURRENT_PRICES.equals(c.prices())
                            && c.fromYear() == row.fromYear()
                            && c.toYear() == row.toYear())
                .toList());
    out.append("<h3 id=\"contributions\">Divisions contributing most, ")
        .append(row.fromYear())
        .append("\u2192")
        .append(row.toYear())
        .append(" (current prices)</h3>\n");
    if (terms.isEmpty()) {
      out.append("<p class=\"meta\">No per-division terms for this period.</p>\n");
      return;
    }
    terms.sort(
        Comparator.comparingDouble((ContributionRow c) -> -Math.abs(contributionSum(c)))
            .thenComparing(ContributionRow::division));
    int shown = Math.min(10, terms.size());
    out.append("<p>The ")
        .append(shown == terms.size() ? "" : shown + " of " + terms.size() + " ")
        .append("divisions with the largest terms (either sign), in tce per 10,000 yuan of ALL")
        .append(" added value; the sums over all divisions are the decomposition's")
        .append(" \u0394I<sub>str</sub> and \u0394I<sub>int</sub>.</p>\n");
    out.append("<div class=\"tablewrap\"><table>\n<thead><tr>")
        .append("<th class=\"l\" scope=\"col\">Code</th>")
        .append("<th class=\"l\" scope=\"col\">Division</th>")
        .append("<th scope=\"col\">Structure term</th>")
        .append("<th scope=\"col\">Intensity term</th>")
        .append("<th scope=\"col\">Sum</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < shown; i++) {
      ContributionRow c = terms.get(i);
      out.append("<tr><td class=\"l\"><code>")
          .append(escape(c.division()))
          .append("</code></td><td class=\"l\">")
          .append(escape(c.industryName() == null ? c.division() : c.industryName()));
      if (settings.energyIntensiveDivisions().contains(c.division())) {
        out.append("<span class=\"tag\">EI6</span>");
      }
      out.append("</td>");
      out.append(td(changeCell(c.structureChange())));
      out.append(td(changeCell(c.intensityChange())));
      out.append(td(changeCell(contributionSum(c))));
      out.append("</tr>\n");
    }
    out.append("<tr class=\"total\"><td class=\"l\"></td><td class=\"l\">All ")
        .append(terms.size())
        .append(" divisions</td>");
    out.append(td(changeCell(row.structureChange())));
    out.append(td(changeCell(row.intensityChange())));
    out.append(td(changeCell(row.totalChange())));
    out.append("</tr>\n</tbody>\n</table></div>\n");
  }

  private static double contributionSum(ContributionRow c) {
    return (c.structureChange() == null ? 0 : c.structureChange())
        + (c.intensityChange() == null ? 0 : c.intensityChange());
  }

  // ---- 6. Provinces ----

  private void provinceSection() {
    out.append("<section id=\"provinces\">\n");
    OptionalInt latest = index.latestYear();
    List<ProvinceRow> rows = new ArrayList<>();
    if (latest.isPresent()) {
      for (ProvinceRow p : provinces) {
        if (p != null
            && p.row() != null
            && p.row().level() == GroupLevel.ALL
            && p.row().year() == latest.getAsInt()) {
          rows.add(p);
        }
      }
    }
    if (rows.isEmpty()) {
      out.append("<h2>Provinces</h2>\n<p>No province figures")
          .append(latest.isPresent() ? " for " + latest.getAsInt() : "")
          .append(" in this report.</p>\n</section>\n");
      return;
    }
    int year = latest.getAsInt();
    rows.sort(
        Comparator.comparing((ProvinceRow p) -> p.row().energyIntensity() == null)
            .thenComparing(
                p -> p.row().energyIntensity() == null ? 0.0 : -p.row().energyIntensity())
            .thenComparing(p -> p.provinceCode() == null ? "" : p.provinceCode()));
    double max = 0;
    for (ProvinceRow p : rows) {
      if (p.row().energyIntensity() != null) {
        max = Math.max(max, p.row().energyIntensity());
      }
    }
    out.append("<h2>Provinces, ").append(year).append("</h2>\n");
    out.append("<p>All industry above designated size in each province, ranked by energy")
        .append(" intensity, highest first. A province's figures are the sums over the firms")
        .append(" whose <code>province_code</code> is that province. Full tables:")
        .append(" <code>tables/province_year</code> and")
        .append(" <code>tables/province_division_year</code>.</p>\n");
    out.append("<div class=\"tablewrap\"><table class=\"rank\">\n<thead><tr>")
        .append("<th scope=\"col\">#</th>")
        .append("<th class=\"l\" scope=\"col\">Code</th>")
        .append("<th class=\"l\" scope=\"col\">Province</th>")
        .append("<th scope=\"col\">Firms</th>")
        .append(
            "<th class=\"l\" scope=\"col\">Energy intensity<br><span class=\"u\">tce / 10,000 yuan</span></th>")
        .append("<th scope=\"col\">YoY<br><span class=\"u\">all firms</span></th>")
        .append("<th scope=\"col\">YoY<br><span class=\"u\">same sample</span></th>")
        .append(
            "<th scope=\"col\">Water intensity<br><span class=\"u\">m\u00b3 / 10,000 yuan</span></th>")
        .append("<th scope=\"col\">YoY<br><span class=\"u\">all firms</span></th>")
        .append("<th scope=\"col\">YoY<br><span class=\"u\">same sample</span></th>")
        .append("</tr></thead>\n<tbody>\n");
    int rank = 0;
    for (ProvinceRow p : rows) {
      IndustryYear r = p.row();
      Double ei = r.energyIntensity();
      out.append("<tr data-province=\"").append(escape(p.provinceCode())).append("\">");
      out.append(td(ei == null ? "" : Integer.toString(++rank)));
      out.append("<td class=\"l\"><code>").append(escape(p.provinceCode())).append("</code></td>");
      out.append("<td class=\"l\">")
          .append(escape(p.provinceName() == null ? p.provinceCode() : p.provinceName()))
          .append("</td>");
      out.append(td(count(r.totals().firms())));
      out.append("<td class=\"n l\">")
          .append(intensityCell(ei))
          .append(ei == null || !(max > 0) ? "" : SvgCharts.mini(ei / max, ENERGY_COLOR))
          .append("</td>");
      out.append(td(yoyCellWith(r.energyYoyPct(), r.year())));
      out.append(td(sameSampleCell(r, r.energyYoySameSamplePct())));
      out.append(td(intensityCell(r.waterIntensity())));
      out.append(td(yoyCellWith(r.waterYoyPct(), r.year())));
      out.append(td(sameSampleCell(r, r.waterYoySameSamplePct())));
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table></div>\n</section>\n");
  }

  // ---- 7. Data quality ----

  private void quality() {
    RowAccounting a = model.accounting();
    out.append("<section id=\"quality\">\n<h2>Data quality</h2>\n");
    if (a == null) {
      out.append("<p>No row accounting is available.</p>\n</section>\n");
      return;
    }
    out.append("<h3 id=\"accounting\">Row accounting</h3>\n");
    out.append("<p>Every row read has exactly one fate. Quarantined rows are kept, with their")
        .append(" reason, under <code>quarantine/</code>.</p>\n");
    out.append("<table class=\"acct\">\n<tbody>\n");
    acctRow("Input files", a.inputFiles(), "");
    acctRow("Rows read", a.rowsRead(), "");
    acctRow(
        "Quarantined (invalid rows)",
        a.rowsQuarantined(),
        fixed("%.2f", a.quarantinedShare() * 100) + "% of rows read");
    reasons(a.quarantineByReason(), a.rowsQuarantined());
    acctRow("Duplicates collapsed (extra copies of identical rows)", a.duplicatesCollapsed(), "");
    acctRow("Out of scope", a.rowsOutOfScope(), "");
    reasons(a.outOfScopeByReason(), a.rowsOutOfScope());
    acctRow(
        "Below the size threshold",
        a.rowsBelowThreshold(),
        "in scope, but not " + escape(settings.thresholdRule()));
    acctRow("Aggregated into the tables", a.rowsAggregated(), "");
    out.append("</tbody>\n</table>\n");

    long parts =
        a.rowsQuarantined()
            + a.duplicatesCollapsed()
            + a.rowsOutOfScope()
            + a.rowsBelowThreshold()
            + a.rowsAggregated();
    out.append(a.balances() ? "<p class=\"ok\">" : "<p class=\"warn\">");
    out.append("Rows read (")
        .append(count(a.rowsRead()))
        .append(") = quarantined (")
        .append(count(a.rowsQuarantined()))
        .append(") + duplicates collapsed (")
        .append(count(a.duplicatesCollapsed()))
        .append(") + out of scope (")
        .append(count(a.rowsOutOfScope()))
        .append(") + below threshold (")
        .append(count(a.rowsBelowThreshold()))
        .append(") + aggregated (")
        .append(count(a.rowsAggregated()))
        .append("): ");
    if (a.balances()) {
      out.append("the identity holds.</p>\n");
    } else {
      out.append("the identity does NOT hold; the parts add up to ")
          .append(count(parts))
          .append(".</p>\n");
    }
    out.append("<p>Quarantined share ")
        .append(fixed("%.2f", a.quarantinedShare() * 100))
        .append("%; the run stops above ")
        .append(fixed("%.2f", settings.maxQuarantinedShare() * 100))
        .append("% (<code>")
        .append(escape(Setting.MAX_QUARANTINED_SHARE.key()))
        .append("</code>).</p>\n");

    out.append("<h3 id=\"quarantine\">Quarantine reasons</h3>\n");
    SortedMap<String, Long> byReason = a.quarantineByReason();
    if (byReason == null || byReason.isEmpty()) {
      out.append("<p>No row was quarantined.</p>\n");
      plausibility();
      out.append("</section>\n");
      return;
    }
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(byReason.entrySet());
    sorted.sort(
        Comparator.comparingLong(
                (Map.Entry<String, Long> e) -> -(e.getValue() == null ? 0 : e.getValue()))
            .thenComparing(Map.Entry::getKey));
    long most = sorted.get(0).getValue() == null ? 0 : sorted.get(0).getValue();
    out.append("<p>A row gets the first reason that applies. Most frequent first.</p>\n")
        .append("<div class=\"tablewrap\"><table class=\"reasons\">\n<thead><tr>")
        .append("<th class=\"l\" scope=\"col\">Reason</th>")
        .append("<th class=\"l\" scope=\"col\">Rows</th>")
        .append("<th scope=\"col\">Share of quarantined</th>")
        .append("<th scope=\"col\">Share of rows read</th>")
        .append("<th class=\"l\" scope=\"col\">Meaning</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (Map.Entry<String, Long> e : sorted) {
      long n = e.getValue() == null ? 0 : e.getValue();
      out.append("<tr><td class=\"l\"><code>")
          .append(escape(e.getKey()))
          .append("</code></td><td class=\"n l\">")
          .append(count(n))
          .append(most > 0 ? SvgCharts.mini((double) n / most, "#8a939c") : "")
          .append("</td>");
      out.append(
          td(a.rowsQuarantined() == 0 ? dash("none") : share(100.0 * n / a.rowsQuarantined())));
      out.append(
          td(a.rowsRead() == 0 ? dash("none") : fixed("%.2f", 100.0 * n / a.rowsRead()) + "%"));
      out.append("<td class=\"l\">").append(escape(reasonMeaning(e.getKey()))).append("</td>");
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table></div>\n");
    plausibility();
    out.append("</section>\n");
  }

  /** How many top flagged firm-years the report lists; the rest are in tables/flags.csv. */
  static final int TOP_FLAGS = 20;

  /**
   * A flagged intensity, four significant digits: flagged values lie decades apart, so fixed
   * decimals would show 0.0000 for some.
   */
  private static String flagValue(double v) {
    return fixed("%.4g", v);
  }

  /** A setting's number as written, without trailing zeros: 0.5, 10. */
  private static String plainNumber(double v) {
    return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  /** Plausibility flags: the mode, counts by reason, the firm-years furthest from plausible. */
  private void plausibility() {
    FlagSummary flags = model.flags() == null ? FlagSummary.none() : model.flags();
    JobSettings.Flags rules = settings.flags();
    boolean quarantine = flags.mode() == JobSettings.FlagMode.QUARANTINE;
    out.append("<h3 id=\"flags\">Plausibility flags</h3>\n");
    out.append("<p>A firm-year in the tables is flagged when its energy or water intensity is")
        .append(" within ")
        .append(plainNumber(rules.unitFactorTolerance()))
        .append(" decades of 1,000 or 10,000 times (or 1/1,000, 1/10,000 of) its division-year")
        .append(
            " median (a likely unit error: kgce for tce, yuan for 10,000 yuan), or is at least ")
        .append(plainNumber(rules.jumpFactor()))
        .append(" times higher or lower than the firm's own previous year. Medians need ")
        .append(count(rules.minDivisionFirms()))
        .append(" firms or more. Flags are not corrected. Mode <code>")
        .append(escape(quarantine ? "quarantine" : "flag"))
        .append("</code> (<code>")
        .append(escape(Setting.FLAGS_MODE.key()))
        .append("</code>): ")
        .append(
            quarantine
                ? "flagged rows are quarantined with the flag as reason (counted above) and left"
                    + " out of the tables and of the same-sample pairs."
                : "flagged rows are listed here and in <code>tables/flags.csv</code> and still"
                    + " aggregated.")
        .append("</p>\n");
    if (flags.flags().isEmpty()) {
      out.append("<p>No firm-year was flagged.</p>\n");
      return;
    }
    out.append("<p>")
        .append(count(flags.flags().size()))
        .append(" flags on ")
        .append(count(flags.firmYears()))
        .append(" firm-years (a firm-year has at most one flag per indicator, a unit flag before a")
        .append(" jump). All are in <code>tables/flags.csv</code>.</p>\n");
    out.append("<div class=\"tablewrap\"><table class=\"reasons\">\n<thead><tr>")
        .append("<th class=\"l\" scope=\"col\">Flag</th>")
        .append("<th class=\"l\" scope=\"col\">Firm-years</th>")
        .append("<th class=\"l\" scope=\"col\">Meaning</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (Map.Entry<String, Long> e : flags.byReason().entrySet()) {
      String meaning = FlagReason.meaning(e.getKey());
      out.append("<tr><td class=\"l\"><code>")
          .append(escape(e.getKey()))
          .append("</code></td><td class=\"n l\">")
          .append(count(e.getValue()))
          .append("</td><td class=\"l\">")
          .append(escape(meaning == null ? "" : meaning))
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table></div>\n");
    List<Flag> top = flags.top(TOP_FLAGS);
    out.append("<p>The ")
        .append(count(top.size()))
        .append(" flags furthest from plausible (largest factor to the median or the year")
        .append(" before):</p>\n");
    out.append("<div class=\"tablewrap\"><table class=\"flags\">\n<thead><tr>")
        .append("<th class=\"l\" scope=\"col\">Firm</th>")
        .append("<th scope=\"col\">Year</th>")
        .append("<th class=\"l\" scope=\"col\">Division</th>")
        .append("<th class=\"l\" scope=\"col\">Flag</th>")
        .append("<th scope=\"col\">Intensity</th>")
        .append("<th scope=\"col\">Division median</th>")
        .append("<th scope=\"col\">Previous year</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (Flag f : top) {
      out.append("<tr><td class=\"l\"><code>")
          .append(escape(f.firmId()))
          .append("</code></td><td>")
          .append(f.year())
          .append("</td><td class=\"l\"><code>")
          .append(escape(f.division()))
          .append("</code></td><td class=\"l\"><code>")
          .append(escape(f.reason()))
          .append("</code></td>");
      out.append(td(flagValue(f.intensity())));
      out.append(
          td(f.divisionMedian() == null ? dash("too few firms") : flagValue(f.divisionMedian())));
      out.append(
          td(
              f.priorIntensity() == null
                  ? dash("no previous year")
                  : flagValue(f.priorIntensity())));
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table></div>\n");
  }

  /** What a quarantine or out-of-scope reason code means, in plain words. */
  static String reasonMeaning(String reason) {
    if (reason == null) {
      return "";
    }
    if (reason.startsWith("missing_")) {
      return "required column " + reason.substring(8) + " is null (or blank text)";
    }
    if (reason.startsWith("not_finite_")) {
      return reason.substring(11) + " is NaN or infinite";
    }
    if (reason.startsWith("negative_")) {
      return reason.substring(9) + " is below zero";
    }
    return switch (reason) {
      case "malformed_industry_code" -> "industry_code is not 2 to 4 ASCII digits";
      case "unknown_industry_code" -> "the first two digits are not a GB/T 4754-2017 division";
      case "unknown_province_code" -> "province_code is not a GB/T 2260 province";
      case "conflicting_duplicate" ->
          "another row has the same firm_id and year but different values";
      default -> {
        // In quarantine mode, plausibility flags are quarantine reasons too.
        String flag = FlagReason.meaning(reason);
        yield flag == null ? "" : flag;
      }
    };
  }

  private void acctRow(String label, long value, String noteHtml) {
    out.append("<tr><th scope=\"row\">")
        .append(label)
        .append("</th><td class=\"n\">")
        .append(count(value))
        .append("</td><td class=\"meta\">")
        .append(noteHtml)
        .append("</td></tr>\n");
  }

  private void reasons(SortedMap<String, Long> byReason, long total) {
    if (byReason == null || byReason.isEmpty()) {
      return;
    }
    long listed = 0;
    for (Map.Entry<String, Long> e : byReason.entrySet()) {
      long n = e.getValue() == null ? 0 : e.getValue();
      listed += n;
      out.append("<tr class=\"sub\"><td>reason <code>")
          .append(escape(e.getKey()))
          .append("</code></td><td class=\"n\">")
          .append(count(n))
          .append("</td><td></td></tr>\n");
    }
    if (listed != total) {
      out.append("<tr class=\"sub\"><td colspan=\"3\" class=\"warn\">The reasons add up to ")
          .append(count(listed))
          .append(", not ")
          .append(count(total))
          .append(".</td></tr>\n");
    }
  }

  // ---- 8. Method notes ----

  private void notes() {
    out.append("<section id=\"notes\">\n<h2>Method notes</h2>\n<ul class=\"notes\">\n");
    out.append("<li><strong>Scope.</strong> Firms in GB/T 4754-2017 divisions ")
        .append(escape(HtmlReport.ranges(settings.scopeDivisions())))
        .append(
            " (by default sections B mining, C manufacturing and D electricity, heat, gas and"
                + " water). Rows of other divisions are out of scope: not counted, not errors.");
    out.append(" Years kept: ")
        .append(
            settings.years().isPresent()
                ? escape(settings.years().get().toString())
                : "every year in the input")
        .append(".</li>\n");
    out.append("<li><strong>Above designated size.</strong> A firm-year is counted when <code>")
        .append(escape(settings.thresholdRule()))
        .append("</code> (NBS rule since 2011: 20 million yuan and above). Membership is decided")
        .append(" every year, so the set of firms changes from year to year.</li>\n");
    out.append("<li><strong>EI6.</strong> The six energy-intensive industries are divisions ")
        .append(escape(String.join(", ", settings.energyIntensiveDivisions())))
        .append(". \u201cThe rest\u201d is ALL minus EI6 (differences of the sums).</li>\n");
    out.append("<li><strong>Intensity is a ratio of sums</strong>, never an average of firm")
        .append(" ratios: energy intensity = \u03a3 <code>")
        .append(Columns.ENERGY_TCE)
        .append("</code> / (\u03a3 <code>")
        .append(Columns.ADDED_VALUE_YUAN)
        .append("</code> / 10,000), in tce per 10,000 yuan; water intensity = \u03a3 <code>")
        .append(Columns.WATER_M3)
        .append("</code> / (\u03a3 <code>")
        .append(Columns.ADDED_VALUE_YUAN)
        .append("</code> / 10,000), in m\u00b3 per 10,000 yuan. Added value is at current")
        .append(" prices as reported.</li>\n");
    out.append("<li><strong>Year on year (YoY), all firms</strong> = (I<sub>y</sub> /")
        .append(" I<sub>y\u22121</sub> \u2212 1) \u00d7 100, in percent; empty when year y\u22121")
        .append(" has no data for that group. Each year counts the firms above size in that")
        .append(" year, so firms entering and leaving the population move it.</li>\n");
    out.append("<li><strong>YoY, same sample</strong> (the NBS \u201csame-caliber\u201d basis):")
        .append(" the same ratio computed over the firms that are above size in year y and have")
        .append(" a valid record in year y\u22121, with both years\u2019 values of those same")
        .append(" firms. Empty when no such firm exists. Here at current prices; the official")
        .append(" rate divides by real (constant-price) growth of added value.</li>\n");
    out.append("<li><strong>Change since the base year</strong> ")
        .append(settings.baseYear())
        .append(" = (I<sub>latest</sub> / I<sub>")
        .append(settings.baseYear())
        .append("</sub> \u2212 1) \u00d7 100, a ratio of the two levels; empty when the base")
        .append(" year has no data.</li>\n");
    out.append("<li><strong>Target progress.</strong> Cumulative change since the target\u2019s")
        .append(" base year = \u03a0 (1 + r<sub>y</sub>/100) \u2212 1 over the year-on-year")
        .append(" rates (")
        .append(escape(Analytics.TARGET_SERIES))
        .append("), empty unless every year has a rate; share of target = cumulative / target;")
        .append(" required yearly change = ((1 + target) / (1 + cumulative))<sup>1/years")
        .append(" left</sup> \u2212 1; on track when the cumulative change is at least as good")
        .append(" as the straight geometric path (1 + target)<sup>(y \u2212 base) / (target")
        .append(" year \u2212 base)</sup> \u2212 1, which is also the dashed path drawn in the")
        .append(" trend charts. The same at <strong>comparable prices</strong> (the NBS basis)")
        .append(" on the ")
        .append(escape(Analytics.COMPARABLE_TARGET_SERIES))
        .append(": r<sub>y</sub> = (\u03a3E<sub>y</sub> / \u03a3Y<sup>c</sup><sub>y</sub>) /")
        .append(
            " (\u03a3E\u2032<sub>y\u22121</sub> / \u03a3Y\u2032<sup>c</sup><sub>y\u22121</sub>)")
        .append(" \u2212 1 over the same firms, Y<sup>c</sup> = Y / (P(d, y) / P(d, base)) per")
        .append(" division; empty, with the division and year named, where a price index is")
        .append(" missing.</li>\n");
    out.append("<li><strong>LMDI-I decomposition</strong> of I = \u03a3 S<sub>i</sub>")
        .append(" I<sub>i</sub> (S<sub>i</sub> division share of added value, I<sub>i</sub>")
        .append(" division intensity, V<sub>i</sub> = E<sub>i</sub> / Y). Weights:")
        .append(" L(V<sub>i</sub><sup>T</sup>, V<sub>i</sub><sup>0</sup>) with the logarithmic")
        .append(" mean L(a, b) = (a \u2212 b) / (ln a \u2212 ln b). Structure:")
        .append(" \u0394I<sub>str</sub> = \u03a3 L \u00b7 ln(S<sub>i</sub><sup>T</sup> /")
        .append(" S<sub>i</sub><sup>0</sup>) and D<sub>str</sub> = exp(\u03a3 L \u00b7")
        .append(" ln(S<sub>i</sub><sup>T</sup> / S<sub>i</sub><sup>0</sup>) / L(I<sup>T</sup>,")
        .append(" I<sup>0</sup>)). Intensity: the same with I<sub>i</sub> in place of")
        .append(" S<sub>i</sub>. Zeros by the analytical limits of Ang &amp; Liu (2007). Chained")
        .append(" rows multiply the yearly factors and add the yearly changes.</li>\n");
    out.append("<li><strong>Current and constant prices.</strong> Everything is at current")
        .append(" prices except the constant-price decomposition, which deflates each")
        .append(" division\u2019s added value with the price indices of")
        .append(" <code>conf/deflators.csv</code>. <strong>The shipped deflators are")
        .append(" ILLUSTRATIVE</strong>, invented for demonstration, not NBS data: replace them")
        .append(" with official indices before publishing constant-price figures.</li>\n");
    out.append("<li><strong>Which figures are what.</strong> <em>Official</em>: the published")
        .append(" national figures of <code>conf/published.csv</code>, each with its source")
        .append(" (listed below); they cover all industry (water) or above-size industry")
        .append(" (energy) nationally, at comparable prices for the rates. <em>Derived</em>:")
        .append(" every other number on this page, computed from the input. <em>Illustrative")
        .append("</em>: the constant-price figures, as long as the deflators are the shipped")
        .append(" ones.</li>\n");
    out.append("<li><strong>Empty cells</strong> show ")
        .append(DASH)
        .append(
            ": a ratio whose denominator is zero or absent (no added value, or no data for the"
                + " year compared with) is empty, never infinite or NaN. Hover over a dash to"
                + " see why it is empty.</li>\n");
    out.append("</ul>\n");

    publishedTable();

    out.append("<h3>Effective settings</h3>\n<div class=\"tablewrap\"><table>\n")
        .append("<thead><tr><th class=\"l\" scope=\"col\">Setting</th>")
        .append("<th class=\"l\" scope=\"col\">Value</th>")
        .append("<th class=\"l\" scope=\"col\">From</th></tr></thead>\n<tbody>\n");
    for (Map.Entry<String, JobSettings.SettingValue> e : settings.asEntries()) {
      JobSettings.SettingValue v = e.getValue();
      out.append("<tr><td class=\"l\"><code>")
          .append(escape(e.getKey()))
          .append("</code></td><td class=\"l\">")
          .append(
              v == null || v.value() == null || v.value().isEmpty()
                  ? "<span class=\"meta\">(empty)</span>"
                  : "<code>" + escape(v.value()) + "</code>")
          .append("</td><td class=\"l\">")
          .append(v == null || v.source() == null ? "" : sourceName(v.source()))
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table></div>\n</section>\n");
  }

  private void publishedTable() {
    out.append("<h3 id=\"published\">Official figures for comparison</h3>\n");
    if (published.isEmpty()) {
      out.append("<p class=\"meta\">No published figures were given to this report.</p>\n");
      return;
    }
    out.append("<p>From <code>conf/published.csv</code>: verified figures only, each with the")
        .append(" document or page it was checked against. A change over a period is measured")
        .append(" from the year before its first year.</p>\n")
        .append("<div class=\"tablewrap\"><table class=\"published\">\n<thead><tr>")
        .append("<th class=\"l\" scope=\"col\">Indicator</th>")
        .append("<th class=\"l\" scope=\"col\">Period</th>")
        .append("<th class=\"l\" scope=\"col\">Kind</th>")
        .append("<th scope=\"col\">Value</th>")
        .append("<th class=\"l\" scope=\"col\">Note</th>")
        .append("<th class=\"l\" scope=\"col\">Source</th>")
        .append("</tr></thead>\n");
    // One group per indicator, in the order of first appearance; figures in file order.
    Map<String, List<Figure>> byIndicator = new LinkedHashMap<>();
    for (Figure f : published) {
      byIndicator.computeIfAbsent(f.indicator(), k -> new ArrayList<>()).add(f);
    }
    for (Map.Entry<String, List<Figure>> g : byIndicator.entrySet()) {
      out.append("<tbody class=\"group\">\n");
      boolean first = true;
      for (Figure f : g.getValue()) {
        out.append("<tr>");
        if (first) {
          out.append("<th scope=\"rowgroup\" rowspan=\"")
              .append(g.getValue().size())
              .append("\" title=\"")
              .append(escape(g.getKey()))
              .append("\">")
              .append(escape(publishedLabel(g.getKey())))
              .append("</th>");
          first = false;
        }
        out.append("<td class=\"l n\">")
            .append(escape(f.period()))
            .append("</td><td class=\"l\">")
            .append(kindLabel(f.kind()))
            .append("</td>");
        out.append(td(figureValue(f)));
        out.append("<td class=\"l note\">")
            .append(escape(f.note()))
            .append("</td><td class=\"l src\">")
            .append(escape(f.source()))
            .append("</td></tr>\n");
      }
      out.append("</tbody>\n");
    }
    out.append("</table></div>\n");
  }

  private static String figureValue(Figure f) {
    if ("pct".equals(f.unit())) {
      return publishedPct(f.value());
    }
    return escape(plain(f.value()) + " " + unitLabel(f.unit()));
  }

  /** A published number as published: no trailing zeros, no exponent. */
  static String plain(double v) {
    if (!Double.isFinite(v)) {
      return DASH;
    }
    return java.math.BigDecimal.valueOf(v == 0 ? 0.0 : v).stripTrailingZeros().toPlainString();
  }

  /** A published change in percent, with its sign: {@code -5.6%}, {@code -16%}. */
  static String publishedPct(double v) {
    String s = plain(v);
    return (s.startsWith("-") || s.equals("0") ? s : "+" + s) + "%";
  }

  private static String unitLabel(String unit) {
    return switch (unit == null ? "" : unit) {
      case "m3_per_10k_yuan" -> "m\u00b3 per 10,000 yuan";
      case "tce_per_10k_yuan" -> "tce per 10,000 yuan";
      case "pct" -> "%";
      default -> unit == null ? "" : unit;
    };
  }

  private static String kindLabel(PublishedFigures.Kind kind) {
    return switch (kind) {
      case YOY_PCT -> "year on year";
      case LEVEL -> "level";
      case CUMULATIVE_PCT -> "change over the period";
      case TARGET_PCT -> "target";
    };
  }

  /** A readable name of a {@code conf/published.csv} indicator; unknown ones as given. */
  static String publishedLabel(String indicator) {
    return switch (indicator == null ? "" : indicator) {
      case PUBLISHED_ENERGY -> "Energy per unit of added value, above-size industry";
      case PUBLISHED_WATER -> "Water per 10,000 yuan of industrial added value";
      case "industrial_co2_intensity" -> "CO2 per unit of industrial added value";
      case "gdp_energy_intensity" -> "Energy per unit of GDP";
      case "gdp_co2_intensity" -> "CO2 per unit of GDP";
      case "gdp_water_intensity" -> "Water per 10,000 yuan of GDP";
      default -> indicator == null ? "" : indicator;
    };
  }

  private static String sourceName(JobSettings.Source source) {
    return switch (source) {
      case DEFAULT -> "default";
      case CONF_FILE -> "--conf file";
      case SPARK_PROPERTIES -> "Spark properties";
      case COMMAND_LINE -> "--set";
    };
  }

  // ---- Appendix: tables by group level ----

  private void tables() {
    out.append("<section id=\"tables\">\n<h2>Tables by group</h2>\n");
    out.append(
        "<p>One table per group level; each group shows one row per year. Intensities are"
            + " ratios of the sums in the same row; YoY is the change against the previous"
            + " year of the same group, over all firms counted; s.s. is the same-sample"
            + " change.</p>\n");
    for (GroupLevel level : GroupLevel.values()) {
      out.append("<h3 id=\"level-")
          .append(level.code())
          .append("\">")
          .append(levelTitle(level))
          .append("</h3>\n");
      SortedSet<String> codes = index.codes(level);
      if (codes.isEmpty()) {
        out.append("<p class=\"meta\">No rows at this level.</p>\n");
        continue;
      }
      out.append("<div class=\"tablewrap\"><table>\n<thead><tr>")
          .append("<th class=\"l\" scope=\"col\">Group</th>")
          .append("<th scope=\"col\">Year</th>")
          .append("<th scope=\"col\">Firms</th>")
          .append("<th scope=\"col\">Added value<br><span class=\"u\">10,000 yuan</span></th>")
          .append("<th scope=\"col\">Energy<br><span class=\"u\">tce</span></th>")
          .append("<th scope=\"col\">Water<br><span class=\"u\">m\u00b3</span></th>")
          .append("<th scope=\"col\">Energy intensity<br>")
          .append("<span class=\"u\">tce / 10,000 yuan</span></th>")
          .append("<th scope=\"col\">YoY</th>")
          .append("<th scope=\"col\">YoY<br><span class=\"u\">s.s.</span></th>")
          .append("<th scope=\"col\">Water intensity<br>")
          .append("<span class=\"u\">m\u00b3 / 10,000 yuan</span></th>")
          .append("<th scope=\"col\">YoY</th>")
          .append("<th scope=\"col\">YoY<br><span class=\"u\">s.s.</span></th>")
          .append("</tr></thead>\n");
      for (String code : codes) {
        NavigableMap<Integer, IndustryYear> years = index.years(code);
        out.append("<tbody class=\"group\">\n");
        boolean firstRow = true;
        for (IndustryYear r : years.values()) {
          out.append("<tr>");
          if (firstRow) {
            out.append("<th scope=\"rowgroup\" rowspan=\"")
                .append(years.size())
                .append("\"><code>")
                .append(escape(code))
                .append("</code> ")
                .append(escape(nameOf(r)))
                .append("</th>");
            firstRow = false;
          }
          out.append("<td class=\"n\">").append(r.year()).append("</td>");
          out.append("<td class=\"n\">").append(count(r.totals().firms())).append("</td>");
          out.append("<td class=\"n\">")
              .append(sum(r.totals().addedValueYuan() / 10_000.0))
              .append("</td>");
          out.append("<td class=\"n\">").append(sum(r.totals().energyTce())).append("</td>");
          out.append("<td class=\"n\">").append(sum(r.totals().waterM3())).append("</td>");
          out.append(td(intensityCell(r.energyIntensity())));
          out.append(td(yoyCell(code, r.year(), r.energyYoyPct())));
          out.append(td(sameSampleCell(r, r.energyYoySameSamplePct())));
          out.append(td(intensityCell(r.waterIntensity())));
          out.append(td(yoyCell(code, r.year(), r.waterYoyPct())));
          out.append(td(sameSampleCell(r, r.waterYoySameSamplePct())));
          out.append("</tr>\n");
        }
        out.append("</tbody>\n");
      }
      out.append("</table></div>\n");
    }
    out.append("</section>\n");
  }

  private String levelTitle(GroupLevel level) {
    return switch (level) {
      case ALL -> "All industry above designated size (ALL)";
      case SECTION -> "Sections (B mining, C manufacturing, D electricity, heat, gas and water)";
      case EI6 ->
          "Six energy-intensive industries (EI6: divisions "
              + escape(String.join(", ", settings.energyIntensiveDivisions()))
              + ")";
      case DIVISION -> "Divisions (GB/T 4754-2017)";
    };
  }

  // ---- Cells ----

  private static String td(String html) {
    return "<td class=\"n\">" + html + "</td>";
  }

  private static String nameOf(IndustryYear r) {
    return r.name() == null ? r.code() : r.name();
  }

  private static String intensityCell(Double v) {
    return v == null
        ? dash("empty: added value is zero or absent, so the ratio is undefined")
        : intensity(v);
  }

  private String yoyCell(String code, int year, Double v) {
    if (v != null) {
      return percent(v);
    }
    if (index.get(code, year - 1).isEmpty()) {
      return dash("empty: no data for " + (year - 1));
    }
    return dash("empty: the " + (year - 1) + " or " + year + " intensity is empty or zero");
  }

  private static String yoyCellWith(Double v, int year) {
    return v != null
        ? percent(v)
        : dash("empty: no data for " + (year - 1) + ", or an intensity is empty");
  }

  private static String sameSampleCell(IndustryYear r, Double v) {
    if (v != null) {
      return percent(v);
    }
    SameSample s = r.sameSample();
    if (s == null || s.firms() == 0) {
      return dash(
          "empty: no firm above size in " + r.year() + " has a valid record in " + (r.year() - 1));
    }
    return dash("empty: the same-sample intensity is undefined (zero added value)");
  }

  private static String sameSampleFirms(IndustryYear r) {
    SameSample s = r.sameSample();
    if (s == null || s.firms() == 0) {
      return dash("no firm above size in " + r.year() + " has a valid record in " + (r.year() - 1));
    }
    return count(s.firms()) + " also in " + (r.year() - 1);
  }

  private static String shareCell(double part, double whole) {
    Double f = Ratios.divide(part, whole);
    return f == null ? dash("empty: the total is zero") : share(100 * f);
  }

  private static String ratioCell(Double v) {
    return v == null
        ? dash("empty: undefined for this period (see the decomposition notes)")
        : ratio(v);
  }

  private static String changeCell(Double v) {
    return v == null ? dash("empty: undefined for this period") : signed(v);
  }

  private static String signedOrNa(Double v) {
    return v == null ? "n/a" : signed(v);
  }

  private static String ratioOrNa(Double v) {
    return v == null ? "n/a" : ratio(v);
  }

  static String dash(String why) {
    return "<span class=\"na\" title=\"" + escape(why) + "\">" + DASH + "</span>";
  }

  private static String yearSpan(int first, int last) {
    return first == last ? Integer.toString(first) : first + "\u2013" + last;
  }

  /** A target change without trailing zeros: {@code -13.5%}, {@code -16%}. */
  static String targetPct(double v) {
    String s = fixed("%.2f", v);
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return (s.startsWith("-") || s.equals("0") ? s : "+" + s) + "%";
  }

  static String indicatorLabel(String indicator) {
    return switch (indicator == null ? "" : indicator) {
      case Targets.ENERGY_INTENSITY -> "Energy intensity";
      case Targets.WATER_INTENSITY -> "Water intensity";
      case Targets.CO2_INTENSITY -> "CO2 intensity";
      default -> indicator == null ? "" : indicator;
    };
  }

  /**
   * Numbered sources of one section: the same source text gets the same number; numbers follow the
   * order of first use, so they are deterministic.
   */
  private final class Footnotes {
    private final String prefix;
    private final Map<String, Integer> numbers = new LinkedHashMap<>();

    Footnotes(String prefix) {
      this.prefix = prefix;
    }

    int number(Figure f) {
      return number(f.source());
    }

    int number(String source) {
      return numbers.computeIfAbsent(source == null ? "" : source, s -> numbers.size() + 1);
    }

    String ref(Figure f) {
      return ref(f.source());
    }

    String ref(String source) {
      int n = number(source);
      return "<sup class=\"ref\"><a href=\"#" + prefix + "-" + n + "\">[" + n + "]</a></sup>";
    }

    void render(String title) {
      if (numbers.isEmpty()) {
        return;
      }
      out.append("<p class=\"meta\">").append(escape(title)).append(":</p>\n<ol class=\"fn\">\n");
      for (Map.Entry<String, Integer> e : numbers.entrySet()) {
        out.append("<li id=\"")
            .append(prefix)
            .append('-')
            .append(e.getValue())
            .append("\">")
            .append(escape(e.getKey()))
            .append("</li>\n");
      }
      out.append("</ol>\n");
    }
  }
}
