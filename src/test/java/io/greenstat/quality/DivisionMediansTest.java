package io.greenstat.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** The median rule on hand-made histograms: rank ⌊(n + 1) / 2⌋, bin centre, too-small groups. */
class DivisionMediansTest {
  private static Row bin(String division, int year, String indicator, long bin, long firms) {
    return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
        new Object[] {division, year, indicator, bin, firms},
        new org.apache.spark.sql.types.StructType()
            .add("division", "string")
            .add("year", "int")
            .add("indicator", "string")
            .add("log10_bin", "long")
            .add("firms", "long"));
  }

  @Test
  void oddCount_middleValuesBin_centre() {
    // 5 values: bins -31, -31, -31, 270, 300 → the 3rd is in bin -31 → (-31 + 0.5) / 100
    TreeMap<Long, Long> counts = new TreeMap<>();
    counts.put(-31L, 3L);
    counts.put(270L, 1L);
    counts.put(300L, 1L);
    assertEquals(-0.305, DivisionMedians.medianLog10(counts, 5), 1e-15);
  }

  @Test
  void evenCount_lowerMedian() {
    // 4 values: bins 10, 10, 20, 20 → rank ⌊5 / 2⌋ = 2 → bin 10 → 0.105
    TreeMap<Long, Long> counts = new TreeMap<>();
    counts.put(10L, 2L);
    counts.put(20L, 2L);
    assertEquals(0.105, DivisionMedians.medianLog10(counts, 4), 1e-15);
  }

  @Test
  void groupsBelowMinFirmsHaveNoMedian_indicatorsAreSeparate() {
    List<Row> rows = new ArrayList<>();
    rows.add(bin("31", 2020, "energy", -31, 4));
    rows.add(bin("31", 2020, "energy", 500, 1)); // 5 energy values
    rows.add(bin("31", 2020, "water", 30, 4)); // 4 water values: too few
    rows.add(bin("25", 2020, "energy", 0, 2));
    DivisionMedians m = DivisionMedians.fromHistogram(rows, 5);
    assertEquals(-0.305, m.get("31", 2020, Indicator.ENERGY).log10(), 1e-15);
    assertEquals(5, m.get("31", 2020, Indicator.ENERGY).firms());
    assertNull(m.get("31", 2020, Indicator.WATER));
    assertNull(m.get("25", 2020, Indicator.ENERGY));
    assertEquals(1, m.size());
    List<Row> asRows = m.asRows();
    assertEquals(
        RowFactory.create("31", 2020, -0.305, 5L, null, null).toString(), asRows.get(0).toString());
  }
}
