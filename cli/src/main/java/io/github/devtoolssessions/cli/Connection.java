package io.github.devtoolssessions.cli;

import io.github.devtoolssessions.api.ConfigurationException;
import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import io.github.devtoolssessions.testkit.FakeDevtoolsServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A client configured from the command line and the environment, talking to Cloudflare, or, when
 * neither credentials nor a base URL are set, to an embedded fake served on a loopback port (so
 * that the real transport and codec run, as they would against Cloudflare). Closing it closes the
 * client and stops the fake.
 */
final class Connection implements AutoCloseable {

  static final String ACCOUNT_ID = "CLOUDFLARE_ACCOUNT_ID";
  static final String BASE_URL = "CLOUDFLARE_BASE_URL";
  static final String API_TOKEN = "CLOUDFLARE_API_TOKEN";
  static final String EMAIL = "CLOUDFLARE_EMAIL";
  static final String API_KEY = "CLOUDFLARE_API_KEY";
  static final String USER_SERVICE_KEY = "CLOUDFLARE_API_USER_SERVICE_KEY";

  /** Any of these set means the user means Cloudflare, even if the set is incomplete. */
  private static final List<String> CREDENTIAL_VARIABLES =
      List.of(API_TOKEN, EMAIL, API_KEY, USER_SERVICE_KEY);

  /** How many sessions the embedded fake serves: a screenful. */
  static final int EMBEDDED_SESSIONS = 25;

  /** Java's own default; a shorter --timeout shortens it too. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final DevtoolsSessionsClient client;
  private final FakeDevtoolsServer embedded;
  private final Sources sources;

  /**
   * Where each setting came from, in words, for doctor.
   *
   * @param baseUrl {@code --base-url}, {@code CLOUDFLARE_BASE_URL}, {@code default} or the fake
   * @param accountId {@code --account-id}, {@code CLOUDFLARE_ACCOUNT_ID} or the fake's default
   * @param credentials which variables hold the credentials, or the fake's token
   */
  record Sources(String baseUrl, String accountId, String credentials) {}

  private Connection(DevtoolsSessionsClient client, FakeDevtoolsServer embedded, Sources sources) {
    this.client = client;
    this.embedded = embedded;
    this.sources = sources;
  }

  /**
   * Builds the client the options and the environment describe.
   *
   * @throws ConfigurationException if a setting is missing or invalid, or an adapter is not present
   */
  static Connection open(ClientOptions options, Invocation inv) {
    DevtoolsSessionsClient.Builder builder =
        DevtoolsSessionsClient.builder().environment(inv.environment());
    if (options.transport != null) {
      builder.transportName(present("--transport", options.transport, Adapters.transportNames()));
    }
    if (options.json != null) {
      builder.jsonCodecName(present("--json", options.json, Adapters.codecNames()));
    }
    if (options.maxRetries != null) {
      builder.maxRetries(options.maxRetries);
    }
    if (options.timeout != null) {
      builder.timeout(options.timeout);
      builder.connectTimeout(
          options.timeout.compareTo(CONNECT_TIMEOUT) < 0 ? options.timeout : CONNECT_TIMEOUT);
    }
    if (options.verbose) {
      builder.listener(new VerboseListener(inv.err()));
    }

    String account = options.accountId != null ? options.accountId : inv.env(ACCOUNT_ID);
    String accountSource = options.accountId != null ? "--account-id" : ACCOUNT_ID;
    String baseUrl = options.baseUrl != null ? options.baseUrl : inv.env(BASE_URL);
    boolean credentials = CREDENTIAL_VARIABLES.stream().anyMatch(v -> inv.env(v) != null);
    if (!credentials && baseUrl == null) {
      return embedded(builder, account, accountSource, inv);
    }

    if (account == null) {
      throw new ConfigurationException("no account id: pass --account-id or set " + ACCOUNT_ID);
    }
    if (!credentials) {
      throw new ConfigurationException(
          "no credentials: set "
              + API_TOKEN
              + " (or "
              + EMAIL
              + " and "
              + API_KEY
              + "); with neither credentials nor a base URL set, the tool uses its embedded fake");
    }
    accountId(builder, account, accountSource);
    if (options.baseUrl != null) {
      try {
        builder.baseUrl(options.baseUrl);
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(
            e.getMessage().replaceFirst("^baseUrl\\b", "--base-url"), e);
      }
    }
    DevtoolsSessionsClient client = builder.build();
    String baseUrlSource =
        options.baseUrl != null ? "--base-url" : baseUrl != null ? BASE_URL : "default";
    return new Connection(
        client, null, new Sources(baseUrlSource, accountSource, credentialSource(client)));
  }

  private static Connection embedded(
      DevtoolsSessionsClient.Builder builder,
      String account,
      String accountSource,
      Invocation inv) {
    FakeDevtoolsApi.Builder fake = FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create());
    if (account != null) {
      try {
        fake.accountId(account);
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(accountSource + " is invalid: " + e.getMessage(), e);
      }
    }
    FakeDevtoolsApi api = fake.build();
    api.addSessions(SampleSessions.recent(EMBEDDED_SESSIONS, inv.clock().instant()));
    FakeDevtoolsServer server = api.start();
    try {
      DevtoolsSessionsClient client =
          builder
              .baseUrl(server.baseUrl())
              .accountId(api.accountId())
              .credentials(api.credentials())
              .build();
      return new Connection(
          client,
          server,
          new Sources(
              "the embedded fake",
              account != null ? accountSource : "the embedded fake's default",
              "API token of the embedded fake (no credentials are set)"));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private static void accountId(
      DevtoolsSessionsClient.Builder builder, String account, String source) {
    try {
      builder.accountId(account);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(source + " is invalid: " + e.getMessage(), e);
    }
  }

  private static String present(String option, String name, List<String> names) {
    for (String n : names) {
      if (n.equalsIgnoreCase(name.strip())) {
        return n;
      }
    }
    throw new ConfigurationException(
        option + " " + name + ": no such adapter in this tool; it has " + String.join(", ", names));
  }

  private static String credentialSource(DevtoolsSessionsClient client) {
    switch (client.credentialsScheme()) {
      case API_TOKEN:
        return "API token from " + API_TOKEN;
      case API_KEY:
        return "email and global API key from " + EMAIL + " and " + API_KEY;
      default:
        return "user service key from " + USER_SERVICE_KEY;
    }
  }

  DevtoolsSessionsClient client() {
    return client;
  }

  /** Whether the client talks to the embedded fake rather than to Cloudflare. */
  boolean isEmbedded() {
    return embedded != null;
  }

  /** The one line that tells the user the sessions are not real, when they are not. */
  Optional<String> embeddedNote() {
    return isEmbedded()
        ? Optional.of(
            "note: neither credentials nor a base URL are set, so this reads "
                + EMBEDDED_SESSIONS
                + " sample sessions from an embedded fake API; set "
                + API_TOKEN
                + " and "
                + ACCOUNT_ID
                + " to read your own")
        : Optional.empty();
  }

  Sources sources() {
    return sources;
  }

  /**
   * The codec to write JSON output with: the one the client reads with, so that --json picks both;
   * Jackson, which this tool always carries, if that cannot be found by name.
   */
  JsonCodec outputCodec() {
    return Adapters.codec(client.discoveryReport().json().chosen())
        .orElseGet(JacksonJsonCodec::create);
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
