package io.github.devtoolssessions.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the shaded jar, target/devtools-sessions.jar, as a user does: {@code java -jar} in a process
 * of its own, with an environment the test controls (none of the caller's Cloudflare settings leak
 * in).
 */
final class CliJar {

  /** Far beyond any run here; only a hung process reaches it. */
  static final long WAIT_SECONDS = 60;

  private CliJar() {}

  /** The process, not yet started; its standard input is empty, so it is never a console. */
  static ProcessBuilder command(Map<String, String> env, String... args) {
    Path jar = Path.of(System.getProperty("cli.jar", "target/devtools-sessions.jar"));
    assertThat(jar).as("the shaded jar, built by package").isRegularFile();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Short runs on a small shared machine: the C1 compiler and the serial collector start
    // faster and leave the other core alone. The jar runs the same either way.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("CLOUDFLARE_") || k.startsWith("DEVTOOLS_SESSIONS_"));
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    return pb;
  }

  /** Runs the jar to its end and returns what it wrote and its exit code. */
  static Run run(Map<String, String> env, String... args) {
    Path out = null;
    Path err = null;
    Process process = null;
    try {
      out = Files.createTempFile("cli-stdout", ".txt");
      err = Files.createTempFile("cli-stderr", ".txt");
      process = command(env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
        fail("the tool did not end within " + WAIT_SECONDS + " s: " + List.of(args));
      }
      return new Run(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("cannot run the tool", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      if (process != null) {
        process.destroyForcibly();
      }
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // a temp file left behind is no test failure
      }
    }
  }
}
