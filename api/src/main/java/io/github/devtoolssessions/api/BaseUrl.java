package io.github.devtoolssessions.api;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the API's base URL. HTTPS is required, since every request carries a credential; plain
 * HTTP is allowed only for loopback hosts, where the testkit's fake server listens.
 */
final class BaseUrl {

  /** Cloudflare's API base, the default. */
  static final URI DEFAULT = URI.create("https://api.cloudflare.com/client/v4");

  private BaseUrl() {}

  /**
   * The base URL, checked; trailing slashes are kept, the request builder ignores them.
   *
   * @param source what gave the value, for messages ({@code baseUrl}, {@code CLOUDFLARE_BASE_URL})
   * @throws IllegalArgumentException naming the source, the value and the rule broken
   */
  static URI parse(String source, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(source + " must not be blank");
    }
    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      // Not chained: the cause's message quotes the input whole, user info included.
      throw new IllegalArgumentException(
          source
              + " = \""
              + shown(value)
              + "\" is not a valid URI: "
              + e.getReason()
              + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
    }
    return check(source, uri);
  }

  /**
   * The base URL, checked.
   *
   * @throws IllegalArgumentException naming the source, the value and the rule broken
   */
  static URI check(String source, URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
      throw new IllegalArgumentException(
          source
              + " = \""
              + shown(uri.toString())
              + "\" is invalid: it must be an absolute http(s) URL with a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          source + " is invalid: it must not carry user info (value not shown: it may be secret)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          source + " = \"" + uri + "\" is invalid: it must have no query and no fragment");
    }
    if (scheme.equals("https")) {
      return uri;
    }
    if (scheme.equals("http")) {
      if (isLoopback(uri.getHost())) {
        return uri;
      }
      throw new IllegalArgumentException(
          source
              + " = \""
              + uri
              + "\" is invalid: plain http is allowed only for loopback hosts (localhost,"
              + " 127.0.0.0/8, [::1]), since requests carry credentials; use https");
    }
    throw new IllegalArgumentException(
        source + " = \"" + uri + "\" is invalid: the scheme must be https (or http for loopback)");
  }

  private static final Pattern USER_INFO = Pattern.compile("^([^:/?#]+://)[^/?#]*@");

  /**
   * The value with any user info masked: a credential written as {@code https://token@host} stays
   * out of the message when something else in the URL is wrong.
   */
  static String shown(String value) {
    return USER_INFO.matcher(value.strip()).replaceFirst("$1***@");
  }

  /**
   * Whether the host is a loopback name or literal; names other than localhost are not looked up.
   */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false; // a name: never resolved here, so DNS cannot turn it into a loopback address
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
