package io.github.devtoolssessions.core;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request, as the core hands it to an {@link HttpTransport}: everything the transport
 * needs, already decided. The transport sends it as given and must not add, drop or re-encode
 * anything but what its HTTP stack adds by itself (Host, Content-Length, Connection), with one
 * exception: a transport that can decode gzip may ask for it with {@code Accept-Encoding: gzip},
 * and must then hand back the body decoded, without the {@code Content-Encoding} header, so that
 * compression never shows above the port.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param uri the absolute URI, path segments and query already percent-encoded
 * @param headers the headers to send
 * @param timeout how long to wait for the response headers after the request is sent; empty for no
 *     limit
 * @param maxBodyBytes the most bytes of response body to accept, counted after any decoding (a
 *     small gzip body can decode to gigabytes); a longer body must end in {@link
 *     ResponseTooLargeException} and release the connection
 */
public record TransportRequest(
    String method, URI uri, Headers headers, Optional<Duration> timeout, long maxBodyBytes) {

  /** The body cap used when none is given: {@value} bytes (16 MiB). */
  public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;

  /** Checks the components. */
  public TransportRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(timeout, "timeout");
    if (!uri.isAbsolute()) {
      throw new IllegalArgumentException("uri must be absolute, got " + uri);
    }
    timeout.ifPresent(
        t -> {
          if (t.isNegative() || t.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + t);
          }
        });
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
    }
  }

  /** A GET of {@code uri} with these headers, no timeout and the default body cap. */
  public static TransportRequest get(URI uri, Headers headers) {
    return new TransportRequest("GET", uri, headers, Optional.empty(), DEFAULT_MAX_BODY_BYTES);
  }

  /** This request with another timeout. */
  public TransportRequest withTimeout(Duration timeout) {
    return new TransportRequest(method, uri, headers, Optional.of(timeout), maxBodyBytes);
  }

  /** This request with another body cap. */
  public TransportRequest withMaxBodyBytes(long maxBodyBytes) {
    return new TransportRequest(method, uri, headers, timeout, maxBodyBytes);
  }

  /** The method and URI, without headers, for messages. */
  @Override
  public String toString() {
    return method + " " + uri;
  }
}
