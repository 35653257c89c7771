package io.github.devtoolssessions.transport.apache;

import io.github.devtoolssessions.core.TransportOptions;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The four ways a request can travel through the transport, each of which must honour the whole
 * contract. The wrapped clients are built the way an application would, with HttpClient's defaults
 * (redirects followed, compression and cookies on) but for retries and the connect timeout, so that
 * the tests also show that the transport's per-request settings win over a client's defaults.
 */
enum Route {
  /** {@code create()}, then {@code send}: the transport's classic client, on the caller thread. */
  CREATED_SEND(false),
  /** {@code create()}, then {@code sendAsync}: the transport's async client. */
  CREATED_SEND_ASYNC(true),
  /** {@code wrap(async)}, then {@code send}: waits on the application's async client. */
  WRAPPED_ASYNC_SEND(false),
  /** {@code wrap(classic)}, then {@code sendAsync}: the classic client on a worker thread. */
  WRAPPED_CLASSIC_SEND_ASYNC(true);

  private final boolean async;

  Route(boolean async) {
    this.async = async;
  }

  /** Whether the route goes through {@code sendAsync}. */
  boolean isAsync() {
    return async;
  }

  /** A transport for this route, with the application's clients if it wraps any. */
  Harness open(TransportOptions options) {
    switch (this) {
      case CREATED_SEND:
      case CREATED_SEND_ASYNC:
        return new Harness(this, ApacheHttpTransport.create(options), null, null);
      case WRAPPED_ASYNC_SEND:
        CloseableHttpAsyncClient async =
            HttpAsyncClients.custom()
                .setConnectionManager(
                    PoolingAsyncClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(connectionConfig(options))
                        .build())
                .disableAutomaticRetries()
                .build();
        async.start();
        return new Harness(this, ApacheHttpTransport.wrap(async), null, async);
      case WRAPPED_CLASSIC_SEND_ASYNC:
        CloseableHttpClient classic =
            HttpClients.custom()
                .setConnectionManager(
                    PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(connectionConfig(options))
                        .build())
                .disableAutomaticRetries()
                .build();
        return new Harness(this, ApacheHttpTransport.wrap(classic), classic, null);
      default:
        throw new AssertionError(this);
    }
  }

  /** What an application that wants these options sets on its own client. */
  private static ConnectionConfig connectionConfig(TransportOptions options) {
    return ConnectionConfig.custom()
        .setConnectTimeout(Timeout.of(options.connectTimeout()))
        .build();
  }

  /** A transport under test and the application's clients it wraps, closed together. */
  static final class Harness implements AutoCloseable {
    final Route route;
    final ApacheHttpTransport transport;
    private final CloseableHttpClient appClassic;
    private final CloseableHttpAsyncClient appAsync;

    Harness(
        Route route,
        ApacheHttpTransport transport,
        CloseableHttpClient appClassic,
        CloseableHttpAsyncClient appAsync) {
      this.route = route;
      this.transport = transport;
      this.appClassic = appClassic;
      this.appAsync = appAsync;
    }

    /**
     * Sends the request the route's way and waits for the response; a failure of the future is
     * rethrown as it is, which also shows that the future is not failed with a wrapper.
     */
    TransportResponse exchange(TransportRequest request) {
      if (!route.isAsync()) {
        return transport.send(request);
      }
      CompletableFuture<TransportResponse> future = transport.sendAsync(request);
      try {
        return future.get(20, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException) {
          throw (RuntimeException) e.getCause();
        }
        throw new AssertionError("the future failed with a checked exception", e.getCause());
      } catch (InterruptedException | TimeoutException e) {
        throw new AssertionError("no outcome", e);
      }
    }

    @Override
    public void close() {
      transport.close();
      try {
        if (appClassic != null) {
          appClassic.close(CloseMode.IMMEDIATE);
        }
      } finally {
        if (appAsync != null) {
          appAsync.close(CloseMode.IMMEDIATE);
        }
      }
    }

    @Override
    public String toString() {
      return route.name();
    }
  }
}
