package io.github.devtoolssessions.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.RetryPolicy;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryDeciderTest {

  private final RetryDecider noJitter = new RetryDecider(RetryPolicy.defaults(), () -> 0.0);

  private static TransportResponse status(int code, String... headers) {
    Headers.Builder h = Headers.builder();
    for (int i = 0; i < headers.length; i += 2) {
      h.add(headers[i], headers[i + 1]);
    }
    return new TransportResponse(code, h.build(), new byte[0]);
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504, 599})
  void retryableStatusesAreRetried(int code) {
    assertThat(noJitter.afterResponse(status(code), 1, Optional.empty()).retry()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 302, 422})
  void clientErrorsAreNeverRetried(int code) {
    RetryDecider.Decision d = noJitter.afterResponse(status(code), 1, Optional.empty());
    assertThat(d.retry()).isFalse();
    assertThat(d.reason()).contains("HTTP " + code, "not retried");
  }

  @Test
  void xShouldRetryOverridesTheStatus() {
    assertThat(
            noJitter
                .afterResponse(status(503, "x-should-retry", "false"), 1, Optional.empty())
                .retry())
        .isFalse();
    assertThat(
            noJitter
                .afterResponse(status(400, "X-Should-Retry", "TRUE"), 1, Optional.empty())
                .retry())
        .isTrue();
    assertThat(
            noJitter
                .afterResponse(status(503, "x-should-retry", "maybe"), 1, Optional.empty())
                .retry())
        .isTrue();
  }

  @Test
  void backoffDoublesFromHalfASecondAndIsCappedAtEightSeconds() {
    assertThat(noJitter.backoff(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(noJitter.backoff(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(noJitter.backoff(3)).isEqualTo(Duration.ofSeconds(2));
    assertThat(noJitter.backoff(5)).isEqualTo(Duration.ofSeconds(8));
    assertThat(noJitter.backoff(11)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void jitterSubtractsAtMostAQuarter() {
    RetryDecider maxJitter = new RetryDecider(RetryPolicy.defaults(), () -> 0.999999);
    assertThat(maxJitter.backoff(1))
        .isGreaterThan(Duration.ofMillis(375))
        .isLessThan(Duration.ofMillis(376));
  }

  @Test
  void theServersWaitIsUsedWithinTheCap() {
    RetryDecider.Decision d =
        noJitter.afterResponse(status(429), 1, Optional.of(Duration.ofSeconds(3)));
    assertThat(d.retry()).isTrue();
    assertThat(d.delay()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aZeroWaitFallsBackToBackoff() {
    assertThat(noJitter.afterResponse(status(503), 1, Optional.of(Duration.ZERO)).delay())
        .isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void aWaitBeyondTheCapIsNotWaitedFor() {
    RetryDecider.Decision d =
        noJitter.afterResponse(status(429), 1, Optional.of(Duration.ofSeconds(61)));
    assertThat(d.retry()).isFalse();
    assertThat(d.reason()).contains("PT1M1S", "beyond the cap of PT1M");
  }

  @Test
  void noRetryAfterTheLastAllowedAttempt() {
    assertThat(noJitter.afterResponse(status(503), 2, Optional.empty()).retry()).isTrue();
    RetryDecider.Decision d = noJitter.afterResponse(status(503), 3, Optional.empty());
    assertThat(d.retry()).isFalse();
    assertThat(d.reason()).contains("no retries left");
    RetryDecider none = new RetryDecider(RetryPolicy.none(), () -> 0.0);
    assertThat(none.afterFailure(new TransportException("refused"), 1).retry()).isFalse();
  }

  @Test
  void connectionFailuresAreRetried() {
    RetryDecider.Decision d = noJitter.afterFailure(new TransportException("refused"), 1);
    assertThat(d.retry()).isTrue();
    assertThat(d.reason()).isEqualTo("connection failed");
  }
}
