package io.github.devtoolssessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionDetailsTest {

  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

  private static final Session OPEN =
      Session.builder("5f0c7a52-3b1e-4c8e-9a57-0d7e2b9c1a44")
          .startTime(Timestamp.of(NOW.minusMillis(60_500)))
          .lastUpdated(Timestamp.of(NOW.minusSeconds(5)))
          .connectionId("c-81f2")
          .devtoolsFrontendUrl("https://devtools.example.invalid/inspector?wss=x&jwt=SECRET")
          .webSocketDebuggerUrl("wss://devtools.example.invalid/browser/5f0c?jwt=SECRET")
          .extraField("lab", "true")
          .extraField("recordingUrl", "\"https://r.example.invalid/v?token=SECRET\"")
          .build();

  @Test
  void masksTheQueryOfEveryUrlWhichMayHoldAToken() {
    String text = String.join("\n", SessionDetails.lines(OPEN, NOW));
    assertThat(text)
        .doesNotContain("SECRET")
        .contains("https://devtools.example.invalid/inspector?****")
        .contains("wss://devtools.example.invalid/browser/5f0c?****")
        .contains("\"https://r.example.invalid/v?****");
  }

  @Test
  void showsEveryFieldWithADashForTheAbsentOnes() {
    List<String> lines = SessionDetails.lines(OPEN, NOW);
    assertThat(lines)
        .contains("session id          5f0c7a52-3b1e-4c8e-9a57-0d7e2b9c1a44")
        .contains("state               open")
        .contains("started             2026-12-03T11:58:59.500Z (1m ago)")
        .contains("ended               -")
        .contains("duration            running")
        .contains("connection id       c-81f2")
        .contains("close reason        -")
        .contains("lab                 true");
  }

  @Test
  void showsHowAClosedSessionEnded() {
    Session closed =
        OPEN.toBuilder()
            .endTime(Timestamp.of(NOW.minusSeconds(1)))
            .closeReason(CloseReason.ofNumber(1000))
            .closeReasonText("NormalClosure")
            .build();
    assertThat(SessionDetails.lines(closed, NOW))
        .contains("state               closed")
        .contains("ended               2026-12-03T11:59:59Z (1s ago)")
        .contains("duration            59s")
        .contains("close reason        1000 NormalClosure");
  }
}
