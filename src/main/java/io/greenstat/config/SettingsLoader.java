package io.greenstat.config;

import io.greenstat.config.JobSettings.SettingValue;
import io.greenstat.config.JobSettings.Source;
import io.greenstat.config.JobSettings.YearRange;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Resolves {@link JobSettings} from four layers, later layers winning:
 *
 * <ol>
 *   <li>defaults ({@link Setting});
 *   <li>the job's {@code --conf FILE} (a Java properties file);
 *   <li>Spark properties: {@code spark-submit --properties-file} and {@code --conf}, which
 *       spark-submit hands to the driver as {@code spark.*} system properties;
 *   <li>the job's {@code --set KEY=VALUE} options.
 * </ol>
 *
 * Runs before Spark starts, so that a bad setting fails fast with exit code 2. Keys under {@code
 * spark.greenstat.} that are not settings are errors that name the nearest valid key.
 */
public final class SettingsLoader {
  private SettingsLoader() {}

  /** Reads a properties file; a missing or unreadable file is a configuration error. */
  public static Map<String, String> readPropertiesFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("configuration file not found: " + file);
    }
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
    }
    Map<String, String> map = new LinkedHashMap<>();
    props.stringPropertyNames().stream().sorted().forEach(k -> map.put(k, props.getProperty(k)));
    return map;
  }

  /** The {@code spark.greenstat.*} entries of the JVM's system properties. */
  public static Map<String, String> sparkSystemProperties() {
    Map<String, String> map = new LinkedHashMap<>();
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith(Setting.PREFIX))
        .sorted()
        .forEach(k -> map.put(k, System.getProperty(k)));
    return map;
  }

  /** Parses {@code KEY=VALUE}; a value may be empty, a key may not. */
  public static Map.Entry<String, String> parseAssignment(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new ConfigException("--set expects KEY=VALUE, got '" + text + "'");
    }
    return Map.entry(text.substring(0, eq).trim(), text.substring(eq + 1).trim());
  }

  /**
   * Resolves the settings. Entries of {@code confFile} that are not {@code spark.greenstat.*} keys
   * are ignored (the same file may carry Spark settings); {@code commandLine} entries must all be
   * greenstat keys.
   */
  public static JobSettings resolve(
      Map<String, String> confFile,
      Map<String, String> sparkProperties,
      Map<String, String> commandLine) {
    Map<Setting, SettingValue> effective = new EnumMap<>(Setting.class);
    for (Setting s : Setting.values()) {
      effective.put(s, new SettingValue(s.defaultValue(), Source.DEFAULT));
    }
    apply(effective, confFile, Source.CONF_FILE, false);
    apply(effective, sparkProperties, Source.SPARK_PROPERTIES, false);
    apply(effective, commandLine, Source.COMMAND_LINE, true);

    double threshold = parseDouble(effective, Setting.THRESHOLD_REVENUE_YUAN);
    if (!(threshold >= 0) || Double.isInfinite(threshold)) {
      throw invalid(effective, Setting.THRESHOLD_REVENUE_YUAN, "a finite number >= 0");
    }
    String comparison = value(effective, Setting.THRESHOLD_COMPARISON);
    if (!comparison.equals(">=") && !comparison.equals(">")) {
      throw invalid(effective, Setting.THRESHOLD_COMPARISON, "'>=' or '>'");
    }
    double share = parseDouble(effective, Setting.MAX_QUARANTINED_SHARE);
    if (!(share >= 0 && share <= 1)) {
      throw invalid(effective, Setting.MAX_QUARANTINED_SHARE, "a share between 0 and 1");
    }
    long rowsPerFile = parseLong(effective, Setting.ROWS_PER_QUARANTINE_FILE);
    if (rowsPerFile < 1) {
      throw invalid(effective, Setting.ROWS_PER_QUARANTINE_FILE, "a whole number >= 1");
    }
    int baseYear = (int) parseLong(effective, Setting.BASE_YEAR);
    Optional<Double> co2Factor = Optional.empty();
    if (!value(effective, Setting.CO2_DERIVED_T_PER_TCE).isEmpty()) {
      double f = parseDouble(effective, Setting.CO2_DERIVED_T_PER_TCE);
      if (!(f >= 0) || Double.isInfinite(f)) {
        throw invalid(effective, Setting.CO2_DERIVED_T_PER_TCE, "a finite number >= 0, or empty");
      }
      co2Factor = Optional.of(f);
    }
    long partitions = parseLong(effective, Setting.PARTITIONS);
    if (partitions < 1 || partitions > 100_000) {
      throw invalid(effective, Setting.PARTITIONS, "a whole number from 1 to 100000");
    }
    String mode = value(effective, Setting.FLAGS_MODE);
    if (!mode.equals("flag") && !mode.equals("quarantine")) {
      throw invalid(effective, Setting.FLAGS_MODE, "'flag' or 'quarantine'");
    }
    double tolerance = parseDouble(effective, Setting.FLAGS_UNIT_FACTOR_TOLERANCE);
    if (!(tolerance > 0 && tolerance <= 1)) {
      throw invalid(effective, Setting.FLAGS_UNIT_FACTOR_TOLERANCE, "a number > 0 and <= 1");
    }
    double jump = parseDouble(effective, Setting.FLAGS_JUMP_FACTOR);
    if (!(jump > 1) || Double.isInfinite(jump)) {
      throw invalid(effective, Setting.FLAGS_JUMP_FACTOR, "a finite number > 1");
    }
    long minFirms = parseLong(effective, Setting.FLAGS_MIN_DIVISION_FIRMS);
    if (minFirms < 1 || minFirms > Integer.MAX_VALUE) {
      throw invalid(effective, Setting.FLAGS_MIN_DIVISION_FIRMS, "a whole number >= 1");
    }
    JobSettings.Flags flags =
        new JobSettings.Flags(
            mode.equals("flag") ? JobSettings.FlagMode.FLAG : JobSettings.FlagMode.QUARANTINE,
            tolerance,
            jump,
            (int) minFirms);
    return new JobSettings(
        threshold,
        comparison.equals(">="),
        parseYears(effective),
        parseDivisions(effective, Setting.SCOPE_DIVISIONS),
        parseDivisions(effective, Setting.ENERGY_INTENSIVE_DIVISIONS),
        baseYear,
        share,
        rowsPerFile,
        co2Factor,
        (int) partitions,
        flags,
        effective);
  }

  /** The defaults alone: what a run gets with no configuration. */
  public static JobSettings defaults() {
    return resolve(Map.of(), Map.of(), Map.of());
  }

  private static void apply(
      Map<Setting, SettingValue> effective,
      Map<String, String> layer,
      Source source,
      boolean allKeysMustBeSettings) {
    for (Map.Entry<String, String> e : layer.entrySet()) {
      String key = e.getKey().trim();
      Optional<Setting> setting = Setting.byKey(key);
      if (setting.isPresent()) {
        effective.put(setting.get(), new SettingValue(e.getValue().trim(), source));
      } else if (key.startsWith(Setting.PREFIX) || allKeysMustBeSettings) {
        throw new ConfigException(
            "unknown setting '"
                + key
                + "' ("
                + describe(source)
                + "); did you mean '"
                + nearest(key).key()
                + "'? Run with --help-settings to list them all.");
      }
    }
  }

  private static String describe(Source source) {
    return switch (source) {
      case CONF_FILE -> "from --conf file";
      case SPARK_PROPERTIES -> "from Spark properties";
      case COMMAND_LINE -> "from --set";
      case DEFAULT -> "default";
    };
  }

  /** The setting whose key is closest to {@code key} by edit distance, ignoring case. */
  static Setting nearest(String key) {
    String k = key.toLowerCase(java.util.Locale.ROOT);
    return Arrays.stream(Setting.values())
        .min(
            Comparator.comparingInt(
                (Setting s) -> editDistance(k, s.key().toLowerCase(java.util.Locale.ROOT))))
        .orElseThrow();
  }

  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String value(Map<Setting, SettingValue> effective, Setting s) {
    return effective.get(s).value();
  }

  private static ConfigException invalid(
      Map<Setting, SettingValue> effective, Setting s, String expected) {
    SettingValue v = effective.get(s);
    return new ConfigException(
        s.key()
            + " = '"
            + v.value()
            + "' ("
            + describe(v.source())
            + ") is not valid: expected "
            + expected);
  }

  private static double parseDouble(Map<Setting, SettingValue> effective, Setting s) {
    try {
      return Double.parseDouble(value(effective, s));
    } catch (NumberFormatException e) {
      throw invalid(effective, s, "a number");
    }
  }

  private static long parseLong(Map<Setting, SettingValue> effective, Setting s) {
    try {
      return Long.parseLong(value(effective, s));
    } catch (NumberFormatException e) {
      throw invalid(effective, s, "a whole number");
    }
  }

  private static Optional<YearRange> parseYears(Map<Setting, SettingValue> effective) {
    String text = value(effective, Setting.YEARS);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = text.split("-", -1);
    try {
      int first = Integer.parseInt(parts[0].trim());
      int last = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : first;
      if (parts.length > 2 || first > last || first < 1900 || last > 2200) {
        throw new NumberFormatException();
      }
      return Optional.of(new YearRange(first, last));
    } catch (NumberFormatException e) {
      throw invalid(effective, Setting.YEARS, "a year or a range like 2015-2024");
    }
  }

  /** Parses '06-46' or '25,26,30' (or a mix) into 2-digit division codes. */
  private static SortedSet<String> parseDivisions(Map<Setting, SettingValue> effective, Setting s) {
    SortedSet<String> out = new TreeSet<>();
    try {
      for (String part : value(effective, s).split(",")) {
        String p = part.trim();
        if (p.isEmpty()) {
          continue;
        }
        String[] range = p.split("-", -1);
        int from = parseDivision(range[0]);
        int to = range.length == 2 ? parseDivision(range[1]) : from;
        if (range.length > 2 || from > to) {
          throw new NumberFormatException();
        }
        for (int d = from; d <= to; d++) {
          out.add(String.format(java.util.Locale.ROOT, "%02d", d));
        }
      }
    } catch (NumberFormatException e) {
      throw invalid(effective, s, "2-digit division codes or ranges, e.g. 06-46 or 25,26,30");
    }
    if (out.isEmpty()) {
      throw invalid(effective, s, "at least one division");
    }
    return out;
  }

  private static int parseDivision(String text) {
    String t = text.trim();
    if (!t.matches("[0-9]{2}")) {
      throw new NumberFormatException();
    }
    int d = Integer.parseInt(t);
    if (d < 1 || d > 97) {
      throw new NumberFormatException();
    }
    return d;
  }
}
