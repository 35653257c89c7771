package io.github.devtoolssessions.core;

/**
 * The response did not arrive within the request's timeout ({@link TransportRequest#timeout()}):
 * the server took too long to answer, or stalled while sending the body.
 */
public class ResponseTimeoutException extends TransportException {

  private static final long serialVersionUID = 1L;

  /** An exception with a message and the HTTP stack's exception as the cause. */
  public ResponseTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
