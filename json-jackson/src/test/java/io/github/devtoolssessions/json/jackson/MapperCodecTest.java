package io.github.devtoolssessions.json.jackson;

import static io.github.devtoolssessions.json.jackson.WireExamples.text;
import static io.github.devtoolssessions.json.jackson.WireExamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapperCodecTest {

  @Test
  void keepsUnknownFieldsUnderAMapperThatFailsOnUnknownProperties() {
    ObjectMapper strict =
        JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    JsonCodec codec = JacksonJsonCodec.create(strict);

    Session s = codec.readSessions(utf8("[{\"sessionId\":\"a\",\"lab\":{\"x\":1}}]")).get(0);

    assertThat(s.extraFields()).containsExactly(Map.entry("lab", "{\"x\":1}"));
  }

  @Test
  void readsWithTheMapperFactorysReadFeatures() {
    ObjectMapper lenient = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();
    byte[] body = utf8("[/* a page */ {\"sessionId\":\"a\"}]");

    assertThat(JacksonJsonCodec.create(lenient).readSessions(body))
        .containsExactly(Session.builder("a").build());
    assertThatThrownBy(() -> JacksonJsonCodec.create().readSessions(body))
        .isInstanceOf(DecodingException.class);
  }

  @Test
  void readsWithTheMapperFactorysLimitsAndWrapsTheirBreach() {
    ObjectMapper limited =
        JsonMapper.builder(
                JsonFactory.builder()
                    .streamReadConstraints(
                        StreamReadConstraints.builder().maxNumberLength(5).build())
                    .build())
            .build();

    assertThatThrownBy(
            () ->
                JacksonJsonCodec.create(limited)
                    .readSessions(utf8("[{\"sessionId\":\"a\",\"startTime\":1764772210512}]")))
        .isInstanceOf(DecodingException.class)
        .hasCauseInstanceOf(StreamConstraintsException.class);
  }

  @Test
  void keepsWhatALenientParserAcceptsAsJson() {
    ObjectMapper lenient =
        JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .build();
    JsonCodec codec = JacksonJsonCodec.create(lenient);

    Session s =
        codec
            .readSessions(utf8("[{\"sessionId\":\"a\",\"closeReason\":+1000,\"x\":NaN,\"y\":.5}]"))
            .get(0);

    assertThat(s.closeReason()).contains(new CloseReason("1000", true));
    assertThat(s.extraFields()).containsExactly(Map.entry("x", "\"NaN\""), Map.entry("y", "0.5"));
    assertThat(JacksonJsonCodec.create().readSession(codec.writeSession(s))).contains(s);
  }

  @Test
  void refusesNonFiniteTimesAndCloseReasonsNamingTheField() {
    JsonCodec codec =
        JacksonJsonCodec.create(
            JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build());

    assertThatThrownBy(() -> codec.readSessions(utf8("[{\"sessionId\":\"a\",\"startTime\":NaN}]")))
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("\"startTime\" is not a finite number");
    assertThatThrownBy(
            () -> codec.readSessions(utf8("[{\"sessionId\":\"a\",\"closeReason\":Infinity}]")))
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("\"closeReason\" is not a finite number");
  }

  @Test
  void writesPlainJsonWhateverTheMapperWrites() {
    ObjectMapper odd =
        JsonMapper.builder()
            .enable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS)
            .disable(JsonWriteFeature.QUOTE_FIELD_NAMES)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();
    Session s =
        Session.builder("é")
            .startTime(new Timestamp(new BigDecimal("1E+3")))
            .closeReason(CloseReason.ofNumber(1000))
            .extraField("n", "1.50")
            .build();

    assertThat(text(JacksonJsonCodec.create(odd).writeSession(s)))
        .isEqualTo("{\"sessionId\":\"é\",\"startTime\":1E+3,\"closeReason\":1000,\"n\":1.50}");
  }

  @Test
  void refusesAMapperThatDoesNotReadJson() {
    ObjectMapper notJson = new ObjectMapper(new OtherFormatFactory());

    assertThatThrownBy(() -> JacksonJsonCodec.create(notJson))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OTHER");
    assertThatThrownBy(() -> JacksonJsonCodec.create(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void sharesTheDefaultCodec() {
    assertThat(JacksonJsonCodec.create()).isSameAs(JacksonJsonCodec.create());
  }

  /** A factory that names another format, as YAML's or XML's would. */
  private static final class OtherFormatFactory extends JsonFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public String getFormatName() {
      return "OTHER";
    }
  }
}
