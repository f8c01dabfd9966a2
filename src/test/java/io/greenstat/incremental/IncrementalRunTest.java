package io.greenstat.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.RandomFirmYears;
import io.greenstat.RawRowParquet;
import io.greenstat.TestSpark;
import io.greenstat.config.JobSettings;
import io.greenstat.config.SettingsLoader;
import io.greenstat.incremental.IncrementalPlan.Mode;
import io.greenstat.it.OutputFiles;
import io.greenstat.pipeline.IntensityPipeline;
import io.greenstat.pipeline.RunRequest;
import io.greenstat.pipeline.RunResult;
import io.greenstat.reference.RawRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental run publishes exactly the bytes of a full run over the same input: after one year
 * partition changed, after one was added and after one was deleted. A night without changes reads
 * no input data: the test overwrites every data file with zeros (same size, same modification time)
 * and the run must still succeed with the same bytes.
 */
class IncrementalRunTest {
  @TempDir Path tmp;
  private Path in;

  /** Settings of these runs: small quarantine files, and 4 firm partitions for small data. */
  private static final Map<String, String> BASE =
      Map.of("spark.greenstat.quarantine.rowsPerFile", "9", "spark.greenstat.partitions", "4");

  private final JobSettings settings = SettingsLoader.resolve(Map.of(), Map.of(), BASE);

  @BeforeEach
  void writeInput() {
    in = tmp.resolve("in");
    writeYears(RandomFirmYears.batch(11, 300, 2016, 2021, 0.03));
  }

  @Test
  void changedAddedAndDeletedPartitions_giveTheBytesOfAFullRun() throws IOException {
    RunResult first = run("out-0", Optional.empty());
    assertEquals(Mode.FULL, first.plan().mode());

    // One year revised: energy of every other firm in 2018 up by 10 %.
    List<RawRow> y2018 = new ArrayList<>();
    for (RawRow r : readBack(2018)) {
      boolean revise =
          r.energyTce() != null && r.firmId() != null && r.firmId().hashCode() % 2 == 0;
      y2018.add(revise ? withEnergy(r, r.energyTce() * 1.1) : r);
    }
    writeYear(2018, y2018);
    RunResult changed = run("out-1", Optional.of("out-0"));
    assertEquals(Mode.INCREMENTAL, changed.plan().mode(), changed.plan().reason());
    assertEquals(set(2018, 2019), changed.plan().recompute());
    assertEquals(set(2017, 2018, 2019), changed.plan().read());
    assertEquals(filesOf(2017, 2018, 2019), changed.filesScanned());
    assertSameAsFullRun("out-1");

    // A new year arrives.
    writeYear(2022, RandomFirmYears.batch(12, 300, 2022, 2022, 0.03));
    RunResult added = run("out-2", Optional.of("out-1"));
    assertEquals(Mode.INCREMENTAL, added.plan().mode(), added.plan().reason());
    assertEquals(set(2022), added.plan().recompute());
    assertEquals(set(2021, 2022), added.plan().read());
    assertSameAsFullRun("out-2");

    // A year withdrawn: 2020 goes, so 2021 loses its prior-year pairs.
    deleteYear(2020);
    RunResult deleted = run("out-3", Optional.of("out-2"));
    assertEquals(Mode.INCREMENTAL, deleted.plan().mode(), deleted.plan().reason());
    assertEquals(set(2020, 2021), deleted.plan().recompute());
    assertEquals(set(2019, 2021), deleted.plan().read());
    assertSameAsFullRun("out-3");
  }

