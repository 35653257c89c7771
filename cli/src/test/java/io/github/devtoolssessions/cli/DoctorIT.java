package io.github.devtoolssessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code doctor}: what the tool uses and why, a check, and never a secret. */
class DoctorIT {

  private static final String TOKEN = "tok-3f9a1c77e2b54d0c";

  private static FakeFixture fake;

  @BeforeAll
  static void startFake() {
    fake = FakeFixture.start(3);
  }

  @AfterAll
  static void stopFake() {
    fake.close();
  }

  @BeforeEach
  void forgetRequests() {
    fake.api.clearRequests();
  }

  @Test
  void showsTheConfigurationAndItsSourcesAndChecksItWithoutShowingTheToken() {
    Run run = CliJar.run(fake.env(), "doctor", "--account-id", fake.api.accountId());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdoutLines())
        .anySatisfy(l -> assertThat(l).matches("devtools-sessions \\S+ on Java .*"))
        .contains("mode:        API")
        .contains("base URL:    " + fake.server.baseUrl() + " (CLOUDFLARE_BASE_URL)")
        .contains("account id:  " + fake.api.accountId() + " (--account-id)")
        .contains("credentials: API token from CLOUDFLARE_API_TOKEN")
        .anySatisfy(l -> assertThat(l).startsWith("check:       ok: listed 1 session (limit 1)"));
    assertThat(fake.api.requests()).hasSize(1);
  }

  @Test
  void neverShowsATokenOrAKeyOrAnEmail() {
    Map<String, String> token = fake.env("CLOUDFLARE_API_TOKEN", TOKEN);
    Run withToken = CliJar.run(token, "doctor");

    Map<String, String> legacy = fake.env("CLOUDFLARE_API_TOKEN", null);
    legacy.put("CLOUDFLARE_EMAIL", "ops@example.invalid");
    legacy.put("CLOUDFLARE_API_KEY", "key-8d2e51b0c4a7");
    Run withKey = CliJar.run(legacy, "doctor");

    assertThat(withToken.stdout() + withToken.stderr()).doesNotContain(TOKEN);
    assertThat(withKey.stdout() + withKey.stderr())
        .doesNotContain("ops@example.invalid")
        .doesNotContain("key-8d2e51b0c4a7")
        .contains(
            "credentials: email and global API key from CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY");
    // Both are refused by the fake, which knows only its own token: the check says so.
    assertThat(withToken.exitCode()).isEqualTo(3);
    assertThat(withKey.exitCode()).isEqualTo(3);
  }

  @Test
  void offlineSendsNothing() {
    Run run = CliJar.run(fake.env(), "doctor", "--offline");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdoutLines()).contains("check:       skipped (--offline)");
    assertThat(fake.api.requests()).isEmpty();
  }
}
