package io.github.devtoolssessions.core.internal;

import io.github.devtoolssessions.core.ResponseTooLargeException;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * A gzip body (RFC 1952) decoded as it arrives, in pieces of any size, and kept decoded under the
 * request's cap: the decoded byte that would pass the cap fails with {@link
 * ResponseTooLargeException}, so a small body that inflates to gigabytes (a "gzip bomb") costs no
 * more memory than the cap allows. The compressed bytes are never kept: each piece is inflated as
 * it comes and then dropped.
 *
 * <p>Memory per body: the decoded bytes in chunks that double in size up to 1 MiB (so at most one
 * chunk's worth of unused room), the first one sized from the compressed length when it is known
 * (eight times it, as JSON shrinks about that much, within 1 to 64 KiB; 16 KiB otherwise); zlib's
 * native state (about 40 KiB, freed by {@link #release()} or at the end); and, when {@link
 * #finish()} joins the chunks into the body, the decoded bytes once more. In all, about twice the
 * decoded size is allocated.
 *
 * <p>Concatenated gzip members are decoded one after the other, as the RFC allows; bytes after a
 * member that do not begin another one are ignored, as browsers ignore them. Every member's CRC-32
 * and length are checked. Anything else that is not gzip fails with a {@link TransportException}
 * naming what is wrong. No body at all (zero bytes) decodes to an empty body.
 *
 * <p>The compressed bytes are capped too, at the cap plus gzip's worst-case overhead, so that a
 * server cannot keep a connection busy forever with deflate blocks that decode to nothing.
 *
 * <p>Calls are synchronized, so that {@link #release()} from another thread (an exchange being
 * aborted) never frees zlib's state under a running {@link #decode}.
 *
 * <p>Pure byte work on {@code java.util.zip}: both transports feed it the body as their HTTP stack
 * delivers it, so that they decode and cap alike.
 */
public final class GzipBody {

  /** The largest byte array the JVM reliably allocates: the cap can be no higher. */
  private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

  /** The first chunk when the compressed length is unknown. */
  private static final int FIRST_CHUNK = 16 * 1024;

  private static final int SMALLEST_FIRST_CHUNK = 1024;
  private static final int LARGEST_FIRST_CHUNK = 64 * 1024;
  private static final int LARGEST_CHUNK = 1024 * 1024;

  /** Room for gzip headers and trailers on top of deflate's worst case (5 bytes per 64 KiB). */
  private static final long HEADER_ROOM = 64 * 1024;

  private static final int FHCRC = 0x02;
  private static final int FEXTRA = 0x04;
  private static final int FNAME = 0x08;
  private static final int FCOMMENT = 0x10;
  private static final int RESERVED_FLAGS = 0xE0;

  /** Where in the stream the next byte belongs; the header parts are in their order. */
  private enum State {
    MAGIC1,
    MAGIC2,
    METHOD,
    FLAGS,
    FIXED,
    EXTRA_LENGTH,
    EXTRA,
    NAME,
    COMMENT,
    HEADER_CRC,
    DATA,
    TRAILER,
    IGNORING
  }

  private final TransportRequest request;
  private final long cap;
  private final long wireCap;
  private final int firstChunk;
  private final CRC32 crc = new CRC32();
  private final List<byte[]> chunks = new ArrayList<>();
  private Inflater inflater;
  private byte[] chunk;
  private int chunkUsed;
  private long decoded;
  private long received;
  private long memberLength;
  private State state = State.MAGIC1;
  private boolean firstMember = true;
  private int flags;
  private int fieldLength;
  private int fieldRead;
  private long fieldValue;
  private long headerCrc;
  private boolean released;

  /**
   * A body for the response to this request, capped at its {@code maxBodyBytes}.
   *
   * @param compressedLength the length the response declares (its Content-Length), or a negative
   *     number if unknown; it only sizes the first chunk
   */
  public GzipBody(TransportRequest request, long compressedLength) {
    this.request = request;
    this.cap = Math.min(request.maxBodyBytes(), MAX_ARRAY_LENGTH);
    this.wireCap = cap + cap / 8192 + HEADER_ROOM;
    this.firstChunk =
        compressedLength < 0
            ? FIRST_CHUNK
            : (int)
                Math.max(
                    SMALLEST_FIRST_CHUNK,
                    Math.min(
                        LARGEST_FIRST_CHUNK, 8 * Math.min(compressedLength, LARGEST_FIRST_CHUNK)));
  }

  /**
   * Decodes the buffer's remaining bytes, consuming them. On failure the body is released.
   *
   * @throws ResponseTooLargeException if the decoded body, or the compressed one, passes the cap
   * @throws TransportException if the bytes are not gzip or are corrupt
   * @throws IllegalStateException if the body was released
   */
  public synchronized void decode(ByteBuffer compressed) {
    if (released) {
      throw new IllegalStateException("the gzip body was released");
    }
    boolean ok = false;
    try {
      received += compressed.remaining();
      if (received > wireCap) {
        throw tooLarge();
      }
      while (compressed.hasRemaining()) {
        if (state == State.DATA) {
          inflate(compressed);
        } else if (state == State.IGNORING) {
          compressed.position(compressed.limit());
        } else {
          onByte(compressed.get() & 0xFF);
        }
      }
      ok = true;
    } finally {
      if (!ok) {
        release();
      }
    }
  }

  /**
   * The whole decoded body, once the compressed one has ended; releases the body.
   *
   * @throws TransportException if the compressed body ended before its last member did
   * @throws IllegalStateException if the body was released
   */
  public synchronized byte[] finish() {
    if (released) {
      throw new IllegalStateException("the gzip body was released");
    }
    try {
      boolean complete =
          state == State.IGNORING || (state == State.MAGIC1 && (!firstMember || received == 0));
      if (!complete) {
        throw corrupt("it ends in the middle of a gzip member (" + where() + ")", null);
      }
      return joined();
    } finally {
      release();
    }
  }

  /** Frees zlib's state and the decoded bytes; idempotent. */
  public synchronized void release() {
    if (!released) {
      released = true;
      if (inflater != null) {
        inflater.end();
        inflater = null;
      }
      chunks.clear();
      chunk = null;
    }
  }

  private void inflate(ByteBuffer compressed) {
    inflater.setInput(compressed);
    while (true) {
      if (chunk == null || chunkUsed == chunk.length) {
        nextChunk();
      }
      int count;
      try {
        count = inflater.inflate(chunk, chunkUsed, chunk.length - chunkUsed);
      } catch (DataFormatException e) {
        throw corrupt("its deflate data is invalid (" + e.getMessage() + ")", e);
      }
      if (count > 0) {
        crc.update(chunk, chunkUsed, count);
        chunkUsed += count;
        decoded += count;
        memberLength += count;
        if (decoded > cap) {
          throw tooLarge();
        }
      }
      if (inflater.finished()) {
        // The inflater has advanced the buffer to the first byte after the deflate data.
        startField(State.TRAILER, 8);
        return;
      }
      if (count == 0) {
        if (inflater.needsInput()) {
          return;
        }
        if (chunkUsed < chunk.length) {
          // Input and room, yet no progress: a raw deflate stream never stalls like this.
          throw corrupt("its deflate data makes no progress", null);
        }
      }
    }
  }

  /** A new chunk for decoded bytes, never making room for more than one byte past the cap. */
  private void nextChunk() {
    int size = chunk == null ? firstChunk : Math.min(LARGEST_CHUNK, 2 * chunk.length);
    size = (int) Math.min(size, cap + 1 - decoded);
    chunk = new byte[size];
    chunkUsed = 0;
    chunks.add(chunk);
  }

  private byte[] joined() {
    if (chunks.size() == 1 && chunkUsed == chunk.length) {
      return chunk;
    }
    byte[] body = new byte[(int) decoded];
    int offset = 0;
    for (byte[] piece : chunks) {
      int length = piece == chunk ? chunkUsed : piece.length;
      System.arraycopy(piece, 0, body, offset, length);
      offset += length;
    }
    return body;
  }

  /** One byte of a member's header or trailer, or of what follows a member. */
  private void onByte(int b) {
    switch (state) {
      case MAGIC1:
        if (b != 0x1F) {
          notGzip();
          return;
        }
        crc.reset();
        crc.update(b);
        state = State.MAGIC2;
        return;
      case MAGIC2:
        if (b != 0x8B) {
          notGzip();
          return;
        }
        crc.update(b);
        state = State.METHOD;
        return;
      case METHOD:
        if (b != 8) {
          throw corrupt("its compression method is " + b + ", not deflate (8)", null);
        }
        crc.update(b);
        state = State.FLAGS;
        return;
      case FLAGS:
        if ((b & RESERVED_FLAGS) != 0) {
          throw corrupt("its header sets reserved flags", null);
        }
        crc.update(b);
        flags = b;
        // Modification time (4 bytes), extra flags and operating system: read past.
        startField(State.FIXED, 6);
        return;
      case FIXED:
        crc.update(b);
        if (fieldByte(b)) {
          headerPartDone(State.FIXED);
        }
        return;
      case EXTRA_LENGTH:
        crc.update(b);
        if (fieldByte(b)) {
          if (fieldValue == 0) {
            headerPartDone(State.EXTRA);
          } else {
            startField(State.EXTRA, (int) fieldValue);
          }
        }
        return;
      case EXTRA:
        crc.update(b);
        if (fieldByte(b)) {
          headerPartDone(State.EXTRA);
        }
        return;
      case NAME:
      case COMMENT:
        crc.update(b);
        if (b == 0) {
          headerPartDone(state);
        }
        return;
      case HEADER_CRC:
        if (fieldByte(b)) {
          if (fieldValue != headerCrc) {
            throw corrupt("its header CRC does not match the header", null);
          }
          startData();
        }
        return;
      case TRAILER:
        if (fieldByte(b)) {
          checkTrailer();
        }
        return;
      default:
        throw new IllegalStateException("no byte-wise reading in state " + state);
    }
  }

  /** Past a header part, on to the next one the flags announce, or to the data. */
  private void headerPartDone(State done) {
    if (done.compareTo(State.EXTRA_LENGTH) < 0 && (flags & FEXTRA) != 0) {
      startField(State.EXTRA_LENGTH, 2);
    } else if (done.compareTo(State.NAME) < 0 && (flags & FNAME) != 0) {
      state = State.NAME;
    } else if (done.compareTo(State.COMMENT) < 0 && (flags & FCOMMENT) != 0) {
      state = State.COMMENT;
    } else if (done.compareTo(State.HEADER_CRC) < 0 && (flags & FHCRC) != 0) {
      headerCrc = crc.getValue() & 0xFFFF;
      startField(State.HEADER_CRC, 2);
    } else {
      startData();
    }
  }

  private void startData() {
    if (inflater == null) {
      // Raw deflate: the gzip wrapper is read here, not by zlib.
      inflater = new Inflater(true);
    } else {
      inflater.reset();
    }
    crc.reset();
    memberLength = 0;
    state = State.DATA;
  }

  private void checkTrailer() {
    long expectedCrc = fieldValue & 0xFFFF_FFFFL;
    long expectedLength = fieldValue >>> 32;
    if (expectedCrc != crc.getValue()) {
      throw corrupt("its CRC-32 does not match the decoded bytes", null);
    }
    if (expectedLength != (memberLength & 0xFFFF_FFFFL)) {
      throw corrupt("its trailer gives another length than the decoded bytes have", null);
    }
    firstMember = false;
    state = State.MAGIC1;
  }

  private void notGzip() {
    if (firstMember) {
      throw corrupt("it does not begin with the gzip magic bytes", null);
    }
    state = State.IGNORING;
  }

  private void startField(State field, int length) {
    state = field;
    fieldLength = length;
    fieldRead = 0;
    fieldValue = 0;
  }

  /** Adds a little-endian byte to the field; whether the field is complete. */
  private boolean fieldByte(int b) {
    if (fieldRead < 8) {
      fieldValue |= (long) b << (8 * fieldRead);
    }
    fieldRead++;
    return fieldRead == fieldLength;
  }

  private String where() {
    switch (state) {
      case DATA:
        return "in its deflate data";
      case TRAILER:
        return "in its trailer";
      default:
        return "in its header";
    }
  }

  private ResponseTooLargeException tooLarge() {
    return new ResponseTooLargeException(request, cap);
  }

  private TransportException corrupt(String reason, Exception cause) {
    ZipException zip = new ZipException(reason);
    if (cause != null) {
      zip.initCause(cause);
    }
    return new TransportException(
        "the response to " + request + " has a corrupt gzip body: " + reason, zip);
  }
}
