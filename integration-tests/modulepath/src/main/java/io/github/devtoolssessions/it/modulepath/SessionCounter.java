package io.github.devtoolssessions.it.modulepath;

import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.api.DiscoveryReport;
import io.github.devtoolssessions.core.Credentials;
import java.net.URI;

/** What the application does: count the sessions of an account, with discovered adapters. */
public final class SessionCounter {

  private final DevtoolsSessionsClient client;

  /** A counter against {@code baseUrl}, adapters found by ServiceLoader. */
  public SessionCounter(URI baseUrl, String accountId, String token) {
    this.client =
        DevtoolsSessionsClient.builder()
            .baseUrl(baseUrl)
            .accountId(accountId)
            .credentials(Credentials.apiToken(token))
            .build();
  }

  /** How many sessions the account has. */
  public long count() {
    try (var sessions = client.streamAll()) {
      return sessions.count();
    }
  }

  /** What discovery found and chose. */
  public DiscoveryReport report() {
    return client.discoveryReport();
  }
}
