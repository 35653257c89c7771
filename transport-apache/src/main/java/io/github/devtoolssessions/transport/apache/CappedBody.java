package io.github.devtoolssessions.transport.apache;

import io.github.devtoolssessions.core.ResponseTooLargeException;
import io.github.devtoolssessions.core.TransportRequest;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes of one response body as they arrive, refusing to hold more than the request's cap: the
 * byte that would pass it fails with {@link ResponseTooLargeException}, and the caller then aborts
 * the exchange rather than reading on. Not thread-safe: one exchange feeds it from one thread at a
 * time.
 */
final class CappedBody {

  /** The largest byte array the JVM reliably allocates: the cap can be no higher. */
  static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

  /** Room made for a body of unknown length before it grows. */
  private static final int INITIAL_CAPACITY = 8 * 1024;

  /** The most room a declared length makes up front: a server may declare more than it sends. */
  private static final int MAX_PRESIZE = 1024 * 1024;

  private final TransportRequest request;
  private final long cap;
  private byte[] bytes;
  private int length;

  /**
   * A body for the response to this request.
   *
   * @param declaredLength the length the response declares (Content-Length), or a negative number
   *     if unknown
   * @throws ResponseTooLargeException if the declared length is already over the cap
   */
  CappedBody(TransportRequest request, long declaredLength) {
    this.request = request;
    this.cap = Math.min(request.maxBodyBytes(), MAX_ARRAY_LENGTH);
    if (declaredLength > cap) {
      // The response says so up front: fail before reading a byte.
      throw tooLarge();
    }
    // A declared length within the cap only sizes the first allocation, up to a limit; the running
    // count below is what enforces the cap.
    long initial = declaredLength >= 0 ? Math.min(declaredLength, MAX_PRESIZE) : INITIAL_CAPACITY;
    this.bytes = new byte[(int) Math.min(initial, cap)];
  }

  /** Adds bytes to the body. */
  void append(byte[] source, int offset, int count) {
    ensureRoom(count);
    System.arraycopy(source, offset, bytes, length, count);
    length += count;
  }

  /** Adds the buffer's remaining bytes to the body, consuming them. */
  void append(ByteBuffer source) {
    int count = source.remaining();
    ensureRoom(count);
    source.get(bytes, length, count);
    length += count;
  }

  /** The body received so far, exactly as long as it is. */
  byte[] toByteArray() {
    return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
  }

  private void ensureRoom(int count) {
    long needed = (long) length + count;
    if (needed > cap) {
      bytes = new byte[0];
      length = 0;
      throw tooLarge();
    }
    if (needed > bytes.length) {
      long grown = Math.max(needed, Math.min(cap, 2L * bytes.length));
      bytes = Arrays.copyOf(bytes, (int) grown);
    }
  }

  private ResponseTooLargeException tooLarge() {
    return new ResponseTooLargeException(request, cap);
  }
}
