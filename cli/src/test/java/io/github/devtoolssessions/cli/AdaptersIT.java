package io.github.devtoolssessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every transport and every codec the jar carries, chosen with --transport and --json: found
 * through the merged META-INF/services files of the shaded jar, and each giving the same data.
 */
class AdaptersIT {

  private static FakeFixture fake;

  @BeforeAll
  static void startFake() {
    fake = FakeFixture.start(20);
  }

  @AfterAll
  static void stopFake() {
    fake.close();
  }

  @ParameterizedTest(name = "--transport {0} --json {1}")
  @CsvSource({"jdk, jackson", "jdk, jsonb", "apache, jackson", "apache, jsonb"})
  void eachTransportWithEachCodecListsTheSameData(String transport, String json) {
    Run run =
        CliJar.run(
            fake.env(),
            "list",
            "--transport",
            transport,
            "--json",
            json,
            "--limit",
            "10",
            "--format",
            "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stderr()).isEmpty();
    assertThat(
            JacksonJsonCodec.create().readSessions(run.stdout().getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(fake.api.sessions().subList(0, 10));
  }

  @Test
  void doctorShowsBothChoicesAsRequestedAndEveryAdapterFoundInTheJar() {
    Run run = CliJar.run(fake.env(), "doctor", "--transport", "apache", "--json", "jsonb");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdoutLines())
        .contains("transport:   apache (requested by --transport)")
        .contains("json:        jsonb (requested by --json)")
        .anySatisfy(l -> assertThat(l).contains("found jdk (priority 100"))
        .anySatisfy(l -> assertThat(l).contains("found apache (priority 50"))
        .anySatisfy(l -> assertThat(l).contains("found jackson (priority 100"))
        .anySatisfy(l -> assertThat(l).contains("found jsonb (priority 50"));
  }

  @Test
  void withoutAChoiceTheHighestPriorityAdaptersAreUsed() {
    Run run = CliJar.run(fake.env(), "doctor", "--offline");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdoutLines())
        .contains("transport:   jdk (highest priority (100))")
        .contains("json:        jackson (highest priority (100))");
  }
}
