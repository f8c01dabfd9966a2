package io.greenstat.trends;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.schema.IndustryCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeflatorsTest {
  private static final Deflators HAND =
      Deflators.of(
          Map.of(
              "31", Map.of(2015, 100.0, 2020, 110.0, 2021, 121.0),
              "39", Map.of(2015, 100.0, 2020, 95.0, 2021, 90.25)),
          2015);

  @Test
  void factorIsTheIndexOverTheBaseYearIndex() {
    assertEquals(2015, HAND.baseYear());
    assertEquals(1.21, HAND.factor("31", 2021).getAsDouble(), 1e-15); // 121 / 100
    Deflators base2020 = HAND.rebase(2020);
    assertEquals(2020, base2020.baseYear());
    assertEquals(1.0, base2020.factor("31", 2020).getAsDouble());
    assertEquals(1.1, base2020.factor("31", 2021).getAsDouble(), 1e-15); // 121 / 110
    assertEquals(0.95, base2020.factor("39", 2021).getAsDouble(), 1e-15); // 90.25 / 95
    assertEquals(100.0 / 110.0, base2020.factor("31", 2015).getAsDouble(), 1e-15);
  }

  @Test
  void constantPriceYuanDividesByTheFactor() {
    Deflators d = HAND.rebase(2020);
    // 1.1 billion yuan of 2021 at 2021 prices, prices up 10 % since 2020: 1.0 billion at 2020
    // prices
    assertEquals(1.0e9, d.constantPriceYuan("31", 2021, 1.1e9).orElseThrow(), 1e-6);
    // electronics prices fell 5 %: 0.95 billion current is 1.0 billion at 2020 prices
    assertEquals(1.0e9, d.constantPriceYuan("39", 2021, 0.95e9).orElseThrow(), 1e-6);
    assertTrue(d.whyMissing("31", 2021).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> d.constantPriceYuan("31", 2021, Double.NaN));
  }

  @Test
  void noDeflatorMeansEmptyWithAReason() {
    Deflators d = HAND.rebase(2020);
    assertEquals(Optional.empty(), d.constantPriceYuan("31", 2022, 1e9));
    assertEquals(
        "no price index for division 31 in 2022 in the deflator table (it covers 2015–2021)",
        d.whyMissing("31", 2022).orElseThrow());
    assertEquals(
        "no price index for division 31 in 2019 (the base year) in the deflator table"
            + " (it covers 2015–2021)",
        HAND.rebase(2019).whyMissing("31", 2021).orElseThrow());
    assertEquals(
        "no price index for division 31 in 2022 and the base year 2019 in the deflator table"
            + " (it covers 2015–2021)",
        HAND.rebase(2019).whyMissing("31", 2022).orElseThrow());
    assertEquals(
        "division 44 has no price index in the deflator table",
        d.whyMissing("44", 2021).orElseThrow());
    assertThrows(
        IllegalArgumentException.class, () -> Deflators.of(Map.of("31", Map.of(2015, 0.0)), 2015));
  }

  @Test
  void constantPriceTotalsLeaveOutYearsWithoutFullCoverage() {
    Map<Integer, Map<String, double[]>> current =
        Map.of(
            2020, Map.of("31", new double[] {100, 110e4}, "39", new double[] {10, 95e4}),
            2021,
                Map.of(
                    "31", new double[] {90, 121e4},
                    "39", new double[] {10, 90.25e4},
                    "44", new double[] {50, 0}), // no deflator needed: no added value
            2022, Map.of("31", new double[] {80, 130e4}));
    Deflators.ConstantPrices c = HAND.constantPriceTotals(current);
    assertEquals(2015, c.baseYear());
    assertEquals(List.of(2020, 2021), List.copyOf(c.totals().keySet()));
    assertArrayEquals(new double[] {100, 100e4}, c.totals().get(2020).get("31"), 1e-6);
    assertArrayEquals(new double[] {90, 100e4}, c.totals().get(2021).get("31"), 1e-6);
    assertArrayEquals(new double[] {10, 100e4}, c.totals().get(2021).get("39"), 1e-6);
    assertArrayEquals(new double[] {50, 0}, c.totals().get(2021).get("44"));
    assertEquals(
        Map.of(
            2022,
            "no price index for division 31 in 2022 in the deflator table (it covers 2015–2021)"),
        c.yearsLeftOut());
    // The input is not modified.
    assertEquals(121e4, current.get(2021).get("31")[1]);

    // Constant-price decomposition of the converted years.
    List<DecompositionRow> rows = Lmdi.decompositions(c.totals(), Lmdi.CONSTANT_PRICES);
    assertEquals(1, rows.size());
    assertEquals("constant", rows.get(0).prices());
    assertEquals(110.0 / 200.0, rows.get(0).intensityFrom(), 1e-12); // 110 tce / 200 × 10k yuan
  }

  @Test
  void shippedTableIsIllustrativeAndCoversEveryDivision2015To2025() throws IOException {
    try (InputStream in = Deflators.class.getResourceAsStream("/io/greenstat/conf/deflators.csv")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(text.startsWith("# ILLUSTRATIVE"), text.substring(0, 40));
      assertTrue(text.contains("NOT NBS DATA"));
    }
    Deflators d = Deflators.load();
    assertEquals(2015, d.baseYear());
    for (IndustryCatalog.Division div : IndustryCatalog.load().divisions()) {
      assertEquals(1.0, d.factor(div.code(), 2015).getAsDouble(), div.code());
      for (int y = 2015; y <= 2025; y++) {
        double f = d.rebase(2020).factor(div.code(), y).orElseThrow();
        assertTrue(f > 0.5 && f < 2.0, div.code() + " " + y + ": " + f);
      }
    }
    assertTrue(d.factor("31", 2014).isEmpty());
    assertTrue(d.factor("05", 2020).isEmpty()); // agriculture services: out of industry
  }
}
