package io.github.devtoolssessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTableTest {

  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

  private static final Session CLOSED =
      Session.builder("5f0c7a52-3b1e-4c8e-9a57-0d7e2b9c1a44")
          .startTime(Timestamp.of(NOW.minusSeconds(600)))
          .endTime(Timestamp.of(NOW.minusSeconds(415)))
          .lastUpdated(Timestamp.of(NOW.minusSeconds(415)))
          .closeReason(CloseReason.ofNumber(1000))
          .closeReasonText("NormalClosure")
          .webSocketDebuggerUrl("wss://devtools.example.invalid/browser/x?jwt=SECRET")
          .build();

  private static final Session OPEN =
      Session.builder("short-id")
          .startTime(Timestamp.of(NOW.minusSeconds(90)))
          .lastUpdated(Timestamp.of(NOW.minusSeconds(5)))
          .devtoolsFrontendUrl("https://devtools.example.invalid/inspector?jwt=SECRET")
          .build();

  @Test
  void everyColumnStartsAtTheSamePlaceOnEveryRow() {
    List<String> lines = SessionTable.lines(List.of(CLOSED, OPEN), NOW);

    String header = lines.get(0);
    for (String column : SessionTable.HEADERS) {
      int at = header.indexOf(column);
      for (String row : lines.subList(1, 3)) {
        assertThat(row.charAt(at)).as("row %s at column %s", row, column).isNotEqualTo(' ');
        if (at > 0) {
          assertThat(row.substring(at - 2, at)).isEqualTo("  ");
        }
      }
    }
  }

  @Test
  void showsStateStartWithAgeDurationLastUpdateAndCloseReason() {
    List<String> lines = SessionTable.lines(List.of(CLOSED, OPEN), NOW);

    assertThat(lines.get(1))
        .startsWith("5f0c7a52-3b1e-4c8e-9a57-0d7e2b9c1a44  closed")
        .contains("2026-12-03T11:50:00Z (10m ago)")
        .contains("3m 5s")
        .contains("2026-12-03T11:53:05Z")
        .endsWith("1000 NormalClosure");
    assertThat(lines.get(2))
        .contains("open")
        .contains("2026-12-03T11:58:30Z (1m ago)")
        .contains("running")
        .endsWith("-");
  }

  @Test
  void endsWithACountOfOpenAndClosedSessions() {
    assertThat(SessionTable.lines(List.of(CLOSED, OPEN), NOW))
        .last()
        .isEqualTo("2 sessions (1 open, 1 closed)");
    assertThat(SessionTable.lines(List.of(OPEN), NOW))
        .last()
        .isEqualTo("1 session (1 open, 0 closed)");
  }

  @Test
  void anEmptyListSaysSo() {
    assertThat(SessionTable.lines(List.of(), NOW)).containsExactly("no sessions");
  }

  @Test
  void showsNoUrlAndSoNoToken() {
    assertThat(String.join("\n", SessionTable.lines(List.of(CLOSED, OPEN), NOW)))
        .doesNotContain("SECRET")
        .doesNotContain("devtools.example.invalid");
  }

  @Test
  void aCloseReasonSentAsAStringIsShownLikeANumber() {
    Session s =
        CLOSED.toBuilder()
            .closeReason(CloseReason.ofString("1006"))
            .closeReasonText("AbnormalClosure")
            .build();
    assertThat(SessionTable.closeReason(s)).isEqualTo("1006 AbnormalClosure");
  }

  @Test
  void controlCharactersFromTheApiCannotReachTheTerminal() {
    Session s = Session.builder("id\u001b[31mred").closeReasonText("bad\rtext").build();
    String text = String.join("\n", SessionTable.lines(List.of(s), NOW));
    assertThat(text).doesNotContain("\u001b").doesNotContain("\r").contains("id?[31mred");
  }

  @Test
  void theDurationOfAClosedSessionWithoutStartIsUnknown() {
    Session s = Session.builder("x").endTime(Timestamp.of(NOW)).build();
    assertThat(SessionTable.duration(s)).isEqualTo("-");
  }

  @Test
  void printsNothingUntilFinished() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SessionTable table =
        new SessionTable(new PrintStream(bytes, true, StandardCharsets.UTF_8), NOW);
    table.print(OPEN);
    assertThat(table.flush()).isTrue();
    assertThat(bytes.size()).isZero();
    table.finish();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("short-id").contains("1 session");
  }
}
