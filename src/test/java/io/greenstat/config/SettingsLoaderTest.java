package io.greenstat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.config.JobSettings.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The precedence chain and validation of {@code spark.greenstat.*} settings. */
class SettingsLoaderTest {
  private static final String T = Setting.THRESHOLD_REVENUE_YUAN.key();

  @Test
  void defaults_areTheNbsRule() {
    JobSettings s = SettingsLoader.defaults();
    assertEquals(20_000_000.0, s.thresholdRevenueYuan());
    assertTrue(s.thresholdInclusive());
    assertEquals("revenue_yuan >= 20000000", s.thresholdRule());
    assertEquals(41, s.scopeDivisions().size());
    assertEquals(
        List.of("25", "26", "30", "31", "32", "44"), List.copyOf(s.energyIntensiveDivisions()));
    assertEquals(Source.DEFAULT, s.effective().get(Setting.THRESHOLD_REVENUE_YUAN).source());
  }

  @Test
  void confFile_overridesDefaults() {
    JobSettings s = SettingsLoader.resolve(Map.of(T, "5000000"), Map.of(), Map.of());
    assertEquals(5_000_000.0, s.thresholdRevenueYuan());
    assertEquals(Source.CONF_FILE, s.effective().get(Setting.THRESHOLD_REVENUE_YUAN).source());
  }

  @Test
  void sparkProperties_overrideConfFile() {
    JobSettings s = SettingsLoader.resolve(Map.of(T, "5000000"), Map.of(T, "6000000"), Map.of());
    assertEquals(6_000_000.0, s.thresholdRevenueYuan());
    assertEquals(
        Source.SPARK_PROPERTIES, s.effective().get(Setting.THRESHOLD_REVENUE_YUAN).source());
  }

  @Test
  void commandLine_overridesEverything() {
    JobSettings s =
        SettingsLoader.resolve(Map.of(T, "5000000"), Map.of(T, "6000000"), Map.of(T, "7000000"));
    assertEquals(7_000_000.0, s.thresholdRevenueYuan());
    assertEquals(Source.COMMAND_LINE, s.effective().get(Setting.THRESHOLD_REVENUE_YUAN).source());
  }

  @Test
  void unknownKey_namesTheNearestValidOne() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                SettingsLoader.resolve(
                    Map.of(), Map.of("spark.greenstat.treshold.revenueYuan", "1"), Map.of()));
    assertTrue(e.getMessage().contains("did you mean '" + T + "'"), e.getMessage());
  }

  @Test
  void confFileMayCarrySparkSettings_butNotUnknownGreenstatOnes() {
    SettingsLoader.resolve(Map.of("spark.sql.shuffle.partitions", "4"), Map.of(), Map.of());
    assertThrows(
        ConfigException.class,
        () -> SettingsLoader.resolve(Map.of("spark.greenstat.yeras", "2020"), Map.of(), Map.of()));
  }

  @Test
  void invalidValues_sayWhatIsExpected() {
    assertMessage(Map.of(T, "lots"), "expected a number");
    assertMessage(Map.of(T, "-1"), "a finite number >= 0");
    assertMessage(Map.of(Setting.THRESHOLD_COMPARISON.key(), "=>"), "'>=' or '>'");
    assertMessage(Map.of(Setting.YEARS.key(), "2024-2015"), "a year or a range");
    assertMessage(Map.of(Setting.ENERGY_INTENSIVE_DIVISIONS.key(), "25,3x"), "2-digit division");
    assertMessage(Map.of(Setting.MAX_QUARANTINED_SHARE.key(), "1.5"), "between 0 and 1");
    assertMessage(Map.of(Setting.FLAGS_MODE.key(), "drop"), "'flag' or 'quarantine'");
    assertMessage(Map.of(Setting.FLAGS_UNIT_FACTOR_TOLERANCE.key(), "0"), "> 0 and <= 1");
    assertMessage(Map.of(Setting.FLAGS_JUMP_FACTOR.key(), "1"), "a finite number > 1");
    assertMessage(Map.of(Setting.FLAGS_MIN_DIVISION_FIRMS.key(), "0"), "a whole number >= 1");
  }

  @Test
  void flagSettings_defaultsAndOverrides() {
    assertEquals(JobSettings.Flags.defaults(), SettingsLoader.defaults().flags());
    JobSettings s =
        SettingsLoader.resolve(
            Map.of(),
            Map.of(),
            Map.of(
                Setting.FLAGS_MODE.key(), "quarantine",
                Setting.FLAGS_UNIT_FACTOR_TOLERANCE.key(), "0.25",
                Setting.FLAGS_JUMP_FACTOR.key(), "5",
                Setting.FLAGS_MIN_DIVISION_FIRMS.key(), "3"));
    assertEquals(new JobSettings.Flags(JobSettings.FlagMode.QUARANTINE, 0.25, 5.0, 3), s.flags());
    assertTrue(s.flags().quarantine());
  }

  private static void assertMessage(Map<String, String> set, String expected) {
    ConfigException e =
        assertThrows(ConfigException.class, () -> SettingsLoader.resolve(Map.of(), Map.of(), set));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().contains("from --set"), e.getMessage());
  }

  @Test
  void divisionListsAndYearRanges_parse() {
    JobSettings s =
        SettingsLoader.resolve(
            Map.of(),
            Map.of(),
            Map.of(Setting.SCOPE_DIVISIONS.key(), "06-08, 44", Setting.YEARS.key(), "2019"));
    assertEquals(List.of("06", "07", "08", "44"), List.copyOf(s.scopeDivisions()));
    assertTrue(s.years().orElseThrow().contains(2019));
    assertFalse(s.years().orElseThrow().contains(2020));
  }

  @Test
  void propertiesFile_isRead(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("job.properties");
    Files.writeString(f, "# comment\n" + T + " = 10000000\nspark.executor.memory=2g\n");
    Map<String, String> m = SettingsLoader.readPropertiesFile(f);
    assertEquals("10000000", m.get(T));
    assertThrows(ConfigException.class, () -> SettingsLoader.readPropertiesFile(tmp.resolve("no")));
  }

  @Test
  void setAssignment_parses() {
    assertEquals(Map.entry(T, "1"), SettingsLoader.parseAssignment(T + "=1"));
    assertThrows(ConfigException.class, () -> SettingsLoader.parseAssignment("novalue"));
  }
}
