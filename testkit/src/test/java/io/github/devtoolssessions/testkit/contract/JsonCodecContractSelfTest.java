package io.github.devtoolssessions.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.CloudflareError;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The codec contract fails codecs that break it: each flawed codec below, the Jackson codec with
 * one flaw, fails the contract tests that pin that behaviour.
 */
class JsonCodecContractSelfTest {

  private interface ContractTest {
    void run(JsonCodecContract contract) throws Exception;
  }

  /** The Jackson codec, each method open to a flaw. */
  private static class Flawed implements JsonCodec {
    final JsonCodec real = JacksonJsonCodec.create();

    @Override
    public List<Session> readSessions(byte[] body) {
      return real.readSessions(body);
    }

    @Override
    public Optional<Session> readSession(byte[] body) {
      return real.readSession(body);
    }

    @Override
    public List<CloudflareError> readErrors(byte[] body) {
      return real.readErrors(body);
    }

    @Override
    public byte[] writeSessions(List<Session> sessions) {
      return real.writeSessions(sessions);
    }

    @Override
    public byte[] writeSession(Session session) {
      return real.writeSession(session);
    }
  }

  private static Throwable outcome(JsonCodec codec, ContractTest test) {
    JsonCodecContract contract =
        new JsonCodecContract() {
          @Override
          protected JsonCodec createCodec() {
            return codec;
          }
        };
    contract.createCodecUnderTest();
    try {
      test.run(contract);
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  private static void assertFails(JsonCodec codec, ContractTest test) {
    // An assertion that fails or an exception the test did not expect: either fails the test.
    assertThat(outcome(codec, test)).isNotNull();
  }

  private static Session withoutExtraFields(Session s) {
    Session.Builder b = Session.builder(s.sessionId());
    s.startTime().ifPresent(b::startTime);
    s.endTime().ifPresent(b::endTime);
    s.lastUpdated().ifPresent(b::lastUpdated);
    s.connectionId().ifPresent(b::connectionId);
    s.connectionStartTime().ifPresent(b::connectionStartTime);
    s.connectionEndTime().ifPresent(b::connectionEndTime);
    s.devtoolsFrontendUrl().ifPresent(b::devtoolsFrontendUrl);
    s.webSocketDebuggerUrl().ifPresent(b::webSocketDebuggerUrl);
    s.closeReason().ifPresent(b::closeReason);
    s.closeReasonText().ifPresent(b::closeReasonText);
    return b.build();
  }

  @Test
  void theJacksonCodecPassesTheTestsUsedHere() {
    JsonCodec jackson = JacksonJsonCodec.create();

    assertThat(outcome(jackson, JsonCodecContract::keepsUnknownNestedObjectsAndArrays)).isNull();
    assertThat(outcome(jackson, JsonCodecContract::refusesMalformedJson)).isNull();
  }

  @Test
  void aCodecThatDropsUnknownFieldsFails() {
    JsonCodec flawed =
        new Flawed() {
          @Override
          public List<Session> readSessions(byte[] body) {
            return real.readSessions(body).stream()
                .map(JsonCodecContractSelfTest::withoutExtraFields)
                .toList();
          }
        };

    assertFails(flawed, JsonCodecContract::keepsUnknownScalarFields);
    assertFails(flawed, JsonCodecContract::keepsUnknownNestedObjectsAndArrays);
    assertFails(flawed, JsonCodecContract::keepsDeeplyNestedUnknownFields);
    assertFails(flawed, JsonCodecContract::extraFieldsAndEscapesSurviveAWriteAndARead);
  }

  @Test
  void aCodecThatWritesNoUnknownFieldsFails() {
    assertFails(
        new Flawed() {
          @Override
          public byte[] writeSessions(List<Session> sessions) {
            return real.writeSessions(
                sessions.stream().map(JsonCodecContractSelfTest::withoutExtraFields).toList());
          }
        },
        JsonCodecContract::extraFieldsAndEscapesSurviveAWriteAndARead);
  }

  @Test
  void aCodecThatLetsItsLibrarysExceptionsEscapeFails() {
    JsonCodec flawed =
        new Flawed() {
          @Override
          public List<Session> readSessions(byte[] body) {
            try {
              return real.readSessions(body);
            } catch (DecodingException e) {
              throw new IllegalStateException("parser failed", e);
            }
          }
        };

    assertFails(flawed, JsonCodecContract::refusesMalformedJson);
    assertFails(flawed, JsonCodecContract::refusesEveryTruncationOfTheWireExample);
    assertFails(flawed, JsonCodecContract::refusesContentAfterTheValue);
    assertFails(flawed, JsonCodecContract::refusesASessionWithoutItsId);
    assertFails(
        flawed, JsonCodecContract::everyMutationOfTheWireExampleReadsOrFailsWithADecodingException);
  }

  @Test
  void aCodecThatKnowsNoEnvelopeFails() {
    JsonCodec flawed =
        new Flawed() {
          @Override
          public List<Session> readSessions(byte[] body) {
            if (new String(body, StandardCharsets.UTF_8).strip().startsWith("{")) {
              throw new DecodingException("not an array");
            }
            return real.readSessions(body);
          }
        };

    assertFails(flawed, JsonCodecContract::readsTheListEnvelope);
  }

  @Test
  void aCodecThatReadsEveryCloseReasonAsAStringFails() {
    assertFails(
        new Flawed() {
          @Override
          public List<Session> readSessions(byte[] body) {
            return real.readSessions(body).stream()
                .map(
                    s ->
                        s.closeReason().isEmpty()
                            ? s
                            : s.toBuilder()
                                .closeReason(CloseReason.ofString(s.closeReason().get().value()))
                                .build())
                .toList();
          }
        },
        JsonCodecContract::readsCloseReasonSentAsANumber);
  }

  @Test
  void aCodecThatReadsNoErrorsFails() {
    JsonCodec flawed =
        new Flawed() {
          @Override
          public List<CloudflareError> readErrors(byte[] body) {
            real.readErrors(body);
            return List.of();
          }
        };

    assertFails(flawed, JsonCodecContract::readsTheV4ErrorEnvelopeWithItsErrorChains);
    assertFails(flawed, JsonCodecContract::readsTheErrorsAndStatusShape);
    assertFails(flawed, JsonCodecContract::readsAnErrorGivenAsAString);
    assertFails(flawed, JsonCodecContract::readsAMessageOnlyBody);
  }

  @Test
  void aCodecThatRefusesNullAsABodyFails() {
    assertFails(
        new Flawed() {
          @Override
          public List<Session> readSessions(byte[] body) {
            if (new String(body, StandardCharsets.UTF_8).strip().equals("null")) {
              throw new DecodingException("null is not a list");
            }
            return real.readSessions(body);
          }
        },
        JsonCodecContract::readsNullAsTheWholeBodyAsNothing);
  }

  @Test
  void aCodecThatReadsTimesAsDoublesFails() {
    assertFails(
        new Flawed() {
          @Override
          public List<Session> readSessions(byte[] body) {
            return real.readSessions(body).stream().map(this::viaDouble).toList();
          }

          private Session viaDouble(Session s) {
            return s.startTime()
                .map(t -> BigDecimal.valueOf(t.epochMillis().doubleValue()))
                .map(d -> s.toBuilder().startTime(new Timestamp(d)).build())
                .orElse(s);
          }
        },
        JsonCodecContract::readsVeryLargeAndNegativeNumbersExactly);
  }
}
