package io.github.devtoolssessions.testkit.internal;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The {@code limit} and {@code offset} of a list request, read as strictly as the real service
 * reads them: plain decimal digits only ({@code 1.0}, {@code +1}, {@code -1} and the empty string
 * are refused), each parameter at most once, {@code limit} within 1..200 (default 200), {@code
 * offset} at least 0 (default 0). Other parameters are ignored.
 *
 * @param limit the page size
 * @param offset how many sessions to skip; an offset past {@link Integer#MAX_VALUE} is clamped to
 *     it, which skips every session all the same
 */
public record PageQuery(int limit, int offset) {

  /** The page size when none is given, and the largest accepted. */
  public static final int MAX_LIMIT = 200;

  /**
   * Reads a raw (still percent-encoded) query string; {@code null} means no query.
   *
   * @throws IllegalArgumentException with the message the fake sends back, naming the parameter and
   *     the rule it broke
   */
  public static PageQuery parse(String rawQuery) {
    Map<String, List<String>> params = QueryString.parse(rawQuery);
    BigInteger limit = read(params, "limit", "an integer from 1 to " + MAX_LIMIT);
    BigInteger offset = read(params, "offset", "an integer >= 0");
    if (limit != null
        && (limit.signum() == 0 || limit.compareTo(BigInteger.valueOf(MAX_LIMIT)) > 0)) {
      throw invalid("limit", params.get("limit").get(0), "an integer from 1 to " + MAX_LIMIT);
    }
    return new PageQuery(
        limit == null ? MAX_LIMIT : limit.intValueExact(),
        offset == null ? 0 : offset.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValueExact());
  }

  private static BigInteger read(Map<String, List<String>> params, String name, String rule) {
    List<String> values = params.get(name);
    if (values == null) {
      return null;
    }
    if (values.size() > 1) {
      throw new IllegalArgumentException(
          "Invalid query parameter " + name + ": it must be given at most once");
    }
    String value = values.get(0);
    if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid(name, value, rule);
    }
    return new BigInteger(value);
  }

  private static IllegalArgumentException invalid(String name, String value, String rule) {
    return new IllegalArgumentException(
        "Invalid query parameter " + name + ": \"" + value + "\" is not " + rule);
  }
}