  /**
   * With flagged rows quarantined, a year's results look two years back (a jump flag in y − 1
   * decides whether that row is y's prior-year record): a revision of 2017 is recomputed through
   * 2019. Unit errors planted in 2017 and 2018 make flags and quarantined rows on both sides.
   */
  @Test
  void quarantinedFlags_changedPartition_givesTheBytesOfAFullRun() throws IOException {
    JobSettings quarantine =
        SettingsLoader.resolve(
            Map.of(),
            Map.of(),
            Map.of(
                "spark.greenstat.quarantine.rowsPerFile", "9",
                "spark.greenstat.partitions", "4",
                "spark.greenstat.flags.mode", "quarantine",
                "spark.greenstat.flags.minDivisionFirms", "2",
                "spark.greenstat.quality.maxQuarantinedShare", "0.2"));
    writeYear(2017, plantUnitErrors(readBack(2017), 7));
    writeYear(2018, plantUnitErrors(readBack(2018), 5));
    RunResult first = run("out-0", Optional.empty(), quarantine);
    assertTrue(
        first.accounting().quarantineByReason().keySet().stream()
            .anyMatch(r -> r.startsWith("unit_") || r.startsWith("jump_")),
        () -> "flags quarantined: " + first.accounting().quarantineByReason());

    writeYear(2017, plantUnitErrors(readBack(2017), 3));
    RunResult changed = run("out-1", Optional.of("out-0"), quarantine);
    assertEquals(Mode.INCREMENTAL, changed.plan().mode(), changed.plan().reason());
    assertEquals(set(2017, 2018, 2019), changed.plan().recompute());
    assertEquals(set(2016, 2017, 2018, 2019), changed.plan().read());
    RunResult full = run("out-1-full", Optional.empty(), quarantine);
    assertEquals(Mode.FULL, full.plan().mode());
    OutputFiles.assertSame(reproducible("out-1-full"), reproducible("out-1"));
  }

