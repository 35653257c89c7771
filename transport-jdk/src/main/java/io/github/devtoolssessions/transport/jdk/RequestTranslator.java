package io.github.devtoolssessions.transport.jdk;

import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.internal.ContentCoding;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Turns the core's {@link TransportRequest} into the JDK's {@link HttpRequest}. */
final class RequestTranslator {

  /**
   * Headers that {@code HttpRequest.Builder} refuses (unless a system property unlocks some)
   * because the client writes them itself from the URI, the body and its connection handling. The
   * core's requests leave them to the HTTP stack anyway, so they are skipped rather than failing
   * the request.
   */
  private static final Set<String> SET_BY_THE_JDK =
      caseInsensitive("Connection", "Content-Length", "Expect", "Host", "Upgrade");

  private RequestTranslator() {}

  /**
   * The JDK request for this one: same method (without a body), same URI, same headers, and {@code
   * Accept-Encoding: gzip} unless the request names codings itself (the transport decodes gzip
   * bodies, which java.net.http does not). No JDK timeout is set: the transport bounds the whole
   * exchange itself.
   *
   * @throws IllegalArgumentException if the JDK refuses the URI, the method or a header; the
   *     message never shows a header's value, which may be a credential
   */
  static HttpRequest translate(TransportRequest request) {
    return translate(request, false);
  }

  /**
   * As {@link #translate(TransportRequest)}, and with {@code withTimeout}, the request's timeout
   * (if any) as the JDK's own, which bounds the wait for the response headers of {@code
   * HttpClient.send} (see {@link BlockingExchange}).
   */
  static HttpRequest translate(TransportRequest request, boolean withTimeout) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri())
            .method(request.method(), HttpRequest.BodyPublishers.noBody());
    if (withTimeout) {
      request.timeout().ifPresent(builder::timeout);
    }
    if ("http".equalsIgnoreCase(request.uri().getScheme())) {
      // A client that prefers HTTP/2 asks a cleartext server to upgrade (h2c), adding Connection,
      // Upgrade and HTTP2-Settings headers that plain servers and proxies do not expect.
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    request
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!SET_BY_THE_JDK.contains(name)) {
                addHeader(builder, name, values);
              }
            });
    if (ContentCoding.asksForGzip(request.headers())) {
      builder.header(ContentCoding.ACCEPT_ENCODING, ContentCoding.GZIP);
    }
    return builder.build();
  }

  private static void addHeader(HttpRequest.Builder builder, String name, List<String> values) {
    for (String value : values) {
      try {
        builder.header(name, value);
      } catch (IllegalArgumentException refused) {
        // The JDK's message quotes the value, so it is neither repeated nor kept as the cause.
        throw new IllegalArgumentException(
            "java.net.http refuses the header "
                + name
                + ": either its name is not a valid token or its value holds a control character"
                + " (the value is not shown, as it may be a credential)");
      }
    }
  }

  private static Set<String> caseInsensitive(String... names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(List.of(names));
    return set;
  }
}
