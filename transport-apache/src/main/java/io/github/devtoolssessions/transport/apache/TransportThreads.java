package io.github.devtoolssessions.transport.apache;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads one transport owns, all daemons named {@code devtools-sessions-apache-<n>-...} so
 * that they can be told apart in a thread dump:
 *
 * <ul>
 *   <li>workers ({@code -worker-<m>}), created on demand and ended after half a minute idle: they
 *       complete the futures of {@code sendAsync}, so that callers' dependent stages never run on
 *       (and never block) an I/O dispatch thread, and they run the exchanges of a classic client
 *       that was given without an async one;
 *   <li>the I/O threads ({@code -io-<m>}) of an async client the transport creates, made by {@link
 *       #ioThreads()}.
 * </ul>
 *
 * <p>{@link #shutdown()} stops the workers and waits a few seconds at most for every thread made
 * here to end, so that a closed transport leaves none behind.
 */
final class TransportThreads {

  /** How the names of every transport's threads begin. */
  static final String NAME_PREFIX = "devtools-sessions-apache-";

  private static final AtomicInteger TRANSPORTS = new AtomicInteger();
  private static final long SHUTDOWN_WAIT_MILLIS = 5_000;

  private final String prefix = NAME_PREFIX + TRANSPORTS.incrementAndGet() + "-";
  private final Set<Thread> live = ConcurrentHashMap.newKeySet();
  private final ThreadPoolExecutor workers =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          30,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          factory(prefix + "worker-"));

  /** How the names of this transport's threads begin. */
  String prefix() {
    return prefix;
  }

  /**
   * Runs the task on a worker; once the transport is shut down, on the calling thread instead, so
   * that a late completion is never lost.
   */
  void execute(Runnable task) {
    try {
      workers.execute(task);
    } catch (RejectedExecutionException shutDown) {
      task.run();
    }
  }

  /** The workers as an executor that refuses tasks once shut down. */
  Executor workers() {
    return workers;
  }

  /** The factory for the I/O threads of an async client the transport creates. */
  ThreadFactory ioThreads() {
    return factory(prefix + "io-");
  }

  /**
   * Stops the workers, interrupting busy ones, and waits a few seconds at most for every thread
   * made here (workers and I/O threads alike) to end.
   */
  void shutdown() {
    workers.shutdownNow();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_WAIT_MILLIS);
    try {
      for (Thread thread : live) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return;
        }
        if (thread != Thread.currentThread()) {
          thread.join(left);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ThreadFactory factory(String namePrefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread =
          new Thread(
              () -> {
                try {
                  runnable.run();
                } finally {
                  live.remove(Thread.currentThread());
                }
              },
              namePrefix + count.incrementAndGet());
      thread.setDaemon(true);
      live.add(thread);
      return thread;
    };
  }
}
