package io.github.devtoolssessions.benchmarks;

import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import io.github.devtoolssessions.testkit.FakeSessions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sessions every benchmark reads: {@link FakeSessions#generate(long, int)} with a fixed seed,
 * each completed so that all eleven fields of the API are present.
 *
 * <p>The generator leaves out what a real session of its kind lacks (an open one has no end time
 * and no close reason, a closed one no DevTools URLs). A benchmark of "a page with all fields" must
 * make every field cost its share, so each session gets the fields it lacks, with values shaped
 * like the generator's: an open session is given an end at its last update with a normal closure, a
 * closed one the two URLs with an unsigned JWT. The generator's mix of number and string close
 * reasons and of whole and fractional times is kept.
 */
final class BenchmarkSessions {

  /** The seed of every body, so that every run and fork reads the same bytes. */
  static final long SEED = 20_261_203L;

  /** The size of the page the decode and end-to-end benchmarks read: the API's largest. */
  static final int PAGE_SIZE = 200;

  /** How many sessions the walk benchmarks go through. */
  static final int WALK_SESSIONS = 10_000;

  private static final String HOST = "devtools.example.invalid";
  private static final String JWT_HEADER = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0";

  private BenchmarkSessions() {}

  /** {@code count} sessions from {@link #SEED}, every field present. */
  static List<Session> withAllFields(int count) {
    return FakeSessions.generate(SEED, count).stream()
        .map(BenchmarkSessions::complete)
        .collect(Collectors.toUnmodifiableList());
  }

  /** Whether every one of the eleven fields is present. */
  static boolean hasAllFields(Session s) {
    return s.startTime().isPresent()
        && s.endTime().isPresent()
        && s.lastUpdated().isPresent()
        && s.connectionId().isPresent()
        && s.connectionStartTime().isPresent()
        && s.connectionEndTime().isPresent()
        && s.devtoolsFrontendUrl().isPresent()
        && s.webSocketDebuggerUrl().isPresent()
        && s.closeReason().isPresent()
        && s.closeReasonText().isPresent();
  }

  private static Session complete(Session s) {
    Session.Builder b = s.toBuilder();
    if (s.endTime().isEmpty()) {
      Timestamp end = s.lastUpdated().orElseThrow();
      b.endTime(end)
          .connectionEndTime(end)
          .closeReason(CloseReason.ofNumber(1000))
          .closeReasonText("NormalClosure");
    }
    if (s.webSocketDebuggerUrl().isEmpty()) {
      String id = s.sessionId();
      String jwt = jwt(id);
      b.devtoolsFrontendUrl(
              "https://" + HOST + "/inspector?wss=" + HOST + "/browser/" + id + "&jwt=" + jwt)
          .webSocketDebuggerUrl("wss://" + HOST + "/browser/" + id + "?jwt=" + jwt);
    }
    return b.build();
  }

  /** An unsigned JWT of the generator's shape and length, derived from the id alone. */
  private static String jwt(String sessionId) {
    String nonce = Long.toHexString(sessionId.hashCode() * 0x9E3779B97F4A7C15L);
    String payload = "{\"sub\":\"" + sessionId + "\",\"nonce\":\"" + nonce + "\"}";
    return JWT_HEADER
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + ".";
  }
}