  /** Every {@code every}-th row with energy gets it in kgce instead of tce (× 1000). */
  private static List<RawRow> plantUnitErrors(List<RawRow> rows, int every) {
    List<RawRow> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      RawRow r = rows.get(i);
      out.add(i % every == 0 && r.energyTce() != null ? withEnergy(r, r.energyTce() * 1000) : r);
    }
    return out;
  }

  @Test
  void unchangedInput_isNotReadAtAll() throws IOException {
    run("out-0", Optional.empty());
    List<Path> data;
    try (Stream<Path> s = Files.walk(in)) {
      data = s.filter(p -> p.toString().endsWith(".parquet")).toList();
    }
    for (Path p : data) {
      // Same size and modification time, unreadable content: a run that opens it fails.
      FileTime mtime = Files.getLastModifiedTime(p);
      Files.write(p, new byte[(int) Files.size(p)]);
      Files.setLastModifiedTime(p, mtime);
    }
    RunResult again = run("out-1", Optional.of("out-0"));
    assertEquals(Mode.UNCHANGED, again.plan().mode(), again.plan().reason());
    assertEquals(0, again.filesScanned());
    OutputFiles.assertSame(reproducible("out-0"), reproducible("out-1"));
  }

  @Test
  void anEarlierOutputThatDidNotFinish_makesAFullRunThatSaysWhy() throws IOException {
    Files.createDirectories(tmp.resolve("unfinished"));
    RunResult r = run("out-0", Optional.of("unfinished"));
    assertEquals(Mode.FULL, r.plan().mode());
    assertTrue(r.plan().reason().contains("cannot continue from"), r.plan().reason());
    assertTrue(r.plan().reason().contains("no _SUCCESS"), r.plan().reason());
  }

  @Test
  void aSettingThatShapesTheCells_makesAFullRun() {
    run("out-0", Optional.empty());
    RunResult r =
        run(
            "out-1",
            Optional.of("out-0"),
            settings("spark.greenstat.threshold.revenueYuan", "30000000"));
    assertEquals(Mode.FULL, r.plan().mode());
    assertTrue(
        r.plan().reason().contains("spark.greenstat.threshold.revenueYuan"), r.plan().reason());
  }

  @Test
  void aSettingThatActsAfterTheCells_needsNoRescan() throws IOException {
    run("out-0", Optional.empty());
    JobSettings base2018 = settings("spark.greenstat.baseYear", "2018");
    RunResult r = run("out-1", Optional.of("out-0"), base2018);
    assertEquals(Mode.UNCHANGED, r.plan().mode(), r.plan().reason());
    RunResult full = run("out-1-full", Optional.empty(), base2018);
    assertEquals(Mode.FULL, full.plan().mode());
    OutputFiles.assertSame(reproducible("out-1-full"), reproducible("out-1"));
  }

  @Test
  void aPartitionHoldingAnotherYearsRows_makesTheNextRunFull() throws IOException {
    run("out-0", Optional.empty());
    List<RawRow> y2019 = new ArrayList<>(readBack(2019));
    RawRow moved = y2019.remove(0);
    writeYear(2019, y2019);
    // A 2019 record filed in the 2020 directory: it could pair with rows of any partition.
    List<RawRow> y2020 = new ArrayList<>(readBack(2020));
    y2020.add(moved);
    writeYear(2020, y2020);
    RunResult r = run("out-1", Optional.of("out-0"));
    assertEquals(Mode.FULL, r.plan().mode(), r.plan().reason());
    assertTrue(r.plan().reason().contains("outside their year partition"), r.plan().reason());
    assertSameAsFullRun("out-1");
    RunResult next = run("out-2", Optional.of("out-1"));
    assertEquals(Mode.FULL, next.plan().mode(), next.plan().reason());
  }

  // ---- helpers ----

  private final Map<Integer, List<RawRow>> written = new TreeMap<>();

  private RunResult run(String out, Optional<String> previous) {
    return run(out, previous, settings);
  }

  private static JobSettings settings(String key, String value) {
    Map<String, String> m = new TreeMap<>(BASE);
    m.put(key, value);
    return SettingsLoader.resolve(Map.of(), Map.of(), m);
  }

  private RunResult run(String out, Optional<String> previous, JobSettings settings) {
    return new IntensityPipeline(
            TestSpark.get(),
            new RunRequest(
                in.toString(),
                tmp.resolve(out).toString(),
                settings,
                previous.map(p -> tmp.resolve(p).toString())))
        .run();
  }

  private void assertSameAsFullRun(String out) throws IOException {
    String full = out + "-full";
    RunResult r = run(full, Optional.empty());
    assertEquals(Mode.FULL, r.plan().mode());
    OutputFiles.assertSame(reproducible(full), reproducible(out));
  }

  /** Every output file but the manifest (wall times, run mode), with the partials. */
  private Map<String, byte[]> reproducible(String out) throws IOException {
    Map<String, byte[]> files = new TreeMap<>(OutputFiles.local(tmp.resolve(out)));
    files.remove("_MANIFEST.json");
    assertTrue(files.containsKey("_partials/tallies.tsv"), () -> "partials in " + files.keySet());
    assertTrue(files.containsKey("tables/province_year.csv"), () -> "tables in " + files.keySet());
    return files;
  }

  private void writeYears(List<RawRow> rows) {
    Map<Integer, List<RawRow>> byYear = new TreeMap<>();
    for (RawRow r : rows) {
      // Rows without a year (quarantined) go with the first year.
      byYear.computeIfAbsent(r.year() == null ? 2016 : r.year(), y -> new ArrayList<>()).add(r);
    }
    byYear.forEach(this::writeYear);
  }

  /** Two files per year partition, so that file order matters. */
  private void writeYear(int year, List<RawRow> rows) {
    deleteYear(year);
    int half = rows.size() / 2;
    RawRowParquet.writeFile(
        in.resolve("year=" + year).resolve("part-0.parquet"), rows.subList(0, half));
    RawRowParquet.writeFile(
        in.resolve("year=" + year).resolve("part-1.parquet"), rows.subList(half, rows.size()));
    written.put(year, List.copyOf(rows));
  }

  private void deleteYear(int year) {
    Path dir = in.resolve("year=" + year);
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    written.remove(year);
  }

  private List<RawRow> readBack(int year) {
    return written.get(year);
  }

  private int filesOf(int... years) {
    return 2 * years.length;
  }

  private static RawRow withEnergy(RawRow r, double energy) {
    return new RawRow(
        r.firmId(),
        r.year(),
        r.industryCode(),
        r.provinceCode(),
        r.revenueYuan(),
        r.addedValueYuan(),
        energy,
        r.waterM3(),
        r.co2T(),
        r.sourceFile());
  }

  private static SortedSet<Integer> set(Integer... years) {
    return new TreeSet<>(List.of(years));
  }
}
