package io.github.devtoolssessions.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.ConnectTimeoutException;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.ResponseTooLargeException;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The mapping of the JDK client's failures to the core's exceptions, one by one. */
class ExchangeFailuresTest {

  private static final TransportRequest REQUEST =
      TransportRequest.get(
          URI.create("https://api.example.invalid/accounts/x/session?limit=1"),
          Headers.builder().add("Authorization", "Bearer s3cr3t").build());

  @Test
  void aConnectTimeoutIsConnectTimeoutException() {
    HttpConnectTimeoutException jdk = new HttpConnectTimeoutException("HTTP connect timed out");

    Throwable core = ExchangeFailures.translate(new CompletionException(jdk), REQUEST);

    assertThat(core)
        .isExactlyInstanceOf(ConnectTimeoutException.class)
        .hasMessageContaining("GET https://api.example.invalid/accounts/x/session?limit=1")
        .hasCause(jdk);
  }

  @Test
  void theJdksRequestTimeoutIsResponseTimeoutException() {
    HttpTimeoutException jdk = new HttpTimeoutException("request timed out");

    assertThat(ExchangeFailures.translate(jdk, REQUEST))
        .isExactlyInstanceOf(ResponseTimeoutException.class)
        .hasCause(jdk);
  }

  @Test
  void aRefusedConnectionWithoutMessageStillSaysWhatHappened() {
    ConnectException jdk = new ConnectException();

    assertThat(ExchangeFailures.translate(new ExecutionException(jdk), REQUEST))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("could not connect")
        .hasMessageContaining("java.net.ConnectException")
        .hasMessageNotContaining("s3cr3t")
        .hasCause(jdk);
  }

  @Test
  void anyOtherIoFailureIsTransportExceptionWithTheCause() {
    IOException jdk = new IOException("EOF reached while reading");

    assertThat(ExchangeFailures.translate(new CompletionException(jdk), REQUEST))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("GET https://api.example.invalid")
        .hasMessageContaining("EOF reached while reading")
        .hasCause(jdk);
  }

  @Test
  void aCoreExceptionRaisedAlongTheWayIsKeptAsItIs() {
    ResponseTooLargeException tooLarge = new ResponseTooLargeException(REQUEST, 10);

    assertThat(
            ExchangeFailures.translate(new CompletionException(new IOException(tooLarge)), REQUEST))
        .isSameAs(tooLarge);
  }

  @Test
  void aCancelledJdkExchangeIsTransportException() {
    assertThat(ExchangeFailures.translate(new CancellationException(), REQUEST))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("cancelled");
  }

  @Test
  void anUndocumentedUncheckedExceptionIsABugAndPassesThrough() {
    IllegalStateException bug = new IllegalStateException("bug");

    assertThat(ExchangeFailures.translate(new CompletionException(bug), REQUEST)).isSameAs(bug);
    assertThat(ExchangeFailures.unchecked(new ExecutionException(bug), REQUEST)).isSameAs(bug);
  }
}
