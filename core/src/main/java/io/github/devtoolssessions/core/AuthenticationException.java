package io.github.devtoolssessions.core;

import java.util.List;
import java.util.Optional;

/**
 * The credentials were refused (HTTP 401), typically Cloudflare code 10000 "Authentication error".
 */
public class AuthenticationException extends ApiException {

  private static final long serialVersionUID = 1L;

  /** See {@link ApiException#ApiException(int, List, Optional, String, Optional)}. */
  public AuthenticationException(
      List<CloudflareError> errors,
      Optional<String> cfRay,
      String request,
      Optional<String> bodyExcerpt) {
    super(401, errors, cfRay, request, bodyExcerpt);
  }
}
