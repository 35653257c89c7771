package io.github.devtoolssessions.transport.apache;

import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportOptions;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.apache.hc.client5.http.config.Configurable;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.reactor.IOReactorStatus;
import org.apache.hc.core5.util.TimeValue;

/**
 * An {@link HttpTransport} over Apache HttpClient 5: {@link #send} on a classic (blocking) client,
 * {@link #sendAsync} on an async client, without blocking.
 *
 * <p>Requests go out with their method, raw URI (the percent-encoded path and query exactly as
 * given) and headers, except the headers HttpClient writes itself ({@code Connection}, {@code
 * Content-Length}, {@code Expect}, {@code Host}, {@code Upgrade}), which are left out. HttpClient
 * adds its own {@code User-Agent} only to requests without one. Every status comes back as a
 * response: redirects are never followed, authentication challenges never answered, cookies never
 * sent nor kept, content never decompressed by HttpClient, whatever the client's defaults, because
 * every request carries a configuration of its own that says so.
 *
 * <p>Compression is the transport's own, the same on every client: a request without an {@code
 * Accept-Encoding} of its own goes out with {@code Accept-Encoding: gzip}, and a gzip body is
 * decoded as it arrives; the response then has the decoded body and no {@code Content-Encoding} or
 * {@code Content-Length}. The request's body cap applies to the decoded bytes, so a small body that
 * inflates past it fails with {@link io.github.devtoolssessions.core.ResponseTooLargeException}
 * without ever being held whole. A corrupt gzip body, or one in another coding (which the transport
 * never asks for), fails with a {@link TransportException}.
 *
 * <p>{@link TransportRequest#timeout()} bounds the whole exchange, the body included: it is the
 * response (socket) timeout of the request, so that a server that stops sending fails soon, and a
 * deadline past which the exchange is aborted, so that one that sends slowly fails too. Either ends
 * in {@link io.github.devtoolssessions.core.ResponseTimeoutException}.
 *
 * <p>Threads: a transport from {@link #create()} starts the I/O thread of its async client on the
 * first {@link #sendAsync} call. The transport owns daemon threads whose names begin with {@code
 * devtools-sessions-apache-}: that I/O thread, and workers, made on demand and ended when idle,
 * that complete the futures of {@code sendAsync} (so that callers' dependent stages never run on an
 * I/O thread) and run a classic client's exchanges when no async client was given. {@link #close()}
 * stops them all.
 *
 * <p>Instances are thread-safe.
 */
public final class ApacheHttpTransport implements HttpTransport {

  /** The I/O threads of a created async client: one carries many connections. */
  private static final int IO_THREADS = 1;

  /** How long {@link #close()} waits for a created async client to shut down. */
  private static final TimeValue SHUTDOWN_WAIT = TimeValue.ofSeconds(5);

  private final CloseableHttpClient classic;
  private final RequestConfig classicDefaults;
  private final Supplier<CloseableHttpAsyncClient> asyncFactory;
  private final PoolingAsyncClientConnectionManager asyncPool;
  private final RequestConfig asyncDefaults;
  private final boolean ownsClients;
  private final TransportThreads threads;
  private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private volatile CloseableHttpAsyncClient async;
  private volatile boolean closed;

  private ApacheHttpTransport(
      CloseableHttpClient classic,
      CloseableHttpAsyncClient async,
      Supplier<CloseableHttpAsyncClient> asyncFactory,
      PoolingAsyncClientConnectionManager asyncPool,
      boolean ownsClients,
      TransportThreads threads) {
    this.classic = classic;
    this.classicDefaults = defaultsOf(classic);
    this.async = async;
    this.asyncFactory = asyncFactory;
    this.asyncPool = asyncPool;
    // The async client of a created transport does not exist yet; it will have these defaults.
    this.asyncDefaults =
        asyncFactory != null ? MessageTranslator.clientDefaults() : defaultsOf(async);
    this.ownsClients = ownsClients;
    this.threads = threads;
  }

  /** A transport with its own clients and the {@linkplain TransportOptions#defaults() defaults}. */
  public static ApacheHttpTransport create() {
    return create(TransportOptions.defaults());
  }

