package io.github.devtoolssessions.core;

/**
 * The root of every exception the library throws about a call. Unchecked, like the exceptions of
 * the official SDKs; catch the subtypes for what you can handle: {@link ApiException} (the API
 * answered with an error), {@link TransportException} (no answer), {@link DecodingException} (an
 * answer that could not be read).
 *
 * <p>No message of this hierarchy ever contains a credential.
 */
public class DevtoolsSessionsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private int attempts = 1;

  /** An exception with a message. */
  public DevtoolsSessionsException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public DevtoolsSessionsException(String message, Throwable cause) {
    super(message, cause);
  }

  /** How many times the request was sent before the call gave up; 1 unless it was retried. */
  public int attempts() {
    return attempts;
  }

  /**
   * Records how many attempts the call made; the retry loop sets it on the exception it throws, and
   * the message then says so.
   *
   * @throws IllegalArgumentException if less than 1
   */
  public void recordAttempts(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts = " + attempts + " is invalid: it must be >= 1");
    }
    this.attempts = attempts;
  }

  /** The message, followed by the number of attempts when there were several. */
  @Override
  public String getMessage() {
    String message = super.getMessage();
    return attempts > 1 ? message + " [after " + attempts + " attempts]" : message;
  }
}
