package io.github.devtoolssessions.cli;

import io.github.devtoolssessions.core.Session;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sessions as aligned columns for people, then a count. The table needs every row to size its
 * columns, so it is written at the end. It shows no URL, so no secret; cells are cleaned of control
 * characters, so that a value from the API cannot move the cursor or recolour the terminal.
 */
final class SessionTable implements SessionOutput {

  static final List<String> HEADERS =
      List.of("SESSION ID", "STATE", "STARTED", "DURATION", "LAST UPDATED", "CLOSE REASON");

  private static final String GAP = "  ";

  private final PrintStream out;
  private final Instant now;
  private final List<Session> sessions = new ArrayList<>();

  SessionTable(PrintStream out, Instant now) {
    this.out = out;
    this.now = now;
  }

  @Override
  public void print(Session session) {
    sessions.add(session);
  }

  @Override
  public boolean flush() {
    return true; // nothing is written before finish()
  }

  @Override
  public void finish() {
    lines(sessions, now).forEach(out::println);
    out.flush();
  }

  /** The table's lines: the header, one row per session, and the count. */
  static List<String> lines(List<Session> sessions, Instant now) {
    if (sessions.isEmpty()) {
      return List.of("no sessions");
    }
    List<List<String>> rows = new ArrayList<>(sessions.size() + 1);
    rows.add(HEADERS);
    long open = 0;
    for (Session s : sessions) {
      rows.add(row(s, now));
      open += s.isClosed() ? 0 : 1;
    }
    int[] widths = new int[HEADERS.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>(rows.size() + 1);
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        line.append(i == 0 ? "" : GAP).append(row.get(i));
        line.append(" ".repeat(widths[i] - row.get(i).length()));
      }
      lines.add(line.toString().stripTrailing());
    }
    int n = sessions.size();
    lines.add(
        n
            + (n == 1 ? " session" : " sessions")
            + " ("
            + open
            + " open, "
            + (n - open)
            + " closed)");
    return lines;
  }

  private static List<String> row(Session s, Instant now) {
    return List.of(
        clean(s.sessionId()),
        s.isClosed() ? "closed" : "open",
        s.startTime().map(t -> TimeText.isoWithAge(t, now, false)).orElse("-"),
        duration(s),
        s.lastUpdated().map(TimeText::iso).orElse("-"),
        closeReason(s));
  }

  /** From start to end; {@code running} while open. */
  static String duration(Session s) {
    if (!s.isClosed()) {
      return "running";
    }
    Optional<Instant> start = s.startTime().flatMap(TimeText::instant);
    Optional<Instant> end = s.endTime().flatMap(TimeText::instant);
    if (start.isEmpty() || end.isEmpty()) {
      return "-";
    }
    return TimeText.span(Duration.between(start.get(), end.get()));
  }

  /** {@code 1000 NormalClosure}: the code as sent and the text, whichever are present. */
  static String closeReason(Session s) {
    String code = s.closeReason().map(Object::toString).orElse("");
    String text = s.closeReasonText().orElse("");
    String both = (code + " " + text).strip();
    return both.isEmpty() ? "-" : clean(both);
  }

  /** The text with every control character replaced by {@code ?}. */
  static String clean(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return b.toString();
  }
}
