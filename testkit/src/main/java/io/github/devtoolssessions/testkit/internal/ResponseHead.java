package io.github.devtoolssessions.testkit.internal;

import io.github.devtoolssessions.core.Headers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Writes the head of an HTTP/1.1 response: status line, headers, the empty line. */
public final class ResponseHead {

  private static final Map<Integer, String> REASONS =
      Map.ofEntries(
          Map.entry(100, "Continue"),
          Map.entry(200, "OK"),
          Map.entry(201, "Created"),
          Map.entry(202, "Accepted"),
          Map.entry(204, "No Content"),
          Map.entry(301, "Moved Permanently"),
          Map.entry(302, "Found"),
          Map.entry(303, "See Other"),
          Map.entry(304, "Not Modified"),
          Map.entry(307, "Temporary Redirect"),
          Map.entry(308, "Permanent Redirect"),
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(408, "Request Timeout"),
          Map.entry(409, "Conflict"),
          Map.entry(422, "Unprocessable Content"),
          Map.entry(429, "Too Many Requests"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(502, "Bad Gateway"),
          Map.entry(503, "Service Unavailable"),
          Map.entry(504, "Gateway Timeout"));

  private ResponseHead() {}

  /** Whether a response with this status never has a body (RFC 9110, 6.4.1). */
  public static boolean isBodyless(int status) {
    return status < 200 || status == 204 || status == 304;
  }

  /**
   * The head's bytes. {@code Content-Length} is written for every status that may have a body, and
   * {@code Connection: close} when the server will close afterwards; the given headers must hold
   * neither.
   *
   * @param status the status code
   * @param headers the headers, in order, each value on its own line
   * @param contentLength the body's length, declared even when the body is not sent (HEAD)
   * @param close whether the server closes the connection after this response
   */
  public static byte[] of(int status, Headers headers, long contentLength, boolean close) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("HTTP/1.1 ")
        .append(status)
        .append(' ')
        .append(REASONS.getOrDefault(status, "Status " + status))
        .append("\r\n");
    for (Map.Entry<String, List<String>> header : headers.map().entrySet()) {
      for (String value : header.getValue()) {
        sb.append(header.getKey()).append(": ").append(value).append("\r\n");
      }
    }
    if (!isBodyless(status)) {
      sb.append("Content-Length: ").append(contentLength).append("\r\n");
    }
    if (close) {
      sb.append("Connection: close\r\n");
    }
    return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
