package io.github.devtoolssessions.transport.apache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.ConnectTimeoutException;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.ResponseTooLargeException;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportRequest;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ProtocolException;
import org.junit.jupiter.api.Test;

/** Which core exception each of HttpClient's failures becomes. */
class ExchangeFailuresTest {

  private static final TransportRequest REQUEST =
      TransportRequest.get(
              URI.create("http://127.0.0.1:1/accounts/a/browser-rendering/devtools/session"),
              Headers.builder().add("Authorization", "Bearer s3cr3t-token").build())
          .withTimeout(Duration.ofMillis(1500));

  @Test
  void httpClientsConnectTimeoutBecomesTheCoresConnectTimeout() {
    var cause = new org.apache.hc.client5.http.ConnectTimeoutException("Connect timed out");

    Throwable translated = ExchangeFailures.translate(cause, REQUEST);

    assertThat(translated)
        .isExactlyInstanceOf(ConnectTimeoutException.class)
        .hasMessageContaining("GET " + REQUEST.uri())
        .hasMessageNotContaining("s3cr3t")
        .hasCause(cause);
  }

  @Test
  void aConnectTimeoutWrappedByTheAsyncClientIsFoundBeneathTheWrapper() {
    var cause = new org.apache.hc.client5.http.ConnectTimeoutException("Connect timed out");

    assertThat(ExchangeFailures.translate(new ExecutionException(cause), REQUEST))
        .isExactlyInstanceOf(ConnectTimeoutException.class);
    assertThat(ExchangeFailures.translate(new CompletionException(cause), REQUEST))
        .isExactlyInstanceOf(ConnectTimeoutException.class);
  }

  @Test
  void aSocketTimeoutBecomesAResponseTimeout() {
    var cause = new SocketTimeoutException("1500 MILLISECONDS");

    assertThat(ExchangeFailures.translate(cause, REQUEST))
        .isExactlyInstanceOf(ResponseTimeoutException.class)
        .hasMessageContaining("GET " + REQUEST.uri())
        .hasCause(cause);
  }

  @Test
  void theTransportsOwnDeadlineBecomesAResponseTimeoutNamingTheTimeout() {
    assertThat(ExchangeFailures.translate(new TimeoutException(), REQUEST))
        .isExactlyInstanceOf(ResponseTimeoutException.class)
        .hasMessageContaining("1500 ms");
  }

  @Test
  void aRefusedConnectionBecomesAPlainTransportException() {
    var cause = new HttpHostConnectException("Connect to http://127.0.0.1:1 failed");

    assertThat(ExchangeFailures.translate(cause, REQUEST))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("could not connect")
        .hasMessageContaining(HttpHostConnectException.class.getName())
        .hasCause(cause);
  }

  @Test
  void otherIoAndProtocolFailuresBecomePlainTransportExceptions() {
    assertThat(ExchangeFailures.translate(new ConnectionClosedException(), REQUEST))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining(ConnectionClosedException.class.getName());
    assertThat(ExchangeFailures.translate(new IOException("Connection reset"), REQUEST))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("Connection reset");
    assertThat(ExchangeFailures.translate(new ProtocolException("Invalid response"), REQUEST))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void aCancellationBecomesATransportException() {
    assertThat(ExchangeFailures.translate(new CancellationException(), REQUEST))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("cancelled");
  }

  @Test
  void aCoreExceptionRaisedAlongTheWayIsKeptAsItIs() {
    var tooLarge = new ResponseTooLargeException(REQUEST, 10);

    assertThat(ExchangeFailures.translate(tooLarge, REQUEST)).isSameAs(tooLarge);
    assertThat(ExchangeFailures.translate(new IOException("wrapped", tooLarge), REQUEST))
        .isSameAs(tooLarge);
  }

  @Test
  void bugsAreNotDisguisedAsTransportFailures() {
    var bug = new IllegalStateException("bug");

    assertThat(ExchangeFailures.translate(bug, REQUEST)).isSameAs(bug);
  }
}
