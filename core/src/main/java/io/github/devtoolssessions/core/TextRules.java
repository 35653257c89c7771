package io.github.devtoolssessions.core;

/**
 * The checks shared by every value that ends up in a URL or a header. One place, so that the
 * messages read alike: they name the parameter, the rule and, unless the value is secret, the
 * value.
 */
final class TextRules {

  private TextRules() {}

  /**
   * Refuses null, blank and control characters in a value that may be shown.
   *
   * @throws IllegalArgumentException naming the parameter, the value and the rule
   */
  static String requireVisibleText(String parameter, String value) {
    if (value == null) {
      throw new IllegalArgumentException(parameter + " is required but was null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          parameter + " = \"" + escape(value) + "\" is invalid: it must not be blank");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(
            parameter
                + " = \""
                + escape(value)
                + "\" is invalid: it must not contain control characters (found U+"
                + String.format("%04X", (int) value.charAt(i))
                + " at index "
                + i
                + ")");
      }
    }
    return value;
  }

  /**
   * Refuses null, blank and anything but printable ASCII in a secret bound for an HTTP header. The
   * message names the parameter and the rule, and where the fault is, but never the value.
   *
   * @throws IllegalArgumentException naming the parameter and the rule
   */
  static String requireHeaderSecret(String parameter, String value) {
    if (value == null) {
      throw new IllegalArgumentException(parameter + " is required but was null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(parameter + " is invalid: it must not be blank");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n') {
        throw new IllegalArgumentException(
            parameter
                + " is invalid: it contains a line break (CR or LF) at index "
                + i
                + ", which would split the HTTP header (value not shown: it is secret)");
      }
      if (c < 0x20 || c > 0x7E) {
        throw new IllegalArgumentException(
            parameter
                + " is invalid: it must be printable ASCII, but has U+"
                + String.format("%04X", (int) c)
                + " at index "
                + i
                + " (value not shown: it is secret)");
      }
    }
    return value;
  }

  /** The value with control characters written as Java escapes, for messages. */
  static String escape(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\r' -> sb.append("\\r");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (Character.isISOControl(c)) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
