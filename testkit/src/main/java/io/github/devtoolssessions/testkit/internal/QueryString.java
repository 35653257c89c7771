package io.github.devtoolssessions.testkit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits a raw query string into decoded parameters. */
public final class QueryString {

  private QueryString() {}

  /**
   * The parameters of a raw (still percent-encoded) query, by decoded name in order of first
   * appearance, each with its decoded values in order. A name without {@code =} has the value
   * {@code ""}; {@code null} or an empty query has no parameters.
   */
  public static Map<String, List<String>> parse(String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = PercentDecoding.queryComponent(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : PercentDecoding.queryComponent(pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
    }
    params.replaceAll((name, values) -> Collections.unmodifiableList(values));
    return Collections.unmodifiableMap(params);
  }
}
