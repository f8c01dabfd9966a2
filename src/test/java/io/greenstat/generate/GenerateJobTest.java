package io.greenstat.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenstat.TestSpark;
import io.greenstat.config.ConfigException;
import io.greenstat.schema.Columns;
import io.greenstat.schema.IndustryCatalog;
import io.greenstat.schema.ProvinceCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateJobTest {
  private static final Set<String> EI6 = Set.of("25", "26", "30", "31", "32", "44");
  private static final double THRESHOLD = 20_000_000d;
  private static final GeneratorOptions CLEAN = new GeneratorOptions(3000, 2015, 2024, 7, 0.0);

  @TempDir static Path tmp;

  private static SparkSession spark;
  private static Path clean;
  private static long cleanRowsReported;
  private static List<Rec> cleanRows;

  /** One firm-year row as plain Java values. */
  record Rec(
      String firmId,
      int year,
      String industry,
      String province,
      Double revenue,
      Double addedValue,
      Double energy,
      Double water,
      Double co2) {
    String division() {
      return industry.substring(0, 2);
    }

    boolean inScope() {
      int d = Integer.parseInt(division());
      return d >= 6 && d <= 46;
    }

    boolean above() {
      return revenue >= THRESHOLD;
    }
  }

  @BeforeAll
  static void generateCleanPanel() {
    spark = TestSpark.get();
    clean = tmp.resolve("clean");
    long started = System.nanoTime();
    cleanRowsReported = GenerateJob.run(spark, CLEAN, clean.toString());
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        "GenerateJobTest: %d firms x %d-%d -> %d rows in %d ms%n",
        CLEAN.firms(), CLEAN.firstYear(), CLEAN.lastYear(), cleanRowsReported, millis);
    cleanRows = read(clean);
  }

  private static List<Rec> read(Path dir) {
    List<Rec> out = new ArrayList<>();
    for (Row r :
        spark
            .read()
            .option("pathGlobFilter", "*.parquet")
            .parquet(dir.toString())
            .select(
                Columns.FIRM_ID,
                Columns.YEAR,
                Columns.INDUSTRY_CODE,
                Columns.PROVINCE_CODE,
                Columns.REVENUE_YUAN,
                Columns.ADDED_VALUE_YUAN,
                Columns.ENERGY_TCE,
                Columns.WATER_M3,
                Columns.CO2_T)
            .collectAsList()) {
      out.add(
          new Rec(
              r.getString(0),
              r.getInt(1),
              r.getString(2),
              r.getString(3),
              (Double) r.get(4),
              (Double) r.get(5),
              (Double) r.get(6),
              (Double) r.get(7),
              (Double) r.get(8)));
    }
    return out;
  }

  // ---- (1) Same options, same bytes ----

  @Test
  void sameOptionsGiveByteIdenticalTrees() throws IOException {
    GeneratorOptions options = new GeneratorOptions(400, 2018, 2022, 11, 0.1);
    Path a = tmp.resolve("same-a");
    Path b = tmp.resolve("same-b");
    long rowsA = GenerateJob.run(spark, options, a.toString());
    long rowsB = GenerateJob.run(spark, options, b.toString());
    assertEquals(rowsA, rowsB);

    Map<String, byte[]> treeA = tree(a);
    Map<String, byte[]> treeB = tree(b);
    assertEquals(treeA.keySet(), treeB.keySet());
    for (String name : treeA.keySet()) {
      assertArrayEquals(treeA.get(name), treeB.get(name), name);
    }
    Set<String> expected = new TreeSet<>();
    expected.add("truth.json");
    for (int y = 2018; y <= 2022; y++) {
      expected.add("year=" + y + "/part-00000.snappy.parquet");
    }
    assertEquals(expected, treeA.keySet(), "no _SUCCESS, no .crc, deterministic names");

    Path c = tmp.resolve("other-seed");
    GenerateJob.run(spark, new GeneratorOptions(400, 2018, 2022, 12, 0.1), c.toString());
    assertFalse(
        Arrays.equals(
            treeA.get("year=2020/part-00000.snappy.parquet"),
            tree(c).get("year=2020/part-00000.snappy.parquet")),
        "another seed gives other data");
  }

  @Test
  void refusesANonEmptyOutput() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("occupied"));
    Files.writeString(dir.resolve("keep.txt"), "precious");
    assertThrows(
        ConfigException.class,
        () -> GenerateJob.run(spark, new GeneratorOptions(10, 2020, 2020, 1, 0), dir.toString()));
    assertEquals("precious", Files.readString(dir.resolve("keep.txt")));
  }

  private static Map<String, byte[]> tree(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }

  // ---- (2) A clean panel looks like China's above-size industry ----

  @Test
  void cleanPanelHasPlausibleShares() {
    List<Rec> rows = cleanRows;
    assertEquals(cleanRowsReported, rows.size());

    long above = rows.stream().filter(Rec::above).count();
    double aboveShare = (double) above / rows.size();
    assertTrue(aboveShare > 0.08 && aboveShare < 0.18, "above-threshold share " + aboveShare);

    double energyAll = 0;
    double energyEi6 = 0;
    double vaAll = 0;
    double vaEi6 = 0;
    for (Rec r : rows) {
      if (r.above() && r.inScope()) {
        energyAll += r.energy();
        vaAll += r.addedValue();
        if (EI6.contains(r.division())) {
          energyEi6 += r.energy();
          vaEi6 += r.addedValue();
        }
      }
    }
    double vaShare = vaEi6 / vaAll;
    System.out.printf(
        "GenerateJobTest: above-threshold share %.3f, EI6 energy share %.3f, EI6 VA share %.3f%n",
        aboveShare, energyEi6 / energyAll, vaShare);
    assertTrue(energyEi6 / energyAll > 0.80, "EI6 energy share " + energyEi6 / energyAll);
    assertTrue(vaShare > 0.20 && vaShare < 0.40, "EI6 VA share " + vaShare);

    Set<String> divisions =
        rows.stream().filter(Rec::inScope).map(Rec::division).collect(Collectors.toSet());
    Set<String> catalog =
        IndustryCatalog.load().divisions().stream()
            .map(IndustryCatalog.Division::code)
            .collect(Collectors.toSet());
    assertEquals(catalog, divisions, "all 41 divisions appear");

    Set<String> provinces = rows.stream().map(Rec::province).collect(Collectors.toSet());
    assertTrue(provinces.size() >= 25, "provinces: " + provinces);
    assertTrue(ProvinceCatalog.load().codes().containsAll(provinces));
    assertFalse(provinces.contains("71") || provinces.contains("81") || provinces.contains("82"));

    long outOfScope =
        rows.stream().filter(r -> !r.inScope() && IndustryCatalog.isDivision(r.division())).count();
    assertTrue(outOfScope > 0, "out-of-scope rows exist");
    assertTrue(outOfScope < rows.size() * 0.1, "out-of-scope rows are a few percent");

    Map<Integer, Long> byLength =
        rows.stream()
            .collect(Collectors.groupingBy(r -> r.industry().length(), Collectors.counting()));
    assertTrue(byLength.getOrDefault(4, 0L) > 0.2 * rows.size(), "4-digit codes: " + byLength);
    assertTrue(byLength.getOrDefault(3, 0L) > 0.05 * rows.size(), "3-digit codes: " + byLength);
    assertEquals(Set.of(2, 3, 4), byLength.keySet());
  }

  @Test
  void cleanPanelRowsAreValidAndRounded() {
    Pattern uscc = Pattern.compile("91[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");
    long co2Null = 0;
    Set<String> firmYears = new HashSet<>();
    for (Rec r : cleanRows) {
      assertTrue(uscc.matcher(r.firmId()).matches(), r.firmId());
      assertEquals(
          checkChar(r.firmId()), r.firmId().charAt(17), "check character of " + r.firmId());
      assertTrue(r.firmId().startsWith(r.province(), 2), "region code in the province");
      assertTrue(firmYears.add(r.firmId() + "/" + r.year()), "one row per firm and year");
      assertTrue(r.industry().matches("[0-9]{2,4}"), r.industry());
      assertTrue(r.addedValue() > 0 && r.addedValue() < r.revenue(), r.toString());
      assertTrue(r.energy() >= 0 && r.water() >= 0, r.toString());
      assertRounded(r.revenue(), 100);
      assertRounded(r.addedValue(), 100);
      assertRounded(r.energy(), 1000);
      assertRounded(r.water(), 10);
      if (r.co2() == null) {
        co2Null++;
      } else {
        assertTrue(r.co2() >= 0);
      }
    }
    double co2NullShare = (double) co2Null / cleanRows.size();
    assertTrue(co2NullShare > 0.1 && co2NullShare < 0.3, "co2 null share " + co2NullShare);
  }

  private static void assertRounded(double value, double scale) {
    double scaled = value * scale;
    assertTrue(
        Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, Math.abs(scaled)), "" + value);
  }

  /** GB 32100 check character, computed here independently of the generator. */
  private static char checkChar(String id) {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += alphabet.indexOf(id.charAt(i)) * weights[i];
    }
    return alphabet.charAt((31 - sum % 31) % 31);
  }

  @Test
  void cleanPanelHasAPanelStructure() {
    Map<String, List<Rec>> byFirm = cleanRows.stream().collect(Collectors.groupingBy(Rec::firmId));
    assertEquals(CLEAN.firms(), byFirm.size(), "every firm has at least one year");
    int entering = 0;
    int exiting = 0;
    int switching = 0;
    int crossing = 0;
    for (List<Rec> years : byFirm.values()) {
      years.sort((x, y) -> Integer.compare(x.year(), y.year()));
      int first = years.get(0).year();
      int last = years.get(years.size() - 1).year();
      assertEquals(last - first + 1, years.size(), "years are contiguous");
      entering += first > CLEAN.firstYear() ? 1 : 0;
      exiting += last < CLEAN.lastYear() ? 1 : 0;
      switching += years.stream().map(Rec::division).distinct().count() > 1 ? 1 : 0;
      for (int i = 1; i < years.size(); i++) {
        if (!years.get(i - 1).above() && years.get(i).above()) {
          crossing++;
          break;
        }
      }
      assertEquals(1, years.stream().map(Rec::province).distinct().count(), "province is stable");
    }
    int n = byFirm.size();
    assertTrue(entering > 0.2 * n && entering < 0.6 * n, "entering firms " + entering);
    assertTrue(exiting > 0.1 * n && exiting < 0.4 * n, "exiting firms " + exiting);
    assertTrue(switching > 0.005 * n && switching < 0.06 * n, "switching firms " + switching);
    assertTrue(crossing > 0.01 * n, "firms crossing the threshold " + crossing);
  }

  /**
   * The ratio-of-sums intensity of above-size firms recovers each division's planted annual rate
   * within one percentage point, for divisions with at least 10 above-size firms in every year.
   */
  @Test
  void cleanPanelRecoversPlantedRates() {
    int years = CLEAN.lastYear() - CLEAN.firstYear() + 1;
    Map<String, double[][]> sums = new HashMap<>(); // division -> [year][energy, water, va, firms]
    for (Rec r : cleanRows) {
      if (r.above() && r.inScope()) {
        double[] s =
            sums.computeIfAbsent(r.division(), d -> new double[years][4])[
                r.year() - CLEAN.firstYear()];
        s[0] += r.energy();
        s[1] += r.water();
        s[2] += r.addedValue();
        s[3]++;
      }
    }
    List<String> checked = new ArrayList<>();
    StringBuilder misses = new StringBuilder();
    for (DivisionProfiles.Profile p : DivisionProfiles.INDUSTRIAL) {
      double[][] s = sums.get(p.code());
      if (s == null || Stream.of(s).anyMatch(y -> y[3] < 10)) {
        continue;
      }
      checked.add(p.code());
      double energyRate = annualRate(s[0][0] / s[0][2], s[years - 1][0] / s[years - 1][2], years);
      double waterRate = annualRate(s[0][1] / s[0][2], s[years - 1][1] / s[years - 1][2], years);
      if (Math.abs(energyRate - p.energyRate()) > 0.01
          || Math.abs(waterRate - p.waterRate()) > 0.01) {
        misses.append(
            String.format(
                " %s energy %.4f vs %.4f, water %.4f vs %.4f;",
                p.code(), energyRate, p.energyRate(), waterRate, p.waterRate()));
      }
    }
    System.out.println("GenerateJobTest: rate recovery checked for divisions " + checked);
    assertTrue(checked.size() >= 3, "divisions with enough firms: " + checked);
    assertEquals("", misses.toString());
  }

  private static double annualRate(double first, double last, int years) {
    return Math.pow(last / first, 1.0 / (years - 1)) - 1;
  }

  // ---- (3) Every defect class appears ----

  @Test
  void everyDefectClassAppears() {
    Path dir = tmp.resolve("defects");
    GeneratorOptions options = new GeneratorOptions(600, 2015, 2024, 5, 0.2);
    long reported = GenerateJob.run(spark, options, dir.toString());
    List<Rec> rows = read(dir);
    assertEquals(reported, rows.size());

    Set<String> provinces = ProvinceCatalog.load().codes();
    EnumSet<DefectClass> seen = EnumSet.noneOf(DefectClass.class);
    long defective = 0;
    for (Rec r : rows) {
      List<DefectClass> found = new ArrayList<>();
      if (r.firmId() == null) {
        found.add(DefectClass.NULL_FIRM_ID);
      } else if (r.firmId().isBlank()) {
        found.add(DefectClass.BLANK_FIRM_ID);
      }
      if (r.industry() == null) {
        found.add(DefectClass.NULL_INDUSTRY_CODE);
      } else if (r.industry().isBlank()) {
        found.add(DefectClass.BLANK_INDUSTRY_CODE);
      } else if (!r.industry().matches("[0-9]{2,4}")) {
        found.add(DefectClass.MALFORMED_INDUSTRY_CODE);
      } else if (!IndustryCatalog.isDivision(r.industry().substring(0, 2))) {
        found.add(DefectClass.UNKNOWN_INDUSTRY_CODE);
      }
      if (r.province() == null) {
        found.add(DefectClass.NULL_PROVINCE_CODE);
      } else if (r.province().isBlank()) {
        found.add(DefectClass.BLANK_PROVINCE_CODE);
      } else if (!provinces.contains(r.province())) {
        found.add(DefectClass.UNKNOWN_PROVINCE_CODE);
      }
      numeric(r.revenue(), found, DefectClass.NULL_REVENUE, DefectClass.NEGATIVE_REVENUE);
      if (r.revenue() != null && r.revenue() == Double.NEGATIVE_INFINITY) {
        found.remove(DefectClass.NEGATIVE_REVENUE);
        found.add(DefectClass.NEGATIVE_INFINITE_REVENUE);
      }
      numeric(
          r.addedValue(), found, DefectClass.NULL_ADDED_VALUE, DefectClass.NEGATIVE_ADDED_VALUE);
      numeric(r.energy(), found, DefectClass.NULL_ENERGY, DefectClass.NEGATIVE_ENERGY);
      if (r.energy() != null && r.energy().isNaN()) {
        found.add(DefectClass.NAN_ENERGY);
      }
      numeric(r.water(), found, DefectClass.NULL_WATER, DefectClass.NEGATIVE_WATER);
      if (r.water() != null && r.water() == Double.POSITIVE_INFINITY) {
        found.add(DefectClass.POSITIVE_INFINITE_WATER);
      }
      assertTrue(found.size() <= 1, "at most one defect per row: " + found + " in " + r);
      seen.addAll(found);
      defective += found.size();
    }

    Map<String, List<Rec>> byFirmYear =
        rows.stream()
            .filter(r -> r.firmId() != null && !r.firmId().isBlank())
            .collect(Collectors.groupingBy(r -> r.firmId() + "/" + r.year()));
    for (List<Rec> group : byFirmYear.values()) {
      if (group.size() == 2) {
        defective++;
        if (group.get(0).equals(group.get(1))) {
          seen.add(DefectClass.EXACT_DUPLICATE);
        } else {
          Rec x = group.get(0);
          Rec y = group.get(1);
          assertEquals(
              new Rec(
                  x.firmId(),
                  x.year(),
                  x.industry(),
                  x.province(),
                  x.revenue(),
                  x.addedValue(),
                  y.energy(),
                  x.water(),
                  x.co2()),
              y,
              "a conflicting duplicate differs in energy only");
          seen.add(DefectClass.CONFLICTING_DUPLICATE);
        }
      }
      assertTrue(group.size() <= 2, "at most two rows per firm and year");
    }
    assertEquals(EnumSet.allOf(DefectClass.class), seen);
    double share =
        (double) defective
            / (rows.size() - byFirmYear.values().stream().filter(g -> g.size() == 2).count());
    assertTrue(share > 0.15 && share < 0.25, "defective share " + share);
  }

  private static void numeric(
      Double value, List<DefectClass> found, DefectClass ifNull, DefectClass ifNegative) {
    if (value == null) {
      found.add(ifNull);
    } else if (value < 0) {
      found.add(ifNegative);
    }
  }

  // ---- (4) truth.json ----

  @Test
  void truthJsonHasEveryDivisionsRates() throws IOException {
    Path truth = clean.resolve("truth.json");
    JsonNode root = new ObjectMapper().readTree(truth.toFile());
    assertEquals(CLEAN.firms(), root.path("options").path("firms").asLong());
    assertEquals(CLEAN.seed(), root.path("options").path("seed").asLong());
    assertEquals(CLEAN.firstYear(), root.path("options").path("first_year").asInt());
    assertEquals(CLEAN.lastYear(), root.path("options").path("last_year").asInt());
    assertEquals(20_000_000L, root.path("threshold").path("value_yuan").asLong());

    Set<String> ei6 = new TreeSet<>();
    root.path("ei6").forEach(n -> ei6.add(n.asText()));
    assertEquals(new TreeSet<>(EI6), ei6);

    JsonNode divisions = root.path("divisions");
    List<String> codes = new ArrayList<>();
    divisions.fieldNames().forEachRemaining(codes::add);
    List<String> catalog =
        IndustryCatalog.load().divisions().stream().map(IndustryCatalog.Division::code).toList();
    assertEquals(catalog, codes, "41 divisions in code order");
    for (DivisionProfiles.Profile p : DivisionProfiles.INDUSTRIAL) {
      JsonNode d = divisions.path(p.code());
      assertEquals(p.energyRate(), d.path("energy_rate_per_year").asDouble(Double.NaN), p.code());
      assertEquals(p.waterRate(), d.path("water_rate_per_year").asDouble(Double.NaN), p.code());
      assertTrue(d.path("energy_intensity_tce_per_10k_yuan").asDouble() > 0, p.code());
      assertTrue(d.path("water_intensity_m3_per_10k_yuan").asDouble() > 0, p.code());
      assertTrue(d.path("energy_rate_per_year").asDouble() < 0, p.code());
      assertEquals(EI6.contains(p.code()), d.path("energy_intensive").asBoolean(), p.code());
    }
    List<String> defects = new ArrayList<>();
    root.path("defect_classes").forEach(n -> defects.add(n.asText()));
    assertEquals(Stream.of(DefectClass.values()).map(DefectClass::code).toList(), defects);
    assertEquals(
        100.0,
        DivisionProfiles.INDUSTRIAL.stream()
            .mapToDouble(DivisionProfiles.Profile::firmSharePct)
            .sum(),
        1e-9);
  }

  // ---- (5) A planted structural shift ----

  /**
   * With {@code ei6VaShift}, every firm-year is the one of the panel without the shift except that
   * in the six energy-intensive divisions added value, energy, water and CO2 are multiplied by (1 +
   * shift)^(year − first year), up to the rounding to cents, kg and litres; truth.json records the
   * factors and the implied shares. Compared row by row with the unshifted panel of the same seed.
   */
  @Test
  void structuralShiftScalesOnlyTheEnergyIntensiveDivisions() throws IOException {
    double shift = -0.10;
    Path plain = tmp.resolve("shift-none");
    Path shifted = tmp.resolve("shift-ei6");
    GenerateJob.run(spark, new GeneratorOptions(400, 2018, 2022, 13, 0.0), plain.toString());
    GenerateJob.run(
        spark, new GeneratorOptions(400, 2018, 2022, 13, 0.0, shift), shifted.toString());
    Map<String, Rec> before = new HashMap<>();
    for (Rec r : read(plain)) {
      before.put(r.firmId() + "/" + r.year(), r);
    }
    List<Rec> after = read(shifted);
    assertEquals(before.size(), after.size());
    int ei6Rows = 0;
    for (Rec r : after) {
      Rec b = before.get(r.firmId() + "/" + r.year());
      String key = r.firmId() + "/" + r.year();
      assertEquals(b.industry(), r.industry(), key);
      assertEquals(b.revenue(), r.revenue(), key + " revenue untouched");
      double f = EI6.contains(r.division()) ? Math.pow(1 + shift, r.year() - 2018) : 1.0;
      ei6Rows += EI6.contains(r.division()) ? 1 : 0;
      // The unshifted values were rounded too: allow both roundings plus 1e-12 relative.
      assertEquals(b.addedValue() * f, r.addedValue(), 0.01 + 1e-12 * r.addedValue(), key);
      assertEquals(b.energy() * f, r.energy(), 0.002 + 1e-9 * r.energy(), key);
      assertEquals(b.water() * f, r.water(), 0.1 + 1e-9 * r.water(), key);
      if (b.co2() == null) {
        assertEquals(null, r.co2(), key);
      } else {
        assertEquals(b.co2() * f, r.co2(), 0.002 + 1e-9 * r.co2(), key);
      }
    }
    assertTrue(ei6Rows > 100, "EI6 rows " + ei6Rows);

    JsonNode truth = new ObjectMapper().readTree(shifted.resolve("truth.json").toFile());
    assertEquals(shift, truth.path("options").path("ei6_va_shift").asDouble(Double.NaN));
    JsonNode planted = truth.path("structure_shift");
    assertEquals(shift, planted.path("va_factor_rate_per_year").asDouble(Double.NaN));
    assertEquals(0.9 * 0.9, planted.path("va_factor_by_year").path("2020").asDouble(), 1e-15);
    for (int y = 2018; y <= 2022; y++) {
      JsonNode shares = planted.path("expected_va_share_by_year").path("" + y);
      double total = 0;
      double ei6 = 0;
      for (var it = shares.fields(); it.hasNext(); ) {
        var e = it.next();
        total += e.getValue().asDouble();
        ei6 += EI6.contains(e.getKey()) ? e.getValue().asDouble() : 0;
      }
      assertEquals(41, shares.size());
      assertEquals(1.0, total, 1e-12);
      // By hand from the profile table: Σ_EI6 firm% × e^size × VA/rev = 26.9 % of all in 2018.
      double w = 0.269092 * Math.pow(0.9, y - 2018);
      assertEquals(w / (w + 1 - 0.269092), ei6, 1e-5, "EI6 expected share " + y);
    }
    JsonNode unshifted = new ObjectMapper().readTree(plain.resolve("truth.json").toFile());
    assertTrue(unshifted.path("structure_shift").isMissingNode(), "no shift, no shift entry");
    assertTrue(unshifted.path("options").path("ei6_va_shift").isMissingNode());
  }
}
