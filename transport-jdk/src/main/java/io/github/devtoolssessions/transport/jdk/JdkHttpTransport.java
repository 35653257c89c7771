package io.github.devtoolssessions.transport.jdk;

import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportOptions;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.net.http.HttpClient;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpRequest;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An {@link HttpTransport} over {@link java.net.http.HttpClient}, sync and truly asynchronous.
 *
 * <p>Requests go out with their method, URI and headers exactly as given, except the headers the
 * JDK sets itself and refuses from callers ({@code Connection}, {@code Content-Length}, {@code
 * Expect}, {@code Host}, {@code Upgrade}), which are left out. {@code http://} URIs are sent over
 * HTTP/1.1, so that a plain server never sees the JDK's h2c upgrade headers; {@code https://} URIs
 * use the client's preferred version. Redirects are never followed: a 3xx comes back as a response.
 *
 * <p>Compression: a request without an {@code Accept-Encoding} of its own goes out with {@code
 * Accept-Encoding: gzip}, and a gzip body is decoded as it arrives (java.net.http does neither by
 * itself); the response then has the decoded body and no {@code Content-Encoding} or {@code
 * Content-Length}. The request's body cap applies to the decoded bytes, so a small body that
 * inflates past it fails with {@link io.github.devtoolssessions.core.ResponseTooLargeException}
 * without ever being held whole. A corrupt gzip body, or one in another coding (which the transport
 * never asks for), fails with a {@link TransportException}.
 *
 * <p>{@link TransportRequest#timeout()} bounds the whole exchange, connecting and the body
 * included, not just the wait for the headers as {@code HttpRequest.timeout} does; when it passes
 * the exchange is aborted. Cancelling the future of {@link #sendAsync} aborts the exchange too.
 *
 * <p>The transport owns daemon threads whose names begin with {@code devtools-sessions-jdk-}: a
 * worker pool (the executor of a client it creates, and where timeouts are reported) and one timer.
 * They start on demand, end when idle, and {@link #close()} stops them.
 *
 * <p>Instances are thread-safe.
 */
public final class JdkHttpTransport implements HttpTransport {

  /** How the names of the transport's threads begin. */
  static final String THREAD_NAME_PREFIX = "devtools-sessions-jdk-";

  private final HttpClient client;
  private final boolean ownsClient;
  private final TransportThreads threads;
  private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  private JdkHttpTransport(HttpClient client, boolean ownsClient, TransportThreads threads) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.threads = threads;
  }

  /** A transport with its own client and the {@linkplain TransportOptions#defaults() defaults}. */
  public static JdkHttpTransport create() {
    return create(TransportOptions.defaults());
  }

  /**
   * A transport with its own client: connect timeout from the options, redirects never followed,
   * its own daemon threads, the JDK's default proxy selector and TLS context. {@link #close()}
   * releases all of it.
   */
  public static JdkHttpTransport create(TransportOptions options) {
    Objects.requireNonNull(options, "options");
    TransportThreads threads = new TransportThreads(THREAD_NAME_PREFIX);
    HttpClient client =
        HttpClient.newBuilder()
            .followRedirects(Redirect.NEVER)
            .connectTimeout(options.connectTimeout())
            .executor(threads.workers())
            .build();
    return new JdkHttpTransport(client, true, threads);
  }

  /**
   * A transport over the application's client, whose settings (proxy, TLS, connect timeout,
   * version, executor) it uses as they are. {@link #close()} never closes this client nor its
   * executor; it only stops the transport's own timer and worker threads.
   *
   * @throws IllegalArgumentException if the client follows redirects: transports hand every 3xx
   *     back, and the JDK would resend the request's credential headers to the redirect target
   */
  public static JdkHttpTransport wrap(HttpClient client) {
    Objects.requireNonNull(client, "client");
    if (client.followRedirects() != Redirect.NEVER) {
      throw new IllegalArgumentException(
          "the HttpClient follows redirects ("
              + client.followRedirects()
              + "); build it with followRedirects(HttpClient.Redirect.NEVER) so that 3xx"
              + " responses come back to the library");
    }
    return new JdkHttpTransport(client, false, new TransportThreads(THREAD_NAME_PREFIX));
  }

  /**
   * Sends the request and waits for the whole response, with {@code HttpClient.send} on the calling
   * thread; see {@link #sendAsync} for the failures. If the calling thread is interrupted while
   * waiting, the exchange is aborted, the interrupt flag is set again and a {@link
   * TransportException} is thrown. If the transport is closed meanwhile, the call fails with a
   * {@code TransportException} and the thread is left without an interrupt.
   *
   * @throws IllegalArgumentException if the JDK refuses the request (a URI scheme other than http
   *     or https, a malformed method or header)
   * @throws IllegalStateException if the transport is closed
   */
  @Override
  public TransportResponse send(TransportRequest request) {
    Objects.requireNonNull(request, "request");
    HttpRequest jdkRequest = RequestTranslator.translate(request, true);
    if (closed.get()) {
      throw new IllegalStateException("the transport is closed");
    }
    BlockingExchange exchange = new BlockingExchange(request);
    inFlight.add(exchange);
    try {
      // close() may have run between the check and the add above and missed this exchange.
      if (closed.get()) {
        throw new TransportException(
            "the transport was closed before the response to " + request + " had arrived");
      }
      return exchange.send(client, jdkRequest, threads);
    } finally {
      inFlight.remove(exchange);
    }
  }

  /**
   * Sends the request without blocking: the exchange runs on the client's own machinery.
   *
   * <p>The future completes with the response for any status, or exceptionally, directly (not
   * wrapped in a {@code CompletionException}), with a {@link TransportException}: {@link
   * io.github.devtoolssessions.core.ConnectTimeoutException} when no connection came within the
   * connect timeout, {@link io.github.devtoolssessions.core.ResponseTimeoutException} when the
   * whole response did not arrive within the request's timeout, a plain {@code TransportException}
   * (with the JDK's exception as the cause) when the exchange failed otherwise or the transport was
   * closed meanwhile or the body was corrupt gzip or in a coding it cannot decode; or with {@link
   * io.github.devtoolssessions.core.ResponseTooLargeException} when the body, decoded, passed the
   * request's cap. Cancelling the future aborts the exchange and closes its connection.
   *
   * @throws IllegalArgumentException if the JDK refuses the request (a URI scheme other than http
   *     or https, a malformed method or header)
   * @throws IllegalStateException if the transport is closed
   */
  @Override
  public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
    Objects.requireNonNull(request, "request");
    HttpRequest jdkRequest = RequestTranslator.translate(request);
    if (closed.get()) {
      throw new IllegalStateException("the transport is closed");
    }
    Exchange exchange = new Exchange(request);
    exchange.start(client, jdkRequest, threads);
    inFlight.add(exchange);
    exchange.response().whenComplete((response, failure) -> inFlight.remove(exchange));
    // close() may have run between the check and the add above and missed this exchange.
    if (closed.get()) {
      exchange.abortBecauseClosed();
    }
    return exchange.response();
  }

  /**
   * Closes the transport; calling it again does nothing. Exchanges still in flight fail with a
   * {@link TransportException}. A client the transport created is closed too where the JDK can
   * close one (21 and later; on 17 its selector thread ends once the client is unreachable), and
   * the transport's own threads are stopped, waiting a few seconds at most for them to end. A
   * client given to {@link #wrap} stays open.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      inFlight.forEach(InFlight::abortBecauseClosed);
      if (ownsClient && client instanceof AutoCloseable) {
        closeClient((AutoCloseable) client);
      }
    } finally {
      threads.shutdown();
    }
  }

  // HttpClient is AutoCloseable from JDK 21 on; the cast keeps the source compiling on 17.
  private static void closeClient(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      // HttpClient.close() declares no checked exception; only AutoCloseable's signature does.
      throw new IllegalStateException("closing the HttpClient failed", e);
    }
  }

  /** The client requests go through; for tests. */
  HttpClient client() {
    return client;
  }
}
