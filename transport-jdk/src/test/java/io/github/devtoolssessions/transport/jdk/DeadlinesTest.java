package io.github.devtoolssessions.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
  private final ExecutorService workers = Executors.newCachedThreadPool();
  private final Deadlines deadlines = new Deadlines(timer, workers);

  @AfterEach
  void stop() {
    timer.shutdownNow();
    workers.shutdownNow();
  }

  @Test
  void aDeadlineFiresOnAWorkerOnceItsTimeHasPassed() throws InterruptedException {
    CountDownLatch fired = new CountDownLatch(1);
    List<String> threads = new CopyOnWriteArrayList<>();
    deadlines.arm(
        Duration.ofMillis(20),
        () -> {
          threads.add(Thread.currentThread().getName());
          fired.countDown();
        });

    assertThat(fired.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(threads).hasSize(1).noneMatch(name -> name.contains("ScheduledThreadPool"));
    assertThat(deadlines.pending()).isZero();
  }

  @Test
  void aDisarmedDeadlineNeverFires() throws InterruptedException {
    CountDownLatch fired = new CountDownLatch(1);
    Runnable disarm = deadlines.arm(Duration.ofMillis(20), fired::countDown);
    disarm.run();
    disarm.run(); // again: nothing

    assertThat(fired.await(300, TimeUnit.MILLISECONDS)).isFalse();
    assertThat(deadlines.pending()).isZero();
  }

  @Test
  void anEarlierDeadlineArmedAfterALaterOneFiresFirst() throws InterruptedException {
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch both = new CountDownLatch(2);
    deadlines.arm(
        Duration.ofMillis(400),
        () -> {
          order.add("late");
          both.countDown();
        });
    deadlines.arm(
        Duration.ofMillis(10),
        () -> {
          order.add("early");
          both.countDown();
        });

    assertThat(both.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(order).containsExactly("early", "late");
  }

  @Test
  void deadlinesArmedInOrderKeepOneTimerTaskAndLeaveNothingOnceDisarmed() {
    for (int i = 0; i < 1_000; i++) {
      Runnable disarm = deadlines.arm(Duration.ofSeconds(60).plusMillis(i), () -> {});
      // Each later deadline leaves the armed one in place: the timer's queue holds one task.
      assertThat(timer.getQueue()).hasSize(1);
      disarm.run();
    }
    assertThat(deadlines.pending()).isZero();
  }
}
