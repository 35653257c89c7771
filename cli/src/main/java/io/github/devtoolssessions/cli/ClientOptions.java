package io.github.devtoolssessions.cli;

import io.github.devtoolssessions.core.RetryPolicy;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of every command that talks to the API. Credentials are deliberately not among them:
 * a secret on a command line lands in shell history and process listings, so they come from the
 * environment only.
 */
final class ClientOptions {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  @Option(
      names = "--account-id",
      paramLabel = "ID",
      description = "The account whose sessions to read (default: $CLOUDFLARE_ACCOUNT_ID).")
  String accountId;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "The API base URL (default: $CLOUDFLARE_BASE_URL, else"
              + " https://api.cloudflare.com/client/v4). https, or http to a loopback host.")
  String baseUrl;

  @Option(
      names = "--transport",
      paramLabel = "NAME",
      description = "The HTTP transport: jdk or apache (default: jdk).")
  String transport;

  @Option(
      names = "--json",
      paramLabel = "NAME",
      description = "The JSON codec: jackson or jsonb (default: jackson).")
  String json;

  @Option(
      names = "--max-retries",
      paramLabel = "N",
      description = "How often a failed request is sent again, 0..10 (default: 2).")
  Integer maxRetries;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "How long one attempt may take, e.g. 500ms, 2s, 1m (default: 60s); it also bounds"
              + " connecting.")
  Duration timeout;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show each HTTP attempt on stderr, and the stack trace of an error.")
  boolean verbose;

  /**
   * Refuses values out of range as usage errors, before any request is made.
   *
   * @throws ParameterException naming the option and the rule
   */
  void validate() {
    if (maxRetries != null) {
      try {
        RetryPolicy.defaults().withMaxRetries(maxRetries);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(mixee.commandLine(), "--max-retries: " + e.getMessage());
      }
    }
    if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
      throw new ParameterException(
          mixee.commandLine(), "--timeout " + timeout + " is invalid: it must be positive");
    }
  }
}
