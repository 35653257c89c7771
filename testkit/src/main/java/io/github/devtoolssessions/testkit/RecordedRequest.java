package io.github.devtoolssessions.testkit;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.testkit.internal.Gzip;
import io.github.devtoolssessions.testkit.internal.QueryString;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One request the fake served, as it arrived: refused requests are recorded too.
 *
 * <p>{@link #toString()} masks the values of the headers that carry credentials.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param uri the URI as sent, path and query still percent-encoded; served over HTTP, its scheme
 *     and authority are the fake server's
 * @param headers the request headers; over HTTP, these include what the client's HTTP stack added
 *     ({@code Host}, {@code Connection}, ...), with names as the client spelled them
 * @param receivedAt when the fake received the request, by its clock
 */
public record RecordedRequest(String method, URI uri, Headers headers, Instant receivedAt) {

  /** Checks the components. */
  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /**
   * The path as sent, still percent-encoded (an account id {@code a/b} reads {@code a%2Fb}); empty
   * string if the URI has none.
   */
  public String path() {
    String path = uri.getRawPath();
    return path == null ? "" : path;
  }

  /** The query as sent, still percent-encoded, if there is one. */
  public Optional<String> rawQuery() {
    return Optional.ofNullable(uri.getRawQuery());
  }

  /**
   * The first value of a query parameter, decoded; a parameter given without {@code =} has the
   * value {@code ""}.
   */
  public Optional<String> queryParameter(String name) {
    List<String> values = QueryString.parse(uri.getRawQuery()).get(name);
    return values == null ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The first value of a header (names compare without regard to case). */
  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  /**
   * Whether the request accepts a gzip-compressed response: its {@code Accept-Encoding} lists
   * {@code gzip} (or {@code x-gzip}, or {@code *}) with a weight above zero. The server compresses
   * exactly such requests' responses.
   */
  public boolean acceptsGzip() {
    return Gzip.accepted(headers);
  }

  /** Method, URI, headers with credentials masked, and time. */
  @Override
  public String toString() {
    return "RecordedRequest["
        + method
        + " "
        + uri
        + ", headers="
        + headers
        + ", receivedAt="
        + receivedAt
        + "]";
  }
}
