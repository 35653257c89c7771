package io.github.devtoolssessions.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.api.AllSessionsParams;
import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.api.SessionPager;
import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.PagingException;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import io.github.devtoolssessions.testkit.FakeSessions;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The auto-paging walk over all sessions, against the in-memory fake, and each paging guard. */
class PagingTest {

  private final FakeDevtoolsApi fake =
      FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).build();

  /** The fake's in-memory transport, with a hook run before the n-th request (1-based). */
  private static final class HookedTransport implements HttpTransport {
    final HttpTransport delegate;
    final IntConsumer beforeRequest;
    final AtomicInteger count = new AtomicInteger();

    HookedTransport(HttpTransport delegate, IntConsumer beforeRequest) {
      this.delegate = delegate;
      this.beforeRequest = beforeRequest;
    }

    @Override
    public TransportResponse send(TransportRequest request) {
      beforeRequest.accept(count.incrementAndGet());
      return delegate.send(request);
    }
  }

  private DevtoolsSessionsClient client(HttpTransport transport) {
    return DevtoolsSessionsClient.builder()
        .accountId(FakeDevtoolsApi.DEFAULT_ACCOUNT_ID)
        .credentials(Credentials.apiToken(FakeDevtoolsApi.DEFAULT_API_TOKEN))
        .transport(transport)
        .jsonCodec(JacksonJsonCodec.create())
        .build();
  }

  private static Set<String> ids(List<Session> sessions) {
    return sessions.stream().map(Session::sessionId).collect(Collectors.toSet());
  }

  @Test
  void tenThousandSessionsAreWalkedOnceHoldingAtMostOnePage() {
    List<Session> seeded = FakeSessions.generate(10, 10_000);
    fake.addSessions(seeded);
    List<Session> seen = new ArrayList<>();
    int maxHeld = 0;
    try (SessionPager pager =
        client(fake.asTransport()).pager(AllSessionsParams.builder().pageSize(200).build())) {
      while (pager.hasNext()) {
        maxHeld = Math.max(maxHeld, pager.bufferedSessions());
        seen.add(pager.next());
      }
      assertThat(pager.pagesFetched()).isEqualTo(51);
    }
    assertThat(seen).isEqualTo(seeded);
    assertThat(maxHeld).isLessThanOrEqualTo(200);
    // 50 full pages, then one empty page: offset paging cannot know the end before it.
    assertThat(fake.requests()).hasSize(51);
    assertThat(fake.requests().get(50).rawQuery()).contains("limit=200&offset=10000");
  }

  @Test
  void thePagerFetchesOnlyAsTheCallerConsumes() {
    fake.addSessions(FakeSessions.generate(11, 1_000));
    try (Stream<Session> all = client(fake.asTransport()).streamAll()) {
      List<Session> first = all.limit(3).collect(Collectors.toList());
      assertThat(first).hasSize(3);
    }
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void closingThePagerEarlyFetchesNothingMore() {
    fake.addSessions(FakeSessions.generate(12, 1_000));
    SessionPager pager =
        client(fake.asTransport()).pager(AllSessionsParams.builder().pageSize(10).build());
    pager.next();
    pager.close();
    assertThat(pager.hasNext()).isFalse();
    assertThat(pager.bufferedSessions()).isZero();
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void sessionsAddedMidWalkDoNotMakeTheWalkReturnAnyTwice() {
    List<Session> seeded = FakeSessions.generate(13, 450);
    fake.addSessions(seeded);
    List<Session> extra = FakeSessions.generate(99, 30);
    HookedTransport transport =
        new HookedTransport(
            fake.asTransport(),
            n -> {
              if (n == 2) {
                // New sessions appear at the front: every later page shifts forward by 30.
                List<Session> reordered = new ArrayList<>(extra);
                reordered.addAll(fake.sessions());
                fake.clearSessions();
                fake.addSessions(reordered);
              }
            });
    List<Session> walked =
        client(transport)
            .streamAll(AllSessionsParams.builder().pageSize(200).build())
            .collect(Collectors.toList());
    assertThat(ids(walked)).hasSize(walked.size());
    assertThat(ids(walked)).containsAll(ids(seeded));
  }

  @Test
  void sessionsClosedMidWalkAreReturnedOnceWithTheirStateAtFetchTime() {
    List<Session> seeded = FakeSessions.generate(14, 450);
    fake.addSessions(seeded);
    List<Session> open = seeded.stream().filter(s -> !s.isClosed()).collect(Collectors.toList());
    HookedTransport transport =
        new HookedTransport(
            fake.asTransport(),
            n -> {
              if (n == 2) {
                open.stream()
                    .limit(20)
                    .forEach(s -> fake.closeSession(s.sessionId(), Instant.now()));
              }
            });
    List<Session> walked =
        client(transport)
            .streamAll(AllSessionsParams.builder().pageSize(200).build())
            .collect(Collectors.toList());
    assertThat(walked).hasSize(450);
    assertThat(ids(walked)).isEqualTo(ids(seeded));
    // Closed after the first page came: that page showed them open, and they are not repeated.
    Set<String> closedLater =
        open.stream().limit(20).map(Session::sessionId).collect(Collectors.toSet());
    assertThat(walked.subList(0, 200))
        .filteredOn(s -> closedLater.contains(s.sessionId()))
        .hasSize(20)
        .noneMatch(Session::isClosed);
  }

  @Test
  void sessionsRemovedMidWalkAreNeverRepeatedAndSkipAtMostAsManyAsWereRemoved() {
    List<Session> seeded = FakeSessions.generate(17, 450);
    fake.addSessions(seeded);
    List<String> removed =
        seeded.stream().limit(20).map(Session::sessionId).collect(Collectors.toList());
    HookedTransport transport =
        new HookedTransport(
            fake.asTransport(),
            n -> {
              if (n == 2) {
                // Gone from the front of the list: every later session shifts back by 20.
                removed.forEach(fake::removeSession);
              }
            });
    List<Session> walked =
        client(transport)
            .streamAll(AllSessionsParams.builder().pageSize(200).build())
            .collect(Collectors.toList());
    List<String> walkedIds = walked.stream().map(Session::sessionId).collect(Collectors.toList());
    assertThat(walkedIds).doesNotHaveDuplicates();
    assertThat(ids(seeded)).containsAll(walkedIds);
    // The first page was read before the removal; what shifted across the page boundary is missed.
    assertThat(walkedIds).containsAll(removed);
    assertThat(walked).hasSizeBetween(450 - removed.size(), 450);
  }

  @Test
  void anAsyncWalkOverATransportThatAnswersAtOnceDoesNotGrowTheStackPerPage() {
    fake.addSessions(FakeSessions.generate(18, 20_000));
    HttpTransport inMemory = fake.asTransport();
    // Every future is already complete when handed back, as from a cache or an in-memory fake:
    // each page's stage then runs on the caller's stack.
    HttpTransport atOnce =
        new HttpTransport() {
          @Override
          public TransportResponse send(TransportRequest request) {
            return inMemory.send(request);
          }

          @Override
          public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
            return CompletableFuture.completedFuture(inMemory.send(request));
          }
        };
    AtomicInteger pages = new AtomicInteger();
    long walked =
        client(atOnce)
            .forEachPageAsync(
                AllSessionsParams.builder().pageSize(1).build(), page -> pages.incrementAndGet())
            // Not a speed limit: without it, a walk whose stage died of a StackOverflowError
            // would hang this test instead of failing it.
            .orTimeout(2, TimeUnit.MINUTES)
            .join();
    assertThat(walked).isEqualTo(20_000);
    assertThat(pages).hasValue(20_000);
  }

  @Test
  void aServerThatIgnoresOffsetEndsTheWalkWithAClearException() {
    fake.addSessions(FakeSessions.generate(15, 500));
    HttpTransport ignoringOffset =
        request -> {
          URI uri = request.uri();
          URI withoutOffset = URI.create(uri.toString().replaceAll("&?offset=\\d+", ""));
          return fake.asTransport()
              .send(
                  new TransportRequest(
                      request.method(),
                      withoutOffset,
                      request.headers(),
                      request.timeout(),
                      request.maxBodyBytes()));
        };
    try (Stream<Session> all = client(ignoringOffset).streamAll()) {
      assertThatThrownBy(() -> all.count())
          .isInstanceOf(PagingException.class)
          .hasMessageContaining("ignore offset");
    }
  }

  @Test
  void theItemCapStopsTheWalkWithoutAnotherFetch() {
    fake.addSessions(FakeSessions.generate(16, 1_000));
    List<Session> walked =
        client(fake.asTransport())
            .streamAll(AllSessionsParams.builder().pageSize(100).maxItems(250).build())
            .collect(Collectors.toList());
    assertThat(walked).hasSize(250);
    assertThat(fake.requests()).hasSize(3);
  }

  @Test
  void theAsyncWalkDeliversPagesAsTheyArrive() throws Exception {
    List<Session> seeded = FakeSessions.generate(17, 450);
    fake.addSessions(seeded);
    List<List<Session>> pages = new CopyOnWriteArrayList<>();
    CompletableFuture<Long> done =
        client(fake.asTransport())
            .forEachPageAsync(AllSessionsParams.builder().pageSize(200).build(), pages::add);
    assertThat(done.get()).isEqualTo(450L);
    assertThat(pages).extracting(List::size).containsExactly(200, 200, 50);
    assertThat(pages.stream().flatMap(List::stream).collect(Collectors.toList())).isEqualTo(seeded);
    assertThat(new HashSet<>(ids(seeded))).hasSize(450);
  }
}
