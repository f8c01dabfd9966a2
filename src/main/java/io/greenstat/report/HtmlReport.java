package io.greenstat.report;

import io.greenstat.config.JobSettings;
import io.greenstat.config.Setting;
import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.RowAccounting;
import io.greenstat.schema.Columns;
import io.greenstat.schema.IndustryCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.Function;

/**
 * Renders {@code report.html}: the trend report for people. The page is self-contained (inline CSS,
 * charts as inline SVG, no scripts, nothing loaded from the network; a Content-Security-Policy
 * forbids it too) and deterministic: the same {@link ReportModel} always gives the same bytes
 * (stable ordering, {@link Locale#ROOT} number formats, {@code \n} line ends, no clock, no random
 * ids). Every text that comes from data or configuration goes through {@link #escape(String)}.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** What an empty (null) value shows: an en dash, with a title saying why it is empty. */
  public static final String DASH = "\u2013";

  /** Renders the report page of {@code model}. */
  public static String render(ReportModel model) {
    Objects.requireNonNull(model, "model");
    return new Page(model).render();
  }

  /**
   * Escapes text for HTML element content and quoted attribute values: {@code & < > " '}. Null
   * becomes the empty string.
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String rep =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (rep != null && sb == null) {
        sb = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (sb != null) {
        if (rep != null) {
          sb.append(rep);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? text : sb.toString();
  }

  // ---- Number formats (Locale.ROOT: ',' groups thousands, '.' is the decimal point) ----

  /** An intensity: four decimals, thousands separated. */
  static String intensity(double v) {
    return fixed("%,.4f", v);
  }

  /** A percent change with its sign and two decimals, e.g. {@code -7.69%}. */
  static String percent(double v) {
    String s = fixed("%.2f", v);
    return (s.startsWith("-") || s.equals("0.00") ? s : "+" + s) + "%";
  }

  /** A count, thousands separated. */
  static String count(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  /** A sum: whole units with thousands separators, two decimals below 100. */
  static String sum(double v) {
    return Math.abs(v) >= 100 ? fixed("%,.0f", v) : fixed("%,.2f", v);
  }

  private static String fixed(String pattern, double v) {
    if (!Double.isFinite(v)) {
      return DASH;
    }
    String s = String.format(Locale.ROOT, pattern, v);
    // A value that rounds to zero shows as 0, never as -0.
    return s.startsWith("-") && s.chars().noneMatch(ch -> ch >= '1' && ch <= '9')
        ? s.substring(1)
        : s;
  }

  /** A number with a fixed count of decimals for SVG coordinates. */
  private static String coord(double v) {
    return fixed("%.1f", v);
  }

  /** Divisions as compact ranges, e.g. {@code 06–46} or {@code 06–10, 13–43}. */
  static String ranges(SortedSet<String> divisions) {
    List<String> parts = new ArrayList<>();
    String runStart = null;
    String runEnd = null;
    int endValue = -2;
    for (String code : divisions) {
      int d = code.matches("[0-9]{1,9}") ? Integer.parseInt(code) : -2;
      if (runStart != null && d >= 0 && d == endValue + 1) {
        runEnd = code;
        endValue = d;
        continue;
      }
      addRun(parts, runStart, runEnd);
      runStart = code;
      runEnd = code;
      endValue = d;
    }
    addRun(parts, runStart, runEnd);
    return String.join(", ", parts);
  }

  private static void addRun(List<String> parts, String start, String end) {
    if (start != null) {
      parts.add(start.equals(end) ? start : start + "\u2013" + end);
    }
  }

  private static final String CSS =
      """
      :root{--fg:#1d232a;--muted:#5b6570;--rule:#d5dae0;--alt:#f4f6f8;\
      --energy:#b5542a;--water:#1f6fb2}
      *{box-sizing:border-box}
      body{margin:0 auto;max-width:74rem;padding:1.5rem 1.25rem 3rem;color:var(--fg);\
      background:#fff;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,\
      "Helvetica Neue",Arial,sans-serif}
      h1{font-size:1.6rem;margin:0 0 .3rem}
      h2{font-size:1.25rem;margin:2.2rem 0 .6rem;padding-bottom:.25rem;\
      border-bottom:2px solid var(--rule)}
      h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
      p{margin:.4rem 0;max-width:60rem}
      .meta{color:var(--muted)}
      code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em;\
      overflow-wrap:anywhere}
      nav{margin:.6rem 0 0}
      nav a{margin-right:1rem}
      .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.8rem}
      .card{border:1px solid var(--rule);border-radius:6px;padding:.8rem 1rem}
      .card h3{margin:0 0 .2rem;font-size:.95rem;color:var(--muted);font-weight:600}
      .big{font-size:2rem;font-weight:650;font-variant-numeric:tabular-nums;line-height:1.2}
      .unit{color:var(--muted);font-size:.88rem}
      .card dl{display:grid;grid-template-columns:auto auto;justify-content:start;\
      gap:.1rem .8rem;margin:.5rem 0 0}
      .card dt{color:var(--muted)}
      .card dd{margin:0;font-variant-numeric:tabular-nums}
      .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1.2rem}
      figure{margin:0}
      figcaption{font-weight:600;margin-bottom:.2rem}
      svg.chart{width:100%;height:auto;display:block}
      .chart text{font-size:12px;fill:#39424c}
      .chart .grid{stroke:#e3e7eb}
      .chart .axis{stroke:#7d8791}
      .chart .base{stroke:#9aa4ae;stroke-dasharray:4 3}
      .tablewrap{overflow-x:auto}
      table{border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:.88rem;\
      margin:.3rem 0 1rem}
      th,td{padding:.22rem .55rem;border-bottom:1px solid var(--rule);vertical-align:top}
      thead th{position:sticky;top:0;background:#fff;border-bottom:2px solid #9aa4ae;\
      text-align:right;font-weight:600;vertical-align:bottom}
      .l,thead th.l{text-align:left}
      .n{text-align:right;white-space:nowrap}
      tbody.group th{text-align:left;font-weight:600;min-width:12rem;max-width:20rem}
      tbody.group:nth-of-type(even){background:var(--alt)}
      thead .u{font-weight:400;color:var(--muted)}
      table.acct th{text-align:left;font-weight:600}
      table.acct tr.sub td{color:var(--muted);padding-left:1.6rem}
      .na{color:var(--muted);cursor:help}
      .ok{color:#1d7a3a;font-weight:600}
      .warn{color:#b3261e;font-weight:600}
      ul.notes li{margin:.35rem 0;max-width:60rem}
      footer{margin-top:2.5rem;padding-top:.5rem;border-top:1px solid var(--rule);\
      color:var(--muted);font-size:.85rem}
      @page{margin:14mm}
      @media print{
      body{max-width:none;padding:0;font-size:10pt}
      nav{display:none}
      h2{break-after:avoid}
      h3{break-after:avoid}
      .card,figure,tbody.group,table.acct{break-inside:avoid}
      thead th{position:static}
      .tablewrap{overflow:visible}
      .charts{grid-template-columns:1fr 1fr}
      tbody.group:nth-of-type(even){background:none}
      a{color:inherit;text-decoration:none}
      }
      """;

  /** One rendering: the model, its index, and the growing page. */
  private static final class Page {
    private final ReportModel model;
    private final JobSettings settings;
    private final ReportIndex index;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    Page(ReportModel model) {
      this.model = model;
      this.settings = model.settings();
      this.index = new ReportIndex(model.industryYears());
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
      out.append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");

      out.append("<header>\n<h1>Energy and water intensity of above-size industry</h1>\n");
      out.append("<p class=\"meta\">");
      if (!span.isEmpty()) {
        out.append("Years ").append(span).append(" \u00b7 ");
      }
      out.append("greenstat ").append(escape(model.programVersion()));
      out.append(" \u00b7 input <code>").append(escape(model.inputPath())).append("</code></p>\n");
      out.append("<nav>")
          .append("<a href=\"#headline\">Headline</a>")
          .append("<a href=\"#trend\">Trend</a>")
          .append("<a href=\"#tables\">Tables</a>")
          .append("<a href=\"#accounting\">Row accounting</a>")
          .append("<a href=\"#notes\">Method notes</a>")
          .append("</nav>\n</header>\n<main>\n");

      headline();
      trend();
      tables();
      accounting();
      notes();

      out.append("</main>\n<footer>\n<p>Produced by greenstat ")
          .append(escape(model.programVersion()))
          .append(" from <code>")
          .append(escape(model.inputPath()))
          .append("</code>. This page is self-contained: it loads nothing from the network.");
      out.append(" Run times are in <code>_MANIFEST.json</code>.</p>\n</footer>\n");
      out.append("</body>\n</html>\n");
      return out.toString();
    }

    // ---- (a) Headline figures ----

    private void headline() {
      out.append("<section id=\"headline\">\n");
      OptionalInt latest = index.latestYear();
      if (latest.isEmpty()) {
        out.append("<h2>Headline figures</h2>\n");
        out.append(
            "<p>No above-size firm-year was aggregated, so there are no figures to show."
                + " See the row accounting below for where the rows went.</p>\n</section>\n");
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
          .append("</h2>\n<div class=\"cards\">\n");
      intensityCard(
          "Energy intensity",
          "tce of energy per 10,000 yuan of added value",
          row,
          IndustryYear::energyIntensity,
          IndustryYear::energyYoyPct,
          base);
      intensityCard(
          "Water intensity",
          "m\u00b3 of water per 10,000 yuan of added value",
          row,
          IndustryYear::waterIntensity,
          IndustryYear::waterYoyPct,
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
      out.append("</dd><dt>Added value</dt><dd>")
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
      out.append("</section>\n");
    }

    private void intensityCard(
        String title,
        String unit,
        IndustryYear row,
        Function<IndustryYear, Double> value,
        Function<IndustryYear, Double> yoy,
        int base) {
      int year = row.year();
      out.append("<div class=\"card\"><h3>").append(title).append("</h3>\n<div class=\"big\">");
      out.append(intensityCell(value.apply(row))).append("</div>\n");
      out.append("<div class=\"unit\">").append(unit).append("</div>\n<dl>");
      out.append("<dt>Year on year</dt><dd>")
          .append(yoyCell(IndustryCatalog.ALL, year, yoy.apply(row)))
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

    // ---- (b) Trend charts ----

    private void trend() {
      out.append("<section id=\"trend\">\n<h2>Trend: all industry above designated size</h2>\n");
      NavigableMap<Integer, IndustryYear> all = index.years(IndustryCatalog.ALL);
      if (all.isEmpty()) {
        out.append("<p>No data to chart.</p>\n</section>\n");
        return;
      }
      int first = all.firstKey();
      int last = all.lastKey();
      out.append("<div class=\"charts\">\n");
      chart(
          "energy",
          "Energy intensity",
          "tce per 10,000 yuan",
          "#b5542a",
          IndustryYear::energyIntensity,
          IndustryYear::energyYoyPct,
          first,
          last);
      chart(
          "water",
          "Water intensity",
          "m\u00b3 per 10,000 yuan",
          "#1f6fb2",
          IndustryYear::waterIntensity,
          IndustryYear::waterYoyPct,
          first,
          last);
      out.append("</div>\n");
      out.append(
          "<p class=\"meta\">Current prices; each year counts the firms above designated size"
              + " in that year. Hover over a point for its value and year-on-year change.</p>\n");
      out.append("</section>\n");
    }

    private static final int W = 560;
    private static final int H = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 18;
    private static final int TOP = 16;
    private static final int BOTTOM = 46;

    /** Space between the y axis (and the right edge) and the first (last) year. */
    private static final int PAD = 16;

    private void chart(
        String series,
        String title,
        String unit,
        String color,
        Function<IndustryYear, Double> value,
        Function<IndustryYear, Double> yoy,
        int first,
        int last) {
      List<Integer> missing = new ArrayList<>();
      double max = 0;
      for (int y = first; y <= last; y++) {
        Double v = index.get(IndustryCatalog.ALL, y).map(value).orElse(null);
        if (v == null) {
          missing.add(y);
        } else {
          max = Math.max(max, v);
        }
      }
      double step = niceStep(max > 0 ? max / 5 : 0.2);
      double yMax = Math.max(step, Math.ceil(max / step - 1e-9) * step);
      int tickDecimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
      double plotW = W - LEFT - RIGHT;
      double plotH = H - TOP - BOTTOM;
      String id = "chart-" + series;

      out.append("<figure>\n<figcaption id=\"")
          .append(id)
          .append("-title\">")
          .append(title)
          .append(", ")
          .append(unit)
          .append("</figcaption>\n");
      out.append("<svg class=\"chart\" viewBox=\"0 0 ")
          .append(W)
          .append(' ')
          .append(H)
          .append("\" role=\"img\" aria-labelledby=\"")
          .append(id)
          .append("-title ")
          .append(id)
          .append("-desc\">\n<desc id=\"")
          .append(id)
          .append("-desc\">")
          .append(title)
          .append(" of all industry above designated size in ")
          .append(unit)
          .append(", ")
          .append(yearSpan(first, last))
          .append(".</desc>\n");

      // Horizontal grid and y tick labels.
      int ticks = (int) Math.round(yMax / step);
      for (int i = 0; i <= ticks; i++) {
        double v = i * step;
        double y = TOP + plotH - v / yMax * plotH;
        out.append("<line class=\"")
            .append(i == 0 ? "axis" : "grid")
            .append("\" x1=\"")
            .append(LEFT)
            .append("\" x2=\"")
            .append(W - RIGHT)
            .append("\" y1=\"")
            .append(coord(y))
            .append("\" y2=\"")
            .append(coord(y))
            .append("\"/>");
        out.append("<text x=\"")
            .append(LEFT - 6)
            .append("\" y=\"")
            .append(coord(y + 4))
            .append("\" text-anchor=\"end\">")
            .append(fixed("%,." + tickDecimals + "f", v))
            .append("</text>\n");
      }
      out.append("<line class=\"axis\" x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(LEFT)
          .append("\" y1=\"")
          .append(TOP)
          .append("\" y2=\"")
          .append(coord(TOP + plotH))
          .append("\"/>\n");

      // Year ticks: at most about ten labels.
      int n = last - first + 1;
      int every = Math.max(1, (n + 9) / 10);
      for (int y = first; y <= last; y++) {
        double x = xOf(y, first, last, plotW);
        out.append("<line class=\"axis\" x1=\"")
            .append(coord(x))
            .append("\" x2=\"")
            .append(coord(x))
            .append("\" y1=\"")
            .append(coord(TOP + plotH))
            .append("\" y2=\"")
            .append(coord(TOP + plotH + 4))
            .append("\"/>");
        if ((y - first) % every == 0) {
          out.append("<text x=\"")
              .append(coord(x))
              .append("\" y=\"")
              .append(coord(TOP + plotH + 18))
              .append("\" text-anchor=\"middle\">")
              .append(y)
              .append("</text>");
        }
        out.append('\n');
      }
      // Axis titles.
      out.append("<text x=\"")
          .append(coord(LEFT + plotW / 2))
          .append("\" y=\"")
          .append(H - 6)
          .append("\" text-anchor=\"middle\">Year</text>\n");
      out.append("<text transform=\"translate(14 ")
          .append(coord(TOP + plotH / 2))
          .append(") rotate(-90)\" text-anchor=\"middle\">")
          .append(unit)
          .append("</text>\n");

      // The base year, when it is on the axis.
      int base = settings.baseYear();
      if (base >= first && base <= last && first < last) {
        double x = xOf(base, first, last, plotW);
        out.append("<line class=\"base\" x1=\"")
            .append(coord(x))
            .append("\" x2=\"")
            .append(coord(x))
            .append("\" y1=\"")
            .append(TOP)
            .append("\" y2=\"")
            .append(coord(TOP + plotH))
            .append("\"/><text x=\"")
            .append(coord(x + 4))
            .append("\" y=\"")
            .append(TOP + 10)
            .append("\">base ")
            .append(base)
            .append("</text>\n");
      }

      // Lines through consecutive years with values; a gap breaks the line.
      List<String> run = new ArrayList<>();
      for (int y = first; y <= last + 1; y++) {
        Double v = y > last ? null : index.get(IndustryCatalog.ALL, y).map(value).orElse(null);
        if (v != null) {
          run.add(coord(xOf(y, first, last, plotW)) + "," + coord(yOf(v, yMax, plotH)));
        } else {
          if (run.size() > 1) {
            out.append("<polyline fill=\"none\" stroke=\"")
                .append(color)
                .append("\" stroke-width=\"2.2\" stroke-linejoin=\"round\" points=\"")
                .append(String.join(" ", run))
                .append("\"/>\n");
          }
          run.clear();
        }
      }
      // Points with tooltips.
      for (int y = first; y <= last; y++) {
        IndustryYear row = index.get(IndustryCatalog.ALL, y).orElse(null);
        Double v = row == null ? null : value.apply(row);
        if (v == null) {
          continue;
        }
        Double change = yoy.apply(row);
        out.append("<circle class=\"pt\" data-series=\"")
            .append(series)
            .append("\" data-year=\"")
            .append(y)
            .append("\" cx=\"")
            .append(coord(xOf(y, first, last, plotW)))
            .append("\" cy=\"")
            .append(coord(yOf(v, yMax, plotH)))
            .append("\" r=\"4\" fill=\"")
            .append(color)
            .append("\" stroke=\"#fff\" stroke-width=\"1.5\"><title>")
            .append(y)
            .append(": ")
            .append(intensity(v))
            .append(' ')
            .append(unit)
            .append("; year on year ")
            .append(change == null ? "n/a" : percent(change))
            .append("</title></circle>\n");
      }
      out.append("</svg>\n");
      if (!missing.isEmpty()) {
        out.append("<p class=\"meta\">No value (no data, or zero added value) for ");
        out.append(String.join(", ", missing.stream().map(String::valueOf).toList()));
        out.append(".</p>\n");
      }
      out.append("</figure>\n");
    }

    private static double xOf(int year, int first, int last, double plotW) {
      return first == last
          ? LEFT + plotW / 2
          : LEFT + PAD + (year - first) * (plotW - 2 * PAD) / (last - first);
    }

    private static double yOf(double v, double yMax, double plotH) {
      return TOP + plotH - v / yMax * plotH;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    static double niceStep(double rough) {
      double exp = Math.floor(Math.log10(rough));
      double mag = Math.pow(10, exp);
      double f = rough / mag;
      double nice = f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10;
      return nice * mag;
    }

    // ---- (c) Tables by group level ----

    private void tables() {
      out.append("<section id=\"tables\">\n<h2>Tables by group</h2>\n");
      out.append(
          "<p>One table per group level; each group shows one row per year. Intensities are"
              + " ratios of the sums in the same row; YoY is the change against the previous"
              + " year of the same group.</p>\n");
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
            .append("<th scope=\"col\">Water intensity<br>")
            .append("<span class=\"u\">m\u00b3 / 10,000 yuan</span></th>")
            .append("<th scope=\"col\">YoY</th>")
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
            out.append("<td class=\"n\">")
                .append(intensityCell(r.energyIntensity()))
                .append("</td>");
            out.append("<td class=\"n\">")
                .append(yoyCell(code, r.year(), r.energyYoyPct()))
                .append("</td>");
            out.append("<td class=\"n\">")
                .append(intensityCell(r.waterIntensity()))
                .append("</td>");
            out.append("<td class=\"n\">")
                .append(yoyCell(code, r.year(), r.waterYoyPct()))
                .append("</td>");
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

    // ---- (d) Row accounting ----

    private void accounting() {
      RowAccounting a = model.accounting();
      out.append("<section id=\"accounting\">\n<h2>Row accounting</h2>\n");
      if (a == null) {
        out.append("<p>No row accounting is available.</p>\n</section>\n");
        return;
      }
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
      out.append("</section>\n");
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

    // ---- (e) Method notes ----

    private void notes() {
      out.append("<section id=\"notes\">\n<h2>Method notes</h2>\n<ul class=\"notes\">\n");
      out.append("<li><strong>Scope.</strong> Firms in GB/T 4754-2017 divisions ")
          .append(escape(ranges(settings.scopeDivisions())))
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
          .append(".</li>\n");
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
      out.append("<li><strong>Year on year (YoY)</strong> = (I<sub>y</sub> / I<sub>y\u22121</sub>")
          .append(" \u2212 1) \u00d7 100, in percent; empty when year y\u22121 has no data for")
          .append(" that group. Each year counts the firms above size in that year, at current")
          .append(" prices: this is not the NBS same-sample, constant-price rate.</li>\n");
      out.append("<li><strong>Change since the base year</strong> ")
          .append(settings.baseYear())
          .append(" = (I<sub>latest</sub> / I<sub>")
          .append(settings.baseYear())
          .append("</sub> \u2212 1) \u00d7 100, a ratio of the two levels; empty when the base")
          .append(" year has no data. Official progress figures chain-link same-sample rates at")
          .append(" comparable prices, so they can differ.");
      if (settings.baseYear() == 2020) {
        out.append(
            " For reference, the 14th Five-Year Plan targets for 2025 against 2020 are \u221213.5%"
                + " for energy use per unit of above-size industrial added value and \u221216% for"
                + " water use per 10,000 yuan of industrial added value.");
      }
      out.append("</li>\n");
      out.append("<li><strong>Empty cells</strong> show ")
          .append(DASH)
          .append(
              ": a ratio whose denominator is zero or absent (no added value, or no data for the"
                  + " year compared with) is empty, never infinite or NaN. Hover over a dash to"
                  + " see why it is empty.</li>\n");
      out.append("</ul>\n");

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

    private static String sourceName(JobSettings.Source source) {
      return switch (source) {
        case DEFAULT -> "default";
        case CONF_FILE -> "--conf file";
        case SPARK_PROPERTIES -> "Spark properties";
        case COMMAND_LINE -> "--set";
      };
    }

    // ---- Cells ----

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

    private static String dash(String why) {
      return "<span class=\"na\" title=\"" + escape(why) + "\">" + DASH + "</span>";
    }

    private static String yearSpan(int first, int last) {
      return first == last ? Integer.toString(first) : first + "\u2013" + last;
    }
  }
}
