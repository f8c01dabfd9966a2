package io.greenstat.generate;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.greenstat.schema.Columns;
import io.greenstat.schema.IndustryCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code truth.json}: the parameters planted in a generated panel, for checking what the pipeline
 * recovers. Keys are sorted at every level and the layout is fixed, so the same options give the
 * same bytes.
 */
final class TruthFile {
  static final String NAME = "truth.json";

  private TruthFile() {}

  static void write(FileSystem fs, Path root, GeneratorOptions options) throws IOException {
    byte[] json = render(options);
    try (OutputStream out = fs.create(new Path(root, NAME), false)) {
      out.write(json);
    }
  }

  static byte[] render(GeneratorOptions options) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    String text = mapper.writer(printer).writeValueAsString(content(options)) + "\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static Map<String, Object> content(GeneratorOptions options) {
    IndustryCatalog catalog = IndustryCatalog.load();
    Map<String, Object> root = new TreeMap<>();

    Map<String, Object> opts = new TreeMap<>();
    opts.put("firms", options.firms());
    opts.put("first_year", options.firstYear());
    opts.put("last_year", options.lastYear());
    opts.put("seed", options.seed());
    opts.put("defect_rate", options.defectRate());
    if (options.shiftsStructure()) {
      // Only with a shift: without one, truth.json stays byte-identical to panels made before.
      opts.put("ei6_va_shift", options.ei6VaShift());
      root.put("structure_shift", structureShift(options, catalog));
    }
    root.put("options", opts);

    Map<String, Object> threshold = new TreeMap<>();
    threshold.put("column", Columns.REVENUE_YUAN);
    threshold.put("comparison", ">=");
    threshold.put("value_yuan", (long) PanelBuilder.THRESHOLD_YUAN);
    root.put("threshold", threshold);

    root.put("ei6", new ArrayList<>(catalog.energyIntensiveDivisions()));
    root.put("base_year", options.firstYear());
    root.put(
        "intensity_model",
        "firm intensity = division base x (1 + annual rate)^(year - base_year) x firm factor"
            + " (time-invariant, mean 1) x year noise (mean 1); energy in tce and water in m3 per"
            + " 10000 yuan of added value; the ratio of sums over a division follows the base and"
            + " rate");

    Map<String, Object> divisions = new TreeMap<>();
    for (DivisionProfiles.Profile p : DivisionProfiles.INDUSTRIAL) {
      Map<String, Object> d = profile(p);
      d.put("name", catalog.name(p.code()));
      d.put("energy_intensive", catalog.energyIntensiveDivisions().contains(p.code()));
      divisions.put(p.code(), d);
    }
    root.put("divisions", divisions);

    Map<String, Object> outOfScope = profile(DivisionProfiles.OUT_OF_SCOPE);
    outOfScope.remove("firm_share_pct");
    outOfScope.put("codes", DivisionProfiles.OUT_OF_SCOPE_CODES);
    outOfScope.put("firm_share", PanelBuilder.OUT_OF_SCOPE_SHARE);
    root.put("out_of_scope", outOfScope);

    root.put("province_weights_pct", new TreeMap<>(ProvinceWeights.WEIGHTS));

    Map<String, Object> model = new TreeMap<>();
    model.put("revenue_log_mean", PanelBuilder.REVENUE_LOG_MEAN);
    model.put("revenue_log_sd", PanelBuilder.REVENUE_LOG_SD);
    model.put("revenue_year_noise_sd", PanelBuilder.REVENUE_YEAR_SD);
    model.put("revenue_growth_mean", PanelBuilder.GROWTH_MEAN);
    model.put("revenue_growth_sd", PanelBuilder.GROWTH_SD);
    model.put("revenue_min_yuan", (long) PanelBuilder.MIN_REVENUE_YUAN);
    model.put("va_ratio_firm_sd", PanelBuilder.VA_RATIO_FIRM_SD);
    model.put("va_ratio_year_sd", PanelBuilder.VA_RATIO_YEAR_SD);
    model.put("va_ratio_min", PanelBuilder.VA_RATIO_MIN);
    model.put("va_ratio_max", PanelBuilder.VA_RATIO_MAX);
    model.put("intensity_firm_factor_sd", PanelBuilder.INTENSITY_FIRM_SD);
    model.put("intensity_year_noise_sd", PanelBuilder.INTENSITY_YEAR_SD);
    model.put(
        "noise_shapes",
        "firm-level draws (size, growth, VA ratio and intensity factors) are normal, clamped to"
            + " +-normal_clamp sd, factors log-normal with mean 1; yearly noises are triangular"
            + " with mean 1 (factors) or 0 (log revenue)");
    model.put("co2_year_noise_sd", PanelBuilder.CO2_YEAR_SD);
    model.put("co2_missing_firm_share", PanelBuilder.CO2_MISSING_SHARE);
    model.put("normal_clamp", PanelBuilder.Z_CLAMP);
    model.put("present_from_first_year_share", PanelBuilder.PRESENT_FROM_START_SHARE);
    model.put("survive_to_last_year_share", PanelBuilder.SURVIVE_TO_END_SHARE);
    model.put("division_switch_firm_share", PanelBuilder.DIVISION_SWITCH_SHARE);
    model.put("four_digit_code_share", PanelBuilder.FOUR_DIGIT_CODE_SHARE);
    model.put("three_digit_code_share", PanelBuilder.THREE_DIGIT_CODE_SHARE);
    root.put("model", model);

