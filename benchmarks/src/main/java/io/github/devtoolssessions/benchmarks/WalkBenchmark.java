package io.github.devtoolssessions.benchmarks;

import io.github.devtoolssessions.api.AllSessionsParams;
import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.api.SessionPager;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Walking all of 10,000 sessions with the pager, page after page, from the fake server in its own
 * process: the time of one whole walk. The heap a walk holds is measured apart, by {@link
 * WalkHeap}, because it needs garbage collections that would distort these times.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WalkBenchmark {

  /** The server with 10,000 sessions and a client of one pair. */
  @State(Scope.Benchmark)
  public static class Walk {
    /** The transport x codec pair, {@code transport/codec}. */
    @Param({"jdk/jackson", "jdk/jsonb", "apache/jackson", "apache/jsonb"})
    public String pair;

    /** The page size of each request. */
    @Param({"50", "200"})
    public int pageSize;

    /**
     * The response compression: {@code identity} by default; {@code -p compression=gzip} walks
     * compressed pages.
     */
    @Param({"identity"})
    public String compression;

    FakeServerProcess server;
    DevtoolsSessionsClient client;
    AllSessionsParams params;

    /** Starts the server and builds the client. */
    @Setup
    public void start() {
      server = FakeServerProcess.start(BenchmarkSessions.WALK_SESSIONS, compression);
      client = Pairs.client(server.baseUrl(), pair, compression);
      params = AllSessionsParams.builder().pageSize(pageSize).build();
    }

    /** Closes the client and stops the server. */
    @TearDown
    public void stop() {
      client.close();
      server.close();
    }
  }

  /** One walk over every session; fails unless it saw exactly 10,000. */
  @Benchmark
  public long walk(Walk walk, Blackhole sink) {
    long seen = 0;
    try (SessionPager pager = walk.client.pager(walk.params)) {
      while (pager.hasNext()) {
        sink.consume(pager.next());
        seen++;
      }
    }
    if (seen != BenchmarkSessions.WALK_SESSIONS) {
      throw new IllegalStateException("the walk saw " + seen + " sessions");
    }
    return seen;
  }
}
