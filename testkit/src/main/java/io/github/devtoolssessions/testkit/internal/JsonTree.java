package io.github.devtoolssessions.testkit.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON text (RFC 8259) into plain values that compare by meaning, so that a test can tell
 * whether two texts say the same thing whatever their whitespace, key order or number spelling:
 * objects become maps (a repeated key keeps its last value), arrays lists, strings strings, numbers
 * {@link BigDecimal}s without trailing zeros ({@code 1.50}, {@code 1.5} and {@code 15e-1} are
 * equal), {@code true}/{@code false} booleans and {@code null} {@link #NULL}.
 *
 * <p>Independent of any JSON library on purpose: the contract suites use it to judge codecs.
 */
public final class JsonTree {

  /** What {@code null} parses to, since maps and lists here hold no Java {@code null}. */
  public static final Object NULL =
      new Object() {
        @Override
        public String toString() {
          return "null";
        }
      };

  private final String text;
  private int pos;

  private JsonTree(String text) {
    this.text = text;
  }

  /**
   * The value of the text, which must be exactly one JSON value with optional whitespace around.
   *
   * @throws IllegalArgumentException if the text is not JSON, naming the offset
   */
  public static Object parse(String text) {
    JsonTree parser = new JsonTree(text);
    parser.skipWhitespace();
    Object value = parser.value();
    parser.skipWhitespace();
    if (parser.pos != text.length()) {
      throw parser.error("content after the value");
    }
    return value;
  }

  /** Whether the two texts are both JSON and say the same thing; never for {@code null}. */
  public static boolean equivalent(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    try {
      return parse(a).equals(parse(b));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Object value() {
    if (pos >= text.length()) {
      throw error("the end of the text where a value was expected");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", NULL);
      default:
        return number();
    }
  }

  private Map<String, Object> object() {
    pos++;
    Map<String, Object> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return members;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("a member without a string name");
      }
      String name = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      members.put(name, value());
      skipWhitespace();
      char c = next();
      if (c == '}') {
        return Collections.unmodifiableMap(members);
      }
      if (c != ',') {
        throw error("an object not separated by ',' or closed by '}'");
      }
    }
  }

  private List<Object> array() {
    pos++;
    List<Object> elements = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return elements;
    }
    while (true) {
      skipWhitespace();
      elements.add(value());
      skipWhitespace();
      char c = next();
      if (c == ']') {
        return Collections.unmodifiableList(elements);
      }
      if (c != ',') {
        throw error("an array not separated by ',' or closed by ']'");
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        throw error("a control character inside a string");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("a cut-off \\u escape");
          }
          try {
            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          } catch (NumberFormatException ex) {
            throw error("a \\u escape without four hex digits");
          }
          pos += 4;
        }
        default -> throw error("an unknown escape \\" + e);
      }
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("an unknown literal");
    }
    pos += word.length();
    return value;
  }

  private BigDecimal number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (isDigit(peek())) {
      skipDigits();
    } else {
      throw error("a character that starts no value");
    }
    if (peek() == '.') {
      pos++;
      if (!isDigit(peek())) {
        throw error("a fraction without digits");
      }
      skipDigits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw error("an exponent without digits");
      }
      skipDigits();
    }
    BigDecimal n = new BigDecimal(text.substring(start, pos));
    return n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros();
  }

  private void skipDigits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  /** The next character without taking it; NUL at the end, which no rule accepts. */
  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= text.length()) {
      throw error("the end of the text inside a value");
    }
    return text.charAt(pos++);
  }

  private void expect(char c) {
    if (next() != c) {
      pos--;
      throw error("'" + c + "' expected");
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("not JSON: " + what + " at offset " + pos);
  }
}
