package io.github.devtoolssessions.testkit;

import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Realistic sessions for tests, the same for the same seed on every run and JVM.
 *
 * <p>Each session has a distinct version-4 UUID as its id, a {@code startTime} from {@value
 * #FIRST_START_MILLIS} on (rising, some with a {@code .5} fraction), a {@code connectionId} and a
 * {@code connectionStartTime}. About a third are closed: they carry {@code endTime}, {@code
 * connectionEndTime}, {@code lastUpdated} (all equal), a {@code closeReason} (mostly the number
 * 1000 with {@code NormalClosure}, sometimes the string {@code "1006"} with {@code
 * AbnormalClosure}, as older deployments sent it). The others are open: they carry {@code
 * lastUpdated}, a {@code devtoolsFrontendUrl} and a {@code webSocketDebuggerUrl} on {@code
 * devtools.example.invalid}, both with a fake, unsigned {@code jwt}.
 */
public final class FakeSessions {

  /** The {@code startTime} of the first session, in epoch milliseconds (early December 2025). */
  public static final long FIRST_START_MILLIS = 1764772210512L;

  private static final String HOST = "devtools.example.invalid";

  /** The base64url of {@code {"alg":"none","typ":"JWT"}}: an unsigned token, plainly not real. */
  private static final String JWT_HEADER = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0";

  private FakeSessions() {}

  /**
   * {@code count} sessions from {@code seed}, in rising {@code startTime} order.
   *
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public static List<Session> generate(long seed, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count = " + count + " is invalid: it must be >= 0");
    }
    // java.util.Random's algorithm is fixed by its specification, so a seed means the same
    // sessions on every JVM.
    Random random = new Random(seed);
    Set<String> ids = new HashSet<>();
    List<Session> sessions = new ArrayList<>(count);
    BigDecimal start = BigDecimal.valueOf(FIRST_START_MILLIS);
    for (int i = 0; i < count; i++) {
      String id = uuid(random);
      while (!ids.add(id)) {
        id = uuid(random);
      }
      start = start.add(BigDecimal.valueOf(1_000 + random.nextInt(60_000)));
      BigDecimal startTime = random.nextInt(5) == 0 ? start.add(new BigDecimal("0.5")) : start;
      sessions.add(session(random, id, startTime));
    }
    return List.copyOf(sessions);
  }

  private static Session session(Random random, String id, BigDecimal startTime) {
    BigDecimal connectionStart = startTime.add(BigDecimal.valueOf(200 + random.nextInt(800)));
    Session.Builder b =
        Session.builder(id)
            .startTime(new Timestamp(startTime))
            .connectionId(String.format("c-%08x", random.nextInt()))
            .connectionStartTime(new Timestamp(connectionStart));
    BigDecimal lastActivity = connectionStart.add(BigDecimal.valueOf(random.nextInt(600_000)));
    if (random.nextInt(3) == 0) {
      Timestamp end = new Timestamp(lastActivity);
      boolean abnormal = random.nextInt(5) == 0;
      return b.endTime(end)
          .connectionEndTime(end)
          .lastUpdated(end)
          .closeReason(abnormal ? CloseReason.ofString("1006") : CloseReason.ofNumber(1000))
          .closeReasonText(abnormal ? "AbnormalClosure" : "NormalClosure")
          .build();
    }
    String jwt = jwt(random, id);
    return b.lastUpdated(new Timestamp(lastActivity))
        .devtoolsFrontendUrl(
            "https://" + HOST + "/inspector?wss=" + HOST + "/browser/" + id + "&jwt=" + jwt)
        .webSocketDebuggerUrl("wss://" + HOST + "/browser/" + id + "?jwt=" + jwt)
        .build();
  }

  private static String uuid(Random random) {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long lsb = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L; // IETF
    return new UUID(msb, lsb).toString();
  }

  /** An unsigned JWT naming the session: shaped like the real one, useless as a credential. */
  private static String jwt(Random random, String sessionId) {
    String payload =
        "{\"sub\":\"" + sessionId + "\",\"nonce\":\"" + Long.toHexString(random.nextLong()) + "\"}";
    return JWT_HEADER
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + ".";
  }
}
