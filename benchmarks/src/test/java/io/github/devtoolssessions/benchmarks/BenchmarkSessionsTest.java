package io.github.devtoolssessions.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkSessionsTest {

  @Test
  void everySessionCarriesAllElevenFields() {
    List<Session> page = BenchmarkSessions.withAllFields(BenchmarkSessions.PAGE_SIZE);

    assertThat(page).hasSize(200).allMatch(BenchmarkSessions::hasAllFields);
  }

  @Test
  void theSameSeedGivesTheSameSessionsOnEveryCall() {
    assertThat(BenchmarkSessions.withAllFields(50)).isEqualTo(BenchmarkSessions.withAllFields(50));
  }

  @Test
  void theGeneratorsMixOfCloseReasonsAndTimesIsKept() {
    List<Session> page = BenchmarkSessions.withAllFields(BenchmarkSessions.PAGE_SIZE);

    assertThat(page)
        .extracting(s -> s.closeReason().map(CloseReason::isNumber).orElseThrow())
        .contains(true, false);
    assertThat(page)
        .extracting(s -> s.startTime().map(Timestamp::epochMillis).orElseThrow().scale())
        .contains(0, 1);
  }

  @Test
  void aSessionWithoutAFieldIsSeenAsIncomplete() {
    Session complete = BenchmarkSessions.withAllFields(1).get(0);

    assertThat(BenchmarkSessions.hasAllFields(complete)).isTrue();
    assertThat(BenchmarkSessions.hasAllFields(complete.toBuilder().closeReasonText(null).build()))
        .isFalse();
  }
}
