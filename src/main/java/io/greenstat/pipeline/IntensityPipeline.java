package io.greenstat.pipeline;

import static org.apache.spark.sql.functions.col;

import io.greenstat.cli.VersionInfo;
import io.greenstat.config.JobSettings;
import io.greenstat.incremental.CodeFingerprint;
import io.greenstat.incremental.IncrementalPlan;
import io.greenstat.incremental.RunState;
import io.greenstat.incremental.SliceFingerprints;
import io.greenstat.ingest.Duplicates;
import io.greenstat.ingest.FirmYearReader;
import io.greenstat.ingest.InputFiles;
import io.greenstat.ingest.InputFiles.DataFile;
import io.greenstat.ingest.InputRejectedException;
import io.greenstat.ingest.ParquetSchemas;
import io.greenstat.ingest.ParquetSchemas.FileGroup;
import io.greenstat.ingest.RowValidation;
import io.greenstat.ingest.YearPartitions;
import io.greenstat.metrics.GroupRollup;
import io.greenstat.metrics.IndustryYear;
import io.greenstat.metrics.PriorYear;
import io.greenstat.metrics.ProvinceRollup;
import io.greenstat.metrics.ProvinceRollup.ProvinceRow;
import io.greenstat.metrics.RowAccounting;
import io.greenstat.metrics.Scope;
import io.greenstat.metrics.Tally;
import io.greenstat.metrics.Totals;
import io.greenstat.publish.DeterministicParts;
import io.greenstat.publish.OutputPublisher;
import io.greenstat.quality.DivisionMedians;
import io.greenstat.quality.Flag;
import io.greenstat.quality.FlagSummary;
import io.greenstat.quality.PlausibilityFlags;
import io.greenstat.report.CsvWriter;
import io.greenstat.report.DecompositionTable;
import io.greenstat.report.FlagTable;
import io.greenstat.report.HtmlReport;
import io.greenstat.report.IndustryYearTable;
import io.greenstat.report.ManifestJson;
import io.greenstat.report.ProvinceTables;
import io.greenstat.report.ReportModel;
import io.greenstat.report.SummaryJson;
import io.greenstat.report.TableColumn;
import io.greenstat.report.TargetTable;
import io.greenstat.schema.Columns;
import io.greenstat.schema.IndustryCatalog;
import io.greenstat.schema.ProvinceCatalog;
import io.greenstat.schema.PublishedFigures;
import io.greenstat.schema.Targets;
import io.greenstat.trends.Analytics;
import io.greenstat.trends.ComparablePriceStep;
import io.greenstat.trends.Deflators;
import io.greenstat.trends.YearOverYear;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code run} pipeline. It names the steps and logs row counts between them; the steps hold the
 * logic:
 *
 * <pre>
 * list files → check footers → read → validate → duplicates → scope + threshold
 *   → one pass: tallies + quarantined rows → accounting, quality gate
 *   → roll up groups → year-on-year → write tables, reports, manifest → publish
 * </pre>
 */
