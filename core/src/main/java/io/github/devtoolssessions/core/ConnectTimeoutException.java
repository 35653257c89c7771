package io.github.devtoolssessions.core;

/** No connection could be made within the connect timeout ({@link TransportOptions}). */
public class ConnectTimeoutException extends TransportException {

  private static final long serialVersionUID = 1L;

  /** An exception with a message and the HTTP stack's exception as the cause. */
  public ConnectTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
