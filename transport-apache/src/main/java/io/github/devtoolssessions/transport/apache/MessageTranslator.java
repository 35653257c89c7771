package io.github.devtoolssessions.transport.apache;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.internal.ContentCoding;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpMessage;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.util.Timeout;

/**
 * Translates between the core's request and response values and HttpClient's messages.
 *
 * <p>Requests are built from the URI with {@code HttpRequest}'s URI constructor, which keeps the
 * raw (percent-encoded) path and query as they are: nothing is decoded, normalised or encoded
 * again, so {@code %2F}, {@code %3F} and {@code %2E%2E} reach the server intact.
 */
final class MessageTranslator {

  /**
   * Headers HttpClient writes itself from the URI, the body and its connection handling. The core's
   * requests leave them to the HTTP stack; they are skipped rather than sent twice or in conflict,
   * the same set the {@code jdk} transport skips, so that both transports send the same request.
   */
  private static final Set<String> SET_BY_THE_CLIENT =
      caseInsensitive("Connection", "Content-Length", "Expect", "Host", "Upgrade");

  private MessageTranslator() {}

  /**
   * The classic (blocking) request: same method, no body, same raw URI, same headers, and {@code
   * Accept-Encoding: gzip} unless the request names codings itself.
   */
  static HttpUriRequestBase classicRequest(TransportRequest request, RequestConfig config) {
    HttpUriRequestBase classic = new HttpUriRequestBase(request.method(), request.uri());
    copyHeaders(request.headers(), classic);
    classic.setConfig(config);
    return classic;
  }

  /**
   * The request for the async client: same method, no body, same raw URI, same headers, and {@code
   * Accept-Encoding: gzip} unless the request names codings itself.
   */
  static HttpRequest asyncRequest(TransportRequest request) {
    BasicHttpRequest async = new BasicHttpRequest(request.method(), request.uri());
    copyHeaders(request.headers(), async);
    return async;
  }

  /**
   * The configuration of one exchange: the client's own defaults ({@code base}) with what the
   * transport's contract needs on top. A request-level configuration replaces the client's default
   * one as a whole in HttpClient, hence the copy.
   *
   * <ul>
   *   <li>redirects off: every 3xx comes back to the core, and the credential headers must never
   *       follow a redirect to another host;
   *   <li>content compression off: HttpClient neither adds an {@code Accept-Encoding} of its own
   *       (it would offer deflate, and brotli or zstd when their libraries are present) nor decodes
   *       the body; the transport asks for gzip itself and decodes it under the body cap ({@code
   *       GzipBody} of the core), the same way on the classic and the async client;
   *   <li>authentication off: the credentials are the request's own headers; HttpClient must not
   *       answer a 401 challenge with credentials of its own;
   *   <li>protocol upgrade off: no {@code Upgrade} header is added to cleartext requests;
   *   <li>hard cancellation on: cancelling an exchange closes its connection;
   *   <li>the response timeout is the request's timeout, which also bounds each wait for data on
   *       the socket; without one, the base's stays.
   * </ul>
   */
  static RequestConfig requestConfig(RequestConfig base, TransportRequest request) {
    RequestConfig.Builder config = withContract(RequestConfig.copy(base));
    request.timeout().ifPresent(timeout -> config.setResponseTimeout(toTimeout(timeout)));
    return config.build();
  }

  /**
   * The default configuration of the clients a transport creates: the same settings as {@link
   * #requestConfig}, and no response timeout, which is what a request without a timeout asks for.
   */
  static RequestConfig clientDefaults() {
    return withContract(RequestConfig.custom()).setResponseTimeout(Timeout.DISABLED).build();
  }

  /**
   * Checks that HttpClient can send the request at all, so that the caller learns it at once rather
   * than from a failed exchange.
   *
   * @throws IllegalArgumentException if the URI's scheme is not http or https, or it has no host
   */
  static void checkSupported(TransportRequest request) {
    String scheme = request.uri().getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException(
          "Apache HttpClient sends http and https URIs only, not " + scheme + ": " + request);
    }
    if (request.uri().getHost() == null) {
      throw new IllegalArgumentException("the URI has no host: " + request);
    }
  }

  private static RequestConfig.Builder withContract(RequestConfig.Builder config) {
    return config
        .setRedirectsEnabled(false)
        .setContentCompressionEnabled(false)
        .setAuthenticationEnabled(false)
        .setProtocolUpgradeEnabled(false)
        .setExpectContinueEnabled(false)
        .setHardCancellationEnabled(true);
  }

  /**
   * A fresh context for one exchange, with the configuration and an empty cookie store of its own:
   * the transport sends the request's headers and no cookie a wrapped client may have kept from
   * earlier responses, nor keeps any from this one.
   */
  static HttpClientContext context(RequestConfig config) {
    HttpClientContext context = HttpClientContext.create();
    context.setRequestConfig(config);
    context.setCookieStore(new BasicCookieStore());
    return context;
  }

  /** The response's headers as core headers; a repeated header keeps all its values in order. */
  static Headers responseHeaders(HttpMessage response) {
    Headers.Builder builder = Headers.builder();
    for (Header header : response.getHeaders()) {
      builder.add(header.getName(), header.getValue());
    }
    return builder.build();
  }

  /**
   * A duration as HttpClient's timeout, rounded up to a whole millisecond (HttpClient would read a
   * zero timeout as none) and capped rather than overflowing.
   */
  static Timeout toTimeout(Duration duration) {
    long millis;
    try {
      millis = duration.plusNanos(999_999).toMillis();
    } catch (ArithmeticException tooLong) {
      millis = Long.MAX_VALUE;
    }
    return Timeout.ofMilliseconds(Math.max(1, millis));
  }

  private static void copyHeaders(Headers headers, HttpMessage message) {
    headers
        .map()
        .forEach(
            (name, values) -> {
              if (!SET_BY_THE_CLIENT.contains(name)) {
                values.forEach(value -> message.addHeader(name, value));
              }
            });
    if (ContentCoding.asksForGzip(headers)) {
      message.addHeader(ContentCoding.ACCEPT_ENCODING, ContentCoding.GZIP);
    }
  }

  private static Set<String> caseInsensitive(String... names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(List.of(names));
    return set;
  }
}
