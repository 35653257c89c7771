package io.github.devtoolssessions.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.ServerException;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CallLogTest {

  /** Captures what is logged, at every level. */
  static final class CapturingLogger implements System.Logger {
    final List<String> lines = new ArrayList<>();

    @Override
    public String getName() {
      return "capture";
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      lines.add(level + " " + msg);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      lines.add(level + " " + format);
    }

    @Override
    public void log(Level level, Supplier<String> msgSupplier) {
      lines.add(level + " " + msgSupplier.get());
    }
  }

  private final CapturingLogger logger = new CapturingLogger();
  private final CallLog log = new CallLog(logger);
  private final TransportRequest request =
      new TransportRequest(
          "GET",
          URI.create(
              "https://h.test/client/v4/accounts/acc/browser-rendering/devtools/session?limit=5"),
          Headers.builder()
              .add("Authorization", "Bearer tok-LOGSECRET")
              .add("X-Auth-Key", "key-LOGSECRET")
              .add("X-Auth-Email", "LOGSECRET@example.com")
              .add("Accept", "application/json")
              .add("X-Other", "not-allowlisted")
              .build(),
          Optional.empty(),
          100);

  @Test
  void anAttemptIsOneDebugLineWithMethodPathStatusDurationAndAttempt() {
    log.attempt(
        request,
        2,
        new TransportResponse(
            200,
            Headers.builder()
                .add("cf-ray", "abc-SJC")
                .add("Location", "wss://x/browser?jwt=JWTSECRET")
                .add("Set-Cookie", "s=COOKIESECRET")
                .build(),
            new byte[0]),
        Duration.ofMillis(42));
    assertThat(logger.lines).hasSize(1);
    assertThat(logger.lines.get(0))
        .startsWith(
            "DEBUG GET /client/v4/accounts/acc/browser-rendering/devtools/session?limit=5 -> 200 in"
                + " 42 ms (attempt 2)")
        .contains("accept=application/json", "cf-ray=abc-SJC", "location=wss://x/browser?****")
        .doesNotContain("LOGSECRET", "JWTSECRET", "COOKIESECRET", "not-allowlisted");
  }

  @Test
  void credentialsAServerEchoesInResponseHeadersAreMasked() {
    log.attempt(
        request,
        1,
        new TransportResponse(
            503,
            Headers.builder()
                .add("cf-ray", "tok-LOGSECRET")
                .add("Content-Type", "text/html; echo=key-LOGSECRET")
                .add("Retry-After", "tok-LOGSECRET")
                .build(),
            new byte[0]),
        Duration.ofMillis(5));
    assertThat(logger.lines.get(0))
        .contains("cf-ray=****", "content-type=text/html; echo=****", "retry-after=****")
        .doesNotContain("LOGSECRET");
  }

  @Test
  void retriesAreInfoAndFailuresWarning() {
    log.attempt(request, 1, new TransportException("refused"), Duration.ofMillis(3));
    log.retry(request, 2, Duration.ofMillis(500), "connection failed");
    log.failure(
        request,
        3,
        new ServerException(
            503, List.of(), Optional.of("ray"), request.toString(), Optional.empty()));
    assertThat(logger.lines.get(0))
        .startsWith("DEBUG GET ")
        .contains("TransportException", "attempt 1");
    assertThat(logger.lines.get(1))
        .isEqualTo(
            "INFO retrying GET /client/v4/accounts/acc/browser-rendering/devtools/session?limit=5 in"
                + " 500 ms (attempt 2): connection failed");
    assertThat(logger.lines.get(2))
        .startsWith("WARNING GET ")
        .contains("failed after 3 attempts", "HTTP 503");
    assertThat(String.join("\n", logger.lines)).doesNotContain("LOGSECRET");
  }

  @Test
  void anUnexpectedQueryIsMasked() {
    TransportRequest odd =
        TransportRequest.get(URI.create("https://h.test/x?jwt=QSECRET"), Headers.empty());
    assertThat(CallLog.describe(odd)).isEqualTo("GET /x?****");
  }
}
