package io.github.devtoolssessions.cli;

import io.github.devtoolssessions.api.AdapterCandidate;
import io.github.devtoolssessions.api.AdapterChoice;
import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.api.DiscoveryReport;
import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.core.Session;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code doctor}: what the tool would use and why, then one small request to prove it works. It
 * names where each setting came from and which credential scheme is in use, never a credential.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Shows the configuration: adapters found and chosen (and why), base URL, account id and",
      "credential scheme (never a secret); then lists one session to check that it all works."
    })
final class DoctorCommand implements Callable<Integer> {

  @Option(names = "--offline", description = "Only show the configuration; send no request.")
  boolean offline;

  @Mixin ClientOptions client;

  private final Invocation inv;

  DoctorCommand(Invocation inv) {
    this.inv = inv;
  }

  @Override
  public Integer call() {
    client.validate();
    PrintStream out = inv.out();
    out.println(
        "devtools-sessions "
            + VersionProvider.version()
            + " on Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")");
    try (Connection connection = Connection.open(client, inv)) {
      DevtoolsSessionsClient c = connection.client();
      Connection.Sources sources = connection.sources();
      field(out, "mode", connection.isEmbedded() ? "embedded fake API (sample sessions)" : "API");
      field(out, "base URL", c.baseUrl() + " (" + sources.baseUrl() + ")");
      field(out, "account id", c.accountId() + " (" + sources.accountId() + ")");
      field(out, "credentials", sources.credentials());
      DiscoveryReport report = c.discoveryReport();
      adapter(out, report.transport());
      adapter(out, report.json());
      out.flush();
      if (offline) {
        field(out, "check", "skipped (--offline)");
        return ExitCode.OK;
      }
      Instant start = inv.clock().instant();
      List<Session> page = c.list(ListSessionsParams.builder().limit(1).build());
      Duration took = Duration.between(start, inv.clock().instant());
      field(
          out,
          "check",
          "ok: listed "
              + page.size()
              + (page.size() == 1 ? " session" : " sessions")
              + " (limit 1) in "
              + took.toMillis()
              + " ms");
      return ExitCode.OK;
    } finally {
      out.flush();
    }
  }

  private static void adapter(PrintStream out, AdapterChoice choice) {
    // The tool hands --transport and --json to the client builder, which reports them as such.
    String reason =
        choice
            .reason()
            .replace("the builder", choice.port().equals("json") ? "--json" : "--transport");
    field(out, choice.port(), choice.chosen() + " (" + reason + ")");
    for (AdapterCandidate candidate : choice.candidates()) {
      field(out, "", "found " + candidate);
    }
  }

  private static void field(PrintStream out, String label, String value) {
    out.println(String.format("%-12s %s", label.isEmpty() ? "" : label + ":", value));
  }
}
