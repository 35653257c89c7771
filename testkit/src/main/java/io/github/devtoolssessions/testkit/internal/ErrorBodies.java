package io.github.devtoolssessions.testkit.internal;

import io.github.devtoolssessions.core.CloudflareError;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The error bodies of the real service, written as JSON text: the v4 failure envelope {@code
 * {"success":false,"errors":[...],"messages":[],"result":null}} and the bare {@code {"error":...}}
 * of an unknown session.
 */
public final class ErrorBodies {

  private ErrorBodies() {}

  /**
   * The v4 failure envelope holding these errors; an error's chain becomes its {@code error_chain},
   * left out when empty, and an error without a code is written without {@code code}.
   */
  public static byte[] envelope(List<CloudflareError> errors) {
    StringBuilder sb = new StringBuilder(128).append("{\"success\":false,\"errors\":");
    appendErrors(sb, errors);
    sb.append(",\"messages\":[],\"result\":null}");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The v4 failure envelope holding one error. */
  public static byte[] envelope(int code, String message) {
    return envelope(List.of(CloudflareError.of(code, message)));
  }

  /** {@code {"error":"<message>"}}, the shape of the get-by-id endpoint's 404. */
  public static byte[] bareError(String message) {
    return ("{\"error\":" + JsonText.quote(message) + "}").getBytes(StandardCharsets.UTF_8);
  }

  private static void appendErrors(StringBuilder sb, List<CloudflareError> errors) {
    sb.append('[');
    for (int i = 0; i < errors.size(); i++) {
      CloudflareError e = errors.get(i);
      sb.append(i == 0 ? "{" : ",{");
      e.code().ifPresent(code -> sb.append("\"code\":").append(code).append(','));
      sb.append("\"message\":").append(JsonText.quote(e.message()));
      if (!e.errorChain().isEmpty()) {
        sb.append(",\"error_chain\":");
        appendErrors(sb, e.errorChain());
      }
      sb.append('}');
    }
    sb.append(']');
  }
}
