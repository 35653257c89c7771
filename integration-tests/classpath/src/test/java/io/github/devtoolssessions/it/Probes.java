package io.github.devtoolssessions.it;

import io.github.devtoolssessions.core.CallListener;
import io.github.devtoolssessions.core.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the fault, leak, redirect, secret and cancellation tests use to watch a client: a sleeper
 * that only records the waits it is asked for, a listener that counts attempts and retries, and
 * polling for conditions that other threads make true.
 */
final class Probes {

  private Probes() {}

  /**
   * A sleeper that never waits: it records each wait and returns at once, so that backoff and
   * {@code Retry-After} are asserted without slowing the suite.
   */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
    }

    @Override
    public CompletableFuture<Void> after(Duration duration) {
      waits.add(duration);
      return CompletableFuture.completedFuture(null);
    }
  }

  /** Counts what the client reports through {@link CallListener}. */
  static final class AttemptRecorder implements CallListener {
    final AtomicInteger attempts = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final AtomicInteger callEnds = new AtomicInteger();

    @Override
    public void attemptStart(Call call, int attempt) {
      attempts.incrementAndGet();
    }

    @Override
    public void retryScheduled(Call call, int nextAttempt, Duration wait, String reason) {
      retries.incrementAndGet();
    }

    @Override
    public void callEnd(Call call, int attempts, Optional<Throwable> failure, Duration duration) {
      callEnds.incrementAndGet();
    }
  }

  /**
   * The library's {@code System.Logger}, as {@code java.util.logging} sees it. Tests that make
   * hundreds of failing calls keep it at every level, so that the logging code runs, but stop it
   * from writing to the console, where each failed call would be a WARNING line.
   */
  static final class LibraryLog {
    /** Held, so that the settings made on it stick. */
    private static final Logger LOGGER = Logger.getLogger("io.github.devtoolssessions");

    private static Level levelBefore;
    private static boolean parentHandlersBefore;

    private LibraryLog() {}

    /** Logs everything, to no handler of the console's. */
    static synchronized void silence() {
      levelBefore = LOGGER.getLevel();
      parentHandlersBefore = LOGGER.getUseParentHandlers();
      LOGGER.setLevel(Level.ALL);
      LOGGER.setUseParentHandlers(false);
    }

    /** Puts back what {@link #silence()} changed. */
    static synchronized void restore() {
      LOGGER.setLevel(levelBefore);
      LOGGER.setUseParentHandlers(parentHandlersBefore);
    }
  }

  /**
   * Polls until the condition holds, every 10 ms; whether it held before the timeout. Used for what
   * another thread brings about (a server noticing a closed connection, a thread ending), never to
   * wait for a retry.
   */
  static boolean pollUntil(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return condition.getAsBoolean();
      }
    }
  }

  /**
   * Whether the value stays as {@code expected} for the whole period, checked every 10 ms: how a
   * test shows that something (a further request) does not happen.
   */
  static <T> boolean staysFor(Duration period, Supplier<T> value, T expected) {
    long end = System.nanoTime() + period.toNanos();
    while (System.nanoTime() - end < 0) {
      if (!expected.equals(value.get())) {
        return false;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return expected.equals(value.get());
  }

  /**
   * The outcome of a future, waiting at most {@code timeout}: its value, or the exception it failed
   * with, unwrapped from {@link ExecutionException}.
   *
   * @throws AssertionError if it does not complete in time
   */
  static <T> Outcome<T> await(CompletableFuture<T> future, Duration timeout) {
    try {
      return Outcome.value(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (ExecutionException e) {
      return Outcome.failure(e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new AssertionError("the future did not complete within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Runs the call; its value, or the exception it threw. */
  static <T> Outcome<T> outcomeOf(Supplier<T> call) {
    try {
      return Outcome.value(call.get());
    } catch (RuntimeException e) {
      return Outcome.failure(e);
    }
  }

  /**
   * How a call ended: with a value, or with an exception.
   *
   * @param value the value, null if the call failed
   * @param failure the exception, null if the call succeeded
   */
  record Outcome<T>(T value, Throwable failure) {
    static <T> Outcome<T> value(T value) {
      return new Outcome<>(value, null);
    }

    static <T> Outcome<T> failure(Throwable failure) {
      return new Outcome<>(null, failure);
    }

    boolean succeeded() {
      return failure == null;
    }
  }
}
