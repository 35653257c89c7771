package io.github.devtoolssessions.json.jsonb;

import jakarta.json.stream.JsonParser;

/**
 * The JSON text of numbers: read as the API sent it, and checked against JSON's grammar before it
 * is written.
 */
final class NumberText {

  /**
   * The longest number text that is taken without asking the parser for its value. Parsson enforces
   * its limit on the length of numbers ({@code org.eclipse.parsson.maxBigDecimalLength}, 1100 by
   * default) only when it builds a {@code BigDecimal}; no sensible limit is this short.
   */
  private static final int UNCHECKED_LENGTH = 18;

  /**
   * The longest string read as a number (a time sent as {@code "1764772210512"}): Parsson's default
   * limit on numbers, which also bounds the cost of parsing the digits.
   */
  static final int MAX_NUMERIC_STRING_LENGTH = 1100;

  private NumberText() {}

  /**
   * The current number's text as sent. A long number is first handed to the parser's {@code
   * getBigDecimal}, so that the parser's limit on numbers holds for the numbers the codec copies or
   * passes over as it does for those it reads; text that is not a JSON number (from a parser that
   * accepts more than JSON) is replaced by its value's text.
   */
  static String read(JsonParser parser) {
    String text = parser.getString();
    if (text.length() > UNCHECKED_LENGTH || !isJson(text)) {
      String value = parser.getBigDecimal().toString();
      if (!isJson(text)) {
        return value;
      }
    }
    return text;
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
