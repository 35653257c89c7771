package io.github.devtoolssessions.core;

/**
 * The Cloudflare account whose sessions are listed.
 *
 * <p>Real account ids are 32 lowercase hex characters, but no shape is enforced beyond what keeps
 * the URL sound (non-blank, no control characters): documentation and test servers use ids such as
 * {@code account_id}. The id is percent-encoded as one path segment when the request is built, so a
 * value like {@code a/../b?x=1} can change neither the path nor the query.
 *
 * @param value the id as given
 */
public record AccountId(String value) {

  /**
   * Checks the id.
   *
   * @throws IllegalArgumentException if it is null, blank or holds a control character
   */
  public AccountId {
    TextRules.requireVisibleText("accountId", value);
  }

  /** The account id {@code value}. */
  public static AccountId of(String value) {
    return new AccountId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
