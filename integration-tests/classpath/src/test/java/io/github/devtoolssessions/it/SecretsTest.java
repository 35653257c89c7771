package io.github.devtoolssessions.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.api.AllSessionsParams;
import io.github.devtoolssessions.api.ConfigurationException;
import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.core.ApiException;
import io.github.devtoolssessions.core.AuthenticationException;
import io.github.devtoolssessions.core.BadRequestException;
import io.github.devtoolssessions.core.ConnectTimeoutException;
import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.DeadlineExceededException;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.DevtoolsSessionsException;
import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.core.NotFoundException;
import io.github.devtoolssessions.core.PagingException;
import io.github.devtoolssessions.core.PermissionDeniedException;
import io.github.devtoolssessions.core.RateLimitException;
import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.ResponseTooLargeException;
import io.github.devtoolssessions.core.ServerException;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportOptions;
import io.github.devtoolssessions.it.Probes.RecordingSleeper;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import io.github.devtoolssessions.testkit.FakeDevtoolsServer;
import io.github.devtoolssessions.testkit.Fault;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Known secret values (an API token, a global API key and its email, a user service key, and the
 * JWT in a session's DevTools URLs) never appear in what the library shows: the message, {@code
 * toString}, fields, causes, suppressed exceptions and stack trace of any exception it throws, nor
 * any line it logs at any level. Every exception type of the core and api packages is provoked,
 * with every credential scheme, on every adapter pair, including servers that echo the request's
 * credentials back in their error bodies; the test fails if a public exception type appears in
 * those packages that it does not provoke.
 */
class SecretsTest {

  // Shaped like the real ones: tokens and keys are letters and digits, which JSON parsers quote
  // whole in their messages when they meet one where a value should be.
  static final String TOKEN = "S3CRETtokenQ7f3a9c1dE5bX0";
  static final String API_KEY = "S3CRETglobalkey41b2e8aa9c";
  static final String EMAIL = "s3cret.owner@example.com";
  static final String SERVICE_KEY = "v1.0-S3CRETservicekey9d8e7f";
  static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJTM0NSRVQifQ.S3CRETjwtSignature";

  static final List<String> SECRETS = List.of(TOKEN, API_KEY, EMAIL, SERVICE_KEY, JWT);

  /** Sessions whose DevTools URLs carry the JWT, as the real service's do. */
  static final List<Session> SESSIONS =
      List.of(session("s-1"), session("s-2"), session("s-3"), session("s-4"), session("s-5"));

  private static Session session(String id) {
    return Session.builder(id)
        .devtoolsFrontendUrl(
            "https://live.browser.run/ui/view?wss=live.browser.run/v1/devtools/browser/"
                + id
                + "&jwt="
                + JWT)
        .webSocketDebuggerUrl("wss://live.browser.run/v1/devtools/browser/" + id + "?jwt=" + JWT)
        .build();
  }

  /**
   * A credential scheme, and what a server that echoes the request's credentials writes back.
   *
   * @param name the scheme's name
   * @param credentials the credentials the client sends
   * @param echo the credential headers' values as an echoing server would quote them
   */
  record Scheme(String name, Credentials credentials, String echo) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Scheme> SCHEMES =
      List.of(
          new Scheme(
              "token",
              Credentials.apiToken(TOKEN),
              "Authorization: Bearer " + TOKEN + " (token " + TOKEN + ")"),
          new Scheme(
              "email+key",
              Credentials.apiKey(EMAIL, API_KEY),
              "X-Auth-Email: " + EMAIL + ", X-Auth-Key: " + API_KEY),
          new Scheme(
              "user service key",
              Credentials.userServiceKey(SERVICE_KEY),
              "X-Auth-User-Service-Key: " + SERVICE_KEY));

  /**
   * Where a scenario runs.
   *
   * @param transport the transport
   * @param codec the client's codec
   * @param scheme the credentials
   */
  record Env(Adapters.Transport transport, Adapters.Codec codec, Scheme scheme) {
    @Override
    public String toString() {
      return transport + " x " + codec + " with " + scheme;
    }
  }

