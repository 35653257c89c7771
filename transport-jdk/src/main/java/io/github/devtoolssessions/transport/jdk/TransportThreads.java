package io.github.devtoolssessions.transport.jdk;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads one transport owns: a pool of workers and a single timer, all daemons, named after
 * the transport so that they can be told apart in a thread dump.
 *
 * <p>Workers are created on demand and end after a minute idle, like the JDK client's default
 * executor; the timer thread ends after half a minute idle, so an idle transport holds no thread.
 */
final class TransportThreads {

  private static final AtomicInteger TRANSPORTS = new AtomicInteger();
  private static final long SHUTDOWN_WAIT_SECONDS = 5;

  private final ThreadPoolExecutor workers;
  private final ScheduledThreadPoolExecutor timer;
  private final Deadlines deadlines;

  TransportThreads(String namePrefix) {
    String prefix = namePrefix + TRANSPORTS.incrementAndGet() + "-";
    workers =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            daemons(prefix + "worker-"));
    timer = new ScheduledThreadPoolExecutor(1, daemons(prefix + "timer-"));
    // Most deadlines are cancelled long before they pass; do not keep them queued until then.
    timer.setRemoveOnCancelPolicy(true);
    timer.setKeepAliveTime(30, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
    deadlines = new Deadlines(timer, workers);
  }

  /** The worker pool. */
  ExecutorService workers() {
    return workers;
  }

  /**
   * Runs the task on a worker once the timeout has passed, unless the returned action is run first.
   * The timer thread only hands the task over, so that what completes a caller's future (and the
   * caller's own dependent actions) never holds up the other deadlines. Once shut down, nothing
   * fires.
   */
  Runnable deadline(Duration timeout, Runnable task) {
    return deadlines.arm(timeout, task);
  }

  /** The deadlines armed and not yet over; for tests. */
  int pendingDeadlines() {
    return deadlines.pending();
  }

  /** Stops all threads, interrupting busy ones, and waits a few seconds at most for them to end. */
  void shutdown() {
    timer.shutdownNow();
    workers.shutdownNow();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SHUTDOWN_WAIT_SECONDS);
      if (timer.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
        workers.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemons(String namePrefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, namePrefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
