package io.github.devtoolssessions.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.Headers;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Faults as values: what the factories accept, how faults combine and describe themselves. */
class FaultTest {

  @Test
  void statusRefusesNonFinalOrImpossibleStatuses() {
    for (int status : new int[] {99, 100, 101, 199, 1000}) {
      assertThatThrownBy(() -> Fault.status(status, ""))
          .as("%d", status)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("200 to 999");
    }
    assertThat(Fault.status(200, "")).isNotNull();
    assertThat(Fault.status(999, new byte[0], Headers.empty())).isNotNull();
  }

  @Test
  void statusHeadersMustComeInPairsAndBeValid() {
    assertThatThrownBy(() -> Fault.status(200, "", "X-A"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("odd count of 1");
    assertThatThrownBy(() -> Fault.status(200, "", "X-A", "a\r\nInjected: yes"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void durationsMustNotBeNegative() {
    Duration negative = Duration.ofMillis(-1);

    assertThatThrownBy(() -> Fault.delayHeaders(negative))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.stallBody(negative))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.rateLimited(negative))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Fault.delayHeaders(Duration.ZERO)).isNotNull();
  }

  @Test
  void contentTypeMustBeAValidHeaderValue() {
    assertThatThrownBy(() -> Fault.contentType(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.contentType("text/plain\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rateLimitedRoundsTheWaitUpToWholeSeconds() {
    FakeDevtoolsApi api = Fixtures.api();
    api.faults()
        .next(
            Fault.rateLimited(Duration.ZERO),
            Fault.rateLimited(Duration.ofSeconds(3)),
            Fault.rateLimited(Duration.ofNanos(1)));
    try (var transport = api.asTransport()) {
      for (String expected : new String[] {"0", "3", "1"}) {
        assertThat(
                transport.send(Fixtures.get(Fixtures.SESSIONS)).headers().firstValue("Retry-After"))
            .contains(expected);
      }
    }
  }

  @Test
  void faultsWithDifferentAspectsCombine() {
    Fault combined =
        Fault.run(() -> {})
            .and(Fault.ignoreOffset())
            .and(Fault.internalError())
            .and(Fault.contentType("text/plain"))
            .and(Fault.delayHeaders(Duration.ofMillis(1)))
            .and(Fault.truncatedBody());

    assertThat(combined)
        .hasToString(
            "Fault[run + ignoreOffset + internalError + contentType(text/plain)"
                + " + delayHeaders(PT0.001S) + truncatedBody]");
  }

  @Test
  void faultsSettingTheSameAspectTwiceDoNotCombine() {
    assertThatThrownBy(() -> Fault.internalError().and(Fault.notJson()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both set a response");
    assertThatThrownBy(() -> Fault.resetConnection().and(Fault.stallBody(Duration.ZERO)))
        .hasMessageContaining("a way of delivery");
    assertThatThrownBy(
            () ->
                Fault.delayHeaders(Duration.ofMillis(1))
                    .and(Fault.delayHeaders(Duration.ofMillis(2))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.contentType("a/b").and(Fault.contentType("c/d")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.ignoreOffset().and(Fault.ignoreOffset()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sideEffectsCombineAndRunInOrder() {
    StringBuilder order = new StringBuilder();
    FakeDevtoolsApi api = Fixtures.api();
    api.faults().next(Fault.run(() -> order.append('a')).and(Fault.run(() -> order.append('b'))));

    try (var transport = api.asTransport()) {
      transport.send(Fixtures.get(Fixtures.SESSIONS));
    }

    assertThat(order).hasToString("ab");
  }

  @Test
  void noneIsNeutralInCombinations() {
    Fault reset = Fault.resetConnection();

    assertThat(Fault.none().and(reset)).isSameAs(reset);
    assertThat(reset.and(Fault.none())).isSameAs(reset);
    assertThat(Fault.none()).hasToString("Fault[none]");
  }

  @Test
  void toStringNamesTheFactory() {
    assertThat(Fault.rateLimited(Duration.ofSeconds(2))).hasToString("Fault[rateLimited(PT2S)]");
    assertThat(Fault.redirect(URI.create("http://h/x"))).hasToString("Fault[redirect(http://h/x)]");
    assertThat(Fault.status(404, "")).hasToString("Fault[status(404)]");
    assertThat(Fault.gzipBomb(1024)).hasToString("Fault[gzipBomb(1024)]");
  }

  @Test
  void aGzipBombMustHaveADecodedSizeAndCombinesLikeAnyResponse() {
    assertThatThrownBy(() -> Fault.gzipBomb(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThat(Fault.gzipBomb(0)).isNotNull();
    assertThat(Fault.gzipBomb(10).and(Fault.truncatedBody())).isNotNull();
    assertThatThrownBy(() -> Fault.gzipBomb(10).and(Fault.internalError()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theBytesOfAStatusFaultAreCopied() {
    byte[] body = {'[', ']'};
    Fault fault = Fault.status(200, body, Headers.empty());
    body[0] = 'x';
    FakeDevtoolsApi api = Fixtures.api();
    api.faults().next(fault);

    try (var transport = api.asTransport()) {
      assertThat(Fixtures.text(transport.send(Fixtures.get(Fixtures.SESSIONS)))).isEqualTo("[]");
    }
  }
}
