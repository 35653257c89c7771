package io.github.devtoolssessions.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link FakeDevtoolsApi} served over HTTP/1.1 on {@code 127.0.0.1}, at an ephemeral port, by the
 * JDK's {@code com.sun.net.httpserver}. Made by {@link FakeDevtoolsApi#start()}; requests are
 * answered by that fake's {@link FakeDevtoolsApi#handle handle}, so the server shares its sessions
 * and journal.
 *
 * <p>The server passes the request's raw path and query on unchanged, percent-encoding included,
 * and copies the fake's status, headers and body to the wire. An exception thrown while answering
 * (by a faulty codec, say) becomes a 500 with the v4 envelope, code 2000 "Internal Error", rather
 * than a dropped connection.
 *
 * <pre>{@code
 * try (FakeDevtoolsServer server = api.start()) {
 *   URI base = server.baseUrl(); // http://127.0.0.1:PORT/client/v4
 * }
 * }</pre>
 */
public final class FakeDevtoolsServer implements AutoCloseable {

  /** Enough for tests that fire many requests at once; the accept loop has its own thread. */
  private static final int WORKER_THREADS = 4;

  private final FakeDevtoolsApi api;
  private final HttpServer server;
  private final ExecutorService executor;
  private final String origin;
  private final URI baseUrl;
  private final AtomicBoolean closed = new AtomicBoolean();

  private FakeDevtoolsServer(FakeDevtoolsApi api) throws IOException {
    this.api = api;
    InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
    this.server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    int port = server.getAddress().getPort();
    this.origin = "http://127.0.0.1:" + port;
    this.baseUrl = URI.create(origin + api.pathPrefix());
    this.executor = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads(port));
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  static FakeDevtoolsServer start(FakeDevtoolsApi api) {
    try {
      return new FakeDevtoolsServer(api);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake DevTools server on 127.0.0.1", e);
    }
  }

  private static ThreadFactory daemonThreads(int port) {
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, "fake-devtools-server-" + port + "-" + n.incrementAndGet());
      // Daemon, so that a test that forgets to close the server cannot keep the JVM alive.
      t.setDaemon(true);
      return t;
    };
  }

  /** The base URL to give a client, such as {@code http://127.0.0.1:PORT/client/v4}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The fake that answers this server's requests. */
  public FakeDevtoolsApi api() {
    return api;
  }

  /**
   * Stops the server at once, without waiting for exchanges in progress, and ends its threads.
   * Closing twice does nothing.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    try {
      try (InputStream body = exchange.getRequestBody()) {
        // The API takes no body; reading it keeps the connection reusable.
        body.readAllBytes();
      }
      TransportRequest request =
          new TransportRequest(
              exchange.getRequestMethod(),
              uriOf(exchange),
              headersOf(exchange.getRequestHeaders()),
              Optional.empty(),
              TransportRequest.DEFAULT_MAX_BODY_BYTES);
      TransportResponse response;
      try {
        response = api.handle(request);
      } catch (RuntimeException e) {
        response = api.internalError();
      }
      write(exchange, response);
    } finally {
      exchange.close();
    }
  }

  /** The absolute URI of the request, its path and query exactly as they came on the wire. */
  private URI uriOf(HttpExchange exchange) {
    URI sent = exchange.getRequestURI();
    String path =
        sent.getRawPath() == null || sent.getRawPath().isEmpty() ? "/" : sent.getRawPath();
    String query = sent.getRawQuery() == null ? "" : "?" + sent.getRawQuery();
    try {
      return new URI(origin + (path.startsWith("/") ? path : "/" + path) + query);
    } catch (URISyntaxException e) {
      // Only an odd request target (such as "*") gets here; it cannot name a route anyway.
      return URI.create(origin + "/");
    }
  }

  private static Headers headersOf(com.sun.net.httpserver.Headers wire) {
    Headers.Builder b = Headers.builder();
    for (Map.Entry<String, List<String>> e : wire.entrySet()) {
      for (String value : e.getValue()) {
        b.add(e.getKey(), value);
      }
    }
    return b.build();
  }

  private static void write(HttpExchange exchange, TransportResponse response) throws IOException {
    com.sun.net.httpserver.Headers out = exchange.getResponseHeaders();
    response.headers().map().forEach((name, values) -> values.forEach(v -> out.add(name, v)));
    byte[] body = response.body();
    int status = response.statusCode();
    // HttpServer reads a length of 0 as "chunked, length unknown" and -1 as "no body" (sent as
    // Content-length: 0, or without it for 204 and 304). HEAD, 1xx, 204 and 304 must not carry
    // a body at all.
    boolean bodyless =
        body.length == 0
            || exchange.getRequestMethod().equals("HEAD")
            || status < 200
            || status == 204
            || status == 304;
    exchange.sendResponseHeaders(status, bodyless ? -1 : body.length);
    if (!bodyless) {
      try (OutputStream stream = exchange.getResponseBody()) {
        stream.write(body);
      }
    }
  }
}
