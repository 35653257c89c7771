package io.github.devtoolssessions.core;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The query of one list call: which page of the account's sessions to fetch.
 *
 * <p>Both parameters are optional; an unset one is not sent, and the server applies its default
 * (limit 200, offset 0). Values are checked when they are set, so an invalid page is refused before
 * any request is made.
 *
 * <pre>{@code
 * ListSessionsParams page = ListSessionsParams.builder().limit(50).offset(100).build();
 * }</pre>
 */
public final class ListSessionsParams {

  /** The smallest page size the API accepts. */
  public static final int MIN_LIMIT = 1;

  /** The largest page size the API accepts, and its default. */
  public static final int MAX_LIMIT = 200;

  private static final ListSessionsParams DEFAULTS = new ListSessionsParams(null, null);

  private final Integer limit;
  private final Integer offset;

  private ListSessionsParams(Integer limit, Integer offset) {
    this.limit = limit;
    this.offset = offset;
  }

  /** No limit and no offset: the server's first page of its default size. */
  public static ListSessionsParams defaults() {
    return DEFAULTS;
  }

  /**
   * A page of {@code limit} sessions starting at {@code offset}.
   *
   * @throws IllegalArgumentException if {@code limit} is not within 1..200 or {@code offset} is
   *     negative
   */
  public static ListSessionsParams of(int limit, int offset) {
    return builder().limit(limit).offset(offset).build();
  }

  /** A builder with neither parameter set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The page size, if set. */
  public OptionalInt limit() {
    return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
  }

  /** The number of sessions to skip, if set. */
  public OptionalInt offset() {
    return offset == null ? OptionalInt.empty() : OptionalInt.of(offset);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ListSessionsParams
        && Objects.equals(limit, ((ListSessionsParams) o).limit)
        && Objects.equals(offset, ((ListSessionsParams) o).offset);
  }

  @Override
  public int hashCode() {
    return Objects.hash(limit, offset);
  }

  @Override
  public String toString() {
    return "ListSessionsParams[limit="
        + (limit == null ? "unset" : limit)
        + ", offset="
        + (offset == null ? "unset" : offset)
        + "]";
  }

  /** Builds {@link ListSessionsParams}; each setter checks its value at once. */
  public static final class Builder {
    private Integer limit;
    private Integer offset;

    private Builder() {}

    /**
     * The page size.
     *
     * @throws IllegalArgumentException if not within {@value #MIN_LIMIT}..{@value #MAX_LIMIT}
     */
    public Builder limit(int limit) {
      if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
        throw new IllegalArgumentException(
            "limit = "
                + limit
                + " is out of range: it must be an integer from "
                + MIN_LIMIT
                + " to "
                + MAX_LIMIT
                + " (inclusive)");
      }
      this.limit = limit;
      return this;
    }

    /**
     * The number of sessions to skip.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder offset(int offset) {
      if (offset < 0) {
        throw new IllegalArgumentException(
            "offset = " + offset + " is out of range: it must be an integer >= 0");
      }
      this.offset = offset;
      return this;
    }

    /** Unsets the page size, so that the server's default applies. */
    public Builder clearLimit() {
      this.limit = null;
      return this;
    }

    /** Unsets the offset, so that the server's default applies. */
    public Builder clearOffset() {
      this.offset = null;
      return this;
    }

    /** The parameters. */
    public ListSessionsParams build() {
      return limit == null && offset == null ? DEFAULTS : new ListSessionsParams(limit, offset);
    }
  }
}
