package io.github.devtoolssessions.json.jsonb;

import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/** Bodies from the wire contract, and the sessions they hold. */
final class WireExamples {

  /** The wire contract's example of a list response, all eleven fields. */
  static final String LIST_BODY =
      """
      [
        {
          "sessionId": "5f0c7a52-3b1e-4c8e-9a57-0d7e2b9c1a44",
          "startTime": 1764772210512,
          "lastUpdated": 1764772391077.5,
          "connectionId": "c-81f2",
          "connectionStartTime": 1764772211003,
          "devtoolsFrontendUrl": "https://devtools.example.invalid/inspector?wss=...",
          "webSocketDebuggerUrl": "wss://devtools.example.invalid/browser/5f0c7a52-...?jwt=...",
          "closeReason": 1000,
          "closeReasonText": "NormalClosure",
          "connectionEndTime": 1764772391077,
          "endTime": 1764772391077
        }
      ]
      """;

  /** The session of {@link #LIST_BODY}. */
  static final Session SESSION =
      Session.builder("5f0c7a52-3b1e-4c8e-9a57-0d7e2b9c1a44")
          .startTime(Timestamp.ofEpochMillis(1764772210512L))
          .lastUpdated(new Timestamp(new BigDecimal("1764772391077.5")))
          .connectionId("c-81f2")
          .connectionStartTime(Timestamp.ofEpochMillis(1764772211003L))
          .devtoolsFrontendUrl("https://devtools.example.invalid/inspector?wss=...")
          .webSocketDebuggerUrl("wss://devtools.example.invalid/browser/5f0c7a52-...?jwt=...")
          .closeReason(CloseReason.ofNumber(1000))
          .closeReasonText("NormalClosure")
          .connectionEndTime(Timestamp.ofEpochMillis(1764772391077L))
          .endTime(Timestamp.ofEpochMillis(1764772391077L))
          .build();

  private WireExamples() {}

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }
}
