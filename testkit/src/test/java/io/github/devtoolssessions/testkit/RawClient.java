package io.github.devtoolssessions.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A client on a bare socket, to see exactly what the server puts on the wire. */
final class RawClient implements AutoCloseable {

  /** One response as it came. */
  record Response(int status, Map<String, List<String>> headers, byte[] body) {

    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : values.get(0);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawClient(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  Socket socket() {
    return socket;
  }

  /** Sends the text as it is; lines must end in CRLF. */
  RawClient send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return this;
  }

  /** A GET of the path with the fake's token, keeping the connection open. */
  static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer test-token\r\n\r\n";
  }

  /** The status line and headers of the next response. */
  Response readHead() throws IOException {
    String status = readLine();
    if (status == null) {
      throw new EOFException("the server closed the connection before a response");
    }
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      headers
          .computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>())
          .add(line.substring(colon + 1).strip());
    }
    return new Response(Integer.parseInt(status.split(" ")[1]), headers, new byte[0]);
  }

  /** The next response, its body read by its Content-Length unless {@code head}. */
  Response read(boolean head) throws IOException {
    Response r = readHead();
    String length = r.header("Content-Length");
    if (head || length == null) {
      return r;
    }
    byte[] body = in.readNBytes(Integer.parseInt(length));
    if (body.length < Integer.parseInt(length)) {
      throw new EOFException("the body ended after " + body.length + " bytes");
    }
    return new Response(r.status(), r.headers(), body);
  }

  Response read() throws IOException {
    return read(false);
  }

  /** Everything up to the end of the stream. */
  byte[] readToEnd() throws IOException {
    return in.readAllBytes();
  }

  /** One line without CRLF; null at the end of the stream before any byte. */
  String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
      }
      if (b == '\n') {
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      line.write(b);
    }
  }

  /** Closes with a reset rather than a FIN. */
  void reset() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
