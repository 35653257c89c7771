package io.github.devtoolssessions.core;

import java.util.List;
import java.util.Optional;

/**
 * The server or the edge in front of it failed (HTTP 5xx), often with an HTML page rather than
 * JSON. Retried by the client.
 */
public class ServerException extends ApiException {

  private static final long serialVersionUID = 1L;

  /**
   * See {@link ApiException#ApiException(int, List, Optional, String, Optional)}.
   *
   * @throws IllegalArgumentException if the status is not within 500..599
   */
  public ServerException(
      int statusCode,
      List<CloudflareError> errors,
      Optional<String> cfRay,
      String request,
      Optional<String> bodyExcerpt) {
    super(checked(statusCode), errors, cfRay, request, bodyExcerpt);
  }

  private static int checked(int statusCode) {
    if (statusCode < 500 || statusCode > 599) {
      throw new IllegalArgumentException("a server error has a 5xx status, got " + statusCode);
    }
    return statusCode;
  }
}
