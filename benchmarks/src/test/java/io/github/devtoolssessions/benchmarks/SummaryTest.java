package io.github.devtoolssessions.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SummaryTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One entry of JMH's JSON output, with the fields the summary reads. */
  private static String run(String benchmark, String params, double score, double alloc) {
    return "{\"benchmark\":\"io.github.devtoolssessions.benchmarks."
        + benchmark
        + "\",\"mode\":\"thrpt\",\"params\":{"
        + params
        + "},\"primaryMetric\":{\"score\":"
        + score
        + ",\"scoreError\":\"NaN\",\"scoreUnit\":\"ops/s\"},\"secondaryMetrics\":{"
        + "\"gc.alloc.rate.norm\":{\"score\":"
        + alloc
        + ",\"scoreUnit\":\"B/op\"}}}";
  }

  private static String run(
      String benchmark, String params, double score, double error, double alloc) {
    return run(benchmark, params, score, alloc)
        .replace("\"scoreError\":\"NaN\"", "\"scoreError\":" + error);
  }

  private static List<Summary.Result> results(String... runs) throws Exception {
    return Summary.readJmh(JSON.readTree("[" + String.join(",", runs) + "]"));
  }

  private static List<String> lines(String text) {
    return List.of(text.split("\n"));
  }

  @Test
  void readsScoresParametersAndAllocationFromJmhJson() throws Exception {
    List<Summary.Result> r =
        results(run("DecodeBenchmark.codec", "\"codec\":\"jackson\"", 950.0, 200_000));

    assertThat(r).hasSize(1);
    assertThat(r.get(0).benchmark()).isEqualTo("DecodeBenchmark.codec");
    assertThat(r.get(0).param("codec")).isEqualTo("jackson");
    assertThat(r.get(0).score()).isEqualTo(950.0);
    assertThat(r.get(0).error()).isNaN();
    assertThat(r.get(0).allocPerOp()).hasValue(200_000);
  }

  @Test
  void endsWithOneLinePerTargetWithItsRatioAndVerdict() throws Exception {
    String summary =
        Summary.render(
            results(
                run("DecodeBenchmark.handWritten", "", 1000, 100),
                run("DecodeBenchmark.codec", "\"codec\":\"jackson\"", 950, 100),
                run("DecodeBenchmark.codec", "\"codec\":\"jsonb\"", 400, 100),
                run("EndToEndBenchmark.raw", "\"compression\":\"identity\"", 200, 100),
                run(
                    "EndToEndBenchmark.pair",
                    "\"compression\":\"identity\",\"transport\":\"jdk\",\"codec\":\"jackson\"",
                    190,
                    100),
                run(
                    "EndToEndBenchmark.pair",
                    "\"compression\":\"identity\",\"transport\":\"apache\",\"codec\":\"jsonb\"",
                    170,
                    100)),
            null,
            null);

    List<String> lines = lines(summary);
    assertThat(lines.subList(lines.size() - 3, lines.size()))
        .containsExactly(
            "jackson decode vs baseline: 0.95x met",
            "jdk + jackson end to end vs raw (identity): 0.95x met",
            "apache + jsonb end to end vs raw (identity): 0.85x missed");
    assertThat(lines).contains("jsonb decode vs baseline: 0.40x");
  }

  @Test
  void pairsAreJudgedAgainstTheMeanOfTheBaselinesBeforeAndAfterThem() throws Exception {
    String identity = "\"compression\":\"identity\"";
    String summary =
        Summary.render(
            results(
                run("EndToEndBenchmark.baselineBeforePairs", identity, 220, 10, 1),
                run(
                    "EndToEndBenchmark.pair",
                    identity + ",\"transport\":\"jdk\",\"codec\":\"jackson\"",
                    190,
                    10,
                    1),
                run("EndToEndBenchmark.raw", identity, 180, 5, 1)),
            null,
            null);

    List<String> lines = lines(summary);
    // The mean is 200, its error 10 + 20: the pair's 190 is 0.95x, within (180/230)-(200/170).
    assertThat(lines).contains("jdk + jackson end to end vs raw (identity): 0.95x met");
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("raw java.net.http + hand-written, before pairs")
                    .contains("1.10x"));
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("raw java.net.http + hand-written, after pairs")
                    .contains("0.90x"));
    assertThat(lines)
        .anySatisfy(line -> assertThat(line).startsWith("jdk + jackson").contains("0.78-1.18"));
  }

  @Test
  void codecsAreJudgedAgainstTheMeanOfTheBaselinesBeforeAndAfterThem() throws Exception {
    String summary =
        Summary.render(
            results(
                run("DecodeBenchmark.baselineBeforeCodecs", "", 1100, 1),
                run("DecodeBenchmark.codec", "\"codec\":\"jackson\"", 950, 1),
                run("DecodeBenchmark.handWritten", "", 900, 1)),
            null,
            null);

    List<String> lines = lines(summary);
    assertThat(lines).contains("jackson decode vs baseline: 0.95x met");
    assertThat(lines)
        .anySatisfy(
            line -> assertThat(line).startsWith("hand-written, before codecs").contains("1.10x"));
    assertThat(lines)
        .anySatisfy(
            line -> assertThat(line).startsWith("hand-written, after codecs").contains("0.90x"));
  }

  @Test
  void aTargetWithoutItsResultIsMissed() throws Exception {
    String summary =
        Summary.render(results(run("DecodeBenchmark.handWritten", "", 1000, 1)), null, null);

    assertThat(lines(summary)).last().isEqualTo("jackson decode vs baseline: no result, missed");
  }

  @Test
  void theVerdictTurnsAtExactlyNinetyPercent() {
    assertThat(Summary.target("t", OptionalDouble.of(0.9))).isEqualTo("t: 0.90x met");
    assertThat(Summary.target("t", OptionalDouble.of(0.8949))).isEqualTo("t: 0.89x missed");
  }

  @Test
  void allocationIsReportedPerSessionOfThePage() throws Exception {
    String summary =
        Summary.render(
            results(
                run("DecodeBenchmark.handWritten", "", 1000, 200_000),
                run("DecodeBenchmark.codec", "\"codec\":\"jackson\"", 1000, 300_000)),
            null,
            null);

    assertThat(lines(summary))
        .anySatisfy(l -> assertThat(l).matches("jackson\\s.*\\s300,000\\s+1,500"));
  }

  @Test
  void coldStartAndWalkHeapResultsAppearInTheirTables() throws Exception {
    JsonNode cold =
        JSON.readTree(
            "{\"runs\":4,\"command\":\"java -jar cli.jar list\","
                + "\"firstLineMillis\":[400,300,500,1000],\"exitMillis\":[410,310,510,1010]}");
    JsonNode heap =
        JSON.readTree(
            "[{\"pair\":\"jdk/jackson\",\"pageSize\":50,\"peakRetainedBytes\":102400,"
                + "\"onePageRetainedBytes\":51200,\"maxBufferedSessions\":50}]");

    List<String> lines = lines(Summary.render(List.of(), heap, cold));

    assertThat(lines)
        .anySatisfy(l -> assertThat(l).matches("first line\\s+4\\s+400\\s+1,000\\s+300\\s+1,000"));
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .matches("jdk/jackson\\s+50\\s+-\\s+-\\s+-\\s+100.0 KiB\\s+50.0 KiB\\s+50"));
  }

  @Test
  void theRangeOfARatioComesFromBothErrorsAndSaysSoWhenTheBaselineBoundsNothing() throws Exception {
    String jdk = "\"compression\":\"identity\",\"transport\":\"jdk\",\"codec\":\"jackson\"";
    String tight =
        Summary.render(
            results(
                run("EndToEndBenchmark.raw", "\"compression\":\"identity\"", 200, 20, 1),
                run("EndToEndBenchmark.pair", jdk, 190, 10, 1)),
            null,
            null);
    String noisy =
        Summary.render(
            results(
                run("EndToEndBenchmark.raw", "\"compression\":\"identity\"", 200, 250, 1),
                run("EndToEndBenchmark.pair", jdk, 190, 10, 1)),
            null,
            null);

    // (190 - 10) / (200 + 20) = 0.82 and (190 + 10) / (200 - 20) = 1.11
    assertThat(lines(tight))
        .anySatisfy(l -> assertThat(l).containsPattern("0\\.95x\\s+0\\.82-1\\.11"));
    assertThat(lines(noisy))
        .anySatisfy(
            l -> assertThat(l).containsPattern("0\\.95x\\s+0\\.40-any \\(baseline too noisy\\)"));
  }

  @Test
  void percentilesAreNearestRank() {
    List<Double> sorted = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);

    assertThat(Summary.percentile(sorted, 0.5)).isEqualTo(5.0);
    assertThat(Summary.percentile(sorted, 0.9)).isEqualTo(9.0);
    assertThat(Summary.percentile(List.of(7.0), 0.9)).isEqualTo(7.0);
  }
}
