package io.github.devtoolssessions.core.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.ResponseTooLargeException;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding gzip as it arrives, under the cap, to the byte. */
class GzipBodyTest {

  private static final URI URI_ = URI.create("http://127.0.0.1/accounts/a/session");
  private static final TransportRequest REQUEST =
      TransportRequest.get(URI_, Headers.builder().add("Authorization", "Bearer s3cr3t").build());

  private static final byte[] TEXT = json(5_000);

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, 10, 11, 512, 65_536, Integer.MAX_VALUE})
  void decodesABodyFedInPiecesOfAnySize(int pieceSize) {
    GzipBody body = new GzipBody(REQUEST, -1);

    feed(body, gzip(TEXT), pieceSize);

    assertThat(body.finish()).isEqualTo(TEXT);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 10, 1000, 1_000_000, Long.MAX_VALUE})
  void theDeclaredLengthOnlySizesTheFirstChunk(long declaredLength) {
    byte[] compressed = gzip(TEXT);
    GzipBody body = new GzipBody(REQUEST.withMaxBodyBytes(TEXT.length), declaredLength);

    feed(body, compressed, 4096);

    assertThat(body.finish()).isEqualTo(TEXT);
  }

  @Test
  void decodesConcatenatedMembersOneAfterTheOther() {
    byte[] first = "[{\"sessionId\":\"a\"},".getBytes(UTF_8);
    byte[] second = "{\"sessionId\":\"b\"}]".getBytes(UTF_8);
    GzipBody body = new GzipBody(REQUEST, -1);

    feed(body, concat(gzip(first), gzip(second)), 3);

    assertThat(body.finish()).isEqualTo(concat(first, second));
  }

  @Test
  void readsPastEveryOptionalHeaderField() {
    byte[] header = {
      0x1F,
      (byte) 0x8B,
      8,
      0x02 | 0x04 | 0x08 | 0x10,
      1,
      2,
      3,
      4,
      0,
      (byte) 255,
      // FEXTRA: length 4, then 4 bytes
      4,
      0,
      'a',
      'b',
      'c',
      'd',
      // FNAME and FCOMMENT, zero-terminated
      's',
      'e',
      's',
      's',
      'i',
      'o',
      'n',
      's',
      '.',
      'j',
      's',
      'o',
      'n',
      0,
      'h',
      'i',
      0
    };
    CRC32 crc = new CRC32();
    crc.update(header);
    long headerCrc = crc.getValue() & 0xFFFF;
    byte[] withHeaderCrc = concat(header, new byte[] {(byte) headerCrc, (byte) (headerCrc >>> 8)});
    byte[] plain = gzip(TEXT);
    // The deflate data and trailer of a plain member, after the fancy header.
    byte[] member = concat(withHeaderCrc, Arrays.copyOfRange(plain, 10, plain.length));
    GzipBody body = new GzipBody(REQUEST, -1);

    feed(body, member, 5);

    assertThat(body.finish()).isEqualTo(TEXT);
  }

  @Test
  void aWrongHeaderCrcIsCorrupt() {
    byte[] plain = gzip(TEXT);
    byte[] header = Arrays.copyOf(plain, 10);
    header[3] = 0x02;
    byte[] member =
        concat(
            concat(header, new byte[] {0x12, 0x34}), Arrays.copyOfRange(plain, 10, plain.length));

    assertCorrupt(member, "header CRC");
  }

  @Test
  void bytesAfterTheLastMemberAreIgnored() {
    GzipBody body = new GzipBody(REQUEST, -1);

    feed(body, concat(gzip(TEXT), "\n\0garbage".getBytes(UTF_8)), 4);

    assertThat(body.finish()).isEqualTo(TEXT);
  }

  @Test
  void noBytesAtAllAreAnEmptyBody() {
    assertThat(new GzipBody(REQUEST, -1).finish()).isEmpty();
  }

  @Test
  void aMemberOfNothingIsAnEmptyBody() {
    GzipBody body = new GzipBody(REQUEST, -1);

    feed(body, gzip(new byte[0]), Integer.MAX_VALUE);

    assertThat(body.finish()).isEmpty();
  }

  @Test
  void aDecodedBodyExactlyAtTheCapIsAccepted() {
    GzipBody body = new GzipBody(REQUEST.withMaxBodyBytes(TEXT.length), -1);

    feed(body, gzip(TEXT), 1000);

    assertThat(body.finish()).isEqualTo(TEXT);
  }

  @Test
  void theDecodedByteThatPassesTheCapIsRefused() {
    GzipBody body = new GzipBody(REQUEST.withMaxBodyBytes(TEXT.length - 1), -1);

    assertThatThrownBy(() -> feed(body, gzip(TEXT), 1000))
        .isInstanceOfSatisfying(
            ResponseTooLargeException.class,
            e -> assertThat(e.maxBodyBytes()).isEqualTo(TEXT.length - 1));
    assertThatThrownBy(body::finish)
        .as("a refused body is released")
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anIncompressibleBodyAtTheCapIsAcceptedThoughItsGzipIsLarger() {
    byte[] random = new byte[100_000];
    new Random(8).nextBytes(random);
    byte[] compressed = gzip(random);
    assertThat(compressed.length).isGreaterThan(random.length);
    GzipBody body = new GzipBody(REQUEST.withMaxBodyBytes(random.length), -1);

    feed(body, compressed, 8192);

    assertThat(body.finish()).isEqualTo(random);
  }

  @Test
  void aGzipBombIsRefusedLongBeforeItsEnd() {
    long cap = 1024 * 1024;
    byte[] bomb = zeros(64L * 1024 * 1024);
    GzipBody body = new GzipBody(REQUEST.withMaxBodyBytes(cap), -1);
    int pieceSize = 1024;
    int fed = 0;

    try {
      for (; fed < bomb.length; fed += pieceSize) {
        body.decode(ByteBuffer.wrap(bomb, fed, Math.min(pieceSize, bomb.length - fed)));
      }
    } catch (ResponseTooLargeException expected) {
      assertThat(expected.maxBodyBytes()).isEqualTo(cap);
    }

    // Deflate encodes zeros at about 1030 to 1: 1 MiB decoded takes about 1 KiB of input.
    assertThat(fed).as("compressed bytes read before the refusal").isLessThan(bomb.length / 16);
  }

  @Test
  void compressedBytesFarPastTheCapAreRefusedEvenIfTheyDecodeToNothing() {
    // A member whose deflate data is empty stored blocks without end: no decoded byte ever.
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.writeBytes(new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, (byte) 255});
    byte[] emptyStoredBlock = {0, 0, 0, (byte) 0xFF, (byte) 0xFF};
    for (int i = 0; i < 200_000 / emptyStoredBlock.length; i++) {
      stream.writeBytes(emptyStoredBlock);
    }
    GzipBody body = new GzipBody(REQUEST.withMaxBodyBytes(1024), -1);

    assertThatThrownBy(() -> feed(body, stream.toByteArray(), 4096))
        .isInstanceOf(ResponseTooLargeException.class);
  }

  @Test
  void aBodyThatIsNotGzipIsCorrupt() {
    assertCorrupt("{\"not\":\"gzip\"}".getBytes(UTF_8), "gzip magic bytes");
  }

  @Test
  void anotherCompressionMethodIsCorrupt() {
    byte[] member = gzip(TEXT);
    member[2] = 7;

    assertCorrupt(member, "compression method is 7");
  }

  @Test
  void reservedFlagsAreCorrupt() {
    byte[] member = gzip(TEXT);
    member[3] = (byte) 0x80;

    assertCorrupt(member, "reserved flags");
  }

  @Test
  void invalidDeflateDataIsCorrupt() {
    byte[] member = gzip(TEXT);
    // Block type 3 does not exist.
    member[10] = (byte) 0x07;

    assertCorrupt(member, "deflate data is invalid");
  }

  @Test
  void aWrongCrcIsCorrupt() {
    byte[] member = gzip(TEXT);
    member[member.length - 8] ^= 1;

    assertCorrupt(member, "CRC-32");
  }

  @Test
  void aWrongLengthInTheTrailerIsCorrupt() {
    byte[] member = gzip(TEXT);
    member[member.length - 4] ^= 1;

    assertCorrupt(member, "length");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 9, 100, 8})
  void aBodyThatEndsInsideAMemberIsCorrupt(int bytesCutOff) {
    byte[] member = gzip(TEXT);
    GzipBody body = new GzipBody(REQUEST, -1);
    feed(body, Arrays.copyOf(member, member.length - bytesCutOff), 100);

    assertThatThrownBy(body::finish)
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("GET " + URI_)
        .hasMessageContaining("ends in the middle of a gzip member")
        .hasCauseInstanceOf(ZipException.class);
  }

  @Test
  void aCorruptBodyIsReleasedAndNamesTheRequestButNoHeader() {
    GzipBody body = new GzipBody(REQUEST, -1);

    assertThatThrownBy(() -> body.decode(ByteBuffer.wrap(new byte[] {1, 2, 3})))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("GET " + URI_)
        .hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(() -> body.decode(ByteBuffer.wrap(gzip(TEXT))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void releasingTwiceIsHarmless() {
    GzipBody body = new GzipBody(REQUEST, -1);
    feed(body, Arrays.copyOf(gzip(TEXT), 100), 100);

    body.release();
    body.release();

    assertThatThrownBy(body::finish).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void readOnlyAndDirectBuffersDecodeToo() {
    byte[] compressed = gzip(TEXT);
    GzipBody readOnly = new GzipBody(REQUEST, -1);
    GzipBody direct = new GzipBody(REQUEST, -1);
    ByteBuffer directBuffer = ByteBuffer.allocateDirect(compressed.length).put(compressed).flip();

    readOnly.decode(ByteBuffer.wrap(compressed).asReadOnlyBuffer());
    direct.decode(directBuffer);

    assertThat(readOnly.finish()).isEqualTo(TEXT);
    assertThat(direct.finish()).isEqualTo(TEXT);
  }

  // ---------------------------------------------------------------- helpers

  private static void assertCorrupt(byte[] compressed, String reason) {
    GzipBody body = new GzipBody(REQUEST, -1);

    assertThatThrownBy(
            () -> {
              feed(body, compressed, 64);
              body.finish();
            })
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("corrupt gzip body")
        .hasMessageContaining(reason)
        .hasCauseInstanceOf(ZipException.class);
  }

  private static void feed(GzipBody body, byte[] compressed, int pieceSize) {
    for (int offset = 0; offset < compressed.length; ) {
      int length = (int) Math.min(pieceSize, (long) compressed.length - offset);
      ByteBuffer piece = ByteBuffer.wrap(compressed, offset, length);
      body.decode(piece);
      assertThat(piece.hasRemaining()).as("the piece is consumed").isFalse();
      offset += length;
    }
  }

  static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A gzip member of this many zero bytes, made without holding them. */
  static byte[] zeros(long length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip =
        new GZIPOutputStream(out, 64 * 1024) {
          {
            def.setLevel(Deflater.BEST_COMPRESSION);
          }
        }) {
      byte[] block = new byte[64 * 1024];
      for (long left = length; left > 0; left -= block.length) {
        gzip.write(block, 0, (int) Math.min(block.length, left));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Text like a page of sessions, compressible as JSON is. */
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

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
