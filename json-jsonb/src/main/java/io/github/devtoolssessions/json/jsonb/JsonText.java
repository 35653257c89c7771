package io.github.devtoolssessions.json.jsonb;

/**
 * Writes JSON strings: quoted, with what JSON requires escaped ({@code "}, {@code \} and the
 * control characters) and nothing else, so that non-ASCII text stays as it is and the output is
 * plain UTF-8 once encoded. Control characters use their short escapes where JSON has one.
 */
final class JsonText {

  private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

  private JsonText() {}

  /** Appends {@code value} as a quoted JSON string. */
  static void appendString(StringBuilder out, String value) {
    out.append('"');
    int length = value.length();
    int start = 0;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        out.append(value, start, i);
        appendEscaped(out, c);
        start = i + 1;
      }
    }
    out.append(value, start, length).append('"');
  }

  private static void appendEscaped(StringBuilder out, char c) {
    switch (c) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      default -> out.append("\\u00").append(HEX_DIGITS[c >> 4]).append(HEX_DIGITS[c & 0xF]);
    }
  }
}
