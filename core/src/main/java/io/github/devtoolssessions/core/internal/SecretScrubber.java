package io.github.devtoolssessions.core.internal;

import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.Redaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes the credential values a request carried from text that came back from the server. A
 * misbehaving server or proxy can echo request headers into an error page; what it echoes must not
 * reach an exception message.
 */
public final class SecretScrubber {

  /** Shorter values are not searched for: they would mask ordinary words. */
  private static final int MIN_SECRET_LENGTH = 4;

  private final List<String> secrets;

  private SecretScrubber(List<String> secrets) {
    this.secrets = secrets;
  }

  /** A scrubber for the secret header values of a request. */
  public static SecretScrubber of(Headers headers) {
    List<String> secrets = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : headers.map().entrySet()) {
      if (Credentials.isSecretHeader(e.getKey())) {
        for (String v : e.getValue()) {
          addSecret(secrets, v);
          if (v.regionMatches(true, 0, "Bearer ", 0, 7)) {
            addSecret(secrets, v.substring(7).strip());
          }
        }
      }
    }
    // Longest first, so that "Bearer abc" is masked whole before "abc" is looked for.
    secrets.sort((a, b) -> Integer.compare(b.length(), a.length()));
    return new SecretScrubber(List.copyOf(secrets));
  }

  private static void addSecret(List<String> secrets, String value) {
    if (value.length() >= MIN_SECRET_LENGTH && !secrets.contains(value)) {
      secrets.add(value);
    }
  }

  /** The text with every secret replaced by {@value Redaction#MASK}. */
  public String scrub(String text) {
    String result = text;
    for (String secret : secrets) {
      if (result.contains(secret)) {
        result = result.replace(secret, Redaction.MASK);
      }
    }
    return result;
  }
}
