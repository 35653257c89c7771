package io.github.devtoolssessions.json.jsonb.internal;

import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.math.BigDecimal;
import java.util.NoSuchElementException;

/** Replays the events of a {@link RecordedJson} through the streaming {@link JsonParser} API. */
final class ReplayParser implements JsonParser {

  /** A replay has no position in a text. */
  private static final JsonLocation NOWHERE =
      new JsonLocation() {
        @Override
        public long getLineNumber() {
          return -1;
        }

        @Override
        public long getColumnNumber() {
          return -1;
        }

        @Override
        public long getStreamOffset() {
          return -1;
        }
      };

  private final Event[] events;
  private final String[] texts;
  private final BigDecimal[] numbers;
  private final int size;
  private final long trailingContentOffset;
  private int position = -1;

  ReplayParser(
      Event[] events, String[] texts, BigDecimal[] numbers, int size, long trailingContentOffset) {
    this.events = events;
    this.texts = texts;
    this.numbers = numbers;
    this.size = size;
    this.trailingContentOffset = trailingContentOffset;
  }

  /**
   * Whether events are left; past the value's last event, throws as Parsson does when the text goes
   * on after the top-level value.
   */
  @Override
  public boolean hasNext() {
    if (position + 1 < size) {
      return true;
    }
    if (position >= 0 && trailingContentOffset >= 0) {
      throw new JsonParsingException(
          "unexpected content at byte offset " + trailingContentOffset, NOWHERE);
    }
    return false;
  }

  @Override
  public Event next() {
    if (position + 1 >= size) {
      throw new NoSuchElementException("the recorded JSON value has no more events");
    }
    return events[++position];
  }

  @Override
  public Event currentEvent() {
    return position < 0 ? null : events[position];
  }

  @Override
  public String getString() {
    Event event = currentEvent();
    if (event != Event.KEY_NAME && event != Event.VALUE_STRING && event != Event.VALUE_NUMBER) {
      throw new IllegalStateException("getString() on " + event);
    }
    return texts[position];
  }

  @Override
  public boolean isIntegralNumber() {
    return number().scale() == 0;
  }

  @Override
  public int getInt() {
    return number().intValue();
  }

  @Override
  public long getLong() {
    return number().longValue();
  }

  @Override
  public BigDecimal getBigDecimal() {
    return number();
  }

  private BigDecimal number() {
    if (currentEvent() != Event.VALUE_NUMBER) {
      throw new IllegalStateException("a number getter on " + currentEvent());
    }
    return numbers[position];
  }

  @Override
  public JsonLocation getLocation() {
    return NOWHERE;
  }

  @Override
  public void close() {
    // nothing to release
  }
}
