package io.github.devtoolssessions.core.internal;

import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.core.PagingException;
import io.github.devtoolssessions.core.Session;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The paging decisions of a walk over every session, with offset paging over a list that may change
 * underneath. Pure: it is told each page and says which page to ask for next.
 *
 * <ul>
 *   <li>The next offset advances by what the server returned, so it follows the server's list.
 *   <li>A session already returned is not returned again: when sessions are added before the
 *       offset, the list shifts and a page repeats some of the previous one. The walk remembers the
 *       ids it returned (ids only, never sessions).
 *   <li>A short or empty page ends the walk; so does the item cap.
 *   <li>A full page identical to the previous one means the server ignores the offset: {@link
 *       PagingException} instead of an endless loop.
 * </ul>
 *
 * <p>Offset paging cannot see everything in a list that changes: when sessions before the offset
 * are removed, those that shift back across it are not seen by this walk. A walk is a best-effort
 * view of a moving list, as with every offset-paged API.
 */
public final class PageWalk {

  private final int pageSize;
  private final long maxItems;
  private final Set<String> seen = new HashSet<>();
  private List<String> previousPageIds = List.of();
  private int offset;
  private long returned;
  private int pages;
  private boolean done;

  /**
   * A walk in pages of {@code pageSize} (1..200) that stops after {@code maxItems} sessions.
   *
   * @throws IllegalArgumentException if the page size is outside 1..200 or the cap below 1
   */
  public PageWalk(int pageSize, long maxItems) {
    ListSessionsParams.builder().limit(pageSize); // the one place the range is checked
    if (maxItems < 1) {
      throw new IllegalArgumentException(
          "maxItems = " + maxItems + " is out of range: it must be >= 1");
    }
    this.pageSize = pageSize;
    this.maxItems = maxItems;
  }

  /** The parameters of the next page to fetch, or empty when the walk is over. */
  public Optional<ListSessionsParams> next() {
    return done ? Optional.empty() : Optional.of(ListSessionsParams.of(pageSize, offset));
  }

  /**
   * Takes the page fetched with {@link #next()} and gives the sessions the caller has not seen, in
   * order, within the cap.
   *
   * @throws PagingException if the page is full and identical to the previous one
   */
  public List<Session> accept(List<Session> page) {
    if (done) {
      throw new IllegalStateException("the walk is over");
    }
    pages++;
    List<String> ids = new ArrayList<>(page.size());
    for (Session s : page) {
      ids.add(s.sessionId());
    }
    if (page.size() == pageSize && !ids.isEmpty() && ids.equals(previousPageIds)) {
      done = true;
      throw new PagingException(
          "the server answered offset "
              + offset
              + " with the same "
              + page.size()
              + " sessions as offset "
              + (offset - previousPageIds.size())
              + ": it seems to ignore offset, so the walk stops instead of looping");
    }
    previousPageIds = ids;
    offset += page.size();
    List<Session> fresh = new ArrayList<>(page.size());
    for (Session s : page) {
      if (returned >= maxItems) {
        break;
      }
      if (seen.add(s.sessionId())) {
        fresh.add(s);
        returned++;
      }
    }
    if (page.size() < pageSize || returned >= maxItems) {
      done = true;
    }
    return fresh;
  }

  /** Ends the walk early; {@link #next()} is empty from now on. */
  public void stop() {
    done = true;
  }

  /** Whether the walk is over. */
  public boolean isDone() {
    return done;
  }

  /** How many pages were accepted. */
  public int pages() {
    return pages;
  }

  /** How many sessions were returned. */
  public long returned() {
    return returned;
  }
}
