package io.github.devtoolssessions.api;

import io.github.devtoolssessions.core.CloudflareError;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.HttpTransportProvider;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.JsonCodecProvider;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.TransportOptions;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Adapters for the api's own tests: a recording transport and a codec that reads nothing. */
final class TestAdapters {

  private TestAdapters() {}

  /** Records every request and answers 200 with an empty body. */
  static final class RecordingTransport implements HttpTransport {
    final List<TransportRequest> requests = new ArrayList<>();
    TransportResponse next = new TransportResponse(200, Headers.empty(), new byte[0]);
    boolean closed;

    @Override
    public synchronized TransportResponse send(TransportRequest request) {
      requests.add(request);
      return next;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** Reads every list as one fixed session and every error body as one fixed error. */
  static final class FixedCodec implements JsonCodec {
    static final Session SESSION = Session.builder("fixed").build();
    static final CloudflareError ERROR = CloudflareError.of(10000, "Authentication error");

    @Override
    public List<Session> readSessions(byte[] body) {
      return List.of(SESSION);
    }

    @Override
    public Optional<Session> readSession(byte[] body) {
      return Optional.of(SESSION);
    }

    @Override
    public List<CloudflareError> readErrors(byte[] body) {
      return List.of(ERROR);
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

  /** A transport provider of low priority, registered through META-INF/services. */
  public static final class AlphaTransportProvider implements HttpTransportProvider {
    @Override
    public String name() {
      return "alpha";
    }

    @Override
    public int priority() {
      return 10;
    }

    @Override
    public HttpTransport create(TransportOptions options) {
      return new RecordingTransport();
    }
  }

  /** A transport provider of high priority, registered through META-INF/services. */
  public static final class BetaTransportProvider implements HttpTransportProvider {
    static volatile RecordingTransport lastCreated;

    @Override
    public String name() {
      return "beta";
    }

    @Override
    public int priority() {
      return 20;
    }

    @Override
    public HttpTransport create(TransportOptions options) {
      lastCreated = new RecordingTransport();
      return lastCreated;
    }
  }

  /** A codec provider tied on priority with {@link ZuluCodecProvider}. */
  public static final class MikeCodecProvider implements JsonCodecProvider {
    @Override
    public String name() {
      return "mike";
    }

    @Override
    public int priority() {
      return 5;
    }

    @Override
    public JsonCodec create() {
      return new FixedCodec();
    }
  }

  /** A codec provider tied on priority with {@link MikeCodecProvider}. */
  public static final class ZuluCodecProvider implements JsonCodecProvider {
    @Override
    public String name() {
      return "zulu";
    }

    @Override
    public int priority() {
      return 5;
    }

    @Override
    public JsonCodec create() {
      return new FixedCodec();
    }
  }
}
