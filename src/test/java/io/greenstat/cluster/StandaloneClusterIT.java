package io.greenstat.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
 * <p>Both runs use 2 cores and 8 shuffle partitions (local.properties' value): the sums are
 * doubles, and a different partitioning would add them in a different order. Logs and the worker's
 * directory stay under {@code target/cluster-it/}.
 */
class StandaloneClusterIT {
  private static final Path DIR = ItEnv.target().resolve("cluster-it");
  private static final Path LOGS = DIR.resolve("logs");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(300);

  private static final List<ChildProcess> cluster = new ArrayList<>();
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

  @Test
  void clientModeRunOnTheClusterEqualsTheLocalRun() throws Exception {
    Path input = ItDatasets.input();
    Path local = ItDatasets.localReference();
    Path out = DIR.resolve("out");

    ItEnv.Outcome o =
        ItEnv.greenstat(
            "cluster-run",
            List.of(
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
                "spark.sql.shuffle.partitions=8",
                "--conf",
                "spark.executor.extraClassPath=" + ItEnv.sparkClasspath(),
                "--conf",
                "spark.driver.host=127.0.0.1",
                "--conf",
                "spark.driver.bindAddress=127.0.0.1",
                "--conf",
                "spark.ui.enabled=false",
                "run",
                "--input",
                input.toString(),
                "--output",
                out.toString()),
            Map.of(),
            LOGS,
            RUN_TIMEOUT);
    assertEquals(0, o.exitCode(), o::toString);
    assertTrue(Files.exists(out.resolve("_SUCCESS")), o::toString);

    // It ran on the cluster: the manifest names the master, and the worker's executor ran tasks.
    String manifest = Files.readString(out.resolve("_MANIFEST.json"), StandardCharsets.UTF_8);
    assertTrue(manifest.contains(masterUrl), manifest);
    String executorLog = executorStderr();
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

  /** The stderr of every executor the worker started (work-dir/app-*&#47;N/stderr). */
  private static String executorStderr() throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> s = Files.walk(workerDir)) {
      for (Path p : s.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
        sb.append(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return sb.toString();
  }
}