public final class IntensityPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(IntensityPipeline.class);

  private final SparkSession spark;
  private final RunRequest request;
  private final IndustryCatalog industries = IndustryCatalog.load();
  private final ProvinceCatalog provinces = ProvinceCatalog.load();
  private final Deflators deflators = Deflators.load();
  private final Targets targets = Targets.load();
  private final List<PublishedFigures.Figure> published = PublishedFigures.load();

  public IntensityPipeline(SparkSession spark, RunRequest request) {
    this.spark = spark;
    this.request = request;
  }

  public RunResult run() {
    Instant started = Instant.now();
    JobSettings settings = request.settings();
    Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
    Phase phase = new Phase();
    spark
        .sparkContext()
        .uiWebUrl()
        .foreach(
            url -> {
              LOG.info("Spark UI: {}", url);
              return null;
            });

    List<DataFile> files = InputFiles.list(request.inputPath(), hadoopConf);
    SliceFingerprints input = SliceFingerprints.of(request.inputPath(), files);
    Optional<RunState> previous = request.previousOutput().flatMap(this::readPreviousState);
    IncrementalPlan plan =
        previousError != null
            ? IncrementalPlan.full(previousError)
            : IncrementalPlan.decide(
                previous,
                request.inputPath(),
                CodeFingerprint.current(),
                IncrementalPlan.tallySettings(settings),
                input,
                settings.flags().mode() == JobSettings.FlagMode.QUARANTINE ? 2 : 1);
    phase.done(
        "Listed {} input files in {} year partition(s); {} run: {}",
        files.size(),
        input.slices().size(),
        plan.mode().code(),
        plan.reason());

    OutputPublisher publisher = OutputPublisher.begin(request.outputPath(), hadoopConf);
    List<Dataset<Row>> toUnpersist = new ArrayList<>();
    try {
      Rows rows = rowsFor(plan, previous, files, phase, toUnpersist);
      if (rows.offSliceRows() > 0 && plan.mode() == IncrementalPlan.Mode.INCREMENTAL) {
        // A changed partition now holds rows of another year: they may pair with, or duplicate,
        // rows of partitions this run did not read. Only a full run is sure to be right.
        plan = IncrementalPlan.full(rows.offSliceRows() + " rows lie outside their year partition");
        LOG.info("Switching to a full run: {}", plan.reason());
        rows = rowsFor(plan, previous, files, phase, toUnpersist);
      }
      List<Tally> tallies = rows.tallies();
      RowAccounting accounting = RowAccounting.of(files.size(), tallies);
      phase.done(
          "Accounted for {} rows: {} quarantined, {} duplicates collapsed, {} out of scope, {}"
              + " below threshold, {} aggregated",
          accounting.rowsRead(),
          accounting.rowsQuarantined(),
          accounting.duplicatesCollapsed(),
          accounting.rowsOutOfScope(),
          accounting.rowsBelowThreshold(),
          accounting.rowsAggregated());
      FlagSummary flags = new FlagSummary(settings.flags().mode(), rows.flags());
      LOG.info(
          "Plausibility flags ({} mode): {} on {} firm-years, by reason {}",
          settings.flags().mode().name().toLowerCase(Locale.ROOT),
          flags.flags().size(),
          flags.firmYears(),
          flags.byReason());
      checkAccounting(accounting, settings);
      RunState state =
          new RunState(
              request.inputPath(),
              CodeFingerprint.current(),
              IncrementalPlan.tallySettings(settings),
              input.slices(),
              notIncremental(input, rows),
              tallies);

      Deflators prices = deflators.rebase(settings.baseYear());
      UnaryOperator<List<IndustryYear>> trends =
          table ->
              ComparablePriceStep.apply(
                  YearOverYear.apply(table),
                  prices,
                  industries,
                  settings.energyIntensiveDivisions());
      List<IndustryYear> industryYears =
          trends.apply(
              GroupRollup.rollUp(tallies, industries, settings.energyIntensiveDivisions()));
      Analytics analytics =
          Analytics.compute(
              industryYears, settings.baseYear(), deflators, targets, industries::name);
      phase.done(
          "Rolled up {} industry_year rows; {} decomposition rows, {} targets",
          industryYears.size(),
          analytics.decompositions().size(),
          analytics.targets().size());
      warnAboutOverflow(industryYears);

      List<ProvinceRow> provinceRows =
          ProvinceRollup.rollUp(
              tallies, industries, provinces, settings.energyIntensiveDivisions(), trends);
      ReportModel model =
          new ReportModel(
              VersionInfo.version(),
              request.inputPath(),
              settings,
              accounting,
              industryYears,
              provinceRows,
              analytics,
              published,
              flags);
      String reportHtml = HtmlReport.render(model);
      String summaryJson = SummaryJson.render(model);

      // The quarantined rows are materialised before anything is written: they may come from the
      // earlier output, which on an object store is this very prefix (a rerun of the same date).
      Dataset<Row> quarantine = rows.quarantine().persist(StorageLevel.MEMORY_AND_DISK());
      toUnpersist.add(quarantine);
      long quarantineRows = quarantine.count();
      if (quarantineRows != accounting.rowsQuarantined()) {
        throw new IllegalStateException(
            "quarantine holds "
                + quarantineRows
                + " rows but the accounting counts "
                + accounting.rowsQuarantined());
      }
      // Everything is computed now: only from here on may an object-store output replace an
      // earlier run's files (OutputPublisher).
      publisher.startWriting();
      writeQuarantine(publisher, quarantine, accounting, settings);
      phase.done("Wrote {} quarantined rows", accounting.rowsQuarantined());
      writeTable(publisher, "tables/industry_year", IndustryYearTable.COLUMNS, industryYears);
      writeTable(
          publisher,
          "tables/province_year",
          ProvinceTables.COLUMNS,
          provinceRows.stream().filter(ProvinceTables.PROVINCE_YEAR).toList());
      writeTable(
          publisher,
          "tables/province_division_year",
          ProvinceTables.COLUMNS,
          provinceRows.stream().filter(ProvinceTables.PROVINCE_DIVISION_YEAR).toList());
      writeTable(
          publisher,
          "tables/" + DecompositionTable.NAME,
          DecompositionTable.COLUMNS,
          analytics.decompositions());
      writeTable(
          publisher,
          "tables/" + DecompositionTable.CONTRIBUTIONS_NAME,
          DecompositionTable.CONTRIBUTIONS,
          analytics.contributions());
      writeTable(
          publisher,
          "tables/" + TargetTable.NAME,
          TargetTable.COLUMNS,
          TargetTable.rows(analytics));
      writeTable(publisher, "tables/" + FlagTable.NAME, FlagTable.COLUMNS, flags.flags());
      publisher.writeText("report.html", reportHtml);
      publisher.writeText("summary.json", summaryJson);
      publisher.writeText(RunState.STATE, state.stateJson());
      publisher.writeText(RunState.TALLIES, state.talliesTsv());
      List<String> outputs =
          List.of(
              "tables/industry_year.csv",
              "tables/industry_year/",
              "tables/province_year.csv",
              "tables/province_year/",
              "tables/province_division_year.csv",
              "tables/province_division_year/",
              "tables/decomposition.csv",
              "tables/decomposition/",
              "tables/decomposition_division.csv",
              "tables/decomposition_division/",
              "tables/targets.csv",
              "tables/targets/",
              "tables/flags.csv",
              "tables/flags/",
              "quarantine/",
              "report.html",
              "summary.json",
              RunState.STATE,
              RunState.TALLIES,
              OutputPublisher.MANIFEST,
              OutputPublisher.SUCCESS);
      publisher.writeText(
          OutputPublisher.MANIFEST,
          ManifestJson.render(
              model,
              new ManifestJson.RunInfo(
                  request.outputPath(),
                  started,
                  Instant.now(),
                  spark.version(),
                  spark.sparkContext().master(),
                  plan.mode().code(),
                  plan.reason(),
                  rows.filesScanned(),
                  outputs)));
      String published = publisher.commit(outputs);
      phase.done("Published tables and reports to {}", published);
      return new RunResult(published, accounting, industryYears, plan, rows.filesScanned());
    } catch (RuntimeException e) {
      publisher.abort();
      if (e instanceof InputRejectedException) {
        throw e;
      }
      throw ScanFailures.translate(e).<RuntimeException>map(r -> r).orElse(e);
    } finally {
      toUnpersist.forEach(Dataset::unpersist);
    }
  }

  /**
   * The tally cells and quarantined rows of the whole input, as the plan gets them.
   *
   * @param tallies every cell, in canonical order
   * @param quarantine the quarantined rows, {@link OnePass#QUARANTINE_COLUMNS}
   * @param flags every plausibility flag
   * @param filesScanned input files read
   * @param offSliceRows rows whose year is not their partition directory's
   */
  private record Rows(
      List<Tally> tallies,
      Dataset<Row> quarantine,
      List<Flag> flags,
      int filesScanned,
      long offSliceRows) {}

  /**
   * What the one pass over some input files gave.
   *
   * @param onePass the persisted one-pass frame (quarantined rows still to be read from it)
   * @param tallies its cells
   * @param flags its plausibility flags
   */
  private record Scan(Dataset<Row> onePass, List<Tally> tallies, List<Flag> flags) {}

  private Rows rowsFor(
      IncrementalPlan plan,
      Optional<RunState> previous,
      List<DataFile> files,
      Phase phase,
      List<Dataset<Row>> toUnpersist) {
    return switch (plan.mode()) {
      case FULL -> {
        Scan scan = scan(files, phase, toUnpersist);
        yield new Rows(
            scan.tallies(),
            OnePass.quarantinedRows(scan.onePass()).drop(Columns.SLICE_YEAR),
            scan.flags(),
            files.size(),
            offSliceRows(scan.tallies()));
      }
      case UNCHANGED -> {
        yield new Rows(
            previous.orElseThrow().tallies(),
            previousQuarantine().drop(Columns.SLICE_YEAR),
            previousFlags(),
            0,
            0);
      }
      case INCREMENTAL -> {
        Set<Integer> recompute = plan.recompute();
        List<DataFile> read =
            files.stream()
                .filter(f -> plan.read().contains(YearPartitions.of(f.path().toString()).get()))
                .toList();
        Scan scan = scan(read, phase, toUnpersist);
        List<Tally> fresh = scan.tallies();
        List<Tally> tallies = new ArrayList<>();
        previous.orElseThrow().tallies().stream()
            .filter(t -> !recompute.contains(t.slice()))
            .forEach(tallies::add);
        fresh.stream().filter(t -> recompute.contains(t.slice())).forEach(tallies::add);
        tallies.sort(Tally.CANONICAL_ORDER);
        Column[] recomputed =
            recompute.stream().map(org.apache.spark.sql.functions::lit).toArray(Column[]::new);
        Dataset<Row> kept =
            previousQuarantine()
                .filter(col(Columns.SLICE_YEAR).isin((Object[]) recomputed).unary_$bang());
        Dataset<Row> rescanned =
            OnePass.quarantinedRows(scan.onePass())
                .filter(col(Columns.SLICE_YEAR).isin((Object[]) recomputed));
        // A flag belongs to its row's year, which is its partition's (else the run is full).
        List<Flag> flags = new ArrayList<>();
        previousFlags().stream().filter(f -> !recompute.contains(f.year())).forEach(flags::add);
        scan.flags().stream().filter(f -> recompute.contains(f.year())).forEach(flags::add);
        yield new Rows(
            tallies,
            kept.unionByName(rescanned).drop(Columns.SLICE_YEAR),
            flags,
            read.size(),
            offSliceRows(fresh));
      }
    };
  }

  /**
   * Checks the footers of {@code files}, reads them and makes the one pass: tallies and flags
   * collected, the one-pass frame persisted for its quarantined rows (the caller unpersists it).
   */
  private Scan scan(List<DataFile> files, Phase phase, List<Dataset<Row>> toUnpersist) {
    long bytes = files.stream().mapToLong(DataFile::sizeBytes).sum();
    Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
    List<FileGroup> groups = ParquetSchemas.checkAndGroup(files, hadoopConf);
    phase.done(
        "Checked {} Parquet files ({} MB) in {} schema group(s)",
        files.size(),
        bytes / 1_000_000,
        groups.size());
    JobSettings settings = request.settings();
    // One shuffle by firm serves both windows (duplicates per firm-year, prior year per firm).
    // A fixed partition count (adaptive execution leaves it alone) puts each firm in the same
    // partition whatever else is read: Tally's sums depend on it.
    Dataset<Row> byFirm =
        FirmYearReader.read(spark, groups).repartition(settings.partitions(), col(Columns.FIRM_ID));
    // Persisted: the medians job and the one pass both read it, so the input is scanned (and the
    // windows sorted) once. Only the columns later steps use are kept. The cache keeps the
    // shuffle's partitions and row order, which Tally's fixed summation order relies on.
    Dataset<Row> classified =
        PlausibilityFlags.withIntensities(
                PriorYear.attach(
                    Scope.classify(
                        Duplicates.withFate(RowValidation.withReason(byFirm, provinces.codes())),
                        settings)))
            .select(KEPT_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      DivisionMedians medians =
          DivisionMedians.fromHistogram(
              PlausibilityFlags.histogram(classified).collectAsList(),
              settings.flags().minDivisionFirms());
      phase.done(
          "Read, validated and sorted {} files; {} division-year medians",
          files.size(),
          medians.size());
      Dataset<Row> onePass =
          OnePass.build(
                  PlausibilityFlags.flag(
                      classified,
                      spark.createDataFrame(medians.asRows(), DivisionMedians.SCHEMA),
                      settings.flags()),
                  settings.co2DerivedTPerTce())
              .persist(StorageLevel.MEMORY_AND_DISK());
      toUnpersist.add(onePass);
      List<Tally> tallies = collectTallies(onePass);
      List<Flag> flags = collectFlags(onePass);
      phase.done("One pass: {} tally cells, {} flags", tallies.size(), flags.size());
      return new Scan(onePass, tallies, flags);
    } finally {
      // The one-pass frame is materialised now; the large classified frame is no longer needed.
      classified.unpersist();
    }
  }

  /**
   * The columns of the classified frame that later steps read: the quarantine's, the tallies' and
   * the flags'.
   */
  private static final List<String> KEPT_COLUMNS =
      java.util.stream.Stream.concat(
              Columns.CONTRACT_INPUT.stream(),
              java.util.stream.Stream.of(
                  Columns.REASON,
                  Columns.SOURCE_FILE,
                  Columns.SLICE_YEAR,
                  Columns.DIVISION,
                  Columns.FATE,
                  PriorYear.PRIOR,
                  Columns.FIRM_ENERGY_INTENSITY,
                  Columns.FIRM_WATER_INTENSITY,
                  Columns.PRIOR_ENERGY_INTENSITY,
                  Columns.PRIOR_WATER_INTENSITY))
          .toList();

  /** Every flag of the run (one per flagged firm-year and indicator), collected on the driver. */
  private static List<Flag> collectFlags(Dataset<Row> onePass) {
    List<Flag> flags = new ArrayList<>();
    for (Row r : OnePass.flaggedRows(onePass).collectAsList()) {
      flags.addAll(Flag.fromRow(r));
    }
    return flags;
  }

  /** The earlier output's flags, read back from its {@code tables/flags/} Parquet copy. */
  private List<Flag> previousFlags() {
    String dir =
        new org.apache.hadoop.fs.Path(
                request.previousOutput().orElseThrow(), "tables/" + FlagTable.NAME)
            .toString();
    List<Flag> flags = new ArrayList<>();
    for (Row r : spark.read().parquet(dir).collectAsList()) {
      flags.add(FlagTable.fromRow(r));
    }
    return flags;
  }

  private static long offSliceRows(List<Tally> tallies) {
    return tallies.stream().mapToLong(Tally::rowsOffSlice).sum();
  }

  /** Why the run after this one cannot be incremental, or "" when it can. */
  private static String notIncremental(SliceFingerprints input, Rows rows) {
    if (!input.partitioned()) {
      return "the input is not partitioned by year=YYYY directories";
    }
    if (rows.offSliceRows() > 0) {
      return rows.offSliceRows() + " rows lie outside their year partition";
    }
    return "";
  }

  /** Why the earlier output named by --previous cannot be continued from, if it cannot. */
  private String previousError;

  private Optional<RunState> readPreviousState(String previous) {
    try {
      return Optional.of(RunState.read(previous, spark.sparkContext().hadoopConfiguration()));
    } catch (IllegalStateException e) {
      previousError = "cannot continue from " + previous + ": " + e.getMessage();
      LOG.warn("{}", previousError);
      return Optional.empty();
    }
  }

  /** The earlier output's quarantined rows, with the {@code slice_year} of their source file. */
  private Dataset<Row> previousQuarantine() {
    String dir =
        new org.apache.hadoop.fs.Path(request.previousOutput().orElseThrow(), "quarantine")
            .toString();
    return spark
        .read()
        .parquet(dir)
        .select(OnePass.QUARANTINE_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new))
        .withColumn(Columns.SLICE_YEAR, YearPartitions.ofSourceFile());
  }

  private static List<Tally> collectTallies(Dataset<Row> onePass) {
    List<Tally> tallies = new ArrayList<>();
    for (Row r : OnePass.tallies(onePass).collectAsList()) {
      tallies.add(Tally.fromRow(r));
    }
    // Collect order varies with scheduling; the roll-ups add doubles in list order.
    tallies.sort(Tally.CANONICAL_ORDER);
    return tallies;
  }

  /**
   * Says where a sum went beyond the range of a double (values near 1e308 in the input): such a sum
   * is published empty, and so is every ratio built on it (never Infinity).
   */
  private static void warnAboutOverflow(List<IndustryYear> rows) {
    List<String> where = new ArrayList<>();
    for (IndustryYear r : rows) {
      Totals t = r.totals();
      double[] sums = {
        t.revenueYuan(),
        t.addedValueYuan(),
        t.energyTce(),
        t.waterM3(),
        t.co2T(),
        t.co2AddedValueYuan()
      };
      if (Arrays.stream(sums).anyMatch(v -> !Double.isFinite(v))) {
        where.add(r.code() + "/" + r.year());
      }
    }
    if (!where.isEmpty()) {
      LOG.warn(
          "{} industry_year row(s) have a sum beyond the range of a double, published empty with"
              + " the ratios built on it; the input holds absurdly large values: {}",
          where.size(),
          where.size() <= 10 ? where : where.subList(0, 10) + " ...");
    }
  }

  /** Rejects an empty input, and one whose quarantined share is over the quality gate. */
  private static void checkAccounting(RowAccounting a, JobSettings settings) {
    if (!a.balances()) {
      throw new IllegalStateException("row accounting does not balance: " + a);
    }
    if (a.rowsRead() == 0) {
      throw new InputRejectedException("the input files hold no rows");
    }
    if (a.quarantinedShare() > settings.maxQuarantinedShare()) {
      throw new InputRejectedException(
          String.format(
              Locale.ROOT,
              "%d of %d rows (%.2f%%) are invalid, over the limit of %.2f%%"
                  + " (spark.greenstat.quality.maxQuarantinedShare); reasons: %s",
              a.rowsQuarantined(),
              a.rowsRead(),
              100 * a.quarantinedShare(),
              100 * settings.maxQuarantinedShare(),
              a.quarantineByReason()));
    }
  }

  /**
   * Writes the quarantined rows as Parquet: a file count that follows from the row count, rows
   * hashed to files by source file and sorted, and stable file names, so reruns give equal bytes.
   */
  private static void writeQuarantine(
      OutputPublisher publisher, Dataset<Row> rows, RowAccounting a, JobSettings settings) {
    int files =
        (int)
            Math.max(
                1,
                (a.rowsQuarantined() + settings.rowsPerQuarantineFile() - 1)
                    / settings.rowsPerQuarantineFile());
    org.apache.spark.sql.Column[] order =
        OnePass.QUARANTINE_COLUMNS.stream()
            .map(c -> col(c))
            .toArray(org.apache.spark.sql.Column[]::new);
    String dir = publisher.staged("quarantine").toString();
    rows.repartition(files, col(Columns.SOURCE_FILE))
        .sortWithinPartitions(order)
        .write()
        .option("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
        .parquet(dir);
    normalise(publisher, "quarantine");
  }

  /** Writes a small driver-side table as one CSV file and as a one-file Parquet directory. */
  private <T> void writeTable(
      OutputPublisher publisher, String name, List<TableColumn<T>> columns, List<T> rows) {
    publisher.writeText(name + ".csv", CsvWriter.render(columns, rows));
    StructType schema =
        DataTypes.createStructType(
            columns.stream()
                .map(c -> DataTypes.createStructField(c.name(), c.type(), true))
                .toList());
    List<Row> sparkRows = new ArrayList<>(rows.size());
    for (T row : rows) {
      sparkRows.add(RowFactory.create(columns.stream().map(c -> c.value().apply(row)).toArray()));
    }
    spark
        .createDataFrame(sparkRows, schema)
        .coalesce(1)
        .write()
        .option("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
        .parquet(publisher.staged(name).toString());
    normalise(publisher, name);
  }

  private static void normalise(OutputPublisher publisher, String relative) {
    try {
      DeterministicParts.normalise(publisher.fileSystem(), publisher.staged(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Logs one line per phase with its elapsed time. */
  private static final class Phase {
    private long last = System.nanoTime();

    void done(String message, Object... args) {
      long now = System.nanoTime();
      Object[] withTime = java.util.Arrays.copyOf(args, args.length + 1);
      withTime[args.length] = (now - last) / 1_000_000_000.0;
      LOG.info(message + " ({} s)", withTime);
      last = now;
    }
  }
}
