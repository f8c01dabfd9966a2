package io.greenstat.ingest;

/**
 * The input cannot be used: schema, unreadable file, empty or missing path, or too many bad rows.
 * The app maps it to exit code 3. The message names the file, column or path.
 */
public class InputRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputRejectedException(String message) {
    super(message);
  }

  public InputRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
