package io.github.devtoolssessions.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.core.PagingException;
import io.github.devtoolssessions.core.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageWalkTest {

  private static List<Session> sessions(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(i -> Session.builder("s" + i).build())
        .collect(Collectors.toList());
  }

  /** Walks a fixed list the way a server applies offset and limit. */
  private static List<Session> walk(PageWalk walk, List<Session> all, List<String> queries) {
    List<Session> out = new ArrayList<>();
    while (walk.next().isPresent()) {
      ListSessionsParams p = walk.next().get();
      queries.add(p.limit().getAsInt() + "@" + p.offset().getAsInt());
      int from = Math.min(all.size(), p.offset().getAsInt());
      int to = Math.min(all.size(), from + p.limit().getAsInt());
      out.addAll(walk.accept(all.subList(from, to)));
    }
    return out;
  }

  @Test
  void aShortPageEndsTheWalk() {
    List<String> queries = new ArrayList<>();
    List<Session> all = sessions(0, 450);
    assertThat(walk(new PageWalk(200, Long.MAX_VALUE), all, queries)).isEqualTo(all);
    assertThat(queries).containsExactly("200@0", "200@200", "200@400");
  }

  @Test
  void anEmptyPageEndsAWalkWhoseLastPageWasFull() {
    List<String> queries = new ArrayList<>();
    List<Session> all = sessions(0, 400);
    assertThat(walk(new PageWalk(200, Long.MAX_VALUE), all, queries)).isEqualTo(all);
    assertThat(queries).containsExactly("200@0", "200@200", "200@400");
  }

  @Test
  void sessionsThatShiftIntoTheNextPageAreNotReturnedAgain() {
    PageWalk walk = new PageWalk(3, Long.MAX_VALUE);
    assertThat(walk.accept(sessions(0, 3)))
        .extracting(Session::sessionId)
        .containsExactly("s0", "s1", "s2");
    // Two sessions were added at the front: s1 and s2 shifted to offsets 3 and 4.
    assertThat(
            walk.accept(
                List.of(sessions(1, 2).get(0), sessions(2, 3).get(0), sessions(3, 4).get(0))))
        .extracting(Session::sessionId)
        .containsExactly("s3");
  }

  @Test
  void theIdsRememberedStayBoundedHoweverLongTheWalk() {
    List<String> queries = new ArrayList<>();
    List<Session> all = sessions(0, 20_000);
    PageWalk walk = new PageWalk(200, Long.MAX_VALUE);

    assertThat(walk(walk, all, queries)).isEqualTo(all);
    assertThat(walk.rememberedIds()).isEqualTo(PageWalk.REMEMBERED_IDS);
  }

  @Test
  void repeatsFromSeveralPagesBackAreStillDropped() {
    PageWalk walk = new PageWalk(100, Long.MAX_VALUE);
    List<Session> all = sessions(0, 1_000);
    for (int offset = 0; offset < 500; offset += 100) {
      walk.accept(all.subList(offset, offset + 100));
    }
    // 450 sessions were added at the front: the page at offset 500 now holds s50..s149.
    assertThat(walk.accept(all.subList(50, 150))).isEmpty();
    assertThat(walk.accept(all.subList(150, 250))).isEmpty();
  }

  @Test
  void aFullPageIdenticalToThePreviousMeansTheServerIgnoresOffset() {
    PageWalk walk = new PageWalk(2, Long.MAX_VALUE);
    walk.accept(sessions(0, 2));
    assertThatThrownBy(() -> walk.accept(sessions(0, 2)))
        .isInstanceOf(PagingException.class)
        .hasMessageContaining("offset 2")
        .hasMessageContaining("ignore offset");
    assertThat(walk.next()).isEmpty();
  }

  @Test
  void theItemCapEndsTheWalkWithoutAnotherFetch() {
    List<String> queries = new ArrayList<>();
    List<Session> out = walk(new PageWalk(200, 250), sessions(0, 1000), queries);
    assertThat(out).hasSize(250);
    assertThat(queries).containsExactly("200@0", "200@200");
  }

  @Test
  void stopEndsTheWalk() {
    PageWalk walk = new PageWalk(10, Long.MAX_VALUE);
    walk.stop();
    assertThat(walk.next()).isEmpty();
    assertThat(walk.isDone()).isTrue();
  }

  @Test
  void invalidPageSizesAndCapsAreRefused() {
    assertThatThrownBy(() -> new PageWalk(0, 1)).hasMessageContaining("from 1 to 200");
    assertThatThrownBy(() -> new PageWalk(201, 1)).hasMessageContaining("from 1 to 200");
    assertThatThrownBy(() -> new PageWalk(10, 0)).hasMessageContaining("maxItems = 0");
  }
}
