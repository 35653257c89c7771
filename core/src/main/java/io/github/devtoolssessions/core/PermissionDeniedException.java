package io.github.devtoolssessions.core;

import java.util.List;
import java.util.Optional;

/**
 * The credentials are valid but lack a permission (HTTP 403), such as code 9109, or a token without
 * "Browser Rendering Read".
 */
public class PermissionDeniedException extends ApiException {

  private static final long serialVersionUID = 1L;

  /** See {@link ApiException#ApiException(int, List, Optional, String, Optional)}. */
  public PermissionDeniedException(
      List<CloudflareError> errors,
      Optional<String> cfRay,
      String request,
      Optional<String> bodyExcerpt) {
    super(403, errors, cfRay, request, bodyExcerpt);
  }
}
