package io.github.devtoolssessions.transport.apache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.TransportRequest;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.Test;

/** Translating requests and their settings into HttpClient's terms. */
class MessageTranslatorTest {

  private static final URI RAW =
      URI.create("http://127.0.0.1:8080/accounts/a%2Fb/session%3F/%2E%2E?limit=1&q=%26");

  @Test
  void keepsTheRawPathAndQueryOfTheUri() {
    TransportRequest request = TransportRequest.get(RAW, Headers.empty());

    HttpUriRequestBase classic = MessageTranslator.classicRequest(request, RequestConfig.DEFAULT);
    HttpRequest async = MessageTranslator.asyncRequest(request);

    assertThat(classic.getPath()).isEqualTo("/accounts/a%2Fb/session%3F/%2E%2E?limit=1&q=%26");
    assertThat(async.getPath()).isEqualTo("/accounts/a%2Fb/session%3F/%2E%2E?limit=1&q=%26");
    assertThat(async.getAuthority().getPort()).isEqualTo(8080);
  }

  @Test
  void leavesOutTheHeadersHttpClientWritesItself() {
    Headers headers =
        Headers.builder()
            .add("Host", "example.invalid")
            .add("Content-Length", "3")
            .add("Connection", "close")
            .add("X-Kept", "yes")
            .build();

    HttpRequest async = MessageTranslator.asyncRequest(TransportRequest.get(RAW, headers));

    assertThat(async.getHeaders())
        .extracting(h -> h.getName())
        .containsExactly("X-Kept", "Accept-Encoding");
  }

  @Test
  void asksForGzipOnBothKindsOfRequestUnlessTheRequestNamesCodingsItself() {
    TransportRequest plain = TransportRequest.get(RAW, Headers.empty());
    TransportRequest own =
        TransportRequest.get(RAW, Headers.builder().add("accept-encoding", "identity").build());

    assertThat(MessageTranslator.asyncRequest(plain).getHeaders("Accept-Encoding"))
        .extracting(h -> h.getValue())
        .containsExactly("gzip");
    assertThat(
            MessageTranslator.classicRequest(plain, RequestConfig.DEFAULT)
                .getHeaders("Accept-Encoding"))
        .extracting(h -> h.getValue())
        .containsExactly("gzip");
    assertThat(MessageTranslator.asyncRequest(own).getHeaders("Accept-Encoding"))
        .extracting(h -> h.getValue())
        .containsExactly("identity");
  }

  @Test
  void aRequestsConfigurationOverridesWhatTheContractForbidsAndKeepsTheRest() {
    RequestConfig clientDefaults =
        RequestConfig.custom()
            .setRedirectsEnabled(true)
            .setContentCompressionEnabled(true)
            .setAuthenticationEnabled(true)
            .setConnectionRequestTimeout(7, TimeUnit.SECONDS)
            .setResponseTimeout(9, TimeUnit.SECONDS)
            .build();
    TransportRequest request =
        TransportRequest.get(RAW, Headers.empty()).withTimeout(Duration.ofMillis(1500));

    RequestConfig config = MessageTranslator.requestConfig(clientDefaults, request);

    assertThat(config.isRedirectsEnabled()).isFalse();
    assertThat(config.isContentCompressionEnabled()).isFalse();
    assertThat(config.isAuthenticationEnabled()).isFalse();
    assertThat(config.isProtocolUpgradeEnabled()).isFalse();
    assertThat(config.isHardCancellationEnabled()).isTrue();
    assertThat(config.getResponseTimeout()).isEqualTo(Timeout.ofMilliseconds(1500));
    assertThat(config.getConnectionRequestTimeout()).isEqualTo(Timeout.ofSeconds(7));
  }

  @Test
  void aRequestWithoutTimeoutKeepsTheClientsResponseTimeout() {
    RequestConfig clientDefaults =
        RequestConfig.custom().setResponseTimeout(9, TimeUnit.SECONDS).build();

    RequestConfig config =
        MessageTranslator.requestConfig(clientDefaults, TransportRequest.get(RAW, Headers.empty()));

    assertThat(config.getResponseTimeout()).isEqualTo(Timeout.ofSeconds(9));
  }

  @Test
  void timeoutsRoundUpToAWholeMillisecondAndNeverOverflow() {
    assertThat(MessageTranslator.toTimeout(Duration.ofNanos(1)))
        .isEqualTo(Timeout.ofMilliseconds(1));
    assertThat(MessageTranslator.toTimeout(Duration.ofNanos(1_000_001)))
        .isEqualTo(Timeout.ofMilliseconds(2));
    assertThat(MessageTranslator.toTimeout(Duration.ofSeconds(Long.MAX_VALUE)).toMilliseconds())
        .isEqualTo(Long.MAX_VALUE);
  }
}
