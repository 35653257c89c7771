package io.github.devtoolssessions.testkit.internal;

import io.github.devtoolssessions.core.Headers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** The gzip the fake speaks: what a request accepts, compressing, decoding under a cap. */
public final class Gzip {

  private static final int BLOCK = 64 * 1024;

  private Gzip() {}

  /**
   * Whether a request with these headers accepts a gzip body: its {@code Accept-Encoding} lists
   * {@code gzip} (or {@code x-gzip}), or {@code *} without listing gzip, with a weight above zero
   * (RFC 9110, section 12.5.3). Malformed weights count as 1.
   */
  public static boolean accepted(Headers requestHeaders) {
    Double gzip = null;
    Double any = null;
    for (String value : requestHeaders.allValues("Accept-Encoding")) {
      for (String element : value.split(",", -1)) {
        String[] parts = element.split(";", -1);
        String coding = parts[0].strip().toLowerCase(Locale.ROOT);
        double weight = weight(parts);
        if (coding.equals("gzip") || coding.equals("x-gzip")) {
          gzip = gzip == null ? weight : Math.max(gzip, weight);
        } else if (coding.equals("*")) {
          any = weight;
        }
      }
    }
    if (gzip != null) {
      return gzip > 0;
    }
    return any != null && any > 0;
  }

  private static double weight(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      if (parameter.length() > 2 && parameter.regionMatches(true, 0, "q=", 0, 2)) {
        try {
          return Double.parseDouble(parameter.substring(2).strip());
        } catch (NumberFormatException malformed) {
          return 1;
        }
      }
    }
    return 1;
  }

  /** The bytes as one gzip member, at zlib's default level. */
  public static byte[] compress(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 4));
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, BLOCK)) {
      gzip.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException("compressing in memory cannot fail", e);
    }
    return out.toByteArray();
  }

  /**
   * One gzip member of {@code length} zero bytes, compressed as tightly as zlib can (about 1030 to
   * 1), made without ever holding the zeros.
   */
  public static byte[] zeros(long length) {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream((int) Math.min(length / 1000 + 64, BLOCK));
    try (GZIPOutputStream gzip = new TightGzip(out)) {
      byte[] block = new byte[BLOCK];
      for (long left = length; left > 0; left -= block.length) {
        gzip.write(block, 0, (int) Math.min(block.length, left));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("compressing in memory cannot fail", e);
    }
    return out.toByteArray();
  }

  /**
   * The decoded body, or empty if it is longer than {@code cap}; decoding stops one byte past the
   * cap.
   *
   * @throws IOException if the bytes are not gzip or are corrupt
   */
  public static Optional<byte[]> decode(byte[] gzipped, long cap) throws IOException {
    if (gzipped.length == 0) {
      return Optional.of(gzipped);
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped), BLOCK)) {
      long limit = Math.min(cap, Integer.MAX_VALUE - 8L);
      byte[] decoded = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8L));
      return decoded.length > limit ? Optional.empty() : Optional.of(decoded);
    }
  }

  /** A gzip stream at the best compression. */
  private static final class TightGzip extends GZIPOutputStream {
    TightGzip(ByteArrayOutputStream out) throws IOException {
      super(out, BLOCK);
      def.setLevel(Deflater.BEST_COMPRESSION);
    }
  }
}
