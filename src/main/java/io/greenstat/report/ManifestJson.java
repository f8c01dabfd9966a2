package io.greenstat.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.greenstat.config.JobSettings;
import io.greenstat.metrics.RowAccounting;
import io.greenstat.quality.FlagSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code _MANIFEST.json}: run metadata and the row accounting. Unlike the reports it records wall
 * times, so it is the one output file that differs between two runs of the same input.
 */
public final class ManifestJson {
  private ManifestJson() {}

  /**
   * Run metadata not in the report model.
   *
   * @param outputPath where the run publishes
   * @param startedAt run start
   * @param finishedAt end of the run's work, just before publishing
   * @param sparkVersion the Spark version that ran it
   * @param sparkMaster the master URL
   * @param runMode full, incremental or unchanged
   * @param runModeReason why
   * @param filesScanned input files whose data was read
   * @param outputs files and directories written, relative to the output
   */
  public record RunInfo(
      String outputPath,
      Instant startedAt,
      Instant finishedAt,
      String sparkVersion,
      String sparkMaster,
      String runMode,
      String runModeReason,
      int filesScanned,
      List<String> outputs) {}

  public static String render(ReportModel model, RunInfo run) {
    RowAccounting a = model.accounting();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("program", "greenstat");
    m.put("program_version", model.programVersion());
    m.put("input_path", model.inputPath());
    m.put("output_path", run.outputPath());
    m.put("threshold_rule", model.settings().thresholdRule());
    m.put("started_at", run.startedAt().toString());
    m.put("finished_at", run.finishedAt().toString());
    m.put(
        "duration_seconds",
        Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0);
    m.put("spark_version", run.sparkVersion());
    m.put("spark_master", run.sparkMaster());
    m.put("run_mode", run.runMode());
    m.put("run_mode_reason", run.runModeReason());
    m.put("input_files", a.inputFiles());
    m.put("input_files_scanned", run.filesScanned());
    m.put("rows_read", a.rowsRead());
    m.put("rows_quarantined", a.rowsQuarantined());
    m.put("quarantine_by_reason", a.quarantineByReason());
    m.put("duplicates_collapsed", a.duplicatesCollapsed());
    m.put("rows_out_of_scope", a.rowsOutOfScope());
    m.put("out_of_scope_by_reason", a.outOfScopeByReason());
    m.put("rows_below_threshold", a.rowsBelowThreshold());
    m.put("rows_aggregated", a.rowsAggregated());
    m.put("accounting_balances", a.balances());
    FlagSummary flags = model.flags() == null ? FlagSummary.none() : model.flags();
    m.put("flags_mode", flags.mode().name().toLowerCase(java.util.Locale.ROOT));
    m.put("flags", flags.flags().size());
    m.put("flagged_firm_years", flags.firmYears());
    m.put("flags_by_reason", flags.byReason());
    Map<String, Object> settings = new LinkedHashMap<>();
    for (Map.Entry<String, JobSettings.SettingValue> e : model.settings().asEntries()) {
      settings.put(
          e.getKey(),
          Map.of(
              "value",
              e.getValue().value(),
              "source",
              e.getValue().source().name().toLowerCase(java.util.Locale.ROOT)));
    }
    m.put("settings", settings);
    m.put("outputs", run.outputs());
    return pretty(m);
  }

  /**
   * A map as indented JSON with keys sorted at every level and a final newline: the same map gives
   * the same bytes (the manifest, and the partials an incremental run keeps).
   */
  public static String pretty(Map<String, Object> m) {
    try {
      return new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
              .writeValueAsString(m)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
