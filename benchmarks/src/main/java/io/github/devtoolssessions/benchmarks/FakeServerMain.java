package io.github.devtoolssessions.benchmarks;

import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import io.github.devtoolssessions.testkit.FakeDevtoolsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The fake API in a process of its own, for {@link FakeServerProcess}: serves {@code N} sessions of
 * {@link BenchmarkSessions} (written by the Jackson codec, as a server's bytes do not depend on the
 * client's codec), prints the base URL as its first line, and stops when its standard input ends,
 * so that it never outlives the process that started it.
 *
 * <pre>
 * java -cp benchmarks.jar io.github.devtoolssessions.benchmarks.FakeServerMain SESSIONS COMPRESSION
 * </pre>
 */
public final class FakeServerMain {

  private FakeServerMain() {}

  /**
   * Runs the server.
   *
   * @param args the number of sessions and the response compression ({@code identity} or {@code
   *     gzip})
   * @throws IOException if standard input cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: FakeServerMain SESSIONS COMPRESSION");
      System.exit(2);
    }
    int sessions = Integer.parseInt(args[0]);
    FakeDevtoolsApi api = FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).build();
    api.addSessions(BenchmarkSessions.withAllFields(sessions));
    try (FakeDevtoolsServer server = api.start(Compression.serverSetting(args[1]))) {
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      out.println(server.baseUrl());
      InputStream in = System.in;
      byte[] buffer = new byte[256];
      while (in.read(buffer) >= 0) {
        // Nothing is ever sent; the end of input is the signal to stop.
      }
    }
  }
}
