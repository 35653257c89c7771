package io.github.devtoolssessions.json.jackson;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * The JSON text of a number. A parser built by an application's factory may accept numbers that
 * JSON forbids ({@code +1}, {@code .5}, {@code NaN}); what this codec keeps and writes must still
 * be JSON, so such text is normalised here.
 */
final class NumberText {

  private NumberText() {}

  /**
   * The current number token's text: as sent when it is a JSON number, else its decimal value's
   * text; {@code null} for {@code NaN} and the infinities, which have no JSON form.
   */
  static String read(JsonParser parser) throws IOException {
    String text = parser.getText();
    if (isJson(text)) {
      return text;
    }
    if (parser.isNaN()) {
      return null;
    }
    return parser.getDecimalValue().toString();
  }

  /**
   * Whether the text follows JSON's number grammar: {@code -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?}.
   */
  static boolean isJson(String text) {
    int n = text.length();
    int i = 0;
    if (i < n && text.charAt(i) == '-') {
      i++;
    }
    if (i >= n) {
      return false;
    }
    if (text.charAt(i) == '0') {
      i++;
    } else {
      int start = i;
      i = skipDigits(text, i);
      if (i == start) {
        return false;
      }
    }
    if (i < n && text.charAt(i) == '.') {
      int start = ++i;
      i = skipDigits(text, i);
      if (i == start) {
        return false;
      }
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int start = i;
      i = skipDigits(text, i);
      if (i == start) {
        return false;
      }
    }
    return i == n;
  }

  private static int skipDigits(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i;
  }
}
