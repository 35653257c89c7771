package io.github.devtoolssessions.benchmarks;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import io.github.devtoolssessions.transport.apache.ApacheHttpTransport;
import io.github.devtoolssessions.transport.jdk.JdkHttpTransport;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * A diagnostic beside {@link EndToEndBenchmark}: the transport alone, its {@code send} with the
 * request the client would build, then {@link HandWrittenParser}, so that the transport's share of
 * a pair's cost can be told from the client's (request building, retries, response reading, the
 * codec). Compare with {@code EndToEndBenchmark.raw} of the same run. Not part of a target.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransportBenchmark {

  /** A transport and the request, against the server of {@link EndToEndBenchmark.Server}. */
  @State(Scope.Benchmark)
  public static class Transport {
    /** The transport, by its provider name. */
    @Param({"jdk", "apache"})
    public String transport;

    HttpTransport instance;
    TransportRequest request;

    /** Builds the transport and checks that it lists the whole page. */
    @Setup
    public void connect(EndToEndBenchmark.Server server) throws IOException {
      instance =
          switch (transport) {
            case "jdk" -> JdkHttpTransport.create();
            case "apache" -> ApacheHttpTransport.create();
            default -> throw new IllegalArgumentException("unknown transport " + transport);
          };
      URI uri =
          URI.create(
              server.process.baseUrl()
                  + "/accounts/"
                  + FakeDevtoolsApi.DEFAULT_ACCOUNT_ID
                  + "/browser-rendering/devtools/session?limit="
                  + BenchmarkSessions.PAGE_SIZE);
      request =
          TransportRequest.get(
                  uri,
                  Headers.builder()
                      .add("Accept", "application/json")
                      .add(
                          "User-Agent",
                          "devtools-sessions-java/0.1.0-SNAPSHOT (Java "
                              + Runtime.version().feature()
                              + ")")
                      .add("Authorization", "Bearer " + FakeDevtoolsApi.DEFAULT_API_TOKEN)
                      .build())
              .withTimeout(Duration.ofSeconds(60));
      if (!sendAndParse(this)
          .equals(BenchmarkSessions.withAllFields(BenchmarkSessions.PAGE_SIZE))) {
        throw new IllegalStateException(transport + " does not fetch the page");
      }
    }

    /** Closes the transport. */
    @TearDown
    public void close() throws Exception {
      instance.close();
    }
  }

  /** The transport's {@code send}, then the hand-written parser. */
  @Benchmark
  public List<Session> send(Transport transport) throws IOException {
    return sendAndParse(transport);
  }

  private static List<Session> sendAndParse(Transport transport) throws IOException {
    TransportResponse response = transport.instance.send(transport.request);
    if (response.statusCode() != 200) {
      throw new IOException("status " + response.statusCode());
    }
    return HandWrittenParser.parse(response.body());
  }
}
