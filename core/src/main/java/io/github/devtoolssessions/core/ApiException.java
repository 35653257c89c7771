package io.github.devtoolssessions.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The API answered with a status other than 2xx. Carries the status, the Cloudflare errors parsed
 * from the body (whatever its shape), the {@code cf-ray} id that Cloudflare support asks for, and,
 * when the body was not JSON (an HTML page from the edge), a short excerpt of it.
 *
 * <p>Subtypes tell the common statuses apart: {@link BadRequestException} (400), {@link
 * AuthenticationException} (401), {@link PermissionDeniedException} (403), {@link
 * NotFoundException} (404), {@link RateLimitException} (429) and {@link ServerException} (5xx); any
 * other status is an {@code ApiException} itself.
 */
public class ApiException extends DevtoolsSessionsException {

  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final List<CloudflareError> errors;
  private final String cfRay;
  private final String bodyExcerpt;

  /**
   * An exception for an error answer.
   *
   * @param statusCode the HTTP status
   * @param errors the errors read from the body, possibly none
   * @param cfRay the {@code cf-ray} response header, if sent
   * @param request what was asked, for the message: method and URI, never headers
   * @param bodyExcerpt the start of a body that was not JSON, if so
   */
  public ApiException(
      int statusCode,
      List<CloudflareError> errors,
      Optional<String> cfRay,
      String request,
      Optional<String> bodyExcerpt) {
    super(message(statusCode, errors, cfRay, request, bodyExcerpt));
    this.statusCode = statusCode;
    this.errors = List.copyOf(errors);
    this.cfRay = cfRay.orElse(null);
    this.bodyExcerpt = bodyExcerpt.orElse(null);
  }

  /**
   * The exception of the type that fits the status: {@link BadRequestException} for 400 and so on,
   * a plain {@code ApiException} for statuses without a type of their own.
   */
  public static ApiException forStatus(
      int statusCode,
      List<CloudflareError> errors,
      Optional<String> cfRay,
      String request,
      Optional<String> bodyExcerpt) {
    switch (statusCode) {
      case 400:
        return new BadRequestException(errors, cfRay, request, bodyExcerpt);
      case 401:
        return new AuthenticationException(errors, cfRay, request, bodyExcerpt);
      case 403:
        return new PermissionDeniedException(errors, cfRay, request, bodyExcerpt);
      case 404:
        return new NotFoundException(errors, cfRay, request, bodyExcerpt);
      case 429:
        return new RateLimitException(errors, cfRay, request, bodyExcerpt, Optional.empty());
      default:
        if (statusCode >= 500 && statusCode <= 599) {
          return new ServerException(statusCode, errors, cfRay, request, bodyExcerpt);
        }
        return new ApiException(statusCode, errors, cfRay, request, bodyExcerpt);
    }
  }

  private static String message(
      int statusCode,
      List<CloudflareError> errors,
      Optional<String> cfRay,
      String request,
      Optional<String> bodyExcerpt) {
    Objects.requireNonNull(request, "request");
    StringBuilder sb =
        new StringBuilder("HTTP ").append(statusCode).append(" from ").append(request);
    if (!errors.isEmpty()) {
      sb.append(": ");
      for (int i = 0; i < errors.size(); i++) {
        sb.append(i == 0 ? "" : "; ").append(errors.get(i));
      }
    }
    bodyExcerpt.ifPresent(e -> sb.append(": body was not JSON: \"").append(e).append('"'));
    cfRay.ifPresent(ray -> sb.append(" (cf-ray ").append(ray).append(')'));
    return sb.toString();
  }

  /** The HTTP status code. */
  public int statusCode() {
    return statusCode;
  }

  /** The errors the body reported, in order; empty if it reported none or was not JSON. */
  public List<CloudflareError> errors() {
    return errors;
  }

  /** The code of the first error that has one, such as 10000 for "Authentication error". */
  public OptionalInt errorCode() {
    return errors.stream()
        .map(CloudflareError::code)
        .filter(OptionalInt::isPresent)
        .findFirst()
        .orElse(OptionalInt.empty());
  }

  /** The {@code cf-ray} header, which identifies the request in Cloudflare support tickets. */
  public Optional<String> cfRay() {
    return Optional.ofNullable(cfRay);
  }

  /** The start of the body when it was not JSON, whitespace folded. */
  public Optional<String> bodyExcerpt() {
    return Optional.ofNullable(bodyExcerpt);
  }
}
