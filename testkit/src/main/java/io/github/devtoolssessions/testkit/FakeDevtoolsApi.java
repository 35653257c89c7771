package io.github.devtoolssessions.testkit;

import io.github.devtoolssessions.core.AccountId;
import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.CloudflareError;
import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.ResponseTooLargeException;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import io.github.devtoolssessions.testkit.internal.AuthenticationCheck;
import io.github.devtoolssessions.testkit.internal.ErrorBodies;
import io.github.devtoolssessions.testkit.internal.PageQuery;
import io.github.devtoolssessions.testkit.internal.PercentDecoding;
import io.github.devtoolssessions.testkit.internal.RayIds;
import io.github.devtoolssessions.testkit.internal.Route;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.StringJoiner;

/**
 * A fake of Cloudflare's DevTools sessions endpoint with the real service's semantics, independent
 * of sockets: {@link #handle(TransportRequest)} turns a request into the response the service would
 * give, over a store of sessions the test controls, and records every request in a journal.
 *
 * <pre>{@code
 * FakeDevtoolsApi api = FakeDevtoolsApi.builder().codec(codec).build();
 * api.addSessions(FakeSessions.generate(42, 450));
 * HttpTransport transport = api.asTransport();           // in memory
 * try (FakeDevtoolsServer server = api.start()) { ... }  // or over loopback HTTP
 * }</pre>
 *
 * <h2>What it answers</h2>
 *
 * <table>
 *   <caption>Checks, in the order they are made</caption>
 *   <tr><th>request</th><th>status</th><th>body</th></tr>
 *   <tr><td>a path other than the two routes below</td><td>404</td>
 *       <td>envelope, code 7003 "No route for the URI"</td></tr>
 *   <tr><td>a malformed {@code Authorization} ({@code Bearer <token>}), {@code X-Auth-Email}
 *       (needs {@code @}) or {@code X-Auth-Key} header, or one given twice</td><td>400</td>
 *       <td>envelope, code 6003 "Invalid request headers" with an {@code error_chain} of 6111,
 *       6102 or 6103 per malformed header</td></tr>
 *   <tr><td>not exactly the configured credentials' headers and values (missing, wrong, or mixed
 *       with another scheme's)</td><td>401</td><td>envelope, code 10000 "Authentication
 *       error"</td></tr>
 *   <tr><td>a method other than {@code GET}</td><td>405, {@code Allow: GET}</td><td>envelope,
 *       code 7001 "Method not allowed" (the code is this fake's choice)</td></tr>
 *   <tr><td>another account id</td><td>403</td><td>envelope, code 9109 "Unauthorized to access
 *       requested resource"</td></tr>
 *   <tr><td>{@code limit} not plain digits within 1..200, {@code offset} not plain digits, or
 *       either given twice</td><td>400</td><td>envelope, code 6004 (this fake's choice; the
 *       real code is unpublished) with a message naming the parameter and the rule</td></tr>
 *   <tr><td>{@code GET {prefix}/accounts/{account}/browser-rendering/devtools/session}</td>
 *       <td>200</td><td>bare JSON array of the page: skip {@code offset} (default 0) sessions in
 *       insertion order, then take {@code limit} (default 200)</td></tr>
 *   <tr><td>{@code GET .../session/{session_id}}</td><td>200 or 404</td><td>the session object,
 *       or {@code {"error":"Session not found"}}</td></tr>
 * </table>
 *
 * <p>The envelope is {@code {"success":false,"errors":[...],"messages":[],"result":null}}. Every
 * response carries {@code Content-Type: application/json} and a {@code cf-ray} header such as
 * {@code 8f1c2d3e4f5a6b7c-SJC}, distinct per request. Paths are matched still percent-encoded and
 * the account and session ids then decoded, so an id holding {@code /} travels as {@code %2F}.
 * Headers other than the credential ones, and unknown query parameters, are ignored. Sessions are
 * written with the configured {@link JsonCodec}; error bodies are written by the fake itself, so a
 * faulty codec cannot disguise them.
 *
 * <h2>Faults</h2>
 *
 * <p>{@link #faults()} scripts misbehaviour for the requests that come through {@link
 * #asTransport()} or {@link #start()}: error statuses, delays, stalled, truncated or reset
 * responses, bodies that are not JSON, redirects, an ignored {@code offset}, side effects such as
 * closing sessions mid-walk; see {@link Fault}. Each faulty request is still recorded in the
 * journal, as it was sent.
 *
 * <pre>{@code
 * api.faults().next(Fault.rateLimited(Duration.ofSeconds(1)), Fault.resetConnection());
 * }</pre>
 *
 * <p>Instances are thread-safe.
 */
