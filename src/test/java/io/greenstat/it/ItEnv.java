package io.greenstat.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the integration tests need to start Spark processes the way the launcher does: the project
 * directory, the Maven-resolved classpath the package phase wrote ({@code
 * target/spark-classpath.txt}), the Java 17 module flags (the pom's {@code spark.jvm.flags}, passed
 * by Failsafe as a system property) and the JVM that runs the tests.
 */
public final class ItEnv {
  private ItEnv() {}

  public static final Path BASEDIR =
      Path.of(System.getProperty("greenstat.basedir", ".")).toAbsolutePath().normalize();

  public static Path target() {
    return BASEDIR.resolve("target");
  }

  /** The java binary of the running JVM. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The Java 17 module flags Spark needs, from pom.xml via Failsafe. */
  public static List<String> jvmFlags() {
    String flags = System.getProperty("greenstat.spark.jvm.flags");
    if (flags == null || flags.isBlank()) {
      throw new IllegalStateException(
          "system property greenstat.spark.jvm.flags not set (run the ITs through Failsafe)");
    }
    return Arrays.stream(flags.trim().split("\\s+")).toList();
  }

  /** The launcher's classpath: Spark, Hadoop, hadoop-aws and spark-hadoop-cloud from Maven. */
  public static String sparkClasspath() {
    Path file = target().resolve("spark-classpath.txt");
    try {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(file + " missing: run the ITs after 'package'", e);
    }
  }

  /** What one launcher run printed and returned. */
  public record Outcome(int exitCode, String stdout, String stderr, Duration wall) {
    @Override
    public String toString() {
      return "exit "
          + exitCode
          + " after "
          + wall
          + "\n--- stdout:\n"
          + stdout
          + "--- stderr:\n"
          + stderr;
    }
  }

  /**
   * Runs {@code jobs/greenstat ARGS} as a process (no SPARK_HOME: SparkSubmit from the Maven
   * classpath), logs in {@code logDir/<name>.out|.err}.
   */
  public static Outcome greenstat(
      String name, List<String> args, Map<String, String> env, Path logDir, Duration timeout)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    return finish(startGreenstat(name, args, env, logDir), start, timeout);
  }

  /**
   * Starts {@code jobs/greenstat ARGS} like {@link #greenstat} without waiting, for a test that
   * acts on the cluster while the job runs; {@link #finish} waits for it.
   */
  public static ChildProcess startGreenstat(
      String name, List<String> args, Map<String, String> env, Path logDir) throws IOException {
    return startJob("greenstat", name, args, env, logDir);
  }

  /** Runs {@code jobs/nightly ARGS} as cron would, logs in {@code logDir/<name>.out|.err}. */
  public static Outcome nightly(String name, List<String> args, Path logDir, Duration timeout)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    return finish(startJob("nightly", name, args, Map.of(), logDir), start, timeout);
  }

  private static ChildProcess startJob(
      String script, String name, List<String> args, Map<String, String> env, Path logDir)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(BASEDIR.resolve("jobs/" + script).toString());
    command.addAll(args);
    return ChildProcess.start(name, command, env, logDir, logDir);
  }

  /**
   * Waits for a run {@link #startGreenstat} started at {@code startNanos} ({@link
   * System#nanoTime}); stops it and fails after {@code timeout}.
   */
  public static Outcome finish(ChildProcess p, long startNanos, Duration timeout)
      throws InterruptedException {
    int code = p.waitFor(timeout);
    Outcome o =
        new Outcome(code, p.stdout(), p.stderr(), Duration.ofNanos(System.nanoTime() - startNanos));
    // The package phase built the jar just before: a build here would rewrite target/ mid-verify.
    assertFalse(o.stderr().contains("building the application jar"), () -> "rebuilt:\n" + o);
    return o;
  }

  /** Deletes a directory tree if it exists. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
