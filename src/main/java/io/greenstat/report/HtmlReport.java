package io.greenstat.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;

/**
 * Renders {@code report.html}: the trend report for people. The page is self-contained (inline CSS,
 * charts as inline SVG, no scripts, nothing loaded from the network; a Content-Security-Policy
 * forbids it too) and deterministic: the same {@link ReportModel} always gives the same bytes
 * (stable ordering, {@link Locale#ROOT} number formats, {@code \n} line ends, no clock, no random
 * ids). Every text that comes from data or configuration goes through {@link #escape(String)}.
 *
 * <p>Sections, in order: headline figures and target progress; the national trend with the target
 * path and the official figures; divisions ranked by change; EI6 against the rest of industry; the
 * LMDI decomposition; provinces; data quality; method notes; and the full tables by group. The page
 * itself is built by {@link ReportPage}, its charts by {@link SvgCharts}.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** What an empty (null) value shows: an en dash, with a title saying why it is empty. */
  public static final String DASH = "\u2013";

  /** Renders the report page of {@code model}. */
  public static String render(ReportModel model) {
    Objects.requireNonNull(model, "model");
    return new ReportPage(model).render();
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

  /** A share in percent, one decimal, no sign, e.g. {@code 83.1%}. */
  static String share(double v) {
    return fixed("%.1f", v) + "%";
  }

  /** A ratio (D_tot, D_str, D_int): four decimals. */
  static String ratio(double v) {
    return fixed("%.4f", v);
  }

  /** A signed change of an intensity, four decimals, e.g. {@code -0.0400} or {@code +0.0120}. */
  static String signed(double v) {
    String s = fixed("%,.4f", v);
    return s.startsWith("-") || s.equals("0.0000") ? s : "+" + s;
  }

  /** A count, thousands separated. */
  static String count(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  /** A sum: whole units with thousands separators, two decimals below 100. */
  static String sum(double v) {
    return Math.abs(v) >= 100 ? fixed("%,.0f", v) : fixed("%,.2f", v);
  }

  /** {@code v} formatted by {@code pattern} in {@link Locale#ROOT}; never {@code -0}. */
  static String fixed(String pattern, double v) {
    if (!Double.isFinite(v)) {
      return DASH;
    }
    String s = String.format(Locale.ROOT, pattern, v);
    // A value that rounds to zero shows as 0, never as -0.
    return s.startsWith("-") && s.chars().noneMatch(ch -> ch >= '1' && ch <= '9')
        ? s.substring(1)
        : s;
  }

  /** A number with one decimal for SVG coordinates. */
  static String coord(double v) {
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

  static final String CSS =
      """
      :root{--fg:#1d232a;--muted:#5b6570;--rule:#d5dae0;--alt:#f4f6f8;\
      --energy:#b5542a;--water:#1f6fb2;--good:#1d6b36;--bad:#a1261c;--hl:#fbf3df}
      *{box-sizing:border-box}
      html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
      body{margin:0 auto;max-width:76rem;padding:1.5rem 1.25rem 3rem;color:var(--fg);\
      background:#fff;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,\
      "Helvetica Neue",Arial,sans-serif}
      h1{font-size:1.6rem;margin:0 0 .3rem}
      h2{font-size:1.3rem;margin:2.4rem 0 .6rem;padding-bottom:.25rem;\
      border-bottom:2px solid var(--rule)}
      h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
      p{margin:.4rem 0;max-width:62rem}
      .meta{color:var(--muted)}
      .lead{font-size:1.02rem}
      code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em;\
      overflow-wrap:anywhere}
      nav{margin:.6rem 0 0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
      .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:.8rem}
      .card{border:1px solid var(--rule);border-radius:6px;padding:.8rem 1rem}
      .card h3{margin:0 0 .2rem;font-size:.95rem;color:var(--muted);font-weight:600}
      .big{font-size:2rem;font-weight:650;font-variant-numeric:tabular-nums;line-height:1.2}
      .unit{color:var(--muted);font-size:.88rem}
      .card dl{display:grid;grid-template-columns:auto auto;justify-content:start;\
      gap:.1rem .8rem;margin:.5rem 0 0}
      .card dt{color:var(--muted)}
      .card dd{margin:0;font-variant-numeric:tabular-nums}
      .card p{margin:.45rem 0 0;font-size:.88rem}
      .badge{display:inline-block;padding:.05rem .55rem;border-radius:999px;font-size:.8rem;\
      font-weight:650;border:1.5px solid;white-space:nowrap}
      .badge.on{color:var(--good);border-color:var(--good);background:#e8f4ec}
      .badge.off{color:var(--bad);border-color:var(--bad);background:#fbeceb}
      .badge.na{color:var(--muted);border-color:#aab2ba;background:#fff}
      svg.meter{width:100%;max-width:22rem;height:auto;display:block;margin:.5rem 0 0}
      .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(24rem,1fr));gap:1.4rem}
      figure{margin:0}
      figcaption{font-weight:600;margin-bottom:.2rem}
      svg.chart{width:100%;height:auto;display:block}
      svg.chart.wide{max-width:60rem}
      .chart text{font-size:12px;fill:#39424c}
      .chart text.v{font-size:11px}
      .chart .grid{stroke:#e3e7eb}
      .chart .axis{stroke:#7d8791}
      .chart .zero{stroke:#39424c}
      .chart .base{stroke:#9aa4ae;stroke-dasharray:4 3}
      ul.legend{list-style:none;padding:0;margin:.35rem 0 0;display:flex;flex-wrap:wrap;\
      gap:.2rem 1.2rem;font-size:.84rem;color:#39424c}
      ul.legend li{display:flex;align-items:center;gap:.4rem}
      svg.key{flex:none;width:30px;height:12px}
      svg.mini{width:90px;height:10px;vertical-align:middle;margin-left:.4rem}
      .tablewrap{overflow-x:auto}
      table{border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:.88rem;\
      margin:.3rem 0 1rem}
      th,td{padding:.22rem .55rem;border-bottom:1px solid var(--rule);vertical-align:top}
      thead th{position:sticky;top:0;background:#fff;border-bottom:2px solid #9aa4ae;\
      text-align:right;font-weight:600;vertical-align:bottom}
      thead tr.over th{position:static;border-bottom:1px solid var(--rule);text-align:center}
      .l,thead th.l{text-align:left}
      .n{text-align:right;white-space:nowrap}
      tbody.group th{text-align:left;font-weight:600;min-width:12rem;max-width:20rem}
      tbody.group:nth-of-type(even){background:var(--alt)}
      thead .u{font-weight:400;color:var(--muted)}
      table.acct th{text-align:left;font-weight:600}
      table.acct tr.sub td{color:var(--muted);padding-left:1.6rem}
      tr.chained td,tr.chained th{background:var(--hl);font-weight:600}
      tr.chained td:first-child,tr.chained th:first-child{box-shadow:inset 3px 0 #c99a2e}
      tr.total td,tr.total th{border-top:2px solid #9aa4ae;font-weight:600}
      .tag{display:inline-block;font-size:.72rem;line-height:1.3;border:1px solid #aab2ba;\
      border-radius:3px;padding:0 .3rem;color:var(--muted);margin-left:.3rem;font-weight:600}
      .na{color:var(--muted);cursor:help}
      .ok{color:#1d7a3a;font-weight:600}
      .warn{color:#b3261e;font-weight:600}
      .down{color:var(--good)}
      .up{color:var(--bad)}
      sup.ref{font-size:.72em;color:var(--muted)}
      table.reasons code{overflow-wrap:normal;white-space:nowrap}
      table.published td.note{min-width:11rem}
      table.published td.src{font-size:.78rem;color:var(--muted);overflow-wrap:anywhere;\
      min-width:18rem}
      ol.fn{font-size:.8rem;color:var(--muted);padding-left:1.6rem;max-width:62rem}
      ol.fn li{overflow-wrap:anywhere;margin:.15rem 0}
      ul.notes li{margin:.35rem 0;max-width:62rem}
      footer{margin-top:2.5rem;padding-top:.5rem;border-top:1px solid var(--rule);\
      color:var(--muted);font-size:.85rem}
      @page{margin:14mm}
      @media print{
      body{max-width:none;padding:0;font-size:10pt}
      nav{display:none}
      h2{break-after:avoid}
      h3{break-after:avoid}
      .card,figure,tbody.group,table.acct,tr{break-inside:avoid}
      thead th{position:static}
      .tablewrap{overflow:visible}
      .charts{grid-template-columns:1fr 1fr}
      .cards{grid-template-columns:repeat(3,1fr)}
      tbody.group:nth-of-type(even){background:none}
      a{color:inherit;text-decoration:none}
      }
      """;
}
