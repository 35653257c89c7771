package io.github.devtoolssessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.api.ConfigurationException;
import io.github.devtoolssessions.core.ApiException;
import io.github.devtoolssessions.core.CloudflareError;
import io.github.devtoolssessions.core.DeadlineExceededException;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.PagingException;
import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.TransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailureTest {

  @Test
  void anApiErrorIsExitCode3WithStatusCodesMessagesAndCfRay() {
    ApiException e =
        ApiException.forStatus(
            401,
            List.of(CloudflareError.of(10000, "Authentication error")),
            Optional.of("8f1c2d3e4f5a6b7c-SJC"),
            "GET https://api.example.invalid/x",
            Optional.empty());

    Failure f = Failure.of(e);

    assertThat(f.exitCode()).isEqualTo(3);
    assertThat(f.message())
        .contains("401")
        .contains("[10000] Authentication error")
        .contains("8f1c2d3e4f5a6b7c-SJC")
        .contains("check CLOUDFLARE_API_TOKEN");
  }

  @Test
  void aForbiddenAnswerHintsAtTheAccountAndThePermission() {
    ApiException e =
        ApiException.forStatus(
            403,
            List.of(CloudflareError.of(9109, "Unauthorized to access requested resource")),
            Optional.empty(),
            "GET x",
            Optional.empty());
    assertThat(Failure.of(e).message()).contains("9109").contains("Browser Rendering Read");
  }

  @Test
  void anUnusableAnswerIsExitCode3() {
    assertThat(Failure.of(new DecodingException("not JSON")).exitCode()).isEqualTo(3);
    assertThat(Failure.of(new DecodingException("not JSON")).message())
        .startsWith("unusable answer from the API");
    assertThat(Failure.of(new PagingException("the server ignores offset")).exitCode())
        .isEqualTo(3);
  }

  @Test
  void noAnswerOrNoAnswerInTimeIsExitCode4() {
    assertThat(Failure.of(new TransportException("connection refused")).exitCode()).isEqualTo(4);
    Failure timeout = Failure.of(new ResponseTimeoutException("no response in 500 ms", null));
    assertThat(timeout.exitCode()).isEqualTo(4);
    assertThat(timeout.message()).startsWith("timed out");
    Failure deadline =
        Failure.of(new DeadlineExceededException("deadline passed", Duration.ofSeconds(1), null));
    assertThat(deadline.exitCode()).isEqualTo(4);
    assertThat(
            Failure.of(new UncheckedIOException("cannot listen", new IOException("in use")))
                .exitCode())
        .isEqualTo(4);
  }

  @Test
  void aConfigurationProblemIsExitCode5() {
    assertThat(Failure.of(new ConfigurationException("no account id")).exitCode()).isEqualTo(5);
  }

  @Test
  void anythingElseIsExitCode1AndPointsToVerbose() {
    Failure f = Failure.of(new IllegalStateException("bug"));
    assertThat(f.exitCode()).isEqualTo(1);
    assertThat(f.message()).contains("bug").contains("--verbose");
  }

  @Test
  void theMessageIsAlwaysOneLine() {
    Failure f = Failure.of(new DecodingException("first\n  second\r\nthird"));
    assertThat(f.message()).isEqualTo("unusable answer from the API: first second third");
  }
}
