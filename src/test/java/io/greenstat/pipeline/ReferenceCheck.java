package io.greenstat.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.CsvRead;
import io.greenstat.TableAssertions;
import io.greenstat.TestSpark;
import io.greenstat.config.JobSettings;
import io.greenstat.reference.ContractReference;
import io.greenstat.reference.RawRow;
import io.greenstat.reference.ReferenceFlag;
import io.greenstat.reference.ReferenceParams;
import io.greenstat.reference.ReferenceResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * Runs the pipeline on a dataset and compares everything it published with the plain-Java reference
 * computed from the same rows: accounting, quarantined rows and reasons, and every cell of {@code
 * industry_year}, {@code province_year} and {@code province_division_year}.
 */
final class ReferenceCheck {
  private ReferenceCheck() {}

  static RunResult runAndCompare(List<RawRow> rows, Path in, Path out, JobSettings settings)
      throws Exception {
    RunResult result =
        new IntensityPipeline(
                TestSpark.get(), new RunRequest(in.toString(), out.toString(), settings))
            .run();
    ReferenceResult expected = ContractReference.compute(rows, ReferenceParams.of(settings));

    TableAssertions.assertSameAccounting(expected.accounting(), result.accounting());
    TableAssertions.assertIndustryYearCsv(
        expected.industryYears(), CsvRead.read(out.resolve("tables/industry_year.csv")), 1e-9);
    List<Map<String, String>> provinceCsv =
        new ArrayList<>(CsvRead.read(out.resolve("tables/province_year.csv")));
    provinceCsv.addAll(CsvRead.read(out.resolve("tables/province_division_year.csv")));
    TableAssertions.assertIndustryYearCsv(expected.byProvince(), provinceCsv, 1e-9);

    Map<String, Long> expectedQuarantine = new TreeMap<>();
    expected
        .quarantined()
        .forEach(
            q ->
                expectedQuarantine.merge(
                    q.row().firmId() + "|" + q.row().year() + "|" + q.reason(), 1L, Long::sum));
    Map<String, Long> actualQuarantine = new TreeMap<>();
    for (Row q :
        TestSpark.get().read().parquet(out.resolve("quarantine").toString()).collectAsList()) {
      actualQuarantine.merge(
          q.getAs("firm_id") + "|" + q.getAs("year") + "|" + q.getAs("reason"), 1L, Long::sum);
      assertTrue(q.<String>getAs("source_file").contains("/year="), "source file recorded");
    }
    assertEquals(expectedQuarantine, actualQuarantine);
    assertTrue(result.accounting().rowsQuarantined() > 0, "the data set has defects");
    assertSameFlags(expected.flags(), out);
    return result;
  }

  /**
   * {@code tables/flags.csv} holds exactly the reference's flags, in the reference's order (year,
   * division, firm, indicator), with the same intensities and medians.
   */
  static void assertSameFlags(List<ReferenceFlag> expected, Path out) throws IOException {
    List<Map<String, String>> csv = CsvRead.read(out.resolve("tables/flags.csv"));
    List<String> actualKeys = new ArrayList<>();
    for (Map<String, String> r : csv) {
      actualKeys.add(
          r.get("year")
              + "|"
              + r.get("division")
              + "|"
              + r.get("firm_id")
              + "|"
              + r.get("indicator")
              + "|"
              + r.get("reason"));
    }
    assertEquals(expected.stream().map(ReferenceFlag::key).toList(), actualKeys);
    for (int i = 0; i < expected.size(); i++) {
      ReferenceFlag f = expected.get(i);
      Map<String, String> r = csv.get(i);
      assertEquals(f.intensity(), Double.parseDouble(r.get("intensity")), 0.0, f.key());
      if (f.medianLog10() == null) {
        assertEquals("", r.get("division_median"), f.key());
      } else {
        assertEquals(
            Math.pow(10, f.medianLog10()),
            Double.parseDouble(r.get("division_median")),
            0.0,
            f.key());
      }
    }
  }
}
