package io.github.devtoolssessions.cli;

import io.github.devtoolssessions.core.CallListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Tells on standard error what each call does, for --verbose: every attempt with its status or
 * failure and its time, and every retry with its wait. The library hands listeners no credential
 * (URIs carry the account id and the query only), so nothing here can leak one.
 */
final class VerboseListener implements CallListener {

  private final PrintStream err;

  VerboseListener(PrintStream err) {
    this.err = err;
  }

  @Override
  public void attemptEnd(
      Call call, int attempt, OptionalInt status, Optional<Throwable> failure, Duration duration) {
    String outcome =
        status.isPresent()
            ? "HTTP " + status.getAsInt()
            : "failed: " + failure.map(Throwable::getMessage).orElse("no response");
    err.println(
        "verbose: "
            + call.method()
            + " "
            + call.uri()
            + " -> "
            + Failure.oneLine(outcome)
            + " in "
            + duration.toMillis()
            + " ms (attempt "
            + attempt
            + ")");
  }

  @Override
  public void retryScheduled(Call call, int nextAttempt, Duration wait, String reason) {
    err.println(
        "verbose: attempt "
            + nextAttempt
            + " in "
            + wait.toMillis()
            + " ms ("
            + Failure.oneLine(reason)
            + ")");
  }
}
