package io.github.devtoolssessions.testkit.internal;

/**
 * Writes a Java string as a JSON string literal (RFC 8259). The fake writes its error bodies by
 * hand rather than through the codec under test, so that a broken codec cannot hide behind its own
 * errors.
 */
public final class JsonText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /**
   * The value as a quoted JSON string. Quotes, backslashes and control characters are escaped; a
   * surrogate without its partner is written as a {@code \\u} escape, so the text stays valid UTF-8
   * whatever the input.
   */
  public static String quote(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            appendUnicodeEscape(sb, c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1))) {
            sb.append(c).append(value.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            appendUnicodeEscape(sb, c);
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static void appendUnicodeEscape(StringBuilder sb, char c) {
    sb.append("\\u")
        .append(HEX[(c >> 12) & 0xF])
        .append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }
}
