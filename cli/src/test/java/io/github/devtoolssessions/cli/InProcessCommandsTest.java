package io.github.devtoolssessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The commands run in this JVM against a fake server, for what a subprocess cannot show: a
 * terminal, a closed standard output, and the requests (not) sent. The jar itself is run by the *IT
 * tests.
 */
class InProcessCommandsTest {

  private static FakeFixture fake;
  private static FakeDevtoolsApi api;

  @BeforeAll
  static void startFake() {
    fake = FakeFixture.start(449); // 450 in all: three pages of 200
    api = fake.api;
  }

  @AfterAll
  static void stopFake() {
    fake.close();
  }

  @BeforeEach
  void forgetRequests() {
    api.clearRequests();
  }

  private static Map<String, String> env() {
    return fake.env();
  }

  /** A run off a terminal, as the jar runs in the *IT tests. */
  private static Run inProcess(Map<String, String> env, String... args) {
    return run(env, false, args);
  }

  static Run run(Map<String, String> env, boolean terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = run(env, terminal, out, err, args);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static int run(
      Map<String, String> env,
      boolean terminal,
      OutputStream out,
      OutputStream err,
      String... args) {
    return Main.run(
        args,
        new Invocation(
            env,
            new PrintStream(out, false, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            terminal,
            Clock.systemUTC()));
  }

  @Test
  void onATerminalAllShowsProgressOnStderrAndClearsItBeforeOutput() {
    Run run = run(env(), true, "list", "--all", "--limit", "200", "--format", "ndjson");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stderr())
        .contains("\rfetching page 1 (0 sessions so far)...")
        .contains("\rfetching page 3 (400 sessions so far)...")
        .endsWith("\r")
        .doesNotContain("\n");
    assertThat(run.stdoutLines()).hasSize(450).allSatisfy(l -> assertThat(l).startsWith("{"));
  }

  @Test
  void offATerminalAllShowsNoProgress() {
    Run run = run(env(), false, "list", "--all", "--limit", "200", "--format", "ndjson");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stderr()).isEmpty();
    assertThat(run.stdoutLines()).hasSize(450);
  }