public final class FakeDevtoolsApi {

  /** The account id used when none is given: {@value}. */
  public static final String DEFAULT_ACCOUNT_ID = "0123456789abcdef0123456789abcdef";

  /** The API token the default credentials carry: {@value}. */
  public static final String DEFAULT_API_TOKEN = "test-token";

  /** The path prefix used when none is given: {@value}, as on {@code api.cloudflare.com}. */
  public static final String DEFAULT_PATH_PREFIX = "/client/v4";

  private static final String JSON = "application/json";

  private final JsonCodec codec;
  private final String accountId;
  private final Credentials credentials;
  private final String pathPrefix;
  private final Clock clock;
  private final AuthenticationCheck authentication;
  private final RayIds rayIds = new RayIds();
  private final FaultPlan faults = new FaultPlan();

  private final Object sessionsLock = new Object();
  private final Map<String, Session> sessions = new LinkedHashMap<>();

  private final Object journalLock = new Object();
  private final List<RecordedRequest> journal = new ArrayList<>();

  private FakeDevtoolsApi(Builder b) {
    this.codec = b.codec;
    this.accountId = b.accountId;
    this.credentials = b.credentials;
    this.pathPrefix = b.pathPrefix;
    this.clock = b.clock;
    this.authentication = AuthenticationCheck.of(b.credentials);
  }

  /** A builder with the defaults; only the codec must be given. */
  public static Builder builder() {
    return new Builder();
  }

  /** The account id whose sessions the fake serves. */
  public String accountId() {
    return accountId;
  }

  /** The credentials a request must carry. */
  public Credentials credentials() {
    return credentials;
  }

  /** The raw path prefix the routes sit under, such as {@code /client/v4}; may be empty. */
  public String pathPrefix() {
    return pathPrefix;
  }

  // ---------------------------------------------------------------- requests

  /**
   * Answers one request as the real service would, and records it in the journal first, whatever
   * the answer. Only the request's method, URI path and query, and headers matter; its scheme,
   * host, timeout and body cap are ignored. The {@linkplain #faults() fault plan} is not consulted:
   * faults act on the way to the client, through {@link #asTransport()} and {@link #start()}.
   *
   * @throws RuntimeException whatever the codec throws while writing sessions
   */
  public TransportResponse handle(TransportRequest request) {
    Objects.requireNonNull(request, "request");
    recordArrival(request);
    return respond(request, rayIds.next());
  }

  /**
   * Records the request, then answers it with the fault the plan picks for it applied: what the
   * in-memory transport and the server both act out.
   *
   * @throws RuntimeException whatever the codec or the fault's side effect throws
   */
  Answer serve(TransportRequest request) {
    Objects.requireNonNull(request, "request");
    Fault fault = faults.take(recordArrival(request));
    for (Runnable sideEffect : fault.sideEffects()) {
      sideEffect.run();
    }
    String ray = rayIds.next();
    TransportResponse response;
    Optional<Fault.Replacement> replacement = fault.replacement();
    if (replacement.isPresent()) {
      Fault.Replacement r = replacement.get();
      Headers.Builder headers = r.headers().toBuilder();
      if (r.headers().firstValue("cf-ray").isEmpty()) {
        headers.add("cf-ray", ray);
      }
      response = new TransportResponse(r.status(), headers.build(), r.body().clone());
    } else {
      response = respond(fault.ignoresOffset() ? withoutOffset(request) : request, ray);
    }
    Optional<String> contentType = fault.contentTypeOverride();
    if (contentType.isPresent()) {
      response =
          new TransportResponse(
              response.statusCode(),
              response.headers().toBuilder().set("Content-Type", contentType.get()).build(),
              response.body());
    }
    return new Answer(response, fault.headerDelay(), fault.delivery(), fault.stall());
  }

