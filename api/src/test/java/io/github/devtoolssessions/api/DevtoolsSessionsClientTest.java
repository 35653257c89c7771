package io.github.devtoolssessions.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.api.TestAdapters.FixedCodec;
import io.github.devtoolssessions.api.TestAdapters.RecordingTransport;
import io.github.devtoolssessions.core.AuthenticationException;
import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevtoolsSessionsClientTest {

  private final RecordingTransport transport = new RecordingTransport();

  private DevtoolsSessionsClient.Builder builder() {
    return DevtoolsSessionsClient.builder()
        .accountId("acc")
        .credentials(Credentials.apiToken("tok-123456"))
        .transport(transport)
        .jsonCodec(new FixedCodec());
  }

  private TransportRequest onlyRequest() {
    assertThat(transport.requests).hasSize(1);
    return transport.requests.get(0);
  }

  @Test
  void listSendsGetToTheDefaultBaseWithAcceptUserAgentAndBearerToken() {
    builder().build().list();
    TransportRequest r = onlyRequest();
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.uri())
        .hasToString(
            "https://api.cloudflare.com/client/v4/accounts/acc/browser-rendering/devtools/session");
    assertThat(r.headers().firstValue("accept")).contains("application/json");
    assertThat(r.headers().firstValue("user-agent").orElseThrow())
        .startsWith("devtools-sessions-java/");
    assertThat(r.headers().allValues("authorization")).containsExactly("Bearer tok-123456");
    assertThat(r.headers().map().keySet())
        .containsExactlyInAnyOrder("Accept", "User-Agent", "Authorization");
  }

  @Test
  void limitAndOffsetAreSentAsPlainIntegersOnlyWhenSet() {
    DevtoolsSessionsClient client = builder().build();
    client.list(ListSessionsParams.builder().limit(1).build());
    client.list(ListSessionsParams.builder().offset(400).build());
    client.list(ListSessionsParams.of(200, 0));
    assertThat(transport.requests)
        .extracting(r -> r.uri().getRawQuery())
        .containsExactly("limit=1", "offset=400", "limit=200&offset=0");
  }

  @Test
  void baseUrlWithOrWithoutTrailingSlashJoinsToTheSameUrl() {
    builder().baseUrl("https://example.test/client/v4").build().list();
    builder().baseUrl("https://example.test/client/v4/").build().list();
    builder().baseUrl("https://example.test/client/v4//").build().list();
    assertThat(transport.requests)
        .extracting(r -> r.uri().toString())
        .containsOnly(
            "https://example.test/client/v4/accounts/acc/browser-rendering/devtools/session");
  }

  @Test
  void accountIdIsEncodedAsOnePathSegment() {
    builder().accountId("a/../b?x=1#f %").build().list();
    TransportRequest r = onlyRequest();
    assertThat(r.uri().getRawPath())
        .isEqualTo(
            "/client/v4/accounts/a%2F..%2Fb%3Fx%3D1%23f%20%25/browser-rendering/devtools/session");
    assertThat(r.uri().getRawQuery()).isNull();
    assertThat(r.uri().getRawFragment()).isNull();
  }

  @Test
  void emailAndKeyAreSentAsTheLegacyHeadersAndNothingElse() {
    builder().credentials(Credentials.apiKey("me@example.com", "key-123456")).build().list();
    Headers h = onlyRequest().headers();
    assertThat(h.firstValue("x-auth-email")).contains("me@example.com");
    assertThat(h.firstValue("x-auth-key")).contains("key-123456");
    assertThat(h.firstValue("authorization")).isEmpty();
  }

  @Test
  void theTimeoutAndBodyCapReachTheRequest() {
    builder().timeout(Duration.ofSeconds(3)).maxResponseBytes(1234).build().list();
    TransportRequest r = onlyRequest();
    assertThat(r.timeout()).contains(Duration.ofSeconds(3));
    assertThat(r.maxBodyBytes()).isEqualTo(1234);
  }

  @Test
  void anErrorStatusBecomesTheTypedExceptionWithCodeAndCfRay() {
    transport.next =
        new TransportResponse(
            401, Headers.builder().add("cf-ray", "8f1c2d3e4f5a6b7c-SJC").build(), "{}".getBytes());
    DevtoolsSessionsClient client = builder().build();
    assertThatThrownBy(client::list)
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(401);
              assertThat(e.errorCode()).hasValue(10000);
              assertThat(e.cfRay()).contains("8f1c2d3e4f5a6b7c-SJC");
              assertThat(e.getMessage())
                  .contains("401", "10000", "Authentication error", "8f1c2d3e4f5a6b7c-SJC")
                  .doesNotContain("tok-123456");
            });
  }

  @Test
  void plainHttpIsRefusedForNonLoopbackHosts() {
    assertThatThrownBy(() -> builder().baseUrl("http://api.cloudflare.com/client/v4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl")
        .hasMessageContaining("http://api.cloudflare.com/client/v4")
        .hasMessageContaining("loopback");
    builder().baseUrl("http://127.0.0.1:8080/client/v4").build();
    builder().baseUrl("http://localhost:8080/client/v4").build();
    builder().baseUrl("http://[::1]:8080/client/v4").build();
  }

  @Test
  void baseUrlWithQueryUserInfoOrOtherSchemeIsRefused() {
    assertThatThrownBy(() -> builder().baseUrl("https://x.test/v4?a=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("query");
    assertThatThrownBy(() -> builder().baseUrl("https://user:secretpw@x.test/v4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user info")
        .hasMessageNotContaining("secretpw");
    assertThatThrownBy(() -> builder().baseUrl("ftp://x.test/v4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scheme");
    assertThatThrownBy(() -> builder().baseUrl("not a url"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a url");
  }

  @Test
  void anUnparsableBaseUrlIsShownWithoutItsUserInfo() {
    assertThatThrownBy(() -> builder().baseUrl("https://secretpw@api cloudflare.com/client/v4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https://***@api cloudflare.com/client/v4")
        .hasMessageContaining("not a valid URI")
        .hasMessageNotContaining("secretpw")
        .hasNoCause();
    assertThatThrownBy(() -> builder().baseUrl("https://secretpw@/client/v4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secretpw");
  }

  @Test
  void missingAccountIdOrCredentialsIsAConfigurationErrorNamingTheVariables() {
    assertThatThrownBy(
            () ->
                DevtoolsSessionsClient.builder()
                    .credentials(Credentials.apiToken("t-123456"))
                    .transport(transport)
                    .jsonCodec(new FixedCodec())
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("CLOUDFLARE_ACCOUNT_ID");
    assertThatThrownBy(
            () ->
                DevtoolsSessionsClient.builder()
                    .accountId("acc")
                    .transport(transport)
                    .jsonCodec(new FixedCodec())
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("CLOUDFLARE_API_TOKEN");
  }

  @Test
  void theEnvironmentSuppliesWhatTheBuilderLeavesUnset() {
    DevtoolsSessionsClient client =
        DevtoolsSessionsClient.builder()
            .environment(
                Map.of(
                    "CLOUDFLARE_ACCOUNT_ID", "env-acc",
                    "CLOUDFLARE_API_TOKEN", "env-token-1",
                    "CLOUDFLARE_BASE_URL", "http://127.0.0.1:9/client/v4/"))
            .transport(transport)
            .jsonCodec(new FixedCodec())
            .build();
    client.list();
    TransportRequest r = onlyRequest();
    assertThat(r.uri())
        .hasToString(
            "http://127.0.0.1:9/client/v4/accounts/env-acc/browser-rendering/devtools/session");
    assertThat(r.headers().firstValue("authorization")).contains("Bearer env-token-1");
    assertThat(client.credentialsScheme()).isEqualTo(Credentials.Scheme.API_TOKEN);
  }

  @Test
  void builderValuesWinOverTheEnvironmentWhateverTheOrder() {
    builder()
        .environment(Map.of("CLOUDFLARE_ACCOUNT_ID", "env-acc", "CLOUDFLARE_API_TOKEN", "env-t-1"))
        .build()
        .list();
    TransportRequest r = onlyRequest();
    assertThat(r.uri().getRawPath()).contains("/accounts/acc/");
    assertThat(r.headers().firstValue("authorization")).contains("Bearer tok-123456");
  }

  @Test
  void theEnvironmentGivesEmailAndKeyWhenNoTokenIsSet() {
    DevtoolsSessionsClient client =
        DevtoolsSessionsClient.builder()
            .accountId("acc")
            .environment(
                Map.of("CLOUDFLARE_EMAIL", "me@example.com", "CLOUDFLARE_API_KEY", "k-99999"))
            .transport(transport)
            .jsonCodec(new FixedCodec())
            .build();
    assertThat(client.credentialsScheme()).isEqualTo(Credentials.Scheme.API_KEY);
    client.list();
    assertThat(onlyRequest().headers().firstValue("x-auth-key")).contains("k-99999");
  }

  @Test
  void halfOfTheLegacyPairIsAConfigurationError() {
    assertThatThrownBy(
            () ->
                DevtoolsSessionsClient.builder()
                    .accountId("acc")
                    .environment(Map.of("CLOUDFLARE_EMAIL", "me@example.com"))
                    .transport(transport)
                    .jsonCodec(new FixedCodec())
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("CLOUDFLARE_EMAIL is set but CLOUDFLARE_API_KEY is not");
  }

  @Test
  void anInvalidSecretInTheEnvironmentIsRefusedWithoutShowingIt() {
    assertThatThrownBy(
            () ->
                DevtoolsSessionsClient.builder()
                    .accountId("acc")
                    .environment(Map.of("CLOUDFLARE_API_TOKEN", "s3cr3tval\nInjected: 1"))
                    .transport(transport)
                    .jsonCodec(new FixedCodec())
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("apiToken")
        .hasMessageNotContaining("s3cr3tval")
        .hasMessageNotContaining("Injected");
  }

  @Test
  void anInvalidBaseUrlInTheEnvironmentIsAConfigurationError() {
    assertThatThrownBy(
            () ->
                builder().environment(Map.of("CLOUDFLARE_BASE_URL", "http://example.com")).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("CLOUDFLARE_BASE_URL");
  }

  @Test
  void closeLeavesAGivenTransportOpen() {
    builder().build().close();
    assertThat(transport.closed).isFalse();
  }

  @Test
  void toStringShowsNoSecret() {
    assertThat(builder().build().toString())
        .contains("acc", "API_TOKEN")
        .doesNotContain("tok-123456");
  }

  @Test
  void invalidTimeoutsAndCapsAreRefusedAtOnce() {
    assertThatThrownBy(() -> builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> builder().connectTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> builder().maxResponseBytes(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxResponseBytes");
  }
}
