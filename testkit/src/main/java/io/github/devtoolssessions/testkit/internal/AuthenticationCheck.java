package io.github.devtoolssessions.testkit.internal;

import io.github.devtoolssessions.core.CloudflareError;
import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.Headers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides whether a request authenticates as the configured credentials, in the two steps of the
 * Cloudflare API: first the format of every credential header ({@link #formatProblems}: a malformed
 * one is a 400 naming the header), then the values ({@link #authenticates}: a missing or wrong one
 * is a 401).
 *
 * <p>A request must carry exactly the headers of the configured scheme, each once and with the
 * configured value, and no credential header of another scheme: clients never mix schemes, so a mix
 * is a bug the fake should expose rather than forgive.
 */
public final class AuthenticationCheck {

  private static final String AUTHORIZATION = "Authorization";
  private static final String EMAIL = "X-Auth-Email";
  private static final String KEY = "X-Auth-Key";
  private static final String SERVICE_KEY = "X-Auth-User-Service-Key";
  private static final List<String> CREDENTIAL_HEADERS =
      List.of(AUTHORIZATION, EMAIL, KEY, SERVICE_KEY);
  private static final String BEARER = "Bearer ";

  private final Map<String, String> expected;

  private AuthenticationCheck(Map<String, String> expected) {
    this.expected = expected;
  }

  /**
   * A check for these credentials.
   *
   * @throws IllegalArgumentException if the check would refuse the credentials' own headers as
   *     malformed (a token or key with a space, an email without {@code @}); the message never
   *     shows the value
   */
  public static AuthenticationCheck of(Credentials credentials) {
    Headers.Builder own = Headers.builder();
    credentials.headers().forEach(own::add);
    List<CloudflareError> problems = formatProblems(own.build());
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "the fake would refuse its own "
              + credentials
              + " as malformed ("
              + problems.get(0).message()
              + "): a token or key must not hold whitespace, an email must hold '@'");
    }
    TreeMap<String, String> expected = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    expected.putAll(credentials.headers());
    return new AuthenticationCheck(expected);
  }

  /**
   * The errors for the 6003 {@code error_chain}, one per malformed credential header (6111
   * Authorization, 6102 X-Auth-Email, 6103 X-Auth-Key); empty if none is malformed. A header given
   * more than once is malformed.
   */
  public static List<CloudflareError> formatProblems(Headers headers) {
    List<CloudflareError> problems = new ArrayList<>(1);
    if (isMalformed(headers.allValues(AUTHORIZATION), AuthenticationCheck::isBearer)) {
      problems.add(CloudflareError.of(6111, "Invalid format for Authorization header"));
    }
    if (isMalformed(headers.allValues(EMAIL), AuthenticationCheck::isEmail)) {
      problems.add(CloudflareError.of(6102, "Invalid format for X-Auth-Email header"));
    }
    if (isMalformed(headers.allValues(KEY), AuthenticationCheck::isKey)) {
      problems.add(CloudflareError.of(6103, "Invalid format for X-Auth-Key header"));
    }
    return problems;
  }

  /**
   * Whether well-formed headers carry exactly the configured credentials: every header of the
   * scheme once with its value, and no credential header of another scheme.
   */
  public boolean authenticates(Headers headers) {
    for (String name : CREDENTIAL_HEADERS) {
      List<String> values = headers.allValues(name);
      String want = expected.get(name);
      if (want == null) {
        if (!values.isEmpty()) {
          return false;
        }
      } else if (values.size() != 1 || !matches(name, values.get(0), want)) {
        return false;
      }
    }
    return true;
  }

  private interface Format {
    boolean accepts(String value);
  }

  /** Absent is fine; more than one value, or one the format refuses, is malformed. */
  private static boolean isMalformed(List<String> values, Format format) {
    return values.size() > 1 || (values.size() == 1 && !format.accepts(values.get(0)));
  }

  /** {@code Bearer <token>}: the scheme in any case, one space, a token without whitespace. */
  private static boolean isBearer(String value) {
    return value.length() > BEARER.length()
        && value.regionMatches(true, 0, BEARER, 0, BEARER.length())
        && isKey(value.substring(BEARER.length()));
  }

  /** Something, an {@code @}, something, and no whitespace. */
  private static boolean isEmail(String value) {
    int at = value.indexOf('@');
    return at > 0 && at < value.length() - 1 && isKey(value);
  }

  /** Non-empty printable ASCII without whitespace. */
  private static boolean isKey(String value) {
    return !value.isEmpty() && value.chars().allMatch(c -> c > 0x20 && c < 0x7F);
  }

  private static boolean matches(String name, String actual, String want) {
    if (name.equals(AUTHORIZATION)) {
      // The scheme's name is case-insensitive (RFC 9110, 11.1); the token is not.
      return actual.substring(BEARER.length()).equals(want.substring(BEARER.length()));
    }
    return actual.equals(want);
  }
}
