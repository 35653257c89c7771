package io.github.devtoolssessions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentDecodingTest {

  @Test
  void pathSegmentsDecodeUtf8AndKeepPlus() {
    assertThat(PercentDecoding.pathSegment("a%2Fb%20c+d%C3%A9")).isEqualTo("a/b c+dé");
  }

  @Test
  void queryComponentsReadPlusAsSpace() {
    assertThat(PercentDecoding.queryComponent("a+b%2B")).isEqualTo("a b+");
  }

  @Test
  void malformedEscapesAreKeptAndInvalidUtf8BecomesAReplacementCharacter() {
    assertThat(PercentDecoding.pathSegment("100%")).isEqualTo("100%");
    assertThat(PercentDecoding.pathSegment("%zz%4")).isEqualTo("%zz%4");
    assertThat(PercentDecoding.pathSegment("%FF")).isEqualTo("\ufffd");
  }

  @Test
  void nonAsciiTextPassesThrough() {
    assertThat(PercentDecoding.pathSegment("é%20\ud83d\ude00")).isEqualTo("é \ud83d\ude00");
  }
}
