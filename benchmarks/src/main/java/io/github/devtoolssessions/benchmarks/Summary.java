package io.github.devtoolssessions.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Prints the summary of a benchmark run: a table per kind of measurement, with ratios to the
 * baselines, then one line per target of issue #7 with its measured ratio and whether it was met.
 *
 * <p>A ratio is the contender's mean throughput over its baseline's, both from the same JMH run;
 * the range beside it comes from the two scores' error margins (JMH's 99.9% intervals), the lowest
 * ratio they allow to the highest. A target is judged on the mean ratio.
 *
 * <pre>
 * java -cp benchmarks.jar io.github.devtoolssessions.benchmarks.Summary JMH.json [WALK_HEAP.json
 *     [COLD_START.json]]
 * </pre>
 */
public final class Summary {

  /** The least ratio to the baseline that meets a throughput target. */
  static final double TARGET_RATIO = 0.9;

  private static final String PACKAGE = Summary.class.getPackageName() + ".";
  private static final String GC_ALLOC_NORM = "gc.alloc.rate.norm";

  private Summary() {}

  /**
   * Prints the summary of the given result files to standard output.
   *
   * @param args the JMH result (JSON), then optionally the walk heap and cold start results
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: Summary JMH.json [WALK_HEAP.json [COLD_START.json]]");
      System.exit(2);
    }
    ObjectMapper json = new ObjectMapper();
    List<Result> results = readJmh(json.readTree(Path.of(args[0]).toFile()));
    JsonNode walkHeap = args.length > 1 ? readIfPresent(json, Path.of(args[1])) : null;
    JsonNode coldStart = args.length > 2 ? readIfPresent(json, Path.of(args[2])) : null;
    System.out.print(render(results, walkHeap, coldStart));
  }

  private static JsonNode readIfPresent(ObjectMapper json, Path file) throws IOException {
    return Files.isRegularFile(file) ? json.readTree(file.toFile()) : null;
  }

  /**
   * One benchmark's score.
   *
   * @param benchmark the class and method, such as {@code DecodeBenchmark.codec}
   * @param params the JMH parameters
   * @param score the mean
   * @param error the half-width of JMH's 99.9% interval; NaN when it could not be computed
   * @param unit the score's unit
   * @param allocPerOp bytes allocated per operation, from the gc profiler, if it ran
   */
  record Result(
      String benchmark,
      Map<String, String> params,
      double score,
      double error,
      String unit,
      OptionalDouble allocPerOp) {

    String param(String name) {
      return params.getOrDefault(name, "");
    }
  }

  /** The results of JMH's JSON output ({@code -rf json}). */
  static List<Result> readJmh(JsonNode root) {
    List<Result> results = new ArrayList<>();
    for (JsonNode run : root) {
      String benchmark = run.path("benchmark").asText();
      if (benchmark.startsWith(PACKAGE)) {
        benchmark = benchmark.substring(PACKAGE.length());
      }
      Map<String, String> params = new LinkedHashMap<>();
      run.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
      JsonNode primary = run.path("primaryMetric");
      JsonNode alloc = run.path("secondaryMetrics").path(GC_ALLOC_NORM);
      results.add(
          new Result(
              benchmark,
              params,
              primary.path("score").asDouble(Double.NaN),
              primary.path("scoreError").asDouble(Double.NaN),
              primary.path("scoreUnit").asText(),
              alloc.isMissingNode()
                  ? OptionalDouble.empty()
                  : OptionalDouble.of(alloc.path("score").asDouble())));
    }
    return results;
  }

  /** The whole summary, ending with the target lines. */
  static String render(List<Result> results, JsonNode walkHeap, JsonNode coldStart) {
    StringBuilder out = new StringBuilder();
    List<String> targets = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    decode(results, out, targets, notes);
    endToEnd(results, out, targets);
    walk(results, walkHeap, out);
    coldStart(coldStart, out);
    if (!notes.isEmpty()) {
      out.append("\n== Reported, no target\n");
      notes.forEach(n -> out.append(n).append('\n'));
    }
    out.append("\n== Targets (met when the ratio is at least ")
        .append(format(TARGET_RATIO, 2))
        .append("x)\n");
    targets.forEach(t -> out.append(t).append('\n'));
    return out.toString();
  }

