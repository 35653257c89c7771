package io.github.devtoolssessions.testkit;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import io.github.devtoolssessions.testkit.internal.RequestHead;
import io.github.devtoolssessions.testkit.internal.RequestReader;
import io.github.devtoolssessions.testkit.internal.ResponseHead;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One client connection of a {@link FakeDevtoolsServer}: reads requests one after another, has the
 * fake answer each, and acts out the answer's fault on the socket.
 */
final class ServerConnection implements Runnable {

  private final FakeDevtoolsServer server;
  private final Socket socket;

  ServerConnection(FakeDevtoolsServer server, Socket socket) {
    this.server = server;
    this.socket = socket;
  }

  @Override
  public void run() {
    try {
      socket.setTcpNoDelay(true);
      BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
      RequestReader reader = new RequestReader(in);
      boolean open = true;
      while (open && !server.isClosed()) {
        open = serveOne(reader, in, out);
      }
    } catch (IOException e) {
      // The client went away between requests or sent something unreadable: nothing to answer.
    } finally {
      close();
      server.connectionClosed(this);
    }
  }

  /** Closes the socket, which ends a thread blocked on it. */
  void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closed whatever close() reports.
    }
  }

  /** Serves one request; whether the connection stays open for another. */
  private boolean serveOne(RequestReader reader, BufferedInputStream in, OutputStream out)
      throws IOException {
    Optional<RequestHead> next;
    try {
      next = reader.readHead();
      if (next.isEmpty()) {
        return false;
      }
      if (next.get().expectsContinue()) {
        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
      reader.skipBody(next.get());
    } catch (RequestReader.MalformedRequestException e) {
      badRequest(out, e.getMessage());
      return false;
    }
    RequestHead head = next.get();
    Optional<URI> uri = uriOf(head.target());
    if (uri.isEmpty()) {
      badRequest(out, "a request target that is not a URI");
      return false;
    }
    TransportRequest request =
        new TransportRequest(
            head.method(),
            uri.get(),
            head.headers(),
            Optional.empty(),
            TransportRequest.DEFAULT_MAX_BODY_BYTES);
    Answer answer;
    try {
      answer = server.api().serve(request);
    } catch (RuntimeException e) {
      answer = Answer.plain(server.api().internalError());
    }
    return deliver(answer, head, in, out);
  }

  private boolean deliver(Answer answer, RequestHead head, BufferedInputStream in, OutputStream out)
      throws IOException {
    if (!answer.headerDelay().isZero() && !waitWatchingClient(answer.headerDelay(), in)) {
      server.exchangeAbandoned();
      return false;
    }
    int status = answer.response().statusCode();
    boolean withoutBody = head.method().equals("HEAD") || ResponseHead.isBodyless(status);
    if (!withoutBody && answer.delivery() != Fault.Delivery.RESET) {
      answer = answer.withResponse(server.encodedFor(head.headers(), answer.response()));
    }
    TransportResponse response = answer.response();
    byte[] body = response.body();
    switch (answer.delivery()) {
      case RESET:
        // A zero linger time makes close() send RST instead of FIN.
        socket.setSoLinger(true, 0);
        close();
        return false;
      case WHOLE:
        boolean keepAlive = head.keepAlive();
        if (!write(out, response, body.length, !keepAlive, withoutBody ? 0 : body.length)) {
          return false;
        }
        return keepAlive;
      case TRUNCATE:
      case STALL:
        if (!write(out, response, body.length, false, withoutBody ? 0 : answer.partialLength())) {
          return false;
        }
        if (answer.delivery() == Fault.Delivery.STALL && !waitWatchingClient(answer.stall(), in)) {
          server.exchangeAbandoned();
        }
        return false;
    }
    throw new IllegalStateException("unknown delivery " + answer.delivery());
  }

  /**
   * Writes the head and the first {@code bodyBytes} of the body; whether it worked. A failed write
   * means the client went away: the exchange was abandoned.
   */
  private boolean write(
      OutputStream out, TransportResponse response, int contentLength, boolean close, int bodyBytes)
      throws IOException {
    try {
      out.write(ResponseHead.of(response.statusCode(), response.headers(), contentLength, close));
      out.write(response.body(), 0, bodyBytes);
      out.flush();
      return true;
    } catch (IOException e) {
      server.exchangeAbandoned();
      return false;
    }
  }

  /**
   * Waits for {@code duration} while watching the connection; whether the client is still there at
   * the end. HTTP/1.1 clients send nothing while they wait for a response, so a read that returns
   * is the client closing (end of stream) or resetting (an exception) the connection.
   */
  private boolean waitWatchingClient(Duration duration, BufferedInputStream in) throws IOException {
    long deadline = System.nanoTime() + duration.toNanos();
    try {
      while (true) {
        long leftMillis = (deadline - System.nanoTime() + 999_999) / 1_000_000;
        if (leftMillis <= 0) {
          return true;
        }
        socket.setSoTimeout((int) Math.min(leftMillis, Integer.MAX_VALUE));
        in.mark(1);
        int b;
        try {
          b = in.read();
        } catch (SocketTimeoutException e) {
          continue;
        }
        if (b < 0) {
          return false;
        }
        // A pipelining client sent its next request early: keep it, and wait without watching.
        in.reset();
        sleep(Duration.ofNanos(deadline - System.nanoTime()));
        return true;
      }
    } catch (IOException e) {
      if (server.isClosed()) {
        throw e;
      }
      return false;
    } finally {
      if (!socket.isClosed()) {
        socket.setSoTimeout(0);
      }
    }
  }

  private static void sleep(Duration duration) throws IOException {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      // The server is closing: stop serving this connection.
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting", e);
    }
  }

  private void badRequest(OutputStream out, String reason) {
    byte[] body = ("Bad Request: " + reason + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      out.write(
          ResponseHead.of(
              400,
              Headers.builder().add("Content-Type", "text/plain; charset=UTF-8").build(),
              body.length,
              true));
      out.write(body);
      out.flush();
    } catch (IOException e) {
      // The client is gone; the connection closes anyway.
    }
  }

  /** The absolute URI of the request, its path and query exactly as they came on the wire. */
  private Optional<URI> uriOf(String target) {
    String pathAndQuery;
    if (target.startsWith("/")) {
      pathAndQuery = target;
    } else if (target.regionMatches(true, 0, "http://", 0, 7)
        || target.regionMatches(true, 0, "https://", 0, 8)) {
      // The absolute form, which proxies use; only its path and query matter here.
      try {
        URI absolute = new URI(target);
        String path =
            absolute.getRawPath() == null || absolute.getRawPath().isEmpty()
                ? "/"
                : absolute.getRawPath();
        pathAndQuery = path + (absolute.getRawQuery() == null ? "" : "?" + absolute.getRawQuery());
      } catch (URISyntaxException e) {
        return Optional.empty();
      }
    } else {
      // "*" (OPTIONS) or an authority (CONNECT): no route can match.
      pathAndQuery = "/";
    }
    try {
      return Optional.of(new URI(server.origin() + pathAndQuery));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
