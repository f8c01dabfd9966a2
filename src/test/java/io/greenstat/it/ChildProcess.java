package io.greenstat.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A process an integration test starts (a Spark master, a worker, the launcher), with its stdout
 * and stderr in files of a log directory. {@link #stop} ends it and every process it started
 * (executors, the JVM behind a shell script). Every process still running when the test JVM exits
 * is stopped by a shutdown hook as well, so a failed or killed test run leaves none behind.
 */
public final class ChildProcess implements AutoCloseable {
  private static final Set<ChildProcess> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(ChildProcess::stop)));
  }

  private final String name;
  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private ChildProcess(String name, Process process, Path stdout, Path stderr) {
    this.name = name;
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * Starts {@code command} in {@code workDir} with the test JVM's environment changed by {@code
   * env} (a null value removes a variable); output goes to {@code logDir/<name>.out} and {@code
   * .err}.
   */
  public static ChildProcess start(
      String name, List<String> command, Map<String, String> env, Path workDir, Path logDir)
      throws IOException {
    Files.createDirectories(logDir);
    Path out = logDir.resolve(name + ".out");
    Path err = logDir.resolve(name + ".err");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    // Nothing of the developer's own Spark or cloud setup may leak into a test.
    pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("SPARK_"));
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    env.forEach(
        (k, v) -> {
          if (v == null) {
            pb.environment().remove(k);
          } else {
            pb.environment().put(k, v);
          }
        });
    ChildProcess p = new ChildProcess(name, pb.start(), out, err);
    RUNNING.add(p);
    return p;
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The processes it started, and theirs (a worker's executors). */
  public List<ProcessHandle> descendants() {
    return process.descendants().toList();
  }

  public String stdout() {
    return read(stdout);
  }

  public String stderr() {
    return read(stderr);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }

  /**
   * Waits until stdout or stderr has a line matching {@code pattern}; fails when the process ends
   * first or the time runs out, quoting the end of its log.
   */
  public void awaitLog(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (pattern.matcher(stderr()).find() || pattern.matcher(stdout()).find()) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            name
                + " exited ("
                + process.exitValue()
                + ") before logging /"
                + pattern
                + "/"
                + tail());
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + " did not log /" + pattern + "/ within " + timeout + tail());
  }

  /** Waits for the process to end; stops it and fails after {@code timeout}. */
  public int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      stop();
      throw new AssertionError(name + " still running after " + timeout + tail());
    }
    RUNNING.remove(this);
    return process.exitValue();
  }

  /** The last lines of both logs, for failure messages. */
  public String tail() {
    return "\n--- "
        + name
        + " stdout (end):\n"
        + last(stdout(), 40)
        + "\n--- stderr (end):\n"
        + last(stderr(), 60);
  }

  private static String last(String text, int lines) {
    List<String> all = text.lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /**
   * Ends the process and its descendants: SIGTERM to all (children first, so that a worker does not
   * restart executors), up to 10 s grace, then SIGKILL to whatever is left.
   */
  public void stop() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    for (ProcessHandle h : tree) {
      while (h.isAlive() && System.nanoTime() < deadline) {
        try {
          h.onExit().get(100, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
          // still running: poll again until the deadline
        }
      }
      if (h.isAlive()) {
        h.destroyForcibly();
      }
    }
    RUNNING.remove(this);
  }

  @Override
  public void close() {
    stop();
  }
}
