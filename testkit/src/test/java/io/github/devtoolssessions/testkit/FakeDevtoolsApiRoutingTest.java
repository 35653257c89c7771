package io.github.devtoolssessions.testkit;

import static io.github.devtoolssessions.testkit.Fixtures.CODEC;
import static io.github.devtoolssessions.testkit.Fixtures.ORIGIN;
import static io.github.devtoolssessions.testkit.Fixtures.SESSIONS;
import static io.github.devtoolssessions.testkit.Fixtures.TOKEN;
import static io.github.devtoolssessions.testkit.Fixtures.get;
import static io.github.devtoolssessions.testkit.Fixtures.ids;
import static io.github.devtoolssessions.testkit.Fixtures.request;
import static io.github.devtoolssessions.testkit.Fixtures.sessions;
import static io.github.devtoolssessions.testkit.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.TransportResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FakeDevtoolsApiRoutingTest {

  private static final String NO_ROUTE =
      "{\"success\":false,\"errors\":[{\"code\":7003,\"message\":\"No route for the URI\"}],"
          + "\"messages\":[],\"result\":null}";

  private final List<Session> all = FakeSessions.generate(3, 5);
  private final FakeDevtoolsApi api = Fixtures.api();

  FakeDevtoolsApiRoutingTest() {
    api.addSessions(all);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/client/v4",
        "/client/v4/accounts",
        "/client/v4/accounts/0123456789abcdef0123456789abcdef",
        "/client/v4/accounts/0123456789abcdef0123456789abcdef/browser-rendering/devtools",
        "/client/v4/accounts/0123456789abcdef0123456789abcdef/browser-rendering/devtools/sessions",
        "/client/v4/accounts/0123456789abcdef0123456789abcdef/browser-rendering/devtools/session/",
        "/client/v4/accounts/0123456789abcdef0123456789abcdef/browser-rendering/devtools/session/a/b",
        "/client/v4/accounts//browser-rendering/devtools/session",
        "/client/v5/accounts/0123456789abcdef0123456789abcdef/browser-rendering/devtools/session",
        "/accounts/0123456789abcdef0123456789abcdef/browser-rendering/devtools/session",
        "/client/v4/accounts/0123456789abcdef0123456789abcdef/browser-rendering/devtools/browser",
        "/client/v4//accounts/0123456789abcdef0123456789abcdef/browser-rendering/devtools/session",
        "/client/v4x/accounts/0123456789abcdef0123456789abcdef/browser-rendering/devtools/session"
      })
  void anUnknownPathIsA404WithCode7003EvenWithoutCredentials(String path) {
    TransportResponse withAuth = api.handle(get(ORIGIN + path));
    TransportResponse withoutAuth = api.handle(get(ORIGIN + path, Headers.empty()));

    assertThat(withAuth.statusCode()).isEqualTo(404);
    assertThat(text(withAuth)).isEqualTo(NO_ROUTE);
    assertThat(withoutAuth.statusCode()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "get"})
  void aMethodOtherThanGetOnAKnownRouteIsA405WithAnEnvelope(String method) {
    TransportResponse list = api.handle(request(method, SESSIONS, TOKEN));
    TransportResponse one =
        api.handle(request(method, SESSIONS + "/" + all.get(0).sessionId(), TOKEN));

    for (TransportResponse response : List.of(list, one)) {
      assertThat(response.statusCode()).isEqualTo(405);
      assertThat(response.headers().firstValue("Allow")).contains("GET");
      assertThat(text(response))
          .isEqualTo(
              "{\"success\":false,\"errors\":[{\"code\":7001,\"message\":\"Method not allowed\"}],"
                  + "\"messages\":[],\"result\":null}");
    }
  }

  @Test
  void aKnownSessionIsReturnedAsOneObject() {
    Session wanted = all.get(2);

    TransportResponse response = api.handle(get(SESSIONS + "/" + wanted.sessionId()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(text(response)).startsWith("{\"sessionId\":");
    assertThat(CODEC.readSession(response.body())).contains(wanted);
  }

  @Test
  void anUnknownSessionIsA404WithTheBareErrorShape() {
    TransportResponse response = api.handle(get(SESSIONS + "/no-such-session"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(text(response)).isEqualTo("{\"error\":\"Session not found\"}");
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
  }

  @Test
  void aRemovedSessionIsNoLongerFound() {
    api.removeSession(all.get(0).sessionId());

    assertThat(api.handle(get(SESSIONS + "/" + all.get(0).sessionId())).statusCode())
        .isEqualTo(404);
    assertThat(ids(sessions(api.handle(get(SESSIONS))))).doesNotContain(all.get(0).sessionId());
  }

  @Test
  void sessionAndAccountIdsAreDecodedSegmentsOfTheRawPath() {
    FakeDevtoolsApi odd =
        FakeDevtoolsApi.builder().codec(CODEC).accountId("acct/with space+plus").build();
    odd.addSession(Session.builder("a/b?c#d %").build());
    String base =
        ORIGIN + "/client/v4/accounts/acct%2Fwith%20space+plus/browser-rendering/devtools/session";

    TransportResponse list = odd.handle(get(base));
    TransportResponse one = odd.handle(get(base + "/a%2Fb%3Fc%23d%20%25"));

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(ids(sessions(list))).containsExactly("a/b?c#d %");
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(CODEC.readSession(one.body()).map(Session::sessionId)).contains("a/b?c#d %");
    assertThat(odd.handle(get(base.replace("%2F", "/"))).statusCode()).isEqualTo(404);
  }

  @Test
  void queryParametersOnTheSessionRouteAreIgnored() {
    TransportResponse response =
        api.handle(get(SESSIONS + "/" + all.get(1).sessionId() + "?limit=abc"));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void theRoutesFollowTheConfiguredPrefix() {
    FakeDevtoolsApi rooted = FakeDevtoolsApi.builder().codec(CODEC).pathPrefix("/").build();
    FakeDevtoolsApi nested =
        FakeDevtoolsApi.builder().codec(CODEC).pathPrefix("proxy/cf/client/v4/").build();
    String tail =
        "/accounts/" + FakeDevtoolsApi.DEFAULT_ACCOUNT_ID + "/browser-rendering/devtools/session";

    assertThat(rooted.pathPrefix()).isEmpty();
    assertThat(rooted.handle(get(ORIGIN + tail)).statusCode()).isEqualTo(200);
    assertThat(rooted.handle(get(SESSIONS)).statusCode()).isEqualTo(404);
    assertThat(nested.pathPrefix()).isEqualTo("/proxy/cf/client/v4");
    assertThat(nested.handle(get(ORIGIN + "/proxy/cf/client/v4" + tail)).statusCode())
        .isEqualTo(200);
    assertThat(nested.handle(get(SESSIONS)).statusCode()).isEqualTo(404);
  }

  @Test
  void theHostAndSchemeOfTheRequestDoNotMatter() {
    assertThat(api.handle(get(SESSIONS.replace(ORIGIN, "http://localhost:1"))).statusCode())
        .isEqualTo(200);
  }
}
