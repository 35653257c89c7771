package io.github.devtoolssessions.testkit;

import static io.github.devtoolssessions.testkit.Fixtures.SESSIONS_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.Session;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server's compression switch, seen from a bare socket. */
class FakeDevtoolsServerCompressionTest {

  private final FakeDevtoolsApi api = Fixtures.api();
  private final List<Session> all = FakeSessions.generate(11, 40);
  private FakeDevtoolsServer server;

  FakeDevtoolsServerCompressionTest() {
    api.addSessions(all);
  }

  @AfterEach
  void close() {
    if (server != null) {
      server.close();
    }
  }

  private RawClient.Response get(FakeDevtoolsServer s, String acceptEncoding) throws IOException {
    try (RawClient c = new RawClient(s.port())) {
      c.send(
          "GET "
              + SESSIONS_PATH
              + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer test-token\r\n"
              + (acceptEncoding == null ? "" : "Accept-Encoding: " + acceptEncoding + "\r\n")
              + "\r\n");
      return c.read();
    }
  }

  private static byte[] gunzip(byte[] gzipped) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void byDefaultABodyGoesOutGzippedWhenTheRequestAcceptsGzip() throws Exception {
    server = api.start();

    RawClient.Response response = get(server, "gzip, deflate, br");

    byte[] plain = Fixtures.CODEC.writeSessions(all);
    assertThat(server.compression()).isEqualTo(FakeDevtoolsServer.Compression.WHEN_ASKED);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(response.header("Vary")).isEqualTo("Accept-Encoding");
    assertThat(response.header("Content-Type")).isEqualTo("application/json");
    assertThat(Integer.parseInt(response.header("Content-Length")))
        .isEqualTo(response.body().length)
        .isLessThan(plain.length);
    assertThat(gunzip(response.body())).isEqualTo(plain);
    assertThat(server.compressedResponses()).isEqualTo(1);
    assertThat(api.requests().get(0).acceptsGzip()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "GZIP", "x-gzip", "*", "deflate, gzip;q=0.5", "br;q=1, *;q=0.1"})
  void everyWayOfAcceptingGzipGetsGzip(String acceptEncoding) throws Exception {
    server = api.start();

    RawClient.Response response = get(server, acceptEncoding);

    assertThat(response.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(gunzip(response.body())).isEqualTo(Fixtures.CODEC.writeSessions(all));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "identity", "br", "gzip;q=0", "*;q=0", "gzip;q=0, *", "deflate"})
  void aRequestThatDoesNotAcceptGzipGetsThePlainBody(String acceptEncoding) throws Exception {
    server = api.start();

    RawClient.Response response = get(server, acceptEncoding);

    assertThat(response.header("Content-Encoding")).isNull();
    assertThat(response.body()).isEqualTo(Fixtures.CODEC.writeSessions(all));
    assertThat(server.compressedResponses()).isZero();
    assertThat(api.requests().get(0).acceptsGzip()).isFalse();
  }

  @Test
  void aRequestWithoutAcceptEncodingGetsThePlainBody() throws Exception {
    server = api.start();

    RawClient.Response response = get(server, null);

    assertThat(response.header("Content-Encoding")).isNull();
    assertThat(response.body()).isEqualTo(Fixtures.CODEC.writeSessions(all));
  }

  @Test
  void aServerThatNeverCompressesSendsThePlainBodyWhateverTheRequestAccepts() throws Exception {
    server = api.start(FakeDevtoolsServer.Compression.NEVER);

    RawClient.Response response = get(server, "gzip");

    assertThat(server.compression()).isEqualTo(FakeDevtoolsServer.Compression.NEVER);
    assertThat(response.header("Content-Encoding")).isNull();
    assertThat(response.body()).isEqualTo(Fixtures.CODEC.writeSessions(all));
    assertThat(server.compressedResponses()).isZero();
  }

  @Test
  void errorBodiesAreCompressedTooButEmptyOnesAndHeadAnswersAreNot() throws Exception {
    server = api.start();
    api.faults().next(Fault.internalError(), Fault.status(200, ""));

    RawClient.Response error = get(server, "gzip");
    RawClient.Response empty = get(server, "gzip");
    RawClient.Response head;
    try (RawClient c = new RawClient(server.port())) {
      c.send(
          "HEAD "
              + SESSIONS_PATH
              + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer test-token\r\n"
              + "Accept-Encoding: gzip\r\n\r\n");
      head = c.read(true);
    }

    assertThat(error.status()).isEqualTo(500);
    assertThat(error.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(new String(gunzip(error.body()), java.nio.charset.StandardCharsets.UTF_8))
        .contains("Internal Error");
    assertThat(empty.header("Content-Encoding")).isNull();
    assertThat(empty.body()).isEmpty();
    assertThat(head.header("Content-Encoding")).isNull();
    assertThat(server.compressedResponses()).isEqualTo(1);
  }

  @Test
  void aBodyAFaultEncodedGoesOutAsItIsWhateverTheRequestAccepts() throws Exception {
    server = api.start();
    byte[] notGzip = {1, 2, 3, 4, 5};
    api.faults()
        .next(
            Fault.gzipBomb(1024 * 1024),
            Fault.status(200, notGzip, Headers.builder().add("Content-Encoding", "gzip").build()));

    RawClient.Response bomb = get(server, null);
    RawClient.Response corrupt = get(server, "gzip");

    assertThat(bomb.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(bomb.body().length).isLessThan(4096);
    assertThat(gunzip(bomb.body())).hasSize(1024 * 1024).containsOnly(0);
    assertThat(corrupt.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(corrupt.body()).isEqualTo(notGzip);
    assertThat(server.compressedResponses()).isZero();
  }

  @Test
  void aTruncatedBodyCutsTheCompressedBytes() throws Exception {
    server = api.start();
    api.faults().next(Fault.truncatedBody());
    try (RawClient c = new RawClient(server.port())) {
      c.send(
          "GET "
              + SESSIONS_PATH
              + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer test-token\r\n"
              + "Accept-Encoding: gzip\r\n\r\n");

      RawClient.Response head = c.readHead();
      byte[] received = c.readToEnd();

      int declared = Integer.parseInt(head.header("Content-Length"));
      assertThat(head.header("Content-Encoding")).isEqualTo("gzip");
      assertThat(declared).isLessThan(Fixtures.CODEC.writeSessions(all).length);
      assertThat(received).hasSize(declared / 2);
    }
  }
}
