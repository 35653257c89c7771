package io.github.devtoolssessions.json.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;

/**
 * Copies the value under a parser into compact JSON text, for the fields a session does not model.
 *
 * <p>Numbers keep the text they were sent with ({@code 1.50} stays {@code 1.50}), which Jackson's
 * {@code copyCurrentStructure} does not promise for floating-point numbers. The copy walks the
 * tokens in a loop, not by recursion, so that a deeply nested value cannot exhaust the stack.
 */
final class RawJsonCopier {

  private final JsonFactory factory;

  /** A copier writing with {@code factory}, which must write plain JSON. */
  RawJsonCopier(JsonFactory factory) {
    this.factory = factory;
  }

  /**
   * The JSON text of the value whose first token is the parser's current token; leaves the parser
   * on the value's last token.
   */
  String copy(JsonParser parser) throws IOException {
    StringWriter out = new StringWriter(32);
    try (JsonGenerator generator = factory.createGenerator(out)) {
      copyValue(parser, generator);
    }
    return out.toString();
  }

  private static void copyValue(JsonParser parser, JsonGenerator generator) throws IOException {
    int depth = 0;
    JsonToken token = parser.currentToken();
    while (true) {
      switch (token) {
        case START_OBJECT -> {
          generator.writeStartObject();
          depth++;
        }
        case START_ARRAY -> {
          generator.writeStartArray();
          depth++;
        }
        case END_OBJECT -> {
          generator.writeEndObject();
          depth--;
        }
        case END_ARRAY -> {
          generator.writeEndArray();
          depth--;
        }
        case FIELD_NAME -> generator.writeFieldName(parser.currentName());
        case VALUE_STRING ->
            generator.writeString(
                parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
          String text = NumberText.read(parser);
          if (text == null) {
            // NaN or an infinity, accepted by a lenient parser: kept as a string, as Jackson
            // writes them by default, so that the copy stays JSON.
            generator.writeString(parser.getText());
          } else {
            generator.writeNumber(text);
          }
        }
        case VALUE_TRUE -> generator.writeBoolean(true);
        case VALUE_FALSE -> generator.writeBoolean(false);
        case VALUE_NULL -> generator.writeNull();
        default -> throw new IllegalStateException("a JSON value cannot hold the token " + token);
      }
      if (depth == 0) {
        return;
      }
      token = parser.nextToken();
      if (token == null) {
        throw new IllegalStateException("the body ends inside a JSON value");
      }
    }
  }
}
