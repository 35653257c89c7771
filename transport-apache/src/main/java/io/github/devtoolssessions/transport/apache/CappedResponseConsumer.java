package io.github.devtoolssessions.transport.apache;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Reads one response of the async client into a {@link TransportResponse}, holding no more body
 * than the request's cap: the data that would pass it makes {@link #consume} throw {@link
 * io.github.devtoolssessions.core.ResponseTooLargeException}, upon which HttpClient fails the
 * exchange with it and closes the connection instead of reading on.
 *
 * <p>The consumer can also be {@linkplain #abort() aborted} from any thread: whatever HttpClient
 * hands it next (the response head, data, a request for capacity) fails the exchange the same way.
 * This backs up cancelling HttpClient's future, which does not always reach the exchange:
 * HttpClient 5.6 can replace the exchange's cancellation handle with that of an earlier, completed
 * step (the connection lease) when the connection is set up on the I/O thread while the caller's
 * thread is still in {@code execute}, and cancelling the future then leaves the exchange running.
 *
 * <p>HttpClient calls a consumer from one I/O thread at a time, in order.
 */
final class CappedResponseConsumer implements AsyncResponseConsumer<TransportResponse> {

  private final TransportRequest request;
  private volatile boolean aborted;
  private int statusCode;
  private Headers headers;
  private CappedBody body;
  private FutureCallback<TransportResponse> resultCallback;

  CappedResponseConsumer(TransportRequest request) {
    this.request = request;
  }

  /**
   * Makes the next call from HttpClient fail the exchange, which closes its connection. The outcome
   * has been settled by then; HttpClient's report of the failure is ignored.
   */
  void abort() {
    aborted = true;
  }

  @Override
  public void consumeResponse(
      HttpResponse response,
      EntityDetails entityDetails,
      HttpContext context,
      FutureCallback<TransportResponse> resultCallback)
      throws IOException {
    checkNotAborted();
    this.statusCode = response.getCode();
    this.headers = MessageTranslator.responseHeaders(response);
    if (entityDetails == null) {
      // No body follows (HEAD, 204, 304, or none sent): the response is complete.
      resultCallback.completed(new TransportResponse(statusCode, headers, new byte[0]));
      return;
    }
    this.body = new CappedBody(request, entityDetails.getContentLength());
    this.resultCallback = resultCallback;
  }

  /** Interim 1xx responses carry nothing the core wants. */
  @Override
  public void informationResponse(HttpResponse response, HttpContext context) {}

  /** Asks for all the data there is: the cap, not flow control, bounds what is held. */
  @Override
  public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
    checkNotAborted();
    capacityChannel.update(Integer.MAX_VALUE);
  }

  @Override
  public void consume(ByteBuffer src) throws IOException {
    checkNotAborted();
    CappedBody current = body;
    if (current != null) {
      current.append(src);
    }
  }

  @Override
  public void streamEnd(List<? extends Header> trailers) {
    FutureCallback<TransportResponse> callback = resultCallback;
    resultCallback = null;
    if (callback != null) {
      callback.completed(new TransportResponse(statusCode, headers, body.toByteArray()));
    }
    body = null;
  }

  /** HttpClient reports the failure to the exchange's own callback; only the body is dropped. */
  @Override
  public void failed(Exception cause) {
    releaseResources();
  }

  @Override
  public void releaseResources() {
    body = null;
    resultCallback = null;
  }

  private void checkNotAborted() throws IOException {
    if (aborted) {
      throw new InterruptedIOException("the exchange for " + request + " was aborted");
    }
  }
}
