package io.github.devtoolssessions.api;

import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.core.internal.PageWalk;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy walk over every session of an account: a page is fetched only when the caller has consumed
 * the one before, and at most one page is held at a time. The walk ends on a short or empty page,
 * at the item cap, or when closed; after {@link #close()} nothing more is fetched.
 *
 * <p>Sessions already returned are not returned again when the list shifts between pages, and a
 * server that ignores {@code offset} ends the walk with {@link
 * io.github.devtoolssessions.core.PagingException} instead of looping. Not thread-safe: one
 * consumer at a time, as with any iterator.
 */
public final class SessionPager implements Iterator<Session>, AutoCloseable {

  private final PageWalk walk;
  private final Function<ListSessionsParams, List<Session>> fetch;
  private final ArrayDeque<Session> buffer = new ArrayDeque<>();

  SessionPager(AllSessionsParams params, Function<ListSessionsParams, List<Session>> fetch) {
    this.walk = new PageWalk(params.pageSize(), params.maxItemsOrUnlimited());
    this.fetch = fetch;
  }

  /** Whether another session is to be had; may fetch the next page. */
  @Override
  public boolean hasNext() {
    while (buffer.isEmpty()) {
      Optional<ListSessionsParams> next = walk.next();
      if (next.isEmpty()) {
        return false;
      }
      List<Session> page = fetch.apply(next.get());
      buffer.addAll(walk.accept(page));
    }
    return true;
  }

  /** The next session; may fetch the next page. */
  @Override
  public Session next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more sessions");
    }
    return buffer.removeFirst();
  }

  /** Ends the walk: nothing more is fetched, and what is buffered is dropped. */
  @Override
  public void close() {
    walk.stop();
    buffer.clear();
  }

  /** How many sessions the pager holds right now; never more than one page. */
  public int bufferedSessions() {
    return buffer.size();
  }

  /** How many pages were fetched so far. */
  public int pagesFetched() {
    return walk.pages();
  }

  /** How many sessions were handed out or buffered so far. */
  public long sessionsFetched() {
    return walk.returned();
  }

  /** The walk as a sequential stream; closing the stream closes the pager. */
  public Stream<Session> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                this, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT),
            false)
        .onClose(this::close);
  }
}
