package io.greenstat.cli;

import io.greenstat.config.ConfigException;
import io.greenstat.generate.GenerateJob;
import io.greenstat.generate.GeneratorOptions;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: a synthetic national firm-year panel with planted truth. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write a synthetic national firm-year panel as Parquet partitioned by year, with"
          + " truth.json holding the planted parameters. Same options, same bytes."
    })
public final class GenerateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--firms", paramLabel = "N", description = "Firms in the panel (default 20000).")
  long firms = 20_000;

  @Option(
      names = "--years",
      paramLabel = "FIRST-LAST",
      description = "Reporting years (default 2015-2024).")
  String years = "2015-2024";

  @Option(names = "--seed", paramLabel = "S", description = "Random seed (default 42).")
  long seed = 42;

  @Option(
      names = "--defects",
      paramLabel = "RATE",
      description = "Share of rows given a contract defect, 0..1 (default 0).")
  double defects = 0.0;

  @Option(
      names = "--ei6-va-shift",
      paramLabel = "RATE",
      description =
          "Plant a structural shift: the added value of the six energy-intensive divisions (and"
              + " their energy, water and CO2 with it) is multiplied by (1 + RATE)^(year - first"
              + " year), so their share of added value falls (RATE < 0) or rises, while each"
              + " division's intensities keep their planted trends; -0.5..0.5, recorded in"
              + " truth.json (default 0: no shift).")
  double ei6VaShift = 0.0;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "PATH",
      description = "Where to write the dataset.")
  String output;

  @Option(names = "--verbose", description = "Print stack traces of failures.")
  boolean verbose;

  @Override
  public Integer call() {
    GeneratorOptions options;
    try {
      String[] parts = years.split("-", -1);
      int first = Integer.parseInt(parts[0].trim());
      int last = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : first;
      options = new GeneratorOptions(firms, first, last, seed, defects, ei6VaShift);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("invalid generate options: " + e.getMessage());
    }
    SparkSession spark = SparkSessions.start("greenstat generate");
    try {
      long rows = GenerateJob.run(spark, options, output);
      spec.commandLine()
          .getOut()
          .printf("greenstat: wrote %d firm-year rows to %s%n", rows, output);
      spec.commandLine().getOut().flush();
      return ExitCode.OK;
    } finally {
      spark.stop();
    }
  }
}
