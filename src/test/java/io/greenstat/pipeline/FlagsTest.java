package io.greenstat.pipeline;

import static io.greenstat.FirmYearFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenstat.CsvRead;
import io.greenstat.FirmYearFixture;
import io.greenstat.TestSpark;
import io.greenstat.config.JobSettings;
import io.greenstat.config.SettingsLoader;
import io.greenstat.ingest.InputRejectedException;
import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.reference.ContractReference;
import io.greenstat.reference.RawRow;
import io.greenstat.reference.ReferenceParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plausibility flags on one named fixture, every expectation computed by hand, in both modes.
 *
 * <p>Defaults of {@link FirmYearFixture#row()}: added value 10 000 000 yuan = 1 000 × 10 000 yuan,
 * energy 500 tce, water 2 000 m³: energy intensity 0.5 tce and water intensity 2.0 m³ per 10 000
 * yuan. Division 31 in 2020 holds N1–N5 and UE at 0.5 and seven firms with odd values; of its 13
 * energy intensities the 7th smallest is 0.5, whose log10 −0.30103 falls in bin ⌊−30.103⌋ = −31, so
 * the median is 10^((−31 + 0.5) / 100) = 10^−0.305. Water: 12 values of 2.0 and one of 20 000,
 * log10 2.0 = 0.30103, bin 30, median 10^0.305.
 */
class FlagsTest {
  @TempDir Path tmp;

  private static final double MEDIAN_LOG10 = -0.305;

  /** Energy (tce) giving an intensity of 10^(median + d) at the default added value. */
  private static double energyAt(double d) {
    return Math.pow(10, MEDIAN_LOG10 + d) * 1000;
  }

  private static FirmYearFixture fixture() {
    FirmYearFixture f = new FirmYearFixture();
    for (String n : List.of("N1", "N2", "N3", "N4", "N5")) {
      f.add(row().firm(n).year(2019), row().firm(n).year(2020));
    }
    return f.add(
        // kgce reported as tce: 500 000 "tce", intensity 500, d = 2.69897 + 0.305 = 3.004
        row().firm("KG").energy(500_000.0),
        // 10^-3: energy 0.5 tce, intensity 0.0005, d = −3.30103 + 0.305 = −2.996
        row().firm("TT").energy(0.5),
        // added value in 10 000 yuan read as yuan: 1 000 yuan, intensities 5 000 and 20 000,
        // d = 3.69897 + 0.305 = 4.004 (energy) and 4.30103 − 0.305 = 3.996 (water)
        row().firm("YUAN").va(1_000.0),
        // 10 000 tce reported as tce: 0.05, intensity 0.00005, d = −3.996
        row().firm("WAN").energy(0.05),
        // the tolerance (0.5) boundary: d = 2.51 is flagged, d = 2.49 is not
        row().firm("IN").energy(energyAt(2.51)),
        row().firm("OUT").energy(energyAt(2.49)),
        // beyond 3.5 the nearer factor is 10^4
        row().firm("MID").energy(energyAt(3.6)),
        // a unit error in 2019 (d = 3.004 against 2019's identical median) and a normal 2020:
        // the fall back by 10^3 is explained by 2019's flag, so 2020 is not flagged as a jump
        row().firm("UE").year(2019).energy(500_000.0),
        row().firm("UE").year(2020),
        // not checked: zero energy, zero added value, below the threshold, negative (quarantined
        // by validation, not flagged)
        row().firm("ZERO").energy(0.0),
        row().firm("ZAV").va(0.0),
        row().firm("BELOW").revenue(1_000_000.0).energy(500_000.0),
        row().firm("NEG").energy(-500_000.0),
        // jumps in division 25 (3 firms: no median, no unit check): ×10 exactly is flagged both
        // ways, ×9.998 is not; JU 2021 has JU 2020 as its prior-year record
        row().firm("JU").code("2511").year(2019),
        row().firm("JU").code("2511").year(2020).energy(5_000.0),
        row().firm("JU").code("2511").year(2021).energy(5_000.0),
        row().firm("JD").code("2511").year(2019).energy(5_000.0),
        row().firm("JD").code("2511").year(2020),
        row().firm("JN").code("2511").year(2019),
        row().firm("JN").code("2511").year(2020).energy(4_999.0));
  }

  /** year|division|firm|indicator|reason, in the table's order. */
  private static final List<String> EXPECTED =
      List.of(
          "2019|31|UE|energy|unit_energy_x1000",
          "2020|25|JD|energy|jump_energy_down",
          "2020|25|JU|energy|jump_energy_up",
          "2020|31|IN|energy|unit_energy_x1000",
          "2020|31|KG|energy|unit_energy_x1000",
          "2020|31|MID|energy|unit_energy_x10000",
          "2020|31|TT|energy|unit_energy_div1000",
          "2020|31|WAN|energy|unit_energy_div10000",
          "2020|31|YUAN|energy|unit_energy_x10000",
          "2020|31|YUAN|water|unit_water_x10000");

  private static JobSettings settings(String mode, String gate) {
    return SettingsLoader.resolve(
        Map.of(),
        Map.of(),
        Map.of(
            "spark.greenstat.flags.mode",
            mode,
            "spark.greenstat.quality.maxQuarantinedShare",
            gate));
  }

  private RunResult run(JobSettings settings, String name) {
    Path in = fixture().writeTo(tmp.resolve("in"));
    return new IntensityPipeline(
            TestSpark.get(), new RunRequest(in.toString(), tmp.resolve(name).toString(), settings))
        .run();
  }

  private List<String> flagKeys(String out) throws Exception {
    List<String> keys = new ArrayList<>();
    for (Map<String, String> f : CsvRead.read(tmp.resolve(out + "/tables/flags.csv"))) {
      keys.add(
          String.join(
              "|",
              f.get("year"),
              f.get("division"),
              f.get("firm_id"),
              f.get("indicator"),
              f.get("reason")));
    }
    return keys;
  }

  private static IndustryYear division(RunResult r, String code, int year) {
    return r.industryYears().stream()
        .filter(x -> x.level() == GroupLevel.DIVISION && x.code().equals(code) && x.year() == year)
        .findFirst()
        .orElseThrow();
  }

  /** The fixture's rows as the reference reads them. */
  private List<RawRow> rawRows() {
    List<RawRow> rows = new ArrayList<>();
    Path in = fixture().writeTo(tmp.resolve("raw"));
    for (Row r : TestSpark.get().read().parquet(in.toString()).collectAsList()) {
      rows.add(RawRow.of(r));
    }
    return rows;
  }

  @Test
  void flagMode_listsEachReason_stillAggregates() throws Exception {
    // The default quality gate holds: only NEG is quarantined (1 of 33 rows).
    RunResult r = run(settings("flag", "0.05"), "out");
    assertEquals(EXPECTED, flagKeys("out"));
    assertEquals(Map.of("negative_energy_tce", 1L), r.accounting().quarantineByReason());
    // 31/2020: N1–5, KG, TT, YUAN, WAN, IN, OUT, MID, UE, ZERO, ZAV: all 15 aggregated.
    assertEquals(15, division(r, "31", 2020).totals().firms());
    // Same-sample pairs in 2020: N1–5 and UE in 31; JU, JD, JN in 25.
    assertEquals(6, division(r, "31", 2020).sameSample().firms());
    assertEquals(3, division(r, "25", 2020).sameSample().firms());
    assertEquals(1, division(r, "25", 2021).sameSample().firms());

    Map<String, String> kg =
        CsvRead.read(tmp.resolve("out/tables/flags.csv")).stream()
            .filter(f -> f.get("firm_id").equals("KG"))
            .findFirst()
            .orElseThrow();
    assertEquals(500.0, Double.parseDouble(kg.get("intensity")), 1e-9);
    assertEquals(Math.pow(10, MEDIAN_LOG10), Double.parseDouble(kg.get("division_median")), 1e-12);
    assertEquals("13", kg.get("division_firms"));
    assertEquals("", kg.get("prior_intensity"), "KG has no 2019 record");
    Map<String, String> ju =
        CsvRead.read(tmp.resolve("out/tables/flags.csv")).stream()
            .filter(f -> f.get("firm_id").equals("JU"))
            .findFirst()
            .orElseThrow();
    assertEquals(10.0, Double.parseDouble(ju.get("ratio_to_prior")), 0.0);
    assertEquals("", ju.get("division_median"), "division 25 has 3 firms, fewer than 5");

    JsonNode manifest = new ObjectMapper().readTree(tmp.resolve("out/_MANIFEST.json").toFile());
    assertEquals("flag", manifest.get("flags_mode").asText());
    assertEquals(10, manifest.get("flags").asInt());
    assertEquals(9, manifest.get("flagged_firm_years").asInt());
    assertEquals(3, manifest.get("flags_by_reason").get("unit_energy_x1000").asInt());
    assertTrue(manifest.get("outputs").toString().contains("tables/flags.csv"));
    assertTrue(Files.isDirectory(tmp.resolve("out/tables/flags")));
    List<Row> parquet =
        TestSpark.get().read().parquet(tmp.resolve("out/tables/flags").toString()).collectAsList();
    assertEquals(10, parquet.size());

    String html = Files.readString(tmp.resolve("out/report.html"));
    assertTrue(html.contains("id=\"flags\""), "the data-quality section lists the flags");
    assertTrue(html.contains("<code>unit_energy_x1000</code>"));
    assertTrue(html.contains("Mode <code>flag</code>"));

    // The plain-Java reference agrees.
    assertEquals(
        EXPECTED,
        ContractReference.compute(rawRows(), ReferenceParams.of(settings("flag", "0.05")))
            .flags()
            .stream()
            .map(f -> f.key())
            .toList());
  }

  @Test
  void quarantineMode_quarantinesFlaggedRows_andDropsThemAsPriorYearRecords() throws Exception {
    RunResult r = run(settings("quarantine", "1"), "out");
    assertEquals(EXPECTED, flagKeys("out"), "the same flags in both modes");
    // One reason per row: YUAN's energy flag, not its water flag.
    assertEquals(
        Map.of(
            "negative_energy_tce", 1L,
            "unit_energy_x1000", 3L,
            "unit_energy_x10000", 2L,
            "unit_energy_div1000", 1L,
            "unit_energy_div10000", 1L,
            "jump_energy_up", 1L,
            "jump_energy_down", 1L),
        r.accounting().quarantineByReason());
    assertTrue(r.accounting().balances());
    // 31/2020 loses KG, TT, YUAN, WAN, IN, MID: 15 − 6 = 9 firms.
    assertEquals(9, division(r, "31", 2020).totals().firms());
    // UE 2019 is quarantined, so UE 2020 has no prior-year record: N1–5 only.
    assertEquals(5, division(r, "31", 2020).sameSample().firms());
    // JU and JD 2020 are quarantined: JN alone; JU 2021 loses its prior-year record JU 2020.
    assertEquals(1, division(r, "25", 2020).sameSample().firms());
    assertEquals(0, division(r, "25", 2021).sameSample().firms());

    Map<String, Long> quarantined = new java.util.TreeMap<>();
    for (Row q :
        TestSpark.get().read().parquet(tmp.resolve("out/quarantine").toString()).collectAsList()) {
      quarantined.merge(q.<String>getAs("firm_id") + ":" + q.getAs("reason"), 1L, Long::sum);
    }
    assertEquals(1L, quarantined.get("YUAN:unit_energy_x10000"));
    assertEquals(1L, quarantined.get("UE:unit_energy_x1000"));
    assertFalse(quarantined.containsKey("OUT:unit_energy_x1000"));

    JsonNode manifest = new ObjectMapper().readTree(tmp.resolve("out/_MANIFEST.json").toFile());
    assertEquals("quarantine", manifest.get("flags_mode").asText());
    assertEquals(10, manifest.get("rows_quarantined").asInt());
    assertTrue(manifest.get("accounting_balances").asBoolean());
    assertTrue(Files.readString(tmp.resolve("out/report.html")).contains("Mode <code>quarantine"));
  }

  @Test
  void quarantineMode_flaggedRowsCountInTheQualityGate() {
    // 10 of 33 rows quarantined (9 flagged, NEG) is over the default 5 %.
    InputRejectedException e =
        assertThrows(InputRejectedException.class, () -> run(settings("quarantine", "0.05"), "q"));
    assertTrue(e.getMessage().contains("unit_energy_x1000"), e.getMessage());
  }
}
