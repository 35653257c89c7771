package io.github.devtoolssessions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RayIdsTest {

  @Test
  void raysLookLikeTheEdgesAndNeverRepeat() {
    RayIds rays = new RayIds();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String ray = rays.next();
      assertThat(seen.add(ray)).isTrue();
    }
    assertThat(seen).allSatisfy(r -> assertThat(r).matches("[0-9a-f]{16}-SJC"));
  }

  @Test
  void everyInstanceGivesTheSameSequence() {
    RayIds a = new RayIds();
    RayIds b = new RayIds();
    for (int i = 0; i < 10; i++) {
      assertThat(a.next()).isEqualTo(b.next());
    }
  }
}
