package io.github.devtoolssessions.cli;

import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.Session;

/** Where listed sessions go, in one {@link Format}: handed over one by one as pages arrive. */
interface SessionOutput {

  /** Takes the next session; a streaming format writes it at once. */
  void print(Session session);

  /**
   * Pushes what was written so far to standard output, between pages.
   *
   * @return false if standard output is closed (the reader of a pipe went away)
   */
  boolean flush();

  /** Writes what a collecting format held back, and flushes. */
  void finish();

  /** The output of {@code format}; JSON is written with {@code codec}. */
  static SessionOutput of(Format format, Invocation inv, JsonCodec codec) {
    switch (format) {
      case JSON:
        return new JsonArrayOutput(inv.out(), codec);
      case NDJSON:
        return new NdjsonOutput(inv.out(), codec);
      default:
        return new SessionTable(inv.out(), inv.clock().instant());
    }
  }
}
