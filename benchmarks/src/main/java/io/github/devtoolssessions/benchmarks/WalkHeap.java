package io.github.devtoolssessions.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.devtoolssessions.api.AllSessionsParams;
import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.api.SessionPager;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The heap a walk over all of 10,000 sessions holds at its peak, per pair and page size.
 *
 * <p>Method: the server runs in a process of its own ({@link FakeServerProcess}), so this JVM holds
 * only the client and what it reads. For each pair and page size, one walk first warms the code and
 * the libraries' caches; then, before a second walk, two full collections give the baseline (heap
 * used with the client built and idle). During that walk, each time the pager has fetched a page
 * (and so holds a full page, its largest), two full collections run and the heap in use is read
 * from {@link MemoryMXBean}: the peak retained heap is the largest such reading minus the baseline.
 * It counts what is still reachable, the buffered page and whatever the client keeps alive, and no
 * garbage. For scale, one page of decoded sessions held in a list is measured first, before any
 * walk (ten pages held at once, divided by ten). The consumer keeps no session, so a walk that held
 * more than about one page would show it. The pager's own count of buffered sessions is recorded
 * too.
 *
 * <p>Run it with the serial collector, whose {@code System.gc()} is one full stop-the-world
 * collection, and a small heap ({@code -XX:+UseSerialGC -Xmx256m}, as benchmarks/run does).
 *
 * <pre>
 * java -XX:+UseSerialGC -Xmx256m -cp benchmarks.jar io.github.devtoolssessions.benchmarks.WalkHeap
 *     OUT.json [PAIR...]
 * </pre>
 */
public final class WalkHeap {

  private static final int[] PAGE_SIZES = {50, 200};

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  /** The decoded pages {@link #onePageRetained} measures, while it measures them. */
  private static volatile Object heldPages;

  private WalkHeap() {}

  /**
   * Measures and writes the results as JSON.
   *
   * @param args the output file, then the pairs ({@code transport/codec}); every pair if none
   * @throws IOException if the output cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: WalkHeap OUT.json [PAIR...]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    List<String> pairs = args.length > 1 ? List.of(args).subList(1, args.length) : Pairs.ALL;
    List<Map<String, Object>> results = new ArrayList<>();
    Map<Integer, Long> onePage = new LinkedHashMap<>();
    for (int pageSize : PAGE_SIZES) {
      onePage.put(pageSize, onePageRetained(pageSize));
    }
    try (FakeServerProcess server =
        FakeServerProcess.start(BenchmarkSessions.WALK_SESSIONS, Compression.IDENTITY)) {
      for (String pair : pairs) {
        for (int pageSize : PAGE_SIZES) {
          Map<String, Object> r = measure(server, pair, pageSize, onePage.get(pageSize));
          System.out.println("walk heap: " + r);
          results.add(r);
        }
      }
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), results);
  }

  private static Map<String, Object> measure(
      FakeServerProcess server, String pair, int pageSize, long onePage) {
    AllSessionsParams params = AllSessionsParams.builder().pageSize(pageSize).build();
    try (DevtoolsSessionsClient client =
        Pairs.client(server.baseUrl(), pair, Compression.IDENTITY)) {
      walk(client, params, false); // warm-up: classes, JIT, the libraries' lazy caches
      long baseline = retainedHeap();
      WalkPeak peak = walk(client, params, true);
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("pair", pair);
      r.put("pageSize", pageSize);
      r.put("sessions", peak.sessions);
      r.put("pages", peak.pages);
      r.put("peakRetainedBytes", Math.max(0, peak.heapUsed - baseline));
      r.put("onePageRetainedBytes", onePage);
      r.put("maxBufferedSessions", peak.maxBuffered);
      return r;
    }
  }

  /** What a walk saw: sessions, pages, the largest heap reading and the largest buffer. */
  private static final class WalkPeak {
    long sessions;
    int pages;
    long heapUsed;
    int maxBuffered;
  }

  private static WalkPeak walk(
      DevtoolsSessionsClient client, AllSessionsParams params, boolean sample) {
    WalkPeak peak = new WalkPeak();
    try (SessionPager pager = client.pager(params)) {
      int pagesSeen = 0;
      while (pager.hasNext()) {
        if (pager.pagesFetched() != pagesSeen) {
          pagesSeen = pager.pagesFetched();
          peak.maxBuffered = Math.max(peak.maxBuffered, pager.bufferedSessions());
          if (sample) {
            peak.heapUsed = Math.max(peak.heapUsed, retainedHeap());
          }
        }
        pager.next();
        peak.sessions++;
      }
      peak.pages = pager.pagesFetched();
    }
    if (peak.sessions != BenchmarkSessions.WALK_SESSIONS) {
      throw new IllegalStateException("the walk saw " + peak.sessions + " sessions");
    }
    return peak;
  }

  /**
   * The heap held by one page of decoded sessions alone: ten pages are decoded and held, and the
   * heap in use with them, less the heap once they are dropped, is divided by ten (one page alone
   * is within the noise of the heap readings, some tens of KiB). The median of five rounds: a round
   * can also count what the codec's first use or an earlier walk leaves for a later collection.
   */
  private static long onePageRetained(int pageSize) {
    byte[] body =
        JacksonJsonCodec.create().writeSessions(BenchmarkSessions.withAllFields(pageSize));
    int copies = 10;
    long[] perPage = new long[5];
    for (int round = 0; round < perPage.length; round++) {
      List<List<Session>> pages = new ArrayList<>();
      for (int i = 0; i < copies; i++) {
        List<Session> page = JacksonJsonCodec.create().readSessions(body);
        if (page.size() != pageSize) {
          throw new IllegalStateException("the page holds " + page.size() + " sessions");
        }
        pages.add(page);
      }
      // Held from a static field, so that the JIT's view of which locals are live cannot matter.
      heldPages = pages;
      long held = retainedHeap();
      heldPages = null;
      pages = null;
      long dropped = retainedHeap();
      perPage[round] = (held - dropped) / copies;
    }
    Arrays.sort(perPage);
    return Math.max(0, perPage[perPage.length / 2]);
  }

  /** The heap in use after two full collections: what is reachable. */
  private static long retainedHeap() {
    System.gc();
    System.gc();
    return MEMORY.getHeapMemoryUsage().getUsed();
  }
}
