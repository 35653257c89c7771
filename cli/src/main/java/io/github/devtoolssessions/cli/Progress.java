package io.github.devtoolssessions.cli;

import java.io.PrintStream;

/**
 * A one-line progress note on standard error for --all, redrawn in place with a carriage return.
 * Only a person at a terminal wants it: in a pipe or a log it would be noise, so there it is off.
 * It is shown while a page is being fetched and cleared before anything else is written, so that it
 * never mixes with the output.
 */
final class Progress {

  private final PrintStream err;
  private final boolean enabled;
  private int shown;

  Progress(PrintStream err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** Shows {@code fetching page 3 (400 sessions so far)...}. */
  void fetching(int page, long sessionsSoFar) {
    if (!enabled) {
      return;
    }
    String text =
        "fetching page "
            + page
            + " ("
            + sessionsSoFar
            + (sessionsSoFar == 1 ? " session" : " sessions")
            + " so far)...";
    err.print("\r" + text + " ".repeat(Math.max(0, shown - text.length())));
    err.flush();
    shown = text.length();
  }

  /** Removes the note, if one is shown. */
  void clear() {
    if (shown > 0) {
      err.print("\r" + " ".repeat(shown) + "\r");
      err.flush();
      shown = 0;
    }
  }
}
