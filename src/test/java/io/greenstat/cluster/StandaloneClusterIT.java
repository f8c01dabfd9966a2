package io.greenstat.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenstat.it.ChildProcess;
import io.greenstat.it.ItDatasets;
import io.greenstat.it.ItEnv;
import io.greenstat.it.OutputFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Spark standalone cluster on loopback, from the Maven-resolved jars (no Spark
 * distribution): a Master and one Worker as child processes, then {@code jobs/greenstat --master
 * spark://...} in client mode with {@code conf/cluster.properties}, the way a user submits to a
 * cluster. The executor runs in a JVM of its own that the worker starts; the outputs must equal a
 * local-mode run of the same input byte for byte.
 *
 * <p>A second run loses its executor mid-run (kill -9) and must still publish the same bytes.
 *
 * <p>The cluster runs keep conf/cluster.properties' 48 shuffle partitions where the local run has
 * local.properties' 8: the sums are doubles, and greenstat adds them in an order fixed by its own
 * firm partitioning (spark.greenstat.partitions), so Spark's parallelism must not show in the
 * bytes. Logs and the worker's directory stay under {@code target/cluster-it/}.
 */
class StandaloneClusterIT {
  private static final Path DIR = ItEnv.target().resolve("cluster-it");
  private static final Path LOGS = DIR.resolve("logs");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(300);

  private static final String MANIFEST = "_MANIFEST.json";
  // Executor log lines: "Running task 3.0 in stage 5.0 (TID 21)", the stage as ID.attempt.
  private static final Pattern STAGE_TASK =
      Pattern.compile("Running task \\S+ in stage ([0-9]+)\\.");
  private static final Pattern RETRIED_STAGE_TASK =
      Pattern.compile("Running task \\S+ in stage [0-9]+\\.[1-9]");

  private static final List<ChildProcess> cluster = new ArrayList<>();
  private static ChildProcess worker;
  private static String masterUrl;
  private static Path workerDir;
  private static Duration clusterStart;

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static List<String> daemon(String mainClass) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ItEnv.java());
    cmd.addAll(ItEnv.jvmFlags());
    cmd.add("-Xmx512m");
    cmd.add("-Dspark.master.rest.enabled=false"); // else a REST server on 6066
    cmd.add("-cp");
    cmd.add(ItEnv.sparkClasspath());
    cmd.add(mainClass);
    return cmd;
  }

  @BeforeAll
  static void startCluster() throws Exception {
    ItEnv.deleteTree(DIR);
    Files.createDirectories(LOGS);
    long start = System.nanoTime();
    try {
      int masterPort = freePort();
      List<String> master = daemon("org.apache.spark.deploy.master.Master");
      master.addAll(
          List.of(
              "--host", "127.0.0.1", "--port", "" + masterPort, "--webui-port", "" + freePort()));
      ChildProcess m = ChildProcess.start("master", master, Map.of(), DIR, LOGS);
      cluster.add(m);
      masterUrl = "spark://127.0.0.1:" + masterPort;

      // The worker builds executor command lines from SPARK_HOME: an empty jars/ directory is
      // enough when the job gives the executors their classpath (spark.executor.extraClassPath).
      Path sparkHome = DIR.resolve("spark-home");
      Files.createDirectories(sparkHome.resolve("jars"));
      workerDir = DIR.resolve("worker");
      Files.createDirectories(workerDir);
      List<String> worker = daemon("org.apache.spark.deploy.worker.Worker");
      worker.addAll(
          List.of(
              masterUrl,
              "--host",
              "127.0.0.1",
              "--port",
              "" + freePort(),
              "--webui-port",
              "" + freePort(),
              "--cores",
              "2",
              "--memory",
              "2g",
              "--work-dir",
              workerDir.toString()));
      m.awaitLog(Pattern.compile("I have been elected leader"), START_TIMEOUT);
      ChildProcess w =
          ChildProcess.start(
              "worker",
              worker,
              Map.of(
                  "SPARK_HOME", sparkHome.toString(),
                  "SPARK_SCALA_VERSION", "2.13",
                  "JAVA_HOME", System.getProperty("java.home")),
              DIR,
              LOGS);
      cluster.add(w);
      StandaloneClusterIT.worker = w;
      w.awaitLog(Pattern.compile("Successfully registered with master"), START_TIMEOUT);
    } catch (Throwable t) {
      stopCluster();
      throw t;
    }
    clusterStart = Duration.ofNanos(System.nanoTime() - start);
  }

  @AfterAll
  static void stopCluster() {
    // Worker first (it stops its executors), then the master; each with its process tree.
    for (int i = cluster.size() - 1; i >= 0; i--) {
      cluster.get(i).stop();
    }
    cluster.clear();
  }

  /** jobs/greenstat's arguments for a client-mode run on the cluster. */
  private static List<String> clusterRun(Path input, Path out) {
    List<String> args = new ArrayList<>(sparkOptions());
    args.addAll(List.of("run", "--input", input.toString(), "--output", out.toString()));
    return args;
  }

  /** The spark-submit options of a client-mode run on the cluster (no blanks inside one). */
  private static List<String> sparkOptions() {
    return List.of(
        "--master",
        masterUrl,
        "--deploy-mode",
        "client",
        "--properties-file",
        ItEnv.BASEDIR.resolve("conf/cluster.properties").toString(),
        "--driver-memory",
        "1g",
        // What one small worker offers, instead of cluster.properties' examples.
        "--conf",
        "spark.executor.memory=1g",
        "--conf",
        "spark.executor.cores=2",
        "--conf",
        "spark.cores.max=2",
        "--conf",
        "spark.executor.extraClassPath=" + ItEnv.sparkClasspath(),
        "--conf",
        "spark.driver.host=127.0.0.1",
        "--conf",
        "spark.driver.bindAddress=127.0.0.1",
        "--conf",
        "spark.ui.enabled=false");
  }

  /**
   * Issue 3, item 4: jobs/nightly as cron runs it, against the cluster. The first night is a full
   * run equal to the local run; the same date run again continues from latest (itself), reads no
   * input and publishes the same bytes; a failing night (quality gate at 0 %, exit 3) leaves latest
   * where it was and publishes nothing.
   */
  @Test
  void nightlyOnTheClusterRerunsIdenticallyAndAFailedNightLeavesLatest() throws Exception {
    Path input = ItDatasets.input();
    Path local = ItDatasets.localReference();
    Path root = DIR.resolve("nightly");
    String spark = String.join(" ", sparkOptions());
    List<String> night =
        List.of("--input", input.toString(), "--output-root", root.toString(), "--spark", spark);
    Path published = root.resolve("run_date=2026-11-28");

    ItEnv.Outcome first =
        ItEnv.nightly("nightly-1", with(night, "--run-date", "2026-11-28"), LOGS, RUN_TIMEOUT);
    assertEquals(0, first.exitCode(), first::toString);
    assertEquals("run_date=2026-11-28", Files.readSymbolicLink(root.resolve("latest")).toString());
    OutputFiles.assertSame(
        OutputFiles.local(local, OutputFiles.REPRODUCIBLE),
        OutputFiles.local(published, OutputFiles.REPRODUCIBLE));
    Map<String, byte[]> firstFiles = withoutManifest(OutputFiles.local(published));
    assertTrue(firstFiles.containsKey("_partials/tallies.tsv"), firstFiles::toString);

    ItEnv.Outcome again =
        ItEnv.nightly("nightly-2", with(night, "--run-date", "2026-11-28"), LOGS, RUN_TIMEOUT);
    assertEquals(0, again.exitCode(), again::toString);
    JsonNode manifest = new ObjectMapper().readTree(published.resolve(MANIFEST).toFile());
    assertEquals("unchanged", manifest.path("run_mode").asText(), manifest::toString);
    assertEquals(0, manifest.path("input_files_scanned").asInt(-1), manifest::toString);
    OutputFiles.assertSame(firstFiles, withoutManifest(OutputFiles.local(published)));

    ItEnv.Outcome failed =
        ItEnv.nightly(
            "nightly-3",
            with(
                night,
                "--run-date",
                "2026-11-29",
                "--",
                "--set",
                "spark.greenstat.quality.maxQuarantinedShare=0"),
            LOGS,
            RUN_TIMEOUT);
    assertEquals(3, failed.exitCode(), failed::toString);
    assertEquals("run_date=2026-11-28", Files.readSymbolicLink(root.resolve("latest")).toString());
    assertFalse(Files.exists(root.resolve("run_date=2026-11-29/_SUCCESS")), failed::toString);
    OutputFiles.assertSame(firstFiles, withoutManifest(OutputFiles.local(published)));
  }

  private static List<String> with(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all;
  }

  private static Map<String, byte[]> withoutManifest(Map<String, byte[]> files) {
    Map<String, byte[]> m = new java.util.TreeMap<>(files);
    m.remove(MANIFEST);
    return m;
  }

  @Test
  void clientModeRunOnTheClusterEqualsTheLocalRun() throws Exception {
    Path input = ItDatasets.input();
    Path local = ItDatasets.localReference();
    Path out = DIR.resolve("out");

    Set<Path> before = applications();
    ItEnv.Outcome o =
        ItEnv.greenstat("cluster-run", clusterRun(input, out), Map.of(), LOGS, RUN_TIMEOUT);
    assertEquals(0, o.exitCode(), o::toString);
    assertTrue(Files.exists(out.resolve("_SUCCESS")), o::toString);

    // It ran on the cluster: the manifest names the master, and the worker's executor ran tasks.
    String manifest = Files.readString(out.resolve("_MANIFEST.json"), StandardCharsets.UTF_8);
    assertTrue(manifest.contains(masterUrl), manifest);
    String executorLog = executorStderr(newApplication(before));
    assertTrue(
        executorLog.contains("Finished task"),
        () -> "no task in the executor log:\n" + executorLog);

    OutputFiles.assertSame(
        OutputFiles.local(local, OutputFiles.REPRODUCIBLE),
        OutputFiles.local(out, OutputFiles.REPRODUCIBLE));
    assertFalse(OutputFiles.local(out, List.of("quarantine/")).isEmpty(), "quarantine written");

    System.out.printf(
        "StandaloneClusterIT: cluster up in %.1f s; cluster run %.1f s; %s%n",
        clusterStart.toMillis() / 1000.0, o.wall().toMillis() / 1000.0, ItDatasets.timings());
  }

  /**
   * Issue 6, item 5: the executor JVM is killed with SIGKILL while the job's tasks run, and the run
   * still succeeds with the same bytes as the local run. Nothing is configured for this: a
   * standalone master relaunches an executor that exited abnormally (up to
   * spark.deploy.maxExecutorRetries = 10 times in a row), the driver reschedules the lost tasks
   * (each task may fail spark.task.maxFailures = 4 times) and recomputes what the dead executor
   * held, its shuffle files and any blocks of the persisted pass. The defaults are tested because
   * they are what a user's cluster has.
   *
   * <p>The kill comes when the executor has started a task of its second stage: the first stage's
   * shuffle output (the input read and partitioned by firm) is then on that executor only, and goes
   * down with it, with the quarantine and six tables still to be written. Waiting for a log line
   * rather than sleeping makes the kill land mid-run however slow the machine is; the assertions
   * below fail if the run ended before, if nothing was relaunched, or if no lost work was
   * recomputed.
   */
  @Test
  void killedExecutorIsReplacedAndTheOutputIsUnchanged() throws Exception {
    Path input = ItDatasets.input();
    Path local = ItDatasets.localReference();
    Path out = DIR.resolve("out-executor-loss");
    Set<Path> before = applications();

    long start = System.nanoTime();
    ChildProcess run =
        ItEnv.startGreenstat("executor-loss-run", clusterRun(input, out), Map.of(), LOGS);
    ProcessHandle executor;
    Path app;
    long killedAt;
    ItEnv.Outcome o;
    try {
      app = awaitRunningTask(before, run);
      executor = executorZero(app);
      // destroyForcibly is SIGKILL on Linux (kill -9): no shutdown hook, no goodbye to the driver.
      assertTrue(executor.destroyForcibly(), "SIGKILL not sent to executor " + executor.pid());
      executor.onExit().get(30, TimeUnit.SECONDS);
      killedAt = System.nanoTime();
      o = ItEnv.finish(run, start, RUN_TIMEOUT);
    } finally {
      // The run must not outlive a failed test (the shutdown hook stops it only when the whole
      // Failsafe JVM ends); after a normal end this does nothing.
      run.stop();
    }

    assertEquals(0, o.exitCode(), o::toString);
    assertTrue(Files.exists(out.resolve("_SUCCESS")), o::toString);
    // An executor was really lost, and replaced: the driver logged the loss, the worker started
    // executor 1 for the same application, and that executor ran the tasks that were left.
    assertTrue(
        Pattern.compile("Lost executor 0\\b").matcher(o.stderr()).find(),
        () -> "the driver did not log the lost executor:\n" + o);
    Path replacement = app.resolve("1").resolve("stderr");
    assertTrue(Files.exists(replacement), () -> "no executor 1 in " + app + "\n" + o);
    String replacementLog = Files.readString(replacement, StandardCharsets.UTF_8);
    assertTrue(
        replacementLog.contains("Finished task"),
        () -> "the replacement executor ran no task:\n" + replacementLog);
    // The lost shuffle output was recomputed: a stage ran again as a new attempt.
    assertTrue(
        RETRIED_STAGE_TASK.matcher(replacementLog).find(),
        () -> "no stage was retried on the replacement executor:\n" + replacementLog);

    // Every output file byte for byte (Parquet footers as OutputFiles.assertSame allows) but the
    // manifest, which is compared without its run-specific fields.
    Map<String, byte[]> expected = OutputFiles.local(local);
    Map<String, byte[]> actual = OutputFiles.local(out);
    assertEquals(
        withoutRunFields(expected.remove(MANIFEST)),
        withoutRunFields(actual.remove(MANIFEST)),
        "_MANIFEST.json without its run-specific fields");
    OutputFiles.assertSame(expected, actual);
    assertTrue(
        expected.keySet().containsAll(List.of("report.html", "summary.json", "_SUCCESS")),
        () -> "outputs: " + expected.keySet());

    System.out.printf(
        "StandaloneClusterIT: executor pid %d killed %.1f s into a %.1f s run%n",
        executor.pid(), (killedAt - start) / 1e9, o.wall().toMillis() / 1000.0);
  }

  /** The application directories (app-*) in the worker's work directory. */
  private static Set<Path> applications() throws IOException {
    try (Stream<Path> s = Files.list(workerDir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("app-"))
          .collect(Collectors.toSet());
    }
  }

  /** The one application directory that is not in {@code before}. */
  private static Path newApplication(Set<Path> before) throws IOException {
    Set<Path> added = new HashSet<>(applications());
    added.removeAll(before);
    assertEquals(1, added.size(), () -> "new applications on the worker: " + added);
    return added.iterator().next();
  }

  /**
   * Waits until the run's first executor (work-dir/app-*&#47;0) has started tasks of two stages, so
   * that the first one's output is on it; returns the application's directory. Fails if the run
   * ends first. (Counting stages rather than expecting stage 1 holds even if Spark ran a job of its
   * own first, such as a parallel file listing.)
   */
  private static Path awaitRunningTask(Set<Path> before, ChildProcess run) throws Exception {
    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Set<Path> added = new HashSet<>(applications());
      added.removeAll(before);
      for (Path app : added) {
        Path log = app.resolve("0").resolve("stderr");
        if (Files.exists(log)
            && STAGE_TASK
                    .matcher(Files.readString(log, StandardCharsets.UTF_8))
                    .results()
                    .map(m -> m.group(1))
                    .distinct()
                    .count()
                >= 2) {
          return app;
        }
      }
      if (!run.isAlive()) {
        throw new AssertionError("the run ended before its executor started a task" + run.tail());
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no executor task started within " + RUN_TIMEOUT + run.tail());
  }

  /**
   * The JVM of the application's executor 0: the worker's child whose command line runs
   * CoarseGrainedExecutorBackend for this application. Only this worker's descendants are looked
   * at: other tests on the machine may run executors of their own.
   */
  private static ProcessHandle executorZero(Path app) {
    String appId = app.getFileName().toString();
    List<ProcessHandle> executors = new ArrayList<>();
    List<String> executorArgs = List.of();
    for (ProcessHandle h : worker.descendants()) {
      List<String> args = arguments(h);
      if (args.contains("org.apache.spark.executor.CoarseGrainedExecutorBackend")
          && args.contains(appId)) {
        executors.add(h);
        executorArgs = args;
      }
    }
    assertEquals(1, executors.size(), () -> "executor processes of the worker: " + executors);
    int id = executorArgs.indexOf("--executor-id");
    assertTrue(id >= 0 && executorArgs.get(id + 1).equals("0"), "not executor 0: " + executorArgs);
    return executors.get(0);
  }

  /**
   * A process's whole command line. ProcessHandle.Info has only the first 4096 bytes of it on Linux
   * (and then no argument list at all), while an executor's classpath alone is longer: the class
   * name comes after it. So /proc/PID/cmdline is read whole; without /proc (not Linux), what
   * ProcessHandle.Info gives.
   */
  private static List<String> arguments(ProcessHandle h) {
    Path cmdline = Path.of("/proc", Long.toString(h.pid()), "cmdline");
    if (!Files.isDirectory(Path.of("/proc/self"))) {
      List<String> args = new ArrayList<>();
      h.info().command().ifPresent(args::add);
      args.addAll(List.of(h.info().arguments().orElse(new String[0])));
      return args;
    }
    try {
      return List.of(new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0"));
    } catch (IOException e) {
      return List.of(); // the process has ended
    }
  }

  /** A manifest without what differs from run to run (times, output path, master URL). */
  private static JsonNode withoutRunFields(byte[] manifest) throws IOException {
    assertNotNull(manifest, "no " + MANIFEST);
    ObjectNode m = (ObjectNode) new ObjectMapper().readTree(manifest);
    m.remove(
        List.of("started_at", "finished_at", "duration_seconds", "output_path", "spark_master"));
    return m;
  }

  /** The stderr of every executor the worker started for one application (app-*&#47;N/stderr). */
  private static String executorStderr(Path app) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> s = Files.walk(app)) {
      for (Path p : s.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
        sb.append(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return sb.toString();
  }
}
