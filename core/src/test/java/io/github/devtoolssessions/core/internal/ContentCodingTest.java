package io.github.devtoolssessions.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportRequest;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which codings the transport asks for, accepts and refuses. */
class ContentCodingTest {

  private static final TransportRequest REQUEST =
      TransportRequest.get(URI.create("http://127.0.0.1/x"), Headers.empty());

  private static Headers encoded(String... values) {
    Headers.Builder headers = Headers.builder().add("Content-Type", "application/json");
    for (String value : values) {
      headers.add("Content-Encoding", value);
    }
    return headers.build();
  }

  @Test
  void asksForGzipUnlessTheRequestNamesCodings() {
    assertThat(ContentCoding.asksForGzip(Headers.empty())).isTrue();
    assertThat(ContentCoding.asksForGzip(Headers.builder().add("accept-encoding", "br").build()))
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "GZIP", " gzip ", "x-gzip", "identity, gzip", "gzip,"})
  void gzipIsDecoded(String contentEncoding) {
    assertThat(ContentCoding.isGzip(encoded(contentEncoding), REQUEST)).isTrue();
  }

  @Test
  void noCodingOrIdentityIsABodyAsItIs() {
    assertThat(ContentCoding.isGzip(encoded(), REQUEST)).isFalse();
    assertThat(ContentCoding.isGzip(encoded("identity"), REQUEST)).isFalse();
    assertThat(ContentCoding.isGzip(encoded(""), REQUEST)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"br", "deflate", "zstd", "compress", "gzip, br", "gzip, gzip"})
  void anyOtherCodingIsATransportExceptionNamingIt(String contentEncoding) {
    assertThatThrownBy(() -> ContentCoding.isGzip(encoded(contentEncoding), REQUEST))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("GET http://127.0.0.1/x")
        .hasMessageContaining("Content-Encoding " + contentEncoding)
        .hasMessageContaining("gzip only");
  }

  @Test
  void codingsSpreadOverSeveralHeaderLinesCount() {
    assertThatThrownBy(() -> ContentCoding.isGzip(encoded("gzip", "br"), REQUEST))
        .isInstanceOf(TransportException.class);
  }

  @Test
  void aDecodedResponseLosesItsEncodingAndLengthButKeepsTheRest() {
    Headers decoded =
        ContentCoding.decoded(
            Headers.builder()
                .add("Content-Encoding", "gzip")
                .add("content-length", "123")
                .add("Content-Type", "application/json")
                .add("cf-ray", "8f1e-FRA")
                .build());

    assertThat(decoded.map()).containsOnlyKeys("Content-Type", "cf-ray");
  }
}
