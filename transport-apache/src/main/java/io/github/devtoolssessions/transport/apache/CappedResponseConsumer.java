package io.github.devtoolssessions.transport.apache;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import io.github.devtoolssessions.core.internal.ContentCoding;
import io.github.devtoolssessions.core.internal.GzipBody;
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
 * HttpClient 5.6 replaces the exchange's cancellation handle with that of an earlier, completed
 * step (the connection lease) when the connection comes from the pool, or is set up on the I/O
 * thread while the caller's thread is still in {@code execute}, and cancelling the future then
 * leaves the exchange running (see {@link ExchangeCancellation}, which keeps the handle on the
 * transport's own client; on an application's client this is the only backup).
 *
 * <p>A gzip body is decoded as it arrives by a {@code GzipBody}, which applies the cap to the
 * decoded bytes; the response then has neither {@code Content-Encoding} nor {@code Content-Length}.
 * A body in a coding the transport never asks for fails the exchange at the head, a corrupt gzip
 * body as soon as the corruption shows, both with a {@link
 * io.github.devtoolssessions.core.TransportException}.
 *
 * <p>HttpClient calls a consumer from one I/O thread at a time, in order.
 */
final class CappedResponseConsumer implements AsyncResponseConsumer<TransportResponse> {

  private final TransportRequest request;
  private volatile boolean aborted;
  private int statusCode;
  private Headers headers;
  private CappedBody body;
  private GzipBody gzip;
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
    Headers arrived = MessageTranslator.responseHeaders(response);
    if (entityDetails == null) {
      // No body follows (HEAD, 204, 304, or none sent): the response is complete.
      resultCallback.completed(new TransportResponse(statusCode, arrived, new byte[0]));
      return;
    }
    // Throwing here, for a coding never asked for or a declared length over the cap, fails the
    // exchange before a byte of the body is read.
    if (ContentCoding.isGzip(arrived, request)) {
      this.headers = ContentCoding.decoded(arrived);
      this.gzip = new GzipBody(request, entityDetails.getContentLength());
    } else {
      this.headers = arrived;
      this.body = new CappedBody(request, entityDetails.getContentLength());
    }
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
    GzipBody decoding = gzip;
    if (decoding != null) {
      // Over the cap or corrupt, this throws, and HttpClient fails the exchange with it.
      decoding.decode(src);
      return;
    }
    CappedBody current = body;
    if (current != null) {
      current.append(src);
    }
  }

  @Override
  public void streamEnd(List<? extends Header> trailers) {
    FutureCallback<TransportResponse> callback = resultCallback;
    GzipBody decoding = gzip;
    CappedBody plain = body;
    resultCallback = null;
    gzip = null;
    body = null;
    if (callback == null) {
      if (decoding != null) {
        decoding.release();
      }
      return;
    }
    byte[] bytes;
    try {
      bytes = decoding != null ? decoding.finish() : plain.toByteArray();
    } catch (RuntimeException e) {
      // A gzip body that ended inside a member; the exchange itself went well.
      callback.failed(e);
      return;
    }
    callback.completed(new TransportResponse(statusCode, headers, bytes));
  }

  /** HttpClient reports the failure to the exchange's own callback; only the body is dropped. */
  @Override
  public void failed(Exception cause) {
    releaseResources();
  }

  @Override
  public void releaseResources() {
    body = null;
    GzipBody decoding = gzip;
    gzip = null;
    if (decoding != null) {
      decoding.release();
    }
    resultCallback = null;
  }

  private void checkNotAborted() throws IOException {
    if (aborted) {
      throw new InterruptedIOException("the exchange for " + request + " was aborted");
    }
  }
}
