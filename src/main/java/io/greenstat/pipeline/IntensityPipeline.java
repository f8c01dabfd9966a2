package io.greenstat.pipeline;

import static org.apache.spark.sql.functions.col;

import io.greenstat.cli.VersionInfo;
import io.greenstat.config.JobSettings;
import io.greenstat.ingest.Duplicates;
import io.greenstat.ingest.FirmYearReader;
import io.greenstat.ingest.InputFiles;
import io.greenstat.ingest.InputFiles.DataFile;
import io.greenstat.ingest.InputRejectedException;
import io.greenstat.ingest.ParquetSchemas;
import io.greenstat.ingest.ParquetSchemas.FileGroup;
import io.greenstat.ingest.RowValidation;
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
 * list files → check footers → read → validate → duplicates → scope + threshold → prior year
 *   → (persisted) division-year medians → plausibility flags
 *   → one pass: tallies + quarantined rows + flagged rows → accounting, quality gate
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

    List<DataFile> files = InputFiles.list(request.inputPath(), hadoopConf);
    long bytes = files.stream().mapToLong(DataFile::sizeBytes).sum();
    List<FileGroup> groups = ParquetSchemas.checkAndGroup(files, hadoopConf);
    phase.done(
        "Checked {} Parquet files ({} MB) in {} schema group(s)",
        files.size(),
        bytes / 1_000_000,
        groups.size());

    OutputPublisher publisher = OutputPublisher.begin(request.outputPath(), hadoopConf);
    Dataset<Row> classified = null;
    Dataset<Row> onePass = null;
    try {
      // One shuffle by firm serves both windows (duplicates per firm-year, prior year per firm).
      Dataset<Row> byFirm = FirmYearReader.read(spark, groups).repartition(col(Columns.FIRM_ID));
      // Persisted: the medians job and the one pass both read it, so the input is scanned (and
      // the windows sorted) once. Only the columns later steps use are kept.
      classified =
          PlausibilityFlags.withIntensities(
                  PriorYear.attach(
                      Scope.classify(
                          Duplicates.withFate(RowValidation.withReason(byFirm, provinces.codes())),
                          settings)))
              .select(KEPT_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new))
              .persist(StorageLevel.MEMORY_AND_DISK());
      DivisionMedians medians =
          DivisionMedians.fromHistogram(
              PlausibilityFlags.histogram(classified).collectAsList(),
              settings.flags().minDivisionFirms());
      phase.done("Took {} division-year medians (scan, validation, windows)", medians.size());
      onePass =
          OnePass.build(
                  PlausibilityFlags.flag(
                      classified,
                      spark.createDataFrame(medians.asRows(), DivisionMedians.SCHEMA),
                      settings.flags()),
                  settings.co2DerivedTPerTce())
              .persist(StorageLevel.MEMORY_AND_DISK());
      List<Tally> tallies = collectTallies(onePass);
      FlagSummary flags = new FlagSummary(settings.flags().mode(), collectFlags(onePass));
      // The one-pass frame is materialised now; the large classified frame is no longer needed.
      classified.unpersist();
      classified = null;
      RowAccounting accounting = RowAccounting.of(files.size(), tallies);
      phase.done(
          "Read {} rows: {} quarantined, {} duplicates collapsed, {} out of scope, {} below"
              + " threshold, {} aggregated",
          accounting.rowsRead(),
          accounting.rowsQuarantined(),
          accounting.duplicatesCollapsed(),
          accounting.rowsOutOfScope(),
          accounting.rowsBelowThreshold(),
          accounting.rowsAggregated());
      LOG.info(
          "Plausibility flags ({} mode): {} on {} firm-years, by reason {}",
          settings.flags().mode().name().toLowerCase(Locale.ROOT),
          flags.flags().size(),
          flags.firmYears(),
          flags.byReason());
      checkAccounting(accounting, settings);

      Deflators prices = deflators.rebase(settings.baseYear());
      UnaryOperator<List<IndustryYear>> trends =
          rows ->
              ComparablePriceStep.apply(
                  YearOverYear.apply(rows),
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

      // Everything is computed now (the quarantine rows come from the persisted pass): only from
      // here on may an object-store output replace an earlier run's files (OutputPublisher).
      publisher.startWriting();
      writeQuarantine(publisher, OnePass.quarantinedRows(onePass), accounting, settings);
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
      writeTable(publisher, "tables/" + TargetTable.NAME, TargetTable.COLUMNS, analytics.targets());
      writeTable(publisher, "tables/" + FlagTable.NAME, FlagTable.COLUMNS, flags.flags());
      publisher.writeText("report.html", reportHtml);
      publisher.writeText("summary.json", summaryJson);
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
                  outputs)));
      String published = publisher.commit(outputs);
      phase.done("Published tables and reports to {}", published);
      return new RunResult(published, accounting, industryYears);
    } catch (RuntimeException e) {
      publisher.abort();
      if (e instanceof InputRejectedException) {
        throw e;
      }
      throw ScanFailures.translate(e).<RuntimeException>map(r -> r).orElse(e);
    } finally {
      if (classified != null) {
        classified.unpersist();
      }
      if (onePass != null) {
        onePass.unpersist();
      }
    }
  }

  /**
   * The columns of the classified frame that later steps read: the quarantine's, the tallies' and
   * the flags'.
   */
  private static final List<String> KEPT_COLUMNS =
      List.of(
          Columns.FIRM_ID,
          Columns.YEAR,
          Columns.INDUSTRY_CODE,
          Columns.PROVINCE_CODE,
          Columns.REVENUE_YUAN,
          Columns.ADDED_VALUE_YUAN,
          Columns.ENERGY_TCE,
          Columns.WATER_M3,
          Columns.CO2_T,
          Columns.REASON,
          Columns.SOURCE_FILE,
          Columns.DIVISION,
          Columns.FATE,
          PriorYear.PRIOR,
          Columns.FIRM_ENERGY_INTENSITY,
          Columns.FIRM_WATER_INTENSITY,
          Columns.PRIOR_ENERGY_INTENSITY,
          Columns.PRIOR_WATER_INTENSITY);

  /** Every flag of the run (one per flagged firm-year and indicator), collected on the driver. */
  private static List<Flag> collectFlags(Dataset<Row> onePass) {
    List<Flag> flags = new ArrayList<>();
    for (Row r : OnePass.flaggedRows(onePass).collectAsList()) {
      flags.addAll(Flag.fromRow(r));
    }
    return flags;
  }

  private static List<Tally> collectTallies(Dataset<Row> onePass) {
    List<Tally> tallies = new ArrayList<>();
    for (Row r : OnePass.tallies(onePass).collectAsList()) {
      tallies.add(Tally.fromRow(r));
    }
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
                  a.quarantineByReason())
              + (settings.flags().quarantine()
                  ? "; plausibility flags count as invalid with spark.greenstat.flags.mode ="
                      + " quarantine"
                  : ""));
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
