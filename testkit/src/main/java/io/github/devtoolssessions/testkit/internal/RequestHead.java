package io.github.devtoolssessions.testkit.internal;

import io.github.devtoolssessions.core.Headers;
import java.util.Locale;

/**
 * The head of one HTTP/1.x request as it came off the wire: request line and headers.
 *
 * @param method the method token, such as {@code GET}
 * @param target the request target as sent, such as {@code /client/v4/a%2Fb?limit=1}
 * @param version {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param headers the headers, with names as the client spelled them and repeated ones kept in order
 */
public record RequestHead(String method, String target, String version, Headers headers) {

  /**
   * Whether the connection stays open after the response: HTTP/1.1 unless the client sent {@code
   * Connection: close}; HTTP/1.0 only with {@code Connection: keep-alive}.
   */
  public boolean keepAlive() {
    boolean close = false;
    boolean keep = false;
    for (String value : headers.allValues("Connection")) {
      for (String option : value.split(",")) {
        String o = option.strip().toLowerCase(Locale.ROOT);
        close |= o.equals("close");
        keep |= o.equals("keep-alive");
      }
    }
    return !close && (version.equals("HTTP/1.1") || keep);
  }

  /** Whether the client waits for {@code 100 Continue} before it sends the body. */
  public boolean expectsContinue() {
    return version.equals("HTTP/1.1")
        && headers.allValues("Expect").stream()
            .anyMatch(v -> v.strip().equalsIgnoreCase("100-continue"));
  }
}
