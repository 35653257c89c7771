package io.github.devtoolssessions.core;

/**
 * No response could be had: the connection was refused or reset, the host is unknown, the exchange
 * was cut off. Transports throw it, with their HTTP stack's exception as the cause. Connection
 * failures are retried by the client.
 */
public class TransportException extends DevtoolsSessionsException {

  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public TransportException(String message) {
    super(message);
  }

  /** An exception with a message and the HTTP stack's exception as the cause. */
  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
