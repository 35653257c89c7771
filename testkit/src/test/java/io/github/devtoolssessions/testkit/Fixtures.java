package io.github.devtoolssessions.testkit;

import io.github.devtoolssessions.core.CloudflareError;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** What the tests share: a codec, the default fake's URLs and credentials, request shortcuts. */
final class Fixtures {

  static final JsonCodec CODEC = JacksonJsonCodec.create();

  static final String ORIGIN = "https://api.cloudflare.com";
  static final String ACCOUNT_PATH =
      FakeDevtoolsApi.DEFAULT_PATH_PREFIX + "/accounts/" + FakeDevtoolsApi.DEFAULT_ACCOUNT_ID;
  static final String SESSIONS_PATH = ACCOUNT_PATH + "/browser-rendering/devtools/session";
  static final String SESSIONS = ORIGIN + SESSIONS_PATH;

  static final Headers TOKEN = Headers.builder().add("Authorization", "Bearer test-token").build();

  private Fixtures() {}

  static FakeDevtoolsApi api() {
    return FakeDevtoolsApi.builder().codec(CODEC).build();
  }

  /** A GET of the URL with the default fake's token. */
  static TransportRequest get(String url) {
    return get(url, TOKEN);
  }

  static TransportRequest get(String url, Headers headers) {
    return TransportRequest.get(URI.create(url), headers);
  }

  static TransportRequest request(String method, String url, Headers headers) {
    return new TransportRequest(
        method,
        URI.create(url),
        headers,
        Optional.empty(),
        TransportRequest.DEFAULT_MAX_BODY_BYTES);
  }

  static String text(TransportResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  static List<Session> sessions(TransportResponse response) {
    return CODEC.readSessions(response.body());
  }

  static List<String> ids(List<Session> sessions) {
    return sessions.stream().map(Session::sessionId).toList();
  }

  static List<CloudflareError> errors(TransportResponse response) {
    return CODEC.readErrors(response.body());
  }

  /** Waits for the latch, ten seconds at most; for side effects that hold a request back. */
  static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Polls until the condition holds, failing after ten seconds. */
  static void awaitTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the condition did not come true within 10 s");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
