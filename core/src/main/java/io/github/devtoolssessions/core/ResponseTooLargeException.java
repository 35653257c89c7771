package io.github.devtoolssessions.core;

/**
 * The response body, decoded if it came compressed, exceeded the cap of {@link
 * TransportRequest#maxBodyBytes()}. The transport stopped reading and decoding and released the
 * connection. Not retried: the same request would bring the same body.
 */
public class ResponseTooLargeException extends DevtoolsSessionsException {

  private static final long serialVersionUID = 1L;

  private final long maxBodyBytes;

  /**
   * An exception for a body over the cap.
   *
   * @param request the request whose response was too large
   * @param maxBodyBytes the cap that was exceeded
   */
  public ResponseTooLargeException(TransportRequest request, long maxBodyBytes) {
    super(
        "the response to "
            + request
            + " has a body larger than the cap of "
            + maxBodyBytes
            + " bytes; reading stopped (raise maxResponseBytes on the client builder if this is"
            + " expected)");
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The cap that was exceeded, in bytes. */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }
}
