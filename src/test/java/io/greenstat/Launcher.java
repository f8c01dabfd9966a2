package io.greenstat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code jobs/greenstat} as a process for integration tests, as a user does: without
 * SPARK_HOME (so SparkSubmit runs from the Maven classpath), in a working directory of the test's,
 * with stdout and stderr captured in files.
 */
public final class Launcher {
  private Launcher() {}

  public static final Path BASEDIR = Path.of(System.getProperty("greenstat.basedir", "."));
  public static final long TIMEOUT_SECONDS = 180;

  /** What one launcher run printed and returned. */
  public record Outcome(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr;
    }

    /** The one line saying what went wrong; fails unless there is exactly one. */
    public String errorLine() {
      List<String> lines = stderr.lines().filter(l -> l.startsWith("greenstat: ")).toList();
      assertEquals(1, lines.size(), () -> "expected one 'greenstat: ' line:\n" + this);
      return lines.get(0);
    }

    public void assertNoStackTrace() {
      assertFalse(stderr.contains("\tat "), () -> "stack trace without --verbose:\n" + this);
    }
  }

  /** A started launcher process and the files its output goes to. */
  public record Started(Process process, Path stdout, Path stderr) {
    public Outcome outcome() throws IOException {
      return new Outcome(
          process.exitValue(),
          Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    }
  }

  /** Starts {@code jobs/greenstat args} in {@code workDir} with extra environment variables. */
  public static Started start(Path workDir, Map<String, String> env, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(BASEDIR.resolve("jobs/greenstat").toAbsolutePath().toString());
    command.addAll(args);
    Path out = Files.createTempFile(workDir, "stdout", ".txt");
    Path err = Files.createTempFile(workDir, "stderr", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().remove("SPARK_HOME");
    pb.environment().remove("SPARK_CONF_DIR");
    pb.environment().putAll(env);
    return new Started(pb.start(), out, err);
  }

  /** Runs {@code jobs/greenstat args} to its end (at most {@link #TIMEOUT_SECONDS}). */
  public static Outcome run(Path workDir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Started s = start(workDir, env, List.of(args));
    if (!s.process().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      killTree(s.process());
      throw new AssertionError(
          "jobs/greenstat " + String.join(" ", args) + " still running after " + TIMEOUT_SECONDS);
    }
    Outcome o = s.outcome();
    // verify builds the jar before the integration tests: a build here would rewrite target/.
    assertFalse(o.stderr().contains("building the application jar"), () -> "rebuilt:\n" + o);
    return o;
  }

  public static Outcome run(Path workDir, String... args) throws IOException, InterruptedException {
    return run(workDir, Map.of(), args);
  }

  /**
   * Kills the process and all its descendants at once with SIGKILL (kill -9: no shutdown hooks, no
   * cleanup), and waits until every one of them is gone.
   */
  public static void killTree(Process process) throws InterruptedException {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(0, process.toHandle());
    tree.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle h : tree) {
      try {
        h.onExit().get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new AssertionError("process " + h.pid() + " survived kill -9", e);
      }
    }
  }
}