  @Test
  void anInvalidLimitIsRefusedWithTheLibrarysMessageBeforeAnyRequest() {
    Run run = run(env(), false, "list", "--limit", "201");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderrLines())
        .containsExactly(
            "error: --limit 201 is out of range: it must be an integer from 1 to 200 (inclusive)"
                + " (see 'devtools-sessions list --help')");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void aNegativeOffsetIsRefusedBeforeAnyRequest() {
    Run run = run(env(), false, "list", "--offset", "-1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("--offset -1 is out of range: it must be an integer >= 0");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void offsetAndAllTogetherAreAUsageError() {
    Run run = run(env(), false, "list", "--all", "--offset", "5");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("--offset cannot be used with --all");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void outOfRangeRetriesAndTimeoutsAreUsageErrors() {
    assertThat(run(env(), false, "list", "--max-retries", "11").exitCode()).isEqualTo(2);
    assertThat(run(env(), false, "list", "--timeout", "0s").exitCode()).isEqualTo(2);
    assertThat(run(env(), false, "get", "x", "--timeout", "soon").exitCode()).isEqualTo(2);
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void aClosedStandardOutputStopsTheWalk() {
    OutputStream closed =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        };
    int code =
        run(
            env(),
            false,
            closed,
            new ByteArrayOutputStream(),
            "list",
            "--all",
            "--limit",
            "200",
            "--format",
            "ndjson");

    assertThat(code).isEqualTo(1);
    assertThat(api.requests()).as("pages fetched after the reader left").hasSize(1);
  }

  @Test
  void getRefusesNdjson() {
    Run run = run(env(), false, "get", "some-id", "--format", "ndjson");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("get writes table or json");
  }

  @Test
  void verboseTellsEachAttemptWithoutTheToken() {
    Run run = run(env(), false, "list", "--limit", "1", "--verbose");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stderrLines())
        .singleElement()
        .asString()
        .startsWith("verbose: GET " + fake.server.baseUrl() + "/accounts/")
        .contains("session?limit=1 -> HTTP 200 in ")
        .endsWith("(attempt 1)");
    assertThat(run.stderr()).doesNotContain(FakeDevtoolsApi.DEFAULT_API_TOKEN);
  }

  @Test
  void verboseTellsEachRetryAndItsWait() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    Run run =
        inProcess(
            fake.env("CLOUDFLARE_BASE_URL", "http://127.0.0.1:" + closedPort + "/client/v4"),
            "list",
            "--max-retries",
            "1",
            "-v");

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.stderrLines().get(4))
        .startsWith("io.github.devtoolssessions.core.TransportException");
    assertThat(run.stderrLines().get(0)).contains("-> failed: ").endsWith("(attempt 1)");
    assertThat(run.stderrLines().get(1)).matches("verbose: attempt 2 in \\d+ ms \\(.+\\)");
    assertThat(run.stderrLines().get(2)).endsWith("(attempt 2)");
    assertThat(run.stderrLines().get(3)).startsWith("error: network failure: ");
  }

  @Test
  void noCommandIsAUsageError() {
    Run run = run(env(), false);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderrLines()).singleElement().asString().contains("a command is required");
  }

  @Test
  void aMistypedCommandIsAUsageErrorWithASuggestion() {
    Run run = run(env(), false, "lst");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderrLines()).singleElement().asString().contains("did you mean list?");
  }

  @Test
  void anotherAccountIsExitCode3WithCode9109() {
    Run run = inProcess(fake.env(), "list", "--account-id", "ffffffffffffffffffffffffffffffff");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.stderrLines())
        .singleElement()
        .asString()
        .contains("HTTP 403")
        .contains("[9109] Unauthorized to access requested resource")
        .contains("cf-ray");
  }

  @Test
  void aBaseUrlThatWouldSendTheTokenInClearIsExitCode5() {
    Run run = inProcess(fake.env(), "list", "--base-url", "http://api.example.invalid/client/v4");

    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(run.stderrLines())
        .singleElement()
        .asString()
        .startsWith("error: --base-url = \"http://api.example.invalid/client/v4\" is invalid")
        .contains("loopback");
  }

  @Test
  void aBadBaseUrlFromTheEnvironmentIsExitCode5() {
    Run run = inProcess(fake.env("CLOUDFLARE_BASE_URL", "not a url"), "list");

    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(run.stderrLines()).singleElement().asString().contains("CLOUDFLARE_BASE_URL");
  }

  @Test
  void halfOfTheLegacyCredentialsIsExitCode5WithoutShowingThem() {
    Map<String, String> env = fake.env("CLOUDFLARE_API_TOKEN", null);
    env.put("CLOUDFLARE_EMAIL", "ops@example.invalid");
    Run run = inProcess(env, "list");

    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(run.stderrLines())
        .singleElement()
        .asString()
        .contains("CLOUDFLARE_API_KEY")
        .doesNotContain("ops@example.invalid");
  }

  @Test
  void aBaseUrlWithoutCredentialsIsExitCode5() {
    Run run = inProcess(fake.env("CLOUDFLARE_API_TOKEN", null), "list");

    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(run.stderrLines()).singleElement().asString().startsWith("error: no credentials");
  }

  @Test
  void anOffsetThatIsNoNumberIsAUsageError() {
    Run run = inProcess(fake.env(), "list", "--offset", "ten");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderrLines()).singleElement().asString().startsWith("error: ").contains("ten");
    assertThat(fake.api.requests()).isEmpty();
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Run run = inProcess(fake.env(), "list", "--format", "xml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderrLines())
        .singleElement()
        .asString()
        .contains("'xml' is not a format: use table, json or ndjson");
  }

  @Test
  void eachCommandHasHelp() {
    for (String command : new String[] {"list", "get", "serve-fake", "doctor"}) {
      Run run = inProcess(Map.of(), command, "--help");
      assertThat(run.exitCode()).as(command).isZero();
      assertThat(run.stdout()).contains("Usage: devtools-sessions " + command);
    }
  }
}
