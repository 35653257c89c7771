package io.github.devtoolssessions.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.core.ApiException;
import io.github.devtoolssessions.core.AuthenticationException;
import io.github.devtoolssessions.core.BadRequestException;
import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.DeadlineExceededException;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.DevtoolsSessionsException;
import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.core.NotFoundException;
import io.github.devtoolssessions.core.PermissionDeniedException;
import io.github.devtoolssessions.core.RateLimitException;
import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.ServerException;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.it.Probes.AttemptRecorder;
import io.github.devtoolssessions.it.Probes.Outcome;
import io.github.devtoolssessions.it.Probes.RecordingSleeper;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import io.github.devtoolssessions.testkit.FakeDevtoolsServer;
import io.github.devtoolssessions.testkit.FakeSessions;
import io.github.devtoolssessions.testkit.Fault;
import io.github.devtoolssessions.testkit.FaultPlan;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fault the testkit can act out, on every adapter pair ({jdk, apache} x {jackson, jsonb}),
 * called blocking and asynchronously, against the loopback fake server. Each case checks how the
 * call ends (the page, or the exact exception type the README's failure table documents), how many
 * attempts it made and reports ({@code attempts()}, the listener, one suppressed exception per
 * earlier attempt), that the fake saw exactly the requests those attempts imply, that each retry
 * waited what the server or the backoff asked, and that it ended within its deadline.
 *
 * <p>Waits never really happen: the client's sleeper only records them. Timeouts are short (300 ms)
 * so that the cases that must run into them stay quick.
 */
class FaultMatrixTest {

  /** The per-attempt timeout every case uses unless it sets its own. */
  private static final Duration TIMEOUT = Duration.ofMillis(300);

  /** The deadline of every call unless a case sets its own; far beyond what any case takes. */
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  /** How long after its deadline a call may take to report that it ran out. */
  private static final Duration GRACE = Duration.ofMillis(500);

  /** Longer than {@link #TIMEOUT}: a server this slow is never waited for. */
  private static final Duration SLOW = Duration.ofSeconds(2);

  private static final List<Session> SEEDED = FakeSessions.generate(404, 7);

  private static final ListSessionsParams PARAMS = ListSessionsParams.of(7, 0);

  /** Where a redirect points: another host name; nothing listens there on purpose. */
  private static final URI ELSEWHERE =
      URI.create("http://localhost:9/client/v4/accounts/elsewhere/browser-rendering");

  /** The v4 error envelope with one error. */
  static String envelope(int code, String message) {
    return "{\"success\":false,\"errors\":[{\"code\":"
        + code
        + ",\"message\":\""
        + message
        + "\"}],\"messages\":[],\"result\":null}";
  }

  /**
   * The client settings a case runs with.
   *
   * @param timeout the per-attempt timeout
   * @param deadline the call's deadline
   * @param credentials the client's credentials, if not the fake's own
   */
  record Settings(Duration timeout, Duration deadline, Optional<Credentials> credentials) {
    static final Settings DEFAULT = new Settings(TIMEOUT, DEADLINE, Optional.empty());
  }

  /** How the case calls the client. */
  enum Mode {
    SYNC,
    ASYNC
  }

  /**
   * What a transport is expected to do in a case.
   *
   * @param attempts the attempts the client makes and reports
   * @param requests the requests the fake sees
   */
  record Expect(int attempts, int requests) {}

  /**
   * One fault scenario.
   *
   * @param name what happens, for the test's name
   * @param plan what the fake is told to do
   * @param settings the client's timeout, deadline and credentials
   * @param failure the exact exception type the call ends with; null if it succeeds
   * @param apache what the apache transport is expected to do
   * @param jdk what the jdk transport is expected to do
   * @param waits the exact waits before retries, or null to check the documented backoff
   * @param more further checks of the exception, if any
   * @param abandoned how many exchanges the client gives up on (its timeout passes while the fake
   *     is still holding the response back): the fake must see each connection closed
   */
  record Case(
      String name,
      Consumer<FaultPlan> plan,
      Settings settings,
      Class<? extends Throwable> failure,
      Expect apache,
      Expect jdk,
      List<Duration> waits,
      Consumer<Throwable> more,
      int abandoned) {

    Case(
        String name,
        Consumer<FaultPlan> plan,
        Settings settings,
        Class<? extends Throwable> failure,
        Expect apache,
        Expect jdk,
        List<Duration> waits,
        Consumer<Throwable> more) {
      this(name, plan, settings, failure, apache, jdk, waits, more, 0);
    }

    Case waiting(Duration... exactWaits) {
      return new Case(
          name, plan, settings, failure, apache, jdk, List.of(exactWaits), more, abandoned);
    }

    Case abandoning(int exchanges) {
      return new Case(name, plan, settings, failure, apache, jdk, waits, more, exchanges);
    }

    Expect expected(Adapters.Transport transport) {
      return transport.name().equals("jdk") ? jdk : apache;
    }
  }

  private static Case ok(String name, Consumer<FaultPlan> plan, int attempts, Duration... waits) {
    Expect e = new Expect(attempts, attempts);
    return new Case(
        name,
        plan,
        Settings.DEFAULT,
        null,
        e,
        e,
        waits.length == 0 ? null : List.of(waits),
        t -> {});
  }

  private static Case fails(
      String name,
      Consumer<FaultPlan> plan,
      Class<? extends Throwable> failure,
      int attempts,
      Consumer<Throwable> more) {
    Expect e = new Expect(attempts, attempts);
    return new Case(name, plan, Settings.DEFAULT, failure, e, e, null, more);
  }

  private static Consumer<Throwable> status(int code) {
    return t -> assertThat(((ApiException) t).statusCode()).isEqualTo(code);
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    // --- any status, with body and headers
    cases.add(
        ok(
            "429 with Retry-After: 1, then 200",
            p -> p.next(Fault.rateLimited(Duration.ofSeconds(1))),
            2,
            Duration.ofSeconds(1)));
    cases.add(
        ok(
            "429 with retry-after-ms: 250, then 200",
            p -> p.next(Fault.status(429, envelope(971, "Please wait"), "retry-after-ms", "250")),
            2,
            Duration.ofMillis(250)));
    cases.add(
        fails(
                "429 with Retry-After: 1 on every attempt",
                p -> p.always(Fault.rateLimited(Duration.ofSeconds(1))),
                RateLimitException.class,
                3,
                t -> {
                  RateLimitException e = (RateLimitException) t;
                  assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
                  assertThat(e.errorCode()).hasValue(971);
                })
            .waiting(Duration.ofSeconds(1), Duration.ofSeconds(1)));
    cases.add(
        fails(
            "429 with Retry-After beyond the 60 s cap fails at once, carrying the wait",
            p -> p.always(Fault.rateLimited(Duration.ofSeconds(120))),
            RateLimitException.class,
            1,
            t ->
                assertThat(((RateLimitException) t).retryAfter())
                    .contains(Duration.ofSeconds(120))));
    cases.add(
        fails(
            "429 asking for a wait that would end past the deadline",
            p -> p.always(Fault.rateLimited(Duration.ofSeconds(30))),
            DeadlineExceededException.class,
            1,
            t -> assertThat(t.getCause()).isInstanceOf(RateLimitException.class)));
    cases.add(
        ok("503 with an HTML page, then 200", p -> p.next(Fault.serviceUnavailableHtml()), 2));
    cases.add(
        fails(
            "503 with an HTML page on every attempt",
            p -> p.always(Fault.serviceUnavailableHtml()),
            ServerException.class,
            3,
            t -> {
              assertThat(((ServerException) t).statusCode()).isEqualTo(503);
              assertThat(((ServerException) t).bodyExcerpt())
                  .get()
                  .asString()
                  .contains("503 Service Temporarily Unavailable");
            }));
    cases.add(ok("500 with the v4 envelope, then 200", p -> p.next(Fault.internalError()), 2));
    cases.add(
        fails(
            "500 with the v4 envelope on every attempt",
            p -> p.always(Fault.internalError()),
            ServerException.class,
            3,
            t -> {
              assertThat(((ServerException) t).statusCode()).isEqualTo(500);
              assertThat(((ServerException) t).errorCode()).hasValue(2000);
            }));
    cases.add(ok("409, then 200", p -> p.next(Fault.status(409, envelope(1000, "Conflict"))), 2));
    cases.add(
        fails(
            "400 is never retried",
            p -> p.always(Fault.status(400, envelope(6003, "Invalid request headers"))),
            BadRequestException.class,
            1,
            status(400)));
    cases.add(
        fails(
            "401 is never retried",
            p -> p.always(Fault.status(401, envelope(10000, "Authentication error"))),
            AuthenticationException.class,
            1,
            status(401)));
    cases.add(
        new Case(
            "401 from the fake itself for a wrong token is never retried",
            p -> {},
            new Settings(
                TIMEOUT, DEADLINE, Optional.of(Credentials.apiToken("not-the-fakes-token"))),
            AuthenticationException.class,
            new Expect(1, 1),
            new Expect(1, 1),
            null,
            t -> assertThat(((ApiException) t).errorCode()).hasValue(10000)));
    cases.add(
        fails(
            "403 is never retried",
            p -> p.always(Fault.status(403, envelope(9109, "Unauthorized"))),
            PermissionDeniedException.class,
            1,
            status(403)));
    cases.add(
        fails(
            "404 is never retried",
            p -> p.always(Fault.status(404, envelope(7003, "No route for the URI"))),
            NotFoundException.class,
            1,
            status(404)));
    cases.add(
        fails(
            "400 with x-should-retry: true is retried",
            p -> p.always(Fault.status(400, envelope(6003, "Invalid"), "x-should-retry", "true")),
            BadRequestException.class,
            3,
            status(400)));
    cases.add(
        fails(
            "503 with x-should-retry: false is not retried",
            p -> p.always(Fault.status(503, envelope(2000, "Down"), "x-should-retry", "false")),
            ServerException.class,
            1,
            status(503)));
    cases.add(
        fails(
            "429 with x-should-retry: false is not retried",
            p ->
                p.always(
                    Fault.status(
                        429, envelope(971, "Wait"), "Retry-After", "1", "x-should-retry", "false")),
            RateLimitException.class,
            1,
            status(429)));
    // --- time
    cases.add(ok("headers delayed within the timeout", p -> p.next(Fault.delayHeaders(ms(50))), 1));
    cases.add(
        ok(
                "headers delayed beyond the timeout, then fast",
                p -> p.next(Fault.delayHeaders(SLOW)),
                2)
            .abandoning(1));
    cases.add(
        fails(
                "headers delayed beyond the timeout on every attempt",
                p -> p.always(Fault.delayHeaders(SLOW)),
                ResponseTimeoutException.class,
                3,
                t -> {})
            .abandoning(3));
    cases.add(
        new Case(
                "headers delayed past the call's deadline",
                p -> p.always(Fault.delayHeaders(Duration.ofSeconds(3))),
                new Settings(Duration.ofSeconds(5), ms(600), Optional.empty()),
                DeadlineExceededException.class,
                new Expect(1, 1),
                new Expect(1, 1),
                null,
                t -> {
                  assertThat(((DeadlineExceededException) t).deadline()).isEqualTo(ms(600));
                  assertThat(t.getCause()).isInstanceOf(ResponseTimeoutException.class);
                })
            .abandoning(1));
    cases.add(
        ok("body stalls half-way, then 200", p -> p.next(Fault.stallBody(SLOW)), 2).abandoning(1));
    cases.add(
        fails(
                "body stalls half-way on every attempt",
                p -> p.always(Fault.stallBody(SLOW)),
                ResponseTimeoutException.class,
                3,
                t -> {})
            .abandoning(3));
    // --- broken connections
    cases.add(
        ok(
            "body stalls briefly, then the connection closes; then 200",
            p -> p.next(Fault.stallBody(ms(50))),
            2));
    cases.add(ok("truncated body, then 200", p -> p.next(Fault.truncatedBody()), 2));
    cases.add(
        fails(
            "truncated body on every attempt",
            p -> p.always(Fault.truncatedBody()),
            TransportException.class,
            3,
            t -> {}));
    // java.net.http.HttpClient resends an idempotent request once by itself when the connection
    // closes before any byte of the response (MultiExchange treats it as an expired pooled
    // connection, and for GET retries on a fresh one, once per exchange): the fake sees that
    // resend, the library's retry loop does not. So with the jdk transport a reset costs two
    // requests per attempt, and a single reset is absorbed inside the first attempt. A truncated
    // body is not resent: response bytes had arrived.
    cases.add(
        new Case(
            "connection reset, then 200",
            p -> p.next(Fault.resetConnection()),
            Settings.DEFAULT,
            null,
            new Expect(2, 2),
            new Expect(1, 2),
            null,
            t -> {}));
    cases.add(
        new Case(
            "connection reset on every attempt",
            p -> p.always(Fault.resetConnection()),
            Settings.DEFAULT,
            TransportException.class,
            new Expect(3, 3),
            new Expect(3, 6),
            null,
            t -> {}));
    // --- answers that are not what they claim
    cases.add(
        fails(
            "200 that is not JSON is not retried",
            p -> p.always(Fault.notJson()),
            DecodingException.class,
            1,
            t -> {}));
    cases.add(
        ok(
            "200 with the sessions labelled text/plain: the body decides, not the label",
            p -> p.always(Fault.contentType("text/plain")),
            1));
    cases.add(
        fails(
            "200 labelled text/html holding HTML is not retried",
            p -> p.always(Fault.notJson().and(Fault.contentType("text/html; charset=UTF-8"))),
            DecodingException.class,
            1,
            t -> {}));
    cases.add(
        fails(
            "302 to another host is not followed",
            p -> p.always(Fault.redirect(ELSEWHERE)),
            ApiException.class,
            1,
            status(302)));
    return cases;
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  @BeforeAll
  static void quietLibraryLog() {
    Probes.LibraryLog.silence();
  }

  @AfterAll
  static void restoreLibraryLog() {
    Probes.LibraryLog.restore();
  }

  @TestFactory
  Stream<DynamicNode> everyFaultOnEveryAdapterPair() {
    List<Case> cases = cases();
    List<DynamicNode> pairs = new ArrayList<>();
    for (Adapters.Transport transport : Adapters.TRANSPORTS) {
      for (Adapters.Codec codec : Adapters.CODECS) {
        List<DynamicNode> modes = new ArrayList<>();
        for (Mode mode : Mode.values()) {
          modes.add(
              DynamicContainer.dynamicContainer(
                  mode.name().toLowerCase(Locale.ROOT),
                  cases.stream()
                      .map(
                          c ->
                              DynamicTest.dynamicTest(
                                  c.name(), () -> run(transport, codec, mode, c)))));
        }
        pairs.add(DynamicContainer.dynamicContainer(transport + " x " + codec, modes));
      }
    }
    return pairs.stream();
  }

  private static void run(Adapters.Transport t, Adapters.Codec codec, Mode mode, Case c) {
    FakeDevtoolsApi fake = FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).build();
    fake.addSessions(SEEDED);
    c.plan().accept(fake.faults());
    RecordingSleeper sleeper = new RecordingSleeper();
    AttemptRecorder recorder = new AttemptRecorder();
    Expect expected = c.expected(t);
    try (FakeDevtoolsServer server = fake.start();
        HttpTransport transport = t.create()) {
      DevtoolsSessionsClient client =
          DevtoolsSessionsClient.builder()
              .accountId(FakeDevtoolsApi.DEFAULT_ACCOUNT_ID)
              .credentials(c.settings().credentials().orElse(fake.credentials()))
              .baseUrl(server.baseUrl())
              .transport(transport)
              .jsonCodec(codec.create())
              .timeout(c.settings().timeout())
              .deadline(c.settings().deadline())
              .sleeper(sleeper)
              .listener(recorder)
              .build();

      long start = System.nanoTime();
      Outcome<List<Session>> outcome =
          mode == Mode.SYNC
              ? Probes.outcomeOf(() -> client.list(PARAMS))
              : Probes.await(client.listAsync(PARAMS), DEADLINE.plusSeconds(5));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      if (c.failure() == null) {
        assertThat(outcome.failure()).as("failure").isNull();
        assertThat(outcome.value()).isEqualTo(SEEDED);
      } else {
        assertThat(outcome.failure()).as("failure").isExactlyInstanceOf(c.failure());
        DevtoolsSessionsException e = (DevtoolsSessionsException) outcome.failure();
        assertThat(e.attempts()).as("attempts()").isEqualTo(expected.attempts());
        assertThat(e.getSuppressed()).as("suppressed").hasSize(expected.attempts() - 1);
        c.more().accept(e);
      }
      assertThat(recorder.attempts.get()).as("attempts heard").isEqualTo(expected.attempts());
      assertThat(recorder.retries.get()).as("retries heard").isEqualTo(expected.attempts() - 1);
      assertThat(recorder.callEnds.get()).as("calls ended").isEqualTo(1);
      assertThat(fake.requests()).as("requests the fake saw").hasSize(expected.requests());
      assertThat(sleeper.waits).as("waits").hasSize(expected.attempts() - 1);
      if (c.waits() != null) {
        assertThat(sleeper.waits).as("waits").isEqualTo(c.waits());
      } else {
        for (int i = 0; i < sleeper.waits.size(); i++) {
          // 0.5 s doubling, less up to 25% jitter.
          Duration base = Duration.ofMillis(500L << i);
          assertThat(sleeper.waits.get(i))
              .as("backoff before attempt %d", i + 2)
              .isBetween(base.multipliedBy(3).dividedBy(4), base);
        }
      }
      // The fake sees each connection the client gave up on closed, while it still holds the
      // response back: the client aborted the exchange rather than leaving it to run out.
      assertThat(
              Probes.pollUntil(
                  Duration.ofSeconds(5), () -> server.abandonedExchanges() >= c.abandoned()))
          .as("abandoned exchanges reach %d", c.abandoned())
          .isTrue();
      assertThat(server.abandonedExchanges()).as("abandoned exchanges").isEqualTo(c.abandoned());
      // The deadline is when the client gives up; aborting the exchange and handing the outcome
      // over take a little longer.
      assertThat(took).as("time taken").isLessThan(c.settings().deadline().plus(GRACE));
    }
  }
}
