package io.github.devtoolssessions.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable set of HTTP headers: names compare without regard to case, and a name may carry
 * several values, kept in the order they were added.
 *
 * <p>{@link #toString()} masks the values of headers that carry credentials ({@link
 * Credentials#isSecretHeader(String)}), so headers can be logged.
 */
public final class Headers {

  private static final Headers EMPTY = new Headers(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

  private final Map<String, List<String>> map;

  private Headers(TreeMap<String, List<String>> map) {
    this.map = Collections.unmodifiableMap(map);
  }

  /** No headers. */
  public static Headers empty() {
    return EMPTY;
  }

  /** The given headers; names that differ only in case are merged. */
  public static Headers of(Map<String, ? extends List<String>> headers) {
    Builder b = builder();
    headers.forEach((name, values) -> values.forEach(v -> b.add(name, v)));
    return b.build();
  }

  /** A builder with no headers. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these headers. */
  public Builder toBuilder() {
    Builder b = builder();
    map.forEach((name, values) -> values.forEach(v -> b.add(name, v)));
    return b;
  }

  /** The first value of the header, if present. */
  public Optional<String> firstValue(String name) {
    List<String> values = map.get(name);
    return values == null ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every value of the header in order; empty if absent. */
  public List<String> allValues(String name) {
    return map.getOrDefault(name, List.of());
  }

  /** All headers by name (case-insensitive keys), each with its values in order. */
  public Map<String, List<String>> map() {
    return map;
  }

  /** Whether there are no headers. */
  public boolean isEmpty() {
    return map.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Headers && map.equals(((Headers) o).map);
  }

  @Override
  public int hashCode() {
    return map.hashCode();
  }

  /** The headers with the values of credential-carrying ones masked. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    map.forEach(
        (name, values) -> {
          if (sb.length() > 1) {
            sb.append(", ");
          }
          sb.append(name).append('=');
          sb.append(
              Credentials.isSecretHeader(name)
                  ? Collections.nCopies(values.size(), Redaction.MASK)
                  : values);
        });
    return sb.append('}').toString();
  }

  /** Builds {@link Headers}. */
  public static final class Builder {
    private final TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private Builder() {}

    /**
     * Adds a value to a header, after any it already has.
     *
     * @throws IllegalArgumentException if the name is empty or holds CR or LF, or the value holds a
     *     control character other than tab
     */
    public Builder add(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.isEmpty() || name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("header name \"" + name + "\" is not a valid token");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\r' || c == '\n') {
          throw new IllegalArgumentException(
              "header "
                  + name.toLowerCase(Locale.ROOT)
                  + " has a value with a line break, which would split the header");
        }
        if (c != '\t' && Character.isISOControl(c)) {
          throw new IllegalArgumentException(
              "header "
                  + name.toLowerCase(Locale.ROOT)
                  + " has a value with the control character U+"
                  + String.format("%04X", (int) c)
                  + " at index "
                  + i);
        }
      }
      map.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
      return this;
    }

    /** Replaces every value of a header with this one. */
    public Builder set(String name, String value) {
      map.remove(name);
      return add(name, value);
    }

    /** Removes a header. */
    public Builder remove(String name) {
      map.remove(name);
      return this;
    }

    /** The headers. */
    public Headers build() {
      TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      map.forEach((name, values) -> copy.put(name, List.copyOf(values)));
      return new Headers(copy);
    }
  }
}
