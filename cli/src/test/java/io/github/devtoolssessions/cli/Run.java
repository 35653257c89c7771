package io.github.devtoolssessions.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one run of the tool left behind, in-process or as a subprocess.
 *
 * @param exitCode the exit code
 * @param stdout everything written to standard output
 * @param stderr everything written to standard error
 */
record Run(int exitCode, String stdout, String stderr) {

  /** The lines of standard output. */
  List<String> stdoutLines() {
    return lines(stdout);
  }

  /** The lines of standard error. */
  List<String> stderrLines() {
    return lines(stderr);
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\\R", -1)));
    if (lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1); // what follows the last line break
    }
    return lines;
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
  }
}
