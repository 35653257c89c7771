package io.github.devtoolssessions.testkit;

import static io.github.devtoolssessions.testkit.Fixtures.SESSIONS;
import static io.github.devtoolssessions.testkit.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.HttpTransport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which fault a request gets: queued ones first, then rules in order, then the standing one. */
class FaultPlanTest {

  private final FakeDevtoolsApi api = Fixtures.api();
  private final HttpTransport transport = api.asTransport();

  @AfterEach
  void close() {
    transport.close();
  }

  private int status(String query) {
    return transport.send(get(SESSIONS + query)).statusCode();
  }

  private List<Integer> statuses(int n) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      statuses.add(status(""));
    }
    return statuses;
  }

  @Test
  void anEmptyPlanLetsEveryRequestThrough() {
    assertThat(statuses(3)).containsExactly(200, 200, 200);
  }

  @Test
  void nextAppliesOneFaultPerRequestInOrderThenStops() {
    api.faults().next(Fault.internalError(), Fault.none(), Fault.serviceUnavailableHtml());
    api.faults().next(Fault.status(418, ""));

    assertThat(api.faults().pending()).isEqualTo(4);
    assertThat(statuses(6)).containsExactly(500, 200, 503, 418, 200, 200);
    assertThat(api.faults().pending()).isZero();
  }

  @Test
  void alwaysAppliesToEveryRequestAndIsReplacedByTheNextCall() {
    api.faults().always(Fault.internalError());
    assertThat(statuses(2)).containsExactly(500, 500);

    api.faults().always(Fault.serviceUnavailableHtml());
    assertThat(statuses(2)).containsExactly(503, 503);

    api.faults().always(Fault.none());
    assertThat(statuses(1)).containsExactly(200);
  }

  @Test
  void whenAppliesOnlyWhereItsConditionHoldsAndTheFirstMatchingRuleWins() {
    api.faults()
        .when(r -> r.queryParameter("offset").isPresent(), Fault.status(418, ""))
        .when(r -> r.queryParameter("limit").isPresent(), Fault.internalError())
        .when(r -> true, Fault.status(409, ""));

    assertThat(status("?offset=1&limit=1")).isEqualTo(418);
    assertThat(status("?limit=1")).isEqualTo(500);
    assertThat(status("")).isEqualTo(409);
  }

  @Test
  void queuedFaultsComeBeforeRulesAndRulesBeforeTheStandingFault() {
    api.faults()
        .always(Fault.serviceUnavailableHtml())
        .when(r -> r.queryParameter("limit").isPresent(), Fault.internalError())
        .next(Fault.status(418, ""));

    assertThat(status("?limit=1")).isEqualTo(418);
    assertThat(status("?limit=1")).isEqualTo(500);
    assertThat(status("")).isEqualTo(503);
  }

  @Test
  void conditionsSeeTheRequestAsRecorded() {
    List<RecordedRequest> seen = new ArrayList<>();
    api.faults()
        .when(
            r -> {
              seen.add(r);
              return false;
            },
            Fault.internalError());

    status("?limit=7");

    assertThat(seen).containsExactlyElementsOf(api.requests());
  }

  @Test
  void clearRemovesQueuedFaultsRulesAndTheStandingFault() {
    api.faults()
        .next(Fault.internalError())
        .when(r -> true, Fault.internalError())
        .always(Fault.internalError())
        .clear();

    assertThat(api.faults().pending()).isZero();
    assertThat(statuses(2)).containsExactly(200, 200);
  }

  @Test
  void handleNeverConsultsThePlan() {
    api.faults().next(Fault.internalError()).always(Fault.internalError());

    assertThat(api.handle(get(SESSIONS)).statusCode()).isEqualTo(200);
    assertThat(api.faults().pending()).isEqualTo(1);
    assertThat(api.requests()).hasSize(1);
  }

  @Test
  void theServerSharesTheFakesPlan() throws Exception {
    api.faults().next(Fault.internalError());
    try (FakeDevtoolsServer server = api.start()) {
      assertThat(server.api().faults()).isSameAs(api.faults());
    }
  }

  @Test
  void nullsAreRefused() {
    assertThatThrownBy(() -> api.faults().next((Fault) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> api.faults().when(null, Fault.none()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> api.faults().always(null)).isInstanceOf(NullPointerException.class);
  }
}
