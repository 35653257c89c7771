package io.github.devtoolssessions.core;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why a session's connection closed, as the API sent it.
 *
 * <p>The field was a JSON string in specs and SDKs up to mid 2026 ({@code "1000"}) and has been a
 * JSON number since ({@code 1000}); both are accepted, and {@link #isNumber()} tells which one
 * arrived so that it can be written back unchanged. {@link #code()} reads either as a close code.
 *
 * @param value the number's JSON text, or the string's content
 * @param number whether the API sent a JSON number ({@code true}) or a JSON string
 */
public record CloseReason(String value, boolean number) {

  /**
   * Checks the value.
   *
   * @throws IllegalArgumentException if {@code number} is set and {@code value} is not a number
   */
  public CloseReason {
    Objects.requireNonNull(value, "value");
    if (number) {
      try {
        new BigDecimal(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "closeReason \"" + value + "\" is marked as a number but is not a JSON number", e);
      }
    }
  }

  /** A close reason sent as a JSON number. */
  public static CloseReason ofNumber(BigDecimal number) {
    return new CloseReason(number.toString(), true);
  }

  /** A close reason sent as a JSON number. */
  public static CloseReason ofNumber(long number) {
    return new CloseReason(Long.toString(number), true);
  }

  /** A close reason sent as a JSON string. */
  public static CloseReason ofString(String text) {
    return new CloseReason(text, false);
  }

  /** Whether the API sent a JSON number. */
  public boolean isNumber() {
    return number;
  }

  /** The value as a number: the JSON number itself, or a string that holds one. */
  public Optional<BigDecimal> asNumber() {
    try {
      return Optional.of(new BigDecimal(value.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The close code, such as 1000 for a normal closure: present when the value is a whole number
   * that fits an {@code int}, whether it came as a number or as a string.
   */
  public OptionalInt code() {
    return asNumber()
        .map(
            n -> {
              try {
                return OptionalInt.of(n.intValueExact());
              } catch (ArithmeticException e) {
                return OptionalInt.empty();
              }
            })
        .orElse(OptionalInt.empty());
  }

  /** The value as sent, without quotes. */
  @Override
  public String toString() {
    return value;
  }
}
