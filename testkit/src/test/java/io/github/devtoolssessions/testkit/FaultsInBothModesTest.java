package io.github.devtoolssessions.testkit;

import static io.github.devtoolssessions.testkit.Fixtures.CODEC;
import static io.github.devtoolssessions.testkit.Fixtures.ids;
import static io.github.devtoolssessions.testkit.Fixtures.sessions;
import static io.github.devtoolssessions.testkit.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.CloudflareError;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.ResponseTooLargeException;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import io.github.devtoolssessions.testkit.internal.Gzip;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every fault, in memory and over HTTP, with the same outcome in both. */
class FaultsInBothModesTest {

  private static final Duration FOREVER = Duration.ofMinutes(5);

  private final List<Session> all = FakeSessions.generate(3, 10);

  private Mode.Target open(Mode mode) {
    FakeDevtoolsApi api = Fixtures.api();
    api.addSessions(all);
    return mode.open(api);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void statusReplacesTheAnswerKeepingEveryHeaderAndAddingCfRayAndJsonType(Mode mode) {
    try (Mode.Target t = open(mode)) {
      t.api()
          .faults()
          .next(
              Fault.status(
                  418, "{\"teapot\":true}", "X-A", "1", "X-A", "2", "Content-Length", "1"));

      TransportResponse response = t.transport().send(t.get());

      assertThat(response.statusCode()).isEqualTo(418);
      assertThat(text(response)).isEqualTo("{\"teapot\":true}");
      assertThat(response.headers().allValues("X-A")).containsExactly("1", "2");
      assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(response.headers().firstValue("cf-ray")).isPresent();
      assertThat(response.headers().allValues("Content-Length")).doesNotContain("1");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void rateLimitedIs429WithRetryAfterInWholeSecondsAndCode971(Mode mode) {
    try (Mode.Target t = open(mode)) {
      t.api().faults().next(Fault.rateLimited(Duration.ofMillis(1500)));

      TransportResponse response = t.transport().send(t.get());

      assertThat(response.statusCode()).isEqualTo(429);
      assertThat(response.headers().firstValue("Retry-After")).contains("2");
      assertThat(CODEC.readErrors(response.body()))
          .containsExactly(
              CloudflareError.of(971, "Please wait and consider throttling your request speed"));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void serviceUnavailableHtmlIsA503PageThatNoCodecReads(Mode mode) {
    try (Mode.Target t = open(mode)) {
      t.api().faults().next(Fault.serviceUnavailableHtml());

      TransportResponse response = t.transport().send(t.get());

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Content-Type"))
          .contains("text/html; charset=UTF-8");
      assertThat(text(response)).contains("<html").contains("503 Service Temporarily Unavailable");
      assertThatThrownBy(() -> CODEC.readErrors(response.body()))
          .isInstanceOf(DecodingException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void internalErrorIsA500WithCode2000(Mode mode) {
    try (Mode.Target t = open(mode)) {
      t.api().faults().next(Fault.internalError());

      TransportResponse response = t.transport().send(t.get());

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(CODEC.readErrors(response.body()))
          .containsExactly(CloudflareError.of(2000, "Internal Error"));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void notJsonIsA200LabelledJsonWhoseBodyIsNot(Mode mode) {
    try (Mode.Target t = open(mode)) {
      t.api().faults().next(Fault.notJson());

      TransportResponse response = t.transport().send(t.get());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
      assertThatThrownBy(() -> sessions(response)).isInstanceOf(DecodingException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void contentTypeRelabelsTheNormalAnswer(Mode mode) {
    try (Mode.Target t = open(mode)) {
      t.api().faults().next(Fault.contentType("text/plain; charset=us-ascii"));

      TransportResponse response = t.transport().send(t.get("?limit=2"));

      assertThat(response.headers().allValues("content-type"))
          .containsExactly("text/plain; charset=us-ascii");
      assertThat(sessions(response)).containsExactlyElementsOf(all.subList(0, 2));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void redirectIsA302WithLocationAndNoBody(Mode mode) {
    try (Mode.Target t = open(mode)) {
      URI elsewhere = URI.create("http://127.0.0.1:9/elsewhere?x=1");
      t.api().faults().next(Fault.redirect(elsewhere));

      TransportResponse response = t.transport().send(t.get());

      assertThat(response.statusCode()).isEqualTo(302);
      assertThat(response.headers().firstValue("Location")).contains(elsewhere.toString());
      assertThat(response.body()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void delayHeadersAnswersNormallyAfterTheDelay(Mode mode) {
    try (Mode.Target t = open(mode)) {
      Duration delay = Duration.ofMillis(200);
      t.api().faults().next(Fault.delayHeaders(delay));

      long start = System.nanoTime();
      TransportResponse response = t.transport().send(t.get("?limit=1"));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(sessions(response)).containsExactly(all.get(0));
      assertThat(took).isGreaterThanOrEqualTo(delay);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aDelayPastTheTimeoutEndsInResponseTimeout(Mode mode) {
    try (Mode.Target t = open(mode)) {
      t.api().faults().next(Fault.delayHeaders(FOREVER));
      TransportRequest request = t.get().withTimeout(Duration.ofMillis(100));

      assertThatThrownBy(() -> t.transport().send(request))
          .isInstanceOf(ResponseTimeoutException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aStallPastTheTimeoutEndsInResponseTimeout(Mode mode) {
    try (Mode.Target t = open(mode)) {
      t.api().faults().next(Fault.stallBody(FOREVER));
      TransportRequest request = t.get().withTimeout(Duration.ofMillis(100));

      assertThatThrownBy(() -> t.transport().send(request))
          .isInstanceOf(ResponseTimeoutException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aStallWithinTheTimeoutEndsInACutOffBody(Mode mode) {
    try (Mode.Target t = open(mode)) {
      t.api().faults().next(Fault.stallBody(Duration.ofMillis(50)));

      assertThatThrownBy(() -> t.transport().send(t.get()))
          .isExactlyInstanceOf(TransportException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aTruncatedBodyIsATransportException(Mode mode) {
    try (Mode.Target t = open(mode)) {
      t.api().faults().next(Fault.truncatedBody());

      assertThatThrownBy(() -> t.transport().send(t.get()))
          .isExactlyInstanceOf(TransportException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aResetIsATransportExceptionAndTheRequestIsStillRecorded(Mode mode) {
    try (Mode.Target t = open(mode)) {
      // A standing fault: java.net.http resends a GET once by itself when the connection is
      // reset before any byte of the answer, so over HTTP the fake sees the request twice.
      t.api().faults().always(Fault.resetConnection());

      assertThatThrownBy(() -> t.transport().send(t.get("?limit=3")))
          .isExactlyInstanceOf(TransportException.class);
      assertThat(t.api().requests())
          .hasSizeBetween(1, mode == Mode.IN_MEMORY ? 1 : 2)
          .allSatisfy(r -> assertThat(r.queryParameter("limit")).contains("3"));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void responsesWithoutABodyCannotBeCutOrStalled(Mode mode) {
    try (Mode.Target t = open(mode)) {
      t.api()
          .faults()
          .next(Fault.status(204, "ignored").and(Fault.truncatedBody()), Fault.stallBody(FOREVER));
      TransportRequest head = t.get();
      head =
          new TransportRequest(
              "HEAD", head.uri(), head.headers(), head.timeout(), head.maxBodyBytes());

      TransportResponse noContent = t.transport().send(t.get());
      TransportResponse headers = t.transport().send(head);

      assertThat(noContent.statusCode()).isEqualTo(204);
      assertThat(noContent.body()).isEmpty();
      assertThat(headers.statusCode()).isEqualTo(405);
      assertThat(headers.body()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aGzipBombIsTooLargeByItsDecodedSize(Mode mode) {
    try (Mode.Target t = open(mode)) {
      t.api().faults().next(Fault.gzipBomb(8L * 1024 * 1024), Fault.gzipBomb(1000));

      assertThatThrownBy(() -> t.transport().send(t.get().withMaxBodyBytes(1024 * 1024)))
          .isInstanceOfSatisfying(
              ResponseTooLargeException.class,
              e -> assertThat(e.maxBodyBytes()).isEqualTo(1024 * 1024));
      TransportResponse small = t.transport().send(t.get().withMaxBodyBytes(1000));

      assertThat(small.body()).hasSize(1000).containsOnly(0);
      assertThat(small.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(small.headers().firstValue("Content-Type")).contains("application/json");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aGzipBodyAFaultEncodedIsDecodedAndACorruptOneIsATransportException(Mode mode) {
    byte[] page = CODEC.writeSessions(all);
    byte[] corrupt = Gzip.compress(page);
    corrupt[corrupt.length - 8] ^= 1;
    Headers gzip = Headers.builder().add("Content-Encoding", "gzip").build();
    try (Mode.Target t = open(mode)) {
      t.api()
          .faults()
          .next(
              Fault.status(200, Gzip.compress(page), gzip),
              Fault.status(200, corrupt, gzip),
              Fault.status(200, page, Headers.builder().add("Content-Encoding", "br").build()));

      assertThat(sessions(t.transport().send(t.get()))).isEqualTo(all);
      assertThatThrownBy(() -> t.transport().send(t.get()))
          .isExactlyInstanceOf(TransportException.class)
          .hasMessageContaining("corrupt gzip body");
      assertThatThrownBy(() -> t.transport().send(t.get()))
          .isExactlyInstanceOf(TransportException.class)
          .hasMessageContaining("Content-Encoding br");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aFaultyResponseOverTheCapIsTooLarge(Mode mode) {
    try (Mode.Target t = open(mode)) {
      t.api().faults().next(Fault.serviceUnavailableHtml());

      assertThatThrownBy(() -> t.transport().send(t.get().withMaxBodyBytes(10)))
          .isInstanceOf(ResponseTooLargeException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void ignoreOffsetAnswersTheFirstPageButTheJournalKeepsTheOffset(Mode mode) {
    try (Mode.Target t = open(mode)) {
      t.api().faults().next(Fault.ignoreOffset());

      TransportResponse response = t.transport().send(t.get("?limit=2&offset=6"));

      assertThat(ids(sessions(response))).containsExactlyElementsOf(ids(all.subList(0, 2)));
      assertThat(t.api().requests().get(0).queryParameter("offset")).contains("6");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void runChangesTheListBeforeTheAnswer(Mode mode) {
    try (Mode.Target t = open(mode)) {
      AtomicInteger runs = new AtomicInteger();
      Session added = Session.builder("added-mid-walk").build();
      t.api()
          .faults()
          .next(
              Fault.run(
                  () -> {
                    runs.incrementAndGet();
                    t.api().removeSession(all.get(0).sessionId());
                    t.api().addSession(added);
                  }));

      List<Session> page = sessions(t.transport().send(t.get("?offset=8")));

      assertThat(runs).hasValue(1);
      assertThat(ids(page)).containsExactly(all.get(9).sessionId(), "added-mid-walk");
      assertThat(sessions(t.transport().send(t.get("?offset=8")))).hasSize(2);
      assertThat(runs).hasValue(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void combinedFaultsApplyEveryAspect(Mode mode) {
    try (Mode.Target t = open(mode)) {
      t.api()
          .faults()
          .next(
              Fault.run(() -> t.api().closeSession(all.get(0).sessionId(), Instant.EPOCH))
                  .and(Fault.ignoreOffset())
                  .and(Fault.contentType("text/json")));

      TransportResponse response = t.transport().send(t.get("?limit=1&offset=5"));

      assertThat(sessions(response))
          .singleElement()
          .satisfies(s -> assertThat(s.isClosed()).isTrue());
      assertThat(response.headers().firstValue("Content-Type")).contains("text/json");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void everyFaultyRequestIsRecordedInOrder(Mode mode) {
    try (Mode.Target t = open(mode)) {
      t.api()
          .faults()
          .next(
              Fault.delayHeaders(Duration.ofMillis(1)),
              Fault.truncatedBody(),
              Fault.internalError(),
              Fault.notJson(),
              Fault.none());
      for (int i = 0; i < 5; i++) {
        try {
          t.transport().send(t.get("?limit=" + (i + 1)));
        } catch (TransportException expected) {
          // the truncated body
        }
      }

      assertThat(t.api().requests())
          .extracting(r -> r.queryParameter("limit").orElseThrow())
          .containsExactly("1", "2", "3", "4", "5");
      assertThat(t.api().faults().pending()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aSideEffectThatThrowsFailsTheRequestAsACodecFailureWould(Mode mode) {
    try (Mode.Target t = open(mode)) {
      t.api()
          .faults()
          .next(
              Fault.run(
                  () -> {
                    throw new IllegalStateException("side effect broke");
                  }));

      if (mode == Mode.IN_MEMORY) {
        assertThatThrownBy(() -> t.transport().send(t.get()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("side effect broke");
      } else {
        TransportResponse response = t.transport().send(t.get());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(CODEC.readErrors(response.body()).get(0).code()).hasValue(2000);
      }
      assertThat(t.api().requests()).hasSize(1);
    }
  }
}
