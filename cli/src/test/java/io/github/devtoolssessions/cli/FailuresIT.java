package io.github.devtoolssessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exit codes 3 (the API said no, or said something unusable), 4 (no answer) and 5 (configuration),
 * each with one line on stderr and no stack trace unless --verbose, from the jar.
 */
class FailuresIT {

  private static FakeFixture fake;

  @BeforeAll
  static void startFake() {
    fake = FakeFixture.start(3);
  }

  @AfterAll
  static void stopFake() {
    fake.close();
  }

  @Test
  void aRefusedTokenIsExitCode3WithStatusCodeMessageAndCfRay() {
    Run run = CliJar.run(fake.env("CLOUDFLARE_API_TOKEN", "wrong-token"), "list");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderrLines())
        .singleElement()
        .asString()
        .startsWith("error: HTTP 401 from GET ")
        .contains("[10000] Authentication error")
        .containsPattern("\\(cf-ray [0-9a-f]{16}-[A-Z]{3}\\)")
        .doesNotContain("wrong-token");
  }

  @Test
  void anAnswerThatIsNotJsonIsExitCode3() throws IOException {
    HttpServer html =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    html.createContext(
        "/",
        exchange -> {
          byte[] body = "<html><body>Welcome</body></html>".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    html.start();
    try {
      Run run =
          CliJar.run(
              fake.env(
                  "CLOUDFLARE_BASE_URL",
                  "http://127.0.0.1:" + html.getAddress().getPort() + "/client/v4"),
              "list");

      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.stderrLines())
          .singleElement()
          .asString()
          .startsWith("error: unusable answer from the API: ");
    } finally {
      html.stop(0);
    }
  }

  @Test
  void aRefusedConnectionIsExitCode4InOneLine() throws IOException {
    Run run =
        CliJar.run(
            fake.env("CLOUDFLARE_BASE_URL", "http://127.0.0.1:" + closedPort() + "/client/v4"),
            "list",
            "--max-retries",
            "0");

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.stderrLines()).singleElement().asString().startsWith("error: network failure: ");
  }

  @Test
  void verboseAddsTheAttemptsAndTheStackTrace() throws IOException {
    Run run =
        CliJar.run(
            fake.env("CLOUDFLARE_BASE_URL", "http://127.0.0.1:" + closedPort() + "/client/v4"),
            "list",
            "--max-retries",
            "0",
            "--verbose");

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.stderrLines().get(0)).startsWith("verbose: GET http://127.0.0.1:");
    assertThat(run.stderrLines().get(1)).startsWith("error: network failure: ");
    assertThat(run.stderr()).contains("\tat ");
  }

  @Test
  void aServerThatNeverAnswersIsATimeoutAndExitCode4() throws IOException {
    // Connections queue in the backlog and are never accepted: the request goes out, no answer
    // comes back.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Run run =
          CliJar.run(
              fake.env(
                  "CLOUDFLARE_BASE_URL",
                  "http://127.0.0.1:" + silent.getLocalPort() + "/client/v4"),
              "list",
              "--timeout",
              "500ms",
              "--max-retries",
              "0");

      assertThat(run.exitCode()).isEqualTo(4);
      assertThat(run.stderrLines()).singleElement().asString().startsWith("error: timed out: ");
    }
  }

  @Test
  void aMissingAccountIdIsExitCode5() {
    Run run = CliJar.run(fake.env("CLOUDFLARE_ACCOUNT_ID", null), "list");

    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(run.stderrLines())
        .containsExactly("error: no account id: pass --account-id or set CLOUDFLARE_ACCOUNT_ID");
  }

  @Test
  void anAdapterTheToolDoesNotHaveIsExitCode5() {
    Run run = CliJar.run(fake.env(), "list", "--transport", "okhttp");

    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(run.stderrLines())
        .containsExactly(
            "error: --transport okhttp: no such adapter in this tool; it has jdk, apache");
  }

  /** A port nothing listens on: bound, then released. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
