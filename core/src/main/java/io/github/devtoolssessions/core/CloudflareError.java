package io.github.devtoolssessions.core;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One error as the Cloudflare API reports it: a numeric code (10000 "Authentication error", 9109,
 * 7003, ...), a message, and the nested errors of its {@code error_chain}, if any.
 *
 * @param code the Cloudflare error code; empty for body shapes that carry none, such as {@code
 *     {"error":"Session not found"}}
 * @param message the message, possibly empty
 * @param errorChain the nested, more specific errors (6003 holds 6111, 6102 or 6103, say)
 */
public record CloudflareError(OptionalInt code, String message, List<CloudflareError> errorChain) {

  /** Checks the components and copies the chain. */
  public CloudflareError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    errorChain = List.copyOf(errorChain);
  }

  /** An error with a code and no chain. */
  public static CloudflareError of(int code, String message) {
    return new CloudflareError(OptionalInt.of(code), message, List.of());
  }

  /** An error with a message only. */
  public static CloudflareError ofMessage(String message) {
    return new CloudflareError(OptionalInt.empty(), message, List.of());
  }

  /** {@code [10000] Authentication error}, with any chain after it in parentheses. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    code.ifPresent(c -> sb.append('[').append(c).append("] "));
    sb.append(message);
    if (!errorChain.isEmpty()) {
      sb.append(" (");
      for (int i = 0; i < errorChain.size(); i++) {
        sb.append(i == 0 ? "" : "; ").append(errorChain.get(i));
      }
      sb.append(')');
    }
    return sb.toString().strip();
  }
}
