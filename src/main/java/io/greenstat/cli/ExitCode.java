package io.greenstat.cli;

/** Process exit codes, as the contract fixes them. */
public final class ExitCode {
  private ExitCode() {}

  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;
  public static final int INPUT_REJECTED = 3;
}
