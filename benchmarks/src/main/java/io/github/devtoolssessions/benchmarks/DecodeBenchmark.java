package io.github.devtoolssessions.benchmarks;

import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.json.jsonb.JsonbJsonCodec;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding one page of 200 sessions, every field present, from the same bytes: each codec's {@code
 * readSessions} against {@link HandWrittenParser}, the baseline.
 *
 * <p>The body is written once by the Jackson codec, as a server's bytes do not depend on the
 * client; the setup checks that the baseline and every codec read it back to exactly the sessions
 * it was written from, so no contender can win by doing less.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeBenchmark {

  /** The page's bytes. */
  @State(Scope.Benchmark)
  public static class Body {
    byte[] bytes;
    List<Session> sessions;

    /** Writes the page and checks that the baseline reads it back whole. */
    @Setup
    public void write() throws IOException {
      sessions = BenchmarkSessions.withAllFields(BenchmarkSessions.PAGE_SIZE);
      if (!sessions.stream().allMatch(BenchmarkSessions::hasAllFields)) {
        throw new IllegalStateException("a session of the page lacks a field");
      }
      bytes = JacksonJsonCodec.create().writeSessions(sessions);
      if (!HandWrittenParser.parse(bytes).equals(sessions)) {
        throw new IllegalStateException("the hand-written parser does not read the page back");
      }
    }
  }

  /** The codec under test. */
  @State(Scope.Benchmark)
  public static class Codec {
    /**
     * {@code jackson} and {@code jsonb} are the codecs the client finds by those names ({@code
     * JacksonJsonCodec.create()}, {@code JsonbJsonCodec.create()}, the latter on JSON-P streaming
     * with Parsson); {@code jsonb-yasson} is {@code JsonbJsonCodec.create(Jsonb)} over Yasson,
     * which reads through the application's {@code Jsonb}.
     */
    @Param({"jackson", "jsonb", "jsonb-yasson"})
    public String codec;

    JsonCodec instance;

    /** Makes the codec and checks that it reads the page back whole. */
    @Setup
    public void create(Body body) {
      instance =
          switch (codec) {
            case "jackson" -> JacksonJsonCodec.create();
            case "jsonb" -> JsonbJsonCodec.create();
            case "jsonb-yasson" -> JsonbJsonCodec.create(JsonbBuilder.create());
            default -> throw new IllegalArgumentException("unknown codec " + codec);
          };
      if (!instance.readSessions(body.bytes).equals(body.sessions)) {
        throw new IllegalStateException(codec + " does not read the page back");
      }
    }
  }

  /** The baseline: Jackson's streaming parser, by hand, into the same values. */
  @Benchmark
  public List<Session> handWritten(Body body) throws IOException {
    return HandWrittenParser.parse(body.bytes);
  }

  /**
   * The same baseline again, named to run before the codecs (JMH runs a class's benchmarks in name
   * order, so {@link #handWritten} runs after them): the codecs are judged against the mean of the
   * two, so that drift over the run shows (see {@link Summary}).
   */
  @Benchmark
  public List<Session> baselineBeforeCodecs(Body body) throws IOException {
    return HandWrittenParser.parse(body.bytes);
  }

  /** The codec's {@code readSessions}. */
  @Benchmark
  public List<Session> codec(Body body, Codec codec) {
    return codec.instance.readSessions(body.bytes);
  }
}