  private static void decode(
      List<Result> results, StringBuilder out, List<String> targets, List<String> notes) {
    Optional<Result> before = find(results, "DecodeBenchmark.baselineBeforeCodecs", Map.of());
    Optional<Result> after = find(results, "DecodeBenchmark.handWritten", Map.of());
    Optional<Result> baseline = combinedBaseline(before, after);
    TextTable table =
        new TextTable("codec", "ops/s", "error", "vs baseline", "range", "B/op", "B/session");
    if (before.isPresent() && after.isPresent()) {
      table.row(throughputRow("hand-written, before codecs", before.get(), baseline.get(), 200));
      table.row(throughputRow("hand-written, after codecs", after.get(), baseline.get(), 200));
    } else {
      baseline.ifPresent(b -> table.row(throughputRow("hand-written (baseline)", b, b, 200)));
    }
    List<Result> codecs = select(results, "DecodeBenchmark.codec");
    for (Result c : codecs) {
      table.row(throughputRow(c.param("codec"), c, baseline.orElse(null), 200));
    }
    out.append(
        "== Decode: one page of 200 sessions, all 11 fields (throughput, higher is better)\n");
    out.append(table.isEmpty() ? "(no results)\n" : table.render());
    targets.add(target("jackson decode vs baseline", ratio(codecs, "codec", "jackson", baseline)));
    for (String codec : List.of("jsonb", "jsonb-yasson")) {
      OptionalDouble r = ratio(codecs, "codec", codec, baseline);
      if (r.isPresent()) {
        notes.add(codec + " decode vs baseline: " + format(r.getAsDouble(), 2) + "x");
      }
    }
  }

  private static void endToEnd(List<Result> results, StringBuilder out, List<String> targets) {
    TextTable table =
        new TextTable(
            "pair", "compression", "ops/s", "error", "vs raw", "range", "B/op", "B/session");
    List<Result> pairs = select(results, "EndToEndBenchmark.pair");
    List<Result> raws = select(results, "EndToEndBenchmark.raw");
    TreeSet<String> compressions = new TreeSet<>();
    raws.forEach(r -> compressions.add(r.param("compression")));
    pairs.forEach(r -> compressions.add(r.param("compression")));
    for (String compression : compressions) {
      Map<String, String> where = Map.of("compression", compression);
      Optional<Result> after = find(results, "EndToEndBenchmark.raw", where);
      Optional<Result> before = find(results, "EndToEndBenchmark.baselineBeforePairs", where);
      Optional<Result> raw = combinedBaseline(before, after);
      String rawName = "raw java.net.http + hand-written";
      if (before.isPresent() && after.isPresent()) {
        table.row(
            withCompression(
                throughputRow(rawName + ", before pairs", before.get(), raw.get(), 200),
                compression));
        table.row(
            withCompression(
                throughputRow(rawName + ", after pairs", after.get(), raw.get(), 200),
                compression));
      } else {
        raw.ifPresent(
            r -> table.row(withCompression(throughputRow(rawName, r, r, 200), compression)));
      }
      for (Result p : pairs) {
        if (!p.param("compression").equals(compression)) {
          continue;
        }
        String name = p.param("transport") + " + " + p.param("codec");
        table.row(withCompression(throughputRow(name, p, raw.orElse(null), 200), compression));
        targets.add(
            target(
                name + " end to end vs raw (" + compression + ")",
                raw.isPresent()
                    ? OptionalDouble.of(p.score() / raw.get().score())
                    : OptionalDouble.empty()));
      }
    }
    out.append(
        "\n== End to end: list one page of 200 sessions from the loopback fake server"
            + " (throughput)\n");
    out.append(table.isEmpty() ? "(no results)\n" : table.render());
  }

