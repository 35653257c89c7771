package io.github.devtoolssessions.cli;

import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.Session;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One JSON array of every session, written by the codec with the API's field names, unknown fields
 * and numbers as they came. URLs are written whole: this is the user's own data, for their scripts,
 * and a masked URL would be useless to them.
 */
final class JsonArrayOutput implements SessionOutput {

  private final PrintStream out;
  private final JsonCodec codec;
  private final List<Session> sessions = new ArrayList<>();

  JsonArrayOutput(PrintStream out, JsonCodec codec) {
    this.out = out;
    this.codec = codec;
  }

  @Override
  public void print(Session session) {
    sessions.add(session);
  }

  @Override
  public boolean flush() {
    return true; // nothing is written before finish()
  }

  @Override
  public void finish() {
    byte[] json = codec.writeSessions(sessions);
    out.write(json, 0, json.length);
    out.println();
    out.flush();
  }
}
