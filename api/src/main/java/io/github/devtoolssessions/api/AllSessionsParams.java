package io.github.devtoolssessions.api;

import io.github.devtoolssessions.core.ListSessionsParams;
import java.util.OptionalLong;

/**
 * How to walk every session of an account: the page size of each request and an optional cap on the
 * number of sessions returned.
 *
 * <pre>{@code
 * AllSessionsParams.builder().pageSize(50).maxItems(1_000).build()
 * }</pre>
 */
public final class AllSessionsParams {

  private static final AllSessionsParams DEFAULTS = new AllSessionsParams(200, Long.MAX_VALUE);

  private final int pageSize;
  private final long maxItems;

  private AllSessionsParams(int pageSize, long maxItems) {
    this.pageSize = pageSize;
    this.maxItems = maxItems;
  }

  /** Pages of 200, no cap. */
  public static AllSessionsParams defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The page size of each request, 1..200 (default 200). */
  public int pageSize() {
    return pageSize;
  }

  /** The most sessions the walk returns, if capped. */
  public OptionalLong maxItems() {
    return maxItems == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(maxItems);
  }

  long maxItemsOrUnlimited() {
    return maxItems;
  }

  @Override
  public String toString() {
    return "AllSessionsParams[pageSize="
        + pageSize
        + ", maxItems="
        + (maxItems == Long.MAX_VALUE ? "unlimited" : maxItems)
        + "]";
  }

  /** Builds {@link AllSessionsParams}; each setter checks its value at once. */
  public static final class Builder {
    private int pageSize = 200;
    private long maxItems = Long.MAX_VALUE;

    private Builder() {}

    /**
     * The page size of each request.
     *
     * @throws IllegalArgumentException if outside 1..200
     */
    public Builder pageSize(int pageSize) {
      try {
        ListSessionsParams.builder().limit(pageSize);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage().replace("limit", "pageSize"), e);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * The most sessions the walk returns; no further page is fetched once reached.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxItems(long maxItems) {
      if (maxItems < 1) {
        throw new IllegalArgumentException(
            "maxItems = " + maxItems + " is out of range: it must be >= 1");
      }
      this.maxItems = maxItems;
      return this;
    }

    /** The parameters. */
    public AllSessionsParams build() {
      return new AllSessionsParams(pageSize, maxItems);
    }
  }
}