  private RecordedRequest recordArrival(TransportRequest request) {
    RecordedRequest recorded =
        new RecordedRequest(request.method(), request.uri(), request.headers(), clock.instant());
    record(recorded);
    return recorded;
  }

  /** The request with every {@code offset} parameter taken out of its query. */
  private static TransportRequest withoutOffset(TransportRequest request) {
    URI uri = request.uri();
    String rawQuery = uri.getRawQuery();
    if (rawQuery == null) {
      return request;
    }
    StringJoiner kept = new StringJoiner("&");
    for (String pair : rawQuery.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = PercentDecoding.queryComponent(eq < 0 ? pair : pair.substring(0, eq));
      if (!name.equals("offset")) {
        kept.add(pair);
      }
    }
    String text = uri.toString();
    String beforeQuery = text.substring(0, text.indexOf('?'));
    String fragment = uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment();
    URI rewritten = URI.create(beforeQuery + (kept.length() == 0 ? "" : "?" + kept) + fragment);
    return new TransportRequest(
        request.method(), rewritten, request.headers(), request.timeout(), request.maxBodyBytes());
  }

  private TransportResponse respond(TransportRequest request, String ray) {
    Optional<Route> found = Route.match(pathPrefix, request.uri().getRawPath());
    if (found.isEmpty()) {
      return json(404, ErrorBodies.envelope(7003, "No route for the URI"), ray);
    }
    List<CloudflareError> malformed = AuthenticationCheck.formatProblems(request.headers());
    if (!malformed.isEmpty()) {
      CloudflareError error =
          new CloudflareError(OptionalInt.of(6003), "Invalid request headers", malformed);
      return json(400, ErrorBodies.envelope(List.of(error)), ray);
    }
    if (!authentication.authenticates(request.headers())) {
      return json(401, ErrorBodies.envelope(10000, "Authentication error"), ray);
    }
    if (!request.method().equals("GET")) {
      return new TransportResponse(
          405,
          baseHeaders(ray).add("Allow", "GET").build(),
          ErrorBodies.envelope(7001, "Method not allowed"));
    }
    Route route = found.get();
    if (!route.accountId().equals(accountId)) {
      return json(
          403, ErrorBodies.envelope(9109, "Unauthorized to access requested resource"), ray);
    }
    if (route.sessionId().isPresent()) {
      Optional<Session> session = session(route.sessionId().get());
      return session.isPresent()
          ? json(200, codec.writeSession(session.get()), ray)
          : json(404, ErrorBodies.bareError("Session not found"), ray);
    }
    PageQuery page;
    try {
      page = PageQuery.parse(request.uri().getRawQuery());
    } catch (IllegalArgumentException e) {
      return json(400, ErrorBodies.envelope(6004, e.getMessage()), ray);
    }
    return json(200, codec.writeSessions(page(page.offset(), page.limit())), ray);
  }

  /** The 500 the server sends when answering failed: envelope, code 2000 "Internal Error". */
  TransportResponse internalError() {
    return json(500, ErrorBodies.envelope(2000, "Internal Error"), rayIds.next());
  }

  private static Headers.Builder baseHeaders(String ray) {
    return Headers.builder().add("Content-Type", JSON).add("cf-ray", ray);
  }

  private static TransportResponse json(int status, byte[] body, String ray) {
    return new TransportResponse(status, baseHeaders(ray).build(), body);
  }

  private void record(RecordedRequest request) {
    synchronized (journalLock) {
      journal.add(request);
    }
  }

  /** Every request served so far, refused ones included, in the order they arrived. */
  public List<RecordedRequest> requests() {
    synchronized (journalLock) {
      return List.copyOf(journal);
    }
  }

  /** Empties the journal. */
  public void clearRequests() {
    synchronized (journalLock) {
      journal.clear();
    }
  }

  /**
   * The plan of {@linkplain Fault faults} this fake applies to the requests that come through
   * {@link #asTransport()} and {@link #start()}; empty until a test fills it.
   */
  public FaultPlan faults() {
    return faults;
  }

