package io.github.devtoolssessions.api;

import io.github.devtoolssessions.core.AccountId;
import io.github.devtoolssessions.core.ApiException;
import io.github.devtoolssessions.core.CallListener;
import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.HttpTransportProvider;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.JsonCodecProvider;
import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.core.RetryPolicy;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.SessionId;
import io.github.devtoolssessions.core.Sleeper;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportOptions;
import io.github.devtoolssessions.core.internal.LibraryVersion;
import io.github.devtoolssessions.core.internal.PageWalk;
import io.github.devtoolssessions.core.internal.ResponseReader;
import io.github.devtoolssessions.core.internal.RetryDecider;
import io.github.devtoolssessions.core.internal.RetryingCall;
import io.github.devtoolssessions.core.internal.SessionRequests;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A client for the DevTools sessions of one Cloudflare account.
 *
 * <pre>{@code
 * try (DevtoolsSessionsClient client = DevtoolsSessionsClient.builder()
 *     .accountId("0123456789abcdef0123456789abcdef")
 *     .credentials(Credentials.apiToken(System.getenv("CLOUDFLARE_API_TOKEN")))
 *     .build()) {
 *   for (Session s : client.list(ListSessionsParams.builder().limit(50).build())) {
 *     System.out.println(s.sessionId() + " " + (s.isClosed() ? "closed" : "open"));
 *   }
 * }
 * }</pre>
 *
 * <p>The HTTP transport and the JSON codec are found through {@link java.util.ServiceLoader} (add
 * e.g. {@code devtools-sessions-transport-jdk} and {@code devtools-sessions-json-jackson}) unless
 * the builder is given them; {@link #discoveryReport()} tells what was found and why it was chosen.
 *
 * <p>Instances are immutable and thread-safe. {@link #close()} releases a transport the client
 * created itself; one given to the builder stays open.
 */
public final class DevtoolsSessionsClient implements AutoCloseable {

  /** The system property that names the transport to use, e.g. {@code apache}. */
  public static final String TRANSPORT_PROPERTY = "devtools.sessions.transport";

  /** The system property that names the JSON codec to use, e.g. {@code jsonb}. */
  public static final String JSON_PROPERTY = "devtools.sessions.json";

  /** The environment variable that names the transport to use. */
  public static final String TRANSPORT_ENV = "DEVTOOLS_SESSIONS_TRANSPORT";

  /** The environment variable that names the JSON codec to use. */
  public static final String JSON_ENV = "DEVTOOLS_SESSIONS_JSON";

  /** The per-attempt response timeout used when none is set: 60 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /** The overall deadline of a call, attempts and waits included, used when none is set: 2 min. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(2);

  /** The response body cap used when none is set: 4 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 4L * 1024 * 1024;

  private final AccountId accountId;
  private final URI baseUrl;
  private final Credentials.Scheme scheme;
  private final HttpTransport transport;
  private final boolean ownsTransport;
  private final SessionRequests requests;
  private final ResponseReader reader;
  private final RetryingCall calls;
  private final DiscoveryReport discoveryReport;

  private DevtoolsSessionsClient(
      Builder b,
      AccountId accountId,
      Credentials credentials,
      URI baseUrl,
      HttpTransport transport,
      boolean ownsTransport,
      JsonCodec codec,
      DiscoveryReport report) {
    this.accountId = accountId;
    this.baseUrl = baseUrl;
    this.scheme = credentials.scheme();
    this.transport = transport;
    this.ownsTransport = ownsTransport;
    this.discoveryReport = report;
    this.requests =
        new SessionRequests(
            baseUrl,
            accountId,
            credentials,
            LibraryVersion.userAgent(),
            Optional.of(b.timeout),
            b.maxResponseBytes);
    this.reader = new ResponseReader(codec, b.clock);
    this.calls =
        new RetryingCall(
            transport,
            reader,
            new RetryDecider(b.retryPolicy, () -> ThreadLocalRandom.current().nextDouble()),
            b.clock,
            b.sleeper,
            b.deadline,
            b.listener);
  }

  /** A builder with nothing set and the environment not read. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured from the process environment alone: {@code CLOUDFLARE_ACCOUNT_ID}, {@code
   * CLOUDFLARE_API_TOKEN} (or {@code CLOUDFLARE_EMAIL} with {@code CLOUDFLARE_API_KEY}), and
   * optionally {@code CLOUDFLARE_BASE_URL}.
   *
   * @throws ConfigurationException if the account id or the credentials are missing or invalid
   */
  public static DevtoolsSessionsClient fromEnvironment() {
    return builder().environment(System.getenv()).build();
  }

  /**
   * Lists one page of the account's sessions.
   *
   * @throws ApiException if the API answers with an error status (a subtype per status)
   * @throws TransportException if no answer could be had
   * @throws DecodingException if the answer cannot be read
   */
  public List<Session> list(ListSessionsParams params) {
    Objects.requireNonNull(params, "params");
    return calls.execute("list", requests.list(params), reader::sessions);
  }

  /**
   * Lists one page of the account's sessions without blocking the caller: retries and their waits
   * run on the transport's and the scheduler's threads. Cancelling the future aborts the exchange
   * in flight and starts no further attempt.
   *
   * @return a future of the page, completed exceptionally with the exceptions of {@link
   *     #list(ListSessionsParams)}
   */
  public CompletableFuture<List<Session>> listAsync(ListSessionsParams params) {
    Objects.requireNonNull(params, "params");
    return calls.executeAsync("list", requests.list(params), reader::sessions);
  }

  /**
   * A lazy walk over every session of the account, in pages of {@code params.pageSize()}: pages are
   * fetched as the caller consumes them. Close the pager (or break out of the loop and close it) to
   * stop fetching.
   *
   * <pre>{@code
   * try (SessionPager pager = client.pager(AllSessionsParams.defaults())) {
   *   while (pager.hasNext()) {
   *     Session s = pager.next();
   *   }
   * }
   * }</pre>
   */
  public SessionPager pager(AllSessionsParams params) {
    Objects.requireNonNull(params, "params");
    return new SessionPager(params, this::list);
  }

  /**
   * Every session of the account as a lazy stream, in pages of 200; see {@link
   * #pager(AllSessionsParams)}. Use it in try-with-resources, or consume it fully.
   */
  public Stream<Session> streamAll() {
    return streamAll(AllSessionsParams.defaults());
  }

  /** Every session of the account as a lazy stream; see {@link #pager(AllSessionsParams)}. */
  public Stream<Session> streamAll(AllSessionsParams params) {
    return pager(params).stream();
  }

  /**
   * Walks every session without blocking the caller, handing each page's new sessions to {@code
   * onPage} as it arrives (on the thread that completed the page). The next page is requested only
   * after {@code onPage} returns. Cancelling the future aborts the exchange in flight and fetches
   * nothing more.
   *
   * @return a future of the number of sessions delivered
   */
  public CompletableFuture<Long> forEachPageAsync(
      AllSessionsParams params, Consumer<List<Session>> onPage) {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(onPage, "onPage");
    PageWalk walk = new PageWalk(params.pageSize(), params.maxItemsOrUnlimited());
    CompletableFuture<Long> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<List<Session>>> inFlight = new AtomicReference<>();
    result.whenComplete(
        (count, failure) -> {
          if (result.isCancelled()) {
            walk.stop();
            CompletableFuture<List<Session>> current = inFlight.get();
            if (current != null) {
              current.cancel(true);
            }
          }
        });
    nextPageAsync(walk, onPage, result, inFlight);
    return result;
  }

  /**
   * Asks for the walk's next page, and on and on. A page that is already complete when it comes
   * back (a transport answering from memory or a cache) is taken in this loop rather than in a
   * stage that calls this method again: a stage run inline on the caller's stack would add frames
   * for every page, and a {@link StackOverflowError} inside a stage only leaves the walk's future
   * never completed.
   */
  private void nextPageAsync(
      PageWalk walk,
      Consumer<List<Session>> onPage,
      CompletableFuture<Long> result,
      AtomicReference<CompletableFuture<List<Session>>> inFlight) {
    while (true) {
      Optional<ListSessionsParams> next = walk.next();
      if (next.isEmpty() || result.isDone()) {
        result.complete(walk.returned());
        return;
      }
      CompletableFuture<List<Session>> page = listAsync(next.get());
      inFlight.set(page);
      if (!page.isDone()) {
        page.whenComplete(
            (sessions, failure) -> {
              if (takePage(walk, onPage, result, sessions, failure)) {
                nextPageAsync(walk, onPage, result, inFlight);
              }
            });
        return;
      }
      List<Session> sessions = null;
      Throwable failure = null;
      try {
        sessions = page.join();
      } catch (CompletionException | CancellationException e) {
        failure = e;
      }
      if (!takePage(walk, onPage, result, sessions, failure)) {
        return;
      }
    }
  }

  /** Hands a page's fresh sessions on; whether the walk goes on. One of the two is null. */
  private static boolean takePage(
      PageWalk walk,
      Consumer<List<Session>> onPage,
      CompletableFuture<Long> result,
      List<Session> sessions,
      Throwable failure) {
    if (result.isDone()) {
      return false;
    }
    if (failure != null || sessions == null) {
      Throwable cause =
          failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      result.completeExceptionally(
          cause != null ? cause : new IllegalStateException("a page came back as null"));
      return false;
    }
    try {
      List<Session> fresh = walk.accept(sessions);
      if (!fresh.isEmpty()) {
        onPage.accept(fresh);
      }
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return false;
    }
    return true;
  }

  /** Lists the first page of the account's sessions, of the server's default size (200). */
  public List<Session> list() {
    return list(ListSessionsParams.defaults());
  }

  /**
   * Looks one session up by id.
   *
   * @return the session, or empty if the API does not know it (404, or {@code null})
   * @throws IllegalArgumentException if the id is blank or holds a control character
   * @throws ApiException if the API answers with an error status other than 404, or with a 404
   *     whose error code is 7003, "No route for the URI" (a wrong base URL, not an unknown session)
   */
  public Optional<Session> get(String sessionId) {
    return calls.execute("get", requests.get(SessionId.of(sessionId)), reader::session);
  }

  /**
   * Looks one session up by id without blocking the caller.
   *
   * @throws IllegalArgumentException at once if the id is blank or holds a control character
   */
  public CompletableFuture<Optional<Session>> getAsync(String sessionId) {
    return calls.executeAsync("get", requests.get(SessionId.of(sessionId)), reader::session);
  }

  /** The account this client lists. */
  public AccountId accountId() {
    return accountId;
  }

  /** The API base URL requests go to. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The authentication scheme in use; the credentials themselves are not exposed. */
  public Credentials.Scheme credentialsScheme() {
    return scheme;
  }

  /** What adapters were found, which were chosen, and why. */
  public DiscoveryReport discoveryReport() {
    return discoveryReport;
  }

  /** Closes the transport if the client created it; one given to the builder stays open. */
  @Override
  public void close() {
    if (ownsTransport) {
      transport.close();
    }
  }

  @Override
  public String toString() {
    return "DevtoolsSessionsClient[account="
        + accountId
        + ", baseUrl="
        + baseUrl
        + ", credentials="
        + scheme
        + ", transport="
        + discoveryReport.transport().chosen()
        + ", json="
        + discoveryReport.json().chosen()
        + "]";
  }

  /**
   * Builds a {@link DevtoolsSessionsClient}. Values set on the builder win over the environment,
   * whatever the order of the calls.
   *
   * <table>
   *   <caption>Settings and defaults</caption>
   *   <tr><th>setting</th><th>default</th></tr>
   *   <tr><td>{@link #accountId(String)}</td><td>{@code CLOUDFLARE_ACCOUNT_ID} if the environment
   *       is read; required</td></tr>
   *   <tr><td>{@link #credentials(Credentials)}</td><td>from the environment if read;
   *       required</td></tr>
   *   <tr><td>{@link #baseUrl(String)}</td><td>{@code CLOUDFLARE_BASE_URL}, else
   *       {@code https://api.cloudflare.com/client/v4}</td></tr>
   *   <tr><td>{@link #transport(HttpTransport)}, {@link #transportName(String)}</td>
   *       <td>system property {@value #TRANSPORT_PROPERTY}, else {@value #TRANSPORT_ENV}, else
   *       the highest-priority provider found</td></tr>
   *   <tr><td>{@link #jsonCodec(JsonCodec)}, {@link #jsonCodecName(String)}</td>
   *       <td>system property {@value #JSON_PROPERTY}, else {@value #JSON_ENV}, else the
   *       highest-priority provider found</td></tr>
   *   <tr><td>{@link #connectTimeout(Duration)}</td><td>10 s</td></tr>
   *   <tr><td>{@link #timeout(Duration)}</td><td>60 s per attempt</td></tr>
   *   <tr><td>{@link #maxResponseBytes(long)}</td><td>4 MiB</td></tr>
   *   <tr><td>{@link #deadline(Duration)}</td><td>2 min per call, all attempts included</td></tr>
   *   <tr><td>{@link #retryPolicy(RetryPolicy)}, {@link #maxRetries(int)}</td>
   *       <td>2 retries, backoff 0.5 s doubling to 8 s, server waits up to 60 s</td></tr>
   *   <tr><td>{@link #listener(CallListener)}</td><td>none</td></tr>
   * </table>
   */
  public static final class Builder {
    private AccountId accountId;
    private Credentials credentials;
    private URI baseUrl;
    private HttpTransport transport;
    private String transportName;
    private JsonCodec codec;
    private String codecName;
    private Duration connectTimeout = TransportOptions.DEFAULT_CONNECT_TIMEOUT;
    private Duration timeout = DEFAULT_TIMEOUT;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private Map<String, String> environment = Map.of();
    private Clock clock = Clock.systemUTC();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Optional<Duration> deadline = Optional.of(DEFAULT_DEADLINE);
    private Sleeper sleeper = Sleeper.system();
    private CallListener listener = CallListener.NONE;

    private Builder() {}

    /**
     * The account whose sessions are listed.
     *
     * @throws IllegalArgumentException if blank or holding a control character
     */
    public Builder accountId(String accountId) {
      this.accountId = AccountId.of(accountId);
      return this;
    }

    /** The account whose sessions are listed. */
    public Builder accountId(AccountId accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /** How requests authenticate. */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * The API base URL, with or without a trailing slash.
     *
     * @throws IllegalArgumentException if not an https URL (http only for loopback hosts), or if it
     *     has a query, a fragment or user info
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = BaseUrl.parse("baseUrl", baseUrl);
      return this;
    }

    /**
     * The API base URL, with or without a trailing slash.
     *
     * @throws IllegalArgumentException as {@link #baseUrl(String)}
     */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = BaseUrl.check("baseUrl", Objects.requireNonNull(baseUrl, "baseUrl"));
      return this;
    }

    /**
     * Reads unset settings from this environment (account id, credentials, base URL, adapter names)
     * at {@link #build()}. Pass {@code System.getenv()} for the process environment.
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /** The transport to use, owned by the caller: the client never closes it. */
    public Builder transport(HttpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /** The name of the transport provider to use ({@code jdk}, {@code apache}). */
    public Builder transportName(String name) {
      this.transportName = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The JSON codec to use. */
    public Builder jsonCodec(JsonCodec codec) {
      this.codec = Objects.requireNonNull(codec, "codec");
      return this;
    }

    /** The name of the JSON codec provider to use ({@code jackson}, {@code jsonb}). */
    public Builder jsonCodecName(String name) {
      this.codecName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * How long to wait for a connection (default 10 s). Applies to a transport the client creates.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive("connectTimeout", connectTimeout);
      return this;
    }

    /**
     * How long one attempt may take, from sending to the last byte of the body (default 60 s).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive("timeout", timeout);
      return this;
    }

    /**
     * The largest response body accepted (default 4 MiB); a larger one ends in {@link
     * io.github.devtoolssessions.core.ResponseTooLargeException}.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes <= 0) {
        throw new IllegalArgumentException(
            "maxResponseBytes = " + maxResponseBytes + " is invalid: it must be positive");
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * The clock that times attempts and deadlines and dates {@code Retry-After} headers; the system
     * UTC clock by default. Tests pair a fake clock with a {@link #sleeper(Sleeper)} that advances
     * it.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How the client waits between attempts; {@link Sleeper#system()} by default. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** When and how long to retry; {@link RetryPolicy#defaults()} (2 retries) by default. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * How many times a failed request may be sent again, 0..10 (default 2); shorthand for {@link
     * #retryPolicy(RetryPolicy)} with the other settings kept.
     *
     * @throws IllegalArgumentException if outside 0..10
     */
    public Builder maxRetries(int maxRetries) {
      this.retryPolicy = retryPolicy.withMaxRetries(maxRetries);
      return this;
    }

    /**
     * The most one call may take, all attempts and waits included (default 2 minutes). No retry
     * starts whose wait would reach past it, and an attempt's timeout is shortened to end by it.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder deadline(Duration deadline) {
      this.deadline = Optional.of(positive("deadline", deadline));
      return this;
    }

    /** No overall deadline: each attempt is bounded by {@link #timeout(Duration)} alone. */
    public Builder noDeadline() {
      this.deadline = Optional.empty();
      return this;
    }

    /** Hears every call, attempt and retry, for metrics and tracing; none by default. */
    public Builder listener(CallListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    private static Duration positive(String name, Duration d) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " = " + d + " is invalid: it must be positive");
      }
      return d;
    }

    /**
     * The client.
     *
     * @throws ConfigurationException if the account id or credentials are missing, a value from the
     *     environment is invalid, or no transport or codec can be found
     */
    public DevtoolsSessionsClient build() {
      EnvironmentConfig env = new EnvironmentConfig(environment);
      AccountId account = accountId;
      if (account == null) {
        String id =
            env.get(EnvironmentConfig.ACCOUNT_ID)
                .orElseThrow(
                    () ->
                        new ConfigurationException(
                            "no account id: call accountId(...) on the builder or set "
                                + EnvironmentConfig.ACCOUNT_ID));
        try {
          account = AccountId.of(id);
        } catch (IllegalArgumentException e) {
          throw new ConfigurationException(
              EnvironmentConfig.ACCOUNT_ID + " is invalid: " + e.getMessage(), e);
        }
      }
      Credentials creds = credentials;
      if (creds == null) {
        creds =
            env.credentials()
                .orElseThrow(
                    () ->
                        new ConfigurationException(
                            "no credentials: call credentials(...) on the builder or set "
                                + EnvironmentConfig.API_TOKEN
                                + " (or "
                                + EnvironmentConfig.EMAIL
                                + " and "
                                + EnvironmentConfig.API_KEY
                                + ")"));
      }
      URI base = baseUrl;
      if (base == null) {
        Optional<String> fromEnv = env.get(EnvironmentConfig.BASE_URL);
        try {
          base =
              fromEnv.isPresent()
                  ? BaseUrl.parse(EnvironmentConfig.BASE_URL, fromEnv.get())
                  : BaseUrl.DEFAULT;
        } catch (IllegalArgumentException e) {
          throw new ConfigurationException(e.getMessage(), e);
        }
      }

      // Both ports are looked up before either fails, so that one error names everything missing.
      List<ConfigurationException> missing = new ArrayList<>();
      Optional<ProviderDiscovery.Chosen<HttpTransportProvider>> foundTransport =
          transport != null
              ? Optional.empty()
              : attempt(
                  () ->
                      transportDiscovery()
                          .choose(requested(transportName, TRANSPORT_PROPERTY, TRANSPORT_ENV, env)),
                  missing);
      Optional<ProviderDiscovery.Chosen<JsonCodecProvider>> foundCodec =
          codec != null
              ? Optional.empty()
              : attempt(
                  () -> codecDiscovery().choose(requested(codecName, JSON_PROPERTY, JSON_ENV, env)),
                  missing);
      if (missing.size() == 1) {
        throw missing.get(0);
      }
      if (missing.size() > 1) {
        throw new ConfigurationException(
            missing.get(0).getMessage() + " Also: " + missing.get(1).getMessage());
      }

      JsonCodec chosenCodec = codec;
      AdapterChoice jsonChoice;
      if (chosenCodec != null) {
        jsonChoice =
            new AdapterChoice(
                "json", List.of(), chosenCodec.getClass().getName(), "given to the builder");
      } else {
        ProviderDiscovery.Chosen<JsonCodecProvider> c = foundCodec.orElseThrow();
        chosenCodec = c.provider().create();
        jsonChoice = c.choice();
      }

      HttpTransport chosenTransport = transport;
      AdapterChoice transportChoice;
      boolean owns = false;
      if (chosenTransport != null) {
        transportChoice =
            new AdapterChoice(
                "transport",
                List.of(),
                chosenTransport.getClass().getName(),
                "given to the builder");
      } else {
        ProviderDiscovery.Chosen<HttpTransportProvider> c = foundTransport.orElseThrow();
        chosenTransport = c.provider().create(new TransportOptions(connectTimeout));
        transportChoice = c.choice();
        owns = true;
      }
      return new DevtoolsSessionsClient(
          this,
          account,
          creds,
          base,
          chosenTransport,
          owns,
          chosenCodec,
          new DiscoveryReport(transportChoice, jsonChoice));
    }

    /** The discovery's choice, or empty with its failure added to {@code missing}. */
    private static <P> Optional<ProviderDiscovery.Chosen<P>> attempt(
        Supplier<ProviderDiscovery.Chosen<P>> discovery, List<ConfigurationException> missing) {
      try {
        return Optional.of(discovery.get());
      } catch (ConfigurationException e) {
        missing.add(e);
        return Optional.empty();
      }
    }

    /**
     * The adapter name asked for, and by whom: the builder, else the system property, else the
     * environment given to the builder, else the process environment.
     */
    private static Optional<ProviderDiscovery.Requested> requested(
        String explicit, String property, String envName, EnvironmentConfig env) {
      if (explicit != null) {
        return Optional.of(new ProviderDiscovery.Requested(explicit, "the builder"));
      }
      String prop = System.getProperty(property);
      if (prop != null && !prop.isBlank()) {
        return Optional.of(new ProviderDiscovery.Requested(prop, "system property " + property));
      }
      Optional<String> fromEnv = env.get(envName);
      if (fromEnv.isEmpty()) {
        fromEnv = Optional.ofNullable(System.getenv(envName)).filter(v -> !v.isBlank());
      }
      return fromEnv.map(
          v -> new ProviderDiscovery.Requested(v, "environment variable " + envName));
    }
  }

  static ProviderDiscovery<HttpTransportProvider> transportDiscovery() {
    return new ProviderDiscovery<>(
        HttpTransportProvider.class,
        "transport",
        HttpTransportProvider::name,
        HttpTransportProvider::priority,
        "Add one transport to the class path or module path:"
            + " io.github.devtoolssessions:devtools-sessions-transport-jdk (java.net.http)"
            + " or io.github.devtoolssessions:devtools-sessions-transport-apache"
            + " (Apache HttpClient 5); or pass one to the builder's transport(...)");
  }

  static ProviderDiscovery<JsonCodecProvider> codecDiscovery() {
    return new ProviderDiscovery<>(
        JsonCodecProvider.class,
        "json",
        JsonCodecProvider::name,
        JsonCodecProvider::priority,
        "Add one JSON codec to the class path or module path:"
            + " io.github.devtoolssessions:devtools-sessions-json-jackson (Jackson)"
            + " or io.github.devtoolssessions:devtools-sessions-json-jsonb (Jakarta JSON-B);"
            + " or pass one to the builder's jsonCodec(...)");
  }
}
