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

  /** An exception with a message. */
  public DevtoolsSessionsException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public DevtoolsSessionsException(String message, Throwable cause) {
    super(message, cause);
  }
}
