package io.github.devtoolssessions.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.testkit.FakeDevtoolsApi;
import io.github.devtoolssessions.testkit.FakeDevtoolsServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CLI's cold start: from starting {@code java -jar devtools-sessions.jar list} to the first
 * line of the page it prints, and to its exit, against the fake server with one page of 200
 * sessions.
 *
 * <p>Method: the fake server runs in this process and is warmed first with a few requests, so that
 * what is timed is the tool's start, not the server's. Each run is a new process with the JVM's
 * default flags, as a user starts it, with standard input empty and credentials in the environment
 * ({@code CLOUDFLARE_API_TOKEN}, {@code CLOUDFLARE_ACCOUNT_ID}, {@code CLOUDFLARE_BASE_URL}, none
 * other of the caller's {@code CLOUDFLARE_}/{@code DEVTOOLS_SESSIONS_} variables). The clock starts
 * just before {@link ProcessBuilder#start()}; the table format prints its first line once the page
 * is read and decoded, so "first line" is the first page printed. One unrecorded run first brings
 * the jar into the file cache. Each run must exit 0 and print a line per session.
 *
 * <pre>
 * java -cp benchmarks.jar io.github.devtoolssessions.benchmarks.ColdStart CLI.jar RUNS OUT.json
 * </pre>
 */
public final class ColdStart {

  private ColdStart() {}

  /**
   * Measures and writes the results as JSON.
   *
   * @param args the CLI jar, the number of runs and the output file
   * @throws Exception if a run fails or the output cannot be written
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: ColdStart CLI.jar RUNS OUT.json");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("no CLI jar at " + jar);
    }
    FakeDevtoolsApi api = FakeDevtoolsApi.builder().codec(JacksonJsonCodec.create()).build();
    api.addSessions(BenchmarkSessions.withAllFields(BenchmarkSessions.PAGE_SIZE));
    List<Double> firstLine = new ArrayList<>();
    List<Double> exit = new ArrayList<>();
    try (FakeDevtoolsServer server = api.start()) {
      warm(server.baseUrl());
      run(jar, server.baseUrl()); // the file cache
      for (int i = 0; i < runs; i++) {
        double[] times = run(jar, server.baseUrl());
        firstLine.add(times[0]);
        exit.add(times[1]);
        System.out.printf(
            "cold start run %d: first line %.0f ms, exit %.0f ms%n", i + 1, times[0], times[1]);
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("runs", runs);
    result.put("command", "java -jar " + jar.getFileName() + " list --limit 200");
    result.put("firstLineMillis", firstLine);
    result.put("exitMillis", exit);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
  }

  /** A few requests, so that the in-process server has loaded and compiled its code. */
  private static void warm(URI base) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    base
                        + "/accounts/"
                        + FakeDevtoolsApi.DEFAULT_ACCOUNT_ID
                        + "/browser-rendering/devtools/session?limit=200"))
            .header("Authorization", "Bearer " + FakeDevtoolsApi.DEFAULT_API_TOKEN)
            .build();
    for (int i = 0; i < 200; i++) {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IOException("the fake server answered " + response.statusCode());
      }
    }
  }

  /** One run: milliseconds to the first line of output, and to the exit. */
  private static double[] run(Path jar, URI base) throws IOException, InterruptedException {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            jar.toString(),
            "list",
            "--limit",
            "200");
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("CLOUDFLARE_") || k.startsWith("DEVTOOLS_SESSIONS_"));
    pb.environment().put("CLOUDFLARE_API_TOKEN", FakeDevtoolsApi.DEFAULT_API_TOKEN);
    pb.environment().put("CLOUDFLARE_ACCOUNT_ID", FakeDevtoolsApi.DEFAULT_ACCOUNT_ID);
    pb.environment().put("CLOUDFLARE_BASE_URL", base.toString());
    pb.redirectInput(new File("/dev/null"));
    Path err = Files.createTempFile("cold-start", ".stderr");
    pb.redirectError(err.toFile());
    try {
      long start = System.nanoTime();
      Process process = pb.start();
      long first = -1;
      int lines = 0;
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (first < 0) {
            first = System.nanoTime();
          }
          lines++;
        }
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("the CLI did not end within 60 s");
      }
      long end = System.nanoTime();
      if (process.exitValue() != 0 || lines < BenchmarkSessions.PAGE_SIZE) {
        throw new IOException(
            "the CLI exited "
                + process.exitValue()
                + " after "
                + lines
                + " lines; stderr: "
                + Files.readString(err));
      }
      return new double[] {(first - start) / 1e6, (end - start) / 1e6};
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
