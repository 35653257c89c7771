package io.github.devtoolssessions.core;

/**
 * How the library hides secrets in what it shows: one mask, and the rule for URLs. Public so that
 * tools built on the library (the CLI, an application's logs) mask the same way.
 *
 * <p>Masks the parts of a URL that can carry a credential before it is shown to a person.
 *
 * <p>The DevTools URLs embed a JWT in their query ({@code ?jwt=...}, or a {@code wss=} that holds
 * one), so the whole query and fragment are replaced: which parameter is secret varies, and a
 * partial mask would invite mistakes. The URL is treated as text, never parsed, so that even a
 * malformed value is masked.
 */
public final class Redaction {

  /** What stands in for a hidden value everywhere in the library's output. */
  public static final String MASK = "****";

  private Redaction() {}

  /**
   * The URL with everything after the first {@code ?} or {@code #} replaced by {@value #MASK};
   * {@code null} stays {@code null}.
   */
  public static String maskQuery(String url) {
    if (url == null) {
      return null;
    }
    int cut = indexOfQueryOrFragment(url);
    return cut < 0 ? url : url.substring(0, cut + 1) + MASK;
  }

  private static int indexOfQueryOrFragment(String url) {
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '?' || c == '#') {
        return i;
      }
    }
    return -1;
  }
}
