package io.greenstat.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.schema.PublishedFigures;
import io.greenstat.schema.PublishedFigures.Figure;
import io.greenstat.schema.PublishedFigures.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The published national figures: they load, each has a source, and key figures are there. */
class PublishedFiguresTest {
  private static final List<Figure> ALL = PublishedFigures.load();

  private static Optional<Figure> find(String indicator, String period, Kind kind) {
    return ALL.stream()
        .filter(f -> f.indicator().equals(indicator) && f.period().equals(period))
        .filter(f -> f.kind() == kind)
        .findFirst();
  }

  @Test
  void everyRowHasASourceAUnitAndIsUnique() {
    assertTrue(ALL.size() > 30, "rows: " + ALL.size());
    Set<String> keys = new HashSet<>();
    for (Figure f : ALL) {
      assertFalse(f.source().isBlank(), f.toString());
      assertTrue(f.source().contains("http") || f.source().contains("《"), f.toString());
      assertFalse(f.source().toUpperCase().contains("UNVERIFIED"), f.toString());
      assertFalse(f.note().toUpperCase().contains("UNVERIFIED"), f.toString());
      assertEquals(f.kind() == Kind.LEVEL, !f.unit().equals("pct"), f.toString());
      assertEquals(
          f.kind() == Kind.CUMULATIVE_PCT || f.kind() == Kind.TARGET_PCT,
          f.lastYear() > f.firstYear(),
          f.toString());
      assertTrue(Double.isFinite(f.value()));
      assertTrue(keys.add(f.indicator() + "|" + f.period() + "|" + f.kind()), f.toString());
    }
  }

  @Test
  void keyVerifiedFiguresArePresent() {
    Figure f = find("above_size_industry_energy_intensity", "2021", Kind.YOY_PCT).orElseThrow();
    assertEquals(-5.6, f.value());
    assertEquals(2020, f.fromYear());
    Figure thirteenth =
        find("above_size_industry_energy_intensity", "2016-2020", Kind.CUMULATIVE_PCT)
            .orElseThrow();
    assertEquals(-16.0, thirteenth.value());
    assertEquals(2015, thirteenth.fromYear());
    assertEquals(2020, thirteenth.lastYear());
    double[] levels = {32.9, 28.2, 24.1, 24.3};
    double[] yoy = {-7.1, -10.8, -3.9, -5.3};
    for (int i = 0; i < 4; i++) {
      // levels 2020–2023, current prices; changes 2021–2024, comparable prices
      Figure level =
          find("industrial_water_intensity", String.valueOf(2020 + i), Kind.LEVEL).orElseThrow();
      assertEquals(levels[i], level.value());
      assertEquals("m3_per_10k_yuan", level.unit());
      assertNull(level.fromYear());
      Figure change =
          find("industrial_water_intensity", String.valueOf(2021 + i), Kind.YOY_PCT).orElseThrow();
      assertEquals(yoy[i], change.value());
    }
    assertEquals(
        -13.5,
        find("above_size_industry_energy_intensity", "2021-2025", Kind.TARGET_PCT)
            .orElseThrow()
            .value());
    assertEquals(-2.7, find("gdp_energy_intensity", "2021", Kind.YOY_PCT).orElseThrow().value());
  }

  @Test
  void unverifiedFiguresAreLeftOut() {
    // DOMAIN marks these UNVERIFIED: GDP energy intensity 2016-2019, 2023, 2024; water level 2017;
    // above-size industrial energy intensity 2022-2024; CO2 per GDP target.
    for (String y : List.of("2016", "2017", "2018", "2019", "2023", "2024")) {
      assertTrue(find("gdp_energy_intensity", y, Kind.YOY_PCT).isEmpty(), y);
    }
    assertTrue(find("industrial_water_intensity", "2017", Kind.LEVEL).isEmpty());
    assertTrue(find("industrial_water_intensity", "2024", Kind.LEVEL).isEmpty()); // secondary "~24"
    for (String y : List.of("2022", "2023", "2024")) {
      assertTrue(find("above_size_industry_energy_intensity", y, Kind.YOY_PCT).isEmpty(), y);
    }
    assertTrue(find("gdp_co2_intensity", "2021-2025", Kind.TARGET_PCT).isEmpty());
  }
}
