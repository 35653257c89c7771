package io.github.devtoolssessions.testkit;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.TransportResponse;
import io.github.devtoolssessions.testkit.internal.Gzip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link FakeDevtoolsApi} served over HTTP/1.1 on {@code 127.0.0.1}, at an ephemeral port. Made
 * by {@link FakeDevtoolsApi#start()}; requests are answered by that fake, {@linkplain
 * FakeDevtoolsApi#faults() faults} included, so the server shares its sessions, journal and fault
 * plan.
 *
 * <pre>{@code
 * try (FakeDevtoolsServer server = api.start()) {
 *   URI base = server.baseUrl(); // http://127.0.0.1:PORT/client/v4
 * }
 * }</pre>
 *
 * <p>The server speaks HTTP/1.1 on plain sockets, so that faults reach the wire as they would from
 * a broken network: it can stall mid-body, cut a body short, or reset the connection. It passes the
 * request's raw path and query on unchanged, percent-encoding included, and writes the fake's
 * status, headers and body, with a {@code Content-Length}. Connections are kept alive until the
 * client closes them or asks for {@code Connection: close}. A request that is not HTTP/1.x gets a
 * plain-text 400 and the connection closes; it never reaches the fake. An exception thrown while
 * answering (by a faulty codec or a fault's side effect) becomes a 500 with the v4 envelope, code
 * 2000 "Internal Error", rather than a dropped connection. Upgrade offers ({@code h2c}) are
 * ignored.
 *
 * <p>Like Cloudflare's edge, the server compresses: a response with a body goes out gzip-compressed
 * ({@code Content-Encoding: gzip}, {@code Vary: Accept-Encoding}, the {@code Content-Length} of the
 * compressed bytes) when the request's {@code Accept-Encoding} accepts gzip, unless the server was
 * started with {@link Compression#NEVER}. A body a {@linkplain Fault fault} already encoded (one
 * with a {@code Content-Encoding} of its own, such as {@link Fault#gzipBomb}) goes out as it is.
 * Faults that cut a body short cut the compressed bytes. {@link #compressedResponses()} counts what
 * the server compressed.
 *
 * <p>Each connection is served by its own daemon thread, named {@code fake-devtools-server-PORT-N};
 * idle threads end after a few seconds. {@link #openConnections()} and {@link
 * #abandonedExchanges()} let a test see what clients did with their connections.
 */
public final class FakeDevtoolsServer implements AutoCloseable {

  /**
   * Whether the server compresses response bodies; see {@link FakeDevtoolsApi#start(Compression)}.
   */
  public enum Compression {
    /**
     * Gzip for every request whose {@code Accept-Encoding} accepts it, as the real API does: the
     * default.
     */
    WHEN_ASKED,
    /** Never: every body goes out as it is, whatever the request accepts. */
    NEVER
  }

  private static final int BACKLOG = 512;

  private final FakeDevtoolsApi api;
  private final Compression compression;
  private final AtomicInteger compressed = new AtomicInteger();
  private final ServerSocket listener;
  private final String origin;
  private final URI baseUrl;
  private final ExecutorService connectionThreads;
  private final Thread acceptor;
  private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger abandoned = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();

  private FakeDevtoolsServer(FakeDevtoolsApi api, Compression compression) throws IOException {
    this.api = api;
    this.compression = compression;
    InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
    this.listener = new ServerSocket(0, BACKLOG, loopback);
    int port = listener.getLocalPort();
    this.origin = "http://127.0.0.1:" + port;
    this.baseUrl = URI.create(origin + api.pathPrefix());
    this.connectionThreads =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            5,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            daemonThreads("fake-devtools-server-" + port + "-"));
    this.acceptor = new Thread(this::accept, "fake-devtools-server-" + port + "-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static FakeDevtoolsServer start(FakeDevtoolsApi api, Compression compression) {
    try {
      return new FakeDevtoolsServer(api, compression);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake DevTools server on 127.0.0.1", e);
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, prefix + n.incrementAndGet());
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
    return listener.getLocalPort();
  }

  /** The fake that answers this server's requests. */
  public FakeDevtoolsApi api() {
    return api;
  }

  /** Whether this server compresses response bodies. */
  public Compression compression() {
    return compression;
  }

  /**
   * How many responses the server has gzip-compressed so far: those it sent, or began to send,
   * compressed because the request accepted gzip. Bodies a fault encoded itself do not count.
   */
  public int compressedResponses() {
    return compressed.get();
  }

  /**
   * How many exchanges clients abandoned so far: the client closed or reset the connection before
   * the response was complete, which the server sees while it waits (a {@linkplain
   * Fault#delayHeaders header delay} or {@linkplain Fault#stallBody stall}) or when writing the
   * response fails. This is how a test proves that a cancelled call or a client-side timeout really
   * released the connection. A client that goes away while a short response is already on its way
   * may not be noticed: the bytes sit in socket buffers and no write fails. Counted until the
   * server is closed; closing it abandons nothing.
   */
  public int abandonedExchanges() {
    return abandoned.get();
  }

  /**
   * How many client connections are open now. A connection counts from when the server accepts it
   * until either side closes it; the server notices a client's close within milliseconds when the
   * connection is idle or waiting, so poll for an expected value rather than reading it once.
   */
  public int openConnections() {
    return connections.size();
  }

  /**
   * Stops the server at once: no new connections, and open ones are closed, exchanges in progress
   * included; their threads end. Closing twice does nothing.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        listener.close();
      } catch (IOException e) {
        // Nothing is left to release: the socket is closed whatever close() reports.
      }
      connections.forEach(ServerConnection::close);
      connectionThreads.shutdownNow();
    }
  }

  boolean isClosed() {
    return closed.get();
  }

  String origin() {
    return origin;
  }

  /**
   * The response as it goes out to a request with these headers: gzip-compressed if the server
   * compresses, the request accepts gzip, and the response has a body that is not encoded already.
   */
  TransportResponse encodedFor(Headers requestHeaders, TransportResponse response) {
    if (compression == Compression.NEVER
        || response.body().length == 0
        || response.headers().firstValue("Content-Encoding").isPresent()
        || !Gzip.accepted(requestHeaders)) {
      return response;
    }
    compressed.incrementAndGet();
    return new TransportResponse(
        response.statusCode(),
        response.headers().toBuilder()
            .set("Content-Encoding", "gzip")
            .add("Vary", "Accept-Encoding")
            .build(),
        Gzip.compress(response.body()));
  }

  void exchangeAbandoned() {
    if (!closed.get()) {
      abandoned.incrementAndGet();
    }
  }

  void connectionClosed(ServerConnection connection) {
    connections.remove(connection);
  }

  private void pause() {
    if (!closed.get()) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void accept() {
    while (!closed.get()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        // Closed, or out of file descriptors: the loop ends in the first case, and backs off
        // briefly in the second rather than spinning.
        pause();
        continue;
      }
      ServerConnection connection = new ServerConnection(this, socket);
      connections.add(connection);
      try {
        connectionThreads.execute(connection);
      } catch (RejectedExecutionException e) {
        connection.close();
        connections.remove(connection);
      }
      // close() may have run between accept and add, and missed this connection.
      if (closed.get()) {
        connection.close();
      }
    }
  }
}
