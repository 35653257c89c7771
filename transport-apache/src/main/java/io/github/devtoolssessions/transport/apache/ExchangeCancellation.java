package io.github.devtoolssessions.transport.apache;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.concurrent.CancellableDependency;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;

/**
 * The way to cancel one exchange on an async client the transport built itself, kept where
 * HttpClient's own future can lose it.
 *
 * <p>HttpClient 5.6's future holds a single cancellation handle per exchange: the last one a step
 * of the execution chain {@linkplain CancellableDependency#setDependency registered}. The connect
 * step registers the handle of the connection lease once {@code lease} returns. When the pool has
 * an idle connection for the route, the lease completes inside that call, on the caller's thread,
 * and the rest of the chain runs there too, up to the main transport step, which starts the
 * exchange on the connection and registers its handle (the hard cancellation of the running
 * exchange). Then the connect step, returning, replaces that handle with the lease's, a step long
 * done. Cancelling the future then cancels nothing: the exchange runs on, and its connection stays
 * open and leased, until the server answers or the response timeout passes. On a new connection the
 * exchange starts later, on the I/O thread, usually after the lease's handle, so that its own
 * stays; but a connection set up before the caller's thread gets back from the lease loses it the
 * same way.
 *
 * <p>The interceptor {@linkplain #addTo added} just before the main transport step hands that step
 * a scope whose dependency records every handle it registers (and still hands it on to HttpClient's
 * future, so that nothing else changes). The exchange's record is found through an attribute of the
 * context the transport passes to {@code execute}; a context without one (a call that did not come
 * from the transport) goes through untouched. {@link #cancel()} cancels the recorded handle, or the
 * one registered later, which HttpClient's hard cancellation (enabled in every request's
 * configuration) turns into failing the exchange and closing its connection.
 */
final class ExchangeCancellation implements Cancellable {

  /** The context attribute under which the transport leaves an exchange's record. */
  private static final String ATTRIBUTE = ExchangeCancellation.class.getName();

  /** The name of the interceptor in the execution chain. */
  private static final String INTERCEPTOR_NAME = "devtools-sessions-exchange-cancellation";

  private final AtomicReference<Cancellable> handle = new AtomicReference<>();
  private volatile boolean cancelled;

  /**
   * A record for one exchange, which the interceptor of the client finds in {@code context}; a
   * client without it ignores the attribute.
   */
  static ExchangeCancellation attachedTo(HttpClientContext context) {
    ExchangeCancellation cancellation = new ExchangeCancellation();
    context.setAttribute(ATTRIBUTE, cancellation);
    return cancellation;
  }

  /**
   * Adds to the client the execution chain step that records the handles of the main transport
   * step, right before that step.
   */
  static HttpAsyncClientBuilder addTo(HttpAsyncClientBuilder builder) {
    AsyncExecChainHandler interceptor = ExchangeCancellation::intercept;
    return builder.addExecInterceptorBefore(
        ChainElement.MAIN_TRANSPORT.name(), INTERCEPTOR_NAME, interceptor);
  }

  private static void intercept(
      HttpRequest request,
      AsyncEntityProducer entityProducer,
      AsyncExecChain.Scope scope,
      AsyncExecChain chain,
      AsyncExecCallback callback)
      throws HttpException, IOException {
    Object attached = scope.clientContext.getAttribute(ATTRIBUTE);
    if (!(attached instanceof ExchangeCancellation)) {
      chain.proceed(request, entityProducer, scope, callback);
      return;
    }
    ExchangeCancellation cancellation = (ExchangeCancellation) attached;
    AsyncExecChain.Scope recording =
        new AsyncExecChain.Scope(
            scope.exchangeId,
            scope.route,
            scope.originalRequest,
            cancellation.recordingFor(scope.cancellableDependency),
            scope.clientContext,
            scope.execRuntime,
            scope.scheduler,
            scope.execCount);
    chain.proceed(request, entityProducer, recording, callback);
  }

  /**
   * Cancels the exchange through the handle its main transport step registered, or, if it has not
   * registered one yet, through the one it registers next.
   *
   * @return whether a handle was there and took the cancellation
   */
  @Override
  public boolean cancel() {
    cancelled = true;
    Cancellable current = handle.get();
    return current != null && current.cancel();
  }

  private void record(Cancellable registered) {
    handle.set(registered);
    // A cancel() that read no handle, or the one before, sees this one cancelled here; one that
    // also cancels it does no harm: HttpClient's hard cancellation acts once.
    if (cancelled) {
      registered.cancel();
    }
  }

  private CancellableDependency recordingFor(CancellableDependency future) {
    return new CancellableDependency() {
      @Override
      public void setDependency(Cancellable dependency) {
        future.setDependency(dependency);
        record(dependency);
      }

      @Override
      public boolean isCancelled() {
        return future.isCancelled() || cancelled;
      }

      @Override
      public boolean cancel() {
        return future.cancel();
      }
    };
  }
}
