package io.github.devtoolssessions.core.internal;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The content codings the transport asks for and decodes: gzip, and nothing else. Responses are
 * smaller on the wire. java.net.http neither asks for nor decodes any coding by itself, and Apache
 * HttpClient's own decompression is turned off so that the cap counts decoded bytes; both
 * transports use this class, so that they send and accept the same.
 */
public final class ContentCoding {

  /** The request header that says which codings a response may use. */
  public static final String ACCEPT_ENCODING = "Accept-Encoding";

  /** The value the transport sends: gzip, which every server and proxy speaks. */
  public static final String GZIP = "gzip";

  private ContentCoding() {}

  /**
   * Whether the transport adds {@code Accept-Encoding: gzip}: unless the request names codings of
   * its own, which then go out as they are.
   */
  public static boolean asksForGzip(Headers requestHeaders) {
    return requestHeaders.allValues(ACCEPT_ENCODING).isEmpty();
  }

  /**
   * Whether the response body is gzip and must be decoded: {@code gzip} (or its old alias {@code
   * x-gzip}); no {@code Content-Encoding}, or {@code identity}, is a body as it is.
   *
   * @throws TransportException if the body uses any other coding, or more than one: the transport
   *     never asked for those and cannot decode them
   */
  public static boolean isGzip(Headers responseHeaders, TransportRequest request) {
    List<String> codings = new ArrayList<>();
    for (String value : responseHeaders.allValues("Content-Encoding")) {
      for (String coding : value.split(",", -1)) {
        String c = coding.strip().toLowerCase(Locale.ROOT);
        if (!c.isEmpty() && !c.equals("identity")) {
          codings.add(c);
        }
      }
    }
    if (codings.isEmpty()) {
      return false;
    }
    if (codings.size() == 1 && (codings.get(0).equals(GZIP) || codings.get(0).equals("x-gzip"))) {
      return true;
    }
    throw new TransportException(
        "the response to "
            + request
            + " has a body with Content-Encoding "
            + String.join(", ", codings)
            + ", which the transport did not ask for and cannot decode (it asks for gzip only)");
  }

  /**
   * The headers of a response whose body was decoded: without {@code Content-Encoding} and {@code
   * Content-Length}, which described the encoded body, as browsers and other clients do.
   */
  public static Headers decoded(Headers responseHeaders) {
    return responseHeaders.toBuilder().remove("Content-Encoding").remove("Content-Length").build();
  }
}
