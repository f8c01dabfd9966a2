package io.greenstat.generate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.rint;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.sin;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.greenstat.schema.Columns;
import io.greenstat.schema.IndustryCatalog;
import io.greenstat.schema.ProvinceCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the synthetic firm-year panel as one Spark plan of built-in column expressions (no UDFs,
 * no driver-side rows).
 *
 * <p>Row {@code id} of {@code spark.range(firms)} is a firm: its attributes (entry and exit year,
 * division, codes, province, id, size, growth, factors) are derived once, then the row is exploded
 * over the years from entry to exit and the yearly values are derived. Every random draw is a
 * uniform made from {@code xxhash64(seed, firm, [year,] salt)}, so the values depend on the seed,
 * the firm and the year only, never on partitioning or task order. The per-firm normal draws use
 * Box-Muller on two such uniforms, clamped to ±{@value #Z_CLAMP}; the small yearly noises are
 * triangular (sum of two uniforms), which is cheaper per row.
 *
 * <p>The model, per firm i in division d and year t (t0 = first year):
 *
 * <ul>
 *   <li>revenue = exp(μ + shift_d + σ·z_i + g_i·(t − entry_i) + ε_it), g_i ~ N(5%, 5%), rounded to
 *       cents and at least {@value #MIN_REVENUE_YUAN} yuan;
 *   <li>added value = revenue × VA/revenue_d × firm factor × year noise, in [2%, 90%] of revenue,
 *       times (1 + shift)^(t − t0) in the energy-intensive divisions when a structural shift is
 *       planted ({@link GeneratorOptions#ei6VaShift});
 *   <li>energy = VA/10⁴ × base_d × (1 + rate_d)^(t − t0) × F_i × n_it, with F_i time-invariant and
 *       log-normal, n_it = 1 + sd·triangular, both with mean 1; water likewise with its own base,
 *       rate and factors;
 *   <li>CO2 = energy × tCO2/tce_d × noise, null for about {@value #CO2_MISSING_SHARE} of firms.
 * </ul>
 *
 * <p>Firm 0–40 are placed one in each division and firms 0–30 one in each province, so every
 * division and province appears in any panel of at least 41 firms.
 */
final class PanelBuilder {
  // ---- The model's planted constants (also written to truth.json) ----
  static final double THRESHOLD_YUAN = 20_000_000d;
  static final double REVENUE_LOG_MEAN = 15.25;
  static final double REVENUE_LOG_SD = 1.0;
  static final double REVENUE_YEAR_SD = 0.05;
  static final double GROWTH_MEAN = 0.05;
  static final double GROWTH_SD = 0.05;
  static final double MIN_REVENUE_YUAN = 100_000d;
  static final double VA_RATIO_FIRM_SD = 0.15;
  static final double VA_RATIO_YEAR_SD = 0.03;
  static final double VA_RATIO_MIN = 0.02;
  static final double VA_RATIO_MAX = 0.90;
  static final double INTENSITY_FIRM_SD = 0.10;
  static final double INTENSITY_YEAR_SD = 0.02;
  static final double CO2_YEAR_SD = 0.03;
  static final double Z_CLAMP = 3.0;
  static final double PRESENT_FROM_START_SHARE = 0.60;
  static final double SURVIVE_TO_END_SHARE = 0.75;
  static final double OUT_OF_SCOPE_SHARE = 0.03;
  static final double DIVISION_SWITCH_SHARE = 0.03;
  static final double CO2_MISSING_SHARE = 0.20;
  static final double FOUR_DIGIT_CODE_SHARE = 0.30;
  static final double THREE_DIGIT_CODE_SHARE = 0.10;

  /** Largest panel: keeps the firm-id arithmetic inside a signed 64-bit long. */
  static final long MAX_FIRMS = 1_000_000_000L;

  /** Buckets of the weighted draws: percentages with two decimals map exactly. */
  static final int BUCKETS = 10_000;

  /** Firms per task: bounds the rows each task sorts and writes (one file per year each). */
  static final long FIRMS_PER_TASK = 1_000_000L;

  /** The 31 characters of a unified social credit code (GB 32100), value order. */
  static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private static final int[] USCC_WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };
  private static final long ORG_SPACE = 26_439_622_160_671L; // 31^9
  private static final long ORG_MULTIPLIER = 1_000_000_007L; // coprime with 31^9

  // ---- Internal column names (dropped before writing) ----
  static final String FIRM = "_firm";
  static final String COPY = "_copy";
  private static final String OOS = "_oos";
  private static final String DIV0 = "_div0";
  private static final String DIV1 = "_div1";
  private static final String DRAWN = "_drawn";
  private static final String ENTRY = "_entry";
  private static final String EXIT = "_exit";
  private static final String SWITCH_YEAR = "_switch_year";
  private static final String PROVINCE = "_province";
  private static final String SUFFIX = "_suffix";
  private static final String CODE0 = "_code0";
  private static final String CODE1 = "_code1";
  private static final String ORG = "_org";
  private static final String CITY = "_city";
  private static final String DISTRICT = "_district";
  private static final String SIZE = "_size";
  private static final String GROWTH = "_growth";
  private static final String VA_FIRM = "_va_firm";
  private static final String ENERGY_FIRM = "_energy_firm";
  private static final String WATER_FIRM = "_water_firm";
  private static final String CO2_MISSING = "_co2_missing";
  private static final String PARAMS = "_params";
  private static final String SPARE = "_spare";
  private static final String ENERGY_RAW = "_energy_raw";
  private static final String DEFECT = "_defect";
  private static final String VARIANT = "_variant";
  private static final String U_DIVISION = "_u_division";
  private static final String U_SWITCH_DIVISION = "_u_switch_division";
  private static final String U_CODE_DIGITS = "_u_code_digits";
  private static final String U_PROVINCE = "_u_province";
  private static final String LOG_SIZE = "_log_size";
  private static final String GROWTH_RATE = "_growth_rate";
  private static final String VA_FACTOR = "_va_factor";
  private static final String ENERGY_FACTOR = "_energy_factor";
  private static final String WATER_FACTOR = "_water_factor";
  private static final String SPLIT = "_split";
  private static final String RADIUS = "_radius";
  private static final String ANGLE = "_angle";

  // ---- Hash salts: one per independent draw ----
  private static final int S_OUT_OF_SCOPE = 1;
  private static final int S_DIVISION = 2;
  private static final int S_SWITCH = 3;
  private static final int S_SWITCH_YEAR = 4;
  private static final int S_SWITCH_DIVISION = 5;
  private static final int S_CODE_DIGITS = 6;
  private static final int S_GROUP_DIGIT = 7;
  private static final int S_CLASS_DIGIT = 8;
  private static final int S_OUT_OF_SCOPE_CODE = 9;
  private static final int S_PROVINCE = 10;
  private static final int S_CITY = 11;
  private static final int S_DISTRICT = 12;
  private static final int S_ENTRY = 13;
  private static final int S_ENTRY_YEAR = 14;
  private static final int S_EXIT = 15;
  private static final int S_EXIT_YEAR = 16;
  private static final int S_SIZE_GROWTH = 17; // and 18
  private static final int S_VA_ENERGY_FIRM = 19; // and 20
  private static final int S_WATER_FIRM = 21; // and 22
  private static final int S_CO2_MISSING = 23;
  private static final int S_REVENUE_YEAR = 24; // and 25
  private static final int S_VA_YEAR = 26; // and 27
  private static final int S_ENERGY_YEAR = 28; // and 29
  private static final int S_WATER_YEAR = 30; // and 31
  private static final int S_CO2_YEAR = 32; // and 33
  private static final int S_DEFECT = 34;
  private static final int S_DEFECT_VARIANT = 35;

  private final GeneratorOptions options;
  private final List<DivisionProfiles.Profile> profiles;
  private final List<String> provinces;

  PanelBuilder(GeneratorOptions options) {
    if (options.firms() > MAX_FIRMS) {
      throw new IllegalArgumentException(
          "at most " + MAX_FIRMS + " firms can be generated, got " + options.firms());
    }
    this.options = options;
    this.profiles = new ArrayList<>(DivisionProfiles.INDUSTRIAL);
    this.profiles.add(DivisionProfiles.OUT_OF_SCOPE); // index 41
    this.provinces = List.copyOf(ProvinceWeights.WEIGHTS.keySet());
    checkReferenceTables();
  }

  /** The tables in code must match the catalogues in conf/: 41 divisions, mainland provinces. */
  private static void checkReferenceTables() {
    List<String> catalog =
        IndustryCatalog.load().divisions().stream().map(IndustryCatalog.Division::code).toList();
    List<String> table = DivisionProfiles.INDUSTRIAL.stream().map(p -> p.code()).toList();
    if (!catalog.equals(table)) {
      throw new IllegalStateException(
          "division profiles " + table + " do not match conf/industries.csv " + catalog);
    }
    Set<String> known = ProvinceCatalog.load().codes();
    for (String code : ProvinceWeights.WEIGHTS.keySet()) {
      if (!known.contains(code)) {
        throw new IllegalStateException("province " + code + " is not in conf/provinces.csv");
      }
    }
  }

  /**
   * The panel: the contract's columns ({@code year} included) plus the internal tie-breakers {@link
   * #FIRM} and {@link #COPY}. Not sorted; one Spark partition per {@link #FIRMS_PER_TASK} firms.
   *
   * <p>Each draw that feeds several expressions is first stored in a column of its own, so Spark
   * computes it once per row instead of once per use.
   */
  Dataset<Row> build(SparkSession spark) {
    long firms = options.firms();
    int tasks = (int) ((firms + FIRMS_PER_TASK - 1) / FIRMS_PER_TASK);
    Dataset<Row> rows = spark.range(0, firms, 1, tasks).withColumnRenamed("id", FIRM);
    rows = firmAttributes(rows);
    rows = rows.withColumn(Columns.YEAR, explode(sequence(col(ENTRY), col(EXIT))));
    rows = yearValues(rows);
    return plantDefects(rows);
  }

  // ---- Per firm ----

  Dataset<Row> firmAttributes(Dataset<Row> rows) {
    int nDivisions = DivisionProfiles.INDUSTRIAL.size();
    // Stage 1: draws and values that need only the firm number.
    Map<String, Column> stage = new LinkedHashMap<>();
    stage.put(ENTRY, entryYear());
    stage.put(OOS, col(FIRM).geq(lit(41L)).and(u(S_OUT_OF_SCOPE).lt(OUT_OF_SCOPE_SHARE)));
    stage.put(U_DIVISION, u(S_DIVISION));
    stage.put(U_SWITCH_DIVISION, u(S_SWITCH_DIVISION));
    stage.put(U_CODE_DIGITS, u(S_CODE_DIGITS));
    stage.put(U_PROVINCE, u(S_PROVINCE));
    stage.put(CITY, floor(u(S_CITY).multiply(15)).plus(1).cast("int"));
    stage.put(DISTRICT, floor(u(S_DISTRICT).multiply(20)).plus(1).cast("int"));
    stage.put(ORG, orgNumber());
    normalInputs(stage, S_SIZE_GROWTH, false);
    normalInputs(stage, S_VA_ENERGY_FIRM, false);
    normalInputs(stage, S_WATER_FIRM, false);
    stage.put(CO2_MISSING, u(S_CO2_MISSING).lt(CO2_MISSING_SHARE));
    rows = splitPoint(rows.withColumns(stage));

    // Stage 2: exit year, first division (firms 0-40 one per division), the division a switching
    // firm moves to, code suffix (group and class digits), province (firms 0-30 one each).
    Column group = floor(u(S_GROUP_DIGIT).multiply(9)).plus(1).cast("string");
    Column klass = floor(u(S_CLASS_DIGIT).multiply(10)).cast("string");
    Column digits = col(U_CODE_DIGITS);
    stage = new LinkedHashMap<>();
    stage.put(EXIT, exitYear());
    stage.put(
        DIV0,
        when(col(FIRM).lt(lit(41L)), col(FIRM).cast("int"))
            .otherwise(pick(col(U_DIVISION), divisionWeights())));
    stage.put(DRAWN, pick(col(U_SWITCH_DIVISION), divisionWeights()));
    stage.put(
        SUFFIX,
        when(digits.lt(FOUR_DIGIT_CODE_SHARE), concat(group, klass))
            .when(digits.lt(FOUR_DIGIT_CODE_SHARE + THREE_DIGIT_CODE_SHARE), group)
            .otherwise(lit("")));
    stage.put(
        PROVINCE,
        when(col(FIRM).lt(lit(31L)), col(FIRM).cast("int"))
            .otherwise(pick(col(U_PROVINCE), provinceWeights())));
    normals(stage, S_SIZE_GROWTH, SIZE, GROWTH);
    normals(stage, S_VA_ENERGY_FIRM, VA_FIRM, ENERGY_FIRM);
    normals(stage, S_WATER_FIRM, WATER_FIRM, SPARE);
    rows = splitPoint(rows.withColumns(stage));

    // Stage 3: switch year and second division, codes, province code, size, growth, factors.
    stage = new LinkedHashMap<>();
    stage.put(
        SWITCH_YEAR,
        when(
            not(col(OOS)).and(u(S_SWITCH).lt(DIVISION_SWITCH_SHARE)).and(col(EXIT).gt(col(ENTRY))),
            col(ENTRY)
                .plus(1)
                .plus(floor(u(S_SWITCH_YEAR).multiply(col(EXIT).minus(col(ENTRY)))).cast("int"))));
    Column div1 =
        when(col(DRAWN).equalTo(col(DIV0)), col(DIV0).plus(1).mod(lit(nDivisions)))
            .otherwise(col(DRAWN));
    stage.put(DIV1, div1);
    stage.put(
        CODE0,
        concat(when(col(OOS), outOfScopeCode()).otherwise(divisionCode(col(DIV0))), col(SUFFIX)));
    stage.put(CODE1, concat(divisionCode(div1), col(SUFFIX)));
    stage.put(Columns.PROVINCE_CODE, element_at(strings(provinces), col(PROVINCE).plus(1)));
    Column sizeShift =
        param(DivisionProfiles.Profile::sizeShift, when(col(OOS), lit(41)).otherwise(col(DIV0)));
    stage.put(
        LOG_SIZE, lit(REVENUE_LOG_MEAN).plus(sizeShift).plus(col(SIZE).multiply(REVENUE_LOG_SD)));
    stage.put(GROWTH_RATE, lit(GROWTH_MEAN).plus(col(GROWTH).multiply(GROWTH_SD)));
    stage.put(VA_FACTOR, meanOne(col(VA_FIRM), VA_RATIO_FIRM_SD));
    stage.put(ENERGY_FACTOR, meanOne(col(ENERGY_FIRM), INTENSITY_FIRM_SD));
    stage.put(WATER_FACTOR, meanOne(col(WATER_FIRM), INTENSITY_FIRM_SD));
    rows = rows.withColumns(stage);

    // Stage 4: the firm id, whose region lies in the province.
    return rows.withColumn(Columns.FIRM_ID, firmId())
        .select(
            col(FIRM),
            col(ENTRY),
            col(EXIT),
            col(OOS),
            col(DIV0),
            col(DIV1),
            col(SWITCH_YEAR),
            col(CODE0),
            col(CODE1),
            col(Columns.PROVINCE_CODE),
            col(Columns.FIRM_ID),
            col(LOG_SIZE),
            col(GROWTH_RATE),
            col(VA_FACTOR),
            col(ENERGY_FACTOR),
            col(WATER_FACTOR),
            col(CO2_MISSING));
  }

  private Column entryYear() {
    int first = options.firstYear();
    int years = options.lastYear() - first + 1;
    if (years == 1) {
      return lit(first);
    }
    return when(u(S_ENTRY).lt(PRESENT_FROM_START_SHARE), lit(first))
        .otherwise(floor(u(S_ENTRY_YEAR).multiply(years - 1)).cast("int").plus(first + 1));
  }

  private Column exitYear() {
    int last = options.lastYear();
    return when(u(S_EXIT).lt(SURVIVE_TO_END_SHARE), lit(last))
        .otherwise(
            col(ENTRY)
                .plus(floor(u(S_EXIT_YEAR).multiply(lit(last + 1).minus(col(ENTRY)))).cast("int")));
  }

  /**
   * A code-generation split point: an explode of a one-element array. Spark compiles a whole chain
   * of projections into one Java method, and the JVM does not JIT-compile methods over 8000 bytes
   * of bytecode (they run interpreted, several times slower); a generator uses all its input
   * columns, so Spark puts the code below it into a method of its own.
   */
  private static Dataset<Row> splitPoint(Dataset<Row> rows) {
    return rows.withColumn(SPLIT, explode(array(lit(0)))).drop(SPLIT);
  }

  /** The division code of a parameter index (index 41, "--", is never used for a code). */
  private Column divisionCode(Column index) {
    List<String> codes = profiles.stream().map(p -> p.code()).toList();
    return element_at(strings(codes), index.plus(1));
  }

  private Column outOfScopeCode() {
    List<String> codes = DivisionProfiles.OUT_OF_SCOPE_CODES;
    return element_at(
        strings(codes), floor(u(S_OUT_OF_SCOPE_CODE).multiply(codes.size())).cast("int").plus(1));
  }

  /** A bijection of the firm number onto [0, 31^9): unique, scrambled organisation codes. */
  private Column orgNumber() {
    long offset = Math.floorMod(options.seed() * 0x9E3779B97F4A7C15L, ORG_SPACE);
    return col(FIRM).multiply(lit(ORG_MULTIPLIER)).plus(lit(offset)).mod(lit(ORG_SPACE));
  }

  /**
   * An 18-character unified social credit code lookalike: {@code 91} (an enterprise), the 6-digit
   * region (province, city, district), the 9-character organisation code in base 31 and the GB
   * 32100 check character, computed from the character values.
   */
  private Column firmId() {
    Column province = col(Columns.PROVINCE_CODE).cast("long");
    Column city = col(CITY).cast("long");
    Column district = col(DISTRICT).cast("long");
    List<Column> values = new ArrayList<>();
    values.add(lit(9L));
    values.add(lit(1L));
    values.add(province.divide(10).cast("long"));
    values.add(province.mod(10L));
    values.add(city.divide(10).cast("long"));
    values.add(city.mod(10L));
    values.add(district.divide(10).cast("long"));
    values.add(district.mod(10L));
    List<Column> orgChars = new ArrayList<>();
    for (int k = 8; k >= 0; k--) {
      // Exact: the organisation number is below 2^53, so the double quotient floors correctly.
      Column digit = floor(col(ORG).divide((double) pow31(k))).mod(31L);
      values.add(digit);
      orgChars.add(uscc(digit));
    }
    Column sum = lit(0L);
    for (int i = 0; i < values.size(); i++) {
      sum = sum.plus(values.get(i).multiply((long) USCC_WEIGHTS[i]));
    }
    Column check = lit(31L).minus(sum.mod(31L)).mod(31L);
    return concat(
        lit("91"),
        col(Columns.PROVINCE_CODE),
        lpad(col(CITY).cast("string"), 2, "0"),
        lpad(col(DISTRICT).cast("string"), 2, "0"),
        concat(orgChars.toArray(Column[]::new)),
        uscc(check));
  }

  /** The unified social credit code character of a value 0–30. */
  private static Column uscc(Column value) {
    return lit(USCC_ALPHABET).substr(value.cast("int").plus(1), lit(1));
  }

  private static long pow31(int k) {
    long p = 1;
    for (int i = 0; i < k; i++) {
      p *= 31;
    }
    return p;
  }

  // ---- Per firm-year ----

  Dataset<Row> yearValues(Dataset<Row> rows) {
    Map<String, Column> stage = new LinkedHashMap<>();
    stage.put(
        PARAMS,
        when(col(OOS), lit(41))
            .when(col(Columns.YEAR).geq(col(SWITCH_YEAR)), col(DIV1))
            .otherwise(col(DIV0)));
    stage.put(
        Columns.INDUSTRY_CODE,
        when(col(Columns.YEAR).geq(col(SWITCH_YEAR)), col(CODE1)).otherwise(col(CODE0)));
    rows = rows.withColumns(stage);

    Column logRevenue =
        col(LOG_SIZE)
            .plus(col(GROWTH_RATE).multiply(col(Columns.YEAR).minus(col(ENTRY))))
            .plus(triangular(S_REVENUE_YEAR).multiply(REVENUE_YEAR_SD));
    Column vaRatio =
        least(
            greatest(
                param(DivisionProfiles.Profile::vaRatio, col(PARAMS))
                    .multiply(col(VA_FACTOR))
                    .multiply(yearNoise(S_VA_YEAR, VA_RATIO_YEAR_SD)),
                lit(VA_RATIO_MIN)),
            lit(VA_RATIO_MAX));
    if (options.shiftsStructure()) {
      // After the clamp, so that the planted factor is exact in every firm-year of the division.
      vaRatio = vaRatio.multiply(structureFactor());
    }
    rows =
        rows.withColumn(
                Columns.REVENUE_YUAN, roundTo(greatest(exp(logRevenue), lit(MIN_REVENUE_YUAN)), 2))
            .withColumn(
                Columns.ADDED_VALUE_YUAN, roundTo(col(Columns.REVENUE_YUAN).multiply(vaRatio), 2));

    Column va10k = col(Columns.ADDED_VALUE_YUAN).divide(10_000d);
    Column energy =
        va10k
            .multiply(
                trend(
                    DivisionProfiles.Profile::energyIntensity,
                    DivisionProfiles.Profile::energyRate))
            .multiply(col(ENERGY_FACTOR))
            .multiply(yearNoise(S_ENERGY_YEAR, INTENSITY_YEAR_SD));
    Column water =
        va10k
            .multiply(
                trend(
                    DivisionProfiles.Profile::waterIntensity, DivisionProfiles.Profile::waterRate))
            .multiply(col(WATER_FACTOR))
            .multiply(yearNoise(S_WATER_YEAR, INTENSITY_YEAR_SD));
    rows = rows.withColumn(ENERGY_RAW, energy);
    Column co2 =
        when(
            not(col(CO2_MISSING)),
            roundTo(
                col(ENERGY_RAW)
                    .multiply(param(DivisionProfiles.Profile::co2PerTce, col(PARAMS)))
                    .multiply(yearNoise(S_CO2_YEAR, CO2_YEAR_SD)),
                3));
    stage = new LinkedHashMap<>();
    stage.put(Columns.ENERGY_TCE, roundTo(col(ENERGY_RAW), 3));
    stage.put(Columns.WATER_M3, roundTo(water, 1));
    stage.put(Columns.CO2_T, co2);
    return rows.withColumns(stage);
  }

  /**
   * The planted intensity of the row's division and year, base × (1 + rate)^(year − first year): a
   * lookup in a table computed here (with {@link StrictMath}, so on every JVM the same).
   */
  private Column trend(
      ToDoubleFunction<DivisionProfiles.Profile> base,
      ToDoubleFunction<DivisionProfiles.Profile> rate) {
    int first = options.firstYear();
    int years = options.lastYear() - first + 1;
    double[] table = new double[profiles.size() * years];
    for (int p = 0; p < profiles.size(); p++) {
      DivisionProfiles.Profile profile = profiles.get(p);
      for (int t = 0; t < years; t++) {
        table[p * years + t] =
            base.applyAsDouble(profile) * StrictMath.pow(1 + rate.applyAsDouble(profile), t);
      }
    }
    Column index = col(PARAMS).multiply(years).plus(col(Columns.YEAR).minus(first));
    return element_at(lit(table), index.plus(1));
  }

  /**
   * The planted structural-shift factor of the row's parameter index and year: {@link #shiftFactor}
   * for the six energy-intensive divisions, 1 for the others and out of scope. It multiplies the
   * VA/revenue ratio, so revenue (and with it the size threshold) is untouched and energy, water
   * and CO2, which are VA × intensity, follow the VA.
   */
  private Column structureFactor() {
    int first = options.firstYear();
    int years = options.lastYear() - first + 1;
    Set<String> ei6 = IndustryCatalog.load().energyIntensiveDivisions();
    double[] table = new double[profiles.size() * years];
    for (int p = 0; p < profiles.size(); p++) {
      boolean shifted = ei6.contains(profiles.get(p).code());
      for (int t = 0; t < years; t++) {
        table[p * years + t] = shifted ? shiftFactor(options, first + t) : 1.0;
      }
    }
    Column index = col(PARAMS).multiply(years).plus(col(Columns.YEAR).minus(first));
    return element_at(lit(table), index.plus(1));
  }

  /**
   * The planted added-value factor of an energy-intensive division in {@code year}: (1 +
   * shift)^(year − first year), computed with {@link StrictMath} so that every JVM gives the same
   * bytes.
   */
  static double shiftFactor(GeneratorOptions options, int year) {
    return StrictMath.pow(1 + options.ei6VaShift(), year - options.firstYear());
  }

  // ---- Defects ----

  Dataset<Row> plantDefects(Dataset<Row> rows) {
    DefectClass[] classes = DefectClass.values();
    double rate = options.defectRate();
    if (rate > 0) {
      // Given u < rate, u / rate is uniform on [0, 1): it picks the class.
      Column u = uy(S_DEFECT);
      rows =
          rows.withColumn(
                  DEFECT,
                  when(u.lt(rate), floor(u.divide(rate).multiply(classes.length)).cast("int")))
              .withColumn(VARIANT, floor(uy(S_DEFECT_VARIANT).multiply(4)).cast("int"));
    } else {
      rows = rows.withColumn(DEFECT, lit(null).cast("int")).withColumn(VARIANT, lit(0));
    }
    Column duplicated = is(DefectClass.EXACT_DUPLICATE).or(is(DefectClass.CONFLICTING_DUPLICATE));
    rows =
        rows.withColumn(
            COPY, explode(when(duplicated, array(lit(0), lit(1))).otherwise(array(lit(0)))));

    Column variant = col(VARIANT);
    Column division = col(Columns.INDUSTRY_CODE).substr(1, 2);
    Column firmId =
        when(is(DefectClass.NULL_FIRM_ID), lit(null).cast("string"))
            .when(is(DefectClass.BLANK_FIRM_ID), pickString(variant, "", " ", "   ", ""))
            .otherwise(col(Columns.FIRM_ID));
    Column industry =
        when(is(DefectClass.NULL_INDUSTRY_CODE), lit(null).cast("string"))
            .when(is(DefectClass.BLANK_INDUSTRY_CODE), pickString(variant, "", " ", "  ", "    "))
            .when(
                is(DefectClass.MALFORMED_INDUSTRY_CODE),
                element_at(
                    array(
                        concat(lit(" "), division),
                        concat(division.substr(1, 1), lit("a"), division.substr(2, 1)),
                        division.substr(1, 1),
                        concat(division, lit(".0"))),
                    variant.plus(1)))
            .when(
                is(DefectClass.UNKNOWN_INDUSTRY_CODE),
                pickString(variant, "99", "0012", "00", "98"))
            .otherwise(col(Columns.INDUSTRY_CODE));
    Column province =
        when(is(DefectClass.NULL_PROVINCE_CODE), lit(null).cast("string"))
            .when(is(DefectClass.BLANK_PROVINCE_CODE), pickString(variant, "", " ", "  ", ""))
            .when(is(DefectClass.UNKNOWN_PROVINCE_CODE), pickString(variant, "99", "1", "00", "10"))
            .otherwise(col(Columns.PROVINCE_CODE));
    Column revenue =
        when(is(DefectClass.NULL_REVENUE), lit(null).cast("double"))
            .when(is(DefectClass.NEGATIVE_INFINITE_REVENUE), lit(Double.NEGATIVE_INFINITY))
            .when(is(DefectClass.NEGATIVE_REVENUE), negative(Columns.REVENUE_YUAN))
            .otherwise(col(Columns.REVENUE_YUAN));
    Column addedValue =
        when(is(DefectClass.NULL_ADDED_VALUE), lit(null).cast("double"))
            .when(is(DefectClass.NEGATIVE_ADDED_VALUE), negative(Columns.ADDED_VALUE_YUAN))
            .otherwise(col(Columns.ADDED_VALUE_YUAN));
    Column energy =
        when(is(DefectClass.NULL_ENERGY), lit(null).cast("double"))
            .when(is(DefectClass.NAN_ENERGY), lit(Double.NaN))
            .when(is(DefectClass.NEGATIVE_ENERGY), negative(Columns.ENERGY_TCE))
            .when(
                is(DefectClass.CONFLICTING_DUPLICATE).and(col(COPY).equalTo(1)),
                roundTo(col(Columns.ENERGY_TCE).multiply(1.1).plus(1d), 3))
            .otherwise(col(Columns.ENERGY_TCE));
    Column water =
        when(is(DefectClass.NULL_WATER), lit(null).cast("double"))
            .when(is(DefectClass.POSITIVE_INFINITE_WATER), lit(Double.POSITIVE_INFINITY))
            .when(is(DefectClass.NEGATIVE_WATER), negative(Columns.WATER_M3))
            .otherwise(col(Columns.WATER_M3));

    return rows.select(
        firmId.as(Columns.FIRM_ID),
        col(Columns.YEAR),
        industry.as(Columns.INDUSTRY_CODE),
        province.as(Columns.PROVINCE_CODE),
        revenue.as(Columns.REVENUE_YUAN),
        addedValue.as(Columns.ADDED_VALUE_YUAN),
        energy.as(Columns.ENERGY_TCE),
        water.as(Columns.WATER_M3),
        col(Columns.CO2_T),
        col(FIRM),
        col(COPY));
  }

  private static Column is(DefectClass defect) {
    return col(DEFECT).equalTo(defect.ordinal());
  }

  /** A negative value of the same magnitude (at least 1, so it is never -0.0). */
  private static Column negative(String column) {
    return greatest(col(column), lit(1d)).multiply(-1d);
  }

  // ---- Parameter lookups ----

  private double[] divisionWeights() {
    return DivisionProfiles.INDUSTRIAL.stream()
        .mapToDouble(DivisionProfiles.Profile::firmSharePct)
        .toArray();
  }

  private double[] provinceWeights() {
    return ProvinceWeights.WEIGHTS.values().stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The profile value of a parameter index (0–40 the divisions, 41 out of scope). */
  private Column param(ToDoubleFunction<DivisionProfiles.Profile> field, Column index) {
    Column[] values = new Column[profiles.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = lit(field.applyAsDouble(profiles.get(i)));
    }
    return element_at(array(values), index.plus(1));
  }

  private static Column strings(List<String> values) {
    return array(values.stream().map(v -> lit(v)).toArray(Column[]::new));
  }

  private static Column pickString(Column index, String... values) {
    return element_at(strings(List.of(values)), index.plus(1));
  }

  /**
   * Draws an index with probability proportional to its weight: a lookup in a table of {@value
   * #BUCKETS} buckets. The weights are percentages with at most two decimals summing to 100, so
   * every index gets exactly its share of buckets.
   */
  private static Column pick(Column u, double[] weights) {
    return element_at(lit(buckets(weights)), floor(u.multiply(BUCKETS)).cast("int").plus(1));
  }

  /** Bucket b holds the index whose cumulative weight range contains the middle of bucket b. */
  static int[] buckets(double[] weights) {
    long[] hundredths = new long[weights.length];
    long total = 0;
    for (int i = 0; i < weights.length; i++) {
      hundredths[i] = Math.round(weights[i] * 100);
      if (Math.abs(hundredths[i] - weights[i] * 100) > 1e-6) {
        throw new IllegalStateException("weight " + weights[i] + " has more than two decimals");
      }
      total += hundredths[i];
    }
    if (total != BUCKETS) {
      throw new IllegalStateException("weights sum to " + total / 100.0 + ", not 100");
    }
    int[] table = new int[BUCKETS];
    int b = 0;
    for (int i = 0; i < weights.length; i++) {
      for (long k = 0; k < hundredths[i]; k++) {
        table[b++] = i;
      }
    }
    return table;
  }

  // ---- Deterministic randomness ----

  /** A uniform in (0, 1) fixed by (seed, firm, salt): the same in every year. */
  private Column u(int salt) {
    return unit(xxhash64(lit(options.seed()), col(FIRM), lit(salt)));
  }

  /** A uniform in (0, 1) fixed by (seed, firm, year, salt). */
  private Column uy(int salt) {
    return unit(xxhash64(lit(options.seed()), col(FIRM), col(Columns.YEAR), lit(salt)));
  }

  private static Column unit(Column hash) {
    return shiftrightunsigned(hash, 11).cast("double").plus(0.5).multiply(0x1.0p-53);
  }

  /** Adds the Box-Muller inputs for the normals of {@code salt} to a stage. */
  private void normalInputs(Map<String, Column> stage, int salt, boolean perYear) {
    Column u1 = perYear ? uy(salt) : u(salt);
    Column u2 = perYear ? uy(salt + 1) : u(salt + 1);
    stage.put(RADIUS + salt, sqrt(log(u1).multiply(-2d)));
    stage.put(ANGLE + salt, u2.multiply(2 * Math.PI));
  }

  /**
   * Adds two independent standard normals from the inputs of {@link #normalInputs} (added in an
   * earlier stage), each clamped to ±{@value #Z_CLAMP}.
   */
  private static void normals(Map<String, Column> stage, int salt, String first, String second) {
    Column radius = col(RADIUS + salt);
    Column angle = col(ANGLE + salt);
    stage.put(first, clamp(radius.multiply(cos(angle))));
    stage.put(second, clamp(radius.multiply(sin(angle))));
  }

  /**
   * A cheap zero-mean, unit-variance noise for the yearly variation: (u1 + u2 − 1)·√6 is triangular
   * on [−√6, √6]. The yearly noises are small, so their shape does not matter.
   */
  private Column triangular(int salt) {
    return uy(salt).plus(uy(salt + 1)).minus(1d).multiply(Math.sqrt(6));
  }

  /** A yearly factor with mean exactly 1 and standard deviation {@code sd} (< 0.4, so > 0). */
  private Column yearNoise(int salt, double sd) {
    return lit(1d).plus(triangular(salt).multiply(sd));
  }

  private static Column clamp(Column z) {
    return least(greatest(z, lit(-Z_CLAMP)), lit(Z_CLAMP));
  }

  /** A log-normal factor with mean about 1: exp(sd·z − sd²/2). */
  private static Column meanOne(Column z, double sd) {
    return exp(z.multiply(sd).minus(sd * sd / 2));
  }

  /** Rounds half-even to {@code decimals} places: the nearest double to a k/10^decimals value. */
  private static Column roundTo(Column value, int decimals) {
    double scale = Math.pow(10, decimals);
    return rint(value.multiply(scale)).divide(scale);
  }
}
