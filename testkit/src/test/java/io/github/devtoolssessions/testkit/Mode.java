package io.github.devtoolssessions.testkit;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.transport.jdk.JdkHttpTransport;
import java.net.URI;
import java.time.Duration;

/** The two ways a fake reaches a client; tests of faults run in both and expect the same. */
enum Mode {
  IN_MEMORY,
  SERVER;

  /** A transport to the fake, and the URL of its sessions list, for one test. */
  Target open(FakeDevtoolsApi api) {
    if (this == IN_MEMORY) {
      return new Target(api, api.asTransport(), null, Fixtures.SESSIONS);
    }
    FakeDevtoolsServer server = api.start();
    String url =
        server.baseUrl()
            + "/accounts/"
            + FakeDevtoolsApi.DEFAULT_ACCOUNT_ID
            + "/browser-rendering/devtools/session";
    return new Target(api, JdkHttpTransport.create(), server, url);
  }

  /** What a test talks to; closing it closes the transport and the server. */
  record Target(
      FakeDevtoolsApi api, HttpTransport transport, FakeDevtoolsServer server, String sessionsUrl)
      implements AutoCloseable {

    /** A GET with the fake's token and a timeout that only a broken test reaches. */
    TransportRequest get(String query) {
      return TransportRequest.get(URI.create(sessionsUrl + query), Fixtures.TOKEN)
          .withTimeout(Duration.ofSeconds(30));
    }

    TransportRequest get() {
      return get("");
    }

    /** A GET without credentials, of a URL on the same origin. */
    TransportRequest anonymous(String path) {
      return TransportRequest.get(
          URI.create(sessionsUrl.substring(0, sessionsUrl.indexOf("/client/v4")) + path),
          Headers.empty());
    }

    @Override
    public void close() {
      try {
        transport.close();
      } finally {
        if (server != null) {
          server.close();
        }
      }
    }
  }
}
