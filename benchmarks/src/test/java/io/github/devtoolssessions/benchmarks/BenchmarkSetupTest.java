package io.github.devtoolssessions.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Runs each benchmark's setup and one operation outside JMH: the setups check that every contender
 * reads exactly the sessions the body was written from, so a contender that did less work would
 * fail here before it could win a benchmark.
 */
class BenchmarkSetupTest {

  @Test
  void theBaselineAndEveryCodecDecodeThePageWhole() throws Exception {
    DecodeBenchmark benchmark = new DecodeBenchmark();
    DecodeBenchmark.Body body = new DecodeBenchmark.Body();
    body.write();

    assertThat(benchmark.handWritten(body)).hasSize(200);
    for (String name : List.of("jackson", "jsonb", "jsonb-yasson")) {
      DecodeBenchmark.Codec codec = new DecodeBenchmark.Codec();
      codec.codec = name;
      codec.create(body);
      assertThat(benchmark.codec(body, codec)).as(name).isEqualTo(body.sessions);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {Compression.IDENTITY, Compression.GZIP})
  void everyPairAndTheRawBaselineListTheWholePageFromTheServerProcess(String compression)
      throws Exception {
    EndToEndBenchmark benchmark = new EndToEndBenchmark();
    EndToEndBenchmark.Server server = new EndToEndBenchmark.Server();
    server.compression = compression;
    server.start();
    try {
      List<Session> expected = BenchmarkSessions.withAllFields(200);
      for (String transport : List.of("jdk", "apache")) {
        for (String codec : List.of("jackson", "jsonb")) {
          EndToEndBenchmark.Pair pair = new EndToEndBenchmark.Pair();
          pair.transport = transport;
          pair.codec = codec;
          pair.connect(server);
          try {
            assertThat(benchmark.pair(pair)).as(transport + "/" + codec).isEqualTo(expected);
          } finally {
            pair.close();
          }
        }
      }
      EndToEndBenchmark.Raw raw = new EndToEndBenchmark.Raw();
      raw.connect(server);
      assertThat(benchmark.raw(raw)).isEqualTo(expected);
      // The server compresses exactly in the gzip runs, though every client offers gzip.
      assertThat(contentEncoding(server.process.baseUrl()))
          .isEqualTo(compression.equals(Compression.GZIP) ? "gzip" : "");
    } finally {
      server.stop();
    }
    assertThat(server.process.isAlive()).isFalse();
  }

  @Test
  void aWalkSeesAllTenThousandSessions() {
    WalkBenchmark.Walk walk = new WalkBenchmark.Walk();
    walk.pair = "jdk/jackson";
    walk.pageSize = 200;
    walk.compression = Compression.IDENTITY;
    walk.start();
    try {
      Blackhole sink =
          new Blackhole(
              "Today's password is swordfish. I understand instantiating Blackholes directly is"
                  + " dangerous.");
      assertThat(new WalkBenchmark().walk(walk, sink)).isEqualTo(10_000);
    } finally {
      walk.stop();
    }
  }

  @Test
  void anUnknownCompressionIsRefusedNamingTheKnownOnes() {
    assertThatThrownBy(() -> Compression.check("br"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("br")
        .hasMessageContaining("[identity, gzip]");
  }

  private static String contentEncoding(URI baseUrl) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    baseUrl
                        + "/accounts/"
                        + FakeDevtoolsApi.DEFAULT_ACCOUNT_ID
                        + "/browser-rendering/devtools/session?limit=1"))
            .header("Authorization", "Bearer " + FakeDevtoolsApi.DEFAULT_API_TOKEN)
            .header("Accept-Encoding", "gzip")
            .build();
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.headers().firstValue("Content-Encoding").orElse("");
  }
}
