package io.github.devtoolssessions.cli;

import io.github.devtoolssessions.api.ConfigurationException;
import io.github.devtoolssessions.core.ApiException;
import io.github.devtoolssessions.core.AuthenticationException;
import io.github.devtoolssessions.core.DeadlineExceededException;
import io.github.devtoolssessions.core.DecodingException;
import io.github.devtoolssessions.core.DevtoolsSessionsException;
import io.github.devtoolssessions.core.PermissionDeniedException;
import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.TransportException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * How a failed run ends: its exit code and the one line that explains it on standard error. The
 * library's messages never hold a credential, and nothing else goes into the line.
 *
 * @param exitCode one of {@link ExitCode}
 * @param message what went wrong, on one line
 */
record Failure(int exitCode, String message) {

  Failure {
    message = oneLine(message);
  }

  /** The failure a command ends with when it throws {@code e}. */
  static Failure of(Throwable e) {
    if (e instanceof ConfigurationException) {
      return new Failure(ExitCode.CONFIGURATION, e.getMessage());
    }
    if (e instanceof ApiException) {
      return new Failure(ExitCode.API, e.getMessage() + hint((ApiException) e));
    }
    if (e instanceof DeadlineExceededException || e instanceof ResponseTimeoutException) {
      return new Failure(ExitCode.NETWORK, "timed out: " + e.getMessage());
    }
    if (e instanceof TransportException) {
      return new Failure(ExitCode.NETWORK, "network failure: " + e.getMessage());
    }
    if (e instanceof DecodingException) {
      return new Failure(ExitCode.API, "unusable answer from the API: " + e.getMessage());
    }
    if (e instanceof DevtoolsSessionsException) {
      // PagingException, ResponseTooLargeException: the API answered, but not usably.
      return new Failure(ExitCode.API, e.getMessage());
    }
    if (e instanceof UncheckedIOException) {
      // Only serve-fake and the embedded fake open sockets of their own: the port is taken, say.
      return new Failure(ExitCode.NETWORK, e.getMessage() + ": " + e.getCause().getMessage());
    }
    return new Failure(
        ExitCode.FAILURE, "unexpected failure: " + e + " (run with --verbose for the stack trace)");
  }

  /** Writes the line: {@code error: <message>}. */
  void print(PrintStream err) {
    err.println("error: " + message);
  }

  private static String hint(ApiException e) {
    if (e instanceof AuthenticationException) {
      return "; check CLOUDFLARE_API_TOKEN (or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY)";
    }
    if (e instanceof PermissionDeniedException) {
      return "; check the account id and that the token has the Browser Rendering Read"
          + " permission";
    }
    return "";
  }

  /** Folds line breaks, so that an error is always exactly one line. */
  static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
