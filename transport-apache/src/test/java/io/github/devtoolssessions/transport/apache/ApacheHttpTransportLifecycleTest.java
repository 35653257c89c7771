package io.github.devtoolssessions.transport.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.TransportRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Creating, wrapping and closing transports: who owns the clients and the threads. */
class ApacheHttpTransportLifecycleTest {

  private final LoopbackServer server =
      LoopbackServer.start().handle("/", exchange -> exchange.sendResponseHeaders(204, -1));

  @AfterEach
  void closeServer() {
    server.close();
  }

  private TransportRequest get(String path) {
    return TransportRequest.get(server.uri(path), Headers.empty())
        .withTimeout(Duration.ofSeconds(10));
  }

  private static Set<Thread> liveThreads(String namePrefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(namePrefix))
        .collect(Collectors.toSet());
  }

  @Test
  void closeLeavesNoThreadOfTheTransportAlive() throws Exception {
    ApacheHttpTransport transport = ApacheHttpTransport.create();
    String prefix = transport.threadNamePrefix();
    transport.send(get("/a"));
    transport.sendAsync(get("/b")).get(10, TimeUnit.SECONDS);
    Set<Thread> started = liveThreads(prefix);
    assertThat(started)
        .extracting(Thread::getName)
        .anyMatch(name -> name.startsWith(prefix + "io-"))
        .anyMatch(name -> name.startsWith(prefix + "worker-"));
    assertThat(started).allMatch(Thread::isDaemon);

    transport.close();

    assertThat(started).noneMatch(Thread::isAlive);
    assertThat(liveThreads(prefix)).isEmpty();
  }

  @Test
  void theWorkersThatRunAClassicClientAsynchronouslyEndOnClose() throws Exception {
    try (CloseableHttpClient classic = HttpClients.createDefault()) {
      ApacheHttpTransport transport = ApacheHttpTransport.wrap(classic);
      String prefix = transport.threadNamePrefix();
      transport.sendAsync(get("/a")).get(10, TimeUnit.SECONDS);
      Set<Thread> started = liveThreads(prefix);
      assertThat(started).isNotEmpty();

      transport.close();

      assertThat(started).noneMatch(Thread::isAlive);
    }
  }

  @Test
  void aCreatedTransportStartsNoThreadUntilTheFirstAsynchronousRequest() throws Exception {
    try (ApacheHttpTransport transport = ApacheHttpTransport.create()) {
      String prefix = transport.threadNamePrefix();

      transport.send(get("/a"));
      assertThat(liveThreads(prefix)).isEmpty();

      transport.sendAsync(get("/b")).get(10, TimeUnit.SECONDS);
      assertThat(liveThreads(prefix)).isNotEmpty();
    }
  }

  @Test
  void closeLeavesTheApplicationsClientsOpenAndUsable() throws Exception {
    CloseableHttpClient classic = HttpClients.createDefault();
    CloseableHttpAsyncClient async = HttpAsyncClients.createDefault();
    async.start();
    try {
      ApacheHttpTransport transport = ApacheHttpTransport.wrap(classic, async);
      assertThat(transport.send(get("/sync")).statusCode()).isEqualTo(204);
      assertThat(transport.sendAsync(get("/async")).get(10, TimeUnit.SECONDS).statusCode())
          .isEqualTo(204);

      transport.close();

      assertThat(async.getStatus()).isEqualTo(IOReactorStatus.ACTIVE);
      int classicStatus =
          classic.execute(new HttpGet(server.uri("/after")), response -> response.getCode());
      SimpleHttpResponse asyncResponse =
          async
              .execute(SimpleRequestBuilder.get(server.uri("/after")).build(), null)
              .get(10, TimeUnit.SECONDS);
      assertThat(classicStatus).isEqualTo(204);
      assertThat(asyncResponse.getCode()).isEqualTo(204);
    } finally {
      classic.close(CloseMode.IMMEDIATE);
      async.close(CloseMode.IMMEDIATE);
    }
  }

  @Test
  void sendsThroughTheClassicClientAndTheAsyncClientEachForItsOwnKindOfCall() throws Exception {
    CountingInterceptor classicCount = new CountingInterceptor();
    CountingInterceptor asyncCount = new CountingInterceptor();
    try (CloseableHttpClient classic =
            HttpClients.custom().addRequestInterceptorLast(classicCount).build();
        CloseableHttpAsyncClient async =
            HttpAsyncClients.custom().addRequestInterceptorLast(asyncCount).build()) {
      async.start();
      try (ApacheHttpTransport transport = ApacheHttpTransport.wrap(classic, async)) {
        transport.send(get("/sync"));
        transport.sendAsync(get("/async")).get(10, TimeUnit.SECONDS);
      }
      assertThat(classicCount.count()).isEqualTo(1);
      assertThat(asyncCount.count()).isEqualTo(1);
    }
  }

  @Test
  void aClosedTransportRefusesRequestsAndClosingAgainDoesNothing() {
    ApacheHttpTransport transport = ApacheHttpTransport.create();
    transport.close();

    transport.close();

    assertThatThrownBy(() -> transport.send(get("/a")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> transport.sendAsync(get("/a")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void refusesAUriSchemeHttpClientCannotSend() {
    try (ApacheHttpTransport transport = ApacheHttpTransport.create()) {
      TransportRequest ftp = TransportRequest.get(URI.create("ftp://127.0.0.1/x"), Headers.empty());

      assertThatThrownBy(() -> transport.send(ftp))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ftp");
      assertThatThrownBy(() -> transport.sendAsync(ftp))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ftp");
    }
  }

  @Test
  void refusesToSendThroughAnAsyncClientThatTheApplicationClosed() {
    CloseableHttpAsyncClient closed = HttpAsyncClients.createDefault();
    closed.start();
    closed.close(CloseMode.IMMEDIATE);
    try (ApacheHttpTransport transport = ApacheHttpTransport.wrap(closed)) {

      assertThatThrownBy(() -> transport.sendAsync(get("/a")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
      assertThatThrownBy(() -> transport.send(get("/a"))).isInstanceOf(IllegalStateException.class);
    }
  }
}