  /**
   * A new transport that answers every request in memory, without a socket, as the server would
   * over HTTP: faults from {@link #faults()} included, and with a real transport's failures.
   *
   * <ul>
   *   <li>A header delay or a stall waits for real, but no longer than the request's {@linkplain
   *       TransportRequest#timeout() timeout}, which bounds the whole exchange: past it, the call
   *       ends in {@link io.github.devtoolssessions.core.ResponseTimeoutException}.
   *   <li>A reset, a truncated body, and a stalled body once its stall is over end in {@link
   *       io.github.devtoolssessions.core.TransportException}.
   *   <li>A body longer than the request's cap ends in {@link ResponseTooLargeException}.
   *   <li>A body a fault encoded with gzip ({@link Fault#gzipBomb}, or {@link Fault#status(int,
   *       byte[], Headers)} with {@code Content-Encoding: gzip}) is decoded, as the real transports
   *       decode it: the cap applies to the decoded size, and the response loses {@code
   *       Content-Encoding}; a corrupt gzip body, or one in another coding, ends in {@link
   *       io.github.devtoolssessions.core.TransportException}. Bodies are never compressed in
   *       memory.
   * </ul>
   *
   * <p>{@code send} answers on the calling thread and waits there; interrupting it aborts the wait,
   * keeps the interrupt flag and throws a {@code TransportException}. {@code sendAsync} never
   * blocks its caller: the request is answered on the transport's own daemon threads (named {@code
   * fake-devtools-transport-...}, started on demand), and the returned future completes with the
   * response or, directly, with one of the exceptions above; cancelling it ends the wait. If the
   * fake's codec or a fault's side effect throws, {@code send} throws that exception and the future
   * fails with it. {@link HttpTransport#close() close()} fails the exchanges still waiting with a
   * {@code TransportException} and stops the threads; sending afterwards throws {@link
   * IllegalStateException}.
   */
  public HttpTransport asTransport() {
    return new InMemoryTransport(this);
  }

  /**
   * Serves this fake over HTTP on {@code 127.0.0.1} at an ephemeral port; the server shares this
   * fake's sessions and journal, and gzip-compresses bodies for requests that accept gzip. Close
   * the server when done.
   *
   * @throws java.io.UncheckedIOException if the server cannot bind
   */
  public FakeDevtoolsServer start() {
    return start(FakeDevtoolsServer.Compression.WHEN_ASKED);
  }

  /**
   * Serves this fake over HTTP as {@link #start()} does, compressing bodies as told: {@link
   * FakeDevtoolsServer.Compression#NEVER} lets a test or a benchmark compare the same exchanges
   * without compression.
   *
   * @throws java.io.UncheckedIOException if the server cannot bind
   */
  public FakeDevtoolsServer start(FakeDevtoolsServer.Compression compression) {
    Objects.requireNonNull(compression, "compression");
    return FakeDevtoolsServer.start(this, compression);
  }

  // ---------------------------------------------------------------- sessions

  /**
   * Adds a session after the ones already stored.
   *
   * @throws IllegalArgumentException if a session with its id is already stored
   */
  public void addSession(Session session) {
    addSessions(List.of(session));
  }

  /**
   * Adds sessions, in the collection's order, after the ones already stored; all or none.
   *
   * @throws IllegalArgumentException if an id is already stored or occurs twice in {@code sessions}
   */
  public void addSessions(Collection<Session> sessions) {
    List<Session> toAdd = List.copyOf(sessions);
    synchronized (sessionsLock) {
      Map<String, Session> added = new LinkedHashMap<>();
      for (Session s : toAdd) {
        if (this.sessions.containsKey(s.sessionId()) || added.put(s.sessionId(), s) != null) {
          throw new IllegalArgumentException(
              "a session with id " + s.sessionId() + " is already stored; ids must be unique");
        }
      }
      this.sessions.putAll(added);
    }
  }

  /**
   * Removes a session.
   *
   * @return whether a session with that id was stored
   */
  public boolean removeSession(String sessionId) {
    Objects.requireNonNull(sessionId, "sessionId");
    synchronized (sessionsLock) {
      return sessions.remove(sessionId) != null;
    }
  }

