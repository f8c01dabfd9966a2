package io.greenstat;

import io.greenstat.cli.ExitCode;
import io.greenstat.cli.GenerateCommand;
import io.greenstat.cli.RunCommand;
import io.greenstat.cli.VersionInfo;
import io.greenstat.config.ConfigException;
import io.greenstat.ingest.InputRejectedException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point for {@code spark-submit} and the {@code jobs/greenstat} launcher: dispatches to a
 * command, and maps outcomes to exit codes (0 ok, 1 failure, 2 usage or configuration, 3 input
 * rejected). The only place that calls {@link System#exit}.
 */
@Command(
    name = "greenstat",
    mixinStandardHelpOptions = true,
    versionProvider = GreenstatApp.Version.class,
    description = "Energy, water and CO2 intensity of China's above-size industry, on Spark.",
    subcommands = {RunCommand.class, GenerateCommand.class})
public final class GreenstatApp implements Runnable {

  public static void main(String[] args) {
    int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    if (code != ExitCode.OK) {
      System.exit(code);
    }
  }

  /** Parses and runs one command; never exits the JVM. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    CommandLine cli = new CommandLine(new GreenstatApp());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("greenstat: " + ex.getMessage());
          err.println(
              "Run 'jobs/greenstat" + commandName(ex.getCommandLine()) + " --help' for usage.");
          return ExitCode.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          int code = exitCodeOf(ex);
          err.println("greenstat: " + oneLine(ex, code));
          if (verbose) {
            ex.printStackTrace(err);
          } else if (code == ExitCode.FAILURE) {
            err.println("Run again with --verbose for the stack trace.");
          }
          err.flush();
          return code;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "missing command: expected 'run' or 'generate'");
  }

  static int exitCodeOf(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof ConfigException) {
        return ExitCode.USAGE;
      }
      if (t instanceof InputRejectedException) {
        return ExitCode.INPUT_REJECTED;
      }
    }
    return ExitCode.FAILURE;
  }

  /** One line saying what went wrong: the typed cause's message, or the exception's. */
  static String oneLine(Throwable ex, int code) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof ConfigException || t instanceof InputRejectedException) {
        return (code == ExitCode.USAGE ? "configuration error: " : "input rejected: ")
            + t.getMessage();
      }
    }
    String msg = ex.getMessage() == null ? "" : ex.getMessage().lines().findFirst().orElse("");
    return "failed: " + ex.getClass().getSimpleName() + (msg.isEmpty() ? "" : ": " + msg);
  }

  private static String commandName(CommandLine cl) {
    String name = cl.getCommandSpec().name();
    return name.equals("greenstat") ? "" : " " + name;
  }

  /** Reports the jar's version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"greenstat " + VersionInfo.version()};
    }
  }
}
