package io.github.devtoolssessions.core;

/**
 * The id of one browser session, as used to look it up.
 *
 * <p>Real ids are UUIDs, but no shape is enforced beyond what keeps the URL sound (non-blank, no
 * control characters); the id is percent-encoded as one path segment when the request is built.
 *
 * @param value the id as given
 */
public record SessionId(String value) {

  /**
   * Checks the id.
   *
   * @throws IllegalArgumentException if it is null, blank or holds a control character
   */
  public SessionId {
    TextRules.requireVisibleText("sessionId", value);
  }

  /** The session id {@code value}. */
  public static SessionId of(String value) {
    return new SessionId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
