package io.greenstat.pipeline;

import io.greenstat.ingest.InputRejectedException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Spark task failure caused by bad input data (a Parquet file whose footer was fine but
 * whose pages are not) into an {@link InputRejectedException} naming the file.
 */
final class ScanFailures {
  private static final Pattern FILE =
      Pattern.compile("(?:reading file|file) ([^ ,;]+\\.parq(?:uet)?\\S*)");

  private ScanFailures() {}

  static Optional<InputRejectedException> translate(Throwable failure) {
    boolean parquet = false;
    String file = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String cls = t.getClass().getName();
      String msg = t.getMessage() == null ? "" : t.getMessage();
      if (cls.startsWith("org.apache.parquet")
          || msg.contains("Parquet")
          || msg.contains("parquet")) {
        parquet = true;
      }
      Matcher m = FILE.matcher(msg);
      if (file == null && m.find()) {
        file = m.group(1);
      }
    }
    if (!parquet) {
      return Optional.empty();
    }
    return Optional.of(
        new InputRejectedException(
            "unreadable Parquet data"
                + (file == null ? "" : " in " + file)
                + " (corrupt file?): "
                + rootMessage(failure),
            failure));
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return msg.lines().findFirst().orElse(msg);
  }
}
