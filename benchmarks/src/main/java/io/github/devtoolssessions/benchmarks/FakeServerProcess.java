package io.github.devtoolssessions.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fake API server ({@link FakeServerMain}) in a JVM of its own, on loopback.
 *
 * <p>Why not in the benchmark's JVM: JMH's gc profiler counts the bytes allocated by every thread
 * of the JVM, and the fake writes each response body anew, so a server in the same JVM would add
 * its own allocation to every client's. Out of process, the allocation per operation is the
 * client's alone (its transport's threads included), and the server's garbage collections do not
 * pause the client. The server competes for the same CPUs either way, equally for every pair and
 * for the raw baseline.
 */
final class FakeServerProcess implements AutoCloseable {

  private final Process process;
  private final URI baseUrl;

  private FakeServerProcess(Process process, URI baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  /**
   * Starts a server with {@code sessions} sessions of {@link BenchmarkSessions} and waits for its
   * base URL.
   *
   * @throws UncheckedIOException if the process cannot be started or ends before it is ready
   */
  static FakeServerProcess start(int sessions, String compression) {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            // One collector thread and a bounded heap: the server should take no more of the two
            // cores and of memory than a small real process would.
            "-XX:+UseSerialGC",
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            FakeServerMain.class.getName(),
            Integer.toString(sessions),
            Compression.check(compression));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake server process", e);
    }
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      if (first == null) {
        throw new IOException("the fake server process ended before printing its base URL");
      }
      return new FakeServerProcess(process, URI.create(first.strip()));
    } catch (IOException e) {
      process.destroyForcibly();
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL to give a client, such as {@code http://127.0.0.1:PORT/client/v4}. */
  URI baseUrl() {
    return baseUrl;
  }

  /** Whether the server process is still running. */
  boolean isAlive() {
    return process.isAlive();
  }

  /** Ends the server: its standard input closes, which it takes as the signal to stop. */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
