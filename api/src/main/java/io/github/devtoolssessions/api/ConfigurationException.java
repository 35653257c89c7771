package io.github.devtoolssessions.api;

import io.github.devtoolssessions.core.DevtoolsSessionsException;

/**
 * A client cannot be built as configured: a required setting is missing (account id, credentials),
 * a setting from the environment is invalid, or no transport or codec can be found. The message
 * says what is missing and how to give it.
 */
public class ConfigurationException extends DevtoolsSessionsException {

  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public ConfigurationException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
