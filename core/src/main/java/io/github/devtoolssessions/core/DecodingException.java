package io.github.devtoolssessions.core;

/**
 * A body could not be read: it is not JSON, is cut short, or has a shape that is not the one
 * expected (a session without its {@code sessionId}, say). Codecs throw it in place of their JSON
 * library's own exceptions, which they keep as the cause.
 */
public class DecodingException extends DevtoolsSessionsException {

  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public DecodingException(String message) {
    super(message);
  }

  /** An exception with a message and the JSON library's exception as the cause. */
  public DecodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
