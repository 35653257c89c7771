package io.github.devtoolssessions.json.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.devtoolssessions.core.CloudflareError;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads the errors out of an error body of any shape. Like the parser methods of {@link
 * SessionReader}, it starts on the value's first token and leaves the parser on its last.
 *
 * <p>It never refuses JSON: a field of an unexpected type is skipped, and a body of no known shape
 * gives no errors. The body is an answer to a failed call; failing again while reading why would
 * hide the reason.
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
  static List<CloudflareError> readErrors(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return List.of();
    }
    List<CloudflareError> errors = List.of();
    CloudflareError error = null;
    String message = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      switch (name) {
        case "errors" -> errors = readArray(parser, 0);
        case "error" -> {
          if (value == JsonToken.VALUE_STRING) {
            error = CloudflareError.ofMessage(parser.getText());
          } else if (value == JsonToken.START_OBJECT) {
            error = readError(parser, 0);
          } else {
            parser.skipChildren();
          }
        }
        case "message" -> {
          if (value == JsonToken.VALUE_STRING) {
            message = parser.getText();
          } else {
            parser.skipChildren();
          }
        }
        default -> parser.skipChildren();
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

  /** An array of errors; elements that are strings count as messages, others are skipped. */
  private static List<CloudflareError> readArray(JsonParser parser, int depth) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY || depth >= MAX_CHAIN_DEPTH) {
      parser.skipChildren();
      return List.of();
    }
    List<CloudflareError> errors = new ArrayList<>();
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token == JsonToken.START_OBJECT) {
        errors.add(readError(parser, depth));
      } else if (token == JsonToken.VALUE_STRING) {
        errors.add(CloudflareError.ofMessage(parser.getText()));
      } else {
        parser.skipChildren();
      }
    }
    return errors;
  }

  /** One error object: {@code code}, {@code message} (empty when missing), {@code error_chain}. */
  private static CloudflareError readError(JsonParser parser, int depth) throws IOException {
    OptionalInt code = OptionalInt.empty();
    String message = "";
    List<CloudflareError> chain = List.of();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      switch (name) {
        case "code" -> code = code(parser, value);
        case "message" -> {
          if (value == JsonToken.VALUE_STRING) {
            message = parser.getText();
          } else {
            parser.skipChildren();
          }
        }
        case "error_chain" -> chain = readArray(parser, depth + 1);
        default -> parser.skipChildren();
      }
    }
    return new CloudflareError(code, message, chain);
  }

  /** A code given as a whole number, or as a string holding one; empty for anything else. */
  private static OptionalInt code(JsonParser parser, JsonToken value) throws IOException {
    try {
      switch (value) {
        case VALUE_NUMBER_INT -> {
          if (parser.getNumberType() == JsonParser.NumberType.INT) {
            return OptionalInt.of(parser.getIntValue());
          }
        }
        case VALUE_NUMBER_FLOAT -> {
          if (!parser.isNaN()) {
            return OptionalInt.of(parser.getDecimalValue().intValueExact());
          }
        }
        case VALUE_STRING -> {
          String text = parser.getText().strip();
          // Longer text cannot be an int; the bound also spares parsing huge strings.
          if (text.length() <= 16) {
            return OptionalInt.of(new BigDecimal(text).intValueExact());
          }
        }
        default -> parser.skipChildren();
      }
    } catch (ArithmeticException | NumberFormatException e) {
      // Not a whole number that fits an int: the error has no code.
    }
    return OptionalInt.empty();
  }
}
