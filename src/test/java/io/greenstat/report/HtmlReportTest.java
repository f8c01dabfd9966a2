package io.greenstat.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.config.JobSettings;
import io.greenstat.config.SettingsLoader;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.ProvinceRollup.ProvinceRow;
import io.greenstat.metrics.RowAccounting;
import io.greenstat.quality.Flag;
import io.greenstat.quality.FlagSummary;
import io.greenstat.quality.Indicator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  private static final String SIMPLE = HtmlReport.render(ReportFixtures.simple());

  @Test
  void loadsNothingFromOutside() {
    for (ReportModel model :
        List.of(
            ReportFixtures.simple(),
            ReportFixtures.hostile(),
            ReportFixtures.bare(),
            ReportFixtures.sample())) {
      String html = HtmlReport.render(model).toLowerCase(Locale.ROOT);
      for (String banned :
          List.of(
              "<script",
              "<link",
              "src=",
              "srcset",
              "url(",
              "@import",
              "@font-face",
              "<img",
              "<image",
              "<use",
              "<iframe",
              "<object",
              "<embed",
              "<audio",
              "<video",
              "<base",
              "<form",
              "<foreignobject",
              "http-equiv=\"refresh\"")) {
        assertFalse(html.contains(banned), "report contains " + banned);
      }
      // Source URLs are shown as text for the reader, never in an attribute: every tag is free of
      // them, and every link stays on the page.
      Matcher tag = Pattern.compile("<[^>]*>").matcher(html);
      while (tag.find()) {
        assertFalse(tag.group().contains("http:"), () -> "URL in a tag: " + tag.group());
        assertFalse(tag.group().contains("https:"), () -> "URL in a tag: " + tag.group());
        assertFalse(tag.group().contains("//"), () -> "URL in a tag: " + tag.group());
      }
      Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
      while (href.find()) {
        assertTrue(href.group(1).startsWith("#"), () -> "link off the page: " + href.group());
      }
      assertTrue(
          html.contains(
              "<meta http-equiv=\"content-security-policy\" content=\"default-src 'none';"
                  + " style-src 'unsafe-inline'\">"));
      assertTrue(html.contains("@media print"));
    }
  }

  @Test
  void sectionsInOrder() {
    List<String> ids =
        List.of(
            "headline",
            "trend",
            "divisions",
            "ei6",
            "decomposition",
            "provinces",
            "quality",
            "notes",
            "tables");
    for (ReportModel model :
        List.of(ReportFixtures.simple(), ReportFixtures.bare(), ReportFixtures.empty())) {
      String html = HtmlReport.render(model);
      int at = -1;
      for (String id : ids) {
        int i = html.indexOf("<section id=\"" + id + "\">");
        assertTrue(i > at, id + " missing or out of order");
        at = i;
        assertTrue(html.contains("<a href=\"#" + id + "\">"), "no link to " + id);
      }
      assertEquals(ids.size(), count(html, "<section id="));
    }
  }

  @Test
  void escapesDataAndConfiguration() {
    String html = HtmlReport.render(ReportFixtures.hostile());
    assertFalse(html.contains("<script>alert(1)</script>"));
    assertFalse(html.contains("<script"));
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertFalse(html.contains("\"&<>"));
    assertTrue(html.contains("/data/&quot;&amp;&lt;&gt;&#39;x"));
    assertFalse(html.contains("<b>bad</b>"));
    assertTrue(html.contains("&lt;b&gt;bad&lt;/b&gt;"));
  }

  @Test
  void escapesDataInTheNewSections() {
    String html = HtmlReport.render(ReportFixtures.hostile());
    String escaped = HtmlReport.escape(ReportFixtures.SCRIPT);
    // The province name; the division name in the ranking (table and chart label and tooltip),
    // in the contributions and in a constant-price reason; a target's and a figure's source.
    assertTrue(section(html, "provinces").contains("<td class=\"l\">" + escaped + "</td>"));
    String divisions = section(html, "divisions");
    assertTrue(divisions.contains("<td class=\"l\">" + escaped + "<span class=\"tag\">EI6"));
    assertTrue(divisions.contains("<title>31 " + escaped + ": "));
    assertTrue(divisions.contains(">31 &lt;script&gt;alert(1)&lt;/script&gt;</text>"));
    String decomposition = section(html, "decomposition");
    assertTrue(decomposition.contains("<td class=\"l\">" + escaped + "<span class=\"tag\">"));
    assertTrue(decomposition.contains("division 31 (" + escaped + ") in 2019</li>"));
    assertTrue(section(html, "headline").contains("MIIT plan, 2021; " + escaped + "</li>"));
    assertTrue(section(html, "trend").contains(">" + escaped + "</li>"));
    assertTrue(section(html, "notes").contains(escaped));
    // Every "<" in the page opens a tag the renderer wrote.
    Matcher lt = Pattern.compile("<(/?)([a-zA-Z!][a-zA-Z0-9]*)").matcher(html);
    java.util.Set<String> tags = new TreeSet<>();
    while (lt.find()) {
      tags.add(lt.group(2).toLowerCase(Locale.ROOT));
    }
    assertEquals(
        new TreeSet<>(
            List.of(
                "!doctype",
                "a",
                "body",
                "br",
                "circle",
                "code",
                "dd",
                "desc",
                "div",
                "dl",
                "dt",
                "em",
                "figcaption",
                "figure",
                "footer",
                "g",
                "h1",
                "h2",
                "h3",
                "head",
                "header",
                "html",
                "li",
                "line",
                "main",
                "meta",
                "nav",
                "ol",
                "p",
                "polyline",
                "rect",
                "section",
                "span",
                "strong",
                "style",
                "sub",
                "sup",
                "svg",
                "table",
                "tbody",
                "td",
                "text",
                "th",
                "thead",
                "title",
                "tr",
                "ul")),
        tags);
  }

  @Test
  void escapeCoversTheFiveSpecials() {
    assertEquals("&amp;&lt;&gt;&quot;&#39;", HtmlReport.escape("&<>\"'"));
    assertEquals("a &amp; b", HtmlReport.escape("a & b"));
    assertEquals("plain", HtmlReport.escape("plain"));
    assertEquals("", HtmlReport.escape(null));
  }

  @Test
  void sameModelRendersIdenticalBytes() {
    assertEquals(SIMPLE, HtmlReport.render(ReportFixtures.simple()));
    ReportModel model = ReportFixtures.simple();
    List<IndustryYear> shuffled = new ArrayList<>(model.industryYears());
    Collections.reverse(shuffled);
    List<ProvinceRow> provinces = new ArrayList<>(model.provinces());
    Collections.reverse(provinces);
    ReportModel reversed =
        new ReportModel(
            model.programVersion(),
            model.inputPath(),
            model.settings(),
            model.accounting(),
            shuffled,
            provinces,
            model.analytics(),
            model.published());
    assertEquals(SIMPLE, HtmlReport.render(reversed), "row order of the model must not matter");
    String sample = HtmlReport.render(ReportFixtures.sample());
    assertEquals(sample, HtmlReport.render(ReportFixtures.sample()));
  }

  @Test
  void chartHasOnePointPerYearForEachSeries() {
    List<String> years = List.of("2019", "2020", "2021", "2022", "2023");
    assertEquals(years, pointYears(SIMPLE, "energy"));
    assertEquals(years, pointYears(SIMPLE, "water"));
    // Each point has a tooltip with its value.
    assertTrue(
        SIMPLE.contains(
            "<title>2023: 0.4800 tce per 10,000 yuan; year on year -7.69%; same sample"
                + " -4.00%</title></circle>"));
    assertTrue(
        SIMPLE.contains("<title>2019: 32.0000 m\u00b3 per 10,000 yuan; year on year n/a</title>"));
    // Axis labels with units, and year ticks.
    assertTrue(
        SIMPLE.contains(") rotate(-90)\" text-anchor=\"middle\">tce per 10,000 yuan</text>"));
    assertTrue(SIMPLE.contains("text-anchor=\"middle\">2021</text>"));
    assertEquals(1, count(SIMPLE, "<polyline class=\"line\" data-series=\"energy\""));
    assertEquals(1, count(SIMPLE, "<polyline class=\"line\" data-series=\"water\""));
  }

  @Test
  void chartBreaksTheLineAtAYearWithoutValue() {
    ReportModel model = ReportFixtures.simple();
    List<IndustryYear> rows = new ArrayList<>(model.industryYears());
    rows.removeIf(r -> r.code().equals("ALL") && r.year() == 2021);
    String html =
        HtmlReport.render(
            new ReportModel(
                model.programVersion(),
                model.inputPath(),
                model.settings(),
                model.accounting(),
                rows));
    assertEquals(List.of("2019", "2020", "2022", "2023"), pointYears(html, "energy"));
    assertEquals(2, count(html, "<polyline class=\"line\" data-series=\"energy\""));
    assertTrue(html.contains("No value (no data, or zero added value) for 2021."));
  }

  @Test
  void headlineShowsHandComputedFigures() {
    String headline = section(SIMPLE, "headline");
    assertTrue(headline.contains("Headline figures, 2023"));
    assertTrue(headline.contains("<div class=\"big\">0.4800</div>"), "energy intensity");
    assertTrue(headline.contains("<div class=\"big\">24.4000</div>"), "water intensity");
    assertTrue(headline.contains("<div class=\"big\">125</div>"), "firms");
    assertTrue(headline.contains("<dt>YoY, all firms</dt><dd>-7.69%</dd>"), "energy YoY");
    assertTrue(headline.contains("<dt>YoY, all firms</dt><dd>-2.40%</dd>"), "water YoY");
    // Same sample 2023: energy 0.48 against 0.50, water 23.52 against 24.
    assertTrue(headline.contains("<dt>YoY, same sample</dt><dd>-4.00%</dd>"), "energy s.s.");
    assertTrue(headline.contains("<dt>YoY, same sample</dt><dd>-2.00%</dd>"), "water s.s.");
    assertTrue(headline.contains("<dt>Same sample</dt><dd>115 also in 2022</dd>"));
    assertTrue(headline.contains("<dt>Since 2020 (base year)</dt><dd>-20.00%</dd>"));
    assertTrue(headline.contains("<dt>Since 2020 (base year)</dt><dd>-18.67%</dd>"));
    assertTrue(headline.contains("<dt>in 2022</dt><dd>120</dd>"));
    assertTrue(headline.contains("130,000 \u00d7 10,000 yuan"));
  }

  @Test
  void headlineSaysWhenTheBaseYearHasNoData() {
    String headline = section(HtmlReport.render(ReportFixtures.withBaseYear("2015")), "headline");
    assertTrue(
        headline.contains(
            "<dt>Since 2015 (base year)</dt><dd><span class=\"na\" title=\"empty: the base year"
                + " 2015 has no data\">\u2013</span></dd>"));
    assertTrue(headline.contains("the base year 2015"));
  }

  @Test
  void emptyValuesShowTheDashWithAReason() {
    String tables = section(SIMPLE, "tables");
    String d = tbody(tables, "D");
    assertEquals(
        2,
        count(
            d,
            "title=\"empty: no firm above size in 2023 has a valid record in 2022\">\u2013</span>"));
    assertEquals(
        2,
        count(
            d,
            "<span class=\"na\" title=\"empty: added value is zero or absent, so the ratio is"
                + " undefined\">\u2013</span>"));
    assertEquals(2, count(d, "title=\"empty: no data for 2022\">\u2013</span>"));
    assertFalse(d.contains("NaN"));
    assertFalse(d.contains("Infinity"));
    // EI6 has no 2021 row, so its 2022 YoY is empty; its 2023 YoY is -9.375%.
    String ei6 = tbody(tables, "EI6");
    assertEquals(2, count(ei6, "title=\"empty: no data for 2021\">\u2013</span>"));
    assertTrue(ei6.contains("<td class=\"n\">-9.38%</td>"));
    assertTrue(ei6.contains("<td class=\"n\">1.4500</td>"));
  }

  @Test
  void tablesHaveEveryLevelWithSumsAndIntensities() {
    String tables = section(SIMPLE, "tables");
    for (String level : List.of("all", "section", "ei6", "division")) {
      assertTrue(tables.contains("<h3 id=\"level-" + level + "\">"), level);
    }
    String all = tbody(tables, "ALL");
    assertEquals(5, count(all, "</tr>"), "one row per year");
    assertTrue(
        all.contains(
            "<td class=\"n\">2023</td><td class=\"n\">125</td><td class=\"n\">130,000</td>"
                + "<td class=\"n\">62,400</td><td class=\"n\">3,172,000</td>"
                + "<td class=\"n\">0.4800</td><td class=\"n\">-7.69%</td>"
                + "<td class=\"n\">-4.00%</td>"
                + "<td class=\"n\">24.4000</td><td class=\"n\">-2.40%</td>"
                + "<td class=\"n\">-2.00%</td>"));
    // Sections, then divisions in code order.
    assertTrue(tables.indexOf("<code>B</code>") < tables.indexOf("<code>C</code>"));
    assertTrue(tables.indexOf("<code>06</code>") < tables.indexOf("<code>31</code>"));
    assertTrue(tables.indexOf("<code>31</code>") < tables.indexOf("<code>44</code>"));
  }

  @Test
  void rowAccountingListsEveryFateAndTheIdentity() {
    String acct = section(SIMPLE, "quality");
    assertTrue(acct.contains("Rows read</th><td class=\"n\">1,000</td>"));
    assertTrue(acct.contains("<code>blank_required_value</code></td><td class=\"n\">10</td>"));
    assertTrue(acct.contains("<code>negative_value</code></td><td class=\"n\">20</td>"));
    assertTrue(acct.contains("<code>division_out_of_scope</code></td><td class=\"n\">60</td>"));
    assertTrue(acct.contains("<code>year_out_of_range</code></td><td class=\"n\">5</td>"));
    assertTrue(acct.contains("Duplicates collapsed"));
    assertTrue(acct.contains("Below the size threshold"));
    assertTrue(acct.contains("revenue_yuan &gt;= 20000000"));
    assertTrue(acct.contains("<p class=\"ok\">"));
    assertTrue(
        acct.contains(
            "Rows read (1,000) = quarantined (30) + duplicates collapsed (5) + out of scope (65)"
                + " + below threshold (355) + aggregated (545): the identity holds."));

    ReportModel m = ReportFixtures.simple();
    RowAccounting a = m.accounting();
    RowAccounting off =
        new RowAccounting(
            a.inputFiles(),
            a.rowsRead() + 1,
            a.rowsQuarantined(),
            a.quarantineByReason(),
            a.duplicatesCollapsed(),
            a.rowsOutOfScope(),
            a.outOfScopeByReason(),
            a.rowsBelowThreshold(),
            a.rowsAggregated());
    String bad =
        HtmlReport.render(
            new ReportModel(
                m.programVersion(), m.inputPath(), m.settings(), off, m.industryYears()));
    assertTrue(section(bad, "quality").contains("the identity does NOT hold"));
  }

  @Test
  void methodNotesStateTheRules() {
    String notes = section(SIMPLE, "notes");
    assertTrue(notes.contains("<code>revenue_yuan &gt;= 20000000</code>"));
    assertTrue(notes.contains("divisions 06\u201346"));
    assertTrue(notes.contains("divisions 25, 26, 30, 31, 32, 44"));
    assertTrue(notes.contains("Intensity is a ratio of sums"));
    assertTrue(notes.contains("Year on year (YoY)"));
    assertTrue(notes.contains("Empty cells"));
    assertTrue(notes.contains("<code>spark.greenstat.baseYear</code>"));
    assertTrue(notes.contains("YoY, same sample"));
    assertTrue(notes.contains("have a valid record in year y\u22121"));
    assertTrue(notes.contains("ILLUSTRATIVE"));
    assertTrue(notes.contains("<code>conf/deflators.csv</code>"));
    assertTrue(notes.contains("LMDI-I decomposition"));
    assertTrue(notes.contains("L(a, b) = (a \u2212 b) / (ln a \u2212 ln b)"));
    assertTrue(notes.contains("Target progress."));
    assertTrue(notes.contains("<em>Official</em>"));
    assertTrue(notes.contains("<em>Derived</em>"));
    assertTrue(notes.contains("<em>Illustrative"));
    // Every published figure, with its source, grouped by indicator.
    assertTrue(notes.contains("<h3 id=\"published\">Official figures for comparison</h3>"));
    assertTrue(notes.contains(">Water per 10,000 yuan of industrial added value</th>"));
    assertTrue(notes.contains("28.2 m\u00b3 per 10,000 yuan"));
    assertTrue(notes.contains("<td class=\"l src\">MWR, 2021 Water Resources Bulletin</td>"));
    assertEquals(ReportFixtures.simple().published().size(), count(notes, "<td class=\"l src\">"));
  }

  @Test
  void emptyModelRenders() {
    String html = HtmlReport.render(ReportFixtures.empty());
    assertTrue(html.contains("no figures to show"));
    assertTrue(html.contains("No data to chart."));
    assertTrue(html.endsWith("</html>\n"));
  }

  @Test
  void modelWithoutAnalyticsSaysWhatIsMissing() {
    String html = HtmlReport.render(ReportFixtures.bare());
    assertTrue(section(html, "headline").contains("No target progress is available"));
    assertTrue(section(html, "decomposition").contains("No decomposition"));
    assertTrue(section(html, "provinces").contains("No province figures for 2023"));
    assertTrue(section(html, "notes").contains("No published figures were given"));
    // The trend still has the computed series, without a path or official figures.
    assertEquals(5, pointYears(html, "energy").size());
    assertFalse(html.contains("data-series=\"energy-path\""));
    assertFalse(html.contains("pt-official"));
  }

  // ---- 1. Headline: target progress ----

  @Test
  void headlineShowsProgressTowardsEachTarget() {
    String headline = section(SIMPLE, "headline");
    String energy = card(headline, "energy_intensity");
    // Same-sample rates -5, -6, -4 %: cumulative 0.95 x 0.94 x 0.96 - 1; two years left.
    double cumulative = 0.95 * 0.94 * 0.96 - 1;
    assertTrue(energy.contains("Energy intensity: -13.5% by 2025 against 2020"));
    assertTrue(energy.contains("<div class=\"big\">" + HtmlReport.percent(100 * cumulative)));
    assertTrue(energy.contains("change 2020\u20132023"));
    assertTrue(
        energy.contains(
            "<dt>Share of target achieved</dt><dd>"
                + HtmlReport.share(100 * cumulative / -0.135)
                + "</dd>"));
    assertTrue(
        energy.contains(
            "<dt>Allowed per year to 2025</dt><dd>"
                + HtmlReport.percent(100 * (Math.sqrt(0.865 / (1 + cumulative)) - 1))
                + " a year</dd>"),
        "past the target, the yearly change may rise and still meet it");
    assertTrue(
        energy.contains(
            "<span class=\"badge on\">On track</span> <span class=\"meta\">target already"
                + " exceeded</span>"));

    String water = card(headline, "water_intensity");
    double wc = 0.98 * 0.97 * 0.98 - 1;
    assertTrue(water.contains("<div class=\"big\">" + HtmlReport.percent(100 * wc)));
    assertTrue(
        water.contains(
            "<dt>Straight path at 2023</dt><dd>"
                + HtmlReport.percent(100 * (Math.pow(0.84, 0.6) - 1))
                + "</dd>"));
    assertTrue(
        water.contains(
            "<dt>Needed per year to 2025</dt><dd>"
                + HtmlReport.percent(100 * (Math.sqrt(0.84 / (1 + wc)) - 1))
                + " a year</dd>"));
    assertTrue(water.contains("<span class=\"badge off\">Off track</span>"));

    String co2 = card(headline, "co2_intensity");
    assertTrue(co2.contains("<span class=\"badge na\">No verdict</span>"));
    assertTrue(co2.contains("no year-on-year change for 2021, 2022, 2023"));

    assertTrue(headline.contains(HtmlReport.escape(io.greenstat.trends.Analytics.TARGET_SERIES)));
    assertTrue(headline.contains("<li id=\"tsrc-1\">MIIT plan, 2021</li>"));
  }

  @Test
  void targetCardsShowTheComparablePriceBasis() {
    String headline = section(SIMPLE, "headline");
    String energy = card(headline, "energy_intensity");
    // Comparable rates −4, −5, −3 %: 0.96 × 0.95 × 0.97 − 1 = −11.536 %; the straight path at 2023
    // is 0.865^(3/5) − 1 = −8.33 %, so on track; share 11.536 / 13.5.
    double cumulative = 0.96 * 0.95 * 0.97 - 1;
    String line =
        energy.substring(
            energy.indexOf("<p class=\"comparable\" data-price-basis=\"comparable\">"));
    assertTrue(
        line.startsWith(
            "<p class=\"comparable\" data-price-basis=\"comparable\">At comparable prices: <strong>"
                + HtmlReport.percent(100 * cumulative)
                + "</strong> since 2020, "),
        line);
    assertTrue(line.contains("<span class=\"badge on\">On track</span>"), line);
    assertTrue(
        line.contains(
            HtmlReport.percent(100 * (Math.sqrt(0.865 / (1 + cumulative)) - 1))
                + " a year to 2025"),
        line);

    String water = card(headline, "water_intensity");
    String waterLine = water.substring(water.indexOf("<p class=\"comparable\""));
    assertTrue(waterLine.contains("At comparable prices: "), waterLine);
    assertTrue(
        waterLine.contains(HtmlReport.escape(ReportFixtures.COMPARABLE_WATER_REASON)), waterLine);
    assertTrue(
        headline.contains(
            HtmlReport.escape(io.greenstat.trends.Analytics.COMPARABLE_TARGET_SERIES)));
  }

  // ---- 2. Trend: target path and official figures ----

  @Test
  void trendDrawsTheTargetPathAndTheOfficialFigures() {
    String trend = section(SIMPLE, "trend");
    // The year axis runs to the target year; the path from the 2020 level to the 2025 target.
    assertEquals(
        List.of("2020", "2021", "2022", "2023", "2024", "2025"),
        years(trend, "pt-path", "energy-path"));
    assertTrue(trend.contains("text-anchor=\"middle\">2025</text>"));
    assertTrue(
        trend.contains(
            "<title>2025: target path 0.5190 tce per 10,000 yuan (-13.50% since 2020)</title>"));
    assertTrue(trend.contains("<title>2025: target path 25.2000 m\u00b3 per 10,000 yuan"));
    assertTrue(trend.contains("stroke-dasharray=\"7 4\""), "the path is dashed");
    // The base level carried forward by the same-sample rates: 0.60 x 0.95 = 0.57 in 2021.
    assertEquals(
        List.of("2020", "2021", "2022", "2023"), years(trend, "pt-chained", "energy-chained"));
    assertTrue(trend.contains("<title>2021: 0.5700 tce per 10,000 yuan, the 2020 level"));
    // Official water levels next to the computed ones; none for energy.
    assertEquals(
        List.of("2020", "2021", "2022", "2023"), years(trend, "pt-official", "water-official"));
    assertTrue(trend.contains("<title>2021: 28.2 m\u00b3 per 10,000 yuan, official"));
    assertFalse(trend.contains("data-series=\"energy-official\""));
    assertTrue(trend.contains("Computed: above-site firms".replace("site", "size")));
    assertTrue(trend.contains("Official level, published (all industry; sources below)"));
    assertTrue(trend.contains("cover <em>all industry</em>"));
  }

  @Test
  void trendComparesComputedAndOfficialRates() {
    String trend = section(SIMPLE, "trend");
    String yoy = trend.substring(trend.indexOf("<table class=\"yoy\">"));
    yoy = yoy.substring(0, yoy.indexOf("</table>"));
    // 2021: computed -8.33 % (0.55 / 0.60), same sample -5 %, official -5.6 %; water -10 %,
    // -2 %, official -7.1 %.
    String row2021 =
        yoy.substring(yoy.indexOf(">2021</th>"), yoy.indexOf("</tr>", yoy.indexOf(">2021</th>")));
    assertTrue(row2021.contains("<td class=\"n\">-8.33%</td><td class=\"n\">-5.00%</td>"));
    assertTrue(row2021.contains("-5.6%<sup class=\"ref\">"));
    assertTrue(row2021.contains("<td class=\"n\">-10.00%</td><td class=\"n\">-2.00%</td>"));
    assertTrue(row2021.contains("-7.1%<sup class=\"ref\">"));
    String row2020 =
        yoy.substring(yoy.indexOf(">2020</th>"), yoy.indexOf("</tr>", yoy.indexOf(">2020</th>")));
    assertEquals(2, count(row2020, "no official figure for this year"));
    assertEquals(4, count(yoy, "<tr><th class=\"l\" scope=\"row\">"), "2020 to 2023");

    // Periods: 2016-2020 is outside the data; 2021-2022 is inside: 25 / 30 and 0.98 x 0.97.
    assertTrue(trend.contains("2016-2020 <span class=\"meta\">(2020 against 2015)</span>"));
    assertTrue(trend.contains("title=\"empty: no data for 2015\""));
    assertTrue(trend.contains("-17.2%<sup class=\"ref\"><a href=\"#src-"));
    assertTrue(trend.contains("<td class=\"n\">-16.67%</td><td class=\"n\">-4.94%</td>"));

    // Sources, numbered in order of first use, each once.
    assertTrue(trend.contains("<li id=\"src-1\">MWR, 2020 bulletin</li>"));
    assertEquals(1, count(trend, ">MWR, 2021 Water Resources Bulletin</li>"));
  }

  // ---- 3. Divisions ----

  @Test
  void divisionsAreRankedByChange() {
    String divisions = section(SIMPLE, "divisions");
    assertTrue(
        divisions.contains("Divisions ranked by change in energy intensity, 2022\u20132023"));
    // 31 has a same-sample change (-8 %); 06 and 44 have none and come last, by code.
    List<String> order = new ArrayList<>();
    Matcher m = Pattern.compile("<tr data-code=\"([0-9]+)\">").matcher(divisions);
    while (m.find()) {
      order.add(m.group(1));
    }
    assertEquals(List.of("31", "06", "44"), order);
    String d31 = divisions.substring(divisions.indexOf("<tr data-code=\"31\">"));
    d31 = d31.substring(0, d31.indexOf("</tr>"));
    // Intensity 2.3 (29,900 / 13,000), YoY and same-sample -8 %, 47.9 % of the energy, 10 % of
    // the added value.
    assertTrue(
        d31.contains(
            "<td class=\"n\">2.3000</td><td class=\"n\">-8.00%</td><td class=\"n\">-8.00%</td>"
                + "<td class=\"n\">47.9%</td><td class=\"n\">10.0%</td>"));
    assertTrue(d31.startsWith("<tr data-code=\"31\"><td class=\"n\">1</td>"));
    assertTrue(d31.contains("<span class=\"tag\">EI6</span>"));
    // The bar chart: one bar per division, in the same order; rows without a change say so.
    assertTrue(divisions.contains("<g class=\"bar\" data-key=\"31\">"));
    assertTrue(divisions.indexOf("data-key=\"31\"") < divisions.indexOf("data-key=\"06\""));
    assertTrue(divisions.contains(">no change figure</text>"));
    assertTrue(divisions.contains(">-8.00%</text>"));
  }

  // ---- 4. EI6 and the rest ----

  @Test
  void ei6AgainstTheRest() {
    String ei6 = section(SIMPLE, "ei6");
    // 2023: EI6 46,400 tce of 62,400, 32,000 of 130,000 (x 10,000 yuan); the rest 16,000 / 98,000.
    assertTrue(ei6.contains("EI6 used <strong>74.4%</strong> of the energy"));
    assertTrue(ei6.contains("<strong>24.6%</strong> of the added value"));
    assertTrue(ei6.contains("<strong>8.9 times</strong> that of the rest"));
    String row = ei6.substring(ei6.indexOf(">2023</th>"));
    row = row.substring(0, row.indexOf("</tr>"));
    // Rest: 0.163265 against 17,000 / 95,000 = 0.178947 in 2022 (-8.76 %); same sample
    // 16,800 / 95,000 against 12,700 / 87,000 (+21.14 %); EI6 same sample 1.44 / 1.60 (-10 %).
    assertTrue(
        row.contains(
            "<td class=\"n\">1.4500</td><td class=\"n\">-9.38%</td><td class=\"n\">-10.00%</td>"
                + "<td class=\"n\">0.1633</td><td class=\"n\">-8.76%</td>"
                + "<td class=\"n\">+21.14%</td><td class=\"n\">74.4%</td>"
                + "<td class=\"n\">24.6%</td>"),
        row);
    // No EI6 row in 2021: that year is left out, and 2022 has no change for the rest.
    assertFalse(ei6.contains(">2021</th>"));
    assertTrue(ei6.contains("empty: no ALL and EI6 rows for 2021"));
    // Index chart, 2020 = 100, and the share chart.
    assertTrue(ei6.contains("Energy intensity, index 2020 = 100"));
    assertTrue(ei6.contains("<circle class=\"pt\" data-series=\"ei6\" data-year=\"2020\""));
    assertTrue(ei6.contains("<title>2023: EI6 share of energy 74.4%</title>"));
  }

  // ---- 5. Decomposition ----

  @Test
  void decompositionTablesChartAndContributions() {
    String dec = section(SIMPLE, "decomposition");
    String current =
        dec.substring(
            dec.indexOf("<h3 id=\"dec-current\">"), dec.indexOf("<h3 id=\"dec-constant\">"));
    assertEquals(6, count(current, "</tr>\n"), "4 yearly + 2 chained rows");
    assertEquals(2, count(current, "<tr class=\"chained\">"));
    assertTrue(current.contains("2019\u21922023<span class=\"tag\">chained: whole span</span>"));
    assertTrue(
        current.contains("2020\u21922023<span class=\"tag\">chained: base year to latest</span>"));
    // 2022 -> 2023: 0.52 -> 0.48, D_str 0.98, D_int = (0.48 / 0.52) / 0.98, changes -0.04 =
    // -0.0103 - 0.0297.
    assertTrue(
        current.contains(
            "<td class=\"n\">0.5200</td><td class=\"n\">0.4800</td><td class=\"n\">0.9231</td>"
                + "<td class=\"n\">0.9800</td><td class=\"n\">"
                + HtmlReport.ratio(0.48 / 0.52 / 0.98)
                + "</td><td class=\"n\">-0.0400</td><td class=\"n\">-0.0103</td>"
                + "<td class=\"n\">-0.0297</td>"));
    // Constant prices, and why two years are missing.
    assertTrue(dec.contains("At constant prices (illustrative deflators"));
    assertTrue(dec.contains("<p id=\"constant-missing\">Constant-price figures are missing"));
    assertTrue(dec.contains("<li>2020: no price index for division 44 in 2020</li>"));
    // The chart: one group per yearly row.
    assertEquals(4, count(dec, "<g class=\"group\">"));
    assertTrue(dec.contains("Structure effect \u0394I_str"));
    // Contributions 2022 -> 2023, largest first, then the totals of the decomposition.
    String contrib = dec.substring(dec.indexOf("<h3 id=\"contributions\">"));
    assertTrue(contrib.contains("Divisions contributing most, 2022\u21922023 (current prices)"));
    assertTrue(contrib.indexOf("<code>31</code>") < contrib.indexOf("<code>44</code>"));
    assertTrue(contrib.indexOf("<code>44</code>") < contrib.indexOf("<code>06</code>"));
    assertTrue(
        contrib.contains(
            "<td class=\"n\">-0.0050</td><td class=\"n\">-0.0250</td><td class=\"n\">-0.0300</td>"));
    assertTrue(
        contrib.contains(
            "All 3 divisions</td><td class=\"n\">-0.0103</td><td class=\"n\">-0.0297</td>"
                + "<td class=\"n\">-0.0400</td>"));
  }

  // ---- 6. Provinces ----

  @Test
  void provincesRankedByEnergyIntensity() {
    String prov = section(SIMPLE, "provinces");
    assertTrue(prov.contains("<h2>Provinces, 2023</h2>"));
    List<String> order = new ArrayList<>();
    Matcher m = Pattern.compile("<tr data-province=\"([0-9]+)\">").matcher(prov);
    while (m.find()) {
      order.add(m.group(1));
    }
    assertEquals(List.of("13", "32", "11"), order, "ALL rows of 2023 only, highest first");
    String hebei = prov.substring(prov.indexOf("<tr data-province=\"13\">"));
    hebei = hebei.substring(0, hebei.indexOf("</tr>"));
    // 36,000 / 40,000 = 0.9 against 38,950 / 41,000 = 0.95; same sample 0.90 / 0.95; water 35
    // against 34.
    assertTrue(hebei.contains("<td class=\"n\">1</td><td class=\"l\"><code>13</code></td>"));
    assertTrue(hebei.contains("<td class=\"l\">Hebei</td><td class=\"n\">40</td>"));
    assertTrue(hebei.contains("0.9000<svg class=\"mini\""));
    assertTrue(
        hebei.contains(
            "<td class=\"n\">-5.26%</td><td class=\"n\">-5.26%</td>"
                + "<td class=\"n\">35.0000</td><td class=\"n\">+2.94%</td>"));
    String jiangsu = prov.substring(prov.indexOf("<tr data-province=\"32\">"));
    jiangsu = jiangsu.substring(0, jiangsu.indexOf("</tr>"));
    assertTrue(jiangsu.contains("empty: no firm above size in 2023 has a valid record in 2022"));
    assertFalse(prov.contains("9.9000"), "the division row of a province is not listed");
  }

  // ---- 7. Data quality ----

  @Test
  void qualityListsQuarantineReasonsWithTheirMeaning() {
    String q = section(SIMPLE, "quality");
    String reasons = q.substring(q.indexOf("<h3 id=\"quarantine\">"));
    assertTrue(
        reasons.indexOf("<code>negative_value</code>")
            < reasons.indexOf("<code>blank_required_value</code>"),
        "most frequent first");
    assertTrue(reasons.contains("<td class=\"n\">66.7%</td><td class=\"n\">2.00%</td>"));
    assertEquals(
        "required column revenue_yuan is null (or blank text)",
        ReportPage.reasonMeaning("missing_revenue_yuan"));
    assertEquals("energy_tce is below zero", ReportPage.reasonMeaning("negative_energy_tce"));
    assertEquals("", ReportPage.reasonMeaning("something_new"));
    String sample = section(HtmlReport.render(ReportFixtures.sample()), "quality");
    assertTrue(sample.contains("another row has the same firm_id and year but different values"));
  }

  @Test
  void qualityListsPlausibilityFlags_countsTopFirmsEscapedAndMode() {
    assertTrue(section(SIMPLE, "quality").contains("No firm-year was flagged."));
    assertTrue(section(SIMPLE, "quality").contains("Mode <code>flag</code>"));

    ReportModel base = ReportFixtures.simple();
    Flag mild =
        new Flag(
            2023,
            "31",
            "MILD",
            Indicator.ENERGY,
            "jump_energy_up",
            "3110",
            "11",
            5.0,
            null,
            null,
            null,
            0.5,
            10.0);
    Flag severe =
        new Flag(
            2022,
            "25",
            "<b>F</b>",
            Indicator.WATER,
            "unit_water_x10000",
            "2511",
            "32",
            20_000.0,
            2.0,
            40L,
            10_000.0,
            null,
            null);
    ReportModel flagged =
        new ReportModel(
            base.programVersion(),
            base.inputPath(),
            base.settings(),
            base.accounting(),
            base.industryYears(),
            base.provinces(),
            base.analytics(),
            base.published(),
            new FlagSummary(JobSettings.FlagMode.QUARANTINE, List.of(mild, severe)));
    String q = section(HtmlReport.render(flagged), "quality");
    String flags = q.substring(q.indexOf("<h3 id=\"flags\">"));
    assertTrue(flags.contains("Mode <code>quarantine</code>"));
    assertTrue(flags.contains("2 flags on 2 firm-years"));
    assertTrue(flags.contains("<code>unit_water_x10000</code></td><td class=\"n l\">1</td>"));
    assertTrue(flags.contains("about 10,000 times its division-year median"));
    assertFalse(flags.contains("<b>F</b>"), "firm ids are escaped");
    assertTrue(
        flags.indexOf("<code>&lt;b&gt;F&lt;/b&gt;</code>") < flags.indexOf("<code>MILD</code>"),
        "furthest from plausible first (10^4 before 10)");
    assertTrue(flags.contains("<td class=\"n\">2.000e+04</td>"), flags);
    assertEquals(
        "water intensity about 10,000 times its division-year median (a unit error?)",
        ReportPage.reasonMeaning("unit_water_x10000"));
  }

  @Test
  void numberFormats() {
    assertEquals("0.00%", HtmlReport.percent(-0.001));
    assertEquals("+1.25%", HtmlReport.percent(1.249999));
    assertEquals("-7.69%", HtmlReport.percent(-7.6923));
    assertEquals("1,234,568", HtmlReport.sum(1_234_567.5));
    assertEquals("12.50", HtmlReport.sum(12.5));
    assertEquals("0.00", HtmlReport.sum(-0.001));
    assertEquals("1,234.5679", HtmlReport.intensity(1234.56789));
    assertEquals("06\u201346", HtmlReport.ranges(SettingsLoader.defaults().scopeDivisions()));
    assertEquals(
        "06\u201308, 13, 25\u201326",
        HtmlReport.ranges(new TreeSet<>(List.of("06", "07", "08", "13", "25", "26"))));
  }

  // ---- helpers ----

  private static List<String> pointYears(String html, String series) {
    Matcher m =
        Pattern.compile("<circle class=\"pt\" data-series=\"" + series + "\" data-year=\"(\\d+)\"")
            .matcher(html);
    List<String> years = new ArrayList<>();
    while (m.find()) {
      years.add(m.group(1));
    }
    return years;
  }

  private static List<String> years(String html, String cls, String series) {
    Matcher m =
        Pattern.compile("class=\"" + cls + "\" data-series=\"" + series + "\" data-year=\"(\\d+)\"")
            .matcher(html);
    List<String> years = new ArrayList<>();
    while (m.find()) {
      years.add(m.group(1));
    }
    return years;
  }

  private static String card(String headline, String indicator) {
    int start =
        headline.indexOf("<div class=\"card target\" data-indicator=\"" + indicator + "\">");
    assertTrue(start >= 0, "no card " + indicator);
    return headline.substring(start, headline.indexOf("</p>\n</div>", start));
  }

  private static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static String section(String html, String id) {
    int start = html.indexOf("<section id=\"" + id + "\">");
    assertTrue(start >= 0, "no section " + id);
    return html.substring(start, html.indexOf("</section>", start));
  }

  private static String tbody(String tables, String code) {
    int start = tables.indexOf("<code>" + code + "</code>");
    assertTrue(start >= 0, "no group " + code);
    return tables.substring(start, tables.indexOf("</tbody>", start));
  }
}
