package io.github.devtoolssessions.json.jsonb;

/**
 * Where a body's top-level JSON value starts and what follows it, found in the bytes, for readers
 * that stop after that value without looking further, as JSON-B does.
 *
 * <p>{@link #trailing(byte[])} assumes what the parser has already established: the body starts
 * with one well-formed JSON value in UTF-8. So it only has to find where that value ends, counting
 * brackets outside strings; the bytes of the structural characters never occur inside a multi-byte
 * UTF-8 sequence.
 */
final class TopLevelValue {

  private TopLevelValue() {}

  /** The offset of the body's first byte that is not whitespace, or -1 if there is none. */
  static int start(byte[] body) {
    int i = skipWhitespace(body, 0);
    return i < body.length ? i : -1;
  }

  /**
   * The offset of the first byte after the body's JSON value that is not whitespace, or -1 if there
   * is none.
   */
  static int trailing(byte[] body) {
    int i = skipWhitespace(body, 0);
    if (i < body.length) {
      i = skipWhitespace(body, endOfValue(body, i));
    }
    return i < body.length ? i : -1;
  }

  private static int endOfValue(byte[] body, int start) {
    return switch (body[start]) {
      case '{', '[' -> endOfStructure(body, start);
      case '"' -> endOfString(body, start);
      case 't', 'n' -> start + 4;
      case 'f' -> start + 5;
      default -> endOfNumber(body, start);
    };
  }

  private static int endOfStructure(byte[] body, int start) {
    int depth = 0;
    int i = start;
    while (i < body.length) {
      byte b = body[i];
      if (b == '"') {
        i = endOfString(body, i);
        continue;
      }
      if (b == '{' || b == '[') {
        depth++;
      } else if (b == '}' || b == ']') {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
      i++;
    }
    return i;
  }

  /** The offset after the closing quote of the string that opens at {@code start}. */
  private static int endOfString(byte[] body, int start) {
    int i = start + 1;
    while (i < body.length) {
      byte b = body[i];
      if (b == '\\') {
        i += 2;
      } else if (b == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    return i;
  }

  private static int endOfNumber(byte[] body, int start) {
    int i = start;
    while (i < body.length && isNumberByte(body[i])) {
      i++;
    }
    return i;
  }

  private static boolean isNumberByte(byte b) {
    return (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E';
  }

  /** Skips JSON's four whitespace characters. */
  private static int skipWhitespace(byte[] body, int start) {
    int i = start;
    while (i < body.length) {
      byte b = body[i];
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        break;
      }
      i++;
    }
    return i;
  }
}
