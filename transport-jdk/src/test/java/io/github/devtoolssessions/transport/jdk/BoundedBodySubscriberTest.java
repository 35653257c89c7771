package io.github.devtoolssessions.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.Headers;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The response headers handed to the core. */
class BoundedBodySubscriberTest {

  @Test
  void http2PseudoHeadersAreDroppedAndRepeatedHeadersKeepEveryValue() {
    HttpHeaders jdk =
        HttpHeaders.of(
            Map.of(
                ":status", List.of("200"),
                "set-cookie", List.of("a=1", "b=2"),
                "cf-ray", List.of("8f1e-FRA")),
            (name, value) -> true);

    Headers core = BoundedBodySubscriber.toCoreHeaders(jdk);

    assertThat(core.map()).containsOnlyKeys("set-cookie", "cf-ray");
    assertThat(core.allValues("Set-Cookie")).containsExactly("a=1", "b=2");
  }
}
