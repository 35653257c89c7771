package io.github.devtoolssessions.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How a client waits between attempts. The system sleeper really waits; tests give the client one
 * that only advances a fake clock, so that retries and backoff are tested without sleeping.
 */
public interface Sleeper {

  /** Blocks the calling thread for the duration. */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * A future that completes after the duration, without blocking a thread. The default schedules on
   * {@link CompletableFuture#delayedExecutor}; a test sleeper completes it at once.
   */
  default CompletableFuture<Void> after(Duration duration) {
    return CompletableFuture.runAsync(
        () -> {}, CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS));
  }

  /** The sleeper that really waits, with {@link Thread#sleep}. */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
  }
}
