package io.github.devtoolssessions.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.devtoolssessions.core.CloseReason;
import io.github.devtoolssessions.core.CloudflareError;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.Timestamp;
import io.github.devtoolssessions.testkit.FakeSessions;
import io.github.devtoolssessions.testkit.internal.JsonTree;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link JsonCodec} must show, as a JUnit 5 suite over a golden set of bodies
 * with their expected results: extend it, implement {@link #createCodec}, and the inherited tests
 * prove the adapter.
 *
 * <pre>{@code
 * class JsonbJsonCodecContractTest extends JsonCodecContract {
 *   @Override
 *   protected JsonCodec createCodec() {
 *     return JsonbJsonCodec.create();
 *   }
 * }
 * }</pre>
 *
 * <p>The set covers the wire contract ({@code wire-contract.md}): a session with only its id and
 * one with all eleven fields; {@code closeReason} as a number and as a string; {@code null} for
 * absent; unknown fields kept (scalar, nested, arrays, 200 levels deep); the list and the single
 * session envelope; numbers in exponent form, very large and negative; unicode and escaped strings;
 * duplicate keys (the last wins); an empty array and {@code null} as the whole body; every error
 * shape, and no errors from JSON of any other shape; and {@link DecodingException}, never another
 * exception, for HTML, malformed, truncated or trailing input and for a session without its id.
 * Written sessions must read back equal.
 *
 * <p>Values are compared as the core defines them ({@link Session#equals}); where JSON allows
 * several spellings, by meaning: times by numeric value, unknown fields' raw JSON by the value it
 * denotes (whitespace, key order and number spelling aside). The suite depends on the testkit and
 * JUnit Jupiter only.
 */
public abstract class JsonCodecContract {

  /** The wire contract's example of a list response, with all eleven fields. */
  private static final String WIRE_EXAMPLE =
      """
      [
        {
          "sessionId": "5f0c7a52-3b1e-4c8e-9a57-0d7e2b9c1a44",
          "startTime": 1764772210512,
          "lastUpdated": 1764772391077.5,
          "connectionId": "c-81f2",
          "connectionStartTime": 1764772211003,
          "devtoolsFrontendUrl": "https://devtools.example.invalid/inspector?wss=...",
          "webSocketDebuggerUrl": "wss://devtools.example.invalid/browser/5f0c7a52-...?jwt=...",
          "closeReason": 1000,
          "closeReasonText": "NormalClosure",
          "connectionEndTime": 1764772391077,
          "endTime": 1764772391077
        }
      ]
      """;

  /** The session of {@link #WIRE_EXAMPLE}. */
  private static final Session WIRE_SESSION =
      Session.builder("5f0c7a52-3b1e-4c8e-9a57-0d7e2b9c1a44")
          .startTime(Timestamp.ofEpochMillis(1764772210512L))
          .lastUpdated(new Timestamp(new BigDecimal("1764772391077.5")))
          .connectionId("c-81f2")
          .connectionStartTime(Timestamp.ofEpochMillis(1764772211003L))
          .devtoolsFrontendUrl("https://devtools.example.invalid/inspector?wss=...")
          .webSocketDebuggerUrl("wss://devtools.example.invalid/browser/5f0c7a52-...?jwt=...")
          .closeReason(CloseReason.ofNumber(1000))
          .closeReasonText("NormalClosure")
          .connectionEndTime(Timestamp.ofEpochMillis(1764772391077L))
          .endTime(Timestamp.ofEpochMillis(1764772391077L))
          .build();

  private JsonCodec codec;

  /** For subclasses. */
  protected JsonCodecContract() {}

  /** The codec under test; called once per test. */
  protected abstract JsonCodec createCodec();

  /** Creates the codec for the test. */
  @BeforeEach
  public final void createCodecUnderTest() {
    codec = Objects.requireNonNull(createCodec(), "createCodec returned null");
  }

  /** The codec of the current test. */
  protected final JsonCodec codec() {
    return codec;
  }

  // ---------------------------------------------------------------- sessions

  /** The smallest valid session. */
  @Test
  public void readsASessionThatHasOnlyItsId() {
    assertEquals(List.of(Session.builder("s-1").build()), sessions("[{\"sessionId\":\"s-1\"}]"));
  }

  /** The wire contract's example, every field exactly. */
  @Test
  public void readsAllElevenFieldsOfTheWireContractExample() {
    List<Session> read = sessions(WIRE_EXAMPLE);

    assertEquals(List.of(WIRE_SESSION), read);
    assertTrue(read.get(0).extraFields().isEmpty(), "no extra fields");
  }

  /** {@code closeReason} as a JSON number: kept as a number. */
  @Test
  public void readsCloseReasonSentAsANumber() {
    Session s = sessions("[{\"sessionId\":\"a\",\"closeReason\":1000}]").get(0);

    CloseReason reason = s.closeReason().orElseThrow();
    assertTrue(reason.isNumber(), "sent as a number");
    assertEquals(OptionalInt.of(1000), reason.code());
    assertEquals(CloseReason.ofNumber(1000), reason);
  }

  /** {@code closeReason} as a JSON string, as older deployments sent it: kept as a string. */
  @Test
  public void readsCloseReasonSentAsAString() {
    Session s = sessions("[{\"sessionId\":\"a\",\"closeReason\":\"1006\"}]").get(0);

    assertEquals(Optional.of(CloseReason.ofString("1006")), s.closeReason());
    assertFalse(s.closeReason().orElseThrow().isNumber(), "sent as a string");
  }

  /** {@code null} means absent, for every field but the id. */
  @Test
  public void readsNullAsAbsentForEveryOptionalField() {
    String body =
        """
        [{"sessionId":"a","startTime":null,"endTime":null,"lastUpdated":null,
          "connectionId":null,"connectionStartTime":null,"connectionEndTime":null,
          "devtoolsFrontendUrl":null,"webSocketDebuggerUrl":null,"closeReason":null,
          "closeReasonText":null}]
        """;

    assertEquals(List.of(Session.builder("a").build()), sessions(body));
  }

  /** Unknown scalar fields are kept, as JSON denoting the same value. */
  @Test
  public void keepsUnknownScalarFields() {
    Session s =
        sessions(
                "[{\"lab\":\"x\\\"y\",\"sessionId\":\"a\",\"count\":42,\"ratio\":1.50,"
                    + "\"on\":true,\"off\":false,\"none\":null}]")
            .get(0);

    assertExtraFields(
        Map.of(
            "lab", "\"x\\\"y\"",
            "count", "42",
            "ratio", "1.50",
            "on", "true",
            "off", "false",
            "none", "null"),
        s);
  }

  /** Unknown objects and arrays are kept whole. */
  @Test
  public void keepsUnknownNestedObjectsAndArrays() {
    Session s =
        sessions(
                "[{\"sessionId\":\"a\",\"meta\": { \"b\" : [1, {\"c\":null}, []], \"d\":{} },"
                    + " \"tags\": [\"x\", [2.5e-3, \"\\u00e9\"]], \"empty\":[]}]")
            .get(0);

    assertExtraFields(
        Map.of(
            "meta", "{\"b\":[1,{\"c\":null},[]],\"d\":{}}",
            "tags", "[\"x\",[0.0025,\"\u00e9\"]]",
            "empty", "[]"),
        s);
  }

  /** An unknown field nested 200 levels deep is kept, not refused. */
  @Test
  public void keepsDeeplyNestedUnknownFields() {
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      deep.append("{\"k\":[");
    }
    deep.append("1");
    for (int i = 0; i < 100; i++) {
      deep.append("]}");
    }

    Session s = sessions("[{\"sessionId\":\"a\",\"deep\":" + deep + "}]").get(0);

    assertExtraFields(Map.of("deep", deep.toString()), s);
  }

  /** The envelope some proxies add around the list. */
  @Test
  public void readsTheListEnvelope() {
    String body =
        "{\"success\":true,\"errors\":[],\"messages\":[],"
            + "\"result\":[{\"sessionId\":\"a\"},{\"sessionId\":\"b\"}]}";

    assertEquals(
        List.of(Session.builder("a").build(), Session.builder("b").build()), sessions(body));
  }

  /** One session, bare or in the envelope. */
  @Test
  public void readsOneSessionBareOrInTheEnvelope() {
    String object = WIRE_EXAMPLE.strip();
    object = object.substring(1, object.length() - 1);

    assertEquals(Optional.of(WIRE_SESSION), session(object));
    assertEquals(
        Optional.of(WIRE_SESSION),
        session("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":" + object + "}"));
  }

  /** Times and close reasons written with an exponent mean the same numbers. */
  @Test
  public void readsNumbersInExponentForm() {
    Session s =
        sessions(
                "[{\"sessionId\":\"a\",\"startTime\":1.764772210512E12,"
                    + "\"lastUpdated\":17647723910775e-1,\"closeReason\":1.0E3}]")
            .get(0);

    assertSameNumber("1764772210512", s.startTime().orElseThrow(), "startTime");
    assertEquals(Instant.ofEpochMilli(1764772210512L), s.startTime().orElseThrow().toInstant());
    assertSameNumber("1764772391077.5", s.lastUpdated().orElseThrow(), "lastUpdated");
    CloseReason reason = s.closeReason().orElseThrow();
    assertTrue(reason.isNumber(), "closeReason sent as a number");
    assertEquals(OptionalInt.of(1000), reason.code(), "closeReason code");
  }

  /** Numbers beyond {@code long} and {@code double}, and negative ones, are kept exactly. */
  @Test
  public void readsVeryLargeAndNegativeNumbersExactly() {
    Session s =
        sessions(
                "[{\"sessionId\":\"a\",\"startTime\":123456789012345678901234567890,"
                    + "\"endTime\":-1764772210512.25,\"lastUpdated\":0.000000000000000000001,"
                    + "\"closeReason\":-1,\"huge\":1e400,\"tiny\":-1E-400}]")
            .get(0);

    assertSameNumber("123456789012345678901234567890", s.startTime().orElseThrow(), "startTime");
    assertSameNumber("-1764772210512.25", s.endTime().orElseThrow(), "endTime");
    assertSameNumber("1e-21", s.lastUpdated().orElseThrow(), "lastUpdated");
    assertEquals(OptionalInt.of(-1), s.closeReason().orElseThrow().code(), "closeReason");
    assertExtraFields(Map.of("huge", "1e400", "tiny", "-1e-400"), s);
  }

  /**
   * Non-ASCII text, raw or escaped, and every JSON escape read as the characters they stand for.
   */
  @Test
  public void readsUnicodeAndEscapedStrings() {
    String body =
        "[{\"sessionId\":\"s-\u00e9-\u4e2d-\ud83d\ude00\","
            + "\"connectionId\":\"\\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00\","
            + "\"closeReasonText\":\"\\u0000\\u001f\u2028\"}]";

    Session s = sessions(body).get(0);

    assertEquals("s-\u00e9-\u4e2d-\ud83d\ude00", s.sessionId());
    assertEquals(
        Optional.of("\"q\" \\ / \b\f\n\r\t \u00e9 \ud83d\ude00"), s.connectionId(), "escapes");
    assertEquals(Optional.of("\u0000\u001f\u2028"), s.closeReasonText(), "control characters");
  }

  /** A key given twice has its last value, known fields and unknown alike. */
  @Test
  public void keepsTheLastValueOfDuplicateKeys() {
    Session s =
        sessions(
                "[{\"sessionId\":\"first\",\"startTime\":1,\"x\":1,\"sessionId\":\"last\","
                    + "\"startTime\":null,\"x\":[2],\"endTime\":3,\"endTime\":4}]")
            .get(0);

    assertEquals("last", s.sessionId());
    assertEquals(Optional.empty(), s.startTime(), "startTime given last as null");
    assertSameNumber("4", s.endTime().orElseThrow(), "endTime");
    assertExtraFields(Map.of("x", "[2]"), s);
  }

  /** An empty page is an empty list. */
  @Test
  public void readsAnEmptyArrayAsNoSessions() {
    assertEquals(List.of(), sessions("[]"));
    assertEquals(List.of(), sessions(" \n[ ]\n"));
  }

  /** {@code null} as the whole body: no sessions, no session. */
  @Test
  public void readsNullAsTheWholeBodyAsNothing() {
    assertEquals(List.of(), sessions("null"));
    assertEquals(Optional.empty(), session("null"));
  }

  /** A session without its id cannot be read, in a list or alone. */
  @Test
  public void refusesASessionWithoutItsId() {
    assertDecodingFails("[{\"sessionId\":\"a\"},{\"startTime\":1}]", codec::readSessions);
    assertDecodingFails("[{\"sessionId\":null}]", codec::readSessions);
    assertDecodingFails("{\"startTime\":1}", codec::readSession);
    assertDecodingFails("{\"result\":{\"startTime\":1}}", codec::readSession);
  }

  // ---------------------------------------------------------------- errors

  /** The v4 envelope, each error's {@code error_chain} included. */
  @Test
  public void readsTheV4ErrorEnvelopeWithItsErrorChains() {
    String body =
        """
        {"success":false,"errors":[
          {"code":6003,"message":"Invalid request headers","error_chain":[
            {"code":6111,"message":"Invalid format for Authorization header"},
            {"code":6103,"message":"Invalid format for X-Auth-Key header"}]},
          {"code":9109,"message":"Unauthorized to access requested resource"}],
         "messages":[],"result":null}
        """;

    assertEquals(
        List.of(
            new CloudflareError(
                OptionalInt.of(6003),
                "Invalid request headers",
                List.of(
                    CloudflareError.of(6111, "Invalid format for Authorization header"),
                    CloudflareError.of(6103, "Invalid format for X-Auth-Key header"))),
            CloudflareError.of(9109, "Unauthorized to access requested resource")),
        errors(body));
  }

  /** {@code {"errors":[...],"status":false}}. */
  @Test
  public void readsTheErrorsAndStatusShape() {
    assertEquals(
        List.of(CloudflareError.of(429, "Rate limit exceeded")),
        errors(
            "{\"errors\":[{\"code\":429,\"message\":\"Rate limit exceeded\"}],\"status\":false}"));
  }

  /** {@code {"error":"..."}}, the get-by-id endpoint's 404. */
  @Test
  public void readsAnErrorGivenAsAString() {
    assertEquals(
        List.of(CloudflareError.ofMessage("Session not found")),
        errors("{\"error\":\"Session not found\"}"));
  }

  /** {@code {"message":"..."}}. */
  @Test
  public void readsAMessageOnlyBody() {
    assertEquals(
        List.of(CloudflareError.ofMessage("Internal Error")),
        errors("{\"message\":\"Internal Error\"}"));
  }

  /** JSON of any other shape holds no errors, and is no reason to fail. */
  @Test
  public void readsNoErrorsFromJsonOfAnyOtherShape() {
    for (String body :
        List.of(
            "[]",
            "42",
            "\"Session not found\"",
            "true",
            "null",
            "{}",
            "{\"success\":false,\"errors\":[],\"messages\":[],\"result\":null}",
            "{\"result\":[{\"sessionId\":\"a\"}]}")) {
      assertEquals(List.of(), errors(body), body);
    }
  }

  // ---------------------------------------------------------------- what is not JSON

  /** An HTML page from the edge, with each read. */
  @Test
  public void refusesAnHtmlPage() {
    String page = "<html><body><h1>502 Bad Gateway</h1><hr>cloudflare</body></html>";

    assertDecodingFails(page, codec::readSessions);
    assertDecodingFails(page, codec::readSession);
    assertDecodingFails(page, codec::readErrors);
  }

  /** Broken JSON of every kind, with each read. */
  @Test
  public void refusesMalformedJson() {
    for (String body :
        List.of(
            "",
            "  \n ",
            "[{\"sessionId\":\"a\",}]",
            "[{\"sessionId\" \"a\"}]",
            "[{'sessionId':'a'}]",
            "[{\"sessionId\":\"a\"}}",
            "{\"sessionId\":\"a\"]",
            "[01]",
            "[{\"sessionId\":\"a\",\"x\":NaN}]",
            "[{\"sessionId\":\"a\",\"x\":tru}]",
            "[{\"sessionId\":\"a\\q\"}]")) {
      assertDecodingFails(body, codec::readSessions);
      assertDecodingFails(body, codec::readSession);
      assertDecodingFails(body, codec::readErrors);
    }
  }

  /** Every cut of the wire example short of its end. */
  @Test
  public void refusesEveryTruncationOfTheWireExample() {
    byte[] whole = utf8(WIRE_EXAMPLE.strip());
    for (int n = 0; n < whole.length; n++) {
      String cut = new String(Arrays.copyOf(whole, n), StandardCharsets.UTF_8);
      assertDecodingFails(cut, codec::readSessions);
    }
  }

  /** Anything but whitespace after the value. */
  @Test
  public void refusesContentAfterTheValue() {
    for (String body :
        List.of(
            "[] x", "[] []", "null null", "[]]", "{\"result\":[]} 1", "[{\"sessionId\":\"a\"}],")) {
      assertDecodingFails(body, codec::readSessions);
    }
    for (String body : List.of("{\"sessionId\":\"a\"} x", "null {}")) {
      assertDecodingFails(body, codec::readSession);
    }
    assertDecodingFails("{\"message\":\"m\"} {}", codec::readErrors);
  }

  /** Every one-byte change of the wire example reads or fails with a DecodingException only. */
  @Test
  public void everyMutationOfTheWireExampleReadsOrFailsWithADecodingException() {
    byte[] whole = utf8(WIRE_EXAMPLE);
    byte[] replacements = {'"', '{', '}', '[', ']', ',', ':', '1', 'x', '.', '-', 'e', '\\', 0};
    List<Consumer<byte[]>> reads =
        List.of(codec::readSessions, codec::readSession, codec::readErrors);
    for (int i = 0; i < whole.length; i++) {
      for (byte r : replacements) {
        byte[] mutated = whole.clone();
        mutated[i] = r;
        for (Consumer<byte[]> read : reads) {
          try {
            read.accept(mutated);
          } catch (DecodingException expected) {
            // the one exception a read may throw
          } catch (RuntimeException e) {
            fail(
                "a read threw "
                    + e
                    + " instead of DecodingException for: "
                    + new String(mutated, StandardCharsets.UTF_8),
                e);
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- writing

  /** The wire example written again says the same thing, with the API's field names. */
  @Test
  public void writesTheApiFieldNamesInABareArray() {
    String written = text(codec.writeSessions(List.of(WIRE_SESSION)));

    Object tree = JsonTree.parse(written);
    assertTrue(tree instanceof List, "a bare JSON array: " + written);
    assertEquals(JsonTree.parse(WIRE_EXAMPLE), tree, "the written session: " + written);
    assertEquals(
        JsonTree.parse(WIRE_EXAMPLE.strip().substring(1, WIRE_EXAMPLE.strip().length() - 1)),
        JsonTree.parse(text(codec.writeSession(WIRE_SESSION))),
        "one written session");
  }

  /** Sessions as the fake generates them read back equal, as a list and one by one. */
  @Test
  public void writtenSessionsReadBackEqual() {
    List<Session> generated = FakeSessions.generate(7, 200);

    assertEquals(generated, codec.readSessions(codec.writeSessions(generated)));
    for (Session s : generated.subList(0, 20)) {
      assertEquals(Optional.of(s), codec.readSession(codec.writeSession(s)), s.sessionId());
    }
    assertEquals(List.of(), codec.readSessions(codec.writeSessions(List.of())));
  }

  /** Unknown fields, strings with escapes and numbers as strings survive a write and a read. */
  @Test
  public void extraFieldsAndEscapesSurviveAWriteAndARead() {
    Session s =
        Session.builder("id \"quoted\" \\ \u00e9 \ud83d\ude00\n")
            .closeReason(CloseReason.ofString("1006"))
            .closeReasonText("tab\tand \u0001")
            .startTime(new Timestamp(new BigDecimal("123456789012345678901234567890.125")))
            .extraField("lab", "\"x\"")
            .extraField("meta", "{\"a\":[1,2.5,{\"b\":null}],\"c\":true}")
            .build();

    Session back = codec.readSessions(codec.writeSessions(List.of(s))).get(0);

    assertEquals(s.sessionId(), back.sessionId());
    assertEquals(s.closeReason(), back.closeReason());
    assertEquals(s.closeReasonText(), back.closeReasonText());
    assertSameNumber(
        "123456789012345678901234567890.125", back.startTime().orElseThrow(), "startTime");
    assertExtraFields(s.extraFields(), back);
  }

  // ---------------------------------------------------------------- helpers

  private List<Session> sessions(String body) {
    return codec.readSessions(utf8(body));
  }

  private Optional<Session> session(String body) {
    return codec.readSession(utf8(body));
  }

  private List<CloudflareError> errors(String body) {
    return codec.readErrors(utf8(body));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static void assertDecodingFails(String body, Consumer<byte[]> read) {
    byte[] bytes = utf8(body);
    try {
      read.accept(bytes);
      fail("read without failing: " + body);
    } catch (DecodingException expected) {
      // as required
    } catch (RuntimeException e) {
      fail("threw " + e + " instead of DecodingException for: " + body, e);
    }
  }

  private static void assertSameNumber(String expected, Timestamp actual, String field) {
    assertEquals(
        0,
        new BigDecimal(expected).compareTo(actual.epochMillis()),
        field + ": expected " + expected + " but was " + actual);
  }

  /** The session has exactly these extra fields, each JSON denoting the same value. */
  private static void assertExtraFields(Map<String, String> expected, Session actual) {
    assertEquals(expected.keySet(), actual.extraFields().keySet(), "names of the extra fields");
    expected.forEach(
        (name, json) -> {
          String got = actual.extraFields().get(name);
          assertTrue(
              JsonTree.equivalent(json, got),
              "extra field " + name + ": expected JSON like " + json + " but was " + got);
        });
  }
}
