package io.greenstat.cli;

import io.greenstat.config.ConfigException;
import io.greenstat.config.JobSettings;
import io.greenstat.config.Setting;
import io.greenstat.config.SettingsLoader;
import io.greenstat.generate.GenerateJob;
import io.greenstat.generate.GeneratorOptions;
import io.greenstat.pipeline.IntensityPipeline;
import io.greenstat.pipeline.RunRequest;
import io.greenstat.pipeline.RunResult;
import io.greenstat.publish.OutputGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: the whole pipeline, from firm-year Parquet to the published report directory. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Validate firm-year records, aggregate above-size industry by group and year, and publish"
          + " tables, report.html, summary.json and _MANIFEST.json.",
      "Without --input, runs on the embedded sample (generated once under data/sample/)."
    })
public final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--input",
      paramLabel = "PATH",
      description = "Firm-year Parquet dataset (local path, hdfs:// or s3a://).")
  String input;

  @Option(
      names = "--output",
      paramLabel = "PATH",
      description =
          "Output directory; replaced only by a successful run. Default with the sample:"
              + " data/sample-output.")
  String output;

  @Option(
      names = "--previous",
      paramLabel = "PATH",
      description =
          "An earlier successful output of the same input (e.g. last night's): rescan only the"
              + " year=YYYY partitions that changed since, and take the rest from its _partials/."
              + " The result equals a full run's byte for byte; with other settings, another"
              + " program version or an input that is not year-partitioned the run is a full one.")
  String previous;

  @Option(
      names = "--conf",
      paramLabel = "FILE",
      description = "Properties file of spark.greenstat.* settings (below Spark properties).")
  Path confFile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "One spark.greenstat.* setting; wins over every other source. Repeatable.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--help-settings", description = "List every setting with its default and exit.")
  boolean helpSettings;

  @Option(names = "--verbose", description = "Print stack traces of failures.")
  boolean verbose;

  @Override
  public Integer call() {
    if (helpSettings) {
      printSettings();
      return ExitCode.OK;
    }
    // Everything that can be checked without Spark is checked first: a bad command line fails in
    // a second with exit code 2 instead of after cluster start-up.
    Map<String, String> commandLine = new LinkedHashMap<>();
    for (String s : sets) {
      Map.Entry<String, String> kv = SettingsLoader.parseAssignment(s);
      commandLine.put(kv.getKey(), kv.getValue());
    }
    JobSettings settings =
        SettingsLoader.resolve(
            confFile == null ? Map.of() : SettingsLoader.readPropertiesFile(confFile),
            SettingsLoader.sparkSystemProperties(),
            commandLine);

    boolean sample = input == null;
    Path home = Path.of(System.getenv().getOrDefault("GREENSTAT_HOME", ".")).toAbsolutePath();
    String inputPath = sample ? home.resolve("data/sample").normalize().toString() : input;
    if (output == null && !sample) {
      throw new ConfigException("--output is required with --input");
    }
    String outputPath =
        output != null ? output : home.resolve("data/sample-output").normalize().toString();
    OutputGuard.checkPaths(inputPath, outputPath);

    SparkSession spark = SparkSessions.start("greenstat run");
    try {
      if (sample && !Files.isDirectory(Path.of(inputPath))) {
        LOG.info("Generating the embedded sample under {} (once)", inputPath);
        GenerateJob.run(spark, GeneratorOptions.SAMPLE, inputPath);
      }
      RunResult result =
          new IntensityPipeline(
                  spark,
                  new RunRequest(inputPath, outputPath, settings, Optional.ofNullable(previous)))
              .run();
      var out = spec.commandLine().getOut();
      out.printf(
          "greenstat: %d rows read, %d aggregated, %d quarantined; output in %s%n",
          result.accounting().rowsRead(),
          result.accounting().rowsAggregated(),
          result.accounting().rowsQuarantined(),
          result.outputPath());
      out.printf(
          "Run: %s (%s); %d input files scanned%n",
          result.plan().mode().code(), result.plan().reason(), result.filesScanned());
      out.printf("Report: %s%n", reportLocation(result.outputPath()));
      out.flush();
      return ExitCode.OK;
    } finally {
      spark.stop();
    }
  }

  /** Where to open the report: a file:// URL for local output, else the output URI. */
  private static String reportLocation(String outputPath) {
    if (outputPath.startsWith("file:")) {
      return Path.of(java.net.URI.create(outputPath)).resolve("report.html").toUri().toString();
    }
    if (outputPath.contains(":")) {
      return outputPath + "/report.html";
    }
    return Path.of(outputPath).toAbsolutePath().resolve("report.html").toUri().toString();
  }

  private void printSettings() {
    var out = spec.commandLine().getOut();
    for (Setting s : Setting.values()) {
      out.printf("%s (default '%s')%n    %s%n", s.key(), s.defaultValue(), s.help());
    }
    out.flush();
  }
}
