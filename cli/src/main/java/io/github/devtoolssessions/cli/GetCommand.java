package io.github.devtoolssessions.cli;

import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.SessionId;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code get SESSION_ID}: one session with every field. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Shows one session with every field the API sent.",
      "The table masks URL queries, which hold a token; json gives the data whole."
    })
final class GetCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SESSION_ID", description = "The session's id.")
  String sessionId;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      converter = Format.Converter.class,
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin ClientOptions client;

  private final Invocation inv;

  GetCommand(Invocation inv) {
    this.inv = inv;
  }

  @Override
  public Integer call() {
    client.validate();
    if (format == Format.NDJSON) {
      throw new ParameterException(
          spec.commandLine(), "--format ndjson is for list; get writes table or json");
    }
    try {
      SessionId.of(sessionId);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "SESSION_ID: " + e.getMessage());
    }
    try (Connection connection = Connection.open(client, inv)) {
      connection.embeddedNote().ifPresent(inv.err()::println);
      Optional<Session> session = connection.client().get(sessionId);
      if (session.isEmpty()) {
        Failure notFound =
            new Failure(
                ExitCode.API,
                "session "
                    + SessionTable.clean(sessionId)
                    + " not found in account "
                    + connection.client().accountId());
        notFound.print(inv.err());
        return notFound.exitCode();
      }
      if (format == Format.JSON) {
        byte[] json = connection.outputCodec().writeSession(session.get());
        inv.out().write(json, 0, json.length);
        inv.out().println();
      } else {
        SessionDetails.lines(session.get(), inv.clock().instant()).forEach(inv.out()::println);
      }
      inv.out().flush();
      return ExitCode.OK;
    }
  }
}
