package io.github.devtoolssessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void offTheTerminalItWritesNothing() {
    Progress progress = new Progress(err, false);
    progress.fetching(2, 200);
    progress.clear();
    assertThat(bytes.size()).isZero();
  }

  @Test
  void onATerminalItRedrawsOneLineInPlaceAndClearsIt() {
    Progress progress = new Progress(err, true);
    progress.fetching(1, 0);
    progress.fetching(12, 2200);
    progress.clear();

    String first = "fetching page 1 (0 sessions so far)...";
    String second = "fetching page 12 (2200 sessions so far)...";
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("\r" + first + "\r" + second + "\r" + " ".repeat(second.length()) + "\r")
        .doesNotContain("\n");
  }

  @Test
  void aShorterNoteCoversTheLongerOneBeforeIt() {
    Progress progress = new Progress(err, true);
    progress.fetching(10, 1800);
    bytes.reset();
    progress.fetching(9, 1);

    String longer = "fetching page 10 (1800 sessions so far)...";
    String shorter = "fetching page 9 (1 session so far)...";
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("\r" + shorter + " ".repeat(longer.length() - shorter.length()));
  }

  @Test
  void clearingWhatIsClearedWritesNothing() {
    Progress progress = new Progress(err, true);
    progress.fetching(1, 0);
    progress.clear();
    bytes.reset();
    progress.clear();
    assertThat(bytes.size()).isZero();
  }
}
