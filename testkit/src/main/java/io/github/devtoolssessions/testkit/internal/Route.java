package io.github.devtoolssessions.testkit.internal;

import java.util.Optional;

/**
 * Where a request goes: the sessions list of an account, or one session of it.
 *
 * <pre>
 * {prefix}/accounts/{account_id}/browser-rendering/devtools/session
 * {prefix}/accounts/{account_id}/browser-rendering/devtools/session/{session_id}
 * </pre>
 *
 * <p>The path is matched as it came, still percent-encoded, so that an encoded {@code /} inside an
 * id ({@code %2F}) stays inside its segment; only the two variable segments are then decoded.
 *
 * @param accountId the decoded account id
 * @param sessionId the decoded session id, empty for the list
 */
public record Route(String accountId, Optional<String> sessionId) {

  private static final String[] FIXED = {"", "accounts", null, "browser-rendering", "devtools"};

  /**
   * The route of a raw path under a prefix, if the path names one.
   *
   * @param pathPrefix the raw prefix, empty or starting with {@code /} and not ending with one
   * @param rawPath the request's raw path; {@code null} (an opaque URI) matches nothing
   */
  public static Optional<Route> match(String pathPrefix, String rawPath) {
    if (rawPath == null || !rawPath.startsWith(pathPrefix)) {
      return Optional.empty();
    }
    String[] segments = rawPath.substring(pathPrefix.length()).split("/", -1);
    if (segments.length != 6 && segments.length != 7) {
      return Optional.empty();
    }
    for (int i = 0; i < FIXED.length; i++) {
      if (FIXED[i] != null && !FIXED[i].equals(segments[i])) {
        return Optional.empty();
      }
    }
    if (!segments[5].equals("session") || segments[2].isEmpty()) {
      return Optional.empty();
    }
    String accountId = PercentDecoding.pathSegment(segments[2]);
    if (segments.length == 6) {
      return Optional.of(new Route(accountId, Optional.empty()));
    }
    if (segments[6].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Route(accountId, Optional.of(PercentDecoding.pathSegment(segments[6]))));
  }
}
