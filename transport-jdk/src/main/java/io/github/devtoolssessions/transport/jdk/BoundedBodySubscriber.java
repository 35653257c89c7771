package io.github.devtoolssessions.transport.jdk;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.ResponseTooLargeException;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import io.github.devtoolssessions.core.internal.ContentCoding;
import io.github.devtoolssessions.core.internal.GzipBody;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Reads a response into a {@link TransportResponse}, refusing to hold more body than the request's
 * cap: past it, the subscription is cancelled, which makes the JDK close the connection instead of
 * reading the rest, and the body fails with {@link ResponseTooLargeException}.
 *
 * <p>The JDK signals one subscriber serially and never touches a buffer again once handed over, so
 * the buffers of a plain body are kept as they come and copied once, at the end.
 *
 * <p>A gzip body ({@code Content-Encoding: gzip}) is decoded as it arrives by a {@code GzipBody},
 * which applies the cap to the decoded bytes and keeps none of the compressed ones; the response
 * handed on has the decoded body and neither {@code Content-Encoding} nor {@code Content-Length}. A
 * corrupt gzip body, or a body in a coding the transport never asks for, fails with a {@link
 * io.github.devtoolssessions.core.TransportException}; the subscription is cancelled first when the
 * rest of the body is still to come, so that the connection is closed rather than read on.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<TransportResponse> {

  /** The largest byte array the JVM reliably allocates: the cap can be no higher. */
  private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

  private final TransportRequest request;
  private final int statusCode;
  private final Headers headers;
  private final long cap;
  private final long declaredLength;
  private final CompletableFuture<TransportResponse> result = new CompletableFuture<>();
  private final List<ByteBuffer> buffers = new ArrayList<>();

  /** The decoder of a gzip body; null for a body taken as it is. */
  private final GzipBody gzip;

  /** Why the body cannot be read at all (a coding never asked for); null if it can. */
  private final RuntimeException unreadable;

  /** Set by the JDK's thread; read by {@link #abort} from another. */
  private volatile Flow.Subscription subscription;

  /** Whether the subscription was cancelled: at most once, whichever thread gets there first. */
  private final AtomicBoolean cancelled = new AtomicBoolean();

  private long received;

  private BoundedBodySubscriber(TransportRequest request, HttpResponse.ResponseInfo info) {
    this.request = request;
    this.statusCode = info.statusCode();
    this.cap = Math.min(request.maxBodyBytes(), MAX_ARRAY_LENGTH);
    Headers arrived = toCoreHeaders(info.headers());
    boolean gzipped = false;
    RuntimeException refusal = null;
    if (hasBody(request, info.statusCode())) {
      try {
        gzipped = ContentCoding.isGzip(arrived, request);
      } catch (RuntimeException e) {
        refusal = e;
      }
    }
    this.unreadable = refusal;
    this.gzip = gzipped ? new GzipBody(request, bodyLengthDeclared(request, info)) : null;
    this.headers = gzipped ? ContentCoding.decoded(arrived) : arrived;
    // Only a plain body's declared length says how much will be held.
    this.declaredLength = gzipped || refusal != null ? -1 : bodyLengthDeclared(request, info);
  }

  /** The body handler that reads every response to this request with a subscriber of this kind. */
  static HttpResponse.BodyHandler<TransportResponse> handler(TransportRequest request) {
    return handler(request, body -> {});
  }

  /**
   * The body handler that reads every response to this request with a subscriber of this kind, and
   * hands each subscriber to {@code subscribers} as it is made, before the JDK subscribes it.
   */
  static HttpResponse.BodyHandler<TransportResponse> handler(
      TransportRequest request, Consumer<BoundedBodySubscriber> subscribers) {
    return info -> {
      BoundedBodySubscriber subscriber = new BoundedBodySubscriber(request, info);
      subscribers.accept(subscriber);
      return subscriber;
    };
  }

  /**
   * The JDK's headers as core headers, without HTTP/2 pseudo-headers such as {@code :status}, which
   * are framing, not headers; a repeated header keeps all its values in order.
   */
  static Headers toCoreHeaders(HttpHeaders jdkHeaders) {
    Headers.Builder builder = Headers.builder();
    jdkHeaders
        .map()
        .forEach(
            (name, values) -> {
              if (!name.startsWith(":")) {
                values.forEach(value -> builder.add(name, value));
              }
            });
    return builder.build();
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    Objects.requireNonNull(subscription, "subscription");
    if (this.subscription != null) {
      subscription.cancel();
      return;
    }
    this.subscription = subscription;
    if (result.isDone()) {
      // Aborted before the JDK subscribed: abort() could not cancel then.
      cancelSubscription();
      releaseDecoder();
      return;
    }
    if (unreadable != null) {
      fail(unreadable);
      return;
    }
    if (declaredLength > cap) {
      // Content-Length already says it: fail before reading a byte.
      refuse();
      return;
    }
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      buffers.clear(); // after an abort, which leaves them to this thread
      return;
    }
    if (gzip != null) {
      try {
        for (ByteBuffer item : items) {
          gzip.decode(item);
        }
      } catch (RuntimeException e) {
        // Over the cap, or corrupt: the decoder has released itself.
        fail(e);
      }
      return;
    }
    for (ByteBuffer item : items) {
      received += item.remaining();
      if (received > cap) {
        refuse();
        return;
      }
      buffers.add(item);
    }
  }

  @Override
  public void onError(Throwable failure) {
    buffers.clear();
    if (gzip != null) {
      gzip.release();
    }
    result.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    if (result.isDone()) {
      return;
    }
    if (gzip != null) {
      try {
        result.complete(new TransportResponse(statusCode, headers, gzip.finish()));
      } catch (RuntimeException e) {
        // The whole body has arrived, so the connection is intact: no need to cancel.
        result.completeExceptionally(e);
      }
      return;
    }
    byte[] body = new byte[(int) received];
    int offset = 0;
    for (ByteBuffer buffer : buffers) {
      int length = buffer.remaining();
      buffer.get(body, offset, length);
      offset += length;
    }
    buffers.clear();
    result.complete(new TransportResponse(statusCode, headers, body));
  }

  @Override
  public CompletionStage<TransportResponse> getBody() {
    return result;
  }

  /**
   * Fails the body from another thread (a deadline passing, the transport closing) unless it is
   * complete already: the body future fails at once and the subscription is cancelled, which makes
   * the JDK close the connection and end the exchange. The buffers are left to the JDK's thread,
   * which may be adding to them right now; the gzip decoder is synchronized and released here. No
   * effect once the body is complete.
   */
  void abort(RuntimeException why) {
    if (!result.completeExceptionally(why)) {
      return;
    }
    if (subscription != null) {
      cancelSubscription();
    }
    releaseDecoder();
  }

  /** The body as it will be handed to the JDK; for whoever must fail it from outside. */
  CompletableFuture<TransportResponse> body() {
    return result;
  }

  private void cancelSubscription() {
    if (cancelled.compareAndSet(false, true)) {
      subscription.cancel();
    }
  }

  private void releaseDecoder() {
    if (gzip != null) {
      gzip.release();
    }
  }

  private void refuse() {
    fail(new ResponseTooLargeException(request, cap));
  }

  /** Stops reading, which closes the connection, and fails the body. */
  private void fail(RuntimeException failure) {
    buffers.clear();
    cancelSubscription();
    releaseDecoder();
    result.completeExceptionally(failure);
  }

  /**
   * Whether a response to this request with this status has a body at all: HEAD, 1xx, 204 and 304
   * responses carry none, whatever their headers say (RFC 9110, sections 6.4.1, 8.6 and 15.4.5).
   */
  private static boolean hasBody(TransportRequest request, int statusCode) {
    return !"HEAD".equals(request.method())
        && statusCode != 204
        && statusCode != 304
        && statusCode >= 200;
  }

  /** The Content-Length of a response that has a body, or -1. */
  private static long bodyLengthDeclared(TransportRequest request, HttpResponse.ResponseInfo info) {
    if (!hasBody(request, info.statusCode())) {
      return -1;
    }
    try {
      return info.headers().firstValueAsLong("Content-Length").orElse(-1);
    } catch (NumberFormatException malformed) {
      // Then the JDK will not frame the body by it either; the running count still applies.
      return -1;
    }
  }
}
