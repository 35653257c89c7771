package io.github.devtoolssessions.core;

import java.util.Objects;

/**
 * One HTTP response, as an {@link HttpTransport} hands it back: any status, 1xx aside, including
 * errors and redirects (transports never follow them).
 *
 * <p>The body array is owned by the response once made; neither side changes it afterwards.
 *
 * @param statusCode the HTTP status code
 * @param headers the response headers
 * @param body the whole body, possibly empty
 */
public record TransportResponse(int statusCode, Headers headers, byte[] body) {

  /** Checks the components. */
  public TransportResponse {
    if (statusCode < 100 || statusCode > 999) {
      throw new IllegalArgumentException("statusCode must be within 100..999, got " + statusCode);
    }
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }

  /** Whether the status is 2xx. */
  public boolean isSuccessful() {
    return statusCode >= 200 && statusCode < 300;
  }

  /** Status and body size, for messages. */
  @Override
  public String toString() {
    return "TransportResponse[status=" + statusCode + ", " + body.length + " bytes]";
  }
}
