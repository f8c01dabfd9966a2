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
