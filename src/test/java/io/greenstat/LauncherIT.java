package io.greenstat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code jobs/greenstat} as a real process, the way a user does: exit codes and the one clear
 * error line of the contract (CONTRACT §5). Runs after {@code package}, so the launcher finds the
 * jar fresh and does not build; without SPARK_HOME, so it starts SparkSubmit from the Maven
 * classpath.
 */
class LauncherIT {
  private static final Path BASEDIR = Path.of(System.getProperty("greenstat.basedir", "."));
  private static final long TIMEOUT_SECONDS = 180;

  @TempDir Path tmp;

  /** What one launcher run printed and returned. */
  record Outcome(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr;
    }
  }

  private Outcome launch(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(BASEDIR.resolve("jobs/greenstat").toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "stdout", ".txt");
    Path err = Files.createTempFile(tmp, "stderr", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(tmp.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().remove("SPARK_HOME");
    pb.environment().remove("SPARK_CONF_DIR");
    Process process = pb.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError(
          "jobs/greenstat "
              + String.join(" ", args)
              + " still running after "
              + TIMEOUT_SECONDS
              + " s");
    }
    Outcome o =
        new Outcome(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    // The package phase built the jar just before: a build here would rewrite target/ mid-verify.
    assertFalse(o.stderr().contains("building the application jar"), () -> "rebuilt:\n" + o);
    return o;
  }

  /** The one line saying what went wrong; fails unless there is exactly one. */
  private static String errorLine(Outcome o) {
    List<String> lines = o.stderr().lines().filter(l -> l.startsWith("greenstat: ")).toList();
    assertEquals(1, lines.size(), () -> "expected one 'greenstat: ' line:\n" + o);
    return lines.get(0);
  }

  private static void assertNoStackTrace(Outcome o) {
    assertFalse(o.stderr().contains("\tat "), () -> "stack trace without --verbose:\n" + o);
  }

  @Test
  void unknownJobOptionIsAUsageError() throws Exception {
    Outcome o = launch("--driver-memory", "1g", "run", "--no-such-option");
    assertEquals(2, o.exitCode(), o::toString);
    assertTrue(errorLine(o).contains("--no-such-option"), o::toString);
    assertNoStackTrace(o);
  }

  @Test
  void misspeltSettingNamesTheNearestOne() throws Exception {
    Outcome o =
        launch(
            "--driver-memory",
            "1g",
            "run",
            "--set",
            "spark.greenstat.treshold.revenueYuan=1",
            "--input",
            "x",
            "--output",
            "y");
    assertEquals(2, o.exitCode(), o::toString);
    assertTrue(
        errorLine(o).contains("did you mean 'spark.greenstat.threshold.revenueYuan'"), o::toString);
    assertNoStackTrace(o);
  }

  @Test
  void sparkSubmitConfBeforeTheCommandReachesTheJob() throws Exception {
    Outcome o =
        launch(
            "--driver-memory",
            "1g",
            "--conf",
            "spark.greenstat.treshold.revenueYuan=1",
            "run",
            "--input",
            "x",
            "--output",
            "y");
    assertEquals(2, o.exitCode(), o::toString);
    assertTrue(
        errorLine(o).contains("did you mean 'spark.greenstat.threshold.revenueYuan'"), o::toString);
    assertNoStackTrace(o);
  }

  @Test
  void unknownCommandIsAUsageError() throws Exception {
    Outcome o = launch("--driver-memory", "1g", "frobnicate");
    assertEquals(2, o.exitCode(), o::toString);
    assertTrue(errorLine(o).contains("frobnicate"), o::toString);
    assertNoStackTrace(o);
  }

  @Test
  void unknownSparkSubmitOptionIsRejectedByTheLauncher() throws Exception {
    Outcome o = launch("--no-such-spark-option", "run");
    assertEquals(2, o.exitCode(), o::toString);
    assertTrue(errorLine(o).contains("--no-such-spark-option"), o::toString);
  }

  @Test
  void missingInputIsRejected() throws Exception {
    Outcome o =
        launch(
            "--driver-memory",
            "1g",
            "run",
            "--input",
            "/definitely/missing",
            "--output",
            tmp.resolve("out").toString());
    assertEquals(3, o.exitCode(), o::toString);
    errorLine(o);
    assertNoStackTrace(o);
    assertFalse(Files.exists(tmp.resolve("out/_SUCCESS")), o::toString);
  }
}
