package io.github.devtoolssessions.cli;

import io.github.devtoolssessions.api.AllSessionsParams;
import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.api.SessionPager;
import io.github.devtoolssessions.core.ListSessionsParams;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code list}: one page of the account's sessions, or every one of them with --all. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Lists the account's DevTools sessions: one page, or all of them with --all.",
      "Without credentials and base URL, lists the sample sessions of an embedded fake."
    })
final class ListCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description =
          "Sessions per page, 1..200 (default: the server's, 200). With --all, the size of each"
              + " page fetched.")
  Integer limit;

  @Option(
      names = "--offset",
      paramLabel = "N",
      description = "Sessions to skip, 0 or more (default: 0). Not with --all.")
  Integer offset;

  @Option(names = "--all", description = "Every session, fetched page after page.")
  boolean all;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      converter = Format.Converter.class,
      description = "table, json or ndjson (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin ClientOptions client;

  private final Invocation inv;

  ListCommand(Invocation inv) {
    this.inv = inv;
  }

  @Override
  public Integer call() {
    client.validate();
    ListSessionsParams page = page();
    if (all && offset != null) {
      throw new ParameterException(
          spec.commandLine(),
          "--offset cannot be used with --all, which starts at the first session");
    }
    try (Connection connection = Connection.open(client, inv)) {
      connection.embeddedNote().ifPresent(inv.err()::println);
      SessionOutput output = SessionOutput.of(format, inv, connection.outputCodec());
      if (all) {
        if (!walk(connection.client(), output)) {
          return ExitCode.FAILURE;
        }
      } else {
        connection.client().list(page).forEach(output::print);
      }
      output.finish();
      return ExitCode.OK;
    }
  }

  /** The page asked for, checked by the library's own rules before anything is sent. */
  private ListSessionsParams page() {
    ListSessionsParams.Builder b = ListSessionsParams.builder();
    try {
      if (limit != null) {
        b.limit(limit);
      }
      if (offset != null) {
        b.offset(offset);
      }
    } catch (IllegalArgumentException e) {
      // "limit = 0 is out of range: ..." becomes "--limit 0 is out of range: ...".
      throw new ParameterException(
          spec.commandLine(), e.getMessage().replaceFirst("^(\\w+) = ", "--$1 "));
    }
    return b.build();
  }

  /**
   * Hands every session to the output as pages arrive, with progress on a terminal.
   *
   * @return false if standard output was closed, which stops the walk: nobody reads the rest
   */
  private boolean walk(DevtoolsSessionsClient client, SessionOutput output) {
    AllSessionsParams params =
        limit == null
            ? AllSessionsParams.defaults()
            : AllSessionsParams.builder().pageSize(limit).build();
    Progress progress = new Progress(inv.err(), inv.terminal());
    try (SessionPager pager = client.pager(params)) {
      while (true) {
        if (pager.bufferedSessions() == 0) {
          if (!output.flush()) {
            return false;
          }
          progress.fetching(pager.pagesFetched() + 1, pager.sessionsFetched());
        }
        boolean more;
        try {
          more = pager.hasNext();
        } finally {
          progress.clear();
        }
        if (!more) {
          return true;
        }
        output.print(pager.next());
      }
    }
  }
}
