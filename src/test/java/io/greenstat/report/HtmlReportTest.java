package io.greenstat.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.config.SettingsLoader;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.RowAccounting;
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
        List.of(ReportFixtures.simple(), ReportFixtures.hostile(), ReportFixtures.sample())) {
      String html = HtmlReport.render(model).toLowerCase(Locale.ROOT);
      for (String banned :
          List.of(
              "http://",
              "https://",
              "//cdn",
              "<script",
              "<link",
              "src=",
              "url(",
              "@import",
              "<img",
              "<iframe",
              "<object",
              "<embed")) {
        assertFalse(html.contains(banned), "report contains " + banned);
      }
      assertTrue(html.contains("content-security-policy"));
      assertTrue(html.contains("@media print"));
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
    ReportModel reversed =
        new ReportModel(
            model.programVersion(),
            model.inputPath(),
            model.settings(),
            model.accounting(),
            shuffled);
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
            "<title>2023: 0.4800 tce per 10,000 yuan; year on year -7.69%</title></circle>"));
    assertTrue(
        SIMPLE.contains("<title>2019: 32.0000 m\u00b3 per 10,000 yuan; year on year n/a</title>"));
    // Axis labels with units, and year ticks.
    assertTrue(
        SIMPLE.contains(") rotate(-90)\" text-anchor=\"middle\">tce per 10,000 yuan</text>"));
    assertTrue(SIMPLE.contains("text-anchor=\"middle\">2021</text>"));
    assertEquals(2, count(SIMPLE, "<svg "));
    assertEquals(2, count(SIMPLE, "<polyline "));
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
    assertEquals(4, count(html, "<polyline "));
    assertTrue(html.contains("No value (no data, or zero added value) for 2021."));
  }

  @Test
  void headlineShowsHandComputedFigures() {
    String headline = section(SIMPLE, "headline");
    assertTrue(headline.contains("Headline figures, 2023"));
    assertTrue(headline.contains("<div class=\"big\">0.4800</div>"), "energy intensity");
    assertTrue(headline.contains("<div class=\"big\">24.4000</div>"), "water intensity");
    assertTrue(headline.contains("<div class=\"big\">125</div>"), "firms");
    assertTrue(headline.contains("<dt>Year on year</dt><dd>-7.69%</dd>"), "energy YoY");
    assertTrue(headline.contains("<dt>Year on year</dt><dd>-2.40%</dd>"), "water YoY");
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
                + "<td class=\"n\">24.4000</td><td class=\"n\">-2.40%</td>"));
    // Sections, then divisions in code order.
    assertTrue(tables.indexOf("<code>B</code>") < tables.indexOf("<code>C</code>"));
    assertTrue(tables.indexOf("<code>06</code>") < tables.indexOf("<code>31</code>"));
    assertTrue(tables.indexOf("<code>31</code>") < tables.indexOf("<code>44</code>"));
  }

  @Test
  void rowAccountingListsEveryFateAndTheIdentity() {
    String acct = section(SIMPLE, "accounting");
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
    assertTrue(section(bad, "accounting").contains("the identity does NOT hold"));
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
  }

  @Test
  void emptyModelRenders() {
    String html = HtmlReport.render(ReportFixtures.empty());
    assertTrue(html.contains("no figures to show"));
    assertTrue(html.contains("No data to chart."));
    assertTrue(html.endsWith("</html>\n"));
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
