package io.github.devtoolssessions.transport.jdk;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Bodies for the compression tests: a JSON page of sessions, and gzip made by the JDK. */
final class GzipBodies {

  private GzipBodies() {}

  /** The bytes as one gzip member, written by {@link GZIPOutputStream}. */
  static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A JSON array of this many small sessions: text that compresses as real pages do. */
  static byte[] json(int sessions) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < sessions; i++) {
      sb.append(i == 0 ? "" : ",")
          .append("{\"sessionId\":\"")
          .append(Integer.toHexString(i * 0x9E3779B1))
          .append("-")
          .append(i)
          .append("\",\"startTime\":")
          .append(1_700_000_000_000L + i * 1000L)
          .append("}");
    }
    return sb.append("]").toString().getBytes(UTF_8);
  }
}
