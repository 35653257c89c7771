package io.github.devtoolssessions.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PathSegmentTest {

  @Test
  void unreservedCharactersStayAsTheyAre() {
    assertThat(PathSegment.encode("0123456789abcdef-_.~ABC")).isEqualTo("0123456789abcdef-_.~ABC");
  }

  @Test
  void everythingThatCouldChangeThePathOrQueryIsEncoded() {
    assertThat(PathSegment.encode("a/../b?x=1#f %;&+"))
        .isEqualTo("a%2F..%2Fb%3Fx%3D1%23f%20%25%3B%26%2B");
  }

  @Test
  void dotSegmentsAreEncodedSoNoStackResolvesThemAway() {
    assertThat(PathSegment.encode("..")).isEqualTo("%2E%2E");
    assertThat(PathSegment.encode(".")).isEqualTo("%2E");
  }

  @Test
  void nonAsciiIsEncodedAsUtf8() {
    assertThat(PathSegment.encode("ü€")).isEqualTo("%C3%BC%E2%82%AC");
  }

  @Test
  void anyStringEncodesToOneSegmentThatDecodesBack() {
    Random random = new Random(42);
    for (int n = 0; n < 2_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + random.nextInt(12);
      for (int i = 0; i < len; i++) {
        sb.append((char) (0x20 + random.nextInt(0x2FF)));
      }
      String value = sb.toString();
      if (Character.isSurrogate(value.charAt(value.length() - 1))) {
        continue;
      }
      String encoded = PathSegment.encode(value);
      URI uri = URI.create("https://h.test/x/" + encoded + "/y");
      assertThat(uri.getRawPath()).isEqualTo("/x/" + encoded + "/y");
      assertThat(uri.getRawQuery()).isNull();
      assertThat(uri.getPath())
          .isIn("/x/" + value + "/y", "/x/" + value.replace("\uFFFD", "?") + "/y");
    }
  }
}