  /**
   * Closes a session normally at {@code at}, as the service does when its last connection ends:
   * sets {@code endTime}, {@code connectionEndTime} and {@code lastUpdated} to {@code at}, {@code
   * closeReason} to the number 1000 and {@code closeReasonText} to {@code NormalClosure}. The
   * session keeps its place in the list.
   *
   * @return the closed session as now stored
   * @throws NoSuchElementException if no session has that id
   * @throws IllegalStateException if the session is already closed
   */
  public Session closeSession(String sessionId, Instant at) {
    Objects.requireNonNull(sessionId, "sessionId");
    Timestamp time = Timestamp.of(at);
    synchronized (sessionsLock) {
      Session current = sessions.get(sessionId);
      if (current == null) {
        throw new NoSuchElementException("no session with id " + sessionId + " is stored");
      }
      if (current.isClosed()) {
        throw new IllegalStateException("session " + sessionId + " is already closed");
      }
      Session closed =
          current.toBuilder()
              .endTime(time)
              .connectionEndTime(time)
              .lastUpdated(time)
              .closeReason(CloseReason.ofNumber(1000))
              .closeReasonText("NormalClosure")
              .build();
      sessions.put(sessionId, closed);
      return closed;
    }
  }

  /** The stored sessions, in the order they were added. */
  public List<Session> sessions() {
    synchronized (sessionsLock) {
      return List.copyOf(sessions.values());
    }
  }

  /** Removes every session. */
  public void clearSessions() {
    synchronized (sessionsLock) {
      sessions.clear();
    }
  }

  private Optional<Session> session(String sessionId) {
    synchronized (sessionsLock) {
      return Optional.ofNullable(sessions.get(sessionId));
    }
  }

  private List<Session> page(int offset, int limit) {
    synchronized (sessionsLock) {
      List<Session> all = new ArrayList<>(sessions.values());
      int from = Math.min(offset, all.size());
      int to = (int) Math.min((long) from + limit, all.size());
      return List.copyOf(all.subList(from, to));
    }
  }

  /** Builds a {@link FakeDevtoolsApi}. */
  public static final class Builder {
    private JsonCodec codec;
    private String accountId = DEFAULT_ACCOUNT_ID;
    private Credentials credentials = Credentials.apiToken(DEFAULT_API_TOKEN);
    private String pathPrefix = DEFAULT_PATH_PREFIX;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The codec that writes sessions into response bodies. Required. */
    public Builder codec(JsonCodec codec) {
      this.codec = Objects.requireNonNull(codec, "codec");
      return this;
    }

    /**
     * The account whose sessions the fake serves; requests for any other get 403. Default {@value
     * FakeDevtoolsApi#DEFAULT_ACCOUNT_ID}.
     *
     * @throws IllegalArgumentException if blank or holding a control character
     */
    public Builder accountId(String accountId) {
      this.accountId = AccountId.of(accountId).value();
      return this;
    }

    /**
     * The credentials every request must carry. Default {@code Credentials.apiToken("test-token")}.
     */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * The raw path the routes sit under, as it appears on the wire. Default {@value
     * FakeDevtoolsApi#DEFAULT_PATH_PREFIX}; a missing leading slash is added and trailing slashes
     * are dropped, so {@code ""} and {@code "/"} both put the routes at the root.
     *
     * @throws IllegalArgumentException if it holds {@code ?}, {@code #} or whitespace
     */
    public Builder pathPrefix(String pathPrefix) {
      Objects.requireNonNull(pathPrefix, "pathPrefix");
      for (int i = 0; i < pathPrefix.length(); i++) {
        char c = pathPrefix.charAt(i);
        if (c == '?' || c == '#' || c <= ' ' || c == 0x7F) {
          throw new IllegalArgumentException(
              "pathPrefix \""
                  + pathPrefix.replace("\"", "\\\"")
                  + "\" is invalid: it must be a raw URI path without '?', '#' or whitespace");
        }
      }
      String p = pathPrefix.startsWith("/") ? pathPrefix : "/" + pathPrefix;
      while (p.endsWith("/")) {
        p = p.substring(0, p.length() - 1);
      }
      this.pathPrefix = p;
      return this;
    }

    /** The clock that dates journal entries. Default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The fake.
     *
     * @throws IllegalStateException if no codec was given
     * @throws IllegalArgumentException if the fake would refuse its own credentials as malformed (a
     *     token or key holding whitespace, an email without {@code @})
     */
    public FakeDevtoolsApi build() {
      if (codec == null) {
        throw new IllegalStateException(
            "a codec is required: the fake writes sessions through a JsonCodec, such as the one of"
                + " the devtools-sessions-json-jackson module");
      }
      return new FakeDevtoolsApi(this);
    }
  }
}
