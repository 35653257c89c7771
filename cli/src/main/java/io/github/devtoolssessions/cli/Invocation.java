package io.github.devtoolssessions.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What one run of the tool sees of the world: the environment it reads its configuration from, the
 * two streams it writes to, whether a person is watching, and the clock that ages sessions. Passed
 * in rather than read from {@code System}, so that tests can run the tool in-process.
 *
 * @param environment the process environment, or a test's
 * @param out where results go: tables, JSON, the base URL of serve-fake
 * @param err where notes, progress and errors go
 * @param terminal whether the tool runs on a terminal, which is when --all shows progress
 * @param clock the clock ages and running durations are computed against
 */
record Invocation(
    Map<String, String> environment,
    PrintStream out,
    PrintStream err,
    boolean terminal,
    Clock clock) {

  Invocation {
    environment = Map.copyOf(environment);
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(clock, "clock");
  }

  /** An environment variable's value, stripped, or {@code null} if unset or blank. */
  String env(String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
