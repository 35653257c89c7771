package io.github.devtoolssessions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fake's gzip: reading Accept-Encoding, compressing, the bomb, decoding under a cap. */
class GzipTest {

  private static Headers accepting(String... values) {
    Headers.Builder headers = Headers.builder();
    for (String value : values) {
      headers.add("Accept-Encoding", value);
    }
    return headers.build();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"gzip", "x-gzip", "Gzip", "deflate, gzip", "gzip;q=0.001", "*", "br, *;q=0.5"})
  void acceptsGzip(String acceptEncoding) {
    assertThat(Gzip.accepted(accepting(acceptEncoding))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "identity", "br, deflate", "gzip;q=0", "gzip; q=0.0", "*;q=0"})
  void doesNotAcceptGzip(String acceptEncoding) {
    assertThat(Gzip.accepted(accepting(acceptEncoding))).isFalse();
  }

  @Test
  void gzipNamedWithWeightZeroWinsOverAStar() {
    assertThat(Gzip.accepted(accepting("*", "gzip;q=0"))).isFalse();
    assertThat(Gzip.accepted(Headers.empty())).isFalse();
  }

  @Test
  void compressedBytesDecodeToTheOriginal() throws IOException {
    byte[] text = "[{\"sessionId\":\"x\"}]".repeat(500).getBytes(StandardCharsets.UTF_8);

    byte[] gzipped = Gzip.compress(text);

    assertThat(gzipped.length).isLessThan(text.length / 10);
    assertThat(Gzip.decode(gzipped, text.length)).hasValue(text);
    assertThat(Gzip.decode(gzipped, text.length - 1)).isEmpty();
  }

  @Test
  void theBombIsAThousandthOfItsDecodedSize() throws IOException {
    byte[] bomb = Gzip.zeros(10L * 1024 * 1024);

    assertThat(bomb.length).isLessThan(11 * 1024);
    assertThat(Gzip.decode(bomb, 64)).isEmpty();
    byte[] decoded = Gzip.decode(bomb, Long.MAX_VALUE).orElseThrow();
    assertThat(decoded).hasSize(10 * 1024 * 1024);
    assertThat(Arrays.equals(decoded, new byte[decoded.length])).isTrue();
  }

  @Test
  void corruptBytesFailToDecode() {
    byte[] gzipped = Gzip.compress(new byte[100]);
    gzipped[gzipped.length - 8] ^= 1;

    assertThatThrownBy(() -> Gzip.decode(gzipped, 1000)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Gzip.decode(new byte[] {1, 2, 3}, 1000))
        .isInstanceOf(IOException.class);
  }

  @Test
  void noBytesDecodeToNoBytes() throws IOException {
    assertThat(Gzip.decode(new byte[0], 10)).hasValue(new byte[0]);
  }
}
