package io.github.devtoolssessions.json.jsonb;

import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A parser that plays a script, for behaviour no real parser shows: a key, string or number event
 * is followed in the script by its text. It counts the calls of {@link #getBigDecimal()}, and its
 * {@link #hasNext()} answers without checking what follows the value.
 */
final class ScriptedParser implements JsonParser {

  private final List<Event> events = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();
  private int position = -1;
  int bigDecimalCalls;

  private ScriptedParser() {}

  /** A parser over {@code script}: events, each key, string or number followed by its text. */
  static ScriptedParser of(Object... script) {
    ScriptedParser parser = new ScriptedParser();
    for (Object step : script) {
      if (step instanceof Event) {
        parser.events.add((Event) step);
        parser.texts.add(null);
      } else {
        parser.texts.set(parser.texts.size() - 1, (String) step);
      }
    }
    return parser;
  }

  @Override
  public boolean hasNext() {
    return position + 1 < events.size();
  }

  @Override
  public Event next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return events.get(++position);
  }

  @Override
  public Event currentEvent() {
    return position < 0 ? null : events.get(position);
  }

  @Override
  public String getString() {
    return texts.get(position);
  }

  @Override
  public boolean isIntegralNumber() {
    return getBigDecimal().scale() == 0;
  }

  @Override
  public int getInt() {
    return getBigDecimal().intValue();
  }

  @Override
  public long getLong() {
    return getBigDecimal().longValue();
  }

  @Override
  public BigDecimal getBigDecimal() {
    bigDecimalCalls++;
    return new BigDecimal(texts.get(position));
  }

  @Override
  public JsonLocation getLocation() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
