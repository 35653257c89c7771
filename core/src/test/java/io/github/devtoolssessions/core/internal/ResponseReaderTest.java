package io.github.devtoolssessions.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.ApiException;
import io.github.devtoolssessions.core.AuthenticationException;
import io.github.devtoolssessions.core.BadRequestException;
import io.github.devtoolssessions.core.CloudflareError;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.NotFoundException;
import io.github.devtoolssessions.core.PermissionDeniedException;
import io.github.devtoolssessions.core.RateLimitException;
import io.github.devtoolssessions.core.ServerException;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseReaderTest {

  private static final String TOKEN = "tok-SECRET-42";

  /** A codec that reads JSON-ish bodies by their first character; enough to drive the reader. */
  private static class ScriptedCodec implements JsonCodec {
    List<CloudflareError> errors = List.of(CloudflareError.of(10000, "Authentication error"));

    @Override
    public List<Session> readSessions(byte[] body) {
      if (body.length == 0 || body[0] != '[') {
        throw new DecodingException("not an array");
      }
      return List.of(Session.builder("s1").build());
    }

    @Override
    public Optional<Session> readSession(byte[] body) {
      return new String(body, StandardCharsets.UTF_8).equals("null")
          ? Optional.empty()
          : Optional.of(Session.builder("s1").build());
    }

    @Override
    public List<CloudflareError> readErrors(byte[] body) {
      if (body[0] == '<') {
        throw new DecodingException("not JSON");
      }
      return errors;
    }

    @Override
    public byte[] writeSessions(List<Session> sessions) {
      return new byte[0];
    }

    @Override
    public byte[] writeSession(Session session) {
      return new byte[0];
    }
  }

  private final ScriptedCodec codec = new ScriptedCodec();
  private final ResponseReader reader = new ResponseReader(codec, Clock.systemUTC());
  private final TransportRequest request =
      TransportRequest.get(
          URI.create("https://h.test/client/v4/accounts/a/browser-rendering/devtools/session"),
          Headers.builder().add("Authorization", "Bearer " + TOKEN).build());

  private static TransportResponse response(int status, String body, String... headers) {
    Headers.Builder h = Headers.builder();
    for (int i = 0; i < headers.length; i += 2) {
      h.add(headers[i], headers[i + 1]);
    }
    return new TransportResponse(status, h.build(), body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSuccessfulResponseGivesTheSessions() {
    assertThat(reader.sessions(request, response(200, "[]"))).hasSize(1);
  }

  @Test
  void anUnreadableSuccessNamesTheRequestAndKeepsTheCause() {
    assertThatThrownBy(() -> reader.sessions(request, response(200, "oops")))
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("200 response to GET https://h.test/")
        .hasCauseInstanceOf(DecodingException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "400, io.github.devtoolssessions.core.BadRequestException",
    "401, io.github.devtoolssessions.core.AuthenticationException",
    "403, io.github.devtoolssessions.core.PermissionDeniedException",
    "404, io.github.devtoolssessions.core.NotFoundException",
    "429, io.github.devtoolssessions.core.RateLimitException",
    "500, io.github.devtoolssessions.core.ServerException",
    "502, io.github.devtoolssessions.core.ServerException",
    "599, io.github.devtoolssessions.core.ServerException",
    "409, io.github.devtoolssessions.core.ApiException",
    "302, io.github.devtoolssessions.core.ApiException"
  })
  void eachStatusGetsItsExceptionType(int status, String type) {
    ApiException e = reader.error(request, response(status, "{}"));
    assertThat(e.getClass().getName()).isEqualTo(type);
    assertThat(e.statusCode()).isEqualTo(status);
  }

  @Test
  void theExceptionCarriesErrorsCodeAndCfRay() {
    ApiException e = reader.error(request, response(401, "{}", "cf-ray", "8f1c2d3e4f5a6b7c-SJC"));
    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(e.errors()).containsExactly(CloudflareError.of(10000, "Authentication error"));
    assertThat(e.errorCode()).hasValue(10000);
    assertThat(e.cfRay()).contains("8f1c2d3e4f5a6b7c-SJC");
    assertThat(e.getMessage())
        .isEqualTo(
            "HTTP 401 from GET https://h.test/client/v4/accounts/a/browser-rendering/devtools/session:"
                + " [10000] Authentication error (cf-ray 8f1c2d3e4f5a6b7c-SJC)");
  }

  @Test
  void aCfRayThatEchoesTheTokenIsMasked() {
    ApiException e = reader.error(request, response(401, "{}", "cf-ray", "ray-" + TOKEN));
    assertThat(e.cfRay()).contains("ray-****");
    assertThat(e.getMessage()).contains("(cf-ray ray-****)").doesNotContain(TOKEN);
  }

  @Test
  void anHtmlPageStillGivesTheStatusTypeWithAShortExcerpt() {
    String html =
        "<html>\n<head><title>502 Bad Gateway</title></head>\n" + "x".repeat(5000) + "</html>";
    ApiException e = reader.error(request, response(502, html));
    assertThat(e).isInstanceOf(ServerException.class);
    assertThat(e.errors()).isEmpty();
    assertThat(e.bodyExcerpt())
        .get()
        .asString()
        .startsWith("<html> <head><title>502 Bad Gateway</title></head>")
        .hasSizeLessThanOrEqualTo(ResponseReader.EXCERPT_CHARS + 3);
  }

  @Test
  void anEmptyErrorBodyStillGivesTheStatusType() {
    ApiException e = reader.error(request, response(503, ""));
    assertThat(e).isInstanceOf(ServerException.class);
    assertThat(e.getMessage()).isEqualTo("HTTP 503 from " + request);
  }

  @Test
  void aServerEchoingTheCredentialNeverGetsItIntoTheMessage() {
    codec.errors = List.of(CloudflareError.of(6003, "bad header: Bearer " + TOKEN));
    ApiException json = reader.error(request, response(400, "{}"));
    assertThat(json).isInstanceOf(BadRequestException.class);
    assertThat(json.getMessage()).doesNotContain(TOKEN).contains("****");
    ApiException html = reader.error(request, response(400, "<p>Authorization: Bearer " + TOKEN));
    assertThat(html.getMessage()).doesNotContain(TOKEN);
  }

  @Test
  void aRateLimitCarriesTheRequestedWait() {
    ApiException e = reader.error(request, response(429, "{}", "Retry-After", "7"));
    assertThat(e)
        .isInstanceOfSatisfying(
            RateLimitException.class,
            r -> assertThat(r.retryAfter()).contains(Duration.ofSeconds(7)));
  }

  @Test
  void getReads404AndNullAsEmpty() {
    assertThat(reader.session(request, response(404, "{\"error\":\"Session not found\"}")))
        .isEmpty();
    assertThat(reader.session(request, response(200, "null"))).isEmpty();
    assertThat(reader.session(request, response(200, "{}"))).isPresent();
    assertThatThrownBy(() -> reader.session(request, response(403, "{}")))
        .isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void getTreatsA404ForNoRouteAsAMistakeNotAnUnknownSession() {
    codec.errors = List.of(CloudflareError.of(7003, "No route for the URI"));
    assertThatThrownBy(() -> reader.session(request, response(404, "{}")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("7003");
  }

  @Test
  void aCodecThatThrowsSomethingElseOnErrorsStillGivesTheTypedException() {
    JsonCodec broken =
        new ScriptedCodec() {
          @Override
          public List<CloudflareError> readErrors(byte[] body) {
            throw new IllegalStateException("boom");
          }
        };
    ApiException e =
        new ResponseReader(broken, Clock.systemUTC()).error(request, response(404, "{}"));
    assertThat(e).isInstanceOf(NotFoundException.class);
  }
}