    List<String> defects = Arrays.stream(DefectClass.values()).map(DefectClass::code).toList();
    root.put("defect_classes", defects);
    return root;
  }

  /**
   * The planted structural shift: the yearly added-value factor of the energy-intensive divisions
   * and the division shares of added value it implies.
   *
   * <p>Expected shares: a firm's revenue is exp(μ + size_shift_d + noise) with noise distributed
   * alike in every division and year (growth, entry and exit do not depend on the division), and
   * its added value is revenue × va_ratio_d × (mean-one factors) × factor_d(t). So, over all firms
   * of the industrial divisions (no size threshold), the expected added value of division d is
   * proportional to firm_share_d × exp(size_shift_d) × va_ratio_d × factor_d(t), and the shares are
   * these weights normalised per year. The threshold of 20 M yuan keeps a larger part of the
   * divisions with bigger firms, so above size the shares differ; the factor's effect does not.
   * Approximate in two small ways: the 3 % of firms that change division keep their first
   * division's size, and the VA/revenue clamp to [2 %, 90 %] trims a few firms of division 16.
   */
  private static Map<String, Object> structureShift(
      GeneratorOptions options, IndustryCatalog catalog) {
    Map<String, Object> shift = new TreeMap<>();
    shift.put("divisions", new ArrayList<>(catalog.energyIntensiveDivisions()));
    shift.put("va_factor_rate_per_year", options.ei6VaShift());
    shift.put(
        "model",
        "added value (and energy, water, CO2 with it) of every firm-year in these divisions x"
            + " (1 + va_factor_rate_per_year)^(year - base_year); revenue and intensities"
            + " untouched");
    shift.put(
        "expected_va_share_model",
        "share of added value among all firms of divisions 06-46 (no size threshold):"
            + " firm_share_pct x exp(size_shift_log) x va_ratio x va_factor, normalised per year");
    Map<String, Object> factors = new TreeMap<>();
    Map<String, Object> shares = new TreeMap<>();
    for (int y = options.firstYear(); y <= options.lastYear(); y++) {
      double factor = PanelBuilder.shiftFactor(options, y);
      factors.put(String.valueOf(y), factor);
      Map<String, Double> weights = new TreeMap<>();
      double total = 0;
      for (DivisionProfiles.Profile p : DivisionProfiles.INDUSTRIAL) {
        double w =
            p.firmSharePct()
                * StrictMath.exp(p.sizeShift())
                * p.vaRatio()
                * (catalog.energyIntensiveDivisions().contains(p.code()) ? factor : 1.0);
        weights.put(p.code(), w);
        total += w;
      }
      Map<String, Object> year = new TreeMap<>();
      for (Map.Entry<String, Double> w : weights.entrySet()) {
        year.put(w.getKey(), w.getValue() / total);
      }
      shares.put(String.valueOf(y), year);
    }
    shift.put("va_factor_by_year", factors);
    shift.put("expected_va_share_by_year", shares);
    return shift;
  }

  private static Map<String, Object> profile(DivisionProfiles.Profile p) {
    Map<String, Object> d = new TreeMap<>();
    d.put("firm_share_pct", p.firmSharePct());
    d.put("size_shift_log", p.sizeShift());
    d.put("va_ratio", p.vaRatio());
    d.put("energy_intensity_tce_per_10k_yuan", p.energyIntensity());
    d.put("energy_rate_per_year", p.energyRate());
    d.put("water_intensity_m3_per_10k_yuan", p.waterIntensity());
    d.put("water_rate_per_year", p.waterRate());
    d.put("co2_t_per_tce", p.co2PerTce());
    return d;
  }
}
