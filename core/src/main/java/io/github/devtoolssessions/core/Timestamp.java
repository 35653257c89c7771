package io.github.devtoolssessions.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;

/**
 * A point in time as the API sends it: a JSON number of milliseconds since the epoch, which may
 * carry a fraction ({@code 1764772391077.5}).
 *
 * <p>The number is kept exactly as a {@link BigDecimal}, so that nothing is lost when it is read
 * and written again; {@link #toInstant()} gives the same moment as an {@link Instant}, fraction
 * included down to the nanosecond.
 *
 * @param epochMillis milliseconds since 1970-01-01T00:00Z, exactly as sent
 */
public record Timestamp(BigDecimal epochMillis) implements Comparable<Timestamp> {

  private static final BigDecimal NANOS_PER_MILLI = BigDecimal.valueOf(1_000_000);
  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000);
  private static final BigDecimal MIN_MILLIS =
      BigDecimal.valueOf(Instant.MIN.getEpochSecond()).movePointRight(3);
  private static final BigDecimal MAX_MILLIS =
      BigDecimal.valueOf(Instant.MAX.getEpochSecond() + 1).movePointRight(3);

  /** Checks that the number is present. */
  public Timestamp {
    Objects.requireNonNull(epochMillis, "epochMillis");
  }

  /** A timestamp of whole milliseconds. */
  public static Timestamp ofEpochMillis(long epochMillis) {
    return new Timestamp(BigDecimal.valueOf(epochMillis));
  }

  /** The timestamp of an instant, with its sub-millisecond part kept as a fraction. */
  public static Timestamp of(Instant instant) {
    BigDecimal millis =
        BigDecimal.valueOf(instant.getEpochSecond())
            .movePointRight(3)
            .add(BigDecimal.valueOf(instant.getNano(), 6))
            .stripTrailingZeros();
    return new Timestamp(millis.scale() < 0 ? millis.setScale(0) : millis);
  }

  /**
   * The same moment as an {@link Instant}, truncated to whole nanoseconds.
   *
   * @throws DateTimeException if the number lies outside the range of {@link Instant}
   */
  public Instant toInstant() {
    if (epochMillis.compareTo(MIN_MILLIS) < 0 || epochMillis.compareTo(MAX_MILLIS) >= 0) {
      throw new DateTimeException(
          "epoch milliseconds " + epochMillis + " lie outside the range of java.time.Instant");
    }
    // A number such as 1e-999999999 would make setScale compute 10^999999993; any value below a
    // tenth of a nanosecond in size floors to 0 or -1 ns, so it is answered without arithmetic.
    if (epochMillis.precision() - epochMillis.scale() < -7) {
      return epochMillis.signum() < 0 ? Instant.EPOCH.minusNanos(1) : Instant.EPOCH;
    }
    BigInteger nanos =
        epochMillis.multiply(NANOS_PER_MILLI).setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
    BigInteger[] secondsAndNanos = nanos.divideAndRemainder(NANOS_PER_SECOND);
    long seconds = secondsAndNanos[0].longValueExact();
    long nanoOfSecond = secondsAndNanos[1].longValueExact();
    if (nanoOfSecond < 0) {
      seconds -= 1;
      nanoOfSecond += 1_000_000_000L;
    }
    return Instant.ofEpochSecond(seconds, nanoOfSecond);
  }

  /** Orders by the moment, whatever the scale of the numbers. */
  @Override
  public int compareTo(Timestamp other) {
    return epochMillis.compareTo(other.epochMillis);
  }

  /** The number as the API would write it, for instance {@code 1764772391077.5}. */
  @Override
  public String toString() {
    return epochMillis.toString();
  }
}
