package io.github.devtoolssessions.core;

import java.util.List;
import java.util.Optional;

/**
 * The account, route or session does not exist (HTTP 404), such as code 7003 "No route for the
 * URI".
 */
public class NotFoundException extends ApiException {

  private static final long serialVersionUID = 1L;

  /** See {@link ApiException#ApiException(int, List, Optional, String, Optional)}. */
  public NotFoundException(
      List<CloudflareError> errors,
      Optional<String> cfRay,
      String request,
      Optional<String> bodyExcerpt) {
    super(404, errors, cfRay, request, bodyExcerpt);
  }
}
