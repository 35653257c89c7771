package io.github.devtoolssessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Help, version and a wrong command line, from the jar. */
class UsageIT {

  @Test
  void helpListsTheCommandsAndTheExitCodes() {
    Run run = CliJar.run(Map.of(), "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout())
        .contains("Usage: devtools-sessions")
        .contains("list", "get", "serve-fake", "doctor")
        .contains("Exit codes:")
        .contains("4   network failure or timeout");
  }

  @Test
  void versionNamesTheTool() {
    Run run = CliJar.run(Map.of(), "--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdoutLines()).singleElement().asString().matches("devtools-sessions \\S+");
    assertThat(run.stdout()).doesNotContain("unknown").doesNotContain("${");
  }

  @Test
  void anUnknownOptionIsExitCode2InOneLine() {
    Run run = CliJar.run(Map.of(), "list", "--bogus");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderrLines())
        .containsExactly("error: Unknown option: '--bogus' (see 'devtools-sessions list --help')");
  }
}
