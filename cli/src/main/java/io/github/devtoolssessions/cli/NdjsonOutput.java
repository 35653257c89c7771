package io.github.devtoolssessions.cli;

import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/**
 * One JSON object per line (newline-delimited JSON), each written as soon as it is had, so that a
 * consumer sees the first page while the next is fetched. Like {@link JsonArrayOutput}, the data is
 * written whole.
 */
final class NdjsonOutput implements SessionOutput {

  private final PrintStream out;
  private final JsonCodec codec;

  NdjsonOutput(PrintStream out, JsonCodec codec) {
    this.out = out;
    this.codec = codec;
  }

  @Override
  public void print(Session session) {
    byte[] line = singleLine(codec.writeSession(session));
    out.write(line, 0, line.length);
    out.println();
  }

  /**
   * The object without raw line breaks, should a codec pretty-print. JSON strings cannot hold a raw
   * CR or LF (they are escaped), so any raw one is whitespace between tokens and can go.
   */
  static byte[] singleLine(byte[] json) {
    ByteArrayOutputStream b = new ByteArrayOutputStream(json.length);
    for (byte c : json) {
      if (c != '\n' && c != '\r') {
        b.write(c);
      }
    }
    return b.toByteArray();
  }

  @Override
  public boolean flush() {
    return !out.checkError(); // checkError() flushes first
  }

  @Override
  public void finish() {
    out.flush();
  }
}
