package io.github.devtoolssessions.cli;

import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import io.github.devtoolssessions.testkit.FakeDevtoolsServer;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code serve-fake}: the testkit's fake API on a loopback port until interrupted, for trying the
 * tool, the library or any other client without an account. The first line on standard output is
 * the base URL, for scripts to read; how to connect goes to standard error.
 */
@Command(
    name = "serve-fake",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Serves a fake DevTools sessions API on 127.0.0.1 until interrupted (Ctrl-C).",
      "Prints its base URL, e.g. http://127.0.0.1:8787/client/v4, as the first line."
    })
final class ServeFakeCommand implements Callable<Integer> {

  /** More would only fill memory; the point is paging, which a few thousand show. */
  static final int MAX_SESSIONS = 100_000;

  @Spec private CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "P",
      defaultValue = "0",
      description = "The port to listen on, 0..65535; 0 takes a free one (default: 0).")
  int port;

  @Option(
      names = "--sessions",
      paramLabel = "N",
      defaultValue = "25",
      description = "How many sample sessions to serve, 0.." + MAX_SESSIONS + " (default: 25).")
  int sessions;

  @Option(
      names = "--token",
      paramLabel = "T",
      description =
          "The API token requests must carry (default: " + FakeDevtoolsApi.DEFAULT_API_TOKEN + ").")
  String token;

  @Option(
      names = "--account-id",
      paramLabel = "ID",
      description =
          "The account to serve (default: $CLOUDFLARE_ACCOUNT_ID, else "
              + FakeDevtoolsApi.DEFAULT_ACCOUNT_ID
              + ").")
  String accountId;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show the stack trace of an error.")
  boolean verbose;

  private final Invocation inv;

  ServeFakeCommand(Invocation inv) {
    this.inv = inv;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw usage("--port " + port + " is out of range: it must be from 0 to 65535");
    }
    if (sessions < 0 || sessions > MAX_SESSIONS) {
      throw usage(
          "--sessions " + sessions + " is out of range: it must be from 0 to " + MAX_SESSIONS);
    }
    FakeDevtoolsApi.Builder builder = FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create());
    String account = accountId != null ? accountId : inv.env(Connection.ACCOUNT_ID);
    try {
      if (account != null) {
        builder.accountId(account);
      }
      if (token != null) {
        builder.credentials(Credentials.apiToken(token));
      }
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    FakeDevtoolsApi api;
    try {
      api = builder.build();
    } catch (IllegalArgumentException e) {
      throw usage("--token is unusable: " + e.getMessage());
    }
    api.addSessions(SampleSessions.recent(sessions, inv.clock().instant()));

    AutoCloseable server;
    URI baseUrl;
    if (port == 0) {
      FakeDevtoolsServer s = api.start();
      server = s;
      baseUrl = s.baseUrl();
    } else {
      FixedPortServer s = FixedPortServer.start(api, port);
      server = s;
      baseUrl = s.baseUrl();
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server), "serve-fake-stop"));

    inv.out().println(baseUrl);
    inv.out().flush();
    inv.err()
        .println(
            "serving "
                + sessions
                + " sample sessions of account "
                + api.accountId()
                + "; point a client at it with:");
    inv.err()
        .println(
            "  CLOUDFLARE_BASE_URL="
                + baseUrl
                + " CLOUDFLARE_ACCOUNT_ID="
                + api.accountId()
                + " CLOUDFLARE_API_TOKEN="
                // The default token is public test data; a token the user chose is not echoed.
                + (token == null ? FakeDevtoolsApi.DEFAULT_API_TOKEN : "<the --token value>"));
    inv.err().println("press Ctrl-C to stop");
    new CountDownLatch(1).await(); // until the process is interrupted
    return ExitCode.OK;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static void closeQuietly(AutoCloseable server) {
    try {
      server.close();
    } catch (Exception e) {
      // The process is ending; nothing is left to tell.
    }
  }
}
