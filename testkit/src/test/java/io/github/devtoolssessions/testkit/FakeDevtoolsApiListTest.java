package io.github.devtoolssessions.testkit;

import static io.github.devtoolssessions.testkit.Fixtures.SESSIONS;
import static io.github.devtoolssessions.testkit.Fixtures.errors;
import static io.github.devtoolssessions.testkit.Fixtures.get;
import static io.github.devtoolssessions.testkit.Fixtures.ids;
import static io.github.devtoolssessions.testkit.Fixtures.sessions;
import static io.github.devtoolssessions.testkit.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.CloudflareError;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.TransportResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FakeDevtoolsApiListTest {

  private final List<Session> all = FakeSessions.generate(7, 450);
  private FakeDevtoolsApi api;

  @BeforeEach
  void setUp() {
    api = Fixtures.api();
    api.addSessions(all);
  }

  @Test
  void pagesOfTwoHundredAtOffsets0_200_400ReturnEverySessionExactlyOnceInOrder() {
    List<Session> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    for (int offset : new int[] {0, 200, 400}) {
      TransportResponse response = api.handle(get(SESSIONS + "?limit=200&offset=" + offset));
      assertThat(response.statusCode()).isEqualTo(200);
      List<Session> page = sessions(response);
      pageSizes.add(page.size());
      seen.addAll(page);
    }
    assertThat(pageSizes).containsExactly(200, 200, 50);
    assertThat(seen).containsExactlyElementsOf(all);
  }

  @Test
  void successIsABareJsonArrayWithJsonContentType() {
    TransportResponse response = api.handle(get(SESSIONS + "?limit=2"));

    assertThat(text(response)).startsWith("[{").endsWith("}]");
    assertThat(response.headers().firstValue("content-type")).contains("application/json");
  }

  @Test
  void withoutParametersTheFirstTwoHundredAreReturned() {
    TransportResponse response = api.handle(get(SESSIONS));

    assertThat(ids(sessions(response))).containsExactlyElementsOf(ids(all.subList(0, 200)));
  }

  @Test
  void offsetAloneSkipsAndLimitDefaultsTo200() {
    assertThat(ids(sessions(api.handle(get(SESSIONS + "?offset=100")))))
        .containsExactlyElementsOf(ids(all.subList(100, 300)));
  }

  @Test
  void offsetThenLimitSelectExactlyThatWindow() {
    assertThat(ids(sessions(api.handle(get(SESSIONS + "?offset=3&limit=5")))))
        .containsExactlyElementsOf(ids(all.subList(3, 8)));
  }

  @Test
  void boundaryValuesAreAccepted() {
    assertThat(sessions(api.handle(get(SESSIONS + "?limit=1")))).hasSize(1);
    assertThat(sessions(api.handle(get(SESSIONS + "?limit=200&offset=0")))).hasSize(200);
    assertThat(sessions(api.handle(get(SESSIONS + "?limit=007")))).hasSize(7);
    assertThat(sessions(api.handle(get(SESSIONS + "?offset=449")))).hasSize(1);
  }

  @Test
  void anOffsetAtOrPastTheEndGivesAnEmptyArray() {
    assertThat(text(api.handle(get(SESSIONS + "?offset=450")))).isEqualTo("[]");
    assertThat(text(api.handle(get(SESSIONS + "?offset=99999999999999999999")))).isEqualTo("[]");
  }

  @Test
  void anEmptyStoreGivesAnEmptyArray() {
    api.clearSessions();

    TransportResponse response = api.handle(get(SESSIONS));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(text(response)).isEqualTo("[]");
  }

  @Test
  void unknownQueryParametersAreIgnored() {
    TransportResponse response =
        api.handle(get(SESSIONS + "?limit=2&cursor=abc&flag&limitx=-5&offset=1&=x"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(ids(sessions(response))).containsExactlyElementsOf(ids(all.subList(1, 3)));
  }

  @Test
  void percentEncodedDigitsAreReadAsDigits() {
    assertThat(sessions(api.handle(get(SESSIONS + "?%6Cimit=%33")))).hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1.0", "", "abc", "-1", "201", "0", "+1", " 1", "1e2", "0x10", "2147483648", "１"})
  void anInvalidLimitIsA400NamingLimitAndItsRule(String value) {
    TransportResponse response = api.handle(get(SESSIONS + "?limit=" + encode(value)));

    assertThat(response.statusCode()).isEqualTo(400);
    List<CloudflareError> errors = errors(response);
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).code()).hasValue(6004);
    assertThat(errors.get(0).message())
        .isEqualTo(
            "Invalid query parameter limit: \"" + value + "\" is not an integer from 1 to 200");
    assertThat(text(response)).startsWith("{\"success\":false,\"errors\":[{\"code\":6004,");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "", "abc", "-1", "+0", "1e3", "0.5", "NaN"})
  void anInvalidOffsetIsA400NamingOffsetAndItsRule(String value) {
    TransportResponse response = api.handle(get(SESSIONS + "?limit=5&offset=" + encode(value)));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errors(response))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.code()).hasValue(6004);
              assertThat(e.message())
                  .isEqualTo(
                      "Invalid query parameter offset: \"" + value + "\" is not an integer >= 0");
            });
  }

  @Test
  void aParameterWithoutValueIsInvalid() {
    TransportResponse response = api.handle(get(SESSIONS + "?limit"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errors(response).get(0).message()).contains("limit").contains("\"\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"limit=10&limit=20", "limit=10&limit=10", "offset=0&offset=0"})
  void aRepeatedParameterIsA400(String query) {
    TransportResponse response = api.handle(get(SESSIONS + "?" + query));

    assertThat(response.statusCode()).isEqualTo(400);
    String name = query.substring(0, query.indexOf('='));
    assertThat(errors(response).get(0).message())
        .isEqualTo("Invalid query parameter " + name + ": it must be given at most once");
  }

  @Test
  void aValueNeedingJsonEscapesIsEscapedInTheErrorBody() {
    TransportResponse response = api.handle(get(SESSIONS + "?limit=" + encode("\"\\\n\u00e9")));

    assertThat(errors(response).get(0).message())
        .isEqualTo(
            "Invalid query parameter limit: \"\"\\\n\u00e9\" is not an integer from 1 to 200");
  }

  @Test
  void theQueryIsCheckedOnlyAfterTheAccount() {
    TransportResponse response =
        api.handle(
            get(SESSIONS.replace(FakeDevtoolsApi.DEFAULT_ACCOUNT_ID, "other") + "?limit=abc"));

    assertThat(response.statusCode()).isEqualTo(403);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
