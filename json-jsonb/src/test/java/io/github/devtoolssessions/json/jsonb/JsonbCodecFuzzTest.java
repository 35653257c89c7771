package io.github.devtoolssessions.json.jsonb;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.JsonCodec;
import java.util.List;
import java.util.function.Supplier;

/**
 * Hostile bodies: whatever bytes the network hands over, every read ends in a value or in a {@link
 * DecodingException}, never in another exception or error and never in a hang.
 *
 * <p>In a normal build (no {@code JAZZER_FUZZ}) Jazzer runs this as a regression test over the
 * empty body and the seed corpus in {@code JsonbCodecFuzzTestInputs/<method name>} under this
 * package's test resources: the wire contract's bodies and their hostile variants (HTML, cut short,
 * nested deep, huge numbers, numbers in strings, duplicate keys, malformed UTF-8). With {@code
 * JAZZER_FUZZ=1} it mutates them, guided by coverage, for {@code maxDuration} (the README says
 * how); an input that fails is written into that directory, where it stays as a regression.
 */
class JsonbCodecFuzzTest {

  /**
   * The streaming codec and both codecs over a {@code Jsonb} of {@link Codecs}: the two read
   * through different paths (Parsson directly, or JSON-B handing its parser to a recorder that is
   * replayed), and each must keep the promise on its own.
   */
  private static final List<JsonCodec> CODECS =
      List.of(
          JsonbJsonCodec.create(),
          JsonbJsonCodec.create(Codecs.DEFAULT_JSONB),
          JsonbJsonCodec.create(Codecs.CONFIGURED_JSONB));

  @FuzzTest(maxDuration = "30s")
  void readsAnyBodyToAValueOrADecodingException(byte[] body) {
    for (JsonCodec codec : CODECS) {
      readsAValueOrFailsToDecode(() -> codec.readSessions(body));
      readsAValueOrFailsToDecode(() -> codec.readSession(body));
      readsAValueOrFailsToDecode(() -> codec.readErrors(body));
    }
  }

  /**
   * Runs one read: a {@link DecodingException} is an answer; anything else thrown fails the test,
   * and so does a value that cannot be shown, as a caller's log line would show it.
   */
  private static void readsAValueOrFailsToDecode(Supplier<?> read) {
    Object value;
    try {
      value = read.get();
    } catch (DecodingException expected) {
      return;
    }
    assertThat(value).isNotNull();
    assertThat(value.toString()).isNotNull();
  }
}
