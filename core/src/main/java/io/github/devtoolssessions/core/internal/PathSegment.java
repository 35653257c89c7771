package io.github.devtoolssessions.core.internal;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes a value as one URI path segment (RFC 3986). Only the unreserved characters stay
 * as they are; everything else, {@code /}, {@code ?}, {@code #}, {@code %} and {@code ;} included,
 * is encoded, so that no value can change the path or start a query. {@code .} and {@code ..} are
 * encoded too, since a whole-dot segment would be resolved away by some stacks.
 */
public final class PathSegment {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathSegment() {}

  /** The value as one encoded path segment. */
  public static String encode(String value) {
    if (value.equals(".") || value.equals("..")) {
      return value.replace(".", "%2E");
    }
    StringBuilder sb = null;
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xFF;
      if (isUnreserved(b)) {
        if (sb != null) {
          sb.append((char) b);
        }
      } else {
        if (sb == null) {
          sb = new StringBuilder(bytes.length + 16);
          sb.append(value, 0, i);
        }
        sb.append('%').append(HEX[b >> 4]).append(HEX[b & 0x0F]);
      }
    }
    return sb == null ? value : sb.toString();
  }

  private static boolean isUnreserved(int b) {
    return (b >= 'a' && b <= 'z')
        || (b >= 'A' && b <= 'Z')
        || (b >= '0' && b <= '9')
        || b == '-'
        || b == '.'
        || b == '_'
        || b == '~';
  }
}
