package io.github.devtoolssessions.testkit.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes {@code cf-ray} values such as {@code 8f1c2d3e4f5a6b7c-SJC}: 16 hex digits and a colo code,
 * as the edge sends them. The digits come from a counter passed through a bijective mix, so every
 * value of one instance is distinct and the sequence is the same on every run.
 */
public final class RayIds {

  private static final String COLO = "SJC";

  private final AtomicLong counter = new AtomicLong();

  /** The next ray id. */
  public String next() {
    return String.format("%016x-%s", mix(counter.getAndIncrement()), COLO);
  }

  /**
   * SplitMix64's finaliser over an odd-multiplier step: each stage is a bijection on 64-bit values,
   * so distinct counters give distinct rays.
   */
  private static long mix(long n) {
    long z = n * 0x9E3779B97F4A7C15L + 0x6A09E667F3BCC909L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
