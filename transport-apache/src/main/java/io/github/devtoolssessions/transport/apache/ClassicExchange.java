package io.github.devtoolssessions.transport.apache;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import io.github.devtoolssessions.core.internal.ContentCoding;
import io.github.devtoolssessions.core.internal.GzipBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;

/**
 * One exchange on a classic (blocking) client, run on the calling thread: sends the request, reads
 * the whole body under the cap, and can be aborted from another thread.
 *
 * <p>Blocking socket I/O does not notice interrupts, so an interrupt is checked for before sending
 * and between reads of the body: once seen, the exchange is aborted and {@link #execute()} fails
 * with an {@link InterruptedIOException}, leaving the interrupt flag set.
 */
final class ClassicExchange {

  private static final int READ_BUFFER_SIZE = 16 * 1024;

  private final CloseableHttpClient client;
  private final TransportRequest request;
  private final RequestConfig config;
  private final HttpUriRequestBase httpRequest;

  ClassicExchange(CloseableHttpClient client, TransportRequest request, RequestConfig config) {
    this.client = client;
    this.request = request;
    this.config = config;
    this.httpRequest = MessageTranslator.classicRequest(request, config);
  }

  /** The request this exchange sends. */
  TransportRequest request() {
    return request;
  }

  /**
   * Aborts the exchange from any thread: the connection is closed, not returned to the pool, and a
   * thread blocked in {@link #execute()} fails. Idempotent.
   */
  void abort() {
    httpRequest.cancel();
  }

  /**
   * Sends the request and reads the whole response.
   *
   * @throws IOException if the exchange fails or is aborted
   * @throws io.github.devtoolssessions.core.ResponseTooLargeException if the body, decoded, passes
   *     the cap; the exchange is aborted first
   * @throws io.github.devtoolssessions.core.TransportException if the body is corrupt gzip or in a
   *     coding the transport cannot decode; the exchange is aborted first
   */
  TransportResponse execute() throws IOException {
    checkInterrupt();
    ClassicHttpResponse response =
        client.executeOpen(null, httpRequest, MessageTranslator.context(config));
    boolean complete = false;
    try {
      TransportResponse result = read(response);
      complete = true;
      return result;
    } finally {
      if (!complete) {
        // Closing the response of an unfinished exchange would read the rest of the body to keep
        // the connection: aborting first closes the connection instead.
        abort();
      }
      closeQuietly(response);
    }
  }

  private TransportResponse read(ClassicHttpResponse response) throws IOException {
    HttpEntity entity = response.getEntity();
    Headers arrived = MessageTranslator.responseHeaders(response);
    if (entity != null && ContentCoding.isGzip(arrived, request)) {
      return new TransportResponse(
          response.getCode(), ContentCoding.decoded(arrived), readGzip(entity));
    }
    CappedBody body = new CappedBody(request, entity == null ? 0 : entity.getContentLength());
    if (entity != null) {
      // Not closed here: closing the stream early would read the rest of the body. The end of the
      // stream releases the connection; on failure execute() aborts it first.
      InputStream in = entity.getContent();
      byte[] buffer = new byte[READ_BUFFER_SIZE];
      int count;
      while ((count = in.read(buffer)) >= 0) {
        body.append(buffer, 0, count);
        checkInterrupt();
      }
    }
    return new TransportResponse(response.getCode(), arrived, body.toByteArray());
  }

  /** The decoded body; the read buffer doubles as the decoder's input. */
  private byte[] readGzip(HttpEntity entity) throws IOException {
    GzipBody body = new GzipBody(request, entity.getContentLength());
    try {
      // Not closed here either, for the same reason.
      InputStream in = entity.getContent();
      byte[] buffer = new byte[READ_BUFFER_SIZE];
      ByteBuffer input = ByteBuffer.wrap(buffer);
      int count;
      while ((count = in.read(buffer)) >= 0) {
        input.clear().limit(count);
        body.decode(input);
        checkInterrupt();
      }
      return body.finish();
    } finally {
      body.release();
    }
  }

  private void checkInterrupt() throws InterruptedIOException {
    if (Thread.currentThread().isInterrupted()) {
      abort();
      throw new InterruptedIOException("the thread sending " + request + " was interrupted");
    }
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException e) {
      // The body has been read to the end or the exchange aborted: either way nothing is lost.
    }
  }
}
