package io.greenstat.pipeline;

import static io.greenstat.FirmYearFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.FirmYearFixture;
import io.greenstat.TestSpark;
import io.greenstat.config.SettingsLoader;
import io.greenstat.ingest.InputRejectedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cases of the bad-input catalogue (README, "What happens with bad input") that {@code
 * InputRejectionTest} and {@code PipelineRulesTest} do not cover: a null in each required column,
 * province and industry codes with letters, non-ASCII digits or stray blanks, and text columns
 * stored with the wrong Parquet type.
 */
class BadInputCatalogueTest {
  @TempDir Path tmp;

  private RunResult runWithoutGate(FirmYearFixture f) {
    Path in = f.writeTo(tmp.resolve("in"));
    return new IntensityPipeline(
            TestSpark.get(),
            new RunRequest(
                in.toString(),
                tmp.resolve("out").toString(),
                SettingsLoader.resolve(
                    Map.of(),
                    Map.of(),
                    Map.of("spark.greenstat.quality.maxQuarantinedShare", "1"))))
        .run();
  }

  /** firm_id → reason of the quarantined rows (a null firm_id as "null"). */
  private Map<String, String> quarantineReasons() {
    Map<String, String> m = new TreeMap<>();
    for (Row q :
        TestSpark.get().read().parquet(tmp.resolve("out/quarantine").toString()).collectAsList()) {
      String previous = m.put(String.valueOf((Object) q.getAs("firm_id")), q.getAs("reason"));
      assertEquals(null, previous, "one quarantined row per firm id in this fixture");
    }
    return m;
  }

  @Test
  void nullInEachRequiredColumn_andOddCodes_areQuarantinedWithTheirReason() {
    RunResult r =
        runWithoutGate(
            new FirmYearFixture()
                .add(
                    // A null in each required column (firm_id: the row whose id is null).
                    row().firm(null),
                    row().firm("N-YEAR").year(null),
                    row().firm("N-CODE").code(null),
                    row().firm("N-PROV").province(null),
                    row().firm("N-REV").revenue(null),
                    row().firm("N-VA").va(null),
                    row().firm("N-ENERGY").energy(null),
                    row().firm("N-WATER").water(null),
                    // Blank text: whitespace only, ideographic space included.
                    row().firm("B-CODE").code("\u3000"),
                    row().firm("B-PROV").province("  "),
                    // Province codes: non-ASCII digits, letters, stray blanks, wrong length.
                    row().firm("P-ARABIC").province("\u0661\u0661"),
                    row().firm("P-FULLWIDTH").province("\uff11\uff11"),
                    row().firm("P-DEVANAGARI").province("\u0967\u0967"),
                    row().firm("P-LETTERS").province("BJ"),
                    row().firm("P-LETTER").province("1a"),
                    row().firm("P-LEADING").province(" 11"),
                    row().firm("P-TRAILING").province("11 "),
                    row().firm("P-SIX").province("110000"),
                    // Industry codes: non-ASCII digits, letters, a sign.
                    row().firm("C-ARABIC").code("\u0663\u0661\u0661\u0660"),
                    row().firm("C-SECTION").code("C31"),
                    row().firm("C-LETTER").code("31a"),
                    row().firm("C-HAN").code("\u4e09\u4e00"),
                    row().firm("C-SIGN").code("+31"),
                    // Valid: an optional co2_t may be null.
                    row().firm("OK-NO-CO2").co2(null),
                    row().firm("OK").co2(1_300.0)));
    Map<String, String> expected = new TreeMap<>();
    expected.put("null", "missing_firm_id");
    expected.put("N-YEAR", "missing_year");
    expected.put("N-CODE", "missing_industry_code");
    expected.put("N-PROV", "missing_province_code");
    expected.put("N-REV", "missing_revenue_yuan");
    expected.put("N-VA", "missing_added_value_yuan");
    expected.put("N-ENERGY", "missing_energy_tce");
    expected.put("N-WATER", "missing_water_m3");
    expected.put("B-CODE", "missing_industry_code");
    expected.put("B-PROV", "missing_province_code");
    for (String p :
        new String[] {
          "P-ARABIC",
          "P-FULLWIDTH",
          "P-DEVANAGARI",
          "P-LETTERS",
          "P-LETTER",
          "P-LEADING",
          "P-TRAILING",
          "P-SIX"
        }) {
      expected.put(p, "unknown_province_code");
    }
    for (String c : new String[] {"C-ARABIC", "C-SECTION", "C-LETTER", "C-HAN", "C-SIGN"}) {
      expected.put(c, "malformed_industry_code");
    }
    assertEquals(expected, quarantineReasons());
    assertEquals(expected.size(), r.accounting().rowsQuarantined());
    assertEquals(2, r.accounting().rowsAggregated());
    assertTrue(r.accounting().balances());
  }

  private void writeSql(Path dir, String selectList) {
    TestSpark.get().sql("SELECT " + selectList).coalesce(1).write().parquet(dir.toString());
  }

  private static final String GOOD =
      "'F1' AS firm_id, '3110' AS industry_code, '11' AS province_code,"
          + " 5.0E7 AS revenue_yuan, 1.0E7 AS added_value_yuan, 500.0 AS energy_tce,"
          + " 2000.0 AS water_m3";

  private InputRejectedException rejected(Path in) {
    InputRejectedException e =
        assertThrows(
            InputRejectedException.class,
            () ->
                new IntensityPipeline(
                        TestSpark.get(),
                        new RunRequest(
                            in.toString(),
                            tmp.resolve("out").toString(),
                            SettingsLoader.defaults()))
                    .run());
    assertTrue(Files.notExists(tmp.resolve("out")), "nothing is published");
    return e;
  }

  @Test
  void yearStoredAsTextInOneFile_isRejectedNamingFileAndColumn() {
    writeSql(tmp.resolve("in/a"), GOOD + ", 2020 AS year");
    writeSql(tmp.resolve("in/b"), GOOD + ", '2021' AS year");
    String msg = rejected(tmp.resolve("in")).getMessage();
    assertTrue(msg.contains("/in/b/"), msg);
    assertTrue(msg.contains("column 'year' has type BINARY (STRING), expected an integer"), msg);
  }

  @Test
  void idStoredAsANumber_isRejected() {
    writeSql(
        tmp.resolve("in/year=2020"),
        GOOD.replace("'F1' AS firm_id", "CAST(91 AS BIGINT) AS firm_id"));
    String msg = rejected(tmp.resolve("in")).getMessage();
    assertTrue(msg.contains("column 'firm_id' has type INT64, expected a string"), msg);
  }

  @Test
  void provinceStoredAsANumber_isRejected() {
    writeSql(
        tmp.resolve("in/year=2020"), GOOD.replace("'11' AS province_code", "11 AS province_code"));
    String msg = rejected(tmp.resolve("in")).getMessage();
    assertTrue(msg.contains("column 'province_code' has type INT32, expected a string"), msg);
  }
}
