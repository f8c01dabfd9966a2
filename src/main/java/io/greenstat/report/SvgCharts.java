package io.greenstat.report;

import static io.greenstat.report.HtmlReport.coord;
import static io.greenstat.report.HtmlReport.escape;
import static io.greenstat.report.HtmlReport.fixed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The inline SVG charts of {@code report.html}: line charts over years, horizontal and vertical bar
 * charts, the progress meter of a target and the small bars of table cells. Every text drawn is
 * plain text and is escaped here; coordinates have one decimal; nothing depends on the clock or on
 * hash order, so the same input always gives the same markup. Each chart is a {@code <figure>} with
 * a caption, an accessible description and, where it has several series, an HTML legend.
 */
final class SvgCharts {
  private SvgCharts() {}

  /** A colour for reductions (an intensity falling), one for increases. */
  static final String DOWN = "#2e7d57";

  static final String UP = "#b3261e";

  static final String GREY = "#5b6570";

  /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
  static double niceStep(double rough) {
    if (!(rough > 0) || !Double.isFinite(rough)) {
      return 1;
    }
    double exp = Math.floor(Math.log10(rough));
    double mag = Math.pow(10, exp);
    double f = rough / mag;
    double nice = f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10;
    return nice * mag;
  }

  /** A value axis: from {@code lo} to {@code hi} in ticks of {@code step}. */
  record Axis(double lo, double hi, double step, int decimals) {
    static Axis of(double min, double max, boolean includeZero, int ticks) {
      if (!Double.isFinite(min) || !Double.isFinite(max)) {
        min = 0;
        max = 1;
      }
      if (includeZero) {
        min = Math.min(0, min);
        max = Math.max(0, max);
      }
      if (!(max > min)) {
        double pad = max == 0 ? 1 : Math.abs(max) * 0.1;
        max += pad;
        if (!includeZero || min < 0) {
          min -= pad;
        }
      }
      double step = niceStep((max - min) / ticks);
      double lo = Math.floor(min / step + 1e-9) * step;
      double hi = Math.ceil(max / step - 1e-9) * step;
      if (hi <= lo) {
        hi = lo + step;
      }
      int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
      return new Axis(lo, hi, step, decimals);
    }

    int ticks() {
      return (int) Math.round((hi - lo) / step);
    }

    double tick(int i) {
      return lo + i * step;
    }

    String label(double v, String suffix) {
      return fixed("%,." + decimals + "f", Math.abs(v) < step * 1e-6 ? 0 : v) + suffix;
    }

    /** Fraction of the axis at {@code v}: 0 at {@code lo}, 1 at {@code hi}. */
    double at(double v) {
      return (v - lo) / (hi - lo);
    }
  }

  // ---- Line charts over years ----

  /** How a series is drawn. */
  enum Style {
    /** The computed series: a solid line with filled points ({@code circle.pt}). */
    MAIN,
    /** Another computed series: a thinner solid line with smaller points. */
    SECONDARY,
    /** A target path: dashed, with hollow points. */
    PATH,
    /** Rates chained from a base level: dotted, with small points. */
    CHAINED,
    /** Official published figures: a thin line with hollow diamonds. */
    OFFICIAL
  }

  /** One value of a series, with its tooltip (plain text). */
  record Point(int year, double value, String tooltip) {}

  /**
   * A series of a line chart.
   *
   * @param key machine name, written as {@code data-series}
   * @param label legend text (plain text)
   * @param color stroke and fill colour
   * @param style how it is drawn
   * @param points its values; consecutive years are joined, a missing year breaks the line
   */
  record Series(String key, String label, String color, Style style, List<Point> points) {}

  /**
   * A line chart over years.
   *
   * @param id unique element id prefix
   * @param caption the figure caption (plain text)
   * @param unit title of the value axis (plain text)
   * @param desc accessible description (plain text)
   * @param first first year of the year axis
   * @param last last year of the year axis
   * @param zeroBased whether the value axis starts at zero
   * @param axisSuffix appended to the value axis labels, e.g. {@code %}
   * @param markYear a year marked with a dashed vertical line, or null
   * @param markLabel the mark's label (plain text)
   * @param series drawn in order, later ones on top
   */
  record LineChart(
      String id,
      String caption,
      String unit,
      String desc,
      int first,
      int last,
      boolean zeroBased,
      String axisSuffix,
      Integer markYear,
      String markLabel,
      List<Series> series) {}

