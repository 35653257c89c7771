package io.github.devtoolssessions.core;

/**
 * A walk over all sessions cannot go on safely: the server answered a later page with exactly the
 * page before it, which means it ignores {@code offset}; walking on would loop forever.
 */
public class PagingException extends DevtoolsSessionsException {

  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public PagingException(String message) {
    super(message);
  }
}
