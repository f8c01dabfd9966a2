package io.greenstat.config;

/**
 * A usage or configuration error: the run cannot start as asked. The app maps it to exit code 2.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
