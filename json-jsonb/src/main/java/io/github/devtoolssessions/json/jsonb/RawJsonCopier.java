package io.github.devtoolssessions.json.jsonb;

import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

/**
 * Copies the value under a parser into compact JSON text, for the fields a session does not model.
 *
 * <p>Numbers keep the text they were sent with ({@code 1.50} stays {@code 1.50}, {@code 2.5e-3}
 * stays {@code 2.5e-3}), which neither a JSON-P {@code JsonValue} nor {@code
 * JsonGenerator.write(BigDecimal)} would keep. The copy walks the events in a loop, not by
 * recursion, so that a deeply nested value cannot exhaust the stack. One copier serves one read; it
 * reuses its buffer from field to field.
 */
final class RawJsonCopier {

  private final StringBuilder out = new StringBuilder(64);

  /**
   * The JSON text of the value whose first event is the parser's current one; leaves the parser on
   * the value's last event.
   */
  String copy(JsonParser parser) {
    out.setLength(0);
    int depth = 0;
    Event event = parser.currentEvent();
    while (true) {
      switch (event) {
        case START_OBJECT -> {
          separate();
          out.append('{');
          depth++;
        }
        case START_ARRAY -> {
          separate();
          out.append('[');
          depth++;
        }
        case END_OBJECT -> {
          out.append('}');
          depth--;
        }
        case END_ARRAY -> {
          out.append(']');
          depth--;
        }
        case KEY_NAME -> {
          separate();
          JsonText.appendString(out, parser.getString());
          out.append(':');
        }
        case VALUE_STRING -> {
          separate();
          JsonText.appendString(out, parser.getString());
        }
        case VALUE_NUMBER -> {
          separate();
          out.append(NumberText.read(parser));
        }
        case VALUE_TRUE -> {
          separate();
          out.append("true");
        }
        case VALUE_FALSE -> {
          separate();
          out.append("false");
        }
        case VALUE_NULL -> {
          separate();
          out.append("null");
        }
      }
      if (depth == 0) {
        return out.toString();
      }
      event = parser.next();
    }
  }

  /**
   * Writes the comma before a key or a value unless it opens its object or array or follows its
   * key: what was written last tells which.
   */
  private void separate() {
    int length = out.length();
    if (length > 0) {
      char last = out.charAt(length - 1);
      if (last != '{' && last != '[' && last != ':') {
        out.append(',');
      }
    }
  }
}
