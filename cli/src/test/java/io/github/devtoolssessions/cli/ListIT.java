package io.github.devtoolssessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.testkit.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code list} in each format, one page and --all, from the jar against a fake server. */
class ListIT {

  private static FakeFixture fake;

  @BeforeAll
  static void startFake() {
    fake = FakeFixture.start(449); // 450 in all: three pages of 200
  }

  @AfterAll
  static void stopFake() {
    fake.close();
  }

  @BeforeEach
  void forgetRequests() {
    fake.api.clearRequests();
  }

  private static List<Session> read(String json) {
    return JacksonJsonCodec.create().readSessions(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void tableShowsAlignedRowsAndACount() {
    Run run = CliJar.run(fake.env(), "list", "--limit", "5");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stderr()).isEmpty();
    List<String> lines = run.stdoutLines();
    assertThat(lines).hasSize(7);
    assertThat(lines.get(0))
        .startsWith("SESSION ID")
        .contains("STATE", "STARTED", "DURATION", "LAST UPDATED", "CLOSE REASON");
    assertThat(lines.get(1))
        .startsWith(FakeFixture.ODD_SESSION_ID + "  closed  2025-12-03T14:30:10Z (")
        .contains(" ago)  3m 0s  ")
        .endsWith("1000 NormalClosure");
    int stateColumn = lines.get(0).indexOf("STATE");
    assertThat(lines.subList(1, 6))
        .allSatisfy(l -> assertThat(l.substring(stateColumn)).matches("(open|closed) .*"));
    assertThat(lines.get(6)).matches("5 sessions \\(\\d open, \\d closed\\)");
    assertThat(run.stdout()).doesNotContain("jwt");
  }

  @Test
  void jsonIsOneArrayOfTheApisDataUnchanged() {
    Run run = CliJar.run(fake.env(), "list", "--limit", "3", "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdoutLines()).hasSize(1);
    assertThat(read(run.stdout())).isEqualTo(fake.api.sessions().subList(0, 3));
    assertThat(run.stdout())
        .startsWith("[{\"sessionId\":\"" + FakeFixture.ODD_SESSION_ID + "\"")
        .contains("\"startTime\":1764772210512.250")
        .contains("\"closeReason\":\"1000\"")
        .contains("\"lab\":true")
        .contains("\"targets\":[{\"id\":\"t1\",\"n\":1.50}]")
        .contains("jwt=ODD-JWT-VALUE");
  }

  @Test
  void offsetSkipsSessions() {
    Run run = CliJar.run(fake.env(), "list", "--limit", "2", "--offset", "10", "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(read(run.stdout())).isEqualTo(fake.api.sessions().subList(10, 12));
    assertThat(fake.api.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.rawQuery()).contains("limit=2&offset=10"));
  }

  @Test
  void ndjsonIsOneObjectPerLine() {
    Run run = CliJar.run(fake.env(), "list", "--limit", "4", "--format", "ndjson");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = run.stdoutLines();
    assertThat(lines).hasSize(4);
    for (int i = 0; i < 4; i++) {
      assertThat(read("[" + lines.get(i) + "]")).containsExactly(fake.api.sessions().get(i));
    }
  }

  @Test
  void allWithNdjsonStreamsEverySessionPageByPageWithoutProgressInAPipe() {
    Run run = CliJar.run(fake.env(), "list", "--all", "--format", "ndjson");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stderr()).as("no progress off a terminal").isEmpty();
    List<String> lines = run.stdoutLines();
    assertThat(lines).hasSize(450);
    assertThat(read("[" + String.join(",", lines) + "]")).isEqualTo(fake.api.sessions());
    assertThat(fake.api.requests())
        .extracting(RecordedRequest::rawQuery)
        .extracting(q -> q.orElse(""))
        .containsExactly("limit=200&offset=0", "limit=200&offset=200", "limit=200&offset=400");
  }

  @Test
  void allWithJsonIsOneArrayAndLimitSetsThePageSize() {
    Run run = CliJar.run(fake.env(), "list", "--all", "--limit", "100", "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(read(run.stdout())).isEqualTo(fake.api.sessions());
    assertThat(fake.api.requests()).hasSize(5);
  }

  @Test
  void allWithTableCountsEverySession() {
    Run run = CliJar.run(fake.env(), "list", "--all");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdoutLines()).hasSize(452);
    assertThat(run.stdoutLines().get(451)).matches("450 sessions \\(\\d+ open, \\d+ closed\\)");
  }

  @Test
  void anInvalidLimitIsAUsageErrorAndSendsNothing() {
    Run run = CliJar.run(fake.env(), "list", "--limit", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderrLines())
        .containsExactly(
            "error: --limit 0 is out of range: it must be an integer from 1 to 200 (inclusive)"
                + " (see 'devtools-sessions list --help')");
    assertThat(fake.api.requests()).isEmpty();
  }
}
