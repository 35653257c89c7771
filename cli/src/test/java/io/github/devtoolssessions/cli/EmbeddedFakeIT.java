package io.github.devtoolssessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With neither credentials nor a base URL, list and get read an embedded fake, and say so. */
class EmbeddedFakeIT {

  private static final Map<String, String> NOTHING_SET = Map.of();

  @Test
  void listReadsTheSampleSessionsAndSaysSoInOneLine() {
    Run run = CliJar.run(NOTHING_SET, "list");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stderrLines())
        .singleElement()
        .asString()
        .startsWith("note: ")
        .contains("embedded fake")
        .contains("CLOUDFLARE_API_TOKEN");
    List<String> lines = run.stdoutLines();
    assertThat(lines).hasSize(Connection.EMBEDDED_SESSIONS + 2);
    assertThat(lines.get(0)).startsWith("SESSION ID");
    assertThat(lines.get(lines.size() - 1))
        .startsWith(Connection.EMBEDDED_SESSIONS + " sessions (");
    assertThat(String.join("\n", lines)).containsPattern("\\(\\d+m ago\\)").doesNotContain("jwt");
  }

  @Test
  void getReadsOneOfTheSampleSessions() {
    String id = SampleSessions.recent(1, java.time.Instant.now()).get(0).sessionId();

    Run run = CliJar.run(NOTHING_SET, "get", id, "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stderrLines()).singleElement().asString().startsWith("note: ");
    assertThat(run.stdout()).startsWith("{\"sessionId\":\"" + id + "\"");
  }

  @Test
  void theEmbeddedFakeServesTheAccountIdGiven() {
    Run run = CliJar.run(Map.of("CLOUDFLARE_ACCOUNT_ID", "my-account"), "doctor");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdoutLines())
        .contains("mode:        embedded fake API (sample sessions)")
        .contains("account id:  my-account (CLOUDFLARE_ACCOUNT_ID)")
        .anySatisfy(l -> assertThat(l).startsWith("base URL:    http://127.0.0.1:"))
        .anySatisfy(l -> assertThat(l).startsWith("check:       ok: listed 1 session"));
  }
}
