package io.greenstat.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double EPS = 1e-9;

  @Test
  void headlineFiguresEqualHandComputedOnes() throws Exception {
    JsonNode root = JSON.readTree(SummaryJson.render(ReportFixtures.simple()));
    assertEquals(2023, root.get("latest_year").asInt());
    assertEquals(2020, root.get("base_year").asInt());
    assertEquals("revenue_yuan >= 20000000", root.get("threshold_rule").asText());
    assertEquals(1000, root.get("rows_read").asLong());
    assertEquals(545, root.get("rows_aggregated").asLong());
    assertEquals(30, root.get("rows_quarantined").asLong());

    JsonNode all = root.get("groups").get("ALL");
    assertEquals(125, all.get("firms").asLong());
    assertEquals(6.4e9, all.get("revenue_yuan").asDouble(), EPS);
    assertEquals(1.3e9, all.get("added_value_yuan").asDouble(), EPS);
    assertEquals(62_400, all.get("energy_tce").asDouble(), EPS);
    assertEquals(3_172_000, all.get("water_m3").asDouble(), EPS);
    assertEquals(0.48, all.get("energy_intensity_tce_per_10k_yuan").asDouble(), EPS);
    assertEquals(24.4, all.get("water_intensity_m3_per_10k_yuan").asDouble(), EPS);
    assertEquals((0.48 / 0.52 - 1) * 100, all.get("energy_intensity_yoy_pct").asDouble(), EPS);
    assertEquals(-2.4, all.get("water_intensity_yoy_pct").asDouble(), EPS);
    assertEquals(-20.0, all.get("energy_intensity_change_since_base_pct").asDouble(), EPS);
    assertEquals(
        (24.4 / 30 - 1) * 100, all.get("water_intensity_change_since_base_pct").asDouble(), EPS);

    JsonNode ei6 = root.get("groups").get("EI6");
    assertEquals(31, ei6.get("firms").asLong());
    assertEquals(1.45, ei6.get("energy_intensity_tce_per_10k_yuan").asDouble(), EPS);
    assertEquals(38.0, ei6.get("water_intensity_m3_per_10k_yuan").asDouble(), EPS);
    assertEquals(-9.375, ei6.get("energy_intensity_yoy_pct").asDouble(), EPS);
    assertEquals(
        (1.45 / 1.7 - 1) * 100, ei6.get("energy_intensity_change_since_base_pct").asDouble(), EPS);
    assertEquals(
        (38.0 / 41 - 1) * 100, ei6.get("water_intensity_change_since_base_pct").asDouble(), EPS);

    JsonNode c = root.get("groups").get("C");
    assertEquals(110, c.get("firms").asLong());
    assertEquals(52_400 / 120_000.0, c.get("energy_intensity_tce_per_10k_yuan").asDouble(), EPS);
  }

  @Test
  void sameSampleChangesOfTheLatestYear() throws Exception {
    JsonNode groups = JSON.readTree(SummaryJson.render(ReportFixtures.simple())).get("groups");
    JsonNode all = groups.get("ALL");
    // 2023: energy 0.48 against 0.50, water 23.52 against 24, over 115 firms.
    assertEquals(-4.0, all.get("energy_intensity_yoy_same_sample_pct").asDouble(), EPS);
    assertEquals(-2.0, all.get("water_intensity_yoy_same_sample_pct").asDouble(), EPS);
    assertEquals(115, all.get("same_sample_firms").asLong());
    JsonNode ei6 = groups.get("EI6");
    assertEquals(-10.0, ei6.get("energy_intensity_yoy_same_sample_pct").asDouble(), EPS);
    assertEquals(29, ei6.get("same_sample_firms").asLong());
    // Sections have no same-sample firms here: null changes, zero firms.
    JsonNode c = groups.get("C");
    assertTrue(c.get("energy_intensity_yoy_same_sample_pct").isNull());
    assertTrue(c.get("water_intensity_yoy_same_sample_pct").isNull());
    assertEquals(0, c.get("same_sample_firms").asLong());
  }

  @Test
  void targetProgress() throws Exception {
    JsonNode targets = JSON.readTree(SummaryJson.render(ReportFixtures.simple())).get("targets");
    assertEquals(List.of("co2_intensity", "energy_intensity", "water_intensity"), names(targets));
    JsonNode energy = targets.get("energy_intensity");
    double cumulative = 0.95 * 0.94 * 0.96 - 1;
    assertEquals(2023, energy.get("latest_year").asInt());
    assertEquals(100 * cumulative, energy.get("cumulative_change_pct").asDouble(), EPS);
    assertEquals(100 * cumulative / -0.135, energy.get("share_of_target_pct").asDouble(), EPS);
    assertEquals(
        100 * (Math.sqrt(0.865 / (1 + cumulative)) - 1),
        energy.get("required_annual_change_pct").asDouble(),
        EPS);
    assertTrue(energy.get("on_track").asBoolean());
    assertEquals(-13.5, energy.get("target_change_pct").asDouble(), EPS);
    assertEquals(2020, energy.get("base_year").asInt());
    assertEquals(2025, energy.get("target_year").asInt());
    assertEquals("ALL", energy.get("scope").asText());
    assertEquals(io.greenstat.trends.Analytics.TARGET_SERIES, energy.get("series").asText());
    assertTrue(energy.get("reason").isNull());
    assertSorted(energy);

    // At comparable prices (fixture rates −4, −5, −3 %): 0.96 × 0.95 × 0.97 − 1.
    assertEquals(
        100 * (0.96 * 0.95 * 0.97 - 1),
        energy.get("comparable_cumulative_change_pct").asDouble(),
        EPS);
    assertTrue(energy.get("comparable_on_track").asBoolean());
    assertEquals(2023, energy.get("comparable_latest_year").asInt());
    assertTrue(energy.get("comparable_reason").isNull());

    JsonNode water = targets.get("water_intensity");
    assertFalse(water.get("on_track").asBoolean());
    assertTrue(water.get("comparable_cumulative_change_pct").isNull());
    assertEquals(ReportFixtures.COMPARABLE_WATER_REASON, water.get("comparable_reason").asText());
    assertEquals(
        100 * (0.98 * 0.97 * 0.98 - 1), water.get("cumulative_change_pct").asDouble(), EPS);

    JsonNode co2 = targets.get("co2_intensity");
    assertTrue(co2.get("on_track").isNull());
    assertTrue(co2.get("cumulative_change_pct").isNull());
    assertTrue(co2.get("share_of_target_pct").isNull());
    assertEquals(2023, co2.get("latest_year").asInt());
    assertTrue(co2.get("reason").asText().startsWith("no year-on-year change for 2021"));

    // Without analytics: an empty object.
    JsonNode none = JSON.readTree(SummaryJson.render(ReportFixtures.bare())).get("targets");
    assertTrue(none.isObject());
    assertEquals(0, none.size());
  }

  @Test
  void missingValuesAreNull() throws Exception {
    String text = SummaryJson.render(ReportFixtures.simple());
    assertFalse(text.contains("NaN"));
    assertFalse(text.contains("Infinity"));
    JsonNode groups = JSON.readTree(text).get("groups");
    JsonNode d = groups.get("D");
    // Zero added value: both intensities empty; no 2022 or 2020 row: changes empty.
    assertEquals(5, d.get("firms").asLong());
    assertEquals(0.0, d.get("added_value_yuan").asDouble());
    for (String field :
        List.of(
            "energy_intensity_tce_per_10k_yuan",
            "water_intensity_m3_per_10k_yuan",
            "energy_intensity_yoy_pct",
            "water_intensity_yoy_pct",
            "energy_intensity_change_since_base_pct",
            "water_intensity_change_since_base_pct")) {
      assertTrue(d.has(field), field);
      assertTrue(d.get(field).isNull(), field);
    }
    JsonNode b = groups.get("B");
    assertEquals(0.5, b.get("energy_intensity_tce_per_10k_yuan").asDouble(), EPS);
    assertTrue(b.get("energy_intensity_yoy_pct").isNull());
    assertTrue(b.get("energy_intensity_change_since_base_pct").isNull());

    JsonNode noBase = JSON.readTree(SummaryJson.render(ReportFixtures.withBaseYear("2015")));
    assertEquals(2015, noBase.get("base_year").asInt());
    assertTrue(
        noBase.get("groups").get("ALL").get("energy_intensity_change_since_base_pct").isNull());
  }

  @Test
  void emptyModelHasNullFigures() throws Exception {
    JsonNode root = JSON.readTree(SummaryJson.render(ReportFixtures.empty()));
    assertTrue(root.get("latest_year").isNull());
    assertEquals(0, root.get("rows_aggregated").asLong());
    for (String code : List.of("ALL", "B", "C", "D", "EI6")) {
      JsonNode g = root.get("groups").get(code);
      assertTrue(g.get("firms").isNull(), code);
      assertTrue(g.get("energy_intensity_tce_per_10k_yuan").isNull(), code);
    }
  }

  @Test
  void stableSortedAndPretty() throws Exception {
    String text = SummaryJson.render(ReportFixtures.simple());
    assertEquals(text, SummaryJson.render(ReportFixtures.simple()));
    assertTrue(text.endsWith("}\n"));
    assertFalse(text.contains("\r"));
    assertTrue(text.contains("\n  \"base_year\" : 2020,\n"), text);
    assertTrue(text.contains("\"revenue_yuan\" : 6400000000"), "plain numbers, no exponent");
    JsonNode root = JSON.readTree(text);
    assertSorted(root);
    assertSorted(root.get("groups"));
    assertSorted(root.get("groups").get("ALL"));
    assertEquals(List.of("ALL", "B", "C", "D", "EI6"), names(root.get("groups")));
    assertSorted(root.get("targets"));
  }

  private static void assertSorted(JsonNode node) {
    List<String> names = names(node);
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(null);
    assertEquals(sorted, names);
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
