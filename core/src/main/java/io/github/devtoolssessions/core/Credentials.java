package io.github.devtoolssessions.core;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a client proves who it is: exactly one of Cloudflare's three schemes, each sent as its own
 * headers and never mixed.
 *
 * <table>
 *   <caption>Schemes and their headers</caption>
 *   <tr><th>factory</th><th>headers sent</th></tr>
 *   <tr><td>{@link #apiToken(String)} (preferred)</td><td>{@code Authorization: Bearer <token>}</td></tr>
 *   <tr><td>{@link #apiKey(String, String)} (legacy)</td>
 *       <td>{@code X-Auth-Email: <email>}, {@code X-Auth-Key: <key>}</td></tr>
 *   <tr><td>{@link #userServiceKey(String)}</td><td>{@code X-Auth-User-Service-Key: <key>}</td></tr>
 * </table>
 *
 * <p>Values are checked when the credentials are made: blank values, line breaks (which would split
 * a header) and anything but printable ASCII are refused, with a message that never shows the
 * value. {@link #toString()} names the scheme only.
 */
public final class Credentials {

  /** The three authentication schemes of the Cloudflare API. */
  public enum Scheme {
    /** {@code Authorization: Bearer <token>}. */
    API_TOKEN,
    /** {@code X-Auth-Email} and {@code X-Auth-Key}: the account's email and global API key. */
    API_KEY,
    /** {@code X-Auth-User-Service-Key}. */
    USER_SERVICE_KEY
  }

  /** Names of every header that carries a credential; their values are never shown. */
  public static final Set<String> SECRET_HEADER_NAMES =
      Set.of("authorization", "x-auth-key", "x-auth-email", "x-auth-user-service-key", "cookie");

  private final Scheme scheme;
  private final Map<String, String> headers;

  private Credentials(Scheme scheme, Map<String, String> headers) {
    this.scheme = scheme;
    this.headers = headers;
  }

  /**
   * An API token, sent as {@code Authorization: Bearer <token>}.
   *
   * @throws IllegalArgumentException if the token is blank or not printable ASCII
   */
  public static Credentials apiToken(String token) {
    TextRules.requireHeaderSecret("apiToken", token);
    return new Credentials(Scheme.API_TOKEN, Map.of("Authorization", "Bearer " + token));
  }

  /**
   * The account's email and global API key, sent as {@code X-Auth-Email} and {@code X-Auth-Key}.
   *
   * @throws IllegalArgumentException if either is blank or not printable ASCII
   */
  public static Credentials apiKey(String email, String apiKey) {
    TextRules.requireHeaderSecret("email", email);
    TextRules.requireHeaderSecret("apiKey", apiKey);
    return new Credentials(Scheme.API_KEY, Map.of("X-Auth-Email", email, "X-Auth-Key", apiKey));
  }

  /**
   * A user service key, sent as {@code X-Auth-User-Service-Key}.
   *
   * @throws IllegalArgumentException if the key is blank or not printable ASCII
   */
  public static Credentials userServiceKey(String key) {
    TextRules.requireHeaderSecret("userServiceKey", key);
    return new Credentials(Scheme.USER_SERVICE_KEY, Map.of("X-Auth-User-Service-Key", key));
  }

  /** Which scheme these credentials use. */
  public Scheme scheme() {
    return scheme;
  }

  /** The headers that authenticate a request under this scheme, by name. */
  public Map<String, String> headers() {
    return headers;
  }

  /** Whether a header of this name carries a credential, so that its value must be masked. */
  public static boolean isSecretHeader(String name) {
    return SECRET_HEADER_NAMES.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The scheme, never a secret: {@code Credentials[API_TOKEN]}. */
  @Override
  public String toString() {
    return "Credentials[" + scheme + "]";
  }
}
