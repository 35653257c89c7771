package io.github.devtoolssessions.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A {@link FakeDevtoolsApi} served on {@code 127.0.0.1} at a port of the user's choosing, for
 * {@code serve-fake --port P}. The testkit's {@code FakeDevtoolsServer} always takes an ephemeral
 * port, which suits tests but not a fake that other tools are pointed at by a fixed URL; this is
 * the same bridge (request in, {@link FakeDevtoolsApi#handle} answers, response out) on a fixed
 * port. With port 0, serve-fake uses the testkit's server itself.
 */
final class FixedPortServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final URI baseUrl;

  private FixedPortServer(FakeDevtoolsApi api, int port) throws IOException {
    InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
    this.server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
    String origin = "http://127.0.0.1:" + server.getAddress().getPort();
    this.baseUrl = URI.create(origin + api.pathPrefix());
    this.executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    server.createContext("/", exchange -> serve(api, origin, exchange));
    server.start();
  }

  /**
   * Serves {@code api} on {@code 127.0.0.1:port}.
   *
   * @throws UncheckedIOException if the port cannot be bound (it is taken, say)
   */
  static FixedPortServer start(FakeDevtoolsApi api, int port) {
    try {
      return new FixedPortServer(api, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  /** {@code http://127.0.0.1:PORT/client/v4}. */
  URI baseUrl() {
    return baseUrl;
  }

  /** The request as the fake takes it: path and query as they came on the wire. */
  private static TransportRequest requestOf(String origin, HttpExchange exchange) {
    URI sent = exchange.getRequestURI();
    String path =
        sent.getRawPath() == null || sent.getRawPath().isEmpty() ? "/" : sent.getRawPath();
    String query = sent.getRawQuery() == null ? "" : "?" + sent.getRawQuery();
    Headers.Builder headers = Headers.builder();
    for (Map.Entry<String, List<String>> e : exchange.getRequestHeaders().entrySet()) {
      e.getValue().forEach(v -> headers.add(e.getKey(), v));
    }
    return new TransportRequest(
        exchange.getRequestMethod(),
        URI.create(origin + path + query),
        headers.build(),
        Optional.empty(),
        TransportRequest.DEFAULT_MAX_BODY_BYTES);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void serve(FakeDevtoolsApi api, String origin, HttpExchange exchange)
      throws IOException {
    try {
      try (InputStream body = exchange.getRequestBody()) {
        body.readAllBytes(); // no body is expected; reading it keeps the connection reusable
      }
      TransportResponse response;
      try {
        response = api.handle(requestOf(origin, exchange));
      } catch (RuntimeException e) {
        // A request target or header the core refuses, or a codec failure: a bare 500.
        exchange.sendResponseHeaders(500, -1);
        return;
      }
      response
          .headers()
          .map()
          .forEach((n, vs) -> vs.forEach(v -> exchange.getResponseHeaders().add(n, v)));
      byte[] body = response.body();
      boolean bodyless = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(response.statusCode(), bodyless ? -1 : body.length);
      if (!bodyless) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } finally {
      exchange.close();
    }
  }
}
