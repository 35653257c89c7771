package io.github.devtoolssessions.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes percent-encoded URI components as UTF-8. Lenient where a server is lenient: a {@code %}
 * not followed by two hex digits is kept as it is, and bytes that are not UTF-8 become U+FFFD,
 * rather than failing the request.
 */
public final class PercentDecoding {

  private PercentDecoding() {}

  /** A path segment: {@code +} stays a plus sign. */
  public static String pathSegment(String raw) {
    return decode(raw, false);
  }

  /** A query name or value, where {@code +} stands for a space (HTML form encoding). */
  public static String queryComponent(String raw) {
    return decode(raw, true);
  }

  private static String decode(String raw, boolean plusIsSpace) {
    if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%'
          && i + 2 < raw.length()
          && isHex(raw.charAt(i + 1))
          && isHex(raw.charAt(i + 2))) {
        bytes.write(
            Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else {
        int codePoint = raw.codePointAt(i);
        byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        i += Character.charCount(codePoint) - 1;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0 && c < 128;
  }
}
