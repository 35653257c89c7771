package io.github.devtoolssessions.json.jsonb;

import io.github.devtoolssessions.core.CloudflareError;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads the errors out of an error body of any shape. Like the methods of {@link SessionReader}, it
 * starts on the value's first event and leaves the parser on its last.
 *
 * <p>It never refuses JSON: a field of an unexpected type is passed over, and a body of no known
 * shape gives no errors. The body is an answer to a failed call; failing again while reading why
 * would hide the reason.
 */
final class ErrorReader {

  /**
   * How deep {@code error_chain}s are followed. Real chains are one level deep; the bound keeps the
   * recursion safe under a parser whose nesting limit an application raised.
   */
  private static final int MAX_CHAIN_DEPTH = 32;

  private ErrorReader() {}

  /**
   * The errors of the body: the {@code errors} array if it has any, else the {@code error} field,
   * else the {@code message} field, else none.
   */
  static List<CloudflareError> readErrors(JsonParser parser) {
    Event first = parser.currentEvent();
    if (first != Event.START_OBJECT) {
      JsonEvents.skip(parser, first);
      return List.of();
    }
    List<CloudflareError> errors = List.of();
    CloudflareError error = null;
    String message = null;
    for (Event key = parser.next(); key != Event.END_OBJECT; key = parser.next()) {
      String name = parser.getString();
      Event value = parser.next();
      switch (name) {
        case "errors" -> errors = readArray(parser, value, 0);
        case "error" -> {
          if (value == Event.VALUE_STRING) {
            error = CloudflareError.ofMessage(parser.getString());
          } else if (value == Event.START_OBJECT) {
            error = readError(parser, 0);
          } else {
            JsonEvents.skip(parser, value);
          }
        }
        case "message" -> {
          if (value == Event.VALUE_STRING) {
            message = parser.getString();
          } else {
            JsonEvents.skip(parser, value);
          }
        }
        default -> JsonEvents.skip(parser, value);
      }
    }
    if (!errors.isEmpty()) {
      return errors;
    }
    if (error != null) {
      return List.of(error);
    }
    return message == null ? List.of() : List.of(CloudflareError.ofMessage(message));
  }

  /** An array of errors; elements that are strings count as messages, others are passed over. */
  private static List<CloudflareError> readArray(JsonParser parser, Event first, int depth) {
    if (first != Event.START_ARRAY || depth >= MAX_CHAIN_DEPTH) {
      JsonEvents.skip(parser, first);
      return List.of();
    }
    List<CloudflareError> errors = new ArrayList<>();
    for (Event event = parser.next(); event != Event.END_ARRAY; event = parser.next()) {
      if (event == Event.START_OBJECT) {
        errors.add(readError(parser, depth));
      } else if (event == Event.VALUE_STRING) {
        errors.add(CloudflareError.ofMessage(parser.getString()));
      } else {
        JsonEvents.skip(parser, event);
      }
    }
    return errors;
  }

  /** One error object: {@code code}, {@code message} (empty when missing), {@code error_chain}. */
  private static CloudflareError readError(JsonParser parser, int depth) {
    OptionalInt code = OptionalInt.empty();
    String message = "";
    List<CloudflareError> chain = List.of();
    for (Event key = parser.next(); key != Event.END_OBJECT; key = parser.next()) {
      String name = parser.getString();
      Event value = parser.next();
      switch (name) {
        case "code" -> code = code(parser, value);
        case "message" -> {
          if (value == Event.VALUE_STRING) {
            message = parser.getString();
          } else {
            JsonEvents.skip(parser, value);
          }
        }
        case "error_chain" -> chain = readArray(parser, value, depth + 1);
        default -> JsonEvents.skip(parser, value);
      }
    }
    return new CloudflareError(code, message, chain);
  }

  /** A code given as a whole number, or as a string holding one; empty for anything else. */
  private static OptionalInt code(JsonParser parser, Event value) {
    try {
      switch (value) {
        case VALUE_NUMBER -> {
          // intValueExact answers a huge exponent at once, from precision and scale.
          return OptionalInt.of(parser.getBigDecimal().intValueExact());
        }
        case VALUE_STRING -> {
          String text = parser.getString().strip();
          // Longer text cannot be an int; the bound also spares parsing huge strings.
          if (text.length() <= 16) {
            return OptionalInt.of(new BigDecimal(text).intValueExact());
          }
        }
        default -> JsonEvents.skip(parser, value);
      }
    } catch (ArithmeticException | NumberFormatException e) {
      // Not a whole number that fits an int: the error has no code.
    }
    return OptionalInt.empty();
  }
}
