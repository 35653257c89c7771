package io.github.devtoolssessions.core;

import java.time.Duration;

/**
 * The call's overall deadline passed: an attempt was cut short by it, or the wait before the next
 * attempt would have reached past it, so no further attempt was started. The last failure is the
 * cause; earlier ones are suppressed.
 */
public class DeadlineExceededException extends DevtoolsSessionsException {

  private static final long serialVersionUID = 1L;

  private final Duration deadline;

  /**
   * An exception for a deadline that passed.
   *
   * @param message what was cut short, and why
   * @param deadline the deadline that was exceeded
   * @param cause the last failure, if any
   */
  public DeadlineExceededException(String message, Duration deadline, Throwable cause) {
    super(message, cause);
    this.deadline = deadline;
  }

  /** The overall deadline of the call. */
  public Duration deadline() {
    return deadline;
  }
}
