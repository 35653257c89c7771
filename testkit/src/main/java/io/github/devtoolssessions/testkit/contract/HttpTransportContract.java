package io.github.devtoolssessions.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.devtoolssessions.core.CloudflareError;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.ResponseTooLargeException;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportOptions;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import io.github.devtoolssessions.testkit.FakeDevtoolsServer;
import io.github.devtoolssessions.testkit.Fault;
import io.github.devtoolssessions.testkit.RecordedRequest;
import io.github.devtoolssessions.testkit.internal.Gzip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link HttpTransport} must show, as a JUnit 5 suite: extend it, implement
 * {@link #createTransport}, and the inherited tests prove the adapter.
 *
 * <pre>{@code
 * class ApacheHttpTransportContractTest extends HttpTransportContract {
 *   @Override
 *   protected HttpTransport createTransport(TransportOptions options) {
 *     return ApacheHttpTransport.create(options);
 *   }
 * }
 * }</pre>
 *
 * <p>Each test gets a new transport, made with a connect timeout of 5 seconds and closed
 * afterwards, and a new {@link FakeDevtoolsServer} on {@code 127.0.0.1}, whose {@linkplain Fault
 * faults} script every misbehaviour; {@link #server()} and {@link #transport()} give both to tests
 * a subclass adds. What is proven:
 *
 * <ul>
 *   <li>the method, the path (percent-encoded segments intact), the query and the headers (repeated
 *       ones included) arrive exactly as given;
 *   <li>repeated response headers are all readable; bodies of 0 bytes and of 8 MiB arrive whole;
 *   <li>every non-2xx status comes back as a response, and a 3xx is never followed: its target is
 *       never contacted, so it never sees {@code Authorization}, {@code X-Auth-Key} or {@code
 *       X-Auth-Email};
 *   <li>a refused connection, a reset and a cut-off body end in {@link TransportException}; a
 *       response, or a body, slower than the request's timeout ends in {@link
 *       ResponseTimeoutException}, and the connection is let go (the server sees the exchange
 *       abandoned); a body over the request's cap ends in {@link ResponseTooLargeException}, one at
 *       the cap is accepted;
 *   <li>compression: requests accept gzip (unless they name codings themselves), and a gzip body,
 *       which the server sends them, comes back decoded to the very bytes of the plain one, without
 *       {@code Content-Encoding} or a stale {@code Content-Length}; the cap applies to the decoded
 *       size, to the byte, so a gzip bomb ends in {@link ResponseTooLargeException} and its
 *       connection is let go; a corrupt gzip body, or one in a coding never asked for, ends in
 *       {@link TransportException};
 *   <li>{@code send} and {@code sendAsync} agree on every outcome; {@code sendAsync} returns before
 *       the response arrives; cancelling its future aborts the exchange, which the server sees.
 * </ul>
 *
 * <p>No test asserts how fast anything is; waits for the server to notice something are bounded by
 * a generous patience (20 s), and faults that a correct transport never waits out last minutes. The
 * suite depends on the testkit and JUnit Jupiter only.
 */
public abstract class HttpTransportContract {

  /** The connect timeout of the transports the suite creates. */
  protected static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** The default of {@link #patience()}. */
  private static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(20);

  /** Longer than any test may take: a transport that waits this long fails by its timeout. */
  private static final Duration FOREVER = Duration.ofMinutes(5);

  /**
   * The timeout of requests that must time out: long enough for a warmed-up transport to get a
   * request to the server on any machine, since some tests check what the server then sees.
   */
  private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(1);

  private static final int EIGHT_MIB = 8 * 1024 * 1024;

  private FakeDevtoolsServer server;
  private HttpTransport transport;

  /** For subclasses. */
  protected HttpTransportContract() {}

  /**
   * How long the suite waits for something that should happen (a response, the server noticing a
   * closed connection) before it calls it a failure; also the timeout of requests that should
   * succeed. Default 20 seconds; raise it for a very slow machine. A correct transport never makes
   * the suite wait this long.
   */
  protected Duration patience() {
    return DEFAULT_PATIENCE;
  }

  /**
   * A new transport for one test, which the suite closes after it.
   *
   * @param options the options to honour: a connect timeout of {@link #CONNECT_TIMEOUT}
   */
  protected abstract HttpTransport createTransport(TransportOptions options);

  /** Starts the server and creates the transport. */
  @BeforeEach
  public final void startServerAndTransport() {
    server = fake().start();
    transport = createTransport(new TransportOptions(CONNECT_TIMEOUT));
    if (transport == null) {
      throw new IllegalStateException("createTransport returned null");
    }
  }

  /** Closes the transport, then the server. */
  @AfterEach
  public final void closeTransportAndServer() {
    try {
      if (transport != null) {
        transport.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  /** The server of the current test; its fake's journal holds what arrived. */
  protected final FakeDevtoolsServer server() {
    return server;
  }

  /** The transport of the current test. */
  protected final HttpTransport transport() {
    return transport;
  }

  // ---------------------------------------------------------------- what goes out

  /** Every method the library may use arrives by name, without a body the caller did not give. */
  @Test
  public void theMethodArrivesAsGiven() {
    for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
      TransportResponse response = transport.send(request(method, "/contract/method"));

      assertEquals(404, response.statusCode(), method + " is answered by the fake");
      assertEquals(method, lastRequest().method(), "the method the server saw");
    }
  }

  /** Encoded slashes, dots, question marks and non-ASCII stay encoded, inside their segments. */
  @Test
  public void percentEncodedPathSegmentsArriveIntact() {
    String path = "/contract/a%2F..%2Fb%3Fx%3D1/%25%20%2B+~/caf%C3%A9/semi;colon/%2e%2E";

    transport.send(request("GET", path));

    assertEquals(path, lastRequest().path(), "the raw path the server saw");
  }

  /** The query arrives byte for byte: order, repeats, empty values and encoding kept. */
  @Test
  public void theQueryArrivesExactlyAsGiven() {
    String query = "limit=5&offset=0&q=a%20b%2Bc+d&empty=&flag&euro=%E2%82%AC&dup=1&dup=2&s=a/b?c";

    transport.send(request("GET", "/contract/query?" + query));

    assertEquals(Optional.of(query), lastRequest().rawQuery(), "the raw query the server saw");
  }

  /** Credentials, repeated headers and values with inner spaces arrive exactly as given. */
  @Test
  public void headersArriveExactlyAsGiven() {
    Headers headers =
        Headers.builder()
            .add("Authorization", "Bearer c0ntract-t0ken")
            .add("X-Auth-Email", "user@example.com")
            .add("X-Auth-Key", "c0ntract-key")
            .add("Accept", "application/json")
            .add("User-Agent", "devtools-sessions-contract/1.0 (test)")
            .add("X-Repeated", "one")
            .add("X-Repeated", "two")
            .add("X-Spaces", "a  b,  c")
            .add("X-Quoted", "\"q\"; a=1")
            .build();

    transport.send(request("GET", "/contract/headers", headers));

    Headers arrived = lastRequest().headers();
    for (Map.Entry<String, List<String>> header : headers.map().entrySet()) {
      assertEquals(
          header.getValue(), arrived.allValues(header.getKey()), "values of " + header.getKey());
    }
  }

  // ---------------------------------------------------------------- what comes back

  /** Every value of a repeated response header is readable, in order. */
  @Test
  public void repeatedResponseHeadersAreAllReadable() {
    fake()
        .faults()
        .next(
            Fault.status(
                200, "[]", "X-Multi", "a", "X-Multi", "b", "X-Multi", "c, d", "X-Single", "e"));

    TransportResponse response = transport.send(request("GET", "/contract/headers"));

    assertEquals(List.of("a", "b", "c, d"), response.headers().allValues("x-multi"));
    assertEquals(List.of("e"), response.headers().allValues("X-SINGLE"));
    assertTrue(response.headers().firstValue("cf-ray").isPresent(), "cf-ray is readable");
  }

  /** An empty body, with or without a status that forbids one, is zero bytes, not an error. */
  @Test
  public void anEmptyBodyIsZeroBytes() {
    fake().faults().next(Fault.status(200, ""), Fault.status(204, ""));

    TransportResponse ok = transport.send(request("GET", "/contract/empty"));
    TransportResponse noContent = transport.send(request("GET", "/contract/empty"));

    assertEquals(200, ok.statusCode());
    assertEquals(0, ok.body().length, "bytes of an empty 200");
    assertEquals(204, noContent.statusCode());
    assertEquals(0, noContent.body().length, "bytes of a 204");
  }

  /** A body of 8 MiB arrives byte for byte. */
  @Test
  public void anEightMebibyteBodyArrivesWhole() {
    byte[] body = pattern(EIGHT_MIB);
    fake().faults().next(Fault.status(200, body, octetStream()));

    TransportResponse response = transport.send(request("GET", "/contract/large"));

    assertEquals(200, response.statusCode());
    assertEquals(body.length, response.body().length, "body length");
    assertArrayEquals(body, response.body(), "body bytes");
  }

  /** Error statuses are answers for the caller to read, never exceptions. */
  @Test
  public void nonSuccessStatusesComeBackAsResponses() {
    int[] statuses = {400, 401, 403, 404, 405, 408, 409, 418, 422, 429, 500, 502, 503, 504, 599};
    for (int status : statuses) {
      String body = "{\"errors\":[{\"code\":" + status + ",\"message\":\"m\"}]}";
      fake().faults().next(Fault.status(status, body));

      TransportResponse response = transport.send(request("GET", "/contract/status"));

      assertEquals(status, response.statusCode(), "status");
      assertEquals(body, new String(response.body(), StandardCharsets.UTF_8), "body of " + status);
    }
  }

  /**
   * A 3xx comes back as a response and its target, a second server, is never contacted: it never
   * sees the credentials.
   */
  @Test
  public void aRedirectIsNotFollowedAndItsTargetNeverSeesCredentials() {
    try (FakeDevtoolsServer elsewhere = newFake().start()) {
      URI target = URI.create("http://127.0.0.1:" + elsewhere.port() + "/stolen?x=1");
      Headers credentials =
          Headers.builder()
              .add("Authorization", "Bearer secret-token")
              .add("X-Auth-Email", "user@example.com")
              .add("X-Auth-Key", "secret-key")
              .build();
      int[] statuses = {301, 302, 303, 307, 308};
      for (int status : statuses) {
        fake().faults().next(Fault.status(status, "", "Location", target.toString()));

        TransportResponse response =
            transport.send(request("GET", "/contract/redirect", credentials));

        assertEquals(status, response.statusCode(), "the " + status + " comes back");
        assertEquals(Optional.of(target.toString()), response.headers().firstValue("Location"));
      }
      fake().faults().next(Fault.redirect(target));
      assertEquals(302, transport.send(request("GET", "/contract/r", credentials)).statusCode());

      assertEquals(List.of(), elsewhere.api().requests(), "requests the redirect target saw");
      assertEquals(statuses.length + 1, server.api().requests().size(), "requests sent");
    }
  }

  // ---------------------------------------------------------------- failures

  /** Nothing listening on the port: a {@link TransportException}, not a response. */
  @Test
  public void aRefusedConnectionIsATransportException() {
    TransportRequest request = requestTo(URI.create("http://127.0.0.1:" + freePort() + "/x"));

    assertThrows(TransportException.class, () -> transport.send(request));
  }

  /** Headers later than the timeout: {@link ResponseTimeoutException}, and the exchange ends. */
  @Test
  public void aResponseLaterThanTheTimeoutIsAResponseTimeoutException() {
    warmUp();
    fake().faults().next(Fault.delayHeaders(FOREVER));
    TransportRequest request = request("GET", "/contract/slow").withTimeout(SHORT_TIMEOUT);

    assertTimeoutPreemptively(
        patience(),
        () -> assertThrows(ResponseTimeoutException.class, () -> transport.send(request)));
    awaitTrue(
        "the server sees the timed-out exchange abandoned", () -> server.abandonedExchanges() == 1);
  }

  /** A body that stalls half-way past the timeout: {@link ResponseTimeoutException} too. */
  @Test
  public void aBodyStallingPastTheTimeoutIsAResponseTimeoutException() {
    warmUp();
    fake().faults().next(Fault.status(200, pattern(64 * 1024), octetStream()).and(stall()));
    TransportRequest request = request("GET", "/contract/stall").withTimeout(SHORT_TIMEOUT);

    assertTimeoutPreemptively(
        patience(),
        () -> assertThrows(ResponseTimeoutException.class, () -> transport.send(request)));
    awaitTrue(
        "the server sees the stalled exchange abandoned", () -> server.abandonedExchanges() == 1);
  }

  /** The connection reset instead of an answer: a {@link TransportException}. */
  @Test
  public void aResetConnectionIsATransportException() {
    // A standing fault, so that an HTTP stack that silently resends gets a reset again.
    fake().faults().always(Fault.resetConnection());

    assertThrows(TransportException.class, () -> transport.send(request("GET", "/contract/rst")));
  }

  /** The connection closed after half the declared body: a {@link TransportException}. */
  @Test
  public void aTruncatedBodyIsATransportException() {
    fake().faults().always(Fault.status(200, pattern(10_000), octetStream()).and(cut()));

    assertThrows(TransportException.class, () -> transport.send(request("GET", "/contract/cut")));
  }

  /** A body over the cap ends in {@link ResponseTooLargeException}; one at the cap is read. */
  @Test
  public void aBodyOverTheCapIsTooLargeAndOneAtTheCapIsRead() {
    byte[] body = pattern(64 * 1024);
    fake().faults().always(Fault.status(200, body, octetStream()));

    TransportResponse atCap =
        transport.send(request("GET", "/contract/cap").withMaxBodyBytes(body.length));
    ResponseTooLargeException overCap =
        assertThrows(
            ResponseTooLargeException.class,
            () ->
                transport.send(request("GET", "/contract/cap").withMaxBodyBytes(body.length - 1)));

    assertArrayEquals(body, atCap.body(), "a body exactly at the cap");
    assertEquals(body.length - 1, overCap.maxBodyBytes(), "the cap the exception names");
  }

  /** A body far over the cap fails as well, without the transport holding it all. */
  @Test
  public void aBodyFarOverTheCapIsTooLarge() {
    fake().faults().always(Fault.status(200, pattern(EIGHT_MIB), octetStream()));

    assertThrows(
        ResponseTooLargeException.class,
        () -> transport.send(request("GET", "/contract/huge").withMaxBodyBytes(1024)));
  }

  // ---------------------------------------------------------------- compression

  /** Requests accept gzip; one that names codings itself sends them as they are. */
  @Test
  public void requestsAcceptGzipUnlessTheyNameCodingsThemselves() {
    transport.send(request("GET", "/contract/accept"));
    RecordedRequest plain = lastRequest();
    transport.send(request("GET", "/contract/accept", identity()));
    RecordedRequest own = lastRequest();

    assertTrue(
        plain.acceptsGzip(),
        "a request accepts gzip, but its Accept-Encoding was "
            + plain.headers().allValues("Accept-Encoding"));
    assertEquals(List.of("identity"), own.headers().allValues("Accept-Encoding"));
  }

  /**
   * A gzip body comes back decoded, byte for byte the body the server sends uncompressed, on both
   * paths, without {@code Content-Encoding} and without the compressed {@code Content-Length}.
   */
  @Test
  public void aGzipBodyComesBackDecodedAsTheVeryBytesOfThePlainOne() throws Exception {
    byte[] body = sessionsLikeJson(2_000);
    fake().faults().always(Fault.status(200, body, json()));

    TransportResponse plain = transport.send(request("GET", "/contract/plain", identity()));
    assertEquals(0, server.compressedResponses(), "bodies compressed for an identity request");
    TransportResponse decoded = transport.send(request("GET", "/contract/gzip"));
    TransportResponse decodedAsync = join(transport.sendAsync(request("GET", "/contract/gzip")));

    assertEquals(2, server.compressedResponses(), "bodies the server sent gzip-compressed");
    assertArrayEquals(body, plain.body(), "the plain body");
    for (TransportResponse response : List.of(decoded, decodedAsync)) {
      assertEquals(200, response.statusCode());
      assertArrayEquals(body, response.body(), "the decoded body");
      assertEquals(List.of(), response.headers().allValues("Content-Encoding"), "Content-Encoding");
      List<String> length = response.headers().allValues("Content-Length");
      assertTrue(
          length.isEmpty() || length.equals(List.of(Integer.toString(body.length))),
          "Content-Length is absent or the decoded length, not " + length);
      assertEquals(List.of("application/json"), response.headers().allValues("Content-Type"));
    }
  }

  /**
   * The cap is on the decoded body, to the byte, whether the gzip is much smaller than the body or,
   * for incompressible bytes, a little larger.
   */
  @Test
  public void aGzipBodyAtTheCapIsReadAndOneByteOverIsTooLarge() {
    byte[] random = new byte[64 * 1024];
    new Random(8).nextBytes(random);
    for (byte[] body : List.of(sessionsLikeJson(1_000), random)) {
      fake().faults().always(Fault.status(200, body, octetStream()));
      int compressedBefore = server.compressedResponses();

      TransportResponse atCap =
          transport.send(request("GET", "/contract/gzip-cap").withMaxBodyBytes(body.length));
      ResponseTooLargeException overCap =
          assertThrows(
              ResponseTooLargeException.class,
              () ->
                  transport.send(
                      request("GET", "/contract/gzip-cap").withMaxBodyBytes(body.length - 1)));

      assertEquals(compressedBefore + 2, server.compressedResponses(), "gzip bodies sent");
      assertArrayEquals(body, atCap.body(), "a body exactly at the cap, decoded");
      assertEquals(body.length - 1, overCap.maxBodyBytes(), "the cap the exception names");
    }
  }

  /**
   * A gzip bomb, 50 KiB on the wire that decode to 50 MiB, ends in {@link
   * ResponseTooLargeException} by its decoded size, and its connection is let go: the transport
   * goes on working and the server is not left with a second connection open.
   */
  @Test
  public void aGzipBombIsTooLargeAndItsConnectionIsLetGo() {
    long cap = 1024 * 1024;
    fake().faults().next(Fault.gzipBomb(50L * 1024 * 1024));

    ResponseTooLargeException tooLarge =
        assertTimeoutPreemptively(
            patience(),
            () ->
                assertThrows(
                    ResponseTooLargeException.class,
                    () -> transport.send(request("GET", "/contract/bomb").withMaxBodyBytes(cap))));

    assertEquals(cap, tooLarge.maxBodyBytes(), "the cap the exception names");
    assertEquals(
        404, transport.send(request("GET", "/contract/after-bomb")).statusCode(), "next request");
    awaitTrue(
        "the bomb's connection is closed or reused, not left open",
        () -> server.openConnections() <= 1);
  }

  /**
   * A body labelled gzip that is not gzip, has invalid deflate data, a wrong checksum, or ends
   * before its trailer: a {@link TransportException} (not a timeout), and the transport goes on.
   */
  @Test
  public void aCorruptGzipBodyIsATransportException() {
    byte[] gzip = Gzip.compress(sessionsLikeJson(200));
    byte[] invalidBlock = gzip.clone();
    invalidBlock[10] = 0x07;
    byte[] wrongCrc = gzip.clone();
    wrongCrc[wrongCrc.length - 8] ^= 1;
    Map<String, byte[]> cases = new LinkedHashMap<>();
    cases.put("not gzip", "{\"plain\":\"json\"}".getBytes(StandardCharsets.UTF_8));
    cases.put("invalid deflate block", invalidBlock);
    cases.put("wrong CRC-32", wrongCrc);
    cases.put("no trailer", Arrays.copyOf(gzip, gzip.length - 8));
    for (Map.Entry<String, byte[]> c : cases.entrySet()) {
      fake().faults().next(Fault.status(200, c.getValue(), gzipped(json())));

      TransportException failure =
          assertTimeoutPreemptively(
              patience(),
              () ->
                  assertThrows(
                      TransportException.class,
                      () -> transport.send(request("GET", "/contract/corrupt"))),
              c.getKey());

      assertFalse(
          failure instanceof ResponseTimeoutException,
          c.getKey() + " is not a timeout: " + failure);
    }
    assertEquals(404, transport.send(request("GET", "/contract/after")).statusCode());
  }

  /** A body in a coding the transport never asked for is a {@link TransportException}. */
  @Test
  public void aBodyInACodingNeverAskedForIsATransportException() {
    Headers brotli =
        Headers.builder()
            .add("Content-Type", "application/json")
            .add("Content-Encoding", "br")
            .build();
    fake()
        .faults()
        .next(Fault.status(200, new byte[] {0x0B, 0x02, (byte) 0x80, 0x5B, 0x5D, 3}, brotli));

    TransportException failure =
        assertThrows(
            TransportException.class, () -> transport.send(request("GET", "/contract/br")));

    assertFalse(failure instanceof ResponseTimeoutException, "not a timeout: " + failure);
  }

  // ---------------------------------------------------------------- sync and async

  /** The same request has the same outcome, response or exception type, on both paths. */
  @Test
  public void sendAndSendAsyncAgree() throws Exception {
    Map<String, Fault> cases = new LinkedHashMap<>();
    cases.put("ok", Fault.status(200, "[]", "X-Test", "yes"));
    cases.put("not found", Fault.none());
    cases.put("html 503", Fault.serviceUnavailableHtml());
    cases.put("rate limited", Fault.rateLimited(Duration.ofSeconds(3)));
    cases.put("over the cap", Fault.status(200, pattern(4096), octetStream()));
    cases.put("slow", Fault.delayHeaders(FOREVER));
    cases.put("reset", Fault.resetConnection());
    cases.put("cut", Fault.status(200, pattern(4096), octetStream()).and(cut()));
    cases.put("gzip bomb", Fault.gzipBomb(8L * 1024 * 1024));
    cases.put("gzip", Fault.status(200, sessionsLikeJson(20), json()));
    cases.put("corrupt gzip", Fault.status(200, pattern(100), gzipped(octetStream())));
    cases.put(
        "brotli",
        Fault.status(
            200, pattern(100), octetStream().toBuilder().add("Content-Encoding", "br").build()));
    for (Map.Entry<String, Fault> c : cases.entrySet()) {
      fake().faults().always(c.getValue());
      // Only the request meant to time out gets a short timeout: a slow machine must not fail
      // the others.
      Duration timeout = c.getKey().equals("slow") ? SHORT_TIMEOUT : patience();
      TransportRequest request =
          request("GET", "/contract/agree").withTimeout(timeout).withMaxBodyBytes(1024);

      String sync = outcome(() -> transport.send(request));
      String async = outcome(() -> join(transport.sendAsync(request)));

      assertEquals(sync, async, "send and sendAsync for " + c.getKey());
    }
    TransportRequest refused = requestTo(URI.create("http://127.0.0.1:" + freePort() + "/x"));
    assertEquals(
        outcome(() -> transport.send(refused)),
        outcome(() -> join(transport.sendAsync(refused))),
        "send and sendAsync for a refused connection");
  }

  /** {@code sendAsync} returns while the server is still busy with the request. */
  @Test
  public void sendAsyncReturnsBeforeTheResponseArrives() throws Exception {
    CountDownLatch answer = new CountDownLatch(1);
    fake().faults().next(Fault.run(() -> await(answer)));
    try {
      CompletableFuture<TransportResponse> response =
          assertTimeoutPreemptively(
              patience(), () -> transport.sendAsync(request("GET", "/contract/later")));

      assertFalse(response.isDone(), "the future is done before the server answered");
      answer.countDown();
      assertEquals(404, response.get(patience().toMillis(), TimeUnit.MILLISECONDS).statusCode());
    } finally {
      answer.countDown();
    }
  }

  /** Cancelling the future before the headers aborts the exchange: the server sees it abandoned. */
  @Test
  public void cancellingSendAsyncBeforeTheHeadersAbortsTheExchange() {
    fake().faults().next(Fault.delayHeaders(FOREVER));

    // No timeout that could release the connection in the cancel's place.
    CompletableFuture<TransportResponse> response =
        transport.sendAsync(request("GET", "/contract/cancel").withTimeout(FOREVER));
    awaitTrue("the request reaches the server", () -> server.api().requests().size() == 1);
    response.cancel(true);

    assertTrue(response.isCancelled(), "the future is cancelled");
    awaitTrue(
        "the server sees the cancelled exchange abandoned", () -> server.abandonedExchanges() == 1);
  }

  /** Cancelling the future while the body is under way aborts the exchange as well. */
  @Test
  public void cancellingSendAsyncMidBodyAbortsTheExchange() {
    fake().faults().next(Fault.status(200, pattern(64 * 1024), octetStream()).and(stall()));

    // No timeout that could release the connection in the cancel's place.
    CompletableFuture<TransportResponse> response =
        transport.sendAsync(request("GET", "/contract/cancel").withTimeout(FOREVER));
    awaitTrue("the request reaches the server", () -> server.api().requests().size() == 1);
    response.cancel(true);

    assertTrue(response.isCancelled(), "the future is cancelled");
    awaitTrue(
        "the server sees the cancelled exchange abandoned", () -> server.abandonedExchanges() == 1);
  }

  // ---------------------------------------------------------------- helpers

  private FakeDevtoolsApi fakeApi;

  /** One fake per test; its routes never match the suite's paths, so it needs no real codec. */
  private FakeDevtoolsApi fake() {
    if (fakeApi == null) {
      fakeApi = newFake();
    }
    return fakeApi;
  }

  private static FakeDevtoolsApi newFake() {
    return FakeDevtoolsApi.builder().codec(new NoJson()).build();
  }

  /**
   * Sends one request and reads its answer, so that the transport's classes are loaded and a
   * connection may be pooled before a test that times a request.
   */
  private void warmUp() {
    transport.send(request("GET", "/contract/warm-up"));
  }

  private RecordedRequest lastRequest() {
    List<RecordedRequest> requests = server.api().requests();
    assertFalse(requests.isEmpty(), "the server saw no request");
    return requests.get(requests.size() - 1);
  }

  private TransportRequest request(String method, String rawPathAndQuery) {
    return request(method, rawPathAndQuery, Headers.empty());
  }

  private TransportRequest request(String method, String rawPathAndQuery, Headers headers) {
    return new TransportRequest(
        method,
        URI.create("http://127.0.0.1:" + server.port() + rawPathAndQuery),
        headers,
        Optional.of(patience()),
        TransportRequest.DEFAULT_MAX_BODY_BYTES);
  }

  private TransportRequest requestTo(URI uri) {
    return TransportRequest.get(uri, Headers.empty()).withTimeout(patience());
  }

  private static Fault stall() {
    return Fault.stallBody(FOREVER);
  }

  private static Fault cut() {
    return Fault.truncatedBody();
  }

  private static Headers octetStream() {
    return Headers.builder().add("Content-Type", "application/octet-stream").build();
  }

  private static Headers json() {
    return Headers.builder().add("Content-Type", "application/json").build();
  }

  /** The headers with {@code Content-Encoding: gzip}: the server sends such a body as it is. */
  private static Headers gzipped(Headers headers) {
    return headers.toBuilder().add("Content-Encoding", "gzip").build();
  }

  /** Request headers that accept no coding: the server then never compresses. */
  private static Headers identity() {
    return Headers.builder().add("Accept-Encoding", "identity").build();
  }

  /** A JSON array shaped like a page of sessions, as compressible as the real thing. */
  private static byte[] sessionsLikeJson(int sessions) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < sessions; i++) {
      long start = 1_735_000_000_000L + 7_919L * i;
      sb.append(i == 0 ? "" : ",")
          .append("{\"sessionId\":\"")
          .append(
              String.format(
                  "%08x-%04x-4%03x-a%03x-%012x",
                  i * 2_654_435_761L & 0xFFFFFFFFL,
                  i & 0xFFFF,
                  i % 4096,
                  (i * 7) % 4096,
                  i * 1_000_003L))
          .append("\",\"startTime\":")
          .append(start)
          .append(",\"connectionId\":\"c-")
          .append(i)
          .append("\",\"connectionStartTime\":")
          .append(start + 12)
          .append(",\"endTime\":null,\"closeReason\":null,\"closeReasonText\":null}");
    }
    return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Bytes that are not all alike, so that a shifted or repeated chunk shows. */
  private static byte[] pattern(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 31 + (i >>> 11));
    }
    return bytes;
  }

  /** A port nothing listens on: one the system just handed out and that was closed again. */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Call {
    TransportResponse call() throws Exception;
  }

  /** What a call came to, comparable across paths: status, headers of interest, body; or type. */
  private static String outcome(Call call) {
    try {
      TransportResponse r = call.call();
      return "status="
          + r.statusCode()
          + " content-type="
          + r.headers().allValues("Content-Type")
          + " retry-after="
          + r.headers().allValues("Retry-After")
          + " x-test="
          + r.headers().allValues("X-Test")
          + " body="
          + Arrays.hashCode(r.body())
          + "/"
          + r.body().length;
    } catch (Exception e) {
      return "failure=" + e.getClass().getName();
    }
  }

  /** The future's result; its failure unwrapped, as {@code send} would throw it. */
  private TransportResponse join(CompletableFuture<TransportResponse> future) throws Exception {
    try {
      return future.get(patience().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      throw e;
    } catch (TimeoutException e) {
      throw new AssertionError("sendAsync did not complete within " + patience(), e);
    }
  }

  private void await(CountDownLatch latch) {
    try {
      latch.await(patience().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitTrue(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + patience().toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("waited " + patience().toMillis() + " ms in vain until " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted while waiting until " + what);
      }
    }
  }

  /**
   * The codec of the suite's fake: the suite only asks for paths the fake answers with its own
   * error bodies or with faults, so no session is ever written.
   */
  private static final class NoJson implements JsonCodec {
    @Override
    public List<Session> readSessions(byte[] body) {
      throw new UnsupportedOperationException("the transport contract reads no JSON");
    }

    @Override
    public Optional<Session> readSession(byte[] body) {
      throw new UnsupportedOperationException("the transport contract reads no JSON");
    }

    @Override
    public List<CloudflareError> readErrors(byte[] body) {
      throw new UnsupportedOperationException("the transport contract reads no JSON");
    }

    @Override
    public byte[] writeSessions(List<Session> sessions) {
      throw new UnsupportedOperationException("the transport contract writes no sessions");
    }

    @Override
    public byte[] writeSession(Session session) {
      throw new UnsupportedOperationException("the transport contract writes no sessions");
    }
  }
}
