package io.github.devtoolssessions.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code devtools-sessions}: the command that holds the others, and the wiring of the command line:
 * usage errors and failures become one line on standard error and an {@link ExitCode}.
 */
@Command(
    name = "devtools-sessions",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Lists and inspects the DevTools sessions of Cloudflare Browser Rendering.",
      "Credentials come from the environment only: CLOUDFLARE_API_TOKEN, or CLOUDFLARE_EMAIL and"
          + " CLOUDFLARE_API_KEY. With neither credentials nor a base URL set, list and get read an"
          + " embedded fake."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:unexpected failure, or standard output closed",
      "2:usage error (nothing was sent)",
      "3:the API answered with an error or something unusable; session not found",
      "4:network failure or timeout",
      "5:configuration: missing account id or credentials, bad base URL, unknown adapter"
    })
final class RootCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "a command is required: list, get, serve-fake or doctor");
  }

  /** The command line of one run, writing to the invocation's streams. */
  static CommandLine commandLine(Invocation inv) {
    CommandLine cli = new CommandLine(new RootCommand());
    cli.addSubcommand(new ListCommand(inv));
    cli.addSubcommand(new GetCommand(inv));
    cli.addSubcommand(new ServeFakeCommand(inv));
    cli.addSubcommand(new DoctorCommand(inv));
    cli.addSubcommand(new CommandLine.HelpCommand());
    cli.setOut(new PrintWriter(new OutputStreamWriter(inv.out(), StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(inv.err(), true));
    cli.setParameterExceptionHandler(
        (e, args) -> {
          inv.err()
              .println(
                  "error: "
                      + Failure.oneLine(e.getMessage())
                      + suggestions(e)
                      + " (see '"
                      + e.getCommandLine().getCommandSpec().qualifiedName()
                      + " --help')");
          return ExitCode.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, command, parseResult) -> {
          Failure failure = Failure.of(e);
          failure.print(inv.err());
          if (command.getParseResult().hasMatchedOption("--verbose")) {
            e.printStackTrace(inv.err());
          }
          return failure.exitCode();
        });
    return cli;
  }

  /** {@code ; did you mean list?} for a mistyped command or option, as picocli guesses it. */
  private static String suggestions(ParameterException e) {
    if (e instanceof UnmatchedArgumentException) {
      List<String> guesses = ((UnmatchedArgumentException) e).getSuggestions();
      if (!guesses.isEmpty()) {
        return "; did you mean " + String.join(" or ", guesses) + "?";
      }
    }
    return "";
  }
}
