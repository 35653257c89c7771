package io.github.devtoolssessions.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SessionTest {

  private static Session full() {
    return Session.builder("5f0c7a52-3b1e-4c8e-9a57-0d7e2b9c1a44")
        .startTime(Timestamp.ofEpochMillis(1764772210512L))
        .devtoolsFrontendUrl("https://devtools.example.invalid/inspector?wss=x&jwt=SECRETJWT1")
        .webSocketDebuggerUrl("wss://devtools.example.invalid/browser/5f0c?jwt=SECRETJWT2")
        .closeReason(CloseReason.ofNumber(1000))
        .endTime(Timestamp.ofEpochMillis(1764772391077L))
        .extraField("lab", "true")
        .build();
  }

  @Test
  void toStringMasksTheQueryOfBothUrls() {
    String s = full().toString();
    assertThat(s)
        .contains("https://devtools.example.invalid/inspector?****")
        .contains("wss://devtools.example.invalid/browser/5f0c?****")
        .doesNotContain("SECRETJWT1")
        .doesNotContain("SECRETJWT2");
  }

  @Test
  void accessorsReturnTheUrlsWhole() {
    assertThat(full().webSocketDebuggerUrl())
        .contains("wss://devtools.example.invalid/browser/5f0c?jwt=SECRETJWT2");
  }

  @Test
  void absentFieldsReadAsEmpty() {
    Session s = Session.builder("id").build();
    assertThat(s.startTime()).isEmpty();
    assertThat(s.closeReason()).isEmpty();
    assertThat(s.webSocketDebuggerUrl()).isEmpty();
    assertThat(s.extraFields()).isEmpty();
    assertThat(s.isClosed()).isFalse();
  }

  @Test
  void aSessionWithAnEndTimeIsClosed() {
    assertThat(full().isClosed()).isTrue();
  }

  @Test
  void sessionsCompareByValueAndRebuildEqual() {
    assertThat(full()).isEqualTo(full()).hasSameHashCodeAs(full());
    assertThat(full().toBuilder().build()).isEqualTo(full());
    assertThat(full().toBuilder().extraField("x", "1").build()).isNotEqualTo(full());
  }

  @Test
  void extraFieldsKeepTheirOrderAndCannotBeChanged() {
    Session s = Session.builder("id").extraField("b", "1").extraField("a", "[2]").build();
    assertThat(s.extraFields()).containsExactly(entry("b", "1"), entry("a", "[2]"));
    assertThatThrownBy(() -> s.extraFields().put("c", "3"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aBlankIdIsRefused() {
    assertThatThrownBy(() -> Session.builder(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sessionId");
  }

  private static java.util.Map.Entry<String, String> entry(String k, String v) {
    return java.util.Map.entry(k, v);
  }
}