  /**
   * A transport with clients of its own: a classic client for {@link #send} and, from the first
   * {@link #sendAsync}, an async client with one I/O thread. Both use the connect timeout of the
   * options, connection pools of HttpClient's default sizes, the JDK's default TLS context and no
   * proxy, and have redirects, automatic retries (the library's core decides retries), cookies,
   * authentication caching and HttpClient's own content compression (the transport does its own)
   * turned off. Requests without a timeout wait without limit. The async client also carries an
   * execution interceptor of the transport's, so that aborting an exchange closes its connection
   * even when the connection came from the pool (see {@link #wrap(CloseableHttpAsyncClient)}).
   * {@link #close()} releases all of it.
   */
  public static ApacheHttpTransport create(TransportOptions options) {
    Objects.requireNonNull(options, "options");
    ConnectionConfig connection =
        ConnectionConfig.custom()
            .setConnectTimeout(MessageTranslator.toTimeout(options.connectTimeout()))
            .build();
    RequestConfig defaults = MessageTranslator.clientDefaults();
    CloseableHttpClient classic =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDefaultConnectionConfig(connection)
                    .build())
            .setDefaultRequestConfig(defaults)
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableContentCompression()
            .build();
    TransportThreads threads = new TransportThreads();
    // Made now (it starts nothing) so that tests can look at it; the client closes it.
    PoolingAsyncClientConnectionManager asyncPool =
        PoolingAsyncClientConnectionManagerBuilder.create()
            .setDefaultConnectionConfig(connection)
            .build();
    Supplier<CloseableHttpAsyncClient> asyncFactory =
        () ->
            ExchangeCancellation.addTo(HttpAsyncClients.custom())
                .setConnectionManager(asyncPool)
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(IO_THREADS).build())
                .setThreadFactory(threads.ioThreads())
                .setDefaultRequestConfig(defaults)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
    return new ApacheHttpTransport(classic, null, asyncFactory, asyncPool, true, threads);
  }

  /**
   * A transport over the application's classic client, with its settings (proxy, TLS, pool, connect
   * and socket timeouts, interceptors) as they are. {@link #send} blocks on it; {@link #sendAsync}
   * runs the same blocking exchange on a worker thread the transport owns. {@link #close()} stops
   * those workers and leaves the client open.
   *
   * <p>Each request carries its own configuration, copied from the client's default one where the
   * client exposes it, with redirects, authentication, protocol upgrade and content compression
   * turned off and the request's timeout as response timeout. Build the client with {@code
   * disableAutomaticRetries()}: HttpClient's default retry strategy would otherwise resend requests
   * itself on top of the library's own retries.
   */
  public static ApacheHttpTransport wrap(CloseableHttpClient classic) {
    Objects.requireNonNull(classic, "classic");
    return new ApacheHttpTransport(classic, null, null, null, false, new TransportThreads());
  }

  /**
   * A transport over the application's async client, with its settings as they are. {@link
   * #sendAsync} uses it without blocking; {@link #send} sends the same way and waits for the
   * outcome, so that an interrupt aborts the exchange at once. The client must have been {@code
   * start()}ed. {@link #close()} leaves it open.
   *
   * <p>Each request carries its own configuration (HttpClient's defaults, since an async client
   * does not expose its own, with redirects, authentication, protocol upgrade and content
   * compression turned off and the request's timeout as response timeout). Build the client with
   * {@code disableAutomaticRetries()}: the library decides retries itself.
   *
   * <p>Aborting is weaker on such a client than on the transport's own. HttpClient 5.6 loses the
   * handle that cancels an exchange running on a connection taken from its pool (kept alive by an
   * earlier exchange); the transport's own async client carries an execution interceptor that keeps
   * it, which the transport cannot add to a client already built. So when such an exchange is
   * cancelled, interrupted, timed out or cut short by {@link #close()}, the caller's future or
   * {@code send} still fails at once, but the exchange and its connection go on, busy, until the
   * response head arrives (the connection is then closed) or the request's timeout passes as the
   * connection's response timeout; without a timeout, until the server answers or closes.
   */
  public static ApacheHttpTransport wrap(CloseableHttpAsyncClient async) {
    Objects.requireNonNull(async, "async");
    return new ApacheHttpTransport(null, async, null, null, false, new TransportThreads());
  }

  /**
   * A transport over the application's two clients: {@link #send} blocks on the classic one, {@link
   * #sendAsync} uses the async one. See {@link #wrap(CloseableHttpClient)} and {@link
   * #wrap(CloseableHttpAsyncClient)}, also for how aborting an exchange on a pooled connection of
   * the async client falls short. {@link #close()} leaves both open.
   */
  public static ApacheHttpTransport wrap(
      CloseableHttpClient classic, CloseableHttpAsyncClient async) {
    Objects.requireNonNull(classic, "classic");
    Objects.requireNonNull(async, "async");
    return new ApacheHttpTransport(classic, async, null, null, false, new TransportThreads());
  }

  /**
   * Sends the request and waits for the whole response; see {@link #sendAsync} for the failures.
   *
   * <p>On a classic client the exchange runs on the calling thread. Blocking socket I/O does not
   * notice interrupts, so an interrupted caller is noticed before the request is sent and between
   * reads of the body; on an async client waiting ends at once. Either way the exchange is aborted,
   * the interrupt flag stays set and a {@link TransportException} is thrown.
   *
   * @throws IllegalArgumentException if the URI's scheme is not http or https
   * @throws IllegalStateException if the transport is closed, or the async client it was given is
   *     closed
   */
  @Override
  public TransportResponse send(TransportRequest request) {
    Objects.requireNonNull(request, "request");
    MessageTranslator.checkSupported(request);
    requireOpen();
    CompletableFuture<TransportResponse> response =
        classic != null
            ? sendClassic(request)
            : sendOverAsync(request, asyncClient(), Runnable::run);
    try {
      return response.get();
    } catch (InterruptedException e) {
      response.cancel(true);
      Thread.currentThread().interrupt();
      throw ExchangeFailures.interrupted(request, e);
    } catch (ExecutionException e) {
      throw ExchangeFailures.unchecked(e.getCause(), request);
    }
  }

  /**
   * Sends the request without blocking the caller: on the async client, or else on a worker thread
   * that runs the classic client's exchange.
   *
   * <p>The future completes, on one of the transport's worker threads, with the response for any
   * status, or exceptionally, directly (not wrapped in a {@code CompletionException}), with a
   * {@link TransportException}: {@link io.github.devtoolssessions.core.ConnectTimeoutException}
   * when no connection came within the connect timeout, {@link
   * io.github.devtoolssessions.core.ResponseTimeoutException} when the whole response did not
   * arrive within the request's timeout, a plain {@code TransportException} (with HttpClient's
   * exception as the cause) when the exchange failed otherwise or the transport was closed
   * meanwhile or the body was corrupt gzip or in a coding it cannot decode; or with {@link
   * io.github.devtoolssessions.core.ResponseTooLargeException} when the body, decoded, passed the
   * request's cap. Cancelling the future aborts the exchange and closes its connection, also one
   * taken from the pool, with one exception: on an async client given to {@link
   * #wrap(CloseableHttpAsyncClient)} or {@link #wrap(CloseableHttpClient,
   * CloseableHttpAsyncClient)} the future is cancelled at once, but an exchange on a pooled
   * connection goes on until the response head arrives or the request's timeout passes (see there).
   *
   * @throws IllegalArgumentException if the URI's scheme is not http or https
   * @throws IllegalStateException if the transport is closed, or the async client it was given is
   *     closed
   */
  @Override
  public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
    Objects.requireNonNull(request, "request");
    MessageTranslator.checkSupported(request);
    requireOpen();
    CloseableHttpAsyncClient client = asyncClient();
    return client != null
        ? sendOverAsync(request, client, threads::execute)
        : sendClassicOnWorker(request);
  }

  /**
   * Closes the transport; calling it again does nothing. Exchanges still in flight fail with a
   * {@link TransportException} and are aborted. Clients the transport created are closed: the
   * classic one {@linkplain CloseMode#GRACEFUL gracefully} (its pool closes the idle connections),
   * the async one {@linkplain CloseMode#IMMEDIATE immediately}, since every exchange on it has been
   * aborted and nothing is left to finish; then the transport's threads are stopped, waiting a few
   * seconds at most for them to end. Clients given to a {@code wrap} method stay open.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      inFlight.forEach(Exchange::abortBecauseClosed);
      if (ownsClients) {
        closeOwnClients();
      }
    } finally {
      threads.shutdown();
    }
  }

  private void closeOwnClients() {
    try {
      classic.close(CloseMode.GRACEFUL);
    } finally {
      CloseableHttpAsyncClient current = async;
      if (current != null) {
        current.close(CloseMode.IMMEDIATE);
        try {
          current.awaitShutdown(SHUTDOWN_WAIT);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      } else {
        // Never handed to a client, which would have closed it; it holds no connection.
        asyncPool.close(CloseMode.IMMEDIATE);
      }
    }
  }

  private CompletableFuture<TransportResponse> sendClassic(TransportRequest request) {
    ClassicExchange classicExchange =
        new ClassicExchange(
            classic, request, MessageTranslator.requestConfig(classicDefaults, request));
    // Completed on this very thread (or the deadline's), which waits for it anyway.
    Exchange exchange = track(new Exchange(request, Runnable::run));
    exchange.abortWith(classicExchange::abort);
    run(classicExchange, exchange);
    return exchange.response();
  }

  private CompletableFuture<TransportResponse> sendClassicOnWorker(TransportRequest request) {
    ClassicExchange classicExchange =
        new ClassicExchange(
            classic, request, MessageTranslator.requestConfig(classicDefaults, request));
    Exchange exchange = track(new Exchange(request, threads::execute));
    exchange.abortWith(classicExchange::abort);
    try {
      threads.workers().execute(() -> run(classicExchange, exchange));
    } catch (RejectedExecutionException closing) {
      exchange.abortBecauseClosed();
    }
    return exchange.response();
  }

  private static void run(ClassicExchange classicExchange, Exchange exchange) {
    try {
      exchange.complete(classicExchange.execute());
    } catch (InterruptedIOException e) {
      exchange.fail(
          Thread.currentThread().isInterrupted()
              ? ExchangeFailures.interrupted(classicExchange.request(), e)
              : e);
    } catch (Throwable t) {
      exchange.fail(t);
    }
  }

  private CompletableFuture<TransportResponse> sendOverAsync(
      TransportRequest request, CloseableHttpAsyncClient client, Executor delivery) {
    IOReactorStatus status = client.getStatus();
    if (status == IOReactorStatus.SHUTTING_DOWN || status == IOReactorStatus.SHUT_DOWN) {
      // HttpClient would fail the exchange as "cancelled", which hides the mistake.
      throw new IllegalStateException(
          "the async HttpClient has been closed ("
              + status
              + "); keep it open while the transport uses it");
    }
    Exchange exchange = track(new Exchange(request, delivery));
    CappedResponseConsumer consumer = new CappedResponseConsumer(request);
    HttpClientContext context =
        MessageTranslator.context(MessageTranslator.requestConfig(asyncDefaults, request));
    // Only the transport's own client has the interceptor that fills it in; see
    // ExchangeCancellation.
    ExchangeCancellation cancellation = ExchangeCancellation.attachedTo(context);
    try {
      Future<TransportResponse> pending =
          client.execute(
              new BasicRequestProducer(MessageTranslator.asyncRequest(request), null),
              consumer,
              null,
              context,
              new FutureCallback<>() {
                @Override
                public void completed(TransportResponse response) {
                  exchange.complete(response);
                }

                @Override
                public void failed(Exception failure) {
                  exchange.fail(failure);
                }

                @Override
                public void cancelled() {
                  exchange.fail(new CancellationException("HttpClient cancelled the exchange"));
                }
              });
      // Cancelling HttpClient's future aborts the exchange and closes its connection, but not on
      // a connection from the pool, where the future has lost the exchange's cancellation handle;
      // the transport's own client keeps that handle for it (see ExchangeCancellation). On a
      // client the application gave, the aborted consumer fails the exchange as soon as HttpClient
      // calls it again, and one stalled before that ends at the request's response timeout.
      exchange.abortWith(
          () -> {
            consumer.abort();
            cancellation.cancel();
            pending.cancel(true);
          });
    } catch (RuntimeException e) {
      // HttpClient reports failures through the callback; this is for clients that throw instead.
      exchange.fail(e);
    }
    return exchange.response();
  }

  /**
   * Tracks the exchange until it is over, so that {@link #close()} can abort it; aborts it at once
   * if the transport closed meanwhile.
   */
  private Exchange track(Exchange exchange) {
    inFlight.add(exchange);
    exchange.response().whenComplete((response, failure) -> inFlight.remove(exchange));
    // close() may have run between the caller's check and the add above, and missed it.
    if (closed) {
      exchange.abortBecauseClosed();
    }
    return exchange;
  }

  /** The async client, created and started on first use if the transport makes its own. */
  private CloseableHttpAsyncClient asyncClient() {
    CloseableHttpAsyncClient current = async;
    if (current != null || asyncFactory == null) {
      return current;
    }
    synchronized (lock) {
      requireOpen();
      if (async == null) {
        CloseableHttpAsyncClient created = asyncFactory.get();
        created.start();
        async = created;
      }
      return async;
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the transport is closed");
    }
  }

  private static RequestConfig defaultsOf(Object client) {
    if (client instanceof Configurable) {
      RequestConfig config = ((Configurable) client).getConfig();
      if (config != null) {
        return config;
      }
    }
    return RequestConfig.DEFAULT;
  }

  /**
   * The connection pool of the async client the transport makes itself, or null for a transport
   * over the application's clients; for tests.
   */
  PoolingAsyncClientConnectionManager ownAsyncPool() {
    return asyncPool;
  }

  /** How the names of this transport's threads begin; for tests. */
  String threadNamePrefix() {
    return threads.prefix();
  }
}