  /**
   * One way to make the library throw.
   *
   * @param name what is done
   * @param expected the exact exception type it must end in
   * @param provoke does it and returns what was thrown
   */
  record Scenario(
      String name, Class<? extends Throwable> expected, Function<Env, Throwable> provoke) {}

  // ---------------------------------------------------------------- log capture

  /** The library's logger, held so that the level set on it sticks. */
  private static final Logger LIBRARY_LOG = Logger.getLogger("io.github.devtoolssessions");

  private final List<String> logLines = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
          StringBuilder line =
              new StringBuilder(record.getLevel().getName())
                  .append(' ')
                  .append(record.getLoggerName())
                  .append(' ')
                  .append(formatter.formatMessage(record));
          if (record.getThrown() != null) {
            line.append('\n').append(stackTrace(record.getThrown()));
          }
          logLines.add(line.toString());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level levelBefore;
  private boolean parentHandlersBefore;

  @BeforeEach
  void captureLogs() {
    levelBefore = LIBRARY_LOG.getLevel();
    parentHandlersBefore = LIBRARY_LOG.getUseParentHandlers();
    // Every level, DEBUG (FINE) and TRACE (FINER) included; not echoed to the console.
    LIBRARY_LOG.setLevel(Level.ALL);
    LIBRARY_LOG.setUseParentHandlers(false);
    capture.setLevel(Level.ALL);
    LIBRARY_LOG.addHandler(capture);
    // Whatever else logs through JUL meanwhile (the JDK's own HTTP client) is caught too.
    Logger.getLogger("").addHandler(capture);
  }

  @AfterEach
  void releaseLogs() {
    Logger.getLogger("").removeHandler(capture);
    LIBRARY_LOG.removeHandler(capture);
    LIBRARY_LOG.setUseParentHandlers(parentHandlersBefore);
    LIBRARY_LOG.setLevel(levelBefore);
  }

  // ---------------------------------------------------------------- what is shown

  static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  /**
   * Everything an exception shows: its stack trace (message, causes, suppressed exceptions, each
   * with its {@code toString}), and for API errors the fields a caller may print.
   */
  static String shown(Throwable t) {
    StringBuilder sb = new StringBuilder(stackTrace(t));
    List<Throwable> all = new ArrayList<>();
    collect(t, all);
    for (Throwable each : all) {
      sb.append('\n').append(each.getLocalizedMessage()).append('\n').append(each);
      if (each instanceof ApiException) {
        ApiException e = (ApiException) each;
        sb.append('\n').append(e.errors()).append(e.bodyExcerpt()).append(e.cfRay());
      }
    }
    return sb.toString();
  }

  private static void collect(Throwable t, List<Throwable> into) {
    if (t == null || into.contains(t)) {
      return;
    }
    into.add(t);
    collect(t.getCause(), into);
    for (Throwable s : t.getSuppressed()) {
      collect(s, into);
    }
  }

  /** The secrets found in the text, as written or percent-encoded, ignoring case. */
  static List<String> secretsIn(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> found = new ArrayList<>();
    for (String secret : SECRETS) {
      String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
      if (lower.contains(secret.toLowerCase(Locale.ROOT))
          || lower.contains(encoded.toLowerCase(Locale.ROOT))) {
        found.add(secret);
      }
    }
    return found;
  }

  // ---------------------------------------------------------------- making calls

  static String envelope(int code, String message) {
    return "{\"success\":false,\"errors\":[{\"code\":"
        + code
        + ",\"message\":\""
        + message.replace("\"", "'")
        + "\",\"error_chain\":[{\"code\":"
        + (code + 1)
        + ",\"message\":\"again: "
        + message.replace("\"", "'")
        + "\"}]}],\"messages\":[{\"code\":1,\"message\":\""
        + message.replace("\"", "'")
        + "\"}],\"result\":null}";
  }

  private static FakeDevtoolsApi fake(Env env) {
    FakeDevtoolsApi fake =
        FakeDevtoolsApi.builder()
            .codec(JacksonJsonCodec.create())
            .credentials(env.scheme().credentials())
            .build();
    fake.addSessions(SESSIONS);
    return fake;
  }

