package io.github.devtoolssessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code serve-fake} as a process of its own, and the tool listing from it. */
class ServeFakeIT {

  /** Starts serve-fake, reads the base URL from its first line, and runs {@code test} with it. */
  private static void withServeFake(BaseUrlTest test, String... options) throws Exception {
    String[] args = new String[options.length + 1];
    args[0] = "serve-fake";
    System.arraycopy(options, 0, args, 1, options.length);
    Process process =
        CliJar.command(Map.of(), args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader stdout =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String firstLine =
          CompletableFuture.supplyAsync(() -> readLine(stdout))
              .get(CliJar.WAIT_SECONDS, TimeUnit.SECONDS);
      test.run(firstLine);
    } finally {
      process.destroy();
      if (!process.waitFor(CliJar.WAIT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  interface BaseUrlTest {
    void run(String baseUrl) throws Exception;
  }

  @Test
  void printsItsBaseUrlFirstAndServesTheToolUntilStopped() throws Exception {
    withServeFake(
        baseUrl -> {
          assertThat(baseUrl).matches("http://127\\.0\\.0\\.1:\\d+/client/v4");
          Run run =
              CliJar.run(
                  Map.of(
                      "CLOUDFLARE_BASE_URL", baseUrl,
                      "CLOUDFLARE_ACCOUNT_ID", "0123456789abcdef0123456789abcdef",
                      "CLOUDFLARE_API_TOKEN", "test-token"),
                  "list",
                  "--all",
                  "--limit",
                  "5",
                  "--format",
                  "ndjson");
          assertThat(run.exitCode()).as(run.toString()).isZero();
          assertThat(run.stdoutLines()).hasSize(12);
          assertThat(run.stderr()).isEmpty();
        },
        "--sessions",
        "12");
  }

  @Test
  void servesOnTheChosenPortWithTheChosenTokenAndAccount() throws Exception {
    int port = freePort();
    withServeFake(
        baseUrl -> {
          assertThat(baseUrl).isEqualTo("http://127.0.0.1:" + port + "/client/v4");
          Map<String, String> env =
              Map.of(
                  "CLOUDFLARE_BASE_URL", baseUrl,
                  "CLOUDFLARE_ACCOUNT_ID", "acme",
                  "CLOUDFLARE_API_TOKEN", "s3cret-token");
          Run ok = CliJar.run(env, "list");
          assertThat(ok.exitCode()).as(ok.toString()).isZero();
          assertThat(ok.stdoutLines()).last().asString().startsWith("25 sessions (");

          Run refused =
              CliJar.run(
                  Map.of(
                      "CLOUDFLARE_BASE_URL",
                      baseUrl,
                      "CLOUDFLARE_ACCOUNT_ID",
                      "acme",
                      "CLOUDFLARE_API_TOKEN",
                      "test-token"),
                  "list");
          assertThat(refused.exitCode()).isEqualTo(3);
          assertThat(refused.stderr()).contains("HTTP 401");
        },
        "--port",
        Integer.toString(port),
        "--token",
        "s3cret-token",
        "--account-id",
        "acme");
  }

  @Test
  void aPortOutOfRangeIsAUsageError() {
    Run run = CliJar.run(Map.of(), "serve-fake", "--port", "70000");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderrLines()).singleElement().asString().contains("--port 70000");
  }

  @Test
  void aTakenPortIsExitCode4() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Run run =
          CliJar.run(Map.of(), "serve-fake", "--port", Integer.toString(taken.getLocalPort()));

      assertThat(run.exitCode()).isEqualTo(4);
      assertThat(run.stderrLines())
          .singleElement()
          .asString()
          .startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }
}
