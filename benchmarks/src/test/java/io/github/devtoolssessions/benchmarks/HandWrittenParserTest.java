package io.github.devtoolssessions.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandWrittenParserTest {

  @Test
  void readsThePageBackToTheSessionsItWasWrittenFrom() throws IOException {
    List<Session> page = BenchmarkSessions.withAllFields(BenchmarkSessions.PAGE_SIZE);
    byte[] body = JacksonJsonCodec.create().writeSessions(page);

    assertThat(HandWrittenParser.parse(body)).isEqualTo(page);
  }

  @Test
  void buildsTheSameValuesAsTheJacksonCodec() throws IOException {
    byte[] body =
        ("[{\"sessionId\":\"a\",\"startTime\":1764772210512.5,\"endTime\":1764772391077,"
                + "\"lastUpdated\":null,\"connectionId\":\"c-1\",\"closeReason\":\"1006\","
                + "\"closeReasonText\":\"AbnormalClosure\",\"lab\":{\"x\":[1]}},"
                + "{\"sessionId\":\"b\",\"closeReason\":1000}]")
            .getBytes(StandardCharsets.UTF_8);

    List<Session> parsed = HandWrittenParser.parse(body);

    assertThat(parsed.get(0).startTime())
        .contains(new Timestamp(new BigDecimal("1764772210512.5")));
    assertThat(parsed.get(0).endTime()).contains(Timestamp.ofEpochMillis(1764772391077L));
    assertThat(parsed.get(0).lastUpdated()).isEmpty();
    assertThat(parsed.get(0).closeReason()).contains(CloseReason.ofString("1006"));
    assertThat(parsed.get(1).closeReason()).contains(CloseReason.ofNumber(1000));
    // The codec also keeps the unknown field; the baseline skips it, and is otherwise equal.
    List<Session> decoded = JacksonJsonCodec.create().readSessions(body);
    assertThat(decoded.get(0).extraFields()).containsKey("lab");
    assertThat(parsed.get(0))
        .isEqualTo(
            Session.builder("a")
                .startTime(decoded.get(0).startTime().orElseThrow())
                .endTime(decoded.get(0).endTime().orElseThrow())
                .connectionId("c-1")
                .closeReason(decoded.get(0).closeReason().orElseThrow())
                .closeReasonText("AbnormalClosure")
                .build());
    assertThat(parsed.get(1)).isEqualTo(decoded.get(1));
  }

  @Test
  void refusesABodyThatIsNotAnArray() {
    assertThatThrownBy(() -> HandWrittenParser.parse("{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
  }
}