  /**
   * The baseline contenders are judged against. JMH runs the benchmarks of a class in name order,
   * so the baseline runs twice, under a name before the contenders' ({@code baselineBeforeCodecs},
   * {@code baselineBeforePairs}) and under one after ({@code handWritten}, {@code raw}): their mean
   * is the baseline, and its error is the larger of their errors plus half their distance, so that
   * drift over the run widens the ranges instead of tilting the ratios. With one of the two only,
   * that one.
   */
  static Optional<Result> combinedBaseline(Optional<Result> before, Optional<Result> after) {
    if (before.isEmpty() || after.isEmpty()) {
      return after.isPresent() ? after : before;
    }
    Result b = before.get();
    Result a = after.get();
    double score = (a.score() + b.score()) / 2;
    double error = Math.max(a.error(), b.error()) + Math.abs(a.score() - b.score()) / 2;
    OptionalDouble alloc =
        a.allocPerOp().isPresent() && b.allocPerOp().isPresent()
            ? OptionalDouble.of((a.allocPerOp().getAsDouble() + b.allocPerOp().getAsDouble()) / 2)
            : OptionalDouble.empty();
    return Optional.of(new Result(a.benchmark(), a.params(), score, error, a.unit(), alloc));
  }

  private static void walk(List<Result> results, JsonNode walkHeap, StringBuilder out) {
    Map<String, JsonNode> heap = new LinkedHashMap<>();
    if (walkHeap != null) {
      for (JsonNode r : walkHeap) {
        heap.put(r.path("pair").asText() + "@" + r.path("pageSize").asInt(), r);
      }
    }
    List<Result> walks = new ArrayList<>(select(results, "WalkBenchmark.walk"));
    walks.sort(
        Comparator.comparing((Result r) -> Pairs.ALL.indexOf(r.param("pair")))
            .thenComparing(r -> Integer.parseInt(r.param("pageSize"))));
    TextTable table =
        new TextTable(
            "pair",
            "page size",
            "ms per walk",
            "error",
            "B/session",
            "peak retained heap",
            "one page decoded",
            "max buffered");
    List<String> shown = new ArrayList<>();
    for (Result w : walks) {
      String key = w.param("pair") + "@" + w.param("pageSize");
      shown.add(key);
      table.row(walkRow(w.param("pair"), w.param("pageSize"), Optional.of(w), heap.get(key)));
    }
    for (Map.Entry<String, JsonNode> e : heap.entrySet()) {
      if (!shown.contains(e.getKey())) {
        JsonNode r = e.getValue();
        table.row(
            walkRow(r.path("pair").asText(), r.path("pageSize").asText(), Optional.empty(), r));
      }
    }
    out.append("\n== Walk all of 10,000 sessions (time: JMH; heap: WalkHeap, after full GCs)\n");
    out.append(table.isEmpty() ? "(no results)\n" : table.render());
  }

  private static String[] walkRow(
      String pair, String pageSize, Optional<Result> time, JsonNode heap) {
    return new String[] {
      pair,
      pageSize,
      time.map(t -> format(t.score(), 1)).orElse("-"),
      time.map(t -> plusMinus(t.error(), 1)).orElse("-"),
      time.flatMap(t -> boxed(t.allocPerOp()))
          .map(a -> format(a / BenchmarkSessions.WALK_SESSIONS, 0))
          .orElse("-"),
      heap == null ? "-" : bytes(heap.path("peakRetainedBytes").asLong()),
      heap == null ? "-" : bytes(heap.path("onePageRetainedBytes").asLong()),
      heap == null ? "-" : heap.path("maxBufferedSessions").asText()
    };
  }

  private static void coldStart(JsonNode coldStart, StringBuilder out) {
    out.append("\n== Cold start: CLI jar, process start to first page printed\n");
    if (coldStart == null) {
      out.append("(no results)\n");
      return;
    }
    TextTable table = new TextTable("until", "runs", "median ms", "p90 ms", "min ms", "max ms");
    coldStartRow(table, "first line", coldStart.path("firstLineMillis"));
    coldStartRow(table, "exit", coldStart.path("exitMillis"));
    out.append("command: ").append(coldStart.path("command").asText()).append('\n');
    out.append(table.render());
  }

