package io.greenstat.trends;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.metrics.GroupLevel;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.Totals;
import io.greenstat.report.CsvWriter;
import io.greenstat.report.DecompositionTable;
import io.greenstat.report.TableColumn;
import io.greenstat.schema.IndustryCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decomposition tables: contract columns, rows from decompositions, division totals. */
class DecompositionTableTest {
  private static final Map<Integer, Map<String, double[]>> TOTALS =
      Map.of(
          2020, Map.of("31", new double[] {100, 50e4}, "39", new double[] {10, 50e4}),
          2021, Map.of("31", new double[] {76, 40e4}, "39", new double[] {9, 60e4}),
          2022, Map.of("31", new double[] {70, 35e4}, "39", new double[] {9, 70e4}));

  @Test
  void decompositionTableHasExactlyTheContractColumns() {
    assertEquals(
        List.of(
            "group",
            "prices",
            "from_year",
            "to_year",
            "intensity_from",
            "intensity_to",
            "total_ratio",
            "structure_ratio",
            "intensity_ratio",
            "total_change",
            "structure_change",
            "intensity_change"),
        DecompositionTable.COLUMNS.stream().map(TableColumn::name).toList());
    assertEquals(
        List.of(
            "from_year",
            "to_year",
            "prices",
            "division",
            "industry_name",
            "structure_change",
            "intensity_change",
            "structure_log_term",
            "intensity_log_term"),
        DecompositionTable.CONTRIBUTIONS.stream().map(TableColumn::name).toList());
  }

  @Test
  void rowsCarryGroupPricesAndYears() {
    List<DecompositionRow> rows = Lmdi.decompositions(TOTALS, Lmdi.CONSTANT_PRICES);
    assertEquals(3, rows.size()); // 2020→2021, 2021→2022, chained 2020→2022 (first → last)
    DecompositionRow first = rows.get(0);
    assertEquals("ALL", first.group());
    assertEquals("constant", first.prices());
    assertEquals(2020, first.fromYear());
    assertEquals(2021, first.toYear());
    assertEquals(1.10, first.intensityFrom(), 1e-12);
    assertEquals(0.832429, first.structureRatio(), 1e-6);
    DecompositionRow chained = rows.get(2);
    assertEquals(List.of(2020, 2022), List.of(chained.fromYear(), chained.toYear()));
    assertEquals(chained.totalRatio(), chained.structureRatio() * chained.intensityRatio(), 1e-12);
    // A base year adds base → last unless it duplicates a row: 2021→2022 is a yearly row.
    assertEquals(3, Lmdi.decompositions(TOTALS, Lmdi.CURRENT_PRICES, 2021).size());
    assertThrows(IllegalArgumentException.class, () -> Lmdi.decompositions(TOTALS, "nominal"));

    String csv = CsvWriter.render(DecompositionTable.COLUMNS, rows);
    assertTrue(csv.startsWith("group,prices,from_year,to_year,intensity_from,"), csv);
    assertTrue(csv.contains("\nALL,constant,2020,2021,1.1,0.85,"), csv);
  }

  @Test
  void contributionRowsSumToTheDecomposition() {
    IndustryCatalog catalog = IndustryCatalog.load();
    for (Decomposition d : Lmdi.series(TOTALS)) {
      List<ContributionRow> rows = ContributionRow.of(d, Lmdi.CURRENT_PRICES, catalog::name);
      assertEquals(List.of("31", "39"), rows.stream().map(ContributionRow::division).toList());
      assertEquals("Smelting and Pressing of Ferrous Metals", rows.get(0).industryName());
      assertEquals(
          d.structureChange(),
          rows.stream().mapToDouble(ContributionRow::structureChange).sum(),
          1e-12);
      assertEquals(
          Math.log(d.intensityRatio()),
          rows.stream().mapToDouble(ContributionRow::intensityLogTerm).sum(),
          1e-12);
      assertTrue(rows.stream().allMatch(r -> r.fromYear() == d.fromYear()));
    }
  }

  @Test
  void divisionTotalsComeFromTheDivisionRowsOfIndustryYear() {
    Totals t31 = new Totals(3, 9e9, 50e4, 100, 7, 0, 0, 0);
    Totals all = new Totals(5, 9e9, 90e4, 120, 9, 0, 0, 0);
    List<IndustryYear> rows =
        List.of(
            new IndustryYear(
                GroupLevel.ALL, "ALL", "All", 2020, all, 1.0, 1.0, null, null, null, null),
            new IndustryYear(
                GroupLevel.DIVISION, "31", "Ferrous", 2020, t31, 2.0, 1.0, null, null, null, null));
    Map<Integer, Map<String, double[]>> totals = Lmdi.divisionTotals(rows);
    assertEquals(List.of(2020), List.copyOf(totals.keySet()));
    assertEquals(List.of("31"), List.copyOf(totals.get(2020).keySet()));
    assertArrayEquals(new double[] {100, 50e4}, totals.get(2020).get("31"));
  }
}
