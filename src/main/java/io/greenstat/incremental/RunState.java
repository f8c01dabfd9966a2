package io.greenstat.incremental;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenstat.ingest.RowFate;
import io.greenstat.metrics.SameSample;
import io.greenstat.metrics.Tally;
import io.greenstat.metrics.Totals;
import io.greenstat.publish.OutputPublisher;
import io.greenstat.report.ManifestJson;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What a successful run leaves for the next one, in {@code <output>/_partials/}: {@code state.json}
 * (the program, the settings, the input and its partitions' fingerprints) and {@code tallies.tsv}
 * (every {@link Tally} cell, doubles written so that they read back to the same bits). The
 * underscore keeps Spark and Hadoop readers from taking it for data.
 *
 * @param inputPath the input the partials were computed from
 * @param program {@link CodeFingerprint#current()} of the program that computed them
 * @param settings the effective values of the settings the cells depend on ({@link
 *     IncrementalPlan#tallySettings})
 * @param slices input partition year → fingerprint; empty when the next run cannot be incremental
 * @param notIncremental why the next run cannot be incremental (empty when it can)
 * @param tallies every tally cell of the run
 */
public record RunState(
    String inputPath,
    String program,
    SortedMap<String, String> settings,
    SortedMap<Integer, String> slices,
    String notIncremental,
    List<Tally> tallies) {

  public static final String DIR = "_partials";
  public static final String STATE = DIR + "/state.json";
  public static final String TALLIES = DIR + "/tallies.tsv";

  private static final int FORMAT = 1;

  private static final String HEADER =
      String.join(
          "\t",
          "fate",
          "reason",
          "division",
          "province_code",
          "year",
          "slice_year",
          "rows",
          "rows_off_slice",
          "firms",
          "revenue_yuan",
          "added_value_yuan",
          "energy_tce",
          "water_m3",
          "co2_t",
          "co2_added_value_yuan",
          "co2_firms_reporting",
          "co2_firms_derived",
          "same_sample_firms",
          "same_sample_energy_tce",
          "same_sample_added_value_yuan",
          "same_sample_water_m3",
          "same_sample_prior_energy_tce",
          "same_sample_prior_added_value_yuan",
          "same_sample_prior_water_m3");

  /** {@code state.json}'s text. */
  public String stateJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("input_path", inputPath);
    m.put("program", program);
    m.put("settings", settings);
    Map<String, String> s = new TreeMap<>();
    slices.forEach((y, f) -> s.put(Integer.toString(y), f));
    m.put("slices", s);
    m.put("not_incremental", notIncremental);
    return ManifestJson.pretty(m);
  }

  /** {@code tallies.tsv}'s text: a header, then one line per cell in canonical order. */
  public String talliesTsv() {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    List<Tally> sorted = new ArrayList<>(tallies);
    sorted.sort(Tally.CANONICAL_ORDER);
    for (Tally t : sorted) {
      Totals o = t.totals();
      SameSample ss = t.sameSample();
      List<Object> f =
          List.of(
              t.fate().code(),
              text(t.reason()),
              text(t.division()),
              text(t.province()),
              text(t.year()),
              text(t.slice()),
              t.rows(),
              t.rowsOffSlice(),
              o.firms(),
              o.revenueYuan(),
              o.addedValueYuan(),
              o.energyTce(),
              o.waterM3(),
              o.co2T(),
              o.co2AddedValueYuan(),
              o.co2Firms(),
              o.co2FirmsDerived(),
              ss.firms(),
              ss.energyTce(),
              ss.addedValueYuan(),
              ss.waterM3(),
              ss.priorEnergyTce(),
              ss.priorAddedValueYuan(),
              ss.priorWaterM3());
      for (int i = 0; i < f.size(); i++) {
        // Double.toString is the shortest text that parses back to the same double.
        b.append(i == 0 ? "" : "\t").append(f.get(i));
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }

  /**
   * Reads the partials of an earlier output.
   *
   * @throws IllegalStateException with a reason when there are none to use (no {@code _SUCCESS}, no
   *     or unreadable {@code _partials/}, another format)
   */
  public static RunState read(String outputPath, Configuration conf) {
    Path root = new Path(outputPath);
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(new Path(root, OutputPublisher.SUCCESS))) {
        throw new IllegalStateException(outputPath + " has no _SUCCESS (not a finished run)");
      }
      Map<String, Object> m =
          new ObjectMapper()
              .readValue(readText(fs, new Path(root, STATE)), new TypeReference<>() {});
      if (!Integer.valueOf(FORMAT).equals(m.get("format"))) {
        throw new IllegalStateException("its partials have format " + m.get("format"));
      }
      SortedMap<String, String> settings = new TreeMap<>(stringMap(m.get("settings")));
      SortedMap<Integer, String> slices = new TreeMap<>();
      stringMap(m.get("slices")).forEach((y, f) -> slices.put(Integer.parseInt(y), f));
      List<Tally> tallies = parseTallies(readText(fs, new Path(root, TALLIES)));
      return new RunState(
          (String) m.get("input_path"),
          (String) m.get("program"),
          settings,
          slices,
          (String) m.get("not_incremental"),
          tallies);
    } catch (FileNotFoundException e) {
      throw new IllegalStateException(outputPath + " has no " + DIR + "/ (" + e.getMessage() + ")");
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalStateException ise) {
        throw ise;
      }
      throw new IllegalStateException("cannot read the partials in " + outputPath + ": " + e, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> stringMap(Object o) {
    return o == null ? Map.of() : (Map<String, String>) o;
  }

  private static String readText(FileSystem fs, Path p) throws IOException {
    try (InputStream in = fs.open(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static List<Tally> parseTallies(String tsv) {
    List<Tally> out = new ArrayList<>();
    String[] lines = tsv.split("\n");
    if (lines.length == 0 || !lines[0].equals(HEADER)) {
      throw new IllegalStateException("tallies.tsv has an unexpected header");
    }
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split("\t", -1);
      int k = 0;
      RowFate fate = RowFate.of(f[k++]);
      String reason = nullable(f[k++]);
      String division = nullable(f[k++]);
      String province = nullable(f[k++]);
      Integer year = integer(f[k++]);
      Integer slice = integer(f[k++]);
      long rows = Long.parseLong(f[k++]);
      long offSlice = Long.parseLong(f[k++]);
      Totals totals =
          new Totals(
              Long.parseLong(f[k++]),
              Double.parseDouble(f[k++]),
              Double.parseDouble(f[k++]),
              Double.parseDouble(f[k++]),
              Double.parseDouble(f[k++]),
              Double.parseDouble(f[k++]),
              Double.parseDouble(f[k++]),
              Long.parseLong(f[k++]),
              Long.parseLong(f[k++]));
      SameSample ss =
          new SameSample(
              Long.parseLong(f[k++]),
              Double.parseDouble(f[k++]),
              Double.parseDouble(f[k++]),
              Double.parseDouble(f[k++]),
              Double.parseDouble(f[k++]),
              Double.parseDouble(f[k++]),
              Double.parseDouble(f[k++]));
      out.add(new Tally(fate, reason, division, province, year, slice, rows, offSlice, totals, ss));
    }
    return out;
  }

  private static String nullable(String s) {
    return s.isEmpty() ? null : s;
  }

  private static Integer integer(String s) {
    return s.isEmpty() ? null : Integer.valueOf(s);
  }
}
