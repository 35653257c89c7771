package io.github.devtoolssessions.api;

import io.github.devtoolssessions.core.AccountId;
import io.github.devtoolssessions.core.ApiException;
import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.HttpTransportProvider;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.JsonCodecProvider;
import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.SessionId;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportOptions;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.internal.LibraryVersion;
import io.github.devtoolssessions.core.internal.ResponseReader;
import io.github.devtoolssessions.core.internal.SessionRequests;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

  /** The response body cap used when none is set: 4 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 4L * 1024 * 1024;

  private final AccountId accountId;
  private final URI baseUrl;
  private final Credentials.Scheme scheme;
  private final HttpTransport transport;
  private final boolean ownsTransport;
  private final SessionRequests requests;
  private final ResponseReader reader;
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
    TransportRequest request = requests.list(params);
    return reader.sessions(request, transport.send(request));
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
   * @throws ApiException if the API answers with an error status other than 404
   */
  public Optional<Session> get(String sessionId) {
    TransportRequest request = requests.get(SessionId.of(sessionId));
    return reader.session(request, transport.send(request));
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

    /** The clock that dates {@code Retry-After} headers; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
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

      JsonCodec chosenCodec = codec;
      AdapterChoice jsonChoice;
      if (chosenCodec != null) {
        jsonChoice =
            new AdapterChoice(
                "json", List.of(), codec.getClass().getName(), "given to the builder");
      } else {
        ProviderDiscovery.Chosen<JsonCodecProvider> c =
            codecDiscovery().choose(requested(codecName, JSON_PROPERTY, JSON_ENV, env));
        chosenCodec = c.provider().create();
        jsonChoice = c.choice();
      }

      HttpTransport chosenTransport = transport;
      AdapterChoice transportChoice;
      boolean owns = false;
      if (chosenTransport != null) {
        transportChoice =
            new AdapterChoice(
                "transport", List.of(), transport.getClass().getName(), "given to the builder");
      } else {
        ProviderDiscovery.Chosen<HttpTransportProvider> c =
            transportDiscovery()
                .choose(requested(transportName, TRANSPORT_PROPERTY, TRANSPORT_ENV, env));
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
