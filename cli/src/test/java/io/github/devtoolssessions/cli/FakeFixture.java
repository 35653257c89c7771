package io.github.devtoolssessions.cli;

import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import io.github.devtoolssessions.testkit.FakeDevtoolsServer;
import io.github.devtoolssessions.testkit.FakeSessions;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * A fake API on a loopback port for the tests, and the environment that points the tool at it. The
 * first session has what a faithful tool must pass on untouched: fields the library does not know,
 * a timestamp with a trailing zero in its fraction, and a close reason sent as a string.
 */
final class FakeFixture implements AutoCloseable {

  static final String ODD_SESSION_ID = "7d0e9c1a-5b2f-4e7a-8c3d-000000000001";

  static final Session ODD_SESSION =
      Session.builder(ODD_SESSION_ID)
          .startTime(new Timestamp(new BigDecimal("1764772210512.250")))
          .endTime(new Timestamp(new BigDecimal("1764772391077")))
          .closeReason(CloseReason.ofString("1000"))
          .closeReasonText("NormalClosure")
          .webSocketDebuggerUrl("wss://devtools.example.invalid/browser/odd?jwt=ODD-JWT-VALUE")
          .extraField("lab", "true")
          .extraField("targets", "[{\"id\":\"t1\",\"n\":1.50}]")
          .build();

  final FakeDevtoolsApi api;
  final FakeDevtoolsServer server;

  private FakeFixture(int generated) {
    api = FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).build();
    api.addSession(ODD_SESSION);
    api.addSessions(FakeSessions.generate(11, generated));
    server = api.start();
  }

  /** A fake with the odd session and {@code generated} realistic ones after it. */
  static FakeFixture start(int generated) {
    return new FakeFixture(generated);
  }

  /** Token, account id and base URL of this fake. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("CLOUDFLARE_API_TOKEN", FakeDevtoolsApi.DEFAULT_API_TOKEN);
    env.put("CLOUDFLARE_ACCOUNT_ID", FakeDevtoolsApi.DEFAULT_ACCOUNT_ID);
    env.put("CLOUDFLARE_BASE_URL", server.baseUrl().toString());
    return env;
  }

  /** {@link #env()} with one variable changed, or removed if {@code value} is null. */
  Map<String, String> env(String name, String value) {
    Map<String, String> env = env();
    if (value == null) {
      env.remove(name);
    } else {
      env.put(name, value);
    }
    return env;
  }

  @Override
  public void close() {
    server.close();
  }
}