  private static final int W = 560;
  private static final int H = 300;
  private static final int LEFT = 64;
  private static final int RIGHT = 18;
  private static final int TOP = 16;
  private static final int BOTTOM = 46;

  /** Space between the y axis (and the right edge) and the first (last) year. */
  private static final int PAD = 16;

  /**
   * Writes a line chart as a {@code <figure>}; {@code noteHtml} (already safe HTML, may be empty)
   * goes after the legend, inside the figure.
   */
  static void line(StringBuilder out, LineChart c, String noteHtml) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Series s : c.series()) {
      for (Point p : s.points()) {
        min = Math.min(min, p.value());
        max = Math.max(max, p.value());
      }
    }
    if (min > max) {
      min = 0;
      max = 1;
    }
    Axis axis = Axis.of(min, max, c.zeroBased(), 5);
    double plotW = W - LEFT - RIGHT;
    double plotH = H - TOP - BOTTOM;
    int first = c.first();
    int last = c.last();

    openFigure(out, c.id(), c.caption(), W, H, c.desc(), "chart");
    // Horizontal grid and value labels.
    for (int i = 0; i <= axis.ticks(); i++) {
      double v = axis.tick(i);
      double y = TOP + plotH - axis.at(v) * plotH;
      String cls = i == 0 ? "axis" : Math.abs(v) < axis.step() * 1e-6 ? "zero" : "grid";
      hline(out, cls, LEFT, W - RIGHT, y);
      out.append("<text x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(coord(y + 4))
          .append("\" text-anchor=\"end\">")
          .append(escape(axis.label(v, c.axisSuffix())))
          .append("</text>\n");
    }
    vline(out, "axis", LEFT, TOP, TOP + plotH);
    out.append('\n');

    // Year ticks: at most about ten labels.
    int n = last - first + 1;
    int every = Math.max(1, (n + 9) / 10);
    for (int y = first; y <= last; y++) {
      double x = xOfYear(y, first, last, plotW);
      vline(out, "axis", x, TOP + plotH, TOP + plotH + 4);
      if ((y - first) % every == 0) {
        text(out, x, TOP + plotH + 18, "middle", null, Integer.toString(y));
      }
      out.append('\n');
    }
    text(out, LEFT + plotW / 2, H - 6, "middle", null, "Year");
    out.append('\n');
    out.append("<text transform=\"translate(14 ")
        .append(coord(TOP + plotH / 2))
        .append(") rotate(-90)\" text-anchor=\"middle\">")
        .append(escape(c.unit()))
        .append("</text>\n");

    if (c.markYear() != null && c.markYear() >= first && c.markYear() <= last && first < last) {
      double x = xOfYear(c.markYear(), first, last, plotW);
      out.append("<line class=\"base\" x1=\"")
          .append(coord(x))
          .append("\" x2=\"")
          .append(coord(x))
          .append("\" y1=\"")
          .append(TOP)
          .append("\" y2=\"")
          .append(coord(TOP + plotH))
          .append("\"/>");
      text(out, x + 4, TOP + 10, null, null, c.markLabel());
      out.append('\n');
    }

    for (Series s : c.series()) {
      List<Point> points = new ArrayList<>(s.points());
      points.sort(Comparator.comparingInt(Point::year));
      List<String> run = new ArrayList<>();
      int prev = Integer.MIN_VALUE;
      for (Point p : points) {
        if (!run.isEmpty() && p.year() != prev + 1) {
          polyline(out, s, run);
          run.clear();
        }
        run.add(
            coord(xOfYear(p.year(), first, last, plotW))
                + ","
                + coord(TOP + plotH - axis.at(p.value()) * plotH));
        prev = p.year();
      }
      polyline(out, s, run);
      for (Point p : points) {
        marker(
            out,
            s,
            p,
            xOfYear(p.year(), first, last, plotW),
            TOP + plotH - axis.at(p.value()) * plotH);
      }
    }
    out.append("</svg>\n");
    if (c.series().size() > 1) {
      out.append("<ul class=\"legend\">");
      for (Series s : c.series()) {
        out.append("<li>").append(key(s.style(), s.color())).append(escape(s.label()));
        out.append("</li>");
      }
      out.append("</ul>\n");
    }
    out.append(noteHtml == null ? "" : noteHtml);
    out.append("</figure>\n");
  }

  private static double xOfYear(int year, int first, int last, double plotW) {
    return first == last
        ? LEFT + plotW / 2
        : LEFT + PAD + (year - first) * (plotW - 2 * PAD) / (last - first);
  }

  private static void polyline(StringBuilder out, Series s, List<String> run) {
    if (run.size() < 2) {
      return;
    }
    out.append("<polyline class=\"line\" data-series=\"")
        .append(escape(s.key()))
        .append("\" fill=\"none\" stroke=\"")
        .append(s.color())
        .append("\" stroke-width=\"")
        .append(
            switch (s.style()) {
              case MAIN -> "2.2";
              case SECONDARY -> "1.8";
              case PATH, CHAINED -> "1.6";
              case OFFICIAL -> "1.2";
            })
        .append('"');
    String dash =
        switch (s.style()) {
          case PATH -> "7 4";
          case CHAINED -> "2 3";
          default -> null;
        };
    if (dash != null) {
      out.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    out.append(" stroke-linejoin=\"round\" points=\"")
        .append(String.join(" ", run))
        .append("\"/>\n");
  }

  private static void marker(StringBuilder out, Series s, Point p, double x, double y) {
    String key = escape(s.key());
    switch (s.style()) {
      case MAIN, SECONDARY -> {
        out.append("<circle class=\"")
            .append(s.style() == Style.MAIN ? "pt" : "pt2")
            .append("\" data-series=\"")
            .append(key)
            .append("\" data-year=\"")
            .append(p.year())
            .append("\" cx=\"")
            .append(coord(x))
            .append("\" cy=\"")
            .append(coord(y))
            .append("\" r=\"")
            .append(s.style() == Style.MAIN ? "4" : "3.2")
            .append("\" fill=\"")
            .append(s.color())
            .append("\" stroke=\"#fff\" stroke-width=\"1.5\">");
        title(out, p.tooltip());
        out.append("</circle>\n");
      }
      case PATH, CHAINED -> {
        out.append("<circle class=\"pt-")
            .append(s.style() == Style.PATH ? "path" : "chained")
            .append("\" data-series=\"")
            .append(key)
            .append("\" data-year=\"")
            .append(p.year())
            .append("\" cx=\"")
            .append(coord(x))
            .append("\" cy=\"")
            .append(coord(y))
            .append("\" r=\"2.6\" fill=\"")
            .append(s.style() == Style.PATH ? "#fff" : s.color())
            .append("\" stroke=\"")
            .append(s.color())
            .append("\" stroke-width=\"1.4\">");
        title(out, p.tooltip());
        out.append("</circle>\n");
      }
      case OFFICIAL -> {
        out.append("<rect class=\"pt-official\" data-series=\"")
            .append(key)
            .append("\" data-year=\"")
            .append(p.year())
            .append("\" x=\"")
            .append(coord(x - 4.5))
            .append("\" y=\"")
            .append(coord(y - 4.5))
            .append("\" width=\"9\" height=\"9\" transform=\"rotate(45 ")
            .append(coord(x))
            .append(' ')
            .append(coord(y))
            .append(")\" fill=\"#fff\" stroke=\"")
            .append(s.color())
            .append("\" stroke-width=\"1.8\">");
        title(out, p.tooltip());
        out.append("</rect>\n");
      }
    }
  }

  /** A legend key: a short line in the style's stroke with its marker. */
  static String key(Style style, String color) {
    StringBuilder k =
        new StringBuilder("<svg class=\"key\" viewBox=\"0 0 30 12\" aria-hidden=\"true\">");
    String dash =
        switch (style) {
          case PATH -> " stroke-dasharray=\"7 4\"";
          case CHAINED -> " stroke-dasharray=\"2 3\"";
          default -> "";
        };
    k.append("<line x1=\"1\" x2=\"29\" y1=\"6\" y2=\"6\" stroke=\"")
        .append(color)
        .append("\" stroke-width=\"")
        .append(style == Style.MAIN ? "2.2" : "1.6")
        .append('"')
        .append(dash)
        .append("/>");
    switch (style) {
      case MAIN, SECONDARY ->
          k.append("<circle cx=\"15\" cy=\"6\" r=\"3.5\" fill=\"")
              .append(color)
              .append("\" stroke=\"#fff\" stroke-width=\"1\"/>");
      case PATH ->
          k.append("<circle cx=\"15\" cy=\"6\" r=\"2.6\" fill=\"#fff\" stroke=\"")
              .append(color)
              .append("\" stroke-width=\"1.4\"/>");
      case CHAINED ->
          k.append("<circle cx=\"15\" cy=\"6\" r=\"2.4\" fill=\"").append(color).append("\"/>");
      case OFFICIAL ->
          k.append("<rect x=\"11.5\" y=\"2.5\" width=\"7\" height=\"7\"")
              .append(" transform=\"rotate(45 15 6)\" fill=\"#fff\" stroke=\"")
              .append(color)
              .append("\" stroke-width=\"1.6\"/>");
    }
    return k.append("</svg>").toString();
  }

  /** A legend key: a filled square. */
  static String swatch(String color) {
    return "<svg class=\"key\" viewBox=\"0 0 30 12\" aria-hidden=\"true\"><rect x=\"8\" y=\"0\""
        + " width=\"14\" height=\"12\" fill=\""
        + color
        + "\"/></svg>";
  }

  /** A legend key: the marker of a total (a dark bar across). */
  static String totalKey() {
    return "<svg class=\"key\" viewBox=\"0 0 30 12\" aria-hidden=\"true\"><line x1=\"4\" x2=\"26\""
        + " y1=\"6\" y2=\"6\" stroke=\"#1d232a\" stroke-width=\"2.5\"/><circle cx=\"15\" cy=\"6\""
        + " r=\"3\" fill=\"#1d232a\"/></svg>";
  }

  // ---- Horizontal bars (one row per item) ----

  /**
   * One bar of a horizontal bar chart.
   *
   * @param key machine name, written as {@code data-key}
   * @param label the row label (plain text; shortened to fit)
   * @param value the bar's value, or null for a row without one
   * @param valueText the value as written at the bar's end (plain text)
   * @param tooltip plain text
   * @param color fill colour
   * @param light drawn lighter (a weaker basis, said in the legend)
   */
  record Bar(
      String key,
      String label,
      Double value,
      String valueText,
      String tooltip,
      String color,
      boolean light) {}

  /**
   * A horizontal bar chart.
   *
   * @param id unique element id prefix
   * @param caption figure caption (plain text)
   * @param unit title of the value axis (plain text)
   * @param desc accessible description (plain text)
   * @param axisSuffix appended to the value axis labels
   * @param labelChars the longest label shown, in characters
   * @param bars one per row, top to bottom
   */
  record HBarChart(
      String id,
      String caption,
      String unit,
      String desc,
      String axisSuffix,
      int labelChars,
      List<Bar> bars) {}

  private static final int HW = 900;
  private static final int ROW = 19;

  /** Writes a horizontal bar chart as a {@code <figure>}, then {@code legendHtml} (safe HTML). */
  static void hbars(StringBuilder out, HBarChart c, String legendHtml) {
    double min = 0;
    double max = 0;
    for (Bar b : c.bars()) {
      if (b.value() != null) {
        min = Math.min(min, b.value());
        max = Math.max(max, b.value());
      }
    }
    Axis axis = Axis.of(min, max, true, 6);
    int labelW = Math.min(430, 16 + (int) Math.ceil(c.labelChars() * 6.9));
    int top = 30;
    int bottom = 34;
    double plotL = labelW + 62;
    double plotR = HW - 62;
    double plotW = plotR - plotL;
    int h = top + c.bars().size() * ROW + bottom;

    openFigure(out, c.id(), c.caption(), HW, h, c.desc(), "chart wide");
    for (int i = 0; i <= axis.ticks(); i++) {
      double v = axis.tick(i);
      double x = plotL + axis.at(v) * plotW;
      boolean zero = Math.abs(v) < axis.step() * 1e-6;
      vline(out, zero ? "zero" : "grid", x, top - 4, top + c.bars().size() * ROW);
      text(out, x, top - 10, "middle", null, axis.label(v, c.axisSuffix()));
      out.append('\n');
    }
    double zeroX = plotL + axis.at(0) * plotW;
    for (int i = 0; i < c.bars().size(); i++) {
      Bar b = c.bars().get(i);
      double y = top + i * ROW;
      out.append("<g class=\"bar\" data-key=\"").append(escape(b.key())).append("\">");
      title(out, b.tooltip());
      text(out, labelW, y + ROW / 2.0 + 4, "end", null, shorten(b.label(), c.labelChars()));
      if (b.value() == null) {
        text(out, zeroX + 5, y + ROW / 2.0 + 4, null, "v", b.valueText());
      } else {
        double x0 = plotL + axis.at(Math.min(0, b.value())) * plotW;
        double x1 = plotL + axis.at(Math.max(0, b.value())) * plotW;
        out.append("<rect x=\"")
            .append(coord(x0))
            .append("\" y=\"")
            .append(coord(y + 3))
            .append("\" width=\"")
            .append(coord(Math.max(0.8, x1 - x0)))
            .append("\" height=\"")
            .append(ROW - 6)
            .append("\" fill=\"")
            .append(b.color())
            .append('"')
            .append(b.light() ? " fill-opacity=\"0.45\"" : "")
            .append("/>");
        if (b.value() < 0) {
          text(out, x0 - 4, y + ROW / 2.0 + 4, "end", "v", b.valueText());
        } else {
          text(out, x1 + 4, y + ROW / 2.0 + 4, null, "v", b.valueText());
        }
      }
      out.append("</g>\n");
    }
    vline(out, "zero", zeroX, top - 4, top + c.bars().size() * ROW);
    text(out, plotL + plotW / 2, h - 8, "middle", null, c.unit());
    out.append("\n</svg>\n");
    out.append(legendHtml == null ? "" : legendHtml);
    out.append("</figure>\n");
  }

  /** {@code label} cut to {@code max} characters with an ellipsis (before escaping). */
  static String shorten(String label, int max) {
    if (label == null) {
      return "";
    }
    if (label.length() <= max) {
      return label;
    }
    int cut = max - 1;
    if (cut > 0 && Character.isHighSurrogate(label.charAt(cut - 1))) {
      cut--;
    }
    return label.substring(0, Math.max(0, cut)).stripTrailing() + "\u2026";
  }

  // ---- Vertical grouped bars (one group per period) ----

  /**
   * One group of a vertical bar chart: one bar per series, and a total marked across the group.
   *
   * @param label the group's label under the axis (plain text)
   * @param values one per series; null draws nothing
   * @param total the total, or null
   * @param tooltip plain text
   */
  record Group(String label, List<Double> values, Double total, String tooltip) {}

  /**
   * A vertical grouped bar chart.
   *
   * @param id unique element id prefix
   * @param caption figure caption (plain text)
   * @param unit title of the value axis (plain text)
   * @param desc accessible description (plain text)
   * @param seriesLabels legend text of each series (plain text)
   * @param colors colour of each series
   * @param totalLabel legend text of the total marker (plain text)
   * @param groups left to right
   */
  record VBarChart(
      String id,
      String caption,
      String unit,
      String desc,
      List<String> seriesLabels,
      List<String> colors,
      String totalLabel,
      List<Group> groups) {}

  /** Writes a vertical grouped bar chart as a {@code <figure>}. */
  static void vbars(StringBuilder out, VBarChart c) {
    double min = 0;
    double max = 0;
    for (Group g : c.groups()) {
      for (Double v : g.values()) {
        if (v != null) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
      if (g.total() != null) {
        min = Math.min(min, g.total());
        max = Math.max(max, g.total());
      }
    }
    Axis axis = Axis.of(min, max, true, 6);
    int w = HW;
    int h = 320;
    int left = 76;
    int right = 18;
    int top = 16;
    int bottom = 44;
    double plotW = w - left - right;
    double plotH = h - top - bottom;

    openFigure(out, c.id(), c.caption(), w, h, c.desc(), "chart wide");
    for (int i = 0; i <= axis.ticks(); i++) {
      double v = axis.tick(i);
      double y = top + plotH - axis.at(v) * plotH;
      boolean zero = Math.abs(v) < axis.step() * 1e-6;
      hline(out, zero ? "zero" : i == 0 ? "axis" : "grid", left, w - right, y);
      text(out, left - 6, y + 4, "end", null, axis.label(v, ""));
      out.append('\n');
    }
    out.append("<text transform=\"translate(14 ")
        .append(coord(top + plotH / 2))
        .append(") rotate(-90)\" text-anchor=\"middle\">")
        .append(escape(c.unit()))
        .append("</text>\n");
    int n = Math.max(1, c.groups().size());
    double band = plotW / n;
    double inner = Math.min(band * 0.72, 90);
    int k = Math.max(1, c.seriesLabels().size());
    double zeroY = top + plotH - axis.at(0) * plotH;
    for (int gi = 0; gi < c.groups().size(); gi++) {
      Group g = c.groups().get(gi);
      double cx = left + band * gi + band / 2;
      double x = cx - inner / 2;
      out.append("<g class=\"group\">");
      title(out, g.tooltip());
      for (int si = 0; si < g.values().size() && si < k; si++) {
        Double v = g.values().get(si);
        if (v == null) {
          continue;
        }
        double y0 = top + plotH - axis.at(Math.max(0, v)) * plotH;
        double y1 = top + plotH - axis.at(Math.min(0, v)) * plotH;
        out.append("<rect x=\"")
            .append(coord(x + si * inner / k))
            .append("\" y=\"")
            .append(coord(y0))
            .append("\" width=\"")
            .append(coord(inner / k - 1))
            .append("\" height=\"")
            .append(coord(Math.max(0.8, y1 - y0)))
            .append("\" fill=\"")
            .append(c.colors().get(si))
            .append("\"/>");
      }
      if (g.total() != null) {
        double ty = top + plotH - axis.at(g.total()) * plotH;
        out.append("<line x1=\"")
            .append(coord(x - 3))
            .append("\" x2=\"")
            .append(coord(x + inner + 3))
            .append("\" y1=\"")
            .append(coord(ty))
            .append("\" y2=\"")
            .append(coord(ty))
            .append("\" stroke=\"#1d232a\" stroke-width=\"2.5\"/><circle cx=\"")
            .append(coord(cx))
            .append("\" cy=\"")
            .append(coord(ty))
            .append("\" r=\"3\" fill=\"#1d232a\"/>");
      }
      text(out, cx, top + plotH + 18, "middle", null, g.label());
      out.append("</g>\n");
    }
    hline(out, "zero", left, w - right, zeroY);
    text(out, left + plotW / 2, h - 6, "middle", null, "Year (change from the year before)");
    out.append("\n</svg>\n<ul class=\"legend\">");
    for (int si = 0; si < c.seriesLabels().size(); si++) {
      out.append("<li>")
          .append(swatch(c.colors().get(si)))
          .append(escape(c.seriesLabels().get(si)))
          .append("</li>");
    }
    out.append("<li>").append(totalKey()).append(escape(c.totalLabel())).append("</li>");
    out.append("</ul>\n</figure>\n");
  }

  // ---- Small pieces ----

  /**
   * The progress meter of a target: the share of the target achieved (0 to 100 %, longer bars
   * clipped and said in the text beside) and a tick where the straight path to the target is.
   *
   * @param sharePct share of the target achieved, or null
   * @param pathSharePct where the path is, as a share of the target, or null
   * @param color the bar's colour
   * @param desc accessible description (plain text)
   */
  static void meter(
      StringBuilder out, Double sharePct, Double pathSharePct, String color, String desc) {
    double x0 = 6;
    double w = 300;
    out.append("<svg class=\"meter\" viewBox=\"0 0 312 40\" role=\"img\" aria-label=\"")
        .append(escape(desc))
        .append("\">");
    out.append("<rect x=\"")
        .append(coord(x0))
        .append("\" y=\"10\" width=\"")
        .append(coord(w))
        .append("\" height=\"12\" rx=\"2\" fill=\"#e3e7eb\"/>");
    if (sharePct != null && sharePct > 0) {
      out.append("<rect x=\"")
          .append(coord(x0))
          .append("\" y=\"10\" width=\"")
          .append(coord(w * Math.min(1, sharePct / 100)))
          .append("\" height=\"12\" rx=\"2\" fill=\"")
          .append(color)
          .append("\"/>");
    }
    if (pathSharePct != null) {
      double px = x0 + w * Math.max(0, Math.min(1, pathSharePct / 100));
      out.append("<line x1=\"")
          .append(coord(px))
          .append("\" x2=\"")
          .append(coord(px))
          .append("\" y1=\"5\" y2=\"27\" stroke=\"#1d232a\" stroke-width=\"2\"")
          .append(" stroke-dasharray=\"3 2\"/>");
    }
    for (int pct = 0; pct <= 100; pct += 25) {
      double tx = x0 + w * pct / 100.0;
      out.append("<text x=\"")
          .append(coord(tx))
          .append("\" y=\"37\" font-size=\"9\" fill=\"#5b6570\" text-anchor=\"")
          .append(pct == 0 ? "start" : pct == 100 ? "end" : "middle")
          .append("\">")
          .append(pct)
          .append("%</text>");
    }
    out.append("</svg>\n");
  }

  /** A small bar for a table cell: {@code fraction} (0 to 1) of its width. */
  static String mini(double fraction, String color) {
    double f = Double.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : 0;
    return "<svg class=\"mini\" viewBox=\"0 0 90 10\" aria-hidden=\"true\"><rect x=\"0\" y=\"1\""
        + " width=\""
        + coord(Math.max(0.5, 90 * f))
        + "\" height=\"8\" fill=\""
        + color
        + "\"/></svg>";
  }

  private static void openFigure(
      StringBuilder out, String id, String caption, int w, int h, String desc, String cls) {
    out.append("<figure>\n<figcaption id=\"")
        .append(escape(id))
        .append("-title\">")
        .append(escape(caption))
        .append("</figcaption>\n");
    out.append("<svg class=\"")
        .append(cls)
        .append("\" viewBox=\"0 0 ")
        .append(w)
        .append(' ')
        .append(h)
        .append("\" role=\"img\" aria-labelledby=\"")
        .append(escape(id))
        .append("-title ")
        .append(escape(id))
        .append("-desc\">\n<desc id=\"")
        .append(escape(id))
        .append("-desc\">")
        .append(escape(desc))
        .append("</desc>\n");
  }

  private static void hline(StringBuilder out, String cls, double x1, double x2, double y) {
    line(out, cls, x1, y, x2, y);
  }

  private static void vline(StringBuilder out, String cls, double x, double y1, double y2) {
    line(out, cls, x, y1, x, y2);
  }

  private static void line(
      StringBuilder out, String cls, double x1, double y1, double x2, double y2) {
    out.append("<line class=\"")
        .append(cls)
        .append("\" x1=\"")
        .append(coord(x1))
        .append("\" x2=\"")
        .append(coord(x2))
        .append("\" y1=\"")
        .append(coord(y1))
        .append("\" y2=\"")
        .append(coord(y2))
        .append("\"/>");
  }

  private static void text(
      StringBuilder out, double x, double y, String anchor, String cls, String text) {
    out.append("<text");
    if (cls != null) {
      out.append(" class=\"").append(cls).append('"');
    }
    out.append(" x=\"").append(coord(x)).append("\" y=\"").append(coord(y)).append('"');
    if (anchor != null) {
      out.append(" text-anchor=\"").append(anchor).append('"');
    }
    out.append('>').append(escape(text)).append("</text>");
  }

  private static void title(StringBuilder out, String tooltip) {
    if (tooltip != null && !tooltip.isEmpty()) {
      out.append("<title>").append(escape(tooltip)).append("</title>");
    }
  }
}
