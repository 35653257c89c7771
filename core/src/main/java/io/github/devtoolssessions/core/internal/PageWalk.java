package io.github.devtoolssessions.core.internal;

import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.core.PagingException;
import io.github.devtoolssessions.core.Session;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The paging decisions of a walk over every session, with offset paging over a list that may change
 * underneath. Pure: it is told each page and says which page to ask for next.
 *
 * <ul>
 *   <li>The next offset advances by what the server returned, so it follows the server's list.
 *   <li>A session already returned is not returned again: when sessions are added before the
 *       offset, the list shifts and a page repeats the end of the pages before it. The walk
 *       remembers the ids of the last {@value #REMEMBERED_IDS} sessions it returned (ids only,
 *       never sessions), so its memory stays the same however long the list: a repeat is caught
 *       unless more than that many sessions were added ahead of the walk between two of its pages.
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

  /**
   * How many of the latest returned ids are remembered to drop repeats: five full pages, far more
   * than are added between two page fetches a few milliseconds apart. Remembering every id would
   * make a walk's memory grow with the list (about 1 MiB per 10,000 sessions).
   */
  public static final int REMEMBERED_IDS = 1_000;

  /** The latest returned ids, oldest first; the oldest goes when one more would pass the bound. */
  private final Set<String> seen =
      Collections.newSetFromMap(
          new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > REMEMBERED_IDS;
            }
          });

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

  /** How many ids the walk remembers now; never more than {@value #REMEMBERED_IDS}. */
  public int rememberedIds() {
    return seen.size();
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
