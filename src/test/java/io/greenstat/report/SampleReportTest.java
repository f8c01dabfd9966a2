package io.greenstat.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the sample report for a person to look at, only when asked: {@code mvn -o -q test
 * -Dtest=SampleReportTest -Dgreenstat.sampleReport=/tmp/report-sample.html}. The summary goes next
 * to it as {@code summary-sample.json}.
 */
class SampleReportTest {

  @Test
  @EnabledIfSystemProperty(named = "greenstat.sampleReport", matches = ".+")
  void writeSample() throws IOException {
    Path html = Path.of(System.getProperty("greenstat.sampleReport"));
    ReportModel model = ReportFixtures.sample();
    Files.writeString(html, HtmlReport.render(model), StandardCharsets.UTF_8);
    Path json = html.resolveSibling("summary-sample.json");
    Files.writeString(json, SummaryJson.render(model), StandardCharsets.UTF_8);
  }
}
