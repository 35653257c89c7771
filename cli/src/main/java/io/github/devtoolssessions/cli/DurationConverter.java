package io.github.devtoolssessions.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration as people type it: a whole number and a unit, {@code 500ms}, {@code 2s}, {@code
 * 1m} or {@code 1h}; an ISO-8601 duration such as {@code PT1.5S} is taken too. Whether it is
 * positive is checked where it is used.
 */
final class DurationConverter implements ITypeConverter<Duration> {

  private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)");

  @Override
  public Duration convert(String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    Matcher m = NUMBER_AND_UNIT.matcher(text);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "ms":
          return Duration.ofMillis(n);
        case "s":
          return Duration.ofSeconds(n);
        case "m":
          return Duration.ofMinutes(n);
        default:
          return Duration.ofHours(n);
      }
    }
    if (text.startsWith("pt") || text.startsWith("p")) {
      try {
        return Duration.parse(value.strip());
      } catch (DateTimeParseException e) {
        // Falls through to the message below, which says what is accepted.
      }
    }
    throw new TypeConversionException(
        "'" + value + "' is not a duration: give a number and a unit, such as 500ms, 2s or 1m");
  }
}
