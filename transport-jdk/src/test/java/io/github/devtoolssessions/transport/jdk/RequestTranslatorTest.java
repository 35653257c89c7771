package io.github.devtoolssessions.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.TransportRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The JDK request built from the core's. */
class RequestTranslatorTest {

  private static final Headers HEADERS =
      Headers.builder()
          .add("Accept", "application/json")
          .add("Host", "other.invalid")
          .add("upgrade", "h2c")
          .add("X-Multi", "1")
          .add("X-Multi", "2")
          .build();

  @Test
  void httpsKeepsTheClientsPreferredVersion() {
    HttpRequest jdk =
        RequestTranslator.translate(
            TransportRequest.get(URI.create("https://api.example.invalid/x"), HEADERS));

    assertThat(jdk.version()).isEmpty();
  }

  @Test
  void httpIsPinnedToHttp11() {
    HttpRequest jdk =
        RequestTranslator.translate(
            TransportRequest.get(URI.create("HTTP://127.0.0.1:1/x"), HEADERS));

    assertThat(jdk.version()).contains(HttpClient.Version.HTTP_1_1);
  }

  @Test
  void copiesMethodUriAndHeadersButSkipsThoseTheJdkSets() {
    URI uri = URI.create("https://api.example.invalid/a%2Fb?limit=1");
    HttpRequest jdk =
        RequestTranslator.translate(
            new TransportRequest("DELETE", uri, HEADERS, java.util.Optional.empty(), 1));

    assertThat(jdk.method()).isEqualTo("DELETE");
    assertThat(jdk.uri()).isEqualTo(uri);
    assertThat(jdk.headers().map())
        .containsOnlyKeys("Accept", "Accept-Encoding", "X-Multi")
        .containsEntry("X-Multi", java.util.List.of("1", "2"))
        .containsEntry("Accept-Encoding", java.util.List.of("gzip"));
    assertThat(jdk.bodyPublisher()).hasValueSatisfying(p -> assertThat(p.contentLength()).isZero());
  }

  @Test
  void keepsTheRequestsOwnAcceptEncodingAndAddsNone() {
    Headers own = Headers.builder().add("accept-encoding", "identity").build();

    HttpRequest jdk =
        RequestTranslator.translate(
            TransportRequest.get(URI.create("https://api.example.invalid/x"), own));

    assertThat(jdk.headers().allValues("Accept-Encoding")).containsExactly("identity");
  }

  @Test
  void leavesTheTimeoutToTheTransport() {
    HttpRequest jdk =
        RequestTranslator.translate(
            TransportRequest.get(URI.create("https://api.example.invalid/x"), HEADERS)
                .withTimeout(Duration.ofSeconds(3)));

    assertThat(jdk.timeout()).isEmpty();
  }
}
