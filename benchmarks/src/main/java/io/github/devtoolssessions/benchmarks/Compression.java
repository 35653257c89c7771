package io.github.devtoolssessions.benchmarks;

import io.github.devtoolssessions.testkit.FakeDevtoolsServer;
import java.util.List;

/**
 * The response compressions the benchmarks run with. The client always offers gzip (both transports
 * send {@code Accept-Encoding: gzip}); the fake server decides: {@code identity} makes it never
 * compress ({@link FakeDevtoolsServer.Compression#NEVER}), {@code gzip} makes it compress whatever
 * a request accepts ({@link FakeDevtoolsServer.Compression#WHEN_ASKED}, as the real API does). The
 * raw baseline asks for gzip only in the {@code gzip} runs.
 */
final class Compression {

  /** No compression: the body travels as it is. */
  static final String IDENTITY = "identity";

  /** Gzip: the server compresses, the client decodes. */
  static final String GZIP = "gzip";

  static final List<String> SUPPORTED = List.of(IDENTITY, GZIP);

  private Compression() {}

  /**
   * Checks the name of a compression.
   *
   * @throws IllegalArgumentException if it is not one of {@link #SUPPORTED}
   */
  static String check(String compression) {
    if (!SUPPORTED.contains(compression)) {
      throw new IllegalArgumentException(
          "unknown compression " + compression + "; known: " + SUPPORTED);
    }
    return compression;
  }

  /** The fake server's setting for a compression name. */
  static FakeDevtoolsServer.Compression serverSetting(String compression) {
    return check(compression).equals(GZIP)
        ? FakeDevtoolsServer.Compression.WHEN_ASKED
        : FakeDevtoolsServer.Compression.NEVER;
  }
}
