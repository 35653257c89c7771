package io.github.devtoolssessions.benchmarks;

import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
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
 * Listing one page of 200 sessions from the fake server on loopback: the client through each
 * transport x codec pair, against {@link Raw}, plain {@code java.net.http} with {@link
 * HandWrittenParser} fetching the same URL with the same headers.
 *
 * <p>The server runs in a process of its own ({@link FakeServerProcess}); every contender sends its
 * requests one after the other on one thread, over a kept-alive connection.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EndToEndBenchmark {

  /** The page every contender lists: {@code ?limit=200}. */
  static final ListSessionsParams PAGE =
      ListSessionsParams.builder().limit(BenchmarkSessions.PAGE_SIZE).build();

  /** The fake server with one page of sessions. */
  @State(Scope.Benchmark)
  public static class Server {
    /**
     * The response compression: {@code identity} (the server never compresses) or {@code gzip} (it
     * compresses, as the real API does; the pairs and the raw baseline decode).
     */
    @Param({"identity", "gzip"})
    public String compression;

    FakeServerProcess process;

    /** Starts the server. */
    @Setup
    public void start() {
      process = FakeServerProcess.start(BenchmarkSessions.PAGE_SIZE, compression);
    }

    /** Stops the server. */
    @TearDown
    public void stop() {
      process.close();
    }
  }

  /** A client through one transport x codec pair, as an application builds it. */
  @State(Scope.Benchmark)
  public static class Pair {
    /** The transport, by its provider name. */
    @Param({"jdk", "apache"})
    public String transport;

    /** The codec, by its provider name. */
    @Param({"jackson", "jsonb"})
    public String codec;

    DevtoolsSessionsClient client;

    /** Builds the client and checks that it lists the whole page. */
    @Setup
    public void connect(Server server) {
      client = Pairs.client(server.process.baseUrl(), transport, codec, server.compression);
      List<Session> page = client.list(PAGE);
      if (!page.equals(BenchmarkSessions.withAllFields(BenchmarkSessions.PAGE_SIZE))) {
        throw new IllegalStateException(transport + "/" + codec + " does not list the page");
      }
    }

    /** Closes the client and its transport. */
    @TearDown
    public void close() {
      client.close();
    }
  }

  /**
   * The baseline: {@code HttpClient.send} with {@code BodyHandlers.ofByteArray()}, then {@link
   * HandWrittenParser}. The same URL, and the same headers ({@code Accept}, a {@code User-Agent} of
   * the library's form and length, {@code Authorization}); HTTP/1.1 and no redirects, as the JDK
   * transport sends {@code http://} requests. What it leaves out is the library's work: a status
   * check beyond 200, timeouts, retries, the body cap, error bodies, listeners.
   */
  @State(Scope.Benchmark)
  public static class Raw {
    HttpClient http;
    HttpRequest request;
    boolean gzip;

    /** Builds the client and the request and checks that they list the whole page. */
    @Setup
    public void connect(Server server) throws IOException, InterruptedException {
      http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      URI uri =
          URI.create(
              server.process.baseUrl()
                  + "/accounts/"
                  + FakeDevtoolsApi.DEFAULT_ACCOUNT_ID
                  + "/browser-rendering/devtools/session?limit="
                  + BenchmarkSessions.PAGE_SIZE);
      gzip = server.compression.equals(Compression.GZIP);
      HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
      if (gzip) {
        builder.header("Accept-Encoding", "gzip");
      }
      request =
          builder
              .GET()
              .header("Accept", "application/json")
              .header(
                  "User-Agent",
                  "devtools-sessions-java/0.1.0-SNAPSHOT (Java "
                      + Runtime.version().feature()
                      + ")")
              .header("Authorization", "Bearer " + FakeDevtoolsApi.DEFAULT_API_TOKEN)
              .build();
      if (!fetch(this).equals(BenchmarkSessions.withAllFields(BenchmarkSessions.PAGE_SIZE))) {
        throw new IllegalStateException("the raw baseline does not list the page");
      }
    }
  }

  /** The library: {@code client.list(limit=200)}. */
  @Benchmark
  public List<Session> pair(Pair pair) {
    return pair.client.list(PAGE);
  }

  /**
   * The baseline: raw {@code java.net.http} and the hand-written parser. JMH runs a class's
   * benchmarks in name order, so this one runs after every pair.
   */
  @Benchmark
  public List<Session> raw(Raw raw) throws IOException, InterruptedException {
    return fetch(raw);
  }

  /**
   * The same baseline again, named to run before every pair: on a shared machine the throughput
   * drifts over a run of half an hour, and the pairs are judged against the mean of the two (see
   * {@link Summary}), so that drift shows instead of landing between the pairs and the baseline.
   */
  @Benchmark
  public List<Session> baselineBeforePairs(Raw raw) throws IOException, InterruptedException {
    return fetch(raw);
  }

  private static List<Session> fetch(Raw raw) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        raw.http.send(raw.request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("status " + response.statusCode());
    }
    byte[] body = response.body();
    if (raw.gzip
        && response.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
        body = in.readAllBytes();
      }
    }
    return HandWrittenParser.parse(body);
  }
}
