package io.github.devtoolssessions.core.internal;

import io.github.devtoolssessions.core.ApiException;
import io.github.devtoolssessions.core.CloudflareError;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.RateLimitException;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a response into what the caller asked for: sessions on 2xx, a typed {@link ApiException}
 * otherwise. Pure: the codec does the JSON, this class decides what the answer means.
 */
public final class ResponseReader {

  /** Cloudflare's error code for a path no route serves. */
  private static final int NO_ROUTE = 7003;

  /** How much of a body that is not JSON an exception shows. */
  static final int EXCERPT_CHARS = 200;

  private final JsonCodec codec;
  private final Clock clock;

  /**
   * A reader that decodes with {@code codec}; {@code clock} dates a {@code Retry-After} given as an
   * HTTP date.
   */
  public ResponseReader(JsonCodec codec, Clock clock) {
    this.codec = codec;
    this.clock = clock;
  }

  /**
   * The sessions of a list response.
   *
   * @throws ApiException if the status is not 2xx
   * @throws DecodingException if a 2xx body cannot be read
   */
  public List<Session> sessions(TransportRequest request, TransportResponse response) {
    if (!response.isSuccessful()) {
      throw error(request, response);
    }
    try {
      return codec.readSessions(response.body());
    } catch (DecodingException e) {
      throw new DecodingException(
          "the "
              + response.statusCode()
              + " response to "
              + request
              + " is unreadable: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * The session of a get-by-id response: empty for 404 or a {@code null} body.
   *
   * @throws ApiException if the status is neither 2xx nor 404
   * @throws DecodingException if a 2xx body cannot be read
   */
  public Optional<Session> session(TransportRequest request, TransportResponse response) {
    if (response.statusCode() == 404) {
      ApiException notFound = error(request, response);
      // 7003 is the gateway's "No route for the URI": a wrong base URL or account path, not an
      // unknown session. Reading it as empty would hide the mistake behind every lookup.
      if (notFound.errors().stream().anyMatch(e -> e.code().orElse(0) == NO_ROUTE)) {
        throw notFound;
      }
      return Optional.empty();
    }
    if (!response.isSuccessful()) {
      throw error(request, response);
    }
    try {
      return codec.readSession(response.body());
    } catch (DecodingException e) {
      throw new DecodingException(
          "the "
              + response.statusCode()
              + " response to "
              + request
              + " is unreadable: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * The exception for an error response: its type from the status, its errors from the body
   * (whatever the shape), an excerpt when the body is not JSON, and the {@code cf-ray} header.
   * Never fails, whatever the body; never carries the request's credentials.
   */
  public ApiException error(TransportRequest request, TransportResponse response) {
    SecretScrubber scrubber = SecretScrubber.of(request.headers());
    List<CloudflareError> errors = List.of();
    Optional<String> excerpt = Optional.empty();
    byte[] body = response.body();
    if (body.length > 0) {
      try {
        errors = scrub(codec.readErrors(body), scrubber);
      } catch (RuntimeException e) {
        // Not JSON (an HTML page from the edge): the status still types the exception.
        excerpt = Optional.of(scrubber.scrub(excerpt(body)));
      }
    }
    Optional<String> cfRay = response.headers().firstValue("cf-ray").map(scrubber::scrub);
    String requestLine = request.toString();
    int status = response.statusCode();
    if (status == 429) {
      return new RateLimitException(
          errors, cfRay, requestLine, excerpt, RetryAfter.read(response.headers(), clock));
    }
    return ApiException.forStatus(status, errors, cfRay, requestLine, excerpt);
  }

  private static List<CloudflareError> scrub(List<CloudflareError> errors, SecretScrubber s) {
    List<CloudflareError> out = new ArrayList<>(errors.size());
    for (CloudflareError e : errors) {
      out.add(new CloudflareError(e.code(), s.scrub(e.message()), scrub(e.errorChain(), s)));
    }
    return out;
  }

  /** The body's start as text, whitespace folded to single spaces. */
  static String excerpt(byte[] body) {
    int n = Math.min(body.length, EXCERPT_CHARS * 4);
    String text = new String(body, 0, n, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
    if (text.length() > EXCERPT_CHARS) {
      return text.substring(0, EXCERPT_CHARS) + "...";
    }
    return body.length > n ? text + "..." : text;
  }
}
