package io.github.devtoolssessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code get} in each format, and a session that does not exist, from the jar. */
class GetIT {

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
  void tableShowsEveryFieldWithUrlQueriesMasked() {
    Run run = CliJar.run(fake.env(), "get", FakeFixture.ODD_SESSION_ID);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stderr()).isEmpty();
    assertThat(run.stdoutLines())
        .contains("session id          " + FakeFixture.ODD_SESSION_ID)
        .contains("state               closed")
        .contains("close reason        1000 NormalClosure")
        .contains("websocket debugger  wss://devtools.example.invalid/browser/odd?****")
        .contains("lab                 true")
        .anySatisfy(l -> assertThat(l).startsWith("started             2025-12-03T14:30:10.512Z ("))
        .anySatisfy(l -> assertThat(l).startsWith("duration            3m 0s"));
    assertThat(run.stdout()).doesNotContain("ODD-JWT-VALUE");
  }

  @Test
  void jsonIsTheApisObjectWhole() {
    Run run = CliJar.run(fake.env(), "get", FakeFixture.ODD_SESSION_ID, "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdoutLines()).hasSize(1);
    assertThat(JacksonJsonCodec.create().readSession(run.stdout().getBytes(StandardCharsets.UTF_8)))
        .contains(FakeFixture.ODD_SESSION);
    assertThat(run.stdout()).contains("jwt=ODD-JWT-VALUE");
  }

  @Test
  void anUnknownSessionIsExitCode3AndSaysNotFound() {
    Run run = CliJar.run(fake.env(), "get", "no-such-session");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderrLines())
        .containsExactly(
            "error: session no-such-session not found in account " + fake.api.accountId());
  }

  @Test
  void aMissingSessionIdIsAUsageError() {
    Run run = CliJar.run(fake.env(), "get");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderrLines()).singleElement().asString().contains("SESSION_ID");
  }
}
