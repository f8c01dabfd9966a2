package io.greenstat.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greenstat.TestSpark;
import io.greenstat.config.JobSettings;
import io.greenstat.config.SettingsLoader;
import io.greenstat.generate.GenerateJob;
import io.greenstat.generate.GeneratorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.RDDInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The pipeline reads its input once: every row of every input file passes through a file scan
 * exactly once per run, however many actions the run takes (the tallies, the quarantine write).
 * Rereading the input would double the cost of the dominant phase at national scale.
 *
 * <p>A listener on the shared session sums, over the run, the input records of the stages that
 * contain a file scan ({@code FileScanRDD}), and the input records of all tasks (which include
 * reads of the persisted one-pass frame, a small fraction of the input).
 */
class SingleScanTest {
  @TempDir Path tmp;

  /** Input metrics of the stages and tasks that ran while it listened. */
  static final class ScanListener extends SparkListener {
    final AtomicLong scanRecords = new AtomicLong();
    final AtomicLong allRecords = new AtomicLong();
    final List<String> scanStages = new CopyOnWriteArrayList<>();

    @Override
    public void onStageCompleted(SparkListenerStageCompleted event) {
      StageInfo info = event.stageInfo();
      boolean scans = false;
      for (RDDInfo rdd : CollectionConverters.asJava(info.rddInfos())) {
        scans |= rdd.name().contains("FileScanRDD");
      }
      if (scans && info.taskMetrics() != null) {
        long records = info.taskMetrics().inputMetrics().recordsRead();
        scanRecords.addAndGet(records);
        scanStages.add("stage " + info.stageId() + " (" + info.name() + "): " + records + " rows");
      }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd event) {
      if (event.taskMetrics() != null) {
        allRecords.addAndGet(event.taskMetrics().inputMetrics().recordsRead());
      }
    }
  }

  /** Runs the pipeline on {@code in} while listening; returns the listener and the result. */
  static ScanListener listenTo(Runnable run) throws Exception {
    SparkSession spark = TestSpark.get();
    spark.sparkContext().listenerBus().waitUntilEmpty(); // earlier jobs' events are not ours
    ScanListener listener = new ScanListener();
    spark.sparkContext().addSparkListener(listener);
    try {
      run.run();
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
    return listener;
  }

  @Test
  void everyInputRowIsScannedExactlyOnce() throws Exception {
    scannedOnce(SettingsLoader.defaults());
  }

  /**
   * In quarantine mode the quarantine write needs the flags too (which need the medians job's
   * result): still one scan, the later jobs read the persisted classified frame.
   */
  @Test
  void everyInputRowIsScannedExactlyOnce_flagsInQuarantineMode() throws Exception {
    scannedOnce(
        SettingsLoader.resolve(
            Map.of(), Map.of(), Map.of("spark.greenstat.flags.mode", "quarantine")));
  }

  private void scannedOnce(JobSettings settings) throws Exception {
    Path in = tmp.resolve("panel");
    // Defects, so that the quarantine write (a second action on the one-pass frame) has rows.
    GenerateJob.run(
        TestSpark.get(), new GeneratorOptions(3_000, 2017, 2022, 11, 0.02), in.toString());
    long files;
    try (Stream<Path> walk = Files.walk(in)) {
      files = walk.filter(p -> p.toString().endsWith(".parquet")).count();
    }
    assertTrue(files >= 5, "several input files: " + files);

    RunResult[] result = new RunResult[1];
    ScanListener l =
        listenTo(
            () ->
                result[0] =
                    new IntensityPipeline(
                            TestSpark.get(),
                            new RunRequest(in.toString(), tmp.resolve("out").toString(), settings))
                        .run());
    long rowsRead = result[0].accounting().rowsRead();
    assertTrue(rowsRead > 10_000, "rows read: " + rowsRead);
    assertTrue(result[0].accounting().rowsQuarantined() > 0);

    assertEquals(
        rowsRead,
        l.scanRecords.get(),
        "rows through file scans over the run should equal the rows read (each file once); scan"
            + " stages: "
            + l.scanStages);
    assertTrue(
        l.allRecords.get() >= rowsRead && l.allRecords.get() < 1.5 * rowsRead,
        "input records of all tasks "
            + l.allRecords.get()
            + " should be the rows read, "
            + rowsRead
            + ", plus small reads of the persisted frame; scan stages: "
            + l.scanStages);
  }
}