  private static DevtoolsSessionsClient.Builder builder(
      Env env, URI baseUrl, HttpTransport transport) {
    return DevtoolsSessionsClient.builder()
        .accountId(FakeDevtoolsApi.DEFAULT_ACCOUNT_ID)
        .credentials(env.scheme().credentials())
        .baseUrl(baseUrl)
        .transport(transport)
        .jsonCodec(env.codec().create())
        .timeout(Duration.ofMillis(300))
        .maxRetries(1)
        .sleeper(new RecordingSleeper());
  }

  /** What a call to the client throws; fails the test if it throws nothing. */
  private static Throwable thrownBy(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected the call to throw");
  }

  /**
   * Lists sessions (blocking, or async when asked) from a fake with the given faults, and returns
   * what that throws.
   */
  private static Throwable listFails(
      Env env,
      Consumer<FakeDevtoolsApi> setUp,
      Consumer<DevtoolsSessionsClient.Builder> configure,
      boolean async) {
    FakeDevtoolsApi fake = fake(env);
    setUp.accept(fake);
    try (FakeDevtoolsServer server = fake.start();
        HttpTransport transport = env.transport().create()) {
      DevtoolsSessionsClient.Builder b = builder(env, server.baseUrl(), transport);
      configure.accept(b);
      DevtoolsSessionsClient client = b.build();
      if (async) {
        Probes.Outcome<List<Session>> outcome =
            Probes.await(client.listAsync(ListSessionsParams.of(5, 0)), Duration.ofSeconds(20));
        if (outcome.succeeded()) {
          throw new AssertionError("expected the call to fail");
        }
        return outcome.failure();
      }
      return thrownBy(() -> client.list(ListSessionsParams.of(5, 0)));
    }
  }

  private static Throwable listFails(Env env, Fault always) {
    return listFails(env, f -> f.faults().always(always), b -> {}, false);
  }

