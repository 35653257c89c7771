package io.github.devtoolssessions.api;

import io.github.devtoolssessions.core.Credentials;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the settings the official Cloudflare SDKs take from the environment. Kept apart from the
 * builder so that it can be given any map (tests) and so that the rules are in one place.
 *
 * <p>Credentials: {@code CLOUDFLARE_API_TOKEN} wins; else {@code CLOUDFLARE_EMAIL} with {@code
 * CLOUDFLARE_API_KEY}; else {@code CLOUDFLARE_API_USER_SERVICE_KEY}. Empty values count as unset.
 */
final class EnvironmentConfig {

  /** The variable names read. */
  static final String API_TOKEN = "CLOUDFLARE_API_TOKEN";

  /** The account email for the legacy scheme. */
  static final String EMAIL = "CLOUDFLARE_EMAIL";

  /** The global API key for the legacy scheme. */
  static final String API_KEY = "CLOUDFLARE_API_KEY";

  /** The user service key. */
  static final String USER_SERVICE_KEY = "CLOUDFLARE_API_USER_SERVICE_KEY";

  /** The account id. */
  static final String ACCOUNT_ID = "CLOUDFLARE_ACCOUNT_ID";

  /** The API base URL. */
  static final String BASE_URL = "CLOUDFLARE_BASE_URL";

  private final Map<String, String> env;

  /** Reads from {@code env}. */
  EnvironmentConfig(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** A variable's value, if set and not blank. */
  Optional<String> get(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  /**
   * The credentials the environment gives, if any.
   *
   * @throws ConfigurationException if only half of the email + key pair is set, or a value is
   *     invalid (the message never shows it)
   */
  Optional<Credentials> credentials() {
    try {
      Optional<String> token = get(API_TOKEN);
      if (token.isPresent()) {
        return Optional.of(Credentials.apiToken(token.get()));
      }
      Optional<String> email = get(EMAIL);
      Optional<String> key = get(API_KEY);
      if (email.isPresent() && key.isPresent()) {
        return Optional.of(Credentials.apiKey(email.get(), key.get()));
      }
      if (email.isPresent() != key.isPresent()) {
        throw new ConfigurationException(
            (email.isPresent()
                    ? EMAIL + " is set but " + API_KEY
                    : API_KEY + " is set but " + EMAIL)
                + " is not: the legacy scheme needs both (or set "
                + API_TOKEN
                + " instead)");
      }
      return get(USER_SERVICE_KEY).map(Credentials::userServiceKey);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          "the credentials in the environment are invalid: " + e.getMessage(), e);
    }
  }
}
