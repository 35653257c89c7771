package io.github.devtoolssessions.transport.apache;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 with an ephemeral port, whose handlers may misbehave on purpose
 * (stall, drip, send too much). Each handler runs on its own thread, so a stalled one blocks no
 * other; closing the server releases every stalled handler.
 */
final class LoopbackServer implements AutoCloseable {

  /** What the server saw of one request. */
  record Received(
      String method, String rawPath, String rawQuery, Map<String, List<String>> headers) {

    List<String> header(String name) {
      return headers.getOrDefault(name, List.of());
    }
  }

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  private LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.setExecutor(handlers);
    server.start();
  }

  static LoopbackServer start() {
    try {
      return new LoopbackServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serves {@code path} and everything below it; every request is recorded first. */
  LoopbackServer handle(String path, HttpHandler handler) {
    server.createContext(
        path,
        exchange -> {
          received.add(record(exchange));
          try (exchange) {
            handler.handle(exchange);
          }
        });
    return this;
  }

  /** {@code http://127.0.0.1:port} followed by the raw path and query, used as given. */
  URI uri(String rawPathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + rawPathAndQuery);
  }

  /** The next request the server saw, waiting for it a few seconds at most. */
  Received takeRequest() throws InterruptedException {
    Received next = received.poll(10, TimeUnit.SECONDS);
    if (next == null) {
      throw new AssertionError("the server saw no request");
    }
    return next;
  }

  /** How many requests the server has seen and not yet taken. */
  int requestCount() {
    return received.size();
  }

  /** Blocks a handler until the server closes. */
  void stallUntilClosed() {
    try {
      closing.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Sends the status and headers of a body that never ends, then 1 KiB of it every few
   * milliseconds, counting down {@code dripping} after each, until the client goes away; then
   * counts down {@code clientGone}. Returns quietly when the server closes first.
   */
  void drip(HttpExchange exchange, CountDownLatch dripping, CountDownLatch clientGone) {
    byte[] chunk = new byte[1024];
    try {
      exchange.sendResponseHeaders(200, 0);
      OutputStream body = exchange.getResponseBody();
      while (closing.getCount() > 0) {
        body.write(chunk);
        body.flush();
        dripping.countDown();
        closing.await(10, TimeUnit.MILLISECONDS);
      }
    } catch (IOException e) {
      clientGone.countDown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Sends a body of {@code length} bytes, or a chunked one of that length if {@code declare} is
   * false; counts down {@code clientGone} if the client goes away before it is all written.
   */
  void sendLarge(HttpExchange exchange, long length, boolean declare, CountDownLatch clientGone) {
    byte[] chunk = new byte[64 * 1024];
    try {
      exchange.sendResponseHeaders(200, declare ? length : 0);
      OutputStream body = exchange.getResponseBody();
      for (long sent = 0; sent < length; sent += chunk.length) {
        body.write(chunk, 0, (int) Math.min(chunk.length, length - sent));
      }
      body.flush();
    } catch (IOException e) {
      clientGone.countDown();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    handlers.shutdownNow();
  }

  private static Received record(HttpExchange exchange) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    return new Received(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(),
        headers);
  }
}