  private static void coldStartRow(TextTable table, String name, JsonNode values) {
    List<Double> v = new ArrayList<>();
    values.forEach(n -> v.add(n.asDouble()));
    if (v.isEmpty()) {
      return;
    }
    v.sort(Comparator.naturalOrder());
    table.row(
        name,
        Integer.toString(v.size()),
        format(percentile(v, 0.5), 0),
        format(percentile(v, 0.9), 0),
        format(v.get(0), 0),
        format(v.get(v.size() - 1), 0));
  }

  /** The nearest-rank percentile of sorted values. */
  static double percentile(List<Double> sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  /** A target line: its name, the ratio, and met or missed. */
  static String target(String name, OptionalDouble ratio) {
    if (ratio.isEmpty() || Double.isNaN(ratio.getAsDouble())) {
      return name + ": no result, missed";
    }
    double r = ratio.getAsDouble();
    return name + ": " + format(r, 2) + "x " + (r >= TARGET_RATIO ? "met" : "missed");
  }

  private static OptionalDouble ratio(
      List<Result> results, String param, String value, Optional<Result> baseline) {
    if (baseline.isEmpty()) {
      return OptionalDouble.empty();
    }
    return results.stream()
        .filter(r -> r.param(param).equals(value))
        .findFirst()
        .map(r -> OptionalDouble.of(r.score() / baseline.get().score()))
        .orElse(OptionalDouble.empty());
  }

  private static String[] throughputRow(String name, Result r, Result baseline, int sessions) {
    String ratio = "-";
    String range = "-";
    if (baseline != null) {
      ratio = format(r.score() / baseline.score(), 2) + "x";
      if (r != baseline && Double.isFinite(r.error()) && Double.isFinite(baseline.error())) {
        double low = Math.max(0, r.score() - r.error()) / (baseline.score() + baseline.error());
        double floor = baseline.score() - baseline.error();
        // An interval that reaches down to zero bounds nothing above: say so rather than print an
        // absurd number.
        range =
            floor <= 0
                ? format(low, 2) + "-any (baseline too noisy)"
                : format(low, 2) + "-" + format((r.score() + r.error()) / floor, 2);
      }
    }
    return new String[] {
      name,
      format(r.score(), 1),
      plusMinus(r.error(), 1),
      ratio,
      range,
      boxed(r.allocPerOp()).map(a -> format(a, 0)).orElse("-"),
      boxed(r.allocPerOp()).map(a -> format(a / sessions, 0)).orElse("-")
    };
  }

  private static String[] withCompression(String[] row, String compression) {
    String[] wide = new String[row.length + 1];
    wide[0] = row[0];
    wide[1] = compression;
    System.arraycopy(row, 1, wide, 2, row.length - 1);
    return wide;
  }

  private static Optional<Result> find(
      List<Result> results, String benchmark, Map<String, String> params) {
    return results.stream()
        .filter(r -> r.benchmark().equals(benchmark))
        .filter(
            r -> params.entrySet().stream().allMatch(e -> e.getValue().equals(r.param(e.getKey()))))
        .findFirst();
  }

  private static List<Result> select(List<Result> results, String benchmark) {
    return results.stream().filter(r -> r.benchmark().equals(benchmark)).toList();
  }

  private static Optional<Double> boxed(OptionalDouble d) {
    return d.isPresent() ? Optional.of(d.getAsDouble()) : Optional.empty();
  }

  private static String plusMinus(double error, int decimals) {
    return Double.isFinite(error) ? "±" + format(error, decimals) : "-";
  }

  private static String bytes(long bytes) {
    return bytes >= 1024 * 1024
        ? format(bytes / (1024.0 * 1024.0), 2) + " MiB"
        : format(bytes / 1024.0, 1) + " KiB";
  }

  private static String format(double value, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }
}
