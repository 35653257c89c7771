package io.github.devtoolssessions.testkit.internal;

import io.github.devtoolssessions.core.Headers;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads HTTP/1.x requests off one connection (RFC 9112): the head, then the body, which is skipped
 * since the API takes none. Strict where a lenient reading could hide a client's bug (a header
 * folded over lines, conflicting lengths), lenient where servers are (bare LF line ends, empty
 * lines before a request).
 */
public final class RequestReader {

  /** The most bytes a request head may take, request line and headers together. */
  static final int MAX_HEAD_BYTES = 64 * 1024;

  private static final int MAX_HEADERS = 200;

  private final InputStream in;
  private int headBytes;

  /**
   * A reader of the stream, which should be buffered; the reader never reads past the end of a
   * request.
   */
  public RequestReader(InputStream in) {
    this.in = in;
  }

  /**
   * The next request's head; empty if the client closed the connection before sending a byte of it,
   * as clients do with idle connections.
   *
   * @throws MalformedRequestException if the head is not HTTP/1.x
   * @throws EOFException if the connection ends inside the head
   * @throws IOException if reading fails
   */
  public Optional<RequestHead> readHead() throws IOException {
    headBytes = 0;
    String requestLine;
    do {
      requestLine = readLine(true);
      if (requestLine == null) {
        return Optional.empty();
      }
    } while (requestLine.isEmpty());
    String[] parts = requestLine.split(" ", -1);
    if (parts.length != 3 || !isToken(parts[0]) || parts[1].isEmpty()) {
      throw new MalformedRequestException("malformed request line");
    }
    String version = parts[2];
    if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
      throw new MalformedRequestException("unsupported version " + version);
    }
    Headers.Builder headers = Headers.builder();
    int count = 0;
    for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
      if (++count > MAX_HEADERS) {
        throw new MalformedRequestException("more than " + MAX_HEADERS + " headers");
      }
      if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        throw new MalformedRequestException("a header folded over lines");
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || !isToken(line.substring(0, colon))) {
        throw new MalformedRequestException("a malformed header line");
      }
      try {
        headers.add(line.substring(0, colon), line.substring(colon + 1).strip());
      } catch (IllegalArgumentException e) {
        throw new MalformedRequestException("a header value with a control character");
      }
    }
    return Optional.of(new RequestHead(parts[0], parts[1], version, headers.build()));
  }

  /**
   * Reads the request's body, framed by {@code Transfer-Encoding: chunked} or {@code
   * Content-Length}, and throws it away.
   *
   * @throws MalformedRequestException if the framing is invalid
   * @throws EOFException if the connection ends inside the body
   * @throws IOException if reading fails
   */
  public void skipBody(RequestHead head) throws IOException {
    List<String> encodings = head.headers().allValues("Transfer-Encoding");
    if (!encodings.isEmpty()) {
      String last = encodings.get(encodings.size() - 1);
      String[] codings = last.split(",");
      if (!codings[codings.length - 1].strip().equalsIgnoreCase("chunked")) {
        throw new MalformedRequestException("a transfer coding that does not end in chunked");
      }
      skipChunks();
      return;
    }
    List<String> lengths = head.headers().allValues("Content-Length");
    if (lengths.isEmpty()) {
      return;
    }
    String length = lengths.get(0).strip();
    for (String other : lengths) {
      for (String value : other.split(",")) {
        if (!value.strip().equals(length)) {
          throw new MalformedRequestException("conflicting Content-Length values");
        }
      }
    }
    if (length.isEmpty() || length.length() > 18 || !length.chars().allMatch(Character::isDigit)) {
      throw new MalformedRequestException("a malformed Content-Length");
    }
    skip(Long.parseLong(length));
  }

  private void skipChunks() throws IOException {
    while (true) {
      headBytes = 0;
      String line = readLine(false);
      int end = line.indexOf(';');
      String size = (end < 0 ? line : line.substring(0, end)).strip();
      long n;
      try {
        n = Long.parseLong(size, 16);
      } catch (NumberFormatException e) {
        throw new MalformedRequestException("a malformed chunk size");
      }
      if (n < 0) {
        throw new MalformedRequestException("a malformed chunk size");
      }
      if (n == 0) {
        // Trailer fields, up to the empty line.
        for (String trailer = readLine(false); !trailer.isEmpty(); trailer = readLine(false)) {
          // ignored, like the body
        }
        return;
      }
      skip(n);
      if (!readLine(false).isEmpty()) {
        throw new MalformedRequestException("a chunk longer than its size");
      }
    }
  }

  private void skip(long n) throws IOException {
    long left = n;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("the connection ended inside the request body");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  /**
   * One line without its line end, decoded as ISO-8859-1; {@code null} at the end of the stream
   * before any byte if {@code endAllowed}.
   */
  private String readLine(boolean endAllowed) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (endAllowed && line.size() == 0) {
          return null;
        }
        throw new EOFException("the connection ended inside the request head");
      }
      if (++headBytes > MAX_HEAD_BYTES) {
        throw new MalformedRequestException("a request head over " + MAX_HEAD_BYTES + " bytes");
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
      endAllowed = false;
    }
  }

  /** A token of RFC 9110: visible ASCII but no delimiters. */
  private static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c >= 0x7F || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Names a rule of HTTP/1.x that the request broke; the server answers 400 and closes. */
  public static final class MalformedRequestException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedRequestException(String message) {
      super(message.toLowerCase(Locale.ROOT));
    }
  }
}
