package io.github.devtoolssessions.transport.jdk;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.ResponseTooLargeException;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response into a {@link TransportResponse}, refusing to hold more body than the request's
 * cap: past it, the subscription is cancelled, which makes the JDK close the connection instead of
 * reading the rest, and the body fails with {@link ResponseTooLargeException}.
 *
 * <p>The JDK signals one subscriber serially and never touches a buffer again once handed over, so
 * the buffers are kept as they come and copied once, at the end.
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
  private Flow.Subscription subscription;
  private long received;

  private BoundedBodySubscriber(TransportRequest request, HttpResponse.ResponseInfo info) {
    this.request = request;
    this.statusCode = info.statusCode();
    this.headers = toCoreHeaders(info.headers());
    this.cap = Math.min(request.maxBodyBytes(), MAX_ARRAY_LENGTH);
    this.declaredLength = bodyLengthDeclared(request, info);
  }

  /** The body handler that reads every response to this request with a subscriber of this kind. */
  static HttpResponse.BodyHandler<TransportResponse> handler(TransportRequest request) {
    return info -> new BoundedBodySubscriber(request, info);
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
    result.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    if (result.isDone()) {
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

  private void refuse() {
    buffers.clear();
    subscription.cancel();
    result.completeExceptionally(new ResponseTooLargeException(request, cap));
  }

  /**
   * The Content-Length of a response that has a body, or -1. HEAD, 204 and 304 responses carry none
   * whatever their Content-Length says (RFC 9110, sections 8.6 and 15.4.5).
   */
  private static long bodyLengthDeclared(TransportRequest request, HttpResponse.ResponseInfo info) {
    if ("HEAD".equals(request.method())
        || info.statusCode() == 204
        || info.statusCode() == 304
        || info.statusCode() < 200) {
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
