package io.github.devtoolssessions.cli;

import io.github.devtoolssessions.core.Redaction;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One session as a two-column list of every field, for {@code get --format table}. The DevTools
 * URLs carry a JWT in their query, so the table masks every query ({@link Redaction#maskQuery});
 * {@code --format json} gives them whole.
 */
final class SessionDetails {

  private SessionDetails() {}

  /** The lines: a label, padded, then the value; fields the API did not send show {@code -}. */
  static List<String> lines(Session s, Instant now) {
    List<String[]> rows = new ArrayList<>();
    rows.add(row("session id", s.sessionId()));
    rows.add(row("state", s.isClosed() ? "closed" : "open"));
    rows.add(row("started", time(s.startTime(), now)));
    rows.add(row("ended", time(s.endTime(), now)));
    rows.add(row("duration", SessionTable.duration(s)));
    rows.add(row("last updated", time(s.lastUpdated(), now)));
    rows.add(row("connection id", s.connectionId().orElse("-")));
    rows.add(row("connection started", time(s.connectionStartTime(), now)));
    rows.add(row("connection ended", time(s.connectionEndTime(), now)));
    rows.add(row("close reason", SessionTable.closeReason(s)));
    rows.add(row("devtools frontend", url(s.devtoolsFrontendUrl())));
    rows.add(row("websocket debugger", url(s.webSocketDebuggerUrl())));
    for (Map.Entry<String, String> extra : s.extraFields().entrySet()) {
      rows.add(row(extra.getKey(), masked(extra.getValue())));
    }
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    List<String> lines = new ArrayList<>(rows.size());
    for (String[] r : rows) {
      lines.add(r[0] + " ".repeat(width - r[0].length()) + "  " + r[1]);
    }
    return lines;
  }

  private static String[] row(String label, String value) {
    return new String[] {SessionTable.clean(label), SessionTable.clean(value)};
  }

  private static String time(Optional<Timestamp> t, Instant now) {
    return t.map(x -> TimeText.isoWithAge(x, now, true)).orElse("-");
  }

  private static String url(Optional<String> url) {
    return url.map(Redaction::maskQuery).orElse("-");
  }

  /**
   * A field this tool does not know, as raw JSON. It may be a URL with a token as well as the known
   * ones, so anything that looks like a URL has its query masked too.
   */
  private static String masked(String rawJson) {
    return rawJson.contains("://") ? Redaction.maskQuery(rawJson) : rawJson;
  }
}
