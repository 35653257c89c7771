package io.github.devtoolssessions.benchmarks;

import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import java.net.URI;
import java.util.List;

/** The transport x codec pairs, and a client for each, as an application would build it. */
final class Pairs {

  /** Every pair, as {@code transport/codec}. */
  static final List<String> ALL =
      List.of("jdk/jackson", "jdk/jsonb", "apache/jackson", "apache/jsonb");

  private Pairs() {}

  /**
   * A client of the fake at {@code baseUrl} through the named adapters, found by {@link
   * java.util.ServiceLoader} as in an application, with every other setting at its default
   * (retries, timeouts, deadline, body cap).
   */
  static DevtoolsSessionsClient client(
      URI baseUrl, String transport, String codec, String compression) {
    Compression.check(compression);
    return DevtoolsSessionsClient.builder()
        .accountId(FakeDevtoolsApi.DEFAULT_ACCOUNT_ID)
        .credentials(Credentials.apiToken(FakeDevtoolsApi.DEFAULT_API_TOKEN))
        .baseUrl(baseUrl)
        .transportName(transport)
        .jsonCodecName(codec)
        .build();
  }

  /** A client for a pair written {@code transport/codec}. */
  static DevtoolsSessionsClient client(URI baseUrl, String pair, String compression) {
    int slash = pair.indexOf('/');
    if (slash < 0 || !ALL.contains(pair)) {
      throw new IllegalArgumentException("unknown pair " + pair + "; known: " + ALL);
    }
    return client(baseUrl, pair.substring(0, slash), pair.substring(slash + 1), compression);
  }
}