  /** A loopback port nothing listens on: one just released. */
  private static int closedPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Connects to a listener that never accepts until its accept queue is full, so that the next
   * connection attempt gets no answer at all (Linux drops the SYN) and runs into the connect
   * timeout. The sockets that filled the queue are returned, for closing.
   */
  private static List<Socket> fillBacklog(ServerSocket listener) throws IOException {
    List<Socket> queued = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      Socket s = new Socket();
      try {
        s.connect(listener.getLocalSocketAddress(), 200);
        queued.add(s);
      } catch (SocketTimeoutException full) {
        s.close();
        return queued;
      }
    }
    for (Socket s : queued) {
      s.close();
    }
    throw new AssertionError("the accept queue never filled up: no connect timeout to provoke");
  }

  private static Throwable connectTimesOut(Env env) {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      List<Socket> queued = fillBacklog(listener);
      try (HttpTransport transport =
          env.transport().factory().apply(new TransportOptions(Duration.ofMillis(300)))) {
        URI base = URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/client/v4");
        DevtoolsSessionsClient client =
            builder(env, base, transport).timeout(Duration.ofSeconds(5)).build();
        return thrownBy(() -> client.list(ListSessionsParams.of(5, 0)));
      } finally {
        for (Socket s : queued) {
          s.close();
        }
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The client built from this environment alone, and what that throws. */
  private static Throwable configurationFails(Env env, Map<String, String> environment) {
    return thrownBy(
        () ->
            DevtoolsSessionsClient.builder()
                .environment(environment)
                .transport(env.transport().create())
                .jsonCodec(env.codec().create())
                .build());
  }

  static List<Scenario> scenarios() {
    List<Scenario> s = new ArrayList<>();
    s.add(
        new Scenario(
            "400 echoing the credentials in the v4 envelope",
            BadRequestException.class,
            env ->
                listFails(env, Fault.status(400, envelope(6003, "bad " + env.scheme().echo())))));
    s.add(
        new Scenario(
            "401 from the fake for other credentials of the same scheme",
            AuthenticationException.class,
            env ->
                listFails(
                    env,
                    f -> {},
                    b ->
                        b.credentials(
                            switch (env.scheme().name()) {
                              case "token" -> Credentials.apiToken("other" + TOKEN);
                              case "email+key" -> Credentials.apiKey(EMAIL, "other" + API_KEY);
                              default -> Credentials.userServiceKey("other" + SERVICE_KEY);
                            }),
                    false)));
    s.add(
        new Scenario(
            "401 echoing the credentials in an HTML page",
            AuthenticationException.class,
            env ->
                listFails(
                    env,
                    Fault.status(
                        401,
                        "<html><body><pre>" + env.scheme().echo() + "</pre></body></html>",
                        "Content-Type",
                        "text/html"))));
    s.add(
        new Scenario(
            "403 echoing the credentials in an error chain",
            PermissionDeniedException.class,
            env -> listFails(env, Fault.status(403, envelope(9109, env.scheme().echo())))));
    s.add(
        new Scenario(
            "404 echoing the credentials in a bare error",
            NotFoundException.class,
            env ->
                listFails(
                    env,
                    Fault.status(
                        404, "{\"error\":\"" + env.scheme().echo().replace("\"", "'") + "\"}"))));
    s.add(
        new Scenario(
            "429 beyond the wait cap echoing the credentials",
            RateLimitException.class,
            env ->
                listFails(
                    env,
                    Fault.status(429, envelope(971, env.scheme().echo()), "Retry-After", "120"))));
    s.add(
        new Scenario(
            "500 echoing the credentials in HTML on every attempt, async",
            ServerException.class,
            env ->
                listFails(
                    env,
                    f ->
                        f.faults()
                            .always(
                                Fault.status(
                                    500,
                                    "<html>" + env.scheme().echo() + "</html>",
                                    "Content-Type",
                                    "text/html")),
                    b -> {},
                    true)));
    s.add(
        new Scenario(
            "418 echoing the credentials",
            ApiException.class,
            env -> listFails(env, Fault.status(418, envelope(1, env.scheme().echo())))));
    s.add(
        new Scenario(
            "connection reset on every attempt",
            TransportException.class,
            env -> listFails(env, Fault.resetConnection())));
    s.add(
        new Scenario(
            "connection refused",
            TransportException.class,
            env -> {
              try (HttpTransport transport = env.transport().create()) {
                URI base = URI.create("http://127.0.0.1:" + closedPort() + "/client/v4");
                DevtoolsSessionsClient client = builder(env, base, transport).build();
                return thrownBy(() -> client.list(ListSessionsParams.of(5, 0)));
              }
            }));
    s.add(
        new Scenario(
            "connect timeout (full accept queue)",
            ConnectTimeoutException.class,
            SecretsTest::connectTimesOut));
    s.add(
        new Scenario(
            "headers held back past the timeout",
            ResponseTimeoutException.class,
            env -> listFails(env, Fault.delayHeaders(Duration.ofSeconds(5)))));
    s.add(
        new Scenario(
            "sessions with JWTs over the size cap",
            ResponseTooLargeException.class,
            env -> listFails(env, f -> {}, b -> b.maxResponseBytes(300), false)));
    s.add(
        new Scenario(
            "200 with sessions carrying JWTs, then an unquoted JWT",
            DecodingException.class,
            env ->
                listFails(
                    env,
                    Fault.status(
                        200,
                        "[{\"sessionId\":\"a\",\"devtoolsFrontendUrl\":\"https://x/?jwt="
                            + JWT
                            + "\"},{\"sessionId\":\"b\",\"webSocketDebuggerUrl\":"
                            + JWT
                            + "}]"))));
    s.add(
        new Scenario(
            "200 with a JWT where a time should be",
            DecodingException.class,
            env ->
                listFails(
                    env,
                    Fault.status(200, "[{\"sessionId\":\"a\",\"startTime\":\"" + JWT + "\"}]"))));
    s.add(
        new Scenario(
            "429 whose wait ends past the deadline, echoing the credentials",
            DeadlineExceededException.class,
            env ->
                listFails(
                    env,
                    f ->
                        f.faults()
                            .always(
                                Fault.status(
                                    429, envelope(971, env.scheme().echo()), "Retry-After", "30")),
                    b -> b.deadline(Duration.ofSeconds(5)),
                    false)));
    s.add(
        new Scenario(
            "a server that ignores offset, pages full of JWTs",
            PagingException.class,
            env -> {
              FakeDevtoolsApi fake = fake(env);
              fake.faults().always(Fault.ignoreOffset());
              try (FakeDevtoolsServer server = fake.start();
                  HttpTransport transport = env.transport().create()) {
                DevtoolsSessionsClient client = builder(env, server.baseUrl(), transport).build();
                return thrownBy(
                    () -> {
                      try (Stream<Session> all =
                          client.streamAll(AllSessionsParams.builder().pageSize(2).build())) {
                        all.forEach(x -> {});
                      }
                    });
              }
            }));
    s.add(
        new Scenario(
            "an environment whose token has a line break",
            ConfigurationException.class,
            env ->
                configurationFails(
                    env,
                    Map.of(
                        "CLOUDFLARE_ACCOUNT_ID",
                        FakeDevtoolsApi.DEFAULT_ACCOUNT_ID,
                        "CLOUDFLARE_API_TOKEN",
                        TOKEN + "\nX",
                        "CLOUDFLARE_BASE_URL",
                        "http://127.0.0.1:9/client/v4"))));
    s.add(
        new Scenario(
            "an environment whose email has a line break",
            ConfigurationException.class,
            env ->
                configurationFails(
                    env,
                    Map.of(
                        "CLOUDFLARE_ACCOUNT_ID",
                        FakeDevtoolsApi.DEFAULT_ACCOUNT_ID,
                        "CLOUDFLARE_EMAIL",
                        EMAIL + "\r\nX-Injected: 1",
                        "CLOUDFLARE_API_KEY",
                        API_KEY))));
    s.add(
        new Scenario(
            "an environment with a key but no email",
            ConfigurationException.class,
            env ->
                configurationFails(
                    env,
                    Map.of(
                        "CLOUDFLARE_ACCOUNT_ID",
                        FakeDevtoolsApi.DEFAULT_ACCOUNT_ID,
                        "CLOUDFLARE_API_KEY",
                        API_KEY))));
    s.add(
        new Scenario(
            "an environment whose base URL has the token as user info",
            ConfigurationException.class,
            env ->
                configurationFails(
                    env,
                    Map.of(
                        "CLOUDFLARE_ACCOUNT_ID",
                        FakeDevtoolsApi.DEFAULT_ACCOUNT_ID,
                        "CLOUDFLARE_API_TOKEN",
                        TOKEN,
                        "CLOUDFLARE_BASE_URL",
                        "https://" + TOKEN + "@api.cloudflare.com/v4"))));
    s.add(
        new Scenario(
            "a token with a line break",
            IllegalArgumentException.class,
            env -> thrownBy(() -> Credentials.apiToken(TOKEN + "\r\nX-Injected: 1"))));
    s.add(
        new Scenario(
            "a key with a non-ASCII character",
            IllegalArgumentException.class,
            env -> thrownBy(() -> Credentials.apiKey(EMAIL, API_KEY + "\u00e9"))));
    s.add(
        new Scenario(
            "an email with a control character",
            IllegalArgumentException.class,
            env -> thrownBy(() -> Credentials.apiKey(EMAIL + "\u0000", API_KEY))));
    s.add(
        new Scenario(
            "a user service key with a tab",
            IllegalArgumentException.class,
            env -> thrownBy(() -> Credentials.userServiceKey(SERVICE_KEY + "\t"))));
    s.add(
        new Scenario(
            "a base URL with the token as user info",
            IllegalArgumentException.class,
            env ->
                thrownBy(
                    () ->
                        DevtoolsSessionsClient.builder()
                            .baseUrl("https://" + TOKEN + "@api.cloudflare.com/client/v4"))));
    return s;
  }

  /**
   * Runs the scenarios on every adapter pair with every scheme; the secrets each shows, in its
   * exception or in the log lines written meanwhile, by where they were shown.
   */
  private Map<String, List<String>> leaksOf(List<Scenario> scenarios, Set<Class<?>> provoked) {
    Map<String, List<String>> leaks = new LinkedHashMap<>();
    for (Adapters.Transport transport : Adapters.TRANSPORTS) {
      for (Adapters.Codec codec : Adapters.CODECS) {
        for (Scheme scheme : SCHEMES) {
          Env env = new Env(transport, codec, scheme);
          for (Scenario scenario : scenarios) {
            Throwable thrown = scenario.provoke().apply(env);
            assertThat(thrown)
                .as("%s: %s", env, scenario.name())
                .isExactlyInstanceOf(scenario.expected());
            provoked.add(thrown.getClass());
            List<String> found = secretsIn(shown(thrown));
            if (!found.isEmpty()) {
              leaks.put(env + ": " + scenario.name() + " -> " + thrown, found);
            }
          }
        }
      }
    }
    for (String line : logLines) {
      List<String> found = secretsIn(line);
      if (!found.isEmpty()) {
        leaks.put("log: " + line, found);
      }
    }
    return leaks;
  }

  @Test
  void noExceptionTypeShowsASecretInItsMessageToStringCausesOrLogs() {
    Set<Class<?>> provoked = new LinkedHashSet<>();
    Map<String, List<String>> leaks = leaksOf(scenarios(), provoked);

    assertThat(leaks).as("secrets shown").isEmpty();
    // The capture worked: attempts at DEBUG (FINE), retries at INFO, failures at WARNING.
    assertThat(logLines).anyMatch(l -> l.startsWith("FINE io.github.devtoolssessions"));
    assertThat(logLines).anyMatch(l -> l.startsWith("INFO io.github.devtoolssessions"));
    assertThat(logLines).anyMatch(l -> l.startsWith("WARNING io.github.devtoolssessions"));
    // The root type is never thrown as itself; every concrete type below it must be.
    Set<String> required = exceptionTypes();
    required.remove(DevtoolsSessionsException.class.getName());
    required.add(IllegalArgumentException.class.getName());
    Set<String> provokedNames =
        provoked.stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
    assertThat(provokedNames).as("exception types provoked").containsAll(required);
  }

  /**
   * A 2xx body that is not JSON and starts with a bare word (an echoing proxy that answers with the
   * credential it was sent, say): Jackson's parse error quotes that word whole, up to 256
   * characters, so the jackson codec must neither pass that text on nor keep the parser's exception
   * as the cause; the message is logged at WARNING too. The jsonb codec names only the character.
   */
  @Test
  void aBodyThatIsABareCredentialIsNotQuotedInTheDecodingError() {
    List<Scenario> bare =
        List.of(
            new Scenario(
                "200 whose body is the echoed credential, bare",
                DecodingException.class,
                env ->
                    listFails(
                        env,
                        Fault.status(
                            200,
                            switch (env.scheme().name()) {
                              case "token" -> TOKEN;
                              case "email+key" -> API_KEY;
                              default -> SERVICE_KEY;
                            }))));
    assertThat(leaksOf(bare, new LinkedHashSet<>())).as("secrets shown").isEmpty();
  }

  /**
   * A base URL that is not a valid URI, with a token as user info: the {@link
   * IllegalArgumentException} (and the {@link ConfigurationException} made from it for {@code
   * CLOUDFLARE_BASE_URL}) shows the value with the user info masked, and keeps no {@link
   * URISyntaxException} cause, whose message would quote it whole.
   */
  @Test
  void anUnparsableBaseUrlDoesNotShowItsUserInfo() {
    String unparsable = "https://" + TOKEN + "@api cloudflare.com/client/v4";
    List<Scenario> baseUrls =
        List.of(
            new Scenario(
                "a base URL with the token as user info and a space in the host",
                IllegalArgumentException.class,
                env -> thrownBy(() -> DevtoolsSessionsClient.builder().baseUrl(unparsable))),
            new Scenario(
                "an environment with that base URL",
                ConfigurationException.class,
                env ->
                    configurationFails(
                        env,
                        Map.of(
                            "CLOUDFLARE_ACCOUNT_ID",
                            FakeDevtoolsApi.DEFAULT_ACCOUNT_ID,
                            "CLOUDFLARE_API_TOKEN",
                            TOKEN,
                            "CLOUDFLARE_BASE_URL",
                            unparsable))));
    assertThat(leaksOf(baseUrls, new LinkedHashSet<>())).as("secrets shown").isEmpty();
  }

  /**
   * Response headers a server echoes the request's credentials into: {@code cf-ray} goes into every
   * {@link ApiException} message, and {@code cf-ray}, {@code location}, {@code content-type} and
   * {@code retry-after} into the DEBUG line of each attempt; both are scrubbed of the request's
   * secrets like the body is.
   */
  @Test
  void credentialsEchoedInResponseHeadersAreNotShown() {
    List<Scenario> echoes =
        List.of(
            new Scenario(
                "401 with the credentials echoed in cf-ray",
                AuthenticationException.class,
                env ->
                    listFails(
                        env,
                        Fault.status(
                            401,
                            envelope(10000, "Authentication error"),
                            "cf-ray",
                            echoedSecret(env)))),
            new Scenario(
                "302 with the credentials echoed in the Location path",
                ApiException.class,
                env ->
                    listFails(
                        env,
                        Fault.status(
                            302, "", "Location", "http://localhost:9/echo/" + echoedSecret(env)))),
            new Scenario(
                "503 with the credentials echoed in Content-Type and Retry-After",
                ServerException.class,
                env ->
                    listFails(
                        env,
                        Fault.status(
                            503,
                            "<html>down</html>",
                            "Content-Type",
                            "text/html; echo=" + echoedSecret(env),
                            "Retry-After",
                            echoedSecret(env)))));
    assertThat(leaksOf(echoes, new LinkedHashSet<>())).as("secrets shown").isEmpty();
  }

  /** The secret of the scheme a header-echoing server would repeat. */
  private static String echoedSecret(Env env) {
    return switch (env.scheme().name()) {
      case "token" -> TOKEN;
      case "email+key" -> API_KEY;
      default -> SERVICE_KEY;
    };
  }

  /**
   * The public, concrete exception types of the core and api packages, read from the classes of
   * their jars (or build directories), so that a new one cannot go untested.
   */
  static Set<String> exceptionTypes() {
    Set<String> types = new TreeSet<>();
    for (Class<?> anchor : List.of(DevtoolsSessionsException.class, ConfigurationException.class)) {
      String pkg = anchor.getPackageName();
      for (String name : classNames(anchor)) {
        if (!name.startsWith(pkg + ".") || name.substring(pkg.length() + 1).contains(".")) {
          continue; // another package, such as core.internal
        }
        Class<?> type;
        try {
          type = Class.forName(name, false, anchor.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new AssertionError(e);
        }
        if (Throwable.class.isAssignableFrom(type)
            && Modifier.isPublic(type.getModifiers())
            && !Modifier.isAbstract(type.getModifiers())) {
          types.add(name);
        }
      }
    }
    assertThat(types).as("exception types found").hasSizeGreaterThan(10);
    return types;
  }

  /** The names of the classes in the jar or directory that holds the anchor class. */
  private static List<String> classNames(Class<?> anchor) {
    try {
      Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      List<String> names = new ArrayList<>();
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.walk(location)) {
          files
              .map(location::relativize)
              .map(Path::toString)
              .filter(n -> n.endsWith(".class"))
              .forEach(n -> names.add(className(n.replace(File.separatorChar, '/'))));
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          Enumeration<JarEntry> entries = jar.entries();
          while (entries.hasMoreElements()) {
            String n = entries.nextElement().getName();
            if (n.endsWith(".class") && !n.startsWith("META-INF/")) {
              names.add(className(n));
            }
          }
        }
      }
      return names;
    } catch (IOException | URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  private static String className(String path) {
    return path.substring(0, path.length() - ".class".length()).replace('/', '.');
  }
}
