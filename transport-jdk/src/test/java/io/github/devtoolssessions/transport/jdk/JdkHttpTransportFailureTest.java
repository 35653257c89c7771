package io.github.devtoolssessions.transport.jdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.devtoolssessions.core.ConnectTimeoutException;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.ResponseTooLargeException;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportOptions;
import io.github.devtoolssessions.core.TransportRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How exchanges that go wrong end, against a real loopback server. */
class JdkHttpTransportFailureTest {

  private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

  private final LoopbackServer server = LoopbackServer.start();
  private final JdkHttpTransport transport = JdkHttpTransport.create();

  @AfterEach
  void closeAll() {
    transport.close();
    server.close();
  }

  private static TransportRequest get(URI uri) {
    return TransportRequest.get(uri, Headers.empty()).withTimeout(Duration.ofSeconds(10));
  }

  @Test
  void aRefusedConnectionIsATransportExceptionNamingTheRequestButNoHeader() throws IOException {
    URI nobodyListens;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      nobodyListens = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/accounts/x");
    }
    TransportRequest request =
        TransportRequest.get(
                nobodyListens, Headers.builder().add("Authorization", "Bearer s3cr3t").build())
            .withTimeout(Duration.ofSeconds(10));

    assertThatThrownBy(() -> transport.send(request))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("GET " + nobodyListens)
        .hasMessageNotContaining("s3cr3t")
        .hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void headersLaterThanTheTimeoutEndInResponseTimeout() {
    server.handle("/", exchange -> server.stallUntilClosed());

    assertThatThrownBy(() -> transport.send(get(server.uri("/slow")).withTimeout(SHORT_TIMEOUT)))
        .isInstanceOf(ResponseTimeoutException.class)
        .hasMessageContaining("GET " + server.uri("/slow"));
    // The blocking send is aborted by interrupting this thread; that interrupt is taken back.
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void halfABodyThenAStallEndsInResponseTimeout() {
    server.handle(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(200, 1000);
          OutputStream body = exchange.getResponseBody();
          body.write(new byte[500]);
          body.flush();
          server.stallUntilClosed();
        });

    assertThatThrownBy(() -> transport.send(get(server.uri("/half")).withTimeout(SHORT_TIMEOUT)))
        .isInstanceOf(ResponseTimeoutException.class);
  }

  @Test
  void aTimeoutAbortsTheExchange() throws InterruptedException {
    CountDownLatch dripping = new CountDownLatch(1);
    CountDownLatch clientGone = new CountDownLatch(1);
    server.handle("/", exchange -> server.drip(exchange, dripping, clientGone));

    assertThatThrownBy(() -> transport.send(get(server.uri("/drip")).withTimeout(SHORT_TIMEOUT)))
        .isInstanceOf(ResponseTimeoutException.class);

    assertThat(clientGone.await(10, TimeUnit.SECONDS))
        .as("the server saw the connection closed")
        .isTrue();
  }

  @Test
  void aConnectionCutMidBodyIsATransportException() throws Exception {
    // com.sun.net.httpserver keeps a connection open when a handler writes too little, so a bare
    // socket plays the server that dies halfway through the body.
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Thread dying =
          new Thread(
              () -> {
                try (Socket socket = listener.accept()) {
                  readRequestHead(socket.getInputStream());
                  OutputStream out = socket.getOutputStream();
                  out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(UTF_8));
                  out.write(new byte[500]);
                  out.flush();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      dying.start();
      URI uri = URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/cut");

      assertThatThrownBy(() -> transport.send(get(uri)))
          .isExactlyInstanceOf(TransportException.class)
          .hasMessageContaining("GET " + uri)
          .hasCauseInstanceOf(IOException.class);
      dying.join(10_000);
    }
  }

  private static void readRequestHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = "\r\n\r\n".getBytes(UTF_8);
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the request ended before its head did");
      }
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
    }
  }

  @Test
  void aStreamedBodyOverTheCapFailsAndReleasesTheConnection() throws InterruptedException {
    CountDownLatch clientGone = new CountDownLatch(1);
    server.handle(
        "/",
        exchange -> {
          // Chunked, so the cap can only be noticed while reading; far more than the socket
          // buffers hold, so the server only finishes if the client drains it all.
          exchange.sendResponseHeaders(200, 0);
          byte[] chunk = new byte[64 * 1024];
          try {
            for (int i = 0; i < 1024; i++) {
              exchange.getResponseBody().write(chunk);
            }
          } catch (IOException e) {
            clientGone.countDown();
          }
        });
    TransportRequest request = get(server.uri("/huge")).withMaxBodyBytes(1024 * 1024);

    assertThatThrownBy(() -> transport.send(request))
        .isInstanceOf(ResponseTooLargeException.class)
        .hasMessageContaining("GET " + server.uri("/huge"))
        .satisfies(
            e -> assertThat(((ResponseTooLargeException) e).maxBodyBytes()).isEqualTo(1024 * 1024));
    assertThat(clientGone.await(10, TimeUnit.SECONDS))
        .as("the server saw the connection closed before sending it all")
        .isTrue();
  }

  @Test
  void aDeclaredLengthOverTheCapFailsBeforeReading() {
    // The body never comes: only the Content-Length can tell the cap is passed.
    server.handle(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(200, 2 * 1024 * 1024);
          exchange.getResponseBody().flush();
          server.stallUntilClosed();
        });

    assertThatThrownBy(
            () -> transport.send(get(server.uri("/declared")).withMaxBodyBytes(1024 * 1024)))
        .isInstanceOf(ResponseTooLargeException.class);
  }

  @Test
  void aBodyOneByteOverTheCapIsTooLarge() {
    server.handle(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          exchange.getResponseBody().write(new byte[4097]);
        });

    assertThatThrownBy(() -> transport.send(get(server.uri("/over")).withMaxBodyBytes(4096)))
        .isInstanceOf(ResponseTooLargeException.class);
  }

  /**
   * Provokes a real connect timeout: a listener with a backlog of one that never accepts. Once its
   * queue is full, Linux (and the BSDs) drop further SYNs, so a connect hangs until it times out.
   * Where the OS refuses instead, no connection attempt can hang, and the test is skipped; {@link
   * ExchangeFailuresTest} pins the mapping everywhere.
   */
  @Test
  void noConnectionWithinTheConnectTimeoutIsConnectTimeout() throws IOException {
    List<Socket> fillers = new ArrayList<>();
    try (ServerSocket neverAccepts = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        JdkHttpTransport impatient =
            JdkHttpTransport.create(new TransportOptions(Duration.ofMillis(250)))) {
      boolean queueFull = false;
      for (int i = 0; i < 16 && !queueFull; i++) {
        Socket filler = new Socket();
        fillers.add(filler);
        try {
          filler.connect(new InetSocketAddress("127.0.0.1", neverAccepts.getLocalPort()), 200);
        } catch (SocketTimeoutException hangs) {
          queueFull = true;
        } catch (IOException refused) {
          break;
        }
      }
      assumeThat(queueFull).as("this OS lets a connect to a full backlog hang").isTrue();
      URI uri = URI.create("http://127.0.0.1:" + neverAccepts.getLocalPort() + "/x");

      assertThatThrownBy(() -> impatient.send(get(uri)))
          .isInstanceOf(ConnectTimeoutException.class)
          .hasMessageContaining("GET " + uri);
    } finally {
      for (Socket filler : fillers) {
        filler.close();
      }
    }
  }
}
