package io.github.devtoolssessions.core;

import java.util.List;
import java.util.Optional;

/**
 * The request was malformed (HTTP 400): a bad query, or malformed authentication headers
 * (Cloudflare code 6003 with 6111, 6102 or 6103 in its chain).
 */
public class BadRequestException extends ApiException {

  private static final long serialVersionUID = 1L;

  /** See {@link ApiException#ApiException(int, List, Optional, String, Optional)}. */
  public BadRequestException(
      List<CloudflareError> errors,
      Optional<String> cfRay,
      String request,
      Optional<String> bodyExcerpt) {
    super(400, errors, cfRay, request, bodyExcerpt);
  }
}
